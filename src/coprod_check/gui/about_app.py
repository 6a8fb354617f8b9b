"""Help > About coprod-check: the version, the licence, and every third-party notice.

Three tabs of plain, read-only text, so a screen reader reads them and the keyboard
scrolls them; the texts come from notices.py, as `coprod-check licences` prints them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coprod_check import __version__
from coprod_check.app import notices
from coprod_check.gui.widgets import heading, set_tab_chain, text_label
from coprod_check.i18n import _

ABOUT = _(
    "An offline check of whether an organisation gives care to people with lived experience of "
    "mental health difficulties, or does work with them. Your answers stay on this computer: "
    "coprod-check never connects to a network."
)


def _reader(text: str, name: str, monospace: bool = False) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setReadOnly(True)
    box.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    box.setTabChangesFocus(True)
    box.setAccessibleName(name)
    if monospace:  # licence texts are laid out in fixed-width columns
        box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return box


def third_party_text() -> str:
    """Every notice, then every licence text in full."""
    parts = [notices.third_party()]
    for notice in notices.shipped():
        for title, text in notices.licence_texts(notice) or [(notice.name, _("(The licence text is missing.)"))]:
            parts.append(f"===== {title} =====\n\n{text.strip()}")
    return "\n\n".join(parts)


class AboutDialog(QDialog):
    """What coprod-check is, its version and licence, and the software it includes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("About coprod-check"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("coprod-check {version}").format(version=__version__), 1))
        layout.addWidget(text_label(ABOUT))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("About coprod-check"))
        self.licence = _reader(notices.own_licence(), _("coprod-check's licence"), monospace=True)
        self.third_party = _reader(third_party_text(), _("Third-party software and its licences"), monospace=True)
        self.tabs.addTab(self.licence, _("&Licence (MIT)"))
        self.tabs.addTab(self.third_party, _("&Third-party software"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(_("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        set_tab_chain([self.tabs, self.licence, self.third_party, self.close_button])
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 90, metrics.lineSpacing() * 34)

    @classmethod
    def ask(cls, parent: QWidget | None) -> None:
        cls(parent).exec()
