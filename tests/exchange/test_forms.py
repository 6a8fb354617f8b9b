"""Microsoft Forms: the questions to build a Form from, and its Excel export read back."""

from __future__ import annotations

import openpyxl
import pytest

from coprod_check.app import store
from coprod_check.app.files import load_with_questionnaire
from coprod_check.cli import main
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE
from coprod_check.exchange import forms_export, forms_import, words
from tests.exchange.people import Person, lead
from tests.exchange.people import forms_export as make_export

ANSWERS = {"power-agenda": "asking", "power-timing": DONT_KNOW, "staff-risk-policies": NOT_APPLICABLE}
PEOPLE = [
    Person("Colleague with lived experience", "Yes", "", ANSWERS, {"power-agenda": ("Said in a meeting.", False)}),
    Person("Manager or team lead", "No", "", {"power-agenda": "sharing", "power-timing": "doing-with"}),
    Person("Staff member", "Prefer not to say", "", {"power-timing": "doing-for"}),
]


@pytest.fixture
def lead_file(tmp_path):
    lead(tmp_path)
    return tmp_path / "lead.coprod"


def run_import(export, lead_file, out, *extra):
    return main(["import-forms", str(export), "--assessment", str(lead_file), "-o", str(out), *extra])


def read_all(folder):
    return [store.load(p) for p in sorted(folder.iterdir())]


@pytest.mark.parametrize("answer_as", ["full", "label", "id"])
def test_one_response_file_per_row_by_label_id_or_full_sentence(tmp_path, lead_file, capsys, answer_as):
    export = make_export(tmp_path, PEOPLE, tmp_path / "export.xlsx", answer_as=answer_as)
    assert run_import(export, lead_file, tmp_path / "out") == 0
    out = capsys.readouterr().out
    assert "“Id” → ignored (Microsoft Forms' own column)" in out and "Name” → ignored" in out
    assert "→ question power-agenda" in out and "→ a note on question power-agenda" in out
    assert "Wrote 3 response files" in out
    made = read_all(tmp_path / "out")
    assert [(a.participants[0].role, a.participants[0].lived_experience) for a in made] == [
        ("lived-experience-colleague", "yes"),
        ("manager", "no"),
        ("staff", "prefer-not-to-say"),
    ]
    assert [{k: v.choice for k, v in a.answers.items()} for a in made] == [p.answers for p in PEOPLE]
    assert made[0].answers["power-agenda"].note == "Said in a meeting."
    assert all(a.participants[0].name == "" for a in made)  # Forms' "Name" column is never read
    lead_a = store.load(lead_file)
    assert all(
        (a.organisation, a.date, a.questionnaire_version)
        == (lead_a.organisation, lead_a.date, lead_a.questionnaire_version)
        for a in made
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"forms-response-00{i}.coprod" for i in (1, 2, 3)]


def test_what_the_export_says_is_what_the_import_reads(tmp_path, lead_file):
    """Build the Form exactly from export-forms: every title maps and every choice is read."""
    a, q = load_with_questionnaire(lead_file)
    sections = forms_export.sections(a, q)
    titles = [item for s in sections for item in s.questions]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Id", "Start time", "Completion time", "Email", "Name", *(t.title for t in titles)])
    for n in range(max(len(t.choices) for t in titles)):
        row = [n + 1, None, None, "anonymous", ""]
        for t in titles:
            if t.title == words.ROLE_QUESTION or t.title == words.LIVED_EXPERIENCE_QUESTION:
                row.append(t.choices[n % len(t.choices)])
            else:
                row.append(t.choices[n] if n < len(t.choices) else ("a note" if t.kind == "text" else None))
        sheet.append(row)
    book.save(tmp_path / "e.xlsx")
    found = forms_import.preview(tmp_path / "e.xlsx", a, q)
    assert found.complete, found.lines()
    assert not found.unasked and len(found.responses()) == max(len(t.choices) for t in titles)
    text = forms_export.text(a, q)
    assert all(x.prompt in text for x in q.questions())
    assert "Record name" not in text or "anonymous" in text.casefold()


