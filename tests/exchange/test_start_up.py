"""openpyxl, python-docx and lxml are imported only by the commands that read or write them."""

from __future__ import annotations

import subprocess
import sys

from tests.cli.test_cli import IMPORT_CHECK

CHECK = IMPORT_CHECK + (
    "\nprint('OFFICE', sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'docx', 'lxml')))\n"
)


def run(*args):
    proc = subprocess.run([sys.executable, "-c", CHECK, *args], capture_output=True, text=True, timeout=120)
    return proc.stdout + proc.stderr


def test_score_validate_and_a_json_only_combine_import_no_office_library(tmp_path):
    example, blank = tmp_path / "e.coprod", tmp_path / "b.coprod"
    assert "OFFICE []" in run("example", "-o", str(example))
    assert "OFFICE []" in run("score", str(example))
    assert "OFFICE []" in run("validate")
    out = run("blank", str(example), "-o", str(blank))
    assert "OFFICE []" in out and "HEAVY []" in out
    assert "OFFICE []" in run("combine", str(blank), "-o", str(tmp_path / "g.coprod"))


def test_a_workbook_blank_reaches_no_qt_and_no_reportlab(tmp_path):
    example = tmp_path / "e.coprod"
    run("example", "-o", str(example))
    out = run("blank", str(example), "-o", str(tmp_path / "b.xlsx"))
    assert "HEAVY []" in out and "'openpyxl'" in out
