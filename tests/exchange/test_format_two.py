"""What questionnaire format 2 adds reaches every way of taking part: "I'd rather not answer",
content notes, evidence hints, the questionnaire's signposting (or the organisation's own, set on
this computer) and the glossary, in the workbook, the Form and on paper. The shipped questionnaire
(2.0) uses them all."""

from __future__ import annotations

import openpyxl
import pytest

from coprod_check.app import store, support
from coprod_check.app.files import load_with_questionnaire
from coprod_check.cli import main
from coprod_check.domain.questionnaire import RATHER_NOT
from coprod_check.exchange import layout, workbook_read
from tests.exchange.people import Person, forms_export, lead, row_of
from tests.report.pdf import Pdf, flat


@pytest.fixture
def lead_file(tmp_path):
    lead(tmp_path)
    return tmp_path / "lead.coprod"


@pytest.fixture
def texts(lead_file):
    """The shipped questionnaire's signposting, a glossary entry, and a question with a content note
    and an evidence hint."""
    _, q = load_with_questionnaire(lead_file)
    question = next(x for x in q.questions() if x.content_note and x.evidence)
    assert q.support and q.glossary
    return q, question


def first_sentence(text: str) -> str:
    return " ".join(text.split())[:60]


def test_the_workbook_offers_rather_not_and_carries_the_new_texts(lead_file, tmp_path, texts):
    q, question = texts
    assert main(["blank", str(lead_file), "-o", str(tmp_path / "b.xlsx")]) == 0
    book = openpyxl.load_workbook(tmp_path / "b.xlsx")
    start = " ".join(" ".join(str(c.value).split()) for c in book[layout.START_SHEET]["A"] if c.value)
    assert first_sentence(q.support) in start
    term = q.glossary[0]
    assert f"{term.term}: {first_sentence(term.meaning)}" in start
    answers = book[layout.ANSWERS_SHEET]
    r = row_of(book)[question.id]
    assert answers[f"C{r}"].value.startswith(f"Content note: {question.content_note.strip()[:40]}")
    assert first_sentence(question.evidence) in " ".join(answers[f"D{r}"].value.split())
    assert "I\u2019d rather not answer" in answers[f"E{r}"].value
    book[layout.ABOUT_SHEET]["B2"] = "Staff member"
    answers[f"F{r}"] = "I\u2019d rather not answer"
    answers[f"F{r + 1}"] = "rather not say"
    book.save(tmp_path / "f.xlsx")
    a, _ = workbook_read.read(tmp_path / "f.xlsx")
    assert a.answers[question.id].choice == RATHER_NOT
    assert a.answers[answers[f"A{r + 1}"].value].choice == RATHER_NOT


def test_the_form_and_its_export_carry_them_too(lead_file, tmp_path, capsys, texts):
    q, question = texts
    assert main(["export-forms", str(lead_file), "-o", str(tmp_path / "q.txt")]) == 0
    text = " ".join((tmp_path / "q.txt").read_text(encoding="utf-8").split())
    for said in (q.support, question.content_note, question.evidence, q.glossary[0].meaning):
        assert first_sentence(said) in text
    assert "- I\u2019d rather not answer" in text
    people = [Person("Staff member", "No", "", {question.id: RATHER_NOT})]
    export = forms_export(tmp_path, people, tmp_path / "e.xlsx")
    assert main(["import-forms", str(export), "--assessment", str(lead_file), "-o", str(tmp_path / "o")]) == 0
    (made,) = (tmp_path / "o").iterdir()
    assert store.load(made).answers[question.id].choice == RATHER_NOT


def test_the_paper_form_carries_them(lead_file, tmp_path, texts):
    q, question = texts
    assert main(["blank", str(lead_file), "-o", str(tmp_path / "p.pdf")]) == 0
    pdf = Pdf((tmp_path / "p.pdf").read_bytes())
    for said in (
        q.support,
        f"Content note: {question.content_note}",
        f"What would show it: {question.evidence}",
        q.glossary[0].meaning,
        "Words used in the questions",
    ):
        assert flat(first_sentence(said)) in pdf.flat, said
    assert pdf.flat.count("I\u2019d rather not answer") == len(list(q.questions()))


def test_the_organisations_own_signposting_is_used_everywhere(lead_file, tmp_path):
    own = "Talk to Ceri in the peer support team, or call Samaritans on 116 123."
    support.set_own_support(own)
    assert main(["blank", str(lead_file), "-o", str(tmp_path / "b.xlsx")]) == 0
    assert main(["blank", str(lead_file), "-o", str(tmp_path / "p.pdf")]) == 0
    assert main(["export-forms", str(lead_file), "-o", str(tmp_path / "q.txt")]) == 0
    start = " ".join(
        str(c.value) for c in openpyxl.load_workbook(tmp_path / "b.xlsx")[layout.START_SHEET]["A"] if c.value
    )
    assert own in start and own in (tmp_path / "q.txt").read_text(encoding="utf-8")
    assert flat(own) in Pdf((tmp_path / "p.pdf").read_bytes()).flat
