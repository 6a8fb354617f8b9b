"""`coprod-check report -o PLAN.docx|.xlsx|.csv`: the extension chooses, the files read back,
an earlier plan is replaced and nothing else is, and no window or library loads before it is needed."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

from coprod_check.app import store
from coprod_check.cli import main
from coprod_check.report.action_rows import HEADERS
from tests.report.pdf import example


@pytest.fixture
def assessment(tmp_path: Path) -> Path:
    path = tmp_path / "assessment.json"
    store.save(path, example())
    return path


def test_each_extension_writes_its_format_tied_to_the_file(tmp_path: Path, assessment: Path, capsys) -> None:
    digest = hashlib.sha256(assessment.read_bytes()).hexdigest()
    docx, xlsx, csv_path = tmp_path / "plan.docx", tmp_path / "plan.xlsx", tmp_path / "plan.CSV"
    assert main(["report", str(assessment), "-o", str(docx), "--meeting", "Trust board"]) == 0
    assert f"as a Word document to {docx}" in capsys.readouterr().out
    doc = Document(str(docx))
    assert doc.core_properties.identifier == f"sha256:{digest}"
    assert any("Trust board" in cell.text for t in doc.tables for row in t.rows for cell in row.cells)
    assert main(["report", str(assessment), "-o", str(xlsx)]) == 0
    assert f"as a spreadsheet to {xlsx}" in capsys.readouterr().out
    rows = list(load_workbook(str(xlsx))["Actions"].iter_rows(values_only=True))
    assert rows[0] == HEADERS and rows[1][-1] == digest
    assert main(["report", str(assessment), "-o", str(csv_path)]) == 0
    assert f"as a CSV file to {csv_path}" in capsys.readouterr().out
    listed = list(csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"), newline="")))
    assert [r[0] for r in listed[1:]] == [r[0] for r in rows[1:]]


@pytest.mark.parametrize("name", ["plan.docx", "plan.xlsx", "plan.csv"])
def test_an_earlier_plan_is_replaced_anything_else_only_with_force(
    tmp_path: Path, assessment: Path, capsys, name: str
) -> None:
    out = tmp_path / name
    assert main(["report", str(assessment), "-o", str(out)]) == 0
    assert main(["report", str(assessment), "-o", str(out)]) == 0  # made again
    theirs = tmp_path / ("theirs" + out.suffix)
    if out.suffix == ".docx":
        Document().save(str(theirs))
    elif out.suffix == ".xlsx":
        Workbook().save(str(theirs))  # say, a colleague's workbook of responses
    else:
        theirs.write_text("ID,Action,Why\nmine,kept,yes\n", encoding="utf-8")
    kept = theirs.read_bytes()
    capsys.readouterr()
    assert main(["report", str(assessment), "-o", str(theirs)]) == 1
    assert "is not a plan coprod-check made" in capsys.readouterr().err
    assert theirs.read_bytes() == kept
    assert main(["report", str(assessment), "-o", str(theirs), "--force"]) == 0
    assert theirs.read_bytes() != kept


def test_a_trusts_template(tmp_path: Path, assessment: Path, capsys) -> None:
    template = tmp_path / "trust.docx"
    doc = Document()
    doc.add_paragraph("NORTH TRUST for {{ meeting }} ({{ reference }})")
    doc.add_paragraph("{{ paper }}")
    doc.save(str(template))
    out = tmp_path / "plan.docx"
    args = ["report", str(assessment), "-o", str(out), "--template", str(template), "--meeting", "Board"]
    assert main(args) == 0
    said = capsys.readouterr().out
    assert "{{ reference }}" in said and "does not know" in said
    assert Document(str(out)).paragraphs[0].text == "NORTH TRUST for Board ({{ reference }})"
    assert main(["report", str(assessment), "-o", str(tmp_path / "p.pdf"), "--template", str(template)]) == 1
    assert "--template is for a Word document" in capsys.readouterr().err
    (tmp_path / "bad.docx").write_bytes(b"not a word file")
    assert main(["report", str(assessment), "-o", str(out), "--template", str(tmp_path / "bad.docx")]) == 1
    assert "not a Word document or template" in capsys.readouterr().err


def test_an_extension_no_format_has_is_refused(tmp_path: Path, assessment: Path, capsys) -> None:
    assert main(["report", str(assessment), "-o", str(tmp_path / "plan.odt")]) == 1
    assert "can be written as .pdf, .docx, .xlsx, .csv" in capsys.readouterr().err
    assert not (tmp_path / "plan.odt").exists()


def test_the_command_line_loads_no_word_or_spreadsheet_library_until_it_writes_one(assessment: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    probe = (
        "import sys; from coprod_check.cli import main; main(['score', sys.argv[1]]); "
        "bad = [m for m in ('docx', 'openpyxl', 'lxml', 'PIL', 'PySide6', 'reportlab') if m in sys.modules]; "
        "assert not bad, bad"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(assessment)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    out = Path(assessment).with_name("p.csv")
    probe = (
        "import sys; from coprod_check.cli import main; assert main(['report', sys.argv[1], '-o', sys.argv[2]]) == 0; "
        "bad = [m for m in ('docx', 'openpyxl', 'PySide6') if m in sys.modules]; "
        "assert not bad, bad"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(assessment), str(out)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
