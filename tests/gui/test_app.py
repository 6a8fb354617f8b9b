"""`coprod-check FILE`: the window starts, opens the file, and the event loop ends cleanly."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from coprod_check.app import catalogue, store
from coprod_check.domain.example import make_example
from coprod_check.gui.app import make_application, run
from coprod_check.gui.main_window import MainWindow


def run_and_look(qtbot, files):
    """Run the app until its first paint; return what the window showed then."""
    seen = {}
    before = set(QApplication.topLevelWidgets())

    def look() -> None:
        (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w not in before]
        qtbot.addWidget(window)  # closed and deleted after the test, like every test's window
        seen["path"] = window.session.path if window.session else None
        seen["title"] = window.windowTitle()
        QApplication.exit(0)

    assert run(files, after_first_paint=look) == 0
    return seen


def test_run_opens_the_file_it_is_given(qapp, qtbot, home, asked, tmp_path):
    path = tmp_path / "example.json"
    store.save(path, make_example(catalogue.find("coproduction-readiness")))
    assert make_application() is qapp  # one application, named before any settings
    assert qapp.organizationName() == "coprod-check" and qapp.applicationName() == "coprod-check"
    seen = run_and_look(qtbot, [path])
    assert seen["path"] == path and seen["title"].startswith("example.json")
    assert asked.names() == []


def test_run_explains_a_file_that_is_not_there(qapp, qtbot, home, asked, tmp_path):
    asked.answers["Inform"] = None
    seen = run_and_look(qtbot, [tmp_path / "missing.json"])
    assert seen["path"] is None and seen["title"] == "coprod-check"
    assert "does not exist" in asked.shown[0][1][3]
