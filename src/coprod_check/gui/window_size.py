"""The window's size: fitted to the screen it opens on, and remembered (QSettings).

A 1366x768 laptop at 125% scaling has 1093x614 logical pixels, about 570 in height once the
taskbar is taken; at 200% text a window sized in characters would not fit at all. So the window
opens at the size it had last time, or at a comfortable size in characters, but never larger than
the screen's available area (less a title bar), and its minimum size never exceeds that area
either: every page scrolls, and the bar below (Back, Next, saved, progress) stays in sight.
The Contents pane's width is remembered with it, in `DATA/window.ini` (QSettings in INI format
in the app's own data folder: never the Windows registry, and isolated with the rest of the data
by COPROD_CHECK_HOME, as the tests do).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QProgressBar, QSplitter, QStyle

SETTINGS_FILE = "window.ini"

SIZE_KEY = "window/size"
SPLITTER_KEY = "window/contents"


def available(window: QMainWindow) -> QRect:
    """The screen area the window may use (the screen's available geometry, less a title bar)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)
    title = window.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight) + 8
    return area.adjusted(0, 0, 0, -title)


def settings(window: QMainWindow) -> QSettings:
    """Where the window's size is kept: `window.home` (the app's data folder) / window.ini."""
    return QSettings(str(window.home / SETTINGS_FILE), QSettings.Format.IniFormat)  # type: ignore[attr-defined]


def fit(window: QMainWindow) -> None:
    """Set the window's minimum size and its size: as last time, or by default, within the screen."""
    area = available(window)
    metrics = window.fontMetrics()
    minimum = QSize(max(640, metrics.averageCharWidth() * 80), max(380, metrics.lineSpacing() * 18))
    window.setMinimumSize(minimum.boundedTo(area.size()))
    saved = settings(window).value(SIZE_KEY)
    wanted = saved if isinstance(saved, QSize) and saved.isValid() else default_size(window)
    size = wanted.expandedTo(window.minimumSize()).boundedTo(area.size())
    window.resize(size)
    window.move(area.x() + (area.width() - size.width()) // 2, area.y() + (area.height() - size.height()) // 2)


def default_size(window: QMainWindow) -> QSize:
    """A comfortable first size: a question with its levels, note and evidence, without scrolling."""
    metrics = window.fontMetrics()
    return QSize(metrics.averageCharWidth() * 150, metrics.lineSpacing() * 46)


def remember(window: QMainWindow, splitter: QSplitter | None) -> None:
    """Keep the window's size (and the Contents pane's width) for next time."""
    kept = settings(window)
    if not window.isMaximized() and not window.isFullScreen():
        kept.setValue(SIZE_KEY, window.size())
    if splitter is not None and splitter.count() > 1:
        kept.setValue(SPLITTER_KEY, splitter.saveState())
    kept.sync()


def restore_splitter(window: QMainWindow, splitter: QSplitter) -> None:
    """Give the Contents pane the width it had last time (when there was one)."""
    state = settings(window).value(SPLITTER_KEY)
    if isinstance(state, QByteArray) and not state.isEmpty():
        splitter.restoreState(state)


def fit_progress_text(bar: QProgressBar, total: int) -> None:
    """Make the progress bar wide enough for its words at their longest ("44 of 44 answered"), so
    they are never cut, at any font size."""
    longest = bar.format().replace("%v", str(total)).replace("%m", str(total)).replace("%p", "100")
    metrics = bar.fontMetrics()
    bar.setMinimumWidth(max(bar.minimumWidth(), metrics.horizontalAdvance(longest) + metrics.averageCharWidth() * 6))
