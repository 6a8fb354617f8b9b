"""The response workbook: what a colleague sees, and how it reads back (picked, typed, mistaken)."""

from __future__ import annotations

import openpyxl
import pytest

from coprod_check.app.files import load_with_questionnaire
from coprod_check.cli import main
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE
from coprod_check.exchange import layout, words, workbook_read
from coprod_check.exchange.xlsx import WorkbookError
from tests.exchange.people import Person, blank_workbook, fill_workbook, row_of


@pytest.fixture
def blank(tmp_path):
    return blank_workbook(tmp_path)


def test_the_sheets_a_colleague_sees_and_the_hidden_key(blank):
    book = openpyxl.load_workbook(blank)
    assert book.sheetnames[:3] == [layout.START_SHEET, layout.ABOUT_SHEET, layout.ANSWERS_SHEET]
    assert book[layout.KEY_SHEET].sheet_state == "hidden"
    start = " ".join(str(c.value) for c in book[layout.START_SHEET]["A"] if c.value)
    for said in ("who will see", "small groups", "Samaritans", "nothing is sent anywhere", "private"):
        assert said.casefold() in start.casefold()
    assert "at least 3 people" in start


def test_about_you_has_role_lived_experience_and_name_with_drop_downs_for_two(blank):
    sheet = openpyxl.load_workbook(blank)[layout.ABOUT_SHEET]
    assert [sheet[f"A{r}"].value for r in (2, 3, 4)] == ["Role", "Lived experience", "Name"]
    lists = {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}
    assert set(lists) == {"B2", "B3"}  # the name is typed, never a list of names
    assert all(dv.type == "list" for dv in lists.values())
    key = openpyxl.load_workbook(blank)[layout.KEY_SHEET]
    column = lists["B3"].formula1.split("!")[1].split(":")[0].replace("$", "")[0]
    assert [key[f"{column}{r}"].value for r in (2, 3, 4)] == ["Yes", "No", "Prefer not to say"]
    assert sheet.protection.sheet and not sheet["B4"].protection.locked and sheet["A4"].protection.locked


def test_answers_one_row_per_question_by_domain_with_headers_and_nothing_merged(blank, tmp_path):
    _, q = load_with_questionnaire(tmp_path / "lead.coprod")
    book = openpyxl.load_workbook(blank)
    sheet = book[layout.ANSWERS_SHEET]
    header = [c.value for c in sheet[1]]
    assert header == list(layout.COLUMNS) and "Question id" in header and "Answer" in header
    assert [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)] == [x.id for x in q.questions()]
    assert [sheet.cell(row=r, column=2).value for r in range(2, sheet.max_row + 1)] == [
        d.title for d in q.domains for _ in d.questions
    ]
    assert sheet.column_dimensions["A"].hidden and sheet.protection.sheet
    assert not sheet.merged_cells.ranges
    (table,) = sheet.tables.values()
    assert table.ref == f"A1:I{sheet.max_row}" and table.headerRowCount != 0
    answer = layout.COLUMNS.index(layout.ANSWER) + 1
    assert not sheet.cell(row=2, column=answer).protection.locked
    assert sheet.cell(row=2, column=1).protection.locked and sheet.cell(row=2, column=3).protection.locked
    key = book[layout.KEY_SHEET]
    by_cell = {}
    for dv in sheet.data_validations.dataValidation:
        for cell_range in dv.sqref.ranges:
            for row, col in cell_range.cells:
                by_cell[(row, col)] = dv
    for r, x in enumerate(q.questions(), 2):
        dv = by_cell[(r, answer)]
        column = dv.formula1.split("!")[1].split(":")[0].replace("$", "").rstrip("0123456789")
        offered = [key[f"{column}{i}"].value for i in range(2, 12) if key[f"{column}{i}"].value]
        assert offered[-2 - x.not_applicable] == words.DONT_KNOW_LABEL
        assert offered[-1] == words.RATHER_NOT_LABEL  # always allowed
        assert (words.NOT_APPLICABLE_LABEL in offered) == x.not_applicable
        meanings = sheet.cell(row=r, column=layout.COLUMNS.index(layout.LEVELS) + 1).value
        assert all(text in meanings for text in x.levels.values())


def test_the_same_assessment_makes_the_same_bytes(tmp_path):
    first = blank_workbook(tmp_path, "a.xlsx").read_bytes()
    assert blank_workbook(tmp_path, "b.xlsx").read_bytes() == first


def test_picked_and_typed_answers_notes_and_private_switches_read_back(blank, tmp_path):
    person = Person(
        "Colleague with lived experience",
        "Yes",
        "",
        {"power-agenda": "asking", "power-timing": DONT_KNOW, "staff-risk-policies": NOT_APPLICABLE},
        {"power-agenda": ("Only on paper.", False), "power-timing": ("For me alone.", True)},
    )
    a, _ = workbook_read.read(fill_workbook(blank, tmp_path / "f.xlsx", person))
    assert (a.participants[0].role, a.participants[0].lived_experience, a.participants[0].name) == (
        "lived-experience-colleague",
        "yes",
        "",
    )
    assert {k: v.choice for k, v in a.answers.items()} == person.answers
    assert a.answers["power-agenda"].note == "Only on paper." and not a.answers["power-agenda"].note_private
    assert a.answers["power-timing"].note_private


