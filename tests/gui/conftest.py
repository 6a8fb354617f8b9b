"""Fixtures for the window tests: an isolated home, no real dialogs, a shown window."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coprod_check.gui import dialogs


class Dialogs:
    """Records every dialog the window tries to show; answers as the test says."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, tuple]] = []
        self.answers: dict[str, object] = {}

    def handler(self, name: str):
        def ask(*args, **kwargs):
            self.shown.append((name, args))
            if name not in self.answers:
                raise AssertionError(f"unexpected {name} dialog: {args[1:]}")
            answer = self.answers[name]
            return answer(*args) if callable(answer) else answer

        return ask

    def names(self) -> list[str]:
        return [name for name, _ in self.shown]


@pytest.fixture(autouse=True)
def home(isolated_home: Path, tmp_path: Path) -> Path:
    """The isolated home (tests/conftest.py), and Qt's settings kept in tmp_path too."""
    from PySide6.QtCore import QSettings

    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(tmp_path / "settings"))
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "settings"))
    return isolated_home


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    """Replace every dialog's ask(); an unexpected dialog fails the test instead of blocking it."""
    recorder = Dialogs()
    for cls in (
        dialogs.OpenDialog,
        dialogs.SaveAsDialog,
        dialogs.Confirm,
        dialogs.Inform,
        dialogs.UpdateDialog,
        dialogs.ExportDialog,
        dialogs.ResponsesDialog,
        dialogs.UnsavedDialog,
        dialogs.VersionDialog,
    ):
        monkeypatch.setattr(cls, "ask", recorder.handler(cls.__name__))
    from coprod_check.gui import exchange_dialogs, paper_entry

    for cls in (
        exchange_dialogs.BlankCopyDialog,
        exchange_dialogs.FormsQuestionsDialog,
        exchange_dialogs.FormsExportDialog,
        exchange_dialogs.FormsPreviewDialog,
        paper_entry.PaperFolderDialog,
    ):
        monkeypatch.setattr(cls, "ask", recorder.handler(cls.__name__))
    monkeypatch.setattr(dialogs.Desktop, "open", recorder.handler("Desktop"))
    return recorder


@pytest.fixture
def make_window(qtbot, home: Path, asked: Dialogs):
    """Build, show and focus a main window on the isolated home."""
    from coprod_check.gui.main_window import MainWindow

    def make() -> MainWindow:
        window = MainWindow(home=home)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: window.isActiveWindow())
        return window

    return make


@pytest.fixture
def window(make_window):
    """A main window on the start page."""
    return make_window()


@pytest.fixture(autouse=True)
def _english_locale():
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


assert os.environ.get("QT_QPA_PLATFORM") == "offscreen" or os.environ.get("DISPLAY")
