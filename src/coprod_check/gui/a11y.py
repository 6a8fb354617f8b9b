"""What screen readers are told beyond names: headings, paragraphs, and announcements Orca speaks.

Qt gives every QLabel the role "label", so Orca says "label" after each paragraph and no
heading is a heading. A widget marked here with `set_role` gets an accessible interface of
that role instead (through `QAccessible.installFactory`), named by its accessible name or
else its text. Heard under Xvfb with Orca 43: a focused heading is spoken "Readiness stage
heading", a focused paragraph as its text and "read only", with no "label".

`announce` says a sentence wherever the focus is. Qt's `QAccessibleAnnouncementEvent` is what
Windows (NVDA, through UI Automation) and macOS hear; Orca 43 ignores it (it has no handler
for AT-SPI announcements), but it speaks any object of the role "notification" the moment it
is shown. So on Linux the sentence is shown, hidden from sight, as a notification instead.
(Both at once would be heard twice by a later Orca that handles announcements.)
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QWidget

ROLE_PROPERTY = "coprodRole"
# By name, looked up only when a screen reader (or a test) asks: the start page marks its
# headings before its first paint, and naming Qt's enums then would cost time.
ROLE_NAMES = {
    "heading": "Heading",
    "paragraph": "Paragraph",
    "notification": "Notification",
    "progress": "ProgressBar",
    "chart": "Chart",
    "group": "Grouping",
}
_installed = False


class _RoleInterface(QAccessibleWidget):
    """A widget seen by screen readers with the role it was given, named by its words."""

    def text(self, t: QAccessible.Text) -> str:
        widget = self.widget()
        if t == QAccessible.Text.Name:
            name = widget.accessibleName()
            if not name and isinstance(widget, QLabel):
                plain = getattr(widget, "plain_text", None)
                name = plain() if plain is not None else widget.text()
            return " ".join(name.split())
        return super().text(t)


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if not isinstance(obj, QWidget):
        return None
    role = obj.property(ROLE_PROPERTY)
    if not isinstance(role, str) or role not in ROLE_NAMES:
        return None
    qt_role = getattr(QAccessible.Role, ROLE_NAMES[role], None)  # Heading and Notification: Qt 6.8 on
    return None if qt_role is None else _RoleInterface(obj, qt_role)


def install() -> None:
    """Have Qt ask this module for the interfaces of widgets given a role (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)  # its interfaces are Qt's to delete, with their widget
        _installed = True


def set_role(widget: QWidget, role: str) -> None:
    """Tell screen readers `widget` is a "heading", "paragraph", "notification", "progress" bar,
    "chart" or "group" (of inputs)."""
    if role not in ROLE_NAMES:
        raise ValueError(role)
    install()
    widget.setProperty(ROLE_PROPERTY, role)


def role_of(widget: QWidget) -> str | None:
    """The role given with `set_role`, if any."""
    role = widget.property(ROLE_PROPERTY)
    return role if isinstance(role, str) else None


class Announcer(QLabel):
    """An out-of-sight notification of the window that Orca speaks each time it is shown."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("announcer")
        set_role(self, "notification")
        self.setGeometry(0, 0, 1, 1)  # there, but out of sight: the words are in the status bar too
        self.lower()
        self.hide()
        self.said: list[str] = []

    def say(self, text: str) -> None:
        """Speak `text` now (hidden and shown again, so the same sentence is heard again too)."""
        self.hide()
        self.setText(text)
        self.setAccessibleName(text)
        self.show()
        self.lower()
        self.said.append(text)


def announcer(widget: QWidget) -> Announcer:
    """The announcer of `widget`'s window, made on first use."""
    window = widget.window()
    found = window.findChild(Announcer, "announcer")
    return found if found is not None else Announcer(window)


def announce(widget: QWidget, text: str, urgent: bool = False) -> None:
    """Have screen readers say `text` now, wherever the focus is (a status bar is not read out)."""
    if sys.platform.startswith("linux"):
        announcer(widget).say(text)
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    if urgent:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
