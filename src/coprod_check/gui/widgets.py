"""Small widget helpers shared by the pages: headings, wrapped text, notes, tab order.

Sizes are always relative to the system font, and colours always come from
the palette, so the window follows the user's font size, scaling and light
or dark scheme.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

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


def heading(text: str, level: int = 1, parent: QWidget | None = None, selectable: bool = False) -> PlainLabel:
    """A heading label, larger than the body text."""
    label = PlainLabel(text, parent, selectable)
    label.setFont(scaled_font(label.font(), {1: 1.5, 2: 1.25, 3: 1.1}.get(level, 1.0), bold=True))
    label.setAccessibleName(text)
    return label


def text_label(text: str = "", parent: QWidget | None = None, rich: bool = False,
               selectable: bool = True) -> QLabel:
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


def _underlined_mnemonic(text: str) -> str:
    """Rich text for a button's text: its Alt+letter underlined, "&&" shown as "&", the rest escaped."""
    parts = re.split(r"&(&|.)", text, maxsplit=0)
    html = []
    for index, part in enumerate(parts):
        if index % 2 == 0:
            html.append(escape(part, quote=False))
        else:
            html.append("&amp;" if part == "&" else f"<u>{escape(part, quote=False)}</u>")
    return "".join(html)


class WrappingCheckBox(QCheckBox):
    """A check box whose text wraps, so a large font never cuts it off (a QCheckBox's own text cannot wrap).

    The text stays the check box's own, so its Alt+letter, its accessible name and a click on
    the words all work as usual; a label inside only draws the words, wrapped.
    """

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.words = QLabel(_underlined_mnemonic(text), self)
        self.words.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.words.setWordWrap(True)
        self.words.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        style = self.style()
        indent = (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
                  + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self))
        self._box = QtCore.QSize(indent, style.pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, None, self))
        self._words_layout = QVBoxLayout(self)
        self._words_layout.setContentsMargins(indent, 0, 0, 0)
        self._words_layout.addWidget(self.words)

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt's name)
        """As large as the wrapped words need (QCheckBox's own hint is the text on one line)."""
        return self._words_layout.sizeHint().expandedTo(self._box)

    def minimumSizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt's name)
        """The longest word, not the whole text, so the words can wrap."""
        return self._words_layout.minimumSize().expandedTo(self._box)

    def hitButton(self, pos: QtCore.QPoint) -> bool:  # noqa: N802 (Qt's name)
        """A click on the words ticks the box, as on an ordinary check box."""
        return self.rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        """The box only: the label draws the words."""
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, option)


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
    """Have screen readers say `text` now, wherever the focus is (a status bar is not read out)."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    event = QAccessibleAnnouncementEvent(widget, text)
    if urgent:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


def set_tab_chain(widgets: Iterable[QWidget | None]) -> None:
    """Make Tab visit `widgets` in this order (None entries are skipped)."""
    chain = [w for w in widgets if w is not None]
    for first, second in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(first, second)
