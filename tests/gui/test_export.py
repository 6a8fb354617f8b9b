"""Create PDF action plan: present only with the renderer, loaded only when asked for, then offered to open."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from coprod_check.app import export_job, store
from coprod_check.app import session as s
from coprod_check.domain.fileformat import from_dict
from coprod_check.gui.dialogs import ExportChoice
from coprod_check.gui.export import report_available, suggested_name
from tests.gui.keys import choose, press


class Jobs:
    """The jobs the stand-in worker was given, read from its record: (assessment, output, options)."""

    def __init__(self, record: Path):
        self.record = record

    def _read(self) -> list[tuple]:
        if not self.record.exists():
            return []
        jobs = [json.loads(line) for line in self.record.read_text(encoding="utf-8").splitlines()]
        return [(from_dict(j["assessment"], "job"), Path(j["output"]), j["options"]) for j in jobs]

    def __iter__(self):
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())

    def __eq__(self, other: object) -> bool:
        return self._read() == other

    def clear(self) -> None:
        self.record.unlink(missing_ok=True)


@pytest.fixture
def fake_report(monkeypatch, tmp_path):
    """A stand-in worker process (tests/gui/fake_worker.py) that records the jobs it is given."""
    record = tmp_path / "jobs.jsonl"
    monkeypatch.setenv("COPROD_FAKE_RECORD", str(record))
    worker = [sys.executable, str(Path(__file__).with_name("fake_worker.py"))]
    monkeypatch.setattr(export_job, "worker_command", lambda: worker)
    return Jobs(record)


def export(window, qtbot) -> None:
    """Create the PDF as Ctrl+E does, and wait until the worker has finished."""
    window.export_pdf()
    qtbot.waitUntil(lambda: not window.export_running(), timeout=60_000)


def test_ctrl_e_creates_the_pdf_and_offers_to_open_it(fake_report, make_window, asked, tmp_path, qtbot):
    assert report_available()
    window = make_window()
    assert window.export_action is not None
    press(Qt.Key.Key_Return)
    window.session.set_about("organisation", "North/field: Trust")
    window.go(s.question_page("power-agenda"))
    choose(1)
    saved = tmp_path / "a.json"
    window.session.save_as(saved)
    window.session.set_note_private("power-agenda", True)  # an unsaved change: saved before the PDF

    output = tmp_path / "plan.pdf"
    suggestions = []

    def export_dialog(parent, suggested, previous=None, sections=()):
        suggestions.append(suggested)
        return ExportChoice(output, "letter", include_private=False, include_names=True)

    asked.answers["ExportDialog"] = export_dialog
    asked.answers["Confirm"] = True
    asked.answers["Desktop"] = True
    window.go(s.PLAN_PAGE)
    press(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.export_running(), timeout=60_000)
    assert asked.names() == ["ExportDialog", "Confirm", "Desktop"]
    assert suggestions[0].parent == tmp_path and "/" not in suggestions[0].name and ":" not in suggestions[0].name
    ((assessment, written, options),) = fake_report
    assert written == output and output.exists()
    assert options == {
        "paper": "letter",
        "include_private": False,
        "include_names": True,
        "assessment_sha256": hashlib.sha256(saved.read_bytes()).hexdigest(),
    }
    assert store.load(saved).answers["power-agenda"].note_private  # the hash is of the current file
    assert assessment.answers["power-agenda"].note_private  # ...and the job holds what the file holds
    assert asked.shown[-1][1][1] == output


def test_the_plan_page_has_the_pdf_button_when_the_renderer_is_there(fake_report, make_window, asked):
    window = make_window()
    press(Qt.Key.Key_Return)
    window.go(s.PLAN_PAGE)
    button = window.pages[s.PLAN_PAGE].export
    assert button is not None and button.isVisible() and "PDF" in button.text()


def test_a_failed_pdf_is_explained_and_changes_nothing(fake_report, make_window, asked, tmp_path, monkeypatch, qtbot):
    monkeypatch.setenv("COPROD_FAKE_FAIL", "disk full")
    window = make_window()
    press(Qt.Key.Key_Return)
    asked.answers["ExportDialog"] = ExportChoice(tmp_path / "plan.pdf", "a4", False, False)
    asked.answers["Inform"] = None
    export(window, qtbot)
    assert asked.names() == ["ExportDialog", "Inform"]
    assert "disk full" in asked.shown[1][1][3] and "safe" in asked.shown[1][1][3]


def test_cancelling_the_export_does_nothing(fake_report, make_window, asked):
    window = make_window()
    press(Qt.Key.Key_Return)
    asked.answers["ExportDialog"] = None
    window.export_pdf()
    assert fake_report == [] and asked.names() == ["ExportDialog"]


def test_suggested_names_are_safe_everywhere(tmp_path):
    from coprod_check.app.restore import RestoreFile
    from coprod_check.domain.assessment import Assessment
    from tests.tiny import tiny

    q = tiny()
    a = Assessment.new(q)
    a.organisation, a.team, a.date = 'A/B: "C"*', "", "2026-11-24"
    session = s.Session(q, a, None, RestoreFile(tmp_path))
    assert suggested_name(session, ".json") == "A B C 2026-11-24.json"


@pytest.mark.skipif(importlib.util.find_spec("coprod_check.report") is None, reason="no PDF renderer yet")
def test_the_real_renderer_writes_a_pdf(make_window, asked, tmp_path, qtbot):
    window = make_window()
    assert window.export_action is not None
    press(Qt.Key.Key_Return)
    window.go(s.question_page("power-agenda"))
    choose(1)
    output = tmp_path / "plan.pdf"
    asked.answers["ExportDialog"] = ExportChoice(output, "a4", False, False)
    asked.answers["Confirm"] = False  # "Not now"
    export(window, qtbot)
    assert output.read_bytes().startswith(b"%PDF")
    assert asked.names() == ["ExportDialog", "Confirm"]
