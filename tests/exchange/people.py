"""Building what colleagues send back, as they would: response workbooks filled in (picked and typed
answers, blanks, mistakes), Microsoft Forms exports, and the same people's JSON responses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

import openpyxl

from coprod_check.app import store
from coprod_check.app.files import load_with_questionnaire
from coprod_check.cli import main
from coprod_check.domain.assessment import Answer, Participant
from coprod_check.exchange import layout, words


class Person(NamedTuple):
    """Someone taking part: role label, lived experience word, name, and answers by question id
    (a choice id, or the exact text they typed) with optional notes."""

    role: str
    lived: str
    name: str
    answers: dict[str, str]
    notes: dict[str, tuple[str, bool]] = {}  # question id: (note, private)


def lead(tmp_path: Path) -> tuple[Path, Path]:
    """The lead's assessment (the example) and a blank JSON copy of it."""
    assert main(["example", "-o", str(tmp_path / "lead.coprod")]) == 0
    assert main(["blank", str(tmp_path / "lead.coprod"), "-o", str(tmp_path / "blank.coprod")]) == 0
    return tmp_path / "lead.coprod", tmp_path / "blank.coprod"


def blank_workbook(tmp_path: Path, name: str = "blank.xlsx") -> Path:
    """A blank response workbook made by the command line."""
    lead_file = tmp_path / "lead.coprod"
    if not lead_file.exists():
        lead(tmp_path)
    out = tmp_path / name
    assert main(["blank", str(lead_file), "-o", str(out)]) == 0
    return out


def row_of(book: openpyxl.Workbook) -> dict[str, int]:
    """Each question id's row on the Answers sheet."""
    sheet = book[layout.ANSWERS_SHEET]
    return {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}


def fill_workbook(blank: Path, out: Path, person: Person, typed: bool = False) -> Path:
    """Fill a copy of `blank` as a person would in Excel: pick labels (or type the id when `typed`)."""
    book = openpyxl.load_workbook(blank)
    about = book[layout.ABOUT_SHEET]
    about["B2"], about["B3"], about["B4"] = person.role, person.lived, person.name or None
    _, q = load_with_questionnaire(blank.parent / "lead.coprod")
    rows = row_of(book)
    answers = book[layout.ANSWERS_SHEET]
    col = {h: i + 1 for i, h in enumerate(layout.COLUMNS)}
    for qid, choice in person.answers.items():
        question = q.question(qid)
        label = next((c.label for c in words.choices(q, question) if c.id == choice), choice)
        answers.cell(row=rows[qid], column=col[layout.ANSWER], value=choice if typed else label)
    for qid, (note, private) in person.notes.items():
        answers.cell(row=rows[qid], column=col[layout.NOTE], value=note)
        answers.cell(row=rows[qid], column=col[layout.PRIVATE], value=words.YES if private else words.NO)
    book.save(out)
    return out


def json_response(blank_json: Path, out: Path, person: Person) -> Path:
    """The same person's response as the app would save it."""
    _, q = load_with_questionnaire(blank_json)
    a = store.load(blank_json)
    role = next(p.id for p in q.perspectives if p.label == person.role)
    a.participants = [Participant(role, words.lived_experience(person.lived) or "", person.name)]
    a.answers = {qid: Answer(choice) for qid, choice in person.answers.items()}
    for qid, (note, private) in person.notes.items():
        old = a.answers.get(qid, Answer())
        a.answers[qid] = Answer(old.choice, note, "", private)
    store.save(out, a)
    return out


FORMS_OWN = ["Id", "Start time", "Completion time", "Email", "Name"]


def forms_export(
    tmp_path: Path,
    people: list[Person],
    out: Path,
    *,
    cut: int | None = 60,
    answer_as: str = "full",
    role_header: str = words.ROLE_QUESTION,
    lived_header: str = words.LIVED_EXPERIENCE_QUESTION,
    extra_columns: dict[str, list[object]] | None = None,
) -> Path:
    """A Microsoft Forms-style export: Forms' own columns (with account names, which must never be
    read), then the app's own questions; headers cut at `cut` characters with a trailing space, as
    Forms does with long titles; answers written as "full" ("Label: sentence"), "label" or "id"."""
    _, q = load_with_questionnaire(tmp_path / "lead.coprod")
    questions = list(q.questions())
    header: list[object] = [*FORMS_OWN, role_header, lived_header, words.NAME_QUESTION]
    for x in questions:
        header.append((x.prompt[:cut] + " ") if cut and len(x.prompt) > cut else x.prompt)
        note = words.NOTE_PREFIX + x.prompt
        header.append(note[:cut] + "\u2026" if cut and len(note) > cut else note)
    header += list(extra_columns or {})
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(header)
    for i, p in enumerate(people, 1):
        start = dt.datetime(2026, 11, 2, 9, 0) + dt.timedelta(minutes=7 * i)
        row: list[object] = [i, start, start + dt.timedelta(minutes=12), "anonymous", f"Account Holder {i}"]
        row += [p.role, p.lived, p.name]
        for x in questions:
            choice = p.answers.get(x.id)
            found = next((c for c in words.choices(q, x) if c.id == choice), None)
            if found is None:
                row.append(choice)  # typed text, or nothing
            elif answer_as == "id":
                row.append(found.id)
            elif answer_as == "label" or not found.text:
                row.append(found.label)
            else:
                row.append(f"{found.label}: {found.text}")
            note = p.notes.get(x.id)
            row.append(note[0] if note else None)
        for values in (extra_columns or {}).values():
            row.append(values[i - 1])
        sheet.append(row)
    book.save(out)
    return out
