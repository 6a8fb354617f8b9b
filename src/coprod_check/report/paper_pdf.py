"""The board paper and its appendix as PDF: the format-neutral Paper (report/content) laid out
with reportlab. The Word twin renders the same Paper, so both say the same in the same order.

The board paper runs to at most four pages: if it would run over, it is built again more
briefly (fewer risks, a shorter summary), and the appendix starts by page 5 at the latest.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import partial

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, NextPageTemplate, PageBreak
from reportlab.platypus.doctemplate import NullActionFlowable

from coprod_check.report.content.model import Block, Paper, Part, Section
from coprod_check.report.document import PageText, PlanDocument
from coprod_check.report.paper_flow import Flow
from coprod_check.report.styles import make_styles
from coprod_check.report.text import clean

#: A section starts a new page only when the page it would start on is already three quarters full,
#: so no page is left less than a third full (except the page before a new part).
FULL_ENOUGH = 0.75


def render_paper(paper: Paper, size: str = "a4") -> tuple[bytes, int]:
    """The PDF bytes, and the page the appendix starts on (0 when there is none)."""
    styles = make_styles()
    buffer = io.BytesIO()
    doc = PlanDocument(buffer, size, page_text(paper))
    story: list[Flowable] = [NextPageTemplate("body")]
    for n, part in enumerate(paper.parts):
        if n:
            story.append(PageBreak())
        story += _part(part, Flow(styles, doc.width, doc.height, outline_shift=0), doc.height)
    doc.build_plan(story)
    appendix = next((page for title, level, page in doc.marks if level == 0 and title == _appendix(paper)), 0)
    return buffer.getvalue(), appendix


def _appendix(paper: Paper) -> str:
    part = paper.part("appendix")
    return part.sections[0].title if part and part.sections else ""


class Deferred(Flowable):
    """A section's flowables, made only when layout reaches it, so that the whole document's
    paragraphs are never held in memory at once: it asks for more room than any page has,
    and layout then asks it to split, which makes the real flowables."""

    def __init__(self, make: Callable[[], list[Flowable]]):
        super().__init__()
        self.make = make

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, available_height + 1e6

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        # Led by an action that does nothing, so layout puts every piece back in the story as it is.
        return [NullActionFlowable(), *self.make()]

    def draw(self) -> None:  # never drawn: always split first
        pass


def _part(part: Part, flow: Flow, height: float) -> list[Flowable]:
    out: list[Flowable] = []
    for i, section in enumerate(part.sections):
        if part.id == "board-paper":
            if i == 1:
                out.append(PageBreak())  # the cover sheet is a page of its own; the rest flows on
        elif i and section.new_page:
            out.append(CondPageBreak(height * (1 - FULL_ENOUGH)))
        # The part's first heading is its top bookmark; everything else in the part nests below it.
        shift = 0 if i == 0 else 1
        out.append(Deferred(partial(_section, section, flow, part, shift)))
    return out


def _section(section: Section, flow: Flow, part: Part, shift: int) -> list[Flowable]:
    flow.outline_shift = shift
    if part.id == "board-paper" and section.id == "top-actions":
        return [KeepTogether(flow.blocks(section.blocks))]  # the top five on one page
    # Block by block, as layout reaches each: a long section (the whole plan) is never held at once.
    return [Deferred(partial(_block, flow, block, shift)) for block in section.blocks]


def _block(flow: Flow, block: Block, shift: int) -> list[Flowable]:
    flow.outline_shift = shift
    return flow.block(block)


def page_text(paper: Paper) -> PageText:
    """Metadata, running header and footer, as clean plain text. The hash is in the metadata
    and printed once, on the last page: not in every footer."""
    m = paper.meta
    return PageText(
        title=clean(m.title),
        author=clean(m.author),
        subject=clean(m.subject),
        keywords=clean(m.keywords),
        creator=clean(m.creator),
        language=clean(m.language).strip() or "en-GB",
        header_left=clean(m.organisation),
        header_right=clean(m.header_right),
        footer_right=clean(m.footer_right),
        footer_line="",
        printed=m.printed,
    )
