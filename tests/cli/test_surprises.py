"""The command line says what went wrong in words that fit: a mistyped command, a file that is not
an assessment, an assessment given to validate."""

from __future__ import annotations

import subprocess
import sys

import pytest

from coprod_check.app import resources
from coprod_check.cli import main, wants_window
from tests.cli.test_cli import run

NO_QT = """
import sys
from coprod_check.cli import main
code = main(sys.argv[1:])
print("CODE", code, "QT", any(m.split(".")[0] in ("PySide6", "shiboken6") for m in sys.modules))
"""


def test_a_mistyped_command_is_named_with_the_one_meant_and_no_window_starts(tmp_path, capsys):
    assert main(["scroe", str(tmp_path / "ex.json")]) == 2
    err = capsys.readouterr().err
    assert "unknown command 'scroe': did you mean 'score'?" in err
    proc = subprocess.run(
        [sys.executable, "-c", NO_QT, "scroe", "ex.json"], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert "CODE 2 QT False" in proc.stdout, proc.stdout + proc.stderr  # said without loading Qt


def test_a_word_that_is_nothing_like_a_command_lists_the_commands(capsys):
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "unknown command 'frobnicate'" in err and "did you mean" not in err and "score" in err


def test_a_word_that_names_a_file_opens_it_in_the_window(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scroe").write_text("{}")
    assert wants_window(["scroe"])  # an existing file, whatever its name
    assert wants_window(["missing.json"]) and wants_window([str(tmp_path / "x" / "plan")])  # looks like a file
    assert not wants_window(["scroe2"]) and not wants_window(["validate"])


def test_score_on_a_text_file_says_it_is_not_an_assessment(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Meeting notes: we talked about the network.\n", encoding="utf-8")
    proc = run("score", str(notes))
    assert proc.returncode != 0
    assert "not an assessment" in proc.stderr and "starts with" in proc.stderr
    assert "broken" not in proc.stderr and ".bak" not in proc.stderr and "damaged" not in proc.stderr


def test_score_on_a_questionnaire_says_it_is_a_questionnaire(tmp_path):
    questionnaire = resources.builtin_questionnaires()[0]
    proc = run("score", str(questionnaire))
    assert proc.returncode != 0
    assert "is a questionnaire" in proc.stderr and "coprod-check validate" in proc.stderr
    assert "broken" not in proc.stderr and ".bak" not in proc.stderr


def test_a_cut_short_assessment_still_points_to_its_backup(tmp_path):
    path = tmp_path / "cut.json"
    run("example", "-o", str(path), check=True)
    path.write_bytes(path.read_bytes()[:300])
    proc = run("score", str(path))
    assert "broken" in proc.stderr and "cut.json.bak" in proc.stderr


def test_validate_on_an_assessment_says_so_in_two_lines(tmp_path):
    path = tmp_path / "ours.json"
    run("example", "-o", str(path), check=True)
    proc = run("validate", str(path))
    assert proc.returncode == 1
    lines = [x for x in proc.stderr.splitlines() if x.strip()]
    assert "this is an assessment" in lines[0] and f"coprod-check score {path}" in lines[1]
    assert len(lines) <= 3 and "unknown" not in proc.stderr  # (the third: "1 of 1 file(s) have problems")


@pytest.mark.parametrize("word", ["scroe", "Score", "valdate"])
def test_close_misspellings_are_recognised(word, capsys):
    assert main([word]) == 2
    assert "did you mean" in capsys.readouterr().err
