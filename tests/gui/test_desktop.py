"""The window's desktop basics: its icon, files handed over by macOS, and a smoke-test start."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from coprod_check.app import catalogue, store
from coprod_check.domain.example import make_example
from coprod_check.gui.app import CLOSE_AFTER_START_ENV, ICON_SIZES, make_application, run
from coprod_check.gui.main_window import MainWindow


def test_the_window_has_the_apps_icon_at_every_size(qapp, qtbot, home, asked):
    make_application()
    icon = qapp.windowIcon()
    assert not icon.isNull()
    assert set(ICON_SIZES) <= {s.width() for s in icon.availableSizes()}
    window = MainWindow(home=home)
    qtbot.addWidget(window)
    assert window.windowIcon().cacheKey() == icon.cacheKey()
    assert not window.windowIcon().pixmap(QSize(32, 32)).isNull()


def test_a_file_macos_hands_over_as_an_event_is_opened(qapp, qtbot, home, asked, tmp_path, monkeypatch):
    from coprod_check.gui import app

    monkeypatch.setattr(app, "FILE_OPEN_EVENTS", True)  # as on macOS
    path = tmp_path / "from finder.coprod"
    store.save(path, make_example(catalogue.find("coproduction-readiness")))
    seen = {}

    def hand_over() -> None:
        (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        qtbot.addWidget(window)
        QApplication.sendEvent(qapp, QFileOpenEvent(str(path)))
        seen["path"] = window.session.path if window.session else None
        QApplication.exit(0)

    assert run([], after_first_paint=hand_over) == 0
    assert seen["path"] == path


def test_a_smoke_test_start_says_what_opened_and_ends_cleanly(qapp, qtbot, home, asked, tmp_path, monkeypatch, capsys):
    path = tmp_path / "smoke.coprod"
    store.save(path, make_example(catalogue.find("coproduction-readiness")))
    monkeypatch.setenv(CLOSE_AFTER_START_ENV, "1")
    before = set(QApplication.topLevelWidgets())
    assert run([path]) == 0
    for window in set(QApplication.topLevelWidgets()) - before:
        qtbot.addWidget(window)
    assert "the window opened: smoke.coprod" in capsys.readouterr().err


def test_the_start_up_dialog_is_a_real_message_box(qapp, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from coprod_check import launch

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.windowTitle(), box.text(), box.icon())))
    launch.Dialog.ask("coprod-check could not start", "The window cannot start: no screen.", problem=True)
    launch.Dialog.ask("coprod-check", "coprod-check 0.1.0")
    assert shown == [
        ("coprod-check could not start", "The window cannot start: no screen.", QMessageBox.Icon.Warning),
        ("coprod-check", "coprod-check 0.1.0", QMessageBox.Icon.Information),
    ]
