"""Pages that are read, not filled in: headings and paragraphs a screen reader reaches by Tab.

Each heading is a heading to screen readers and each paragraph a paragraph (gui/a11y.py), so
Orca says "Readiness stage heading", then each paragraph as its words, one at a time, never
"label", and never a whole section as one long utterance. Tab visits them in the order they
are on the page; the review keys of a screen reader reach them too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget

from coprod_check.gui import a11y
from coprod_check.gui.widgets import NoteBox, PlainLabel, heading

BULLET = "\u2022"


def focusable_text(label: QLabel) -> QLabel:
    """Make a label a paragraph that Tab reaches, and whose text can be selected by keyboard."""
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if a11y.role_of(label) is None:
        a11y.set_role(label, "paragraph")
    return label


def paragraph(text: str = "") -> PlainLabel:
    """A wrapping paragraph that is a Tab stop, shown and spoken exactly as given."""
    label = PlainLabel(text)
    focusable_text(label)
    return label


def section_heading(text: str, level: int = 2) -> PlainLabel:
    """A heading that is also a Tab stop, so Tab walks the page from heading to heading."""
    label = heading(text, level)
    label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return label


class Paragraphs(QWidget):
    """A few paragraphs and bullet points, each its own Tab stop, set together."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.items: list[PlainLabel] = []
        self._words: list[str] = []

    def set_blocks(self, blocks: Sequence[tuple[str, bool]]) -> None:
        """Show (text, is it a bullet point) blocks, in order."""
        words = [f"{BULLET} {t}" if bullet else t for t, bullet in blocks]
        if words == self._words:
            return
        self._words = words
        while len(self.items) < len(words):
            label = paragraph()
            self.column.addWidget(label)
            self.items.append(label)
        for label, text, (_, bullet) in zip(self.items, words, blocks, strict=False):
            label.setText(text)
            label.setIndent(label.fontMetrics().averageCharWidth() * 2 if bullet else -1)
            label.setVisible(True)
        for label in self.items[len(words) :]:
            label.setVisible(False)

    def setText(self, text: str) -> None:  # noqa: N802 (as a label's)
        """One paragraph per line of `text`."""
        self.set_blocks([(line, False) for line in text.split("\n") if line])

    def text(self) -> str:
        """Every paragraph's words, a line each."""
        return "\n".join(self._words)

    def plain_text(self) -> str:
        """The same as `text()` (as PlainLabel has it)."""
        return self.text()


def in_layout_order(root: QWidget) -> Iterator[QWidget]:
    """Every widget under `root` in the order its layouts place them: top to bottom as read."""
    layout = root.layout()
    if layout is None:
        return
    yield from _layout_widgets(layout)


def _layout_widgets(layout: QLayout) -> Iterator[QWidget]:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            yield widget
            yield from in_layout_order(widget)
            scroll_body = getattr(widget, "widget", None)
            if callable(scroll_body) and isinstance(body := scroll_body(), QWidget):
                yield body
                yield from in_layout_order(body)
        elif (inner := item.layout()) is not None:
            yield from _layout_widgets(inner)


def reading_order(root: QWidget | None, shown_only: bool = True) -> list[QWidget]:
    """The widgets Tab should visit under `root`, in the order they are read: shown ones only, or
    (`shown_only` False) hidden ones too, so one shown later already has its place (Tab skips it
    while it is hidden)."""
    if root is None:
        return []
    return [
        w
        for w in in_layout_order(root)
        if (w.isVisibleTo(root) or not shown_only) and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def readable_notes(root: QWidget, headings: bool = False) -> None:
    """Make every plain text label and note under `root` a paragraph that Tab reaches, and its
    headings Tab stops too if `headings`. Labels that name an input (with a buddy) stay as they are.
    """
    for label in root.findChildren(QLabel):
        if a11y.role_of(label) == "heading" and headings:
            label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        if label.buddy() is not None or a11y.role_of(label) is not None:
            continue
        parent = label.parentWidget()
        if isinstance(parent, NoteBox) or label.wordWrap():
            focusable_text(label)
