"""The paper's blocks as reportlab flowables: every text escaped here, and nowhere else.

Typography: a heading never sits alone at the foot of a page, yet does not drag a whole
table onto the next one (it asks for room for itself and a few lines, no more); a Keep stays
on one page; running text is set to at most about 75 characters a line; long words break
with a visible hyphen (pyphen, through reportlab's own hyphenation).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table

from coprod_check.report.blocks import bulleted, grid, numbered
from coprod_check.report.charts import BarRow, domain_charts, quadrant_chart
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
HEADING_ROOM = 96


def markup(r: Runs) -> str:
    """Runs as Paragraph markup: each run's text escaped, then styled."""
    out = []
    for run in r:
        text = para(run.text) if run.text.strip() or "\n" not in run.text else "<br/>"
        if run.text.startswith(" ") and text and not text.startswith(" "):
            text = " " + text  # para() strips only newlines; keep the space between runs
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

    def measure(self, style: ParagraphStyle) -> ParagraphStyle:
        """The style with a right indent that keeps its lines to about MEASURE characters."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        sample = "the organisation shares decisions with people who have lived experience "
        per_char = stringWidth(sample, style.fontName, style.fontSize) / len(sample)
        room = self.width - style.leftIndent - MEASURE * per_char
        if room <= 0:
            return style
        return ParagraphStyle(f"{style.name}-measured", parent=style, rightIndent=room)

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
            style = {"body": s.body, "lead": s.lead, "note": s.note, "warning": s.body}[b.style]
            return paragraphs(markup(b.runs), self.measure(style))
        if isinstance(b, Items):
            items = [markup(x) for x in b.items]
            return [numbered(items, "body", s) if b.numbered else bulleted(items, s, "bullet")]
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

    def heading(self, b: Heading) -> list[Flowable]:
        style = {1: self.styles.h1, 2: self.styles.h2}.get(b.level, self.styles.h3)
        # Room for itself and a few lines; no keepWithNext, which would pull a whole table over.
        style = ParagraphStyle(f"{style.name}-free", parent=style, keepWithNext=0)
        flowable = Paragraph(para(b.text), style)
        out: list[Flowable] = [CondPageBreak(HEADING_ROOM)]
        if b.bookmark:
            level = min(b.level - 1 + self.outline_shift, self._last_level + 1)
            self._last_level = level
            flowable = bookmark(flowable, b.text, level=level)
        out.append(flowable)
        return out

    def table(self, b: TableBlock) -> Table:
        rows = [[f"{para(h)}" for h in b.header], *([markup(c) for c in row] for row in b.rows)]
        widths = [self.width * share for share in b.widths]
        extra = []
        if b.total_rows:
            first = len(b.rows) - b.total_rows + 1
            extra.append(("LINEABOVE", (0, first), (-1, first), 1, INK))
        return grid(rows, widths, self.styles, extra=extra)

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
                    "no score",
                    "no score",
                    note=note,
                )
            )
        out: list[Flowable] = []
        for drawing in domain_charts(rows, self.width):
            out += [Spacer(1, 4), drawing]
        return out

    def quote(self, b: Quote) -> list[Flowable]:
        """Their words as they gave them, set in from the margin: cut into pieces only so a
        long statement can run over pages (never shortened)."""
        text = paragraphs(para(b.text), self.measure(self.styles.quote))
        by = [Paragraph(f"\u2014 {para(b.by)}", self.measure(self.styles.quote))] if b.by else []
        return [Spacer(1, 2), *text, *by, Spacer(1, 6)]
