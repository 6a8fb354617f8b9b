"""Sign-off: lines for the board to write name, role and date."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from coprod_check.i18n import _
from coprod_check.report.blocks import CELL_FONT, p
from coprod_check.report.document import bookmark
from coprod_check.report.model import Report
from coprod_check.report.styles import INK, Styles

TITLE = _("Sign-off")
ROWS = 4


def story(report: Report, styles: Styles, width: float) -> list[Flowable]:
    """The sign-off section's flowables."""
    gap = 14  # empty columns between the lines, so each reads as its own blank
    head = [
        Paragraph(_("Name"), styles.cell_head),
        "",
        Paragraph(_("Role"), styles.cell_head),
        "",
        Paragraph(_("Date"), styles.cell_head),
    ]
    lines = Table(
        [head] + [[""] * 5 for _ in range(ROWS)],
        colWidths=[width * 0.4 - gap, gap, width * 0.38 - gap, gap, width * 0.22],
        rowHeights=[18] + [36] * ROWS,
        hAlign="LEFT",
        style=TableStyle(
            [
                *CELL_FONT,
                *(("LINEBELOW", (c, 1), (c, -1), 0.8, INK) for c in (0, 2, 4)),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        ),
    )
    review = Table(
        [[Paragraph(_("Date of the first review of progress"), styles.cell_head), ""]],
        colWidths=[width * 0.5, width * 0.3],
        rowHeights=[34],
        hAlign="LEFT",
        style=TableStyle(
            [
                *CELL_FONT,
                ("LINEBELOW", (1, 0), (1, 0), 0.8, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        ),
    )
    return [
        bookmark(p(TITLE, "h1", styles), TITLE),
        p(_("Signed for the board when it has agreed this plan and the decisions asked of it."), "body", styles),
        Spacer(1, 8),
        lines,
        Spacer(1, 16),
        review,
    ]