def test_word_export_holds_every_question_and_choice(tmp_path, lead_file, capsys):
    import docx

    assert main(["export-forms", str(lead_file), "-o", str(tmp_path / "q.docx")]) == 0
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "q.docx")).paragraphs)
    _, q = load_with_questionnaire(lead_file)
    for x in q.questions():
        assert x.prompt in text and all(sentence in text for sentence in x.levels.values())
    assert words.ROLE_QUESTION in text and words.LIVED_EXPERIENCE_QUESTION in text and "Samaritans" in text


def test_a_column_that_maps_to_nothing_writes_nothing_unless_skipped(tmp_path, lead_file, capsys):
    export = make_export(tmp_path, PEOPLE, tmp_path / "e.xlsx", extra_columns={"Favourite colour": ["red"] * 3})
    assert run_import(export, lead_file, tmp_path / "out") == 1
    out, err = capsys.readouterr()
    assert "“Favourite colour” → NOT MAPPED: no question of the questionnaire has this text" in out
    assert "nothing was written" in err and not (tmp_path / "out").exists()
    assert run_import(export, lead_file, tmp_path / "out", "--dry-run") == 1
    assert not (tmp_path / "out").exists()
    assert run_import(export, lead_file, tmp_path / "out", "--skip-unmapped") == 0
    assert len(list((tmp_path / "out").iterdir())) == 3


def test_an_answer_that_is_not_one_is_reported_by_cell(tmp_path, lead_file, capsys):
    people = [PEOPLE[0]._replace(answers={**ANSWERS, "power-agenda": "sort of"})]
    export = make_export(tmp_path, people, tmp_path / "e.xlsx")
    assert run_import(export, lead_file, tmp_path / "out") == 1
    assert "Sheet1!I2 (row 2): “sort of” is not one of the answers to power-agenda" in capsys.readouterr().out
    assert run_import(export, lead_file, tmp_path / "out", "--skip-unmapped") == 0
    (made,) = read_all(tmp_path / "out")
    assert made.answers["power-agenda"].choice is None  # left unanswered; the note beside it is kept
    assert made.answers["power-agenda"].note == "Said in a meeting."
    assert made.answers["power-timing"].choice == DONT_KNOW


def test_role_and_lived_experience_columns_named_by_the_lead(tmp_path, lead_file, capsys):
    export = make_export(tmp_path, PEOPLE, tmp_path / "e.xlsx", role_header="Job  ", lived_header="Lived exp?")
    assert run_import(export, lead_file, tmp_path / "out", "--dry-run") == 1
    assert "No column holds the role" in capsys.readouterr().out
    args = ["--role-column", "Job", "--lived-experience-column", "lived exp?"]
    assert run_import(export, lead_file, tmp_path / "out", *args) == 0
    assert [a.participants[0].lived_experience for a in read_all(tmp_path / "out")] == [
        "yes",
        "no",
        "prefer-not-to-say",
    ]


def test_a_row_with_an_unknown_role_is_left_out_only_when_skipping(tmp_path, lead_file, capsys):
    people = [*PEOPLE, PEOPLE[1]._replace(role="Nurse")]
    export = make_export(tmp_path, people, tmp_path / "e.xlsx")
    assert run_import(export, lead_file, tmp_path / "out") == 1
    assert "Sheet1!F5 (row 5): “Nurse” is not one of the roles" in capsys.readouterr().out
    assert run_import(export, lead_file, tmp_path / "out", "--skip-unmapped") == 0
    assert "Row 5 is left out" in capsys.readouterr().out and len(read_all(tmp_path / "out")) == 3


