"""Help > About coprod-check: version, licence and third-party notices, readable by keyboard."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from coprod_check import __version__
from coprod_check.app import notices
from coprod_check.gui.about_app import AboutDialog


def test_help_menu_opens_the_about_dialog(window, monkeypatch):
    opened = []
    monkeypatch.setattr(AboutDialog, "ask", classmethod(lambda cls, parent: opened.append(parent)))
    (action,) = [
        a
        for m in window.menuBar().actions()
        if m.text() == "&Help"
        for a in m.menu().actions()
        if a.text() == "&About coprod-check"
    ]
    action.trigger()
    assert opened == [window]


def test_the_about_dialog_shows_version_licence_and_every_notice(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert f"coprod-check {__version__}" in [label.text() for label in dialog.findChildren(QLabel)]
    assert dialog.licence.toPlainText().startswith("MIT License")
    third = dialog.third_party.toPlainText()
    for notice in notices.NOTICES:
        assert notice.name in third and notice.licence in third
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in third and "Bitstream Vera" in third
    assert "missing" not in third
    assert dialog.licence.isReadOnly() and dialog.third_party.isReadOnly()
    assert dialog.licence.accessibleName() and dialog.third_party.accessibleName()
    assert dialog.licence.tabChangesFocus()  # Tab moves on; it is never typed into the text
