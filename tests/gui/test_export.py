"""Create PDF action plan: present only with the renderer, loaded only when asked for, then offered to open."""

from __future__ import annotations

import importlib.util
import sys
import types

import pytest
from PySide6.QtCore import Qt

import coprod_check
from coprod_check.app import session as s
from coprod_check.app import store
from coprod_check.gui.dialogs import ExportChoice
from coprod_check.gui.export import report_available, suggested_name
from tests.gui.keys import choose, press


@pytest.fixture
def fake_report(monkeypatch):
    """A stand-in renderer that records its calls, found by importlib like the real one."""
    calls = []
    module = types.ModuleType("coprod_check.report")
    module.__spec__ = importlib.util.spec_from_loader("coprod_check.report", loader=None)

    def write_pdf(questionnaire, assessment, output, **options):
        calls.append((assessment, output, options))
        output.write_bytes(b"%PDF-1.4 fake")

    module.write_pdf = write_pdf
    module.file_sha256 = lambda path: "f" * 64
    monkeypatch.setitem(sys.modules, "coprod_check.report", module)
    monkeypatch.setattr(coprod_check, "report", module, raising=False)
    return calls


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

    def export_dialog(parent, suggested):
        suggestions.append(suggested)
        return ExportChoice(output, "letter", include_private=False, include_names=True)

    asked.answers["ExportDialog"] = export_dialog
    asked.answers["Confirm"] = True
    asked.answers["Desktop"] = True
    window.go(s.PLAN_PAGE)
    press(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked.names() == ["ExportDialog", "Confirm", "Desktop"]
    assert suggestions[0].parent == tmp_path and "/" not in suggestions[0].name and ":" not in suggestions[0].name
    ((assessment, written, options),) = fake_report
    assert written == output and output.exists()
    assert options == {
        "paper": "letter",
        "include_private": False,
        "include_names": True,
        "assessment_sha256": "f" * 64,
    }
    assert store.load(saved).answers["power-agenda"].note_private  # the hash is of the current file
    assert asked.shown[-1][1][1] == output


def test_the_plan_page_has_the_pdf_button_when_the_renderer_is_there(fake_report, make_window, asked):
    window = make_window()
    press(Qt.Key.Key_Return)
    window.go(s.PLAN_PAGE)
    button = window.pages[s.PLAN_PAGE].export
    assert button is not None and button.isVisible() and "PDF" in button.text()


def test_a_failed_pdf_is_explained_and_changes_nothing(fake_report, make_window, asked, tmp_path, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(sys.modules["coprod_check.report"], "write_pdf", fail)
    window = make_window()
    press(Qt.Key.Key_Return)
    asked.answers["ExportDialog"] = ExportChoice(tmp_path / "plan.pdf", "a4", False, False)
    asked.answers["Inform"] = None
    window.export_pdf()
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
def test_the_real_renderer_writes_a_pdf(make_window, asked, tmp_path):
    window = make_window()
    assert window.export_action is not None
    press(Qt.Key.Key_Return)
    window.go(s.question_page("power-agenda"))
    choose(1)
    output = tmp_path / "plan.pdf"
    asked.answers["ExportDialog"] = ExportChoice(output, "a4", False, False)
    asked.answers["Confirm"] = False  # "Not now"
    window.export_pdf()
    assert output.read_bytes().startswith(b"%PDF")
    assert asked.names() == ["ExportDialog", "Confirm"]