def test_a_name_is_only_taken_from_the_apps_own_name_question(tmp_path, lead_file):
    people = [PEOPLE[0]._replace(name="  Sam   Okafor "), PEOPLE[1]]
    export = make_export(tmp_path, people, tmp_path / "e.xlsx")
    assert run_import(export, lead_file, tmp_path / "out") == 0
    assert [a.participants[0].name for a in read_all(tmp_path / "out")] == ["Sam Okafor", ""]


def test_nothing_is_overwritten_in_the_folder(tmp_path, lead_file, capsys):
    export = make_export(tmp_path, PEOPLE, tmp_path / "e.xlsx")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "forms-response-002.coprod").write_text("someone's answers")
    assert run_import(export, lead_file, tmp_path / "out") == 1
    assert "already there" in capsys.readouterr().err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["forms-response-002.coprod"]
    assert (tmp_path / "out" / "forms-response-002.coprod").read_text() == "someone's answers"


def test_numbered_headers_and_trailing_spaces_are_tolerated(tmp_path, lead_file):
    export = make_export(tmp_path, PEOPLE, tmp_path / "e.xlsx", cut=None)
    book = openpyxl.load_workbook(export)
    sheet = book.active
    for i, cell in enumerate(sheet[1], 1):
        if i > 8 and cell.value and not str(cell.value).startswith(words.NOTE_PREFIX):
            cell.value = f"{i}. {cell.value}   "
    book.save(export)
    a, q = load_with_questionnaire(lead_file)
    found = forms_import.preview(export, a, q)
    assert found.complete and not found.unasked


def test_two_rows_with_the_same_answers_are_pointed_out_before_combining(tmp_path, lead_file, capsys):
    export = make_export(tmp_path, [PEOPLE[1], PEOPLE[0], PEOPLE[1]], tmp_path / "e.xlsx")
    assert run_import(export, lead_file, tmp_path / "out") == 0
    assert "Rows 2 and 4 hold exactly the same role, lived experience and answers." in capsys.readouterr().out
    files = [str(p) for p in sorted((tmp_path / "out").iterdir())]
    assert main(["combine", *files, "-o", str(tmp_path / "g.coprod")]) == 1
    assert "is the same response as" in capsys.readouterr().err  # the very same bytes


def test_a_file_that_cannot_be_written_takes_the_others_back(tmp_path, lead_file, capsys, monkeypatch):
    from coprod_check.app import store as app_store
    from coprod_check.domain.errors import AssessmentError

    real = app_store.write_atomic

    def failing(path, data, backup=True):
        if path.name.endswith("002.coprod"):
            raise AssessmentError(str(path), "cannot be saved: the disk is full")
        real(path, data, backup)

    monkeypatch.setattr(app_store, "write_atomic", failing)
    export = make_export(tmp_path, PEOPLE, tmp_path / "e.xlsx")
    assert run_import(export, lead_file, tmp_path / "out") == 1
    assert "the disk is full" in capsys.readouterr().err
    assert list((tmp_path / "out").iterdir()) == []


def test_an_output_that_is_a_file_is_refused_in_words(tmp_path, lead_file, capsys):
    export = make_export(tmp_path, PEOPLE, tmp_path / "e.xlsx")
    (tmp_path / "out").write_text("not a folder")
    assert run_import(export, lead_file, tmp_path / "out") == 1
    assert "cannot be made or used" in capsys.readouterr().err


def test_a_title_left_with_the_word_files_markers_still_maps(tmp_path, lead_file):
    export = make_export(tmp_path, PEOPLE, tmp_path / "e.xlsx", cut=None)
    book = openpyxl.load_workbook(export)
    for cell in book.active[1][8:]:
        if cell.value:
            cell.value = (
                f"{cell.value} (Text) (optional)" if cell.value.startswith("Note on") else f"{cell.value} (optional)"
            )
    book.save(export)
    a, q = load_with_questionnaire(lead_file)
    found = forms_import.preview(export, a, q)
    assert found.complete and not found.unasked, found.lines()
