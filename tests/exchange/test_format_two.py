"""What questionnaire format 2 adds reaches every way of taking part: "I'd rather not answer",
content notes, evidence hints, signposting and the glossary, in the workbook, the Form and on paper."""

from __future__ import annotations

import openpyxl
import pytest

from coprod_check.app import resources, store
from coprod_check.cli import main
from coprod_check.domain.questionnaire import RATHER_NOT
from coprod_check.exchange import layout, workbook_read
from tests.exchange.people import Person, forms_export, lead, row_of

SUPPORT = "Talk to Ceri in the peer support team, or call Samaritans on 116 123."
NOTE = "This question asks about being told about decisions after they are made."
HINT = "Minutes that show when people joined the decision."
TERM, MEANING = "co-production", "Working as equals with people who have lived experience."


@pytest.fixture
def lead_file(tmp_path, isolated_home):
    """The example, answering a questionnaire with format 2's texts, installed in the user's folder."""
    text = (resources.data_dir("questionnaires") / "coproduction-readiness.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "language: en-GB\n",
        f"language: en-GB\nsupport: {SUPPORT}\nglossary:\n  - term: {TERM}\n    meaning: {MEANING}\n",
        1,
    )
    text = text.replace(
        "      - id: power-timing\n",
        f"      - id: power-timing\n        content_note: {NOTE}\n        evidence: {HINT}\n",
        1,
    )
    text = text.replace('version: "1.1"', 'version: "1.2"', 1)
    folder = isolated_home / "questionnaires"
    folder.mkdir(parents=True)
    (folder / "readiness.yaml").write_text(text, encoding="utf-8")
    lead(tmp_path)
    a = store.load(tmp_path / "lead.coprod")
    a.questionnaire_version = "1.2"
    store.save(tmp_path / "lead.coprod", a)
    return tmp_path / "lead.coprod"


def test_the_workbook_offers_rather_not_and_carries_the_new_texts(lead_file, tmp_path):
    assert main(["blank", str(lead_file), "-o", str(tmp_path / "b.xlsx")]) == 0
    book = openpyxl.load_workbook(tmp_path / "b.xlsx")
    start = " ".join(str(c.value) for c in book[layout.START_SHEET]["A"] if c.value)
    assert SUPPORT in start and f"{TERM}: {MEANING}" in start
    answers = book[layout.ANSWERS_SHEET]
    r = row_of(book)["power-timing"]
    assert answers[f"C{r}"].value.startswith(f"Content note: {NOTE}")
    assert HINT in answers[f"D{r}"].value and "I\u2019d rather not answer" in answers[f"E{r}"].value
    book[layout.ABOUT_SHEET]["B2"] = "Staff member"
    answers[f"F{r}"] = "I\u2019d rather not answer"
    answers[f"F{r + 1}"] = "rather not say"
    book.save(tmp_path / "f.xlsx")
    a, _ = workbook_read.read(tmp_path / "f.xlsx")
    assert a.answers["power-timing"].choice == RATHER_NOT
    assert a.answers[answers[f"A{r + 1}"].value].choice == RATHER_NOT


def test_the_form_and_its_export_carry_them_too(lead_file, tmp_path, capsys):
    assert main(["export-forms", str(lead_file), "-o", str(tmp_path / "q.txt")]) == 0
    text = (tmp_path / "q.txt").read_text(encoding="utf-8")
    assert SUPPORT in text and NOTE in text and HINT in text and MEANING in text
    assert "   - I\u2019d rather not answer" in text
    people = [Person("Staff member", "No", "", {"power-timing": RATHER_NOT})]
    export = forms_export(tmp_path, people, tmp_path / "e.xlsx")
    assert main(["import-forms", str(export), "--assessment", str(lead_file), "-o", str(tmp_path / "o")]) == 0
    (made,) = (tmp_path / "o").iterdir()
    assert store.load(made).answers["power-timing"].choice == RATHER_NOT


def test_the_paper_form_carries_them(lead_file, tmp_path):
    from tests.report.pdf import Pdf, flat

    assert main(["blank", str(lead_file), "-o", str(tmp_path / "p.pdf")]) == 0
    pdf = Pdf((tmp_path / "p.pdf").read_bytes())
    for said in (
        SUPPORT,
        f"Content note: {NOTE}",
        f"What would show it: {HINT}",
        MEANING,
        "Words used in the questions",
    ):
        assert flat(said) in pdf.flat, said
    assert pdf.flat.count("I\u2019d rather not answer") == 44
