"""The actions as a workbook (.xlsx, openpyxl) and as CSV (UTF-8 with a byte-order mark).

The workbook's first sheet is "Actions": its first row is the header (`action_rows.HEADERS`),
marked as the header of an Excel table, frozen, and repeated on every printed page. A "Read me"
sheet says what the workbook is and gives the assessment's SHA-256; a "Domains" sheet lists each
domain's scores as the result gives them (scoring owns the numbers).

Text is always stored as text: a title such as "=SUM(A1)" is shown as typed, never run as a
formula. The CSV cannot mark a cell as text, so there a cell that starts with = + - or @ gets an
apostrophe in front, as spreadsheets themselves do, so that opening it never runs a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from copy import copy
from typing import Any

from coprod_check.domain.wording import long_date, whole
from coprod_check.i18n import N_, _, ngettext
from coprod_check.report.action_rows import COLUMNS, ActionRow, action_rows, headers
from coprod_check.report.literal import visible_line
from coprod_check.report.model import Report
from coprod_check.report.ooxml import DocumentProperties, save

ACTIONS_SHEET = "Actions"
README_SHEET = "Read me"
DOMAINS_SHEET = "Domains"
CELL_LIMIT = 32767  # the most characters Excel keeps in one cell
CUT = N_("\u2026 [cut here: the cell is full; the whole text is in the assessment file]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Column widths in characters, by key: wide enough to read, narrow enough to print landscape.
WIDTHS = {"title": 36, "why": 40, "how": 40, "domain": 20, "owner": 18, "priority": 20, "sha256": 16}


def render_csv(report: Report, find_out_unanswered: bool = False) -> bytes:
    """The actions as CSV bytes: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF rows."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers())
    for row in action_rows(report, find_out_unanswered):
        writer.writerow([_csv_cell(value) for value in row])
    return out.getvalue().encode("utf-8-sig", errors="strict")


def _csv_cell(value: object) -> str:
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_xlsx(report: Report, find_out_unanswered: bool = False) -> bytes:
    """The actions workbook as .xlsx bytes; the same report gives the same bytes."""
    from openpyxl import Workbook

    wb = Workbook()
    actions = wb.active
    actions.title = ACTIONS_SHEET
    rows = action_rows(report, find_out_unanswered)
    _actions_sheet(actions, rows)
    _readme_sheet(wb.create_sheet(README_SHEET), report, len(rows))
    _domains_sheet(wb.create_sheet(DOMAINS_SHEET), report)
    return save(wb, properties(report))


def properties(report: Report) -> DocumentProperties:
    """The workbook's own properties: title, language, the print date and the assessment's hash."""
    a, q = report.assessment, report.questionnaire
    organisation = visible_line(a.organisation).strip() or _("Organisation not recorded")
    return DocumentProperties(
        title=_("Co-production actions: {organisation}").format(organisation=organisation),
        printed=report.today,
        subject=visible_line(f"{q.title} {q.version}"),
        author=organisation,
        keywords="co-production, lived experience, action plan"
        + (f", assessment-sha256:{report.sha256}" if report.sha256 else ""),
        language=visible_line(q.language).strip() or "en-GB",
        sha256=report.sha256,
        custom={"CoprodCheckDocument": "actions"},  # formats.KIND_PROPERTY: a plan may replace it
    )


def _fit_cell(value: str) -> str:
    """Text cut to what one cell can hold, saying so."""
    if len(value) <= CELL_LIMIT:
        return value
    cut = _(CUT)
    return value[: CELL_LIMIT - len(cut)] + cut


def _text(cell: Any, value: str) -> None:
    """Text into a cell as text (never a formula), cut to what one cell can hold."""
    cell.value = _fit_cell(value)
    cell.data_type = "s"


