"""Driving the window by keyboard, as a person would: shared by the tests and the subprocess scripts.

Keys go to whichever widget has the focus, so a test only passes if the
focus really is where a keyboard user would need it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

# A button's mnemonic (Alt+letter) "animates" the click: it lands ~100 ms later.
CLICK_MS = 160


def focus() -> QWidget:
    """The widget with the keyboard focus (fails loudly if there is none)."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    """Press a key where the focus is."""
    for _ in range(times):
        QTest.keyClick(focus(), key, modifiers)


def ctrl(key: Qt.Key) -> None:
    """Ctrl + key."""
    press(key, Qt.KeyboardModifier.ControlModifier)


def alt(letter: str) -> None:
    """Alt + letter (a mnemonic), waiting for an animated click to land."""
    press(getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
    QTest.qWait(CLICK_MS)


def type_text(text: str) -> None:
    """Type text where the focus is."""
    QTest.keyClicks(focus(), text)


def tab(times: int = 1) -> None:
    """Tab forward."""
    press(Qt.Key.Key_Tab, times=times)


def next_page() -> None:
    """Ctrl+Page Down: the Next shortcut."""
    ctrl(Qt.Key.Key_PageDown)


def choose(option: int) -> None:
    """On a question page with the focus on the first option: arrow down `option` times, then Space."""
    press(Qt.Key.Key_Down, times=option)
    press(Qt.Key.Key_Space)


def rechoose(option: int) -> None:
    """Change an answer: Alt+L clears it (the focus goes to the first option), then choose."""
    alt("l")
    choose(option)
