"""The Word twin of the board paper: the same `content.model.Paper` the PDF renders, as .docx.

    data, unknown = docx_for(questionnaire, assessment, assessment_sha256=sha, today=day)
    data, unknown = render_docx(paper, values, template=None)   # from a Paper already built

The document starts from a template (`word_template`): the project's own, or a trust's. Its
``{{ cover }}`` paragraph takes the cover sheet, its ``{{ paper }}`` paragraph the rest of the
board paper and the appendix, and its field placeholders take `values`. Without ``{{ cover }}``
the template is the cover sheet: the paper's own cover facts (the Fields block) are left out, and
the rest of its cover section opens the paper.

Accessible by construction (see `docx_blocks`): real headings in order, header rows that
repeat, pictures with their data as alternative text, title and language set. Every piece of
text goes through `literal.visible`, so markup, right-to-left letters and emoji are kept as
typed and control characters show as placeholders. The same paper, values, template and date
give the same bytes (`ooxml`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coprod_check.report import docx_blocks as blocks
from coprod_check.report.content.model import (
    Block,
    Break,
    Chart,
    Fields,
    Heading,
    Items,
    Keep,
    Paper,
    Para,
    Quote,
    Runs,
    Section,
    Table,
)
from coprod_check.report.literal import visible, visible_line
from coprod_check.report.ooxml import DocumentProperties, save

if TYPE_CHECKING:
    from coprod_check.domain.assessment import Assessment, BoardFields
    from coprod_check.domain.questionnaire import Questionnaire
    from coprod_check.report.model import Report

PARA_STYLES = {"body": "Normal", "lead": "Lead", "note": "Note", "warning": "Warning"}
COVER = "cover"


def docx_for(
    questionnaire: Questionnaire,
    assessment: Assessment,
    *,
    template: Path | None = None,
    paper: str | None = None,
    board: BoardFields | None = None,
    include_private: bool = False,
    include_names: bool = False,
    find_out_unanswered: bool = False,
    assessment_sha256: str | None = None,
    today: dt.date | None = None,
) -> tuple[bytes, set[str]]:
    """The Word twin of the board paper for an assessment, with the options `render_pdf` takes.

    Returns the bytes and the template's placeholder names coprod-check does not know. With a
    template of the trust's own, `paper` (the page size) is left as the template has it.
    """
    from coprod_check.report.content import build_paper
    from coprod_check.report.content.build import merged_fields
    from coprod_check.report.model import prepare

    report = prepare(
        questionnaire,
        assessment,
        include_private=include_private,
        include_names=include_names,
        assessment_sha256=assessment_sha256,
        today=today,
    )
    built = build_paper(report, board=board, find_out_unanswered=find_out_unanswered)
    values = placeholder_values(report, merged_fields(report.source.board, board), built)
    return render_docx(built, values, template=template, page=None if template else paper)


def placeholder_values(report: Report, fields: BoardFields, paper: Paper) -> dict[str, str]:
    """What each field placeholder of a template is filled with; a gap says so, as on the cover sheet."""
    from coprod_check.domain.wording import long_date
    from coprod_check.i18n import _
    from coprod_check.report.content.words import NOT_NAMED, NOT_SET, PURPOSE_LABELS

    a, q = report.source, report.questionnaire
    purpose = PURPOSE_LABELS.get(fields.purpose or "")
    return {
        "title": paper.meta.title,
        "organisation": paper.meta.organisation,
        "team": " ".join(a.team.split()) or _("Not recorded"),
        "meeting": fields.meeting.strip() or _(NOT_NAMED),
        "meeting_date": long_date(fields.meeting_date, _(NOT_SET)),
        "purpose": _(purpose) if purpose else _(NOT_SET),
        "executive_lead": fields.executive_lead.strip() or _(NOT_NAMED),
        "author": fields.author.strip() or _(NOT_NAMED),
        "assessment_date": long_date(a.date, _("not recorded")),
        "running_header": paper.meta.header_right,
        "printed": long_date(report.today.isoformat()),
        "questionnaire": _("{title}, version {version}").format(title=q.title, version=q.version),
        "sha256": report.sha256 or _("not saved"),
    }


def render_docx(
    paper: Paper,
    values: Mapping[str, str],
    *,
    template: Path | None = None,
    page: str | None = None,
) -> tuple[bytes, set[str]]:
    """The paper as .docx bytes, and the template's placeholder names coprod-check does not know.

    `page` ("a4" or "letter") sets the page size; None keeps the template's.
    """
    from coprod_check.report import word_template

    document = word_template.open_template(template)
    blocks.ensure_styles(document)
    language = visible_line(paper.meta.language).strip() or "en-GB"
    blocks.set_language(document, language)
    if page:
        _page_size(document, page)
    # The template's placeholders are filled before the paper goes in: text somebody typed
    # that looks like a placeholder is printed as typed, never filled.
    unknown = word_template.fill(document, {k: visible_line(v) for k, v in values.items()})
    writer = _Writer(document)
    cover = [s for s in _sections(paper) if s.id == COVER]
    rest = [s for s in _sections(paper) if s.id != COVER]
    has_cover = word_template.has_block(document, "cover")
    if has_cover:
        word_template.insert_at(document, "cover", lambda: writer.sections(cover))
    else:
        rest = [_without_fields(s) for s in cover] + rest
    # After the cover, or after the template's own cover sheet: a section that starts a page does.
    if not word_template.insert_at(document, "paper", lambda: writer.sections(rest, first_page=False)):
        writer.sections(rest, first_page=False)
    if paper.meta.hash_line and paper.meta.hash_line not in paper.text():
        blocks.paragraph(document, [(visible(paper.meta.hash_line), False, False, "")], "Note")
    return save(document, properties(paper)), unknown


def properties(paper: Paper) -> DocumentProperties:
    """The document's own properties, from the paper's metadata."""
    m = paper.meta
    return DocumentProperties(
        title=visible_line(m.title),
        printed=m.printed,
        subject=visible_line(m.subject),
        author=visible_line(m.author),
        keywords=visible_line(m.keywords),
        language=visible_line(m.language).strip() or "en-GB",
        sha256=m.sha256,
        custom={"CoprodCheckDocument": "board-paper"},  # formats.KIND_PROPERTY: a plan may replace it
    )


def _sections(paper: Paper) -> list[Section]:
    """Every section in order; each part after the first starts on a new page."""
    out: list[Section] = []
    for n, part in enumerate(paper.parts):
        for i, section in enumerate(part.sections):
            if n and not i and not section.new_page:
                section = Section(section.id, section.title, section.blocks, new_page=True)
            out.append(section)
    return out


def _without_fields(section: Section) -> Section:
    return Section(section.id, section.title, tuple(b for b in section.blocks if not isinstance(b, Fields)))


def _page_size(document: Any, page: str) -> None:
    from docx.shared import Mm

    width, height = {"a4": (Mm(210), Mm(297)), "letter": (Mm(215.9), Mm(279.4))}[page.lower()]
    for section in document.sections:
        section.page_width, section.page_height = width, height


def _parts(r: Runs, lang: str = "", italic: bool = False) -> list[tuple[str, bool, bool, str]]:
    return [(visible(run.text), run.bold, run.italic or italic, run.lang or lang) for run in r]


class _Writer:
    """Adds a paper's sections to the end of a document, keeping heading levels in order."""

    def __init__(self, document: Any):
        self.document = document
        self.level = 0  # the last heading's level: the next may go at most one deeper
        self.styles = {s.name for s in document.styles}
        self.section = ""  # the title of the section being written
        # A new page is asked for: the next paragraph starts one ("page break before"), rather
        # than a paragraph holding a break, which makes an empty page when it falls at a page's foot.
        self.new_page = False

    def sections(self, sections: list[Section], first_page: bool = True) -> None:
        for i, section in enumerate(sections):
            if section.new_page and (i or not first_page):
                self.new_page = True
            self.section = visible_line(section.title)
            self.blocks(section.blocks)

    def blocks(self, items: tuple[Block, ...], keep: bool = False) -> None:
        for n, block in enumerate(items):
            if self.new_page and isinstance(block, (Fields, Table)) and not getattr(block, "caption", ""):
                blocks.page_break(self.document)  # a table cannot start a page by itself
                self.new_page = False
            added = self.block(block)
            if self.new_page and added:
                added[0].paragraph_format.page_break_before = True
                self.new_page = False
            if keep and n < len(items) - 1:
                for p in added:
                    p.paragraph_format.keep_with_next = True

    def block(self, block: Block) -> list[Any]:
        """Add one block; returns the paragraphs it added (for keeping them together)."""
        d = self.document
        if isinstance(block, Heading):
            self.level, p = blocks.heading(d, visible_line(block.text), block.level, self.level)
            return [p]
        if isinstance(block, Para):
            return [blocks.paragraph(d, _parts(block.runs), PARA_STYLES.get(block.style, "Normal"))]
        if isinstance(block, Items):
            style = "List Number" if block.numbered else "List Bullet"
            if style not in self.styles:
                return [blocks.paragraph(d, [("\u2022 ", False, False, ""), *_parts(item)]) for item in block.items]
            return [blocks.paragraph(d, _parts(item), style) for item in block.items]
        if isinstance(block, Fields):
            # A gap ("not yet named") in italics, as on the PDF's cover: shown, never hidden.
            rows = [
                [[(visible_line(label), True, False, "")], _parts(value, italic=label in block.missing)]
                for label, value in block.rows
            ]
            blocks.table(d, [], rows, [0.32, 0.68], header_row=False, caption=self.section)
            return []
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Chart):
            return self.chart(block)
        if isinstance(block, Quote):
            added = [blocks.paragraph(d, [(visible(block.text), False, False, block.lang)], "Quote")]
            if block.by:
                added.append(blocks.paragraph(d, [("\u2014 " + visible_line(block.by), False, False, "")], "Quote"))
            return added
        if isinstance(block, Keep):
            self.blocks(block.blocks, keep=True)
            return []
        if isinstance(block, Break):
            self.new_page = self.new_page or block.kind == "page"
            return []
        text = getattr(block, "fallback", lambda: "")()  # a kind of block newer than this renderer
        return [blocks.paragraph(d, [(visible(text), False, False, "")])] if text else []

    def table(self, t: Table) -> list[Any]:
        d = self.document
        added = []
        if t.caption:
            caption = blocks.paragraph(d, [(visible_line(t.caption), False, False, "")], "Caption")
            caption.paragraph_format.keep_with_next = True
            added.append(caption)
        numeric = list(t.numeric) + [False] * (len(t.header) - len(t.numeric))
        rows = [[_parts(cell) for cell in row] for row in t.rows]
        blocks.table(
            d,
            [visible_line(h) for h in t.header],
            rows,
            list(t.widths) or [1 / max(1, len(t.header))] * len(t.header),
            caption=visible_line(t.caption),
            numeric=numeric,
            total_rows=t.total_rows,
            details=[_parts(more) for more in getattr(t, "details", ())],
        )
        return added

    def chart(self, c: Chart) -> list[Any]:
        from coprod_check.report.chart_png import chart_png

        d = self.document
        title = blocks.paragraph(d, [(visible_line(c.title), True, False, "")], "Caption")
        title.paragraph_format.keep_with_next = True
        # The places chart names its points in a key beside it: it needs more width than the PDF gives it.
        share = max(0.2, min(1.0, max(c.width_share, 0.8) if c.kind == "quadrant" else c.width_share))
        png = chart_png(c, _text_width_mm(d) * share)
        if png is None:  # a chart this renderer cannot draw: its words instead
            return [title, blocks.paragraph(d, [(visible(c.alt), False, False, "")])]
        return [title, blocks.picture(d, png, share, visible(c.alt), visible_line(c.title))]


def _text_width_mm(document: Any) -> float:
    section = document.sections[-1]
    return float((section.page_width - section.left_margin - section.right_margin) / 36000)
