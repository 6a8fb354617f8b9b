"""Starting the window: `coprod-check` with no command, or with an assessment file."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QObject, QSize, QTranslator
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QMainWindow

from coprod_check import __version__
from coprod_check.i18n import _, is_source, locale_name

ORGANISATION = "coprod-check"
APPLICATION = "coprod-check"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Only macOS hands files over as FileOpen events. Elsewhere the filter is not installed: it would
#: see every event of every widget, and cost the window ~20 ms of its start for nothing.
FILE_OPEN_EVENTS = sys.platform == "darwin"
#: Set (to anything) to close the window as soon as it has been drawn: smoke tests of a build use it.
CLOSE_AFTER_START_ENV = "COPROD_CHECK_CLOSE_AFTER_START"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (the existing one, if any), named before anything could create QSettings."""
    QApplication.setOrganizationName(ORGANISATION)
    QApplication.setApplicationName(APPLICATION)
    QApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName("coprod-check")
    app.setDesktopFileName("coprod-check")
    app.setWindowIcon(app_icon())
    # The app speaks the language chosen for it (coprod_check.i18n: UK English unless another
    # is), so dates read "24 November 2026" whatever the system locale.
    QLocale.setDefault(QLocale(locale_name()))
    if not is_source() and not app.property("coprod_translator"):
        # Qt's own words (a tab bar's scroll buttons, a file dialog) come from Qt's catalogue,
        # which has no Welsh: for a language other than English they go through the layer too.
        translator = _QtWords(app)
        app.installTranslator(translator)
        app.setProperty("coprod_translator", True)
    return app


class _QtWords(QTranslator):
    """Qt's own words through coprod_check.i18n (installed only for a language other than English)."""

    def translate(  # noqa: N802 (Qt's name)
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return _(source_text) if source_text else ""


def app_icon() -> QIcon:
    """The app's icon at every size drawn for it (assets/icons, made by tools/make_icons.py)."""
    from coprod_check.app import resources

    icon = QIcon()
    for size in ICON_SIZES:
        try:
            icon.addFile(str(resources.asset(f"icons/coprod-check-{size}.png")), QSize(size, size))
        except FileNotFoundError:
            continue  # an icon is no reason not to start: the system's default stands in
    return icon


class _OpenedFiles(QObject):
    """Opens the files macOS hands over as events (a double-click in Finder), not as arguments."""

    def __init__(self, app: QApplication, window: QMainWindow, open_path: Callable[[Path], object]):
        super().__init__(window)  # goes with the window, and Qt then drops the filter
        self.open_path = open_path
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
            self.open_path(Path(event.file()))
            return True
        return False


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

    # With a file, the window is shown only once the file is open: its first paint is the file,
    # never an empty or black window, and the start page (with every questionnaire) is not made.
    window = MainWindow(start_page=not files)
    if FILE_OPEN_EVENTS:
        _OpenedFiles(app, window, window.open_path)
    if after_first_paint is None and os.environ.get(CLOSE_AFTER_START_ENV):
        after_first_paint = _say_started_and_close(window)
    if after_first_paint is not None:
        _FirstPaint(window, after_first_paint)
    if files and not window.open_path(files[0]):
        window.show_start()  # it could not be opened (and the person was told why)
    window.show()
    return app.exec()


def _say_started_and_close(window: QMainWindow) -> Callable[[], None]:
    """For a smoke test of a build: say the window opened, with its title, then end cleanly."""

    def close() -> None:
        if sys.stderr is not None:
            title = window.windowTitle().replace("[*]", "")
            print(_("coprod-check: the window opened: {title}").format(title=title), file=sys.stderr, flush=True)
        QApplication.exit(0)

    return close
