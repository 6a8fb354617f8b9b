"""The paper form, the response workbook and the Forms questions take their own words from the
translation layer: in the pseudo-locale, their English sentences are gone and the accented ones are
there. (The questionnaire's words carry their own translations; the workbook's sheet names and
headers are identifiers, exchange/layout.py.)"""

from __future__ import annotations

import openpyxl
import pytest

from coprod_check import i18n
from coprod_check.domain.combine import blank_copy
from coprod_check.exchange import forms_export, layout, workbook
from coprod_check.report import paper
from tests.report.pdf import Pdf, example, flat, readiness

OURS = [
    "Who will type this in, and what happens to it",
    "How small groups are protected",
    "Before you start",
    "What is your role in this assessment? Tick one.",
    "Words used in the questions",
    "Note (optional). Question id: {id}",
]


@pytest.fixture
def pseudo(monkeypatch):
    monkeypatch.setenv(i18n.ENV, i18n.PSEUDO)
    i18n.set_language(None)
    yield
    monkeypatch.delenv(i18n.ENV)
    i18n.set_language(None)


def test_the_paper_form(pseudo):
    q = readiness()
    pdf = Pdf(paper.render(blank_copy(example(), q), q))
    for english in OURS[:4]:
        assert flat(english) not in pdf.flat
        assert flat(i18n.pseudo(english)) in pdf.flat
    assert "Question id:" not in pdf.flat


def test_the_workbook_and_the_forms_questions(pseudo, tmp_path):
    q = readiness()
    a = blank_copy(example(), q)
    workbook.write(tmp_path / "b.xlsx", a, q)
    book = openpyxl.load_workbook(tmp_path / "b.xlsx")
    start = " ".join(str(c.value) for c in book[layout.START_SHEET]["A"] if c.value)
    assert "How small groups are protected" not in start and i18n.pseudo("How small groups are protected") in start
    assert book[layout.ABOUT_SHEET]["C2"].value == i18n.pseudo("Pick the role you take part as from the list.")
    text = forms_export.text(a, q)
    assert "What is your role in this assessment?" not in text
    assert i18n.pseudo("What is your role in this assessment?") in text
