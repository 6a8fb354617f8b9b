"""The paper's blocks as reportlab flowables: every text escaped here, and nowhere else.

Typography: a heading never sits alone at the foot of a page, yet does not drag a whole
table onto the next one (it asks for room for itself and a few lines, no more); a Keep stays
on one page; running text is set to at most about 75 characters a line; long words break
with a visible hyphen (pyphen, through reportlab's own hyphenation).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, ListFlowable, ListItem, PageBreak, Spacer, Table

from coprod_check.report.blocks import grid
from coprod_check.report.charts import (
    CARE,
    CARE_FILL,
    WITH,
    WITH_FILL,
    BarRow,
    Level,
    distribution_chart,
    domain_charts,
    quadrant_chart,
)
from coprod_check.report.charts import Series as ChartSeries
from coprod_check.report.chunks import paragraphs
from coprod_check.report.content.model import (
    Block,
    Break,
    Chart,
    Fields,
    Heading,
    Items,
    Keep,
    Para,
    Quote,
    Runs,
)
from coprod_check.report.content.model import (
    Table as TableBlock,
)
from coprod_check.report.direction import Para as Paragraph
from coprod_check.report.document import bookmark
from coprod_check.report.styles import INK, Styles
from coprod_check.report.text import para
from coprod_check.report.trend_chart import trend_drawing

#: The longest line of running text, in characters (issue: "at most about 75").
MEASURE = 75
#: Room a heading asks for below it (itself and a few lines), so it never ends a page alone.
HEADING_ROOM = 72


def markup(r: Runs) -> str:
    """Runs as Paragraph markup: each run's text escaped, then styled."""
    out = []
    for run in r:
        if not run.text.strip():
            text = "<br/>" * run.text.count("\n") or para(run.text)
        else:
            # para() strips the newlines at either end: a line break there is the run's own.
            lead = len(run.text) - len(run.text.lstrip("\n"))
            trail = len(run.text) - len(run.text.rstrip("\n"))
            text = "<br/>" * lead + para(run.text) + "<br/>" * trail
            if run.text.lstrip("\n").startswith(" ") and not text.startswith((" ", "<br/>")):
                text = " " + text  # keep the space between runs
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        out.append(text)
    return "".join(out)


