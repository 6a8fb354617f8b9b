"""A response workbook filled in and saved again by LibreOffice Calc still reads back: its hidden
sheet, hidden question ids, drop-downs, protection and table survive. Slow: LibreOffice starts."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest

from coprod_check.exchange import layout, workbook_read
from tests.exchange.people import Person, blank_workbook, fill_workbook

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]


def test_a_workbook_saved_by_libreoffice_reads_back(tmp_path):
    blank = blank_workbook(tmp_path)
    person = Person("Partner with lived experience", "Yes", "", {"power-agenda": "sharing", "power-timing": "asking"})
    filled = fill_workbook(blank, tmp_path / "filled.xlsx", person)
    out = tmp_path / "lo"
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(filled),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    again = out / "filled.xlsx"
    assert again.read_bytes() != filled.read_bytes()
    book = openpyxl.load_workbook(again)
    assert book[layout.KEY_SHEET].sheet_state == "hidden"
    answers = book[layout.ANSWERS_SHEET]
    assert (
        answers.column_dimensions["A"].hidden and answers.protection.sheet and answers.data_validations.dataValidation
    )
    a, _ = workbook_read.read(again)
    assert {k: v.choice for k, v in a.answers.items()} == person.answers
    assert a.participants[0].role == "partner" and a.participants[0].lived_experience == "yes"


def test_libreoffice_prints_the_blank_workbook(tmp_path):
    """The converted PDF holds the first sheet's words and every question (what was looked at by eye)."""
    from tests.report.pdf import Pdf, flat

    blank = blank_workbook(tmp_path)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(blank),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = Pdf((tmp_path / "pdf" / "blank.pdf").read_bytes())
    assert "How small groups are protected" in pdf.flat and "Keep note" in pdf.flat
    from coprod_check.app import catalogue

    first = catalogue.find("coproduction-readiness").domains[0].questions[0]
    assert flat(" ".join(first.prompt.split()[:6])) in pdf.flat  # its wording, whatever version ships
