"""Reading a filled response workbook back as one colleague's response.

The workbook maps back by its hidden "coprod-check" sheet (which questionnaire, version and
organisation it answers) and by the hidden question id of each row, never by guessing. Every
problem is reported by its cell ("Answers!F12: \u201csort of\u201d is not one of the answers"),
all of them at once, and a workbook with any problem is not read at all: nothing is silently
dropped. The response is then written and read through the assessment file format (app/store.py),
so it passes exactly the checks a JSON response passes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coprod_check.domain.assessment import LIVED_EXPERIENCE, MAX_TEXT, Answer, Assessment, Participant
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.exchange import layout, words
from coprod_check.exchange.xlsx import Cell, WorkbookError, open_workbook, rows, sheet_named
from coprod_check.i18n import _, format_number


def _formula(kind: str) -> str:
    """The whole sentence for a formula where `kind` goes ({cell}, {formula} filled in later)."""
    return {
        "answer": _(
            "{cell}: the answer is a formula ({formula}), and formulas are never worked out. Pick or type "
            "the answer itself instead"
        ),
        "note": _(
            "{cell}: the note is a formula ({formula}), and formulas are never worked out. Type the text itself instead"
        ),
        "evidence": _(
            "{cell}: the evidence is a formula ({formula}), and formulas are never worked out. Type the text "
            "itself instead"
        ),
        "role": _(
            "{cell}: the role is a formula ({formula}), and formulas are never worked out. Pick the role "
            "from the list instead"
        ),
        "lived": _(
            "{cell}: the answer on lived experience is a formula ({formula}), and formulas are never worked "
            "out. Pick Yes, No or Prefer not to say instead"
        ),
        "name": _(
            "{cell}: the name is a formula ({formula}), and formulas are never worked out. Type the name "
            "itself, or leave it empty"
        ),
    }[kind]


def _error_value(kind: str) -> str:
    """The whole sentence for an error value (#N/A, #REF!) where `kind` goes."""
    return {
        "answer": _("{cell}: the answer is an error value ({value}). Pick or type the answer itself instead"),
        "note": _("{cell}: the note is an error value ({value}). Type the text itself instead"),
        "evidence": _("{cell}: the evidence is an error value ({value}). Type the text itself instead"),
        "role": _("{cell}: the role is an error value ({value}). Pick the role from the list instead"),
        "lived": _(
            "{cell}: the answer on lived experience is an error value ({value}). Pick Yes, No or Prefer not "
            "to say instead"
        ),
        "name": _("{cell}: the name is an error value ({value}). Type the name itself, or leave it empty"),
    }[kind]


def read(path: Path, name: str | None = None) -> tuple[Assessment, bytes]:
    """The response a filled workbook holds, and the workbook's bytes; WorkbookError listing every problem."""
    source = name or str(path)
    book, data = open_workbook(path, _("a response workbook"))
    try:
        return from_book(book, source), data
    finally:
        book.close()


def from_book(book: Any, source: str) -> Assessment:
    """The response in an opened workbook (see `read`)."""
    problems: list[str] = []
    keys, lists = _keys(book, source)
    q = _questionnaire(keys, source)
    about = sheet_named(book, layout.ABOUT_SHEET)
    answers_sheet = sheet_named(book, layout.ANSWERS_SHEET)
    if about is None or answers_sheet is None:
        missing = layout.ABOUT_SHEET if about is None else layout.ANSWERS_SHEET
        said = _("has no sheet named \u201c{sheet}\u201d, so it cannot be read as a response")
        raise WorkbookError(source, [said.format(sheet=missing)])
    person = _person(about, q, problems, lists)
    answers = _answers(answers_sheet, q, problems, lists)
    if problems:
        raise WorkbookError(source, problems)
    assessment = Assessment(
        questionnaire_id=q.id,
        questionnaire_version=q.version,
        organisation=layout.unescaped(keys.get("organisation", "")),
        team=layout.unescaped(keys.get("team", "")),
        date=keys.get("date", ""),
        fingerprints=q.fingerprints(),
    )
    assessment.participants.append(person)
    assessment.answers.update(answers)
    return checked(assessment, source)


def checked(assessment: Assessment, source: str) -> Assessment:
    """The assessment as the file format reads it back: the same checks as any response file."""
    from coprod_check.app import store

    return store.loads(store.dumps(assessment), source)


def _keys(book: Any, source: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """What the hidden sheet says the workbook answers, and the lists its drop-downs offered."""
    sheet = sheet_named(book, layout.KEY_SHEET)
    found: dict[str, str] = {}
    columns: dict[int, list[str]] = {}
    if sheet is not None:
        ignored: list[str] = []
        for r, cells in enumerate(rows(sheet, layout.KEY_SHEET, ignored, max_rows=200), 1):
            is_key = r <= len(layout.KEYS) and len(cells) >= 2 and isinstance(cells[0].value, str)
            if is_key and not cells[1].is_formula():
                found[cells[0].value.strip()] = cells[1].text()
            for cell in cells[layout.LISTS_COLUMN - 1 :]:
                if not cell.is_formula():
                    columns.setdefault(cell.column, []).append(cell.text())
    lists = {items[0]: items[1:] for items in columns.values() if items and items[0]}
    if found.get("format") != layout.FORMAT:
        raise WorkbookError(
            source,
            [
                _(
                    "is not a coprod-check response workbook (one saved with \u201cSave a blank copy\u201d "
                    "or `coprod-check blank FILE -o COPY.xlsx`), so coprod-check cannot tell which questions "
                    "it answers. A Microsoft Forms export is read with `coprod-check import-forms`"
                )
            ],
        )
    if found.get("format_version") != layout.FORMAT_VERSION:
        raise WorkbookError(
            source, [_("was made by a newer coprod-check than this one. Please update coprod-check, then try again")]
        )
    return found, lists


def _at(items: list[str], text: str) -> int:
    """The place of `text` in a list the workbook offered, or -1."""
    folded = words.fold(text)
    return next((i for i, item in enumerate(items) if item and words.fold(item) == folded), -1)


def _questionnaire(keys: dict[str, str], source: str) -> Questionnaire:
    from coprod_check.app import catalogue

    qid, version = keys.get("questionnaire", ""), keys.get("version", "")
    q = catalogue.find(qid, version)
    if q is None or q.version != version:
        raise WorkbookError(
            source,
            [
                _(
                    "answers version {version} of the questionnaire \u201c{id}\u201d, which is not installed here. "
                    "Put that questionnaire's file in your questionnaires folder: {folder}"
                ).format(version=version, id=qid, folder=catalogue.user_questionnaire_dir())
            ],
        )
    return q


def _text(cell: Cell, problems: list[str], kind: str) -> str:
    """A cell's text; "" with a problem for a formula, an error value or text too long to keep.
    `kind` is what the cell holds: "answer", "note", "evidence", "role", "lived" or "name"."""
    if cell.is_formula():
        problems.append(_formula(kind).format(cell=cell.where, formula=str(cell.value)[:40]))
        return ""
    if cell.kind == "e":
        problems.append(_error_value(kind).format(cell=cell.where, value=cell.value))
        return ""
    text = cell.text()
    if len(text) > MAX_TEXT:
        said = _("{cell}: this is {length} characters long; at most {limit} are kept")
        problems.append(said.format(cell=cell.where, length=format_number(len(text)), limit=format_number(MAX_TEXT)))
        return ""
    return text


def _person(sheet: Any, q: Questionnaire, problems: list[str], lists: dict[str, list[str]]) -> Participant:
    found: dict[str, Cell] = {}
    for cells in rows(sheet, layout.ABOUT_SHEET, problems, max_rows=200):
        if len(cells) >= 2 and isinstance(cells[0].value, str):
            label = words.fold(cells[0].value)
            for key in (layout.ROLE, layout.LIVED, layout.NAME):
                if label == words.fold(key) and key not in found:
                    found[key] = cells[1]
    for key in (layout.ROLE, layout.LIVED, layout.NAME):
        if key not in found:
            said = _("{sheet}: there is no row \u201c{label}\u201d in column A")
            problems.append(said.format(sheet=layout.ABOUT_SHEET, label=key))
    if len(found) < 3:
        return Participant("other")
    role_text = _text(found[layout.ROLE], problems, "role")
    role = words.role(q, role_text)
    place = _at(lists.get("roles", []), role_text) if role is None and role_text else -1
    if 0 <= place < len(q.perspectives):
        role = q.perspectives[place].id
    if not role_text and not found[layout.ROLE].is_formula():
        said = _("{cell}: the role is empty. Pick the role you take part as from the list")
        problems.append(said.format(cell=found[layout.ROLE].where))
    elif role_text and role is None:
        labels = ", ".join(p.label for p in q.perspectives)
        said = _("{cell}: \u201c{text}\u201d is not one of the roles ({roles})")
        problems.append(said.format(cell=found[layout.ROLE].where, text=role_text[:80], roles=labels))
    lived_text = _text(found[layout.LIVED], problems, "lived")
    lived = words.lived_experience(lived_text) if lived_text else "prefer-not-to-say"
    place = _at(lists.get("lived", []), lived_text) if lived is None else -1
    if 0 <= place < len(LIVED_EXPERIENCE):
        lived = LIVED_EXPERIENCE[place]
    if lived is None:
        said = _("{cell}: \u201c{text}\u201d is not one of the answers (Yes, No, Prefer not to say)")
        problems.append(said.format(cell=found[layout.LIVED].where, text=lived_text[:80]))
    name = " ".join(_text(found[layout.NAME], problems, "name").split())
    return Participant(role or "other", lived or "prefer-not-to-say", name)


def _answers(sheet: Any, q: Questionnaire, problems: list[str], lists: dict[str, list[str]]) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    columns: dict[str, int] = {}
    seen: dict[str, str] = {}
    readers: dict[str, words.AnswerReader] = {}
    for r, cells in enumerate(rows(sheet, layout.ANSWERS_SHEET, problems), 1):
        if r == 1:
            for i, cell in enumerate(cells):
                if isinstance(cell.value, str):
                    for header in layout.COLUMNS:
                        if words.fold(cell.value) == words.fold(header):
                            columns.setdefault(header, i)
            needed = (layout.QUESTION_ID, layout.ANSWER, layout.NOTE, layout.PRIVATE, layout.EVIDENCE)
            missing = [h for h in needed if h not in columns]
            if missing:
                said = _("{sheet}: the first row should head the columns {headers}")
                headers = ", ".join(f"\u201c{h}\u201d" for h in missing)
                problems.append(said.format(sheet=layout.ANSWERS_SHEET, headers=headers))
                return answers
            continue

        def at(header: str, cells: list[Cell] = cells, r: int = r) -> Cell:
            i = columns[header]
            if i < len(cells):
                return cells[i]
            from coprod_check.exchange.xlsx import column_letter

            return Cell(f"{layout.ANSWERS_SHEET}!{column_letter(i + 1)}{r}", None, "n")

        id_cell = at(layout.QUESTION_ID)
        answer_cell, note_cell, private_cell, evidence_cell = (
            at(layout.ANSWER),
            at(layout.NOTE),
            at(layout.PRIVATE),
            at(layout.EVIDENCE),
        )
        qid = id_cell.text() if not id_cell.is_formula() else ""
        filled = [c for c in (answer_cell, note_cell, evidence_cell) if c.value not in (None, "")]
        if not qid:
            for c in filled:
                problems.append(
                    _("{cell}: this row has no question id, so what is in it cannot be placed").format(cell=c.where)
                )
            continue
        question = q.question(qid)
        if question is None:
            said = _("{cell}: \u201c{id}\u201d is not a question of version {version} of \u201c{questionnaire}\u201d")
            problems.append(said.format(cell=id_cell.where, id=qid[:60], version=q.version, questionnaire=q.id))
            continue
        if qid in seen:
            said = _("{cell}: the question \u201c{id}\u201d is already answered in {other}")
            problems.append(said.format(cell=id_cell.where, id=qid, other=seen[qid]))
            continue
        seen[qid] = id_cell.where
        choice = None
        if answer_cell.is_formula() or answer_cell.kind == "e":
            _text(answer_cell, problems, "answer")
        else:
            typed = answer_cell.text()
            if typed:
                if qid not in readers:
                    shown = lists.get(layout.list_name(question.scale, question.not_applicable))
                    readers[qid] = words.AnswerReader(q, question, shown)
                reader = readers[qid]
                choice = reader.read(typed)
                if choice is None:
                    said = _("{cell}: \u201c{text}\u201d is not one of the answers ({answers})")
                    problems.append(
                        said.format(cell=answer_cell.where, text=typed[:80], answers="; ".join(reader.labels()))
                    )
        private = None if private_cell.is_formula() else words.switch(private_cell.value)
        if private is None and not private_cell.is_formula():
            place = _at(lists.get("switch", []), private_cell.text())  # (No, Yes) as the workbook offered them
            private = None if place < 0 else bool(place)
        if private is None:
            said = _("{cell}: \u201c{text}\u201d should be Yes or No (whether the note is kept private)")
            problems.append(said.format(cell=private_cell.where, text=private_cell.text()[:40]))
            private = True  # never let a doubtful switch make a note public (the file is refused anyway)
        answer = Answer(choice, _text(note_cell, problems, "note"), _text(evidence_cell, problems, "evidence"), private)
        if not answer.is_empty():
            answers[qid] = answer
    return answers