@dataclass
class Flow:
    """Turns blocks into flowables for one document (its width and styles)."""

    styles: Styles
    width: float
    height: float
    outline_shift: int = 0  # added to every heading's outline level (the appendix nests)
    charts: Callable[[Chart, float], list[Flowable]] | None = None
    _last_level: int = -1
    # Styles made once per document, not once per paragraph: each costs about 1 KiB.
    _made: dict[str, ParagraphStyle] = field(default_factory=dict)

    def measure(self, style: ParagraphStyle) -> ParagraphStyle:
        """The style with a right indent that keeps its lines to about MEASURE characters."""
        key = f"{style.name}-measured"
        if key in self._made:
            return self._made[key]
        from reportlab.pdfbase.pdfmetrics import stringWidth

        sample = "the organisation shares decisions with people who have lived experience "
        per_char = stringWidth(sample, style.fontName, style.fontSize) / len(sample)
        room = self.width - style.leftIndent - MEASURE * per_char
        made = style if room <= 0 else ParagraphStyle(key, parent=style, rightIndent=room)
        self._made[key] = made
        return made

    def derived(self, name: str, parent: ParagraphStyle, **kw: object) -> ParagraphStyle:
        """A style made from `parent` once per document."""
        if name not in self._made:
            self._made[name] = ParagraphStyle(name, parent=parent, **kw)
        return self._made[name]

    def blocks(self, blocks: tuple[Block, ...]) -> list[Flowable]:
        """Flowables for the blocks, in order."""
        out: list[Flowable] = []
        for b in blocks:
            out += self.block(b)
        return out

    def block(self, b: Block) -> list[Flowable]:
        """Flowables for one block."""
        s = self.styles
        if isinstance(b, Heading):
            return self.heading(b)
        if isinstance(b, Para):
            if b.style == "fingerprint":  # one unbroken line, the full width
                style = self.derived("fingerprint", s.note, fontSize=8, leading=10, hyphenationLang="")
                return [Paragraph(markup(b.runs), style)]
            style = {"body": s.body, "lead": s.lead, "note": s.note, "warning": s.body}.get(b.style, s.body)
            return paragraphs(markup(b.runs), self.measure(style))
        if isinstance(b, Items):
            return [self.items(b)]
        if isinstance(b, Fields):
            rows = [
                (f"<b>{para(label)}</b>", f"<i>{markup(value)}</i>" if label in b.missing else markup(value))
                for label, value in b.rows
            ]
            return [grid(rows, [self.width * 0.3, self.width * 0.7], s, header=False)]
        if isinstance(b, TableBlock):
            return [self.table(b)]
        if isinstance(b, Chart):
            return self.chart(b)
        if isinstance(b, Quote):
            return self.quote(b)
        if isinstance(b, Keep):
            return [KeepTogether(self.blocks(b.blocks))]
        if isinstance(b, Break):
            return [PageBreak()] if b.kind == "page" else [CondPageBreak(b.space_mm * mm)]
        return paragraphs(para(b.fallback()), s.body)  # a kind this renderer does not know yet

    def items(self, b: Items) -> Flowable:
        """A bulleted or numbered list, its lines measured like running text."""
        style = self.measure(self.styles.body if b.numbered else self.styles.bullet)
        entries = [
            ListItem(Paragraph(markup(x), style), **({"value": i + 1} if b.numbered else {}))
            for i, x in enumerate(b.items)
        ]
        if b.numbered:
            return ListFlowable(
                entries,
                bulletType="1",
                bulletFontName=style.fontName,
                bulletFontSize=style.fontSize,
                leftIndent=16,
                bulletFormat="%s.",
            )
        return ListFlowable(
            entries,
            bulletType="bullet",
            start="\u2022",
            leftIndent=14,
            bulletFontName=style.fontName,
            bulletFontSize=style.fontSize,
        )

    def heading(self, b: Heading) -> list[Flowable]:
        style = {1: self.styles.h1, 2: self.styles.h2}.get(b.level, self.styles.h3)
        # Room for itself and a few lines; no keepWithNext, which would pull a whole table over.
        # A level-3 heading is often a question: set to the measure of running text.
        style = self.derived(f"{style.name}-free", style, keepWithNext=0)
        if b.level >= 3:
            style = self.measure(style)
        flowable = Paragraph(para(b.text), style)
        out: list[Flowable] = [CondPageBreak(HEADING_ROOM)]
        if b.bookmark:
            level = min(b.level - 1 + self.outline_shift, self._last_level + 1)
            self._last_level = level
            flowable = bookmark(flowable, b.text, level=level)
        out.append(flowable)
        return out

    def table(self, b: TableBlock) -> Table:
        rows = [[f"{para(h)}" for h in b.header]]
        spans: set[int] = set()
        for i, row in enumerate(b.rows):
            rows.append([markup(c) for c in row])
            if i < len(b.details) and b.details[i]:
                spans.add(len(rows))
                rows.append([markup(b.details[i]), *([""] * (len(row) - 1))])
        widths = [self.width * share for share in b.widths]
        extra = []
        if b.total_rows:
            first = len(rows) - b.total_rows
            extra.append(("LINEABOVE", (0, first), (-1, first), 1, INK))
        return grid(rows, widths, self.styles, extra=extra, spans=frozenset(spans))

    def chart(self, b: Chart) -> list[Flowable]:
        if self.charts is not None:
            done = self.charts(b, self.width)
            if done:
                return done
        if b.kind == "trend":
            return [Spacer(1, 2), trend_drawing(b, self.width * b.width_share, b.height_mm * mm), Spacer(1, 4)]
        if b.kind == "quadrant":
            return [self._quadrant(b)]
        if b.kind == "domains":
            return self._domains(b)
        if b.kind == "distribution" and b.series:
            levels = [
                Level(label, int(n or 0), b.marks[i] if i < len(b.marks) else "")
                for i, (label, n) in enumerate(zip(b.categories, b.series[0].values, strict=True))
            ]
            return [distribution_chart(levels, int(b.y_max), self.width), Spacer(1, 2)]
        return paragraphs(para(b.alt), self.styles.note)

    def _quadrant(self, b: Chart) -> Flowable:
        main = next((p for p in b.points if p[0] == "all"), None)
        lived = next(((p[1], p[2]) for p in b.points if p[0] == "lived-experience"), None)
        side = min(self.width * b.width_share, b.height_mm * mm)
        return quadrant_chart(
            None,
            main[1] if main else None,
            main[2] if main else None,
            b.current or None,
            side=side,
            lived=lived,
            cells=b.cells,
        )

    def _domains(self, b: Chart) -> list[Flowable]:
        care = next((s for s in b.series if s.role == "care"), None)
        with_ = next((s for s in b.series if s.role == "with"), None)
        pair = (CARE, WITH)
        if (care is None or with_ is None) and len(b.series) >= 2:  # any other two series, named in words
            care, with_ = b.series[0], b.series[1]
            legend = {"lived-experience": "People with lived experience", "others": "People without lived experience"}
            pair = (
                ChartSeries(care.name.split(" (")[0], legend.get(care.role, care.name), WITH_FILL),
                ChartSeries(with_.name.split(" (")[0], legend.get(with_.role, with_.name), CARE_FILL),
            )
            if care.role == "before":  # last time light, now dark, as the window draws them
                pair = (
                    ChartSeries(pair[0].name, care.name, CARE_FILL),
                    ChartSeries(pair[1].name, with_.name, WITH_FILL),
                )
        rows = []
        for i, title in enumerate(b.categories):
            unknown = b.unknown[i] if i < len(b.unknown) else 0
            note = f"{unknown} \u201cdon\u2019t know\u201d" if unknown else ""
            if i < len(b.group_sizes) and b.group_sizes[i]:
                note = "; ".join(x for x in (b.group_sizes[i], note) if x)
            rows.append(
                BarRow(
                    title,
                    care.values[i] if care else None,
                    with_.values[i] if with_ else None,
                    b.missing[i][0] if i < len(b.missing) else _missing(care.role if care else "", "first"),
                    b.missing[i][1] if i < len(b.missing) else _missing(with_.role if with_ else "", "second"),
                    note=note,
                )
            )
        out: list[Flowable] = []
        for drawing in domain_charts(rows, self.width, pair):
            out += [Spacer(1, 4), drawing]
        return out

    def quote(self, b: Quote) -> list[Flowable]:
        """Their words as they gave them, set in from the margin: cut into pieces only so a
        long statement can run over pages (never shortened)."""
        text = paragraphs(para(b.text), self.measure(self.styles.quote))
        by = [Paragraph(f"\u2014 {para(b.by)}", self.measure(self.styles.quote))] if b.by else []
        return [Spacer(1, 2), *text, *by, Spacer(1, 6)]


def _missing(role: str, which: str) -> str:
    """What a bar without a figure says instead."""
    if role in ("lived-experience", "others"):
        return "not shown"
    if role == "before":
        return "no score then"
    if role == "now":
        return "not yet answered"
    return "no score"