@pytest.mark.parametrize(
    ("typed", "choice"),
    [
        ("asking", "asking"),
        ("  ASKING ", "asking"),
        ("doing with", "doing-with"),
        ("Doing with / led by", "doing-with"),
        ("don't know", DONT_KNOW),
        ("Don\u2019t know", DONT_KNOW),
        ("dont-know", DONT_KNOW),
    ],
)
def test_an_answer_typed_by_hand_is_read_when_it_names_an_answer(blank, tmp_path, typed, choice):
    book = openpyxl.load_workbook(blank)
    book[layout.ABOUT_SHEET]["B2"] = "manager"  # a role's id is read too
    book[layout.ANSWERS_SHEET][f"F{row_of(book)['power-agenda']}"] = typed
    book.save(tmp_path / "t.xlsx")
    a, _ = workbook_read.read(tmp_path / "t.xlsx")
    assert a.answers["power-agenda"].choice == choice and a.participants[0].role == "manager"


def test_every_mistake_is_reported_by_its_cell_and_nothing_is_read(blank, tmp_path):
    book = openpyxl.load_workbook(blank)
    rows = row_of(book)
    answers = book[layout.ANSWERS_SHEET]
    answers[f"F{rows['power-agenda']}"] = "sort of"
    answers[f"F{rows['power-timing']}"] = 3  # a number, not an answer
    answers[f"F{rows['power-support']}"] = "Not applicable"  # this question does not allow it
    answers[f"H{rows['power-timing']}"] = "maybe"
    answers[f"G{answers.max_row + 2}"] = "a note under the table"
    book[layout.ABOUT_SHEET]["B3"] = "sometimes"
    book.save(tmp_path / "m.xlsx")
    with pytest.raises(WorkbookError) as exc:
        workbook_read.read(tmp_path / "m.xlsx")
    problems = exc.value.problems
    r = rows["power-agenda"]
    assert any(p.startswith(f"Answers!F{r}: \u201csort of\u201d is not one of the answers") for p in problems)
    assert any(p.startswith(f"Answers!F{rows['power-timing']}: \u201c3\u201d is not one") for p in problems)
    assert any(
        p.startswith(f"Answers!F{rows['power-support']}: \u201cNot applicable\u201d is not one") for p in problems
    )
    assert any(
        p.startswith(f"Answers!H{rows['power-timing']}: \u201cmaybe\u201d should be Yes or No") for p in problems
    )
    assert any("About you!B2: the role is empty" in p for p in problems)
    assert any(p.startswith("About you!B3: \u201csometimes\u201d is not one of the answers") for p in problems)
    assert any(f"Answers!G{answers.max_row}" in p and "no question id" in p for p in problems)
    assert len(problems) == 7


def test_combine_reports_the_cell_and_writes_nothing(blank, tmp_path, capsys):
    book = openpyxl.load_workbook(blank)
    book[layout.ABOUT_SHEET]["B2"] = "Staff member"
    book[layout.ANSWERS_SHEET]["F12"] = "sort of"
    book.save(tmp_path / "x.xlsx")
    assert main(["combine", str(tmp_path / "x.xlsx"), "-o", str(tmp_path / "g.coprod")]) == 1
    assert "Answers!F12: \u201csort of\u201d is not one of the answers" in capsys.readouterr().err
    assert not (tmp_path / "g.coprod").exists()


def test_a_workbook_made_in_another_language_reads_back(tmp_path, monkeypatch):
    """Made with the pseudo-locale, filled with what its own lists offer, read in English."""
    from coprod_check import i18n

    monkeypatch.setenv(i18n.ENV, i18n.PSEUDO)
    i18n.set_language(None)
    try:
        blank = blank_workbook(tmp_path)
    finally:
        monkeypatch.delenv(i18n.ENV)
        i18n.set_language(None)
    book = openpyxl.load_workbook(blank)
    key = book[layout.KEY_SHEET]
    lists = {key.cell(row=1, column=c).value: c for c in range(layout.LISTS_COLUMN, key.max_column + 1)}
    lived_yes = key.cell(row=2, column=lists["lived"]).value
    assert lived_yes != "Yes" and "Yes" not in lived_yes  # it really is another language
    rows = row_of(book)
    agenda = book[layout.ANSWERS_SHEET]
    from coprod_check.app.files import load_with_questionnaire

    _, q = load_with_questionnaire(tmp_path / "lead.coprod")
    agenda_question = q.question("power-agenda")
    choices_column = lists[layout.list_name(agenda_question.scale, agenda_question.not_applicable)]
    dont_know = key.cell(row=7, column=choices_column).value  # after five levels
    book[layout.ABOUT_SHEET]["B2"] = "Staff member"
    book[layout.ABOUT_SHEET]["B3"] = lived_yes
    agenda[f"F{rows['power-agenda']}"] = dont_know
    agenda[f"H{rows['power-agenda']}"] = key.cell(row=3, column=lists["switch"]).value  # "Yes", as it was offered
    agenda[f"G{rows['power-agenda']}"] = "Noted."
    book.save(tmp_path / "f.xlsx")
    a, _ = workbook_read.read(tmp_path / "f.xlsx")
    assert a.participants[0].lived_experience == "yes"
    assert a.answers["power-agenda"].choice == DONT_KNOW and a.answers["power-agenda"].note_private
