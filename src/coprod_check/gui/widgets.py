"""Small widget helpers shared by the pages: headings, wrapped text, notes, tab order.

Sizes are always relative to the system font, and colours always come from
the palette, so the window follows the user's font size, scaling and light
or dark scheme.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6 import QtCore
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

# Naming any member of Qt's own namespace (Qt.TextFormat, Qt.FocusReason...) makes PySide
# build all ~90 of its enums, ~15 ms. What the start page shows avoids them, so it paints sooner.


def scaled_font(base: QFont, factor: float = 1.0, bold: bool = False) -> QFont:
    """`base` made `factor` times larger (works for point- and pixel-sized fonts)."""
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        font.setPixelSize(round(font.pixelSize() * factor))
    font.setBold(bold)
    return font


class PlainLabel(QLabel):
    """A wrapping label that always shows its text exactly as given: markup in it is escaped.

    Text from people and questionnaires ("Team <Alpha>") must never be read as markup.
    Without a "<" Qt already shows text as plain (it only guesses markup from a tag, or
    from "&lt;" in the first line); with one, the text is escaped and shown as rich text.
    Neither needs a Qt enum, and plain text is the cheaper of the two to lay out.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None, selectable: bool = False):
        super().__init__(parent)
        self._plain = ""
        self.setWordWrap(True)
        self.setText(text)
        if selectable:
            self.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        """Show `text` as it is."""
        self._plain = text
        if "<" in text or "&lt;" in text.lower():
            text = "<qt>" + escape(text, quote=False).replace("\n", "<br>") + "</qt>"
        super().setText(text)

    def plain_text(self) -> str:
        """The text as given (`text()` holds its escaped form)."""
        return self._plain


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as written: Qt reads a tooltip that looks like markup as markup."""
    from PySide6.QtGui import Qt

    if not Qt.mightBeRichText(text) and "&" not in text:
        return text
    return "<qt>" + escape(text, quote=False).replace("\n", "<br>") + "</qt>"


def heading(text: str, level: int = 1, parent: QWidget | None = None, selectable: bool = False) -> PlainLabel:
    """A heading label, larger than the body text."""
    label = PlainLabel(text, parent, selectable)
    label.setFont(scaled_font(label.font(), {1: 1.5, 2: 1.25, 3: 1.1}.get(level, 1.0), bold=True))
    from coprod_check.gui import a11y

    a11y.set_role(label, "heading")  # named by its text as it changes
    return label


def readable(label: QLabel) -> QLabel:
    """Make `label` a paragraph that Tab reaches and screen readers read (not "label").

    Without naming Qt's enums (see above): StrongFocus is 11; selectable by mouse and keyboard, 3.
    """
    from coprod_check.gui import a11y

    label.setProperty("textInteractionFlags", 3)
    label.setProperty("focusPolicy", 11)  # after the flags, which set a policy of their own
    if a11y.role_of(label) is None:
        a11y.set_role(label, "paragraph")
    return label


def text_label(text: str = "", parent: QWidget | None = None, rich: bool = False, selectable: bool = True) -> QLabel:
    """A wrapping paragraph. Plain text is shown as given; `rich` text is trusted markup."""
    if not rich:
        return PlainLabel(text, parent, selectable)
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(QtCore.Qt.TextFormat.RichText)
    if selectable:
        label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class NoteBox(QFrame):
    """A framed note that stands out by its frame and background, not by colour alone."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self.content = QVBoxLayout(self)
        self.label = PlainLabel(text, self)
        self.content.addWidget(self.label)

    def set_text(self, text: str) -> None:
        """Change what the note says."""
        self.label.setText(text)


def form_label(text: str, buddy: QWidget, parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    """A visible label tied to its input, so it names the input for screen readers."""
    label = QLabel(text, parent)
    label.setWordWrap(wrap)
    label.setBuddy(buddy)
    return label


def plain_text_edit(parent: QWidget | None = None, lines: int = 3) -> QPlainTextEdit:
    """A multi-line input where Tab moves on (as people expect in a form), `lines` high.

    It scrolls rather than grows, so the inputs below it stay in view.
    """
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    frame = edit.frameWidth() * 2 + round(edit.document().documentMargin() * 2)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + frame + 2)
    edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return edit


def scrolled_column(page: QWidget) -> tuple[QScrollArea, QVBoxLayout]:
    """Fill `page` with a frameless scroll area; return it and the column layout inside it.

    Long pages scroll as one, so they keep working at any system font size. The area is not a
    Tab stop of its own (screen readers would meet an unnamed, empty stop on every page): Tab
    scrolls to each input, and Page Up and Page Down reach it from any input that does not use
    them itself.
    """
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setProperty("focusPolicy", 0)  # Qt.FocusPolicy.NoFocus, without naming Qt's enums (see above)
    outer.addWidget(scroll)
    body = QWidget()
    scroll.setWidget(body)
    return scroll, QVBoxLayout(body)


def announce(widget: QWidget, text: str, urgent: bool = False) -> None:
    """Have screen readers say `text` now, wherever the focus is (see gui/a11y.py for how)."""
    from coprod_check.gui import a11y

    a11y.announce(widget, text, urgent)


def set_tab_chain(widgets: Iterable[QWidget | None], loop: bool = False) -> None:
    """Make Tab visit `widgets` in this order (None entries are skipped); with `loop`, Tab from the
    last goes back to the first, never to whatever happened to follow the last before."""
    chain = [w for w in widgets if w is not None]
    for first, second in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(first, second)
    if loop and len(chain) > 1:
        QWidget.setTabOrder(chain[-1], chain[0])


def qdate(iso: str) -> QtCore.QDate | None:
    """A date as the file keeps it ("2026-11-24") for a date input, or None if it is not one."""
    import datetime as dt

    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return None
    return QtCore.QDate(day.year, day.month, day.day)
