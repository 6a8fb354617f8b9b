"""The export worker, as the window runs it: a job on stdin, progress and the outcome on stdout."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys

from coprod_check.app import catalogue, store
from coprod_check.app.export_job import ExportJob, worker_command
from coprod_check.domain.example import make_example
from coprod_check.domain.fileformat import to_dict
from coprod_check.report import job, write_pdf


def example_job(tmp_path, **options):
    q = catalogue.find("coproduction-readiness")
    a = make_example(q)
    return q, a, ExportJob(tmp_path / "plan.pdf", q.to_plain(), to_dict(a), {"paper": "a4", **options})


def test_the_worker_process_writes_the_same_bytes_as_the_command_line(tmp_path):
    q, a, work = example_job(tmp_path, assessment_sha256="a" * 64)
    proc = subprocess.run(worker_command(), input=work.to_bytes(), capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert lines[-1] == {"done": str(tmp_path / "plan.pdf")}
    fractions = [x["progress"] for x in lines if "progress" in x]
    assert fractions and fractions == sorted(fractions) and 0 < fractions[-1] <= 1  # it says how far it has got
    direct = tmp_path / "direct.pdf"
    write_pdf(q, a, direct, paper="a4", assessment_sha256="a" * 64)
    assert hashlib.sha256((tmp_path / "plan.pdf").read_bytes()).digest() == hashlib.sha256(direct.read_bytes()).digest()


def test_a_job_that_cannot_be_done_is_said_in_a_sentence(tmp_path):
    _, _, work = example_job(tmp_path, paper="a3")
    out = io.BytesIO()
    assert job.main(io.BytesIO(work.to_bytes()), out) == 1
    (report,) = [json.loads(x) for x in out.getvalue().splitlines()]
    assert "error" in report and not (tmp_path / "plan.pdf").exists()


def test_an_unknown_format_or_a_broken_job_is_refused(tmp_path):
    _, _, work = example_job(tmp_path)
    work.format = "odt"
    out = io.BytesIO()
    assert job.main(io.BytesIO(work.to_bytes()), out) == 1
    assert "cannot write a odt file" in out.getvalue().decode()
    out = io.BytesIO()
    assert job.main(io.BytesIO(b"not a job"), out) == 1
    assert "could not be read" in out.getvalue().decode()


def test_the_assessment_the_worker_prints_is_the_one_saved(tmp_path):
    q, a, work = example_job(tmp_path)
    path = tmp_path / "ours.json"
    store.save(path, a)
    assert store.load(path) == a and work.assessment == to_dict(store.load(path))
    assert sys.executable in worker_command()
