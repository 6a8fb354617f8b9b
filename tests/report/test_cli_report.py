"""`coprod-check report`: exit codes, messages, and a PDF tied to the file it came from."""

import hashlib
import os
import subprocess
import sys

import pytest

from coprod_check import __version__
from coprod_check.app import store
from coprod_check.cli import main
from tests.report.pdf import Pdf, example


@pytest.fixture
def assessment(tmp_path):
    path = tmp_path / "assessment.json"
    store.save(path, example())
    return path


def test_report_writes_a_plan_tied_to_the_file(tmp_path, assessment, capsys):
    out = tmp_path / "plan.pdf"
    assert main(["report", str(assessment), "-o", str(out)]) == 0
    assert f"Wrote the board paper and action plan to {out}" in capsys.readouterr().out
    digest = hashlib.sha256(assessment.read_bytes()).hexdigest()
    pdf = Pdf(out.read_bytes())
    assert f"assessment-sha256:{digest}" in pdf.reader.metadata["/Keywords"]
    assert f"Made by coprod-check {__version__}" in pdf.flat and f"SHA-256: {digest}" in pdf.pages[-1]
    assert pdf.text.count(digest) == 1  # once, on the last page: not in every footer
    assert "I think the network chair" not in pdf.flat
    assert round(float(pdf.reader.pages[0].mediabox.width)) == 595


def test_report_options(tmp_path, assessment):
    out = tmp_path / "plan.pdf"
    assert (
        main(
            [
                "report",
                str(assessment),
                "-o",
                str(out),
                "--paper",
                "letter",
                "--include-private-notes",
                "--include-names",
            ]
        )
        == 0
    )
    pdf = Pdf(out.read_bytes())
    assert round(float(pdf.reader.pages[0].mediabox.width)) == 612
    assert "I think the network chair" in pdf.flat and "Sam Okafor" in pdf.flat


@pytest.mark.parametrize("problem", ["missing", "not json", "not an assessment", "no folder", "itself"])
def test_report_bad_input_exits_1_with_a_message(tmp_path, assessment, capsys, problem):
    source, out = assessment, tmp_path / "plan.pdf"
    if problem == "missing":
        source = tmp_path / "nope.json"
    elif problem == "not json":
        source.write_text("{not json")
    elif problem == "not an assessment":
        source.write_text('{"format": "something-else"}')
    elif problem == "no folder":
        out = tmp_path / "no" / "such" / "folder" / "plan.pdf"
    else:
        out = assessment
    before = assessment.read_bytes()
    assert main(["report", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("coprod-check: ") and "Traceback" not in err
    assert assessment.read_bytes() == before
    assert not (tmp_path / "plan.pdf").exists()


def test_report_as_a_process_and_other_commands_do_not_load_reportlab(tmp_path, assessment):
    env = {**os.environ, "COPROD_CHECK_HOME": str(tmp_path / "home")}
    out = tmp_path / "plan.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "coprod_check", "report", str(assessment), "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    probe = (
        "import sys; from coprod_check.cli import main; main(['score', sys.argv[1]]); "
        "import coprod_check.domain.plan, coprod_check.app.files; "
        "assert 'reportlab' not in sys.modules and 'coprod_check.report' not in sys.modules"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(assessment)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr


def test_report_replaces_an_earlier_plan_but_never_other_files(tmp_path, assessment, capsys):
    out = tmp_path / "plan.pdf"
    assert main(["report", str(assessment), "-o", str(out)]) == 0
    assert main(["report", str(assessment), "-o", str(out), "--paper", "letter"]) == 0  # made again
    assert round(float(Pdf(out.read_bytes()).reader.pages[0].mediabox.width)) == 612
    answers = tmp_path / "colleague.json"
    store.save(answers, example())
    kept = answers.read_bytes()
    capsys.readouterr()
    assert main(["report", str(assessment), "-o", str(answers)]) == 1
    assert "the plan can be written as .pdf, .docx, .xlsx, .csv" in capsys.readouterr().err
    answers = answers.rename(tmp_path / "colleague.pdf")  # somebody's answers, named as a plan
    assert main(["report", str(assessment), "-o", str(answers)]) == 1
    assert "already exists and is not a plan coprod-check made" in capsys.readouterr().err
    assert answers.read_bytes() == kept
    assert main(["report", str(assessment), "-o", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
    assert main(["report", str(assessment), "-o", str(answers), "--force"]) == 0
    assert answers.read_bytes().startswith(b"%PDF-")


def test_a_reader_that_stops_early_is_not_an_error(assessment, monkeypatch, capsys):
    # As with `coprod-check score FILE | head -n 1`: the reader has gone, so writing raises.
    with capsys.disabled():
        reader, writer = os.pipe()
        os.close(reader)
        with open(writer, "w", buffering=1) as gone:
            monkeypatch.setattr(sys, "stdout", gone)
            assert main(["score", str(assessment)]) == 1
            print("after the reader left", file=gone)  # goes nowhere, quietly


def test_report_takes_the_cover_sheets_fields_and_never_asks(tmp_path, assessment, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # anything that asked would fail on reading
    out = tmp_path / "plan.pdf"
    args = ["report", str(assessment), "-o", str(out), "--meeting", "Trust board (public)", "--purpose", "assurance"]
    assert main([*args, "--meeting-date", "2027-01-28", "--executive-lead", "Director of nursing"]) == 0
    cover = " ".join(Pdf(out.read_bytes()).pages[0].split())
    assert "Meeting Trust board (public)" in cover and "Date of the meeting 28 January 2027" in cover
    assert "Purpose For assurance" in cover and "Executive lead Director of nursing" in cover
    assert "Report author not yet named" in cover
    assert store.load(assessment).board.is_empty()  # the file is not changed


def test_report_refuses_a_meeting_date_that_is_not_one(tmp_path, assessment, capsys):
    out = tmp_path / "plan.pdf"
    assert main(["report", str(assessment), "-o", str(out), "--meeting-date", "next week"]) == 1
    assert "--meeting-date should be a date such as 2027-01-28" in capsys.readouterr().err
    assert not out.exists()


def test_report_lists_unanswered_questions_as_find_out_actions_only_when_asked(tmp_path, assessment):
    plain, asked = tmp_path / "plain.pdf", tmp_path / "asked.pdf"
    assert main(["report", str(assessment), "-o", str(plain)]) == 0
    assert main(["report", str(assessment), "-o", str(asked), "--find-out-unanswered"]) == 0
    assert "Still to answer (3)" not in Pdf(plain.read_bytes()).flat
    assert "Still to answer (3)" in Pdf(asked.read_bytes()).flat
