"""The command line, run as people run it: in a separate process where it matters."""

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from coprod_check.app import resources
from coprod_check.cli import main
from tests.tiny import TINY_YAML

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, check: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "COPROD_CHECK_HOME": os.environ.get("COPROD_CHECK_HOME", "/nonexistent-home")}
    return subprocess.run(
        [sys.executable, "-m", "coprod_check", *args], capture_output=True, text=True, env=env, check=check, timeout=120
    )


def test_version():
    assert run("--version").stdout.startswith("coprod-check 0.")


def test_validate_builtin_questionnaires_passes(capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "coproduction-readiness.yaml: valid" in out


def test_validate_reports_every_error_with_path_and_line(tmp_path, capsys):
    good = tmp_path / "good.yaml"
    good.write_text(TINY_YAML)
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        TINY_YAML.replace("orientation: care", "orientation: caring", 1).replace(
            "        why: It matters.", "        wyh: It matters.", 1
        )
    )
    assert main(["validate", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert f"{good}: valid" in captured.out
    errors = [line for line in captured.err.splitlines() if line.startswith(str(bad))]
    assert len(errors) == 3  # unknown key, missing key, bad orientation
    assert all(line.split(":")[1].isdigit() for line in errors)
    assert "1 of 2 file(s) have problems." in captured.err


def test_validate_missing_file(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 1
    assert "nope.yaml: does not exist" in capsys.readouterr().err


def test_example_then_score_readable_and_json(tmp_path, capsys):
    path = tmp_path / "example.json"
    assert main(["example", "-o", str(path)]) == 0
    data = json.loads(path.read_text())
    jsonschema.validate(data, json.loads(resources.assessment_schema().read_text()))
    answers = data["answers"].values()
    assert any(a["answer"] == "dont-know" for a in answers)
    assert any(a["answer"] == "not-applicable" for a in answers)
    assert any(a["note_private"] for a in answers)
    assert any(a["evidence"] for a in answers)
    assert len(data["participants"]) >= 3
    assert main(["example", "-o", str(path)]) == 1  # never overwrites without --force
    capsys.readouterr()

    assert main(["score", str(path)]) == 0
    text = capsys.readouterr().out
    assert "Readiness stage:" in text and "Care" in text and "By domain" in text

    assert main(["score", str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    for key in ("overall", "stage", "care", "with", "quadrant", "domains", "completeness", "unknown", "caps"):
        assert key in result
    assert all({"id", "title", "score"} <= set(d) for d in result["domains"])
    assert 0 < result["completeness"] < 1 and result["unknown"] > 0
    assert result["quadrant"]["id"] == "caring-for"  # the example's story


def test_score_bad_file_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "notes.json"
    path.write_text('{"hello": 1}')
    assert main(["score", str(path)]) == 1
    assert f"coprod-check: {path}: " in capsys.readouterr().err


def test_score_against_a_given_questionnaire(tmp_path, capsys):
    qpath = tmp_path / "tiny.yaml"
    qpath.write_text(TINY_YAML)
    from coprod_check.app import store
    from coprod_check.domain.assessment import Answer, Assessment
    from tests.tiny import tiny

    a = Assessment.new(tiny())
    a.answers["q1"] = Answer("l4")
    store.save(tmp_path / "a.json", a)
    assert main(["score", str(tmp_path / "a.json"), "--questionnaire", str(qpath), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["care"] == 100.0
    assert main(["score", str(tmp_path / "a.json")]) == 1  # "tiny" is not installed
    assert "not installed" in capsys.readouterr().err


def test_user_questionnaires_are_listed(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "home" / "questionnaires"
    folder.mkdir(parents=True)
    (folder / "tiny.yaml").write_text(TINY_YAML)
    (folder / "broken.yaml").write_text("id: [")
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "coproduction-readiness 2." in out and "tiny 1.0  Tiny" in out and "(unusable)" in out


IMPORT_CHECK = """
import sys, runpy
sys.argv = ["coprod-check"] + sys.argv[1:]
try:
    runpy.run_module("coprod_check", run_name="__main__")
except SystemExit as exc:
    code = exc.code
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "reportlab"))
print("HEAVY", heavy)
# hashlib (OpenSSL) and shutil (zlib, bz2, lzma) cost ~5 ms of a ~50 ms read-only command
# and have lighter stand-ins there (domain/digest.py, cli._Formatter); writing a file may use them.
print("SLOW", sorted(m for m in ("hashlib", "shutil") if m in sys.modules))
"""


@pytest.mark.parametrize(
    "args",
    [["validate"], ["list"], ["score", "{example}"], ["score", "{example}", "--json"], ["example", "-o", "{other}"]],
)
def test_command_line_paths_never_import_qt_or_reportlab(tmp_path, args):
    example = tmp_path / "e.json"
    run("example", "-o", str(example), check=True)
    args = [a.format(example=example, other=tmp_path / "o.json") for a in args]
    # Once first, as a person's first run would: it fills the parse cache (writing it may use
    # shutil), here for the files beside the questionnaire that `validate` checks too.
    subprocess.run([sys.executable, "-c", IMPORT_CHECK, *args], capture_output=True, text=True, timeout=120)
    proc = subprocess.run([sys.executable, "-c", IMPORT_CHECK, *args], capture_output=True, text=True, timeout=120)
    assert "HEAVY []" in proc.stdout, proc.stdout + proc.stderr
    if args[0] in ("validate", "list", "score"):
        assert "SLOW []" in proc.stdout, proc.stdout + proc.stderr


def test_blank_combine_score_compare_and_next_round(tmp_path, capsys):
    from coprod_check.app import store
    from coprod_check.domain.assessment import Answer, Participant

    lead = tmp_path / "lead.json"
    assert main(["example", "-o", str(lead)]) == 0
    assert main(["blank", str(lead), "-o", str(tmp_path / "blank.json")]) == 0
    blank = store.load(tmp_path / "blank.json")
    assert blank.organisation and not blank.answers and not blank.participants
    files = []
    for i, (lived, level) in enumerate(
        [("yes", "doing-to"), ("yes", "doing-for"), ("no", "sharing"), ("no", "doing-with")]
    ):
        a = store.load(tmp_path / "blank.json")
        a.participants = [Participant("staff", lived, f"Person {i}")]
        a.answers = {"power-agenda": Answer(level)}
        store.save(tmp_path / f"r{i}.json", a)
        files.append(str(tmp_path / f"r{i}.json"))
    capsys.readouterr()
    group = tmp_path / "group.json"
    assert main(["combine", *files, "-o", str(group)]) == 0
    assert "Combined 4 responses" in capsys.readouterr().out
    assert main(["combine", files[0], files[0], "-o", str(tmp_path / "g2.json")]) == 1
    assert "same response" in capsys.readouterr().err
    assert main(["score", str(group), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["domains"][0]["score"] == 25.0  # lower median of 0, 25, 75, 100

    nxt = tmp_path / "next.json"
    assert main(["next-round", str(lead), "-o", str(nxt)]) == 0
    assert "to review" in capsys.readouterr().out
    assert main(["compare", str(lead), str(lead), "--json"]) == 1  # a file with itself is refused
    assert "are the same file" in capsys.readouterr().err
    again = tmp_path / "again.json"
    again.write_bytes(lead.read_bytes())
    assert main(["compare", str(lead), str(again), "--json"]) == 0
    comparison = json.loads(capsys.readouterr().out)
    assert comparison["overall"]["change"] == 0 and comparison["stage"]["change"] == 0
    assert main(["compare", str(lead), str(group)]) == 0
    assert "Stage:" in capsys.readouterr().out


def test_refusing_to_overwrite_only_offers_force_where_it_exists(tmp_path, capsys):
    lead = tmp_path / "lead.json"
    assert main(["example", "-o", str(lead)]) == 0
    capsys.readouterr()
    assert main(["blank", str(lead), "-o", str(lead)]) == 1
    err = capsys.readouterr().err
    assert "exists; choose another name" in err and "--force" not in err
    assert main(["combine", str(lead), "-o", str(lead)]) == 1
    assert "or use --force" in capsys.readouterr().err


def test_an_assessment_made_with_version_1_0_scores_and_says_what_to_review(tmp_path, capsys):
    """A file that says it was made with 1.0 keeps every answer, scores with exit 0, and is told
    what each later version changed and which answers to look at again, naming questions by
    their text (1.1 changed the scoring; 2.0 the questions and the scales)."""
    path = tmp_path / "old.json"
    assert main(["example", "-o", str(path)]) == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    data["questionnaire"]["version"] = "1.0"
    path.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["score", str(path)]) == 0
    out = capsys.readouterr().out
    head = out.split("Of 68 questions")[0]
    assert "This assessment was made with version 1.0 of the questionnaire; this is version 2.0." in head
    assert "What changed in version 1.1: The scoring changed, not the questions." in head
    assert "Please look again at your 6 answers to: \u201cWhen do people with lived experience first join" in head
    assert "What changed in version 2.0: The questions were rewritten in plain words" in head
    assert "power-timing" not in out and "staff-risk-policies" not in out
    assert main(["score", str(path), "--json"]) == 0
    update = json.loads(capsys.readouterr().out)["update"]
    assert any(line.startswith("What changed in version 1.1") for line in update)
    assert any(line.startswith("What changed in version 2.0") for line in update)
    # Nothing was lost: every answer is still in the file, by id.
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["answers"] == data["answers"]
