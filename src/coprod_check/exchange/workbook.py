"""Writing a response workbook: a blank copy of an assessment that a colleague fills in with Excel
or LibreOffice, offline, and sends back to be combined (`workbook_read.py` reads it).

Three sheets a person sees, and one hidden:

* "Start here": what this is, who will see what, how small groups are protected, and the
  questionnaire's content note and where to find support;
* "About you": Role, Lived experience and Name in column A, the answers in column B; role and
  lived experience picked from drop-down lists, the name typed (optional);
* "Answers": a header row, then one row per question, domain by domain: the question id (hidden
  and protected), the domain, the question, why it matters, every level's full sentence, a
  drop-down answer (with "Don't know", and "Not applicable" where the question allows it), a
  note, whether the note is private, and evidence. The rows are an Excel table, so a screen
  reader announces each cell's column header; nothing is merged.
* "coprod-check" (hidden, protected): what the workbook answers, and the drop-downs' lists.

Sheets are protected without a password, so that the question ids and texts are not changed by
accident; only the cells to fill in are open.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from coprod_check.domain.assessment import Assessment
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.domain.taking_part import evidence_hint, question_note, start_sheet_paragraphs
from coprod_check.exchange import layout, words
from coprod_check.i18n import _

_FONT = "Calibri"
_START_WIDTH = 78
_LINE = 14.5  # points: one line of 11 pt Calibri


def build(assessment: Assessment, q: Questionnaire) -> Any:
    """The openpyxl Workbook of a blank response to `assessment`'s questionnaire."""
    from openpyxl import Workbook

    book = Workbook()
    start = book.active
    start.title = layout.START_SHEET
    _start_sheet(start, assessment, q)
    lists = _key_sheet(book.create_sheet(layout.KEY_SHEET), assessment, q)
    _about_sheet(book.create_sheet(layout.ABOUT_SHEET, 1), q, lists)
    _answers_sheet(book.create_sheet(layout.ANSWERS_SHEET, 2), q, lists)
    book.active = 0
    return book


