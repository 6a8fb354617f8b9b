"""The export dialog completes on Enter, shows the whole folder, takes extra fields, and the export
runs in a worker process the person can cancel while the window goes on."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLineEdit, QPushButton

from coprod_check.app import export_job
from coprod_check.domain.assessment import Assessment
from coprod_check.gui.dialogs import ExportChoice, ExportDialog, ExportSection
from coprod_check.gui.export import file_name
from tests.gui.keys import press
from tests.gui.test_export import export, fake_report  # noqa: F401 (a fixture)

LONG = Path("/home/someone/Documents/Team papers/Northfield Community Mental Health Trust action plan.pdf")


@pytest.fixture
def shown(window, qtbot):
    """The dialog shown over the window."""

    def show(suggested: Path = LONG) -> ExportDialog:
        dialog = ExportDialog(window, suggested)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return show


@pytest.fixture
def no_chooser(monkeypatch):
    opened = []

    def chooser(*args, **kwargs):
        opened.append(args)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", chooser)
    return opened


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, for any dialog shown
def test_enter_in_the_name_creates_the_plan(shown, no_chooser):
    dialog = shown()
    dialog.path_edit.setFocus()
    QTest.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == ExportDialog.DialogCode.Accepted and no_chooser == []


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, for any dialog shown
def test_enter_after_choosing_a_file_does_not_open_a_second_chooser(shown, no_chooser):
    dialog = shown()
    dialog.browse.setFocus()
    QTest.keyClick(dialog.browse, Qt.Key.Key_Space)  # the chooser, chosen on purpose
    assert len(no_chooser) == 1 and not dialog.browse.isDefault() and dialog.ok.isDefault()
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert len(no_chooser) == 1 and dialog.result() == ExportDialog.DialogCode.Accepted


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, for any dialog shown
def test_the_save_to_field_shows_the_whole_folder(shown):
    dialog = shown()
    edit: QLineEdit = dialog.path_edit
    room = dialog.screen().availableGeometry().width() * 2 // 3  # on a small screen it scrolls to the name
    assert edit.width() >= min(edit.fontMetrics().horizontalAdvance(str(LONG)), room)


class Meeting(ExportSection):
    """A section as the board paper (issue 10) adds one: a field, and an option for the renderer."""

    def add_rows(self, dialog, form):
        self.edit = QLineEdit()
        self.edit.setAccessibleName("Meeting")
        form.addRow("&Meeting:", self.edit)
        return [self.edit]

    def read(self, choice):
        choice.extra["meeting"] = self.edit.text()

    def restore(self, previous):
        self.edit.setText(previous.extra.get("meeting", ""))


def test_a_section_adds_its_field_and_its_option(qtbot):
    dialog = ExportDialog(None, LONG, ExportChoice(LONG, extra={"meeting": "Board, March"}), [Meeting()])
    qtbot.addWidget(dialog)
    choice = dialog.choice()
    assert choice.options() == {
        "paper": "a4",
        "include_private": False,
        "include_names": False,
        "meeting": "Board, March",
    }


def test_the_section_option_reaches_the_worker(fake_report, window, asked, tmp_path, qtbot, monkeypatch):  # noqa: F811
    from coprod_check.gui import export as export_module

    monkeypatch.setattr(export_module, "export_sections", lambda session: [Meeting()])
    press(Qt.Key.Key_Return)
    seen = []

    def dialog(parent, suggested, previous=None, sections=()):
        seen.append([type(x) for x in sections])
        return ExportChoice(tmp_path / "plan.pdf", extra={"meeting": "Board"})

    asked.answers["ExportDialog"] = dialog
    asked.answers["Confirm"] = False
    export(window, qtbot)
    ((_, output, options),) = fake_report
    assert seen == [[Meeting]] and options["meeting"] == "Board" and output == tmp_path / "plan.pdf"


def test_the_export_runs_while_the_window_goes_on_and_can_be_cancelled(window, asked, tmp_path, qtbot, monkeypatch):
    slow = tmp_path / "slow_worker.py"
    slow.write_text("import sys, time\nsys.stdin.buffer.read()\ntime.sleep(30)\n", encoding="utf-8")
    monkeypatch.setattr(export_job, "worker_command", lambda: [sys.executable, str(slow)])
    press(Qt.Key.Key_Return)
    output = tmp_path / "plan.pdf"
    asked.answers["ExportDialog"] = ExportChoice(output)
    window.export_pdf()
    assert window.export_running()  # the window has its event loop back while the plan is written
    window.session.set_about("team", "Changed while the PDF is written")
    run = window.export_run
    qtbot.waitUntil(lambda: run.progress.isVisible(), timeout=5000)  # progress, with a Cancel button
    outcomes = []
    run.finished.connect(outcomes.append)
    cancel = next(b for b in run.progress.findChildren(QPushButton) if b.text() == "Cancel")
    cancel.click()
    assert outcomes == [None] and not window.export_running() and not output.exists()
    assert asked.names() == ["ExportDialog"]  # nothing to say: the person cancelled
    assert run.process.state() == run.process.ProcessState.NotRunning


def test_a_worker_that_dies_is_explained(window, asked, tmp_path, qtbot, monkeypatch):
    dead = tmp_path / "dead_worker.py"
    dead.write_text("import sys\nsys.stdin.buffer.read()\nsys.exit('out of memory')\n", encoding="utf-8")
    monkeypatch.setattr(export_job, "worker_command", lambda: [sys.executable, str(dead)])
    press(Qt.Key.Key_Return)
    asked.answers["ExportDialog"] = ExportChoice(tmp_path / "plan.pdf")
    asked.answers["Inform"] = None
    export(window, qtbot)
    assert asked.names() == ["ExportDialog", "Inform"]
    assert "out of memory" in asked.shown[1][1][3] and "safe" in asked.shown[1][1][3]


def test_an_unsaved_assessment_proposes_a_folder_that_exists(window, asked, tmp_path, monkeypatch):
    home = tmp_path / "no-documents-here"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    press(Qt.Key.Key_Return)
    offered = []
    asked.answers["ExportDialog"] = lambda parent, suggested, *a: offered.append(suggested)
    window.export_pdf()
    assert offered and offered[0].parent.is_dir()


def test_save_as_never_opens_in_the_working_directory(window, asked, tmp_path, monkeypatch):
    home = tmp_path / "no-documents-here"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    press(Qt.Key.Key_Return)
    offered = []
    asked.answers["SaveAsDialog"] = lambda parent, suggested, *a: offered.append(suggested)
    window.save_as()
    assert offered[0].parent == home


def test_suggested_names_are_cut_between_words(tmp_path):
    a = Assessment("q", "1")
    a.organisation = "Northfield and Southmoor Community Mental Health and Wellbeing Partnership NHS Foundation Trust"
    a.team = "Adult Crisis Resolution and Home Treatment"
    name = file_name(a, ".json")
    stem = name[: -len(".json")]
    assert len(stem) <= 80 and name.endswith(".json")
    assert (a.organisation + " " + a.team).startswith(stem)
    assert (a.organisation + " " + a.team)[len(stem)] == " "  # cut before a space: no word is broken
    one_word = Assessment("q", "1")
    one_word.organisation = "x" * 200
    assert file_name(one_word, ".pdf") == "x" * 80 + ".pdf"


def test_the_job_is_what_the_worker_reads(tmp_path):
    job = export_job.ExportJob(tmp_path / "p.pdf", {"q": 1}, {"a": "é"}, {"paper": "a4"}, "pdf")
    again = export_job.ExportJob.from_bytes(job.to_bytes())
    assert (again.output, again.questionnaire, again.assessment, again.options, again.format) == (
        tmp_path / "p.pdf",
        {"q": 1},
        {"a": "é"},
        {"paper": "a4"},
        "pdf",
    )
    assert export_job.read_line(b"not json") == {} and json.loads(export_job.progress_line(2)) == {"progress": 1.0}


def test_a_folder_taken_away_is_never_offered(window, asked, tmp_path, monkeypatch):
    from coprod_check.app import catalogue, store
    from coprod_check.domain.example import make_example

    home = tmp_path / "home-folder"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    path = stick / "ours.json"
    store.save(path, make_example(catalogue.find("coproduction-readiness")))
    assert window.open_path(path)
    stick.rename(tmp_path / "elsewhere")  # the stick is taken out
    offered = []
    asked.answers["SaveAsDialog"] = lambda parent, suggested, *a: offered.append(suggested)
    asked.answers["ExportDialog"] = lambda parent, suggested, *a: offered.append(suggested)
    window.save_as()
    window.export_pdf()
    assert [p.parent for p in offered] == [home, home]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_enter_on_a_focused_cancel_cancels(shown, no_chooser):
    dialog = shown()
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    cancel.setFocus()
    assert dialog.isVisible()
    QTest.keyClick(cancel, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == ExportDialog.DialogCode.Rejected and no_chooser == []
