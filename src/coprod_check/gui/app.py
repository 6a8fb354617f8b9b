"""Starting the window: `coprod-check` with no command, or with an assessment file."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QObject
from PySide6.QtWidgets import QApplication

from coprod_check import __version__

ORGANISATION = "coprod-check"
APPLICATION = "coprod-check"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (the existing one, if any), named before anything could create QSettings."""
    QApplication.setOrganizationName(ORGANISATION)
    QApplication.setApplicationName(APPLICATION)
    QApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        argv if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName("coprod-check")
    app.setDesktopFileName("coprod-check")
    # The app speaks UK English, so dates read "24 November 2026" whatever the system locale.
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return app


class _FirstPaint(QObject):
    """Calls `callback` once, after the window's first paint (for the start-up benchmark)."""

    def __init__(self, window: QObject, callback: Callable[[], None]):
        super().__init__(window)
        self.callback: Callable[[], None] | None = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and self.callback is not None:
            from PySide6.QtCore import QTimer

            callback, self.callback = self.callback, None
            QTimer.singleShot(0, callback)  # after this paint has finished
        return False


def run(files: list[Path], *, after_first_paint: Callable[[], None] | None = None) -> int:
    """Show the window, open `files[0]` if given, and run until it closes; return the exit code."""
    app = make_application()
    from coprod_check.gui.main_window import MainWindow

    window = MainWindow()
    if after_first_paint is not None:
        _FirstPaint(window, after_first_paint)
    window.show()
    if files:
        window.open_path(files[0])
    return app.exec()
