"""A check box whose text wraps, for the contents pane at large system font sizes.

In a module of its own because naming QStyle and its painters builds their
enums, ~14 ms that the start page, which does not use it, should not pay.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtWidgets import QCheckBox, QLabel, QStyle, QStyleOptionButton, QStylePainter, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent


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
        indent = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self) + style.pixelMetric(
            QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self
        )
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
