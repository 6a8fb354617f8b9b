"""The page machinery: paper, margins, running header and footer, "Page X of Y",
bookmarks and metadata.

"Y" is drawn into every page as a reference to a form that is only filled in
once the last page is known, so the plan is laid out in a single pass.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from coprod_check.i18n import _
from coprod_check.report import fonts
from coprod_check.report.direction import shaped, visual
from coprod_check.report.styles import INK, MUTED, RULE

PAPER = {"a4": A4, "letter": LETTER}
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 19 * mm
_TOTAL_FORM = "coprodPageTotal"
_FOOT_SIZE = 8
_HASH_SIZE = 7
#: Told how far the layout has got, as reportlab's progress callback is ("SIZE_EST", flowables), then
#: ("PROGRESS", flowables laid out): the export worker (report/job.py) sets it to report progress.
on_progress: Any = None


@dataclass(frozen=True)
class PageText:
    """What the running header, the footer and the metadata say (all already clean text)."""

    title: str
    author: str
    subject: str
    keywords: str
    creator: str
    language: str
    header_left: str
    header_right: str
    footer_right: str
    footer_line: str
    printed: dt.date  # the creation date in the metadata: true, yet the same on every run that day


def page_size(paper: str) -> tuple[float, float]:
    """The page size in points for "a4" or "letter"."""
    try:
        return PAPER[paper.lower()]
    except (KeyError, AttributeError):
        raise ValueError(_("paper must be 'a4' or 'letter', not {paper!r}").format(paper=paper)) from None


def bookmark(flowable: Flowable, title: str, level: int = 0) -> Flowable:
    """Mark a heading so it gets an entry in the PDF's bookmarks (title as plain text)."""
    from coprod_check.report.text import one_line

    flowable._coprod_bookmark = (one_line(title, 200), level)  # type: ignore[attr-defined]
    return flowable


class _Stamp:
    """The creation date reportlab writes into the metadata: midnight UTC on `day`."""

    def __init__(self, day: dt.date):
        self.YMDhms = (day.year, day.month, day.day, 0, 0, 0)
        self.dhh = self.dmm = 0


class _TotalPagesCanvas(Canvas):
    """Fills in the page-total form once every page has been drawn."""

    def save(self) -> None:
        total = self.getPageNumber() - 1  # the page after the last one has begun
        self.beginForm(_TOTAL_FORM)
        self.setFont(fonts.FAMILY, _FOOT_SIZE)
        self.setFillColor(INK)
        self.drawString(0, 0, str(total))
        self.endForm()
        super().save()


class PlanDocument(BaseDocTemplate):
    """A cover page, then body pages with header and footer."""

    def __init__(self, output: Any, paper: str, text: PageText):
        self.text = text
        self._marks = 0
        self.marks: list[tuple[str, int, int]] = []  # (title, level, page) of every bookmark
        width, height = page_size(paper)
        fonts.register()
        super().__init__(
            output,
            pagesize=(width, height),
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            invariant=1,
            title=text.title,
            author=text.author,
            subject=text.subject,
            keywords=text.keywords,
            creator=text.creator,
            lang=text.language,
            pageCompression=1,
            # Otherwise every page names Helvetica, a font that is neither used nor embedded.
            initialFontName=fonts.FAMILY,
            initialFontSize=10,
            initialLeading=12,
        )
        if on_progress is not None:
            self.setProgressCallBack(on_progress)
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=self._cover),
                PageTemplate("body", [frame], onPage=self._body),
            ]
        )

    def build_plan(self, story: list[Flowable]) -> None:
        """Lay out the story and write the PDF."""
        self.build(story, canvasmaker=_TotalPagesCanvas)

    def afterFlowable(self, flowable: Flowable) -> None:
        mark = getattr(flowable, "_coprod_bookmark", None)
        if mark is None:
            return
        title, level = mark
        self._marks += 1
        key = f"section-{self._marks}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
        self.marks.append((title, level, self.canv.getPageNumber()))

    # -- page decoration -----------------------------------------------------

    def _cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.showOutline()
        # Invariant mode fixes the creation date at 1 January 2000 so output is
        # repeatable; the print date keeps it repeatable and makes it true.
        canv._doc._timeStamp = _Stamp(self.text.printed)
        self._footer(canv, with_page=False)

    def _body(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        left, right = self.leftMargin, width - self.rightMargin
        base = height - MARGIN_TOP + 8 * mm
        canv.saveState()
        canv.setFillColor(INK)
        right_text = self.text.header_right
        canv.setFont(fonts.FAMILY, _FOOT_SIZE + 1)
        canv.drawRightString(right, base, right_text)
        room = right - left - canv.stringWidth(right_text, fonts.FAMILY, _FOOT_SIZE + 1) - 12
        canv.setFont(fonts.BOLD, _FOOT_SIZE + 1)
        canv.drawString(left, base, fit(self.text.header_left, fonts.BOLD, _FOOT_SIZE + 1, room))
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(left, base - 4, right, base - 4)
        canv.restoreState()
        self._footer(canv, with_page=True)

    def _footer(self, canv: Canvas, with_page: bool) -> None:
        width, _height = self.pagesize
        left, right = self.leftMargin, width - self.rightMargin
        base = MARGIN_BOTTOM - 8 * mm
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(left, base + 11, right, base + 11)
        canv.setFillColor(INK)
        if with_page:
            # Translators: the number of pages is printed right after this ("Page 2 of 33").
            label = _("Page {page} of ").format(page=canv.getPageNumber())
            canv.setFont(fonts.FAMILY, _FOOT_SIZE)
            canv.drawString(left, base, label)
            canv.saveState()
            canv.translate(left + canv.stringWidth(label, fonts.FAMILY, _FOOT_SIZE), base)
            canv.doForm(_TOTAL_FORM)
            canv.restoreState()
        canv.setFont(fonts.FAMILY, _FOOT_SIZE)
        canv.drawRightString(right, base, self.text.footer_right)
        if self.text.footer_line:
            canv.setFillColor(MUTED)
            canv.setFont(fonts.FAMILY, _HASH_SIZE)
            canv.drawString(left, base - 10, fit(self.text.footer_line, fonts.FAMILY, _HASH_SIZE, right - left))
        canv.restoreState()


def fit(text: str, font: str, size: float, width: float) -> str:
    """Text cut with an ellipsis so that it fits `width` points on one line, ready to draw.

    Arabic letters are joined before measuring, and a line holding right-to-left
    text comes back in visual order (see `direction`).
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = shaped(" ".join(text.split()))
    if stringWidth(text, font, size) <= width:
        return visual(text)
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with its ellipsis
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid].rstrip() + "\u2026", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return visual(text[:lo].rstrip() + "\u2026")
