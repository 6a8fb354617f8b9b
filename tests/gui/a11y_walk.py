"""Walk what screen readers are given (QAccessibleInterface), as Orca walks AT-SPI.

Generic on purpose: any widget a page gains later is checked the same way.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QLabel, QWidget

R = QAccessible.Role
INTERACTIVE = {
    R.PushButton,
    R.RadioButton,
    R.CheckBox,
    R.ComboBox,
    R.EditableText,
    R.SpinBox,
    R.List,
    R.ListItem,
    R.Tree,
    R.TreeItem,
    R.Table,
    R.Cell,
    R.Slider,
    R.ButtonMenu,
    R.ButtonDropDown,
    R.PageTab,
    R.ColumnHeader,
    R.RowHeader,
    R.Link,
}
NAME, DESCRIPTION = QAccessible.Text.Name, QAccessible.Text.Description


def walk(interface: QAccessibleInterface, depth: int = 0) -> Iterator[QAccessibleInterface]:
    """Every interface under `interface` that is not invisible, depth first, in the tree's order."""
    if interface is None or not interface.isValid() or interface.state().invisible or depth > 60:
        return
    yield interface
    for index in range(interface.childCount()):
        child = interface.child(index)
        if child is not None:
            yield from walk(child, depth + 1)


def describe(interface: QAccessibleInterface) -> str:
    widget = interface.object()
    return f"{interface.role().name} {type(widget).__name__ if widget is not None else ''}".strip()


def unnamed_interactive(root: QWidget) -> list[str]:
    """Objects a person can act on, or cells and headers, that have no name (or a number for a name)."""
    found = []
    for interface in walk(QAccessible.queryAccessibleInterface(root)):
        role = interface.role()
        state = interface.state()
        if role not in INTERACTIVE and not state.focusable:
            continue
        if state.disabled and role not in (R.Cell, R.TreeItem, R.ListItem, R.ColumnHeader, R.RowHeader):
            continue
        name = interface.text(NAME).strip()
        if not name or (role in (R.ColumnHeader, R.RowHeader) and name.isdigit()):
            found.append(f"{describe(interface)} named {name!r}")
    return found


def spoken_with_focus(root: QWidget) -> str:
    """Everything said as the focus lands on any focusable object under `root`: its name and
    description, and the names of the groups it is in (said as the focus enters them)."""
    words = []
    for interface in walk(QAccessible.queryAccessibleInterface(root)):
        widget = interface.object()
        # Radio buttons are reached by the arrow keys, once the focus is in their group.
        radio = interface.role() == R.RadioButton
        if isinstance(widget, QWidget) and not widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not radio:
            continue  # reached by a click only, never by Tab
        if interface.state().focusable or radio:
            words += [interface.text(NAME), interface.text(DESCRIPTION)]
            parent = interface.parent()
            while parent is not None and parent.isValid() and parent.role() == R.Grouping:
                words.append(parent.text(NAME))
                parent = parent.parent()
    return " ".join(" ".join(words).split())


def unreachable_text(page: QWidget) -> list[str]:
    """Words shown on `page` that a screen reader never says by Tab: every shown paragraph must
    be a Tab stop itself, or be said with one (in a focusable object's name or its group's).
    Headings need the heading role instead (`headings_without_role`)."""
    spoken = spoken_with_focus(page)
    missing = []
    for label in page.findChildren(QLabel):
        if not label.isVisibleTo(page) or label.buddy() is not None:
            continue
        text = " ".join((getattr(label, "plain_text", None) or label.text)().split())
        text = text.replace("&", "") if "&" in text and label.textFormat() != Qt.TextFormat.RichText else text
        if len(text.split()) < 4 or text.startswith("<"):
            continue  # a word or two of a control's own, or rich text checked elsewhere
        interface = QAccessible.queryAccessibleInterface(label)
        if interface.role() == R.Heading:
            continue  # a heading is found as one, by the review keys (headings_without_role)
        if interface.state().focusable and label.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if text not in spoken:
            missing.append(text[:80])
    return missing


def headings_without_role(page: QWidget) -> list[str]:
    """Labels drawn as headings (bold and larger) that screen readers are not told are headings."""
    base = QApplication.font().pointSizeF()
    wrong = []
    for label in page.findChildren(QLabel):
        font = label.font()
        drawn_as_heading = label.isVisibleTo(page) and label.text() and font.bold() and font.pointSizeF() > base * 1.05
        if drawn_as_heading and QAccessible.queryAccessibleInterface(label).role() != R.Heading:
            wrong.append(label.text()[:60])
    return wrong
