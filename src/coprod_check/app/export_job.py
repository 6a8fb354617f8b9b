"""An export job: everything a worker process needs to write one printed plan, and nothing else.

The window never renders a plan itself: reportlab holds Python's lock for most of a render, so a
render on any thread of the window's process would freeze it (0.5 s for a group of 500, seconds for
1,000 questions). Instead the window describes the job, a worker process (report/job.py) runs it,
and the window stays free to repaint, to show progress and to cancel.

A job is JSON on the worker's standard input:

    {"job": 1, "format": "pdf", "output": "/path/plan.pdf",
     "options": {"paper": "a4", "include_private": false, "include_names": false,
                 "assessment_sha256": "..."},
     "questionnaire": {...Questionnaire.to_plain()...},
     "assessment": {...fileformat.to_dict()...}}

`options` are the renderer's keyword arguments, passed through as they are: a field the export
dialog gains (the board paper's meeting and author, issue 10) is one more option, with no change
here. `format` names the renderer (report/job.py's RENDERERS); "pdf" is the only one until the
Word and spreadsheet twins add theirs (issue 11).

The worker answers with one JSON object a line on its standard output: {"progress": 0.42} while it
works, then {"done": "/path/plan.pdf"} or {"error": "a sentence"}. No Qt and no reportlab here.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

JOB_VERSION = 1
#: The bundle's executable runs a job when started with this as its only argument (launch.py).
WORKER_ARGUMENT = "--export-job"
WORKER_MODULE = "coprod_check.report.job"


class ExportJob:
    """One plan to write: its format, where it goes, the renderer's options, and the data."""

    def __init__(
        self,
        output: Path,
        questionnaire: dict[str, Any],
        assessment: dict[str, Any],
        options: dict[str, Any] | None = None,
        fmt: str = "pdf",
        complete: Callable[[], dict[str, Any]] | None = None,
    ):
        """`complete`, when given, gives the whole assessment data when the job is written out (a
        save snapshot's `complete`: a group's responses are turned into data off the window's thread)."""
        self._complete = complete
        self.output = Path(output)
        self.questionnaire = questionnaire  # Questionnaire.to_plain()
        self.assessment = assessment  # fileformat.to_dict(): a copy, so the person can go on working
        self.options = dict(options or {})
        self.format = fmt

    def to_bytes(self) -> bytes:
        """The job as the worker reads it: JSON, laid out one record a line by the store's C encoder
        (app/store.py), so that a thread making it hands Python's lock back to the window between
        lines, rather than holding it for the whole of a large group in one call."""
        from coprod_check.app.store import layout

        if self._complete is not None:
            self.assessment, self._complete = self._complete(), None
        data = {
            "job": JOB_VERSION,
            "format": self.format,
            "output": str(self.output),
            "options": self.options,
            "questionnaire": self.questionnaire,
            "assessment": self.assessment,
        }
        return layout(data).encode("utf-8", "surrogatepass")

    def release(self) -> None:
        """Let go of the data once it is written out (on the thread that wrote it)."""
        self.questionnaire, self.assessment, self._complete = {}, {}, None

    @classmethod
    def from_bytes(cls, raw: bytes) -> ExportJob:
        """Read a job; ValueError if it is not one this version can run."""
        data = json.loads(raw.decode("utf-8", "surrogatepass"))
        if not isinstance(data, dict) or data.get("job") != JOB_VERSION:
            raise ValueError("this is not an export job this version of coprod-check can run")
        return cls(
            Path(data["output"]),
            data["questionnaire"],
            data["assessment"],
            data.get("options") or {},
            data.get("format", "pdf"),
        )


def worker_command() -> list[str]:
    """The program and arguments that start a worker: this Python running report/job.py, or, in a
    bundle (PyInstaller sets sys.frozen), the bundle's own executable."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_ARGUMENT]
    python = Path(sys.executable)
    if sys.platform == "win32" and python.name.lower() == "python.exe":
        # A console program started by the window would flash a console window on Windows.
        windowed = python.with_name("pythonw.exe")
        if windowed.is_file():
            python = windowed
    return [str(python), "-m", WORKER_MODULE]


def progress_line(fraction: float) -> bytes:
    """The worker's report of how far it has got (0 to 1)."""
    return json.dumps({"progress": round(max(0.0, min(1.0, fraction)), 3)}).encode() + b"\n"


def done_line(output: Path) -> bytes:
    """The worker's report that the file is written."""
    return json.dumps({"done": str(output)}, ensure_ascii=False).encode("utf-8") + b"\n"


def error_line(message: str) -> bytes:
    """The worker's report that the file could not be written, in a sentence for the person."""
    return json.dumps({"error": message}, ensure_ascii=False).encode("utf-8", "replace") + b"\n"


def read_line(line: bytes) -> dict[str, Any]:
    """One report from the worker ({} for anything that is not one, such as a stray warning)."""
    try:
        data = json.loads(line.decode("utf-8", "replace"))
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