def _cell(sheet: Any, row: int, column: int, value: object) -> Any:
    """Put `value` in a cell, text made one a workbook can hold: a control character typed into an
    organisation's name or a questionnaire's text shows as a placeholder (report/literal.py), and
    text that starts with "=" is kept as text, never written as a formula."""
    from coprod_check.report.literal import visible

    cell = sheet.cell(row=row, column=column, value=visible(value) if isinstance(value, str) else value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text that starts with "=" stays text: no one's words become a formula
    return cell


def to_bytes(assessment: Assessment, q: Questionnaire) -> bytes:
    """The workbook's bytes: the same for the same assessment and questionnaire (report.ooxml)."""
    from coprod_check import __version__
    from coprod_check.report.ooxml import DocumentProperties, save

    props = DocumentProperties(
        title=_("{title}: your answers").format(title=q.title),
        printed=_date(assessment.date),
        subject=assessment.organisation,
        author=f"coprod-check {__version__}",
        language=q.language,
        custom={"CoprodCheckFormat": layout.FORMAT, "QuestionnaireId": q.id, "QuestionnaireVersion": q.version},
    )
    return save(build(assessment, q), props)


def write(path: Path, assessment: Assessment, q: Questionnaire) -> None:
    """Write the workbook atomically to `path` (a new file: there is nothing to keep a copy of)."""
    from coprod_check.app.store import write_atomic

    write_atomic(path, to_bytes(assessment, q), backup=False)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return dt.date.today()


def _styles() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    return {
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "bold": Font(name=_FONT, bold=True, size=11),
        "title": Font(name=_FONT, bold=True, size=16),
        "heading": Font(name=_FONT, bold=True, size=13),
        "body": Font(name=_FONT, size=11),
        "open": Protection(locked=False),
        "fill": PatternFill("solid", fgColor="FFF2CC"),  # the cells to fill in: pale yellow
    }


def _protect(sheet: Any, landscape: bool = False) -> None:
    # No password: protection only stops accidents. People may still resize rows and columns.
    # Printed, each sheet fits the paper's width.
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def _start_sheet(sheet: Any, assessment: Assessment, q: Questionnaire) -> None:
    s = _styles()
    sheet.column_dimensions["A"].width = _START_WIDTH
    _cell(sheet, 1, 1, _("{title}: your answers").format(title=q.title))
    sheet["A1"].font = s["title"]
    row = 2
    from coprod_check.app.support import own_support

    for kind, text in start_sheet_paragraphs(assessment, q, own_support()):
        row += 1
        cell = _cell(sheet, row, 1, text)
        cell.font = s["heading"] if kind == "heading" else s["body"]
        cell.alignment = s["wrap"]
        if kind != "heading":
            sheet.row_dimensions[row].height = _LINE * _lines(text, _START_WIDTH)
    _protect(sheet)


def _key_sheet(sheet: Any, assessment: Assessment, q: Questionnaire) -> dict[str, str]:
    """The hidden sheet: what this workbook answers, and each drop-down's list. Returns each list's
    range, by name ("roles", "lived", "choices:<scale>:<na>")."""
    values = {
        "format": layout.FORMAT,
        "format_version": layout.FORMAT_VERSION,
        "questionnaire": q.id,
        "version": q.version,
        "organisation": layout.escaped(assessment.organisation),
        "team": layout.escaped(assessment.team),
        "date": assessment.date,
        "min_group_size": str(assessment.min_group_size),
    }
    for row, key in enumerate(layout.KEYS, 1):
        _cell(sheet, row, 1, key)
        _cell(sheet, row, 2, values[key])
    lists: dict[str, list[str]] = {
        "roles": [p.label for p in q.perspectives],
        "lived": [_(x) for x in words.LIVED_EXPERIENCE_LABELS.values()],
        "switch": [_(words.NO), _(words.YES)],
    }
    for question in q.questions():
        lists.setdefault(_list_name(question), words.AnswerReader(q, question).labels())
    ranges = {}
    for column, (name, items) in enumerate(lists.items(), layout.LISTS_COLUMN):
        from openpyxl.utils import get_column_letter

        letter = get_column_letter(column)
        _cell(sheet, 1, column, name)
        for row, item in enumerate(items, 2):
            _cell(sheet, row, column, item)
        ranges[name] = f"'{layout.KEY_SHEET}'!${letter}$2:${letter}${len(items) + 1}"
    sheet.sheet_state = "hidden"
    _protect(sheet)
    return ranges


def _list_name(question: Any) -> str:
    return layout.list_name(question.scale, question.not_applicable)


def _validation(source: str, prompt_title: str, prompt: str) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(type="list", formula1=f"={source}", allow_blank=True)
    # A warning, not a stop: a typed answer is still read if it names an answer, and reported
    # by its cell if it does not.
    dv.errorStyle = "warning"
    dv.errorTitle = _("Not one of the answers")[:32]
    dv.error = _("Please pick one of the answers from the list.")[:255]
    dv.promptTitle = prompt_title[:32]
    dv.prompt = prompt[:255]
    dv.showErrorMessage = True
    dv.showInputMessage = True
    return dv


def _about_sheet(sheet: Any, q: Questionnaire, lists: dict[str, str]) -> None:
    s = _styles()
    for letter, width in zip("ABC", (22, 36, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    rows = [
        (layout.ABOUT_SHEET, _("Your answer"), _("How to answer")),
        (layout.ROLE, "", _("Pick the role you take part as from the list.")),
        (
            layout.LIVED,
            "",
            _("Do you have lived experience of mental health difficulties? Pick Yes, No or Prefer not to say."),
        ),
        (layout.NAME, "", _("Optional. Leave it empty to take part without your name.")),
    ]
    for r, values in enumerate(rows, 1):
        for c, value in enumerate(values, 1):
            cell = _cell(sheet, r, c, value or None)
            cell.alignment = s["wrap"]
            cell.font = s["bold"] if r == 1 or c == 1 else s["body"]
    for r in (2, 3, 4):
        sheet.row_dimensions[r].height = _LINE * max(_lines(str(rows[r - 1][2]), 70), 2)
        cell = sheet.cell(row=r, column=2)
        cell.protection = s["open"]
        cell.fill = s["fill"]
    role = _validation(lists["roles"], _("Your role"), _("Pick the role you take part as."))
    role.add("B2")
    lived = _validation(lists["lived"], _("Lived experience"), _("Pick Yes, No or Prefer not to say."))
    lived.add("B3")
    sheet.add_data_validation(role)
    sheet.add_data_validation(lived)
    _cell(sheet, 6, 1, _("The roles")).font = s["bold"]
    _cell(sheet, 6, 2, _("What each role means")).font = s["bold"]
    for r, p in enumerate(q.perspectives, 7):
        _cell(sheet, r, 1, p.label).alignment = s["wrap"]
        cell = _cell(sheet, r, 2, p.description)
        cell.alignment = s["wrap"]
        sheet.row_dimensions[r].height = _LINE * _lines(p.description, 36)
    _protect(sheet)


def _answers_sheet(sheet: Any, q: Questionnaire, lists: dict[str, str]) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    s = _styles()
    for c, (header, width) in enumerate(zip(layout.COLUMNS, layout.WIDTHS, strict=True), 1):
        cell = _cell(sheet, 1, c, header)
        cell.font = s["bold"]
        cell.alignment = s["wrap"]
        sheet.column_dimensions[get_column_letter(c)].width = width
    sheet.column_dimensions["A"].hidden = True
    sheet.row_dimensions[1].height = 2 * _LINE  # "Keep note private" wraps onto two lines
    answer_col = layout.COLUMNS.index(layout.ANSWER) + 1
    private_col = layout.COLUMNS.index(layout.PRIVATE) + 1
    open_cols = [layout.COLUMNS.index(h) + 1 for h in (layout.ANSWER, layout.NOTE, layout.PRIVATE, layout.EVIDENCE)]
    validations: dict[str, Any] = {}
    switch = _validation(
        lists["switch"], _("Keep the note private?"), _("Yes keeps your note out of the group's results.")
    )
    row = 1
    for domain in q.domains:
        for question in domain.questions:
            row += 1
            meanings = "\n".join(f"{c.label}: {c.text}" if c.text else c.label for c in words.choices(q, question))
            # A content note comes before the question it is about, as a screen reader reads the row.
            note = question_note(question)
            prompt = _("Content note: {note}").format(note=note) + "\n\n" + question.prompt if note else question.prompt
            hint = evidence_hint(question)
            why = question.why + "\n\n" + _("What would show it: {hint}").format(hint=hint) if hint else question.why
            values = (question.id, domain.title, prompt, why, meanings, None, None, _(words.NO), None)
            for c, value in enumerate(values, 1):
                cell = _cell(sheet, row, c, value)
                cell.alignment = s["wrap"]
                cell.font = s["body"]
            for c in open_cols:
                cell = sheet.cell(row=row, column=c)
                cell.protection = s["open"]
                cell.fill = s["fill"]
            name = _list_name(question)
            if name not in validations:
                validations[name] = _validation(lists[name], _("Your answer"), _("Pick the answer that fits best."))
            validations[name].add(f"{get_column_letter(answer_col)}{row}")
            switch.add(f"{get_column_letter(private_col)}{row}")
            height = max(_lines(meanings, layout.WIDTHS[4]), _lines(question.prompt, 42), _lines(question.why, 42), 3)
            sheet.row_dimensions[row].height = _LINE * height
    for dv in (*validations.values(), switch):
        sheet.add_data_validation(dv)
    table = Table(displayName="Answers", ref=f"A1:{get_column_letter(len(layout.COLUMNS))}{row}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
    sheet.add_table(table)
    sheet.freeze_panes = "C2"
    sheet.print_title_rows = "1:1"
    _protect(sheet, landscape=True)


def _lines(text: str, width: float) -> int:
    """About how many lines `text` takes in a column `width` characters wide."""
    import math

    return sum(max(1, math.ceil(len(part) / max(width * 1.2, 1))) for part in str(text).split("\n"))