def _actions_sheet(ws: Any, rows: list[ActionRow]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    top = Alignment(vertical="top", wrap_text=True)
    one_line = Alignment(vertical="top")  # the hash: one line, never broken
    for col, header in enumerate(headers(), start=1):
        cell = ws.cell(row=1, column=col)
        _text(cell, header)
        cell.font = Font(bold=True)
        cell.alignment = top
    # Each column's look is made once and copied to its cells: openpyxl hashes a style every time
    # one is set, which was most of the time the sheet took. A date column gets a date's format.
    looks: dict[int, Any] = {}
    for r, row in enumerate(rows, start=2):
        ws.append([_fit_cell(v) if isinstance(v, str) else v for v in row])
        for col, cell in enumerate(ws[r], start=1):
            if cell.data_type == "f":
                cell.data_type = "s"  # text that starts with "=" stays text, never a formula
            key = col * 2 + (not isinstance(row[col - 1], str))
            if key in looks:
                cell._style = copy(looks[key])
                continue
            if key % 2:
                cell.number_format = "d mmm yyyy"
            cell.alignment = one_line if COLUMNS[col - 1][0] == "sha256" else top
            looks[key] = cell._style
    ws.row_dimensions[1].height = 30.0  # headers of two lines
    widths = [WIDTHS.get(key, max(12, len(header) + 2)) for key, header in COLUMNS]
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, row in enumerate(rows, start=2):
        ws.row_dimensions[r].height = _height(row[:-1], widths)  # the hash stays on one line
    last = f"{get_column_letter(len(COLUMNS))}{len(rows) + 1}"
    if rows:  # a table needs a row under its header
        table = Table(displayName="Actions", ref=f"A1:{last}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        ws.add_table(table)
    else:
        ws.auto_filter.ref = f"A1:{last}"
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _height(values: Sequence[object], widths: Sequence[int]) -> float:
    """A row tall enough for its wrapped text: neither Excel nor LibreOffice grows a row by
    itself on opening a file, so each row gets the height its longest cell needs."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        if isinstance(value, str) and value:
            per_line = max(1, int(width * 1.1))  # characters of a proportional font in the column
            lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in value.split("\n")))
    return min(409.0, 15.0 * lines)  # Excel's tallest row is 409 points


def _readme_sheet(ws: Any, report: Report, count: int) -> None:
    from openpyxl.styles import Alignment, Font

    a, q = report.assessment, report.questionnaire
    lines: list[tuple[str, str]] = [
        (_("Co-production actions"), ""),
        (_("Organisation"), visible_line(a.organisation).strip() or _("Not recorded")),
        (_("Team"), visible_line(a.team).strip() or _("Not recorded")),
        (_("Date of the assessment"), long_date(a.date, _("not recorded"))),
        (_("Questionnaire"), visible_line(_("{title}, version {version}").format(title=q.title, version=q.version))),
        (
            _("Printed"),
            _("{date} by coprod-check {version}").format(
                date=long_date(report.today.isoformat()), version=report.version
            ),
        ),
        (_("Actions"), _listed(count)),
        (_("Set aside"), _set_aside(report.set_aside)),
        (
            _("Ids"),
            _(
                "Each action keeps its ID when the plan is exported again, so a new export can be "
                "matched with this one row by row."
            ),
        ),
        (
            _("Owners"),
            _("\u201cOwner agreed\u201d says No where the owner is only a suggestion that still has to be agreed."),
        ),
        (
            _("Assessment SHA-256"),
            report.sha256 or _("Not given: these actions were made from answers that were not saved."),
        ),
    ]
    wrap = Alignment(vertical="top", wrap_text=True)
    widths = (24, 66)
    for r, (label, value) in enumerate(lines, start=1):
        _text(ws.cell(row=r, column=1), label)
        ws.cell(row=r, column=1).font = Font(bold=True, size=14 if r == 1 else 11)
        ws.cell(row=r, column=1).alignment = wrap if r > 1 else Alignment(vertical="top")
        if value:
            _text(ws.cell(row=r, column=2), value)
            ws.cell(row=r, column=2).alignment = wrap
        ws.row_dimensions[r].height = 20.0 if r == 1 else _height((label, value), widths)
    ws.column_dimensions["A"].width = widths[0]
    ws.column_dimensions["B"].width = widths[1]
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _listed(count: int) -> str:
    if count == 0:
        return _("The plan has no actions yet, so the sheet \u201c{sheet}\u201d has only its header row.").format(
            sheet=ACTIONS_SHEET
        )
    return ngettext(
        "The sheet \u201c{sheet}\u201d lists {count} action, one a row.",
        "The sheet \u201c{sheet}\u201d lists {count} actions, one a row, critical first.",
        count,
    ).format(sheet=ACTIONS_SHEET, count=count)


def _set_aside(count: int) -> str:
    if count == 0:
        return _("The team set aside none of the suggested actions.")
    return ngettext(
        "The team set aside {count} suggested action; it is not listed.",
        "The team set aside {count} suggested actions; they are not listed.",
        count,
    ).format(count=count)


def _domains_sheet(ws: Any, report: Report) -> None:
    from openpyxl.styles import Font

    # "With", as the result names the axis: a with score is no claim of partnership.
    headers = (_("Domain"), _("Score (0 to 100)"), _("Care (0 to 100)"), _("With (0 to 100)"), _("Actions"))
    for col, header in enumerate(headers, start=1):
        _text(ws.cell(row=1, column=col), header)
        ws.cell(row=1, column=col).font = Font(bold=True)
    counts: dict[str, int] = {}
    for action in report.accepted:
        if action.domain_id:
            counts[action.domain_id] = counts.get(action.domain_id, 0) + 1
    for r, d in enumerate(report.result.domains, start=2):
        _text(ws.cell(row=r, column=1), visible_line(d.title))
        for col, score in enumerate((d.score, d.care, d.with_), start=2):
            value = whole(score)
            if value is None:
                _text(ws.cell(row=r, column=col), _("Not known yet"))
            else:
                ws.cell(row=r, column=col).value = value
        ws.cell(row=r, column=5).value = counts.get(d.id, 0)
    ws.column_dimensions["A"].width = 46
    for letter in "BCDE":
        ws.column_dimensions[letter].width = 16
    ws.freeze_panes = "A2"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
