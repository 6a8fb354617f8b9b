"""A clear ring round whatever has the keyboard focus, in every style.

Some styles show focus faintly (a thin frame, a dotted line). Keyboard users
need to see where they are at a glance, so the window draws its own ring in
the palette's highlight colour, two pixels wide, over the focused widget. It
ignores the mouse and never takes focus.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Slot
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

MARGIN = 3


class _Ring(QWidget):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("focus-ring")
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(pen)
        painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 3, 3)


class FocusRing(QObject):
    """Follows the application's focus and draws the ring in the focused widget's window."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self._widget: QWidget | None = None
        self._watched: list[QWidget] = []
        self._shown: _Ring | None = None
        app.focusChanged.connect(self._focus_changed)

    @staticmethod
    def _ring(window: QWidget) -> _Ring:
        # Kept on the window itself: a table of windows here would keep closed windows alive.
        ring = getattr(window, "_focus_ring", None)
        if ring is None:
            ring = _Ring(window)
            window._focus_ring = ring  # type: ignore[attr-defined]
        return ring

    @Slot(QWidget, QWidget)
    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # The list is emptied first: a widget in it may have been deleted since (a page thrown
        # away when an assessment closes), and one error here must not leave the ring stuck on
        # a dead widget, raising again at every later focus change and never drawn again.
        watched, self._watched = self._watched, []
        for gone in watched:
            with contextlib.suppress(RuntimeError):  # deleted since: it has no filter to remove
                gone.removeEventFilter(self)
        if self._shown is not None:
            with contextlib.suppress(RuntimeError):  # its window has gone
                self._shown.hide()
            self._shown = None
        self._widget = new
        if new is None or new.window().windowType() == Qt.WindowType.Popup:
            return
        widget: QWidget | None = new
        while widget is not None and not widget.isWindow():
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        self.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self.place()
        return False

    def place(self) -> None:
        """Put the ring round the focused widget's visible part (or hide it)."""
        widget = self._widget
        if widget is None:
            return
        try:
            window = widget.window()
        except RuntimeError:  # deleted before Qt said so
            self._widget = None
            return
        assert window is not None
        ring = self._ring(window)
        visible = widget.visibleRegion().boundingRect() if widget.isVisible() else QRect()
        if visible.isEmpty():
            ring.hide()
            return
        top_left = widget.mapTo(window, visible.topLeft())
        ring.setGeometry(QRect(top_left, visible.size()).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        ring.raise_()
        ring.show()
        self._shown = ring


_installed: FocusRing | None = None


def install(app: QApplication) -> FocusRing:
    """The application's focus ring, created on first use, round whatever has the focus now."""
    global _installed
    if _installed is None or not _alive(_installed) or _installed.parent() is not app:
        _installed = FocusRing(app)
        _installed._focus_changed(None, QApplication.focusWidget())
    return _installed


def _alive(ring: FocusRing) -> bool:
    try:
        ring.objectName()
    except RuntimeError:  # its C++ side went with an earlier QApplication
        return False
    return True
