"""Every question the window asks, each behind a small `ask(...)` classmethod.

Tests replace `ask` (monkeypatch) instead of clicking real dialogs, so no
test ever waits on a modal window. Every message box shows its text as plain
text: file names, paths and messages can hold anything a file can (see `message_box`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from coprod_check.app.doctype import EXTENSION, FILE_FILTER
from coprod_check.i18n import _


class OpenDialog:
    """Choose an assessment file to open."""

    @classmethod
    def ask(cls, parent: QWidget | None, folder: Path) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(parent, _("Open an assessment"), str(folder), FILE_FILTER)
        return Path(name) if name else None


class SaveAsDialog:
    """Choose where to save an assessment."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path, title: str = _("Save the assessment as")) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), FILE_FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(EXTENSION)


class ResponsesDialog:
    """Choose the response files to combine into a group assessment."""

    @classmethod
    def ask(cls, parent: QWidget | None, folder: Path) -> list[Path] | None:
        names, _filter = QFileDialog.getOpenFileNames(
            parent,
            _("Choose the responses to combine (select them all)"),
            str(folder),
            _("Responses and response workbooks (*.coprod *.json *.xlsx)") + ";;" + FILE_FILTER,
        )
        return [Path(name) for name in names] or None


def message_box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    details: str = "",
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
    parent: QWidget | None = None,
) -> QMessageBox:
    """A message box that shows `text` and `details` exactly as given, never as markup.

    Qt guesses whether a message is rich text; a file name or a message quoting a file can
    hold "<img src=...>" or "<h1>Call IT on 0800...</h1>", which must read as written.
    """
    box = QMessageBox(icon, title, text, buttons, parent)
    if details:
        box.setInformativeText(details)
    box.setTextFormat(Qt.TextFormat.PlainText)  # both the text and the informative text
    # Qt's own words for its standard buttons come from Qt's catalogue, which has no Welsh:
    # ours come through the translation layer.
    words = {QMessageBox.StandardButton.Ok: _("OK"), QMessageBox.StandardButton.Cancel: _("Cancel")}
    for standard, text in words.items():
        button = box.button(standard)
        if button is not None:
            button.setText(text)
    return box


class Confirm:
    """A question with two kind, specific answers (never a bare OK / Cancel)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, yes: str, no: str, details: str = "") -> bool:
        box = message_box(QMessageBox.Icon.Question, title, text, details, parent=parent)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no_button)
        box.setEscapeButton(no_button)
        box.exec()
        return box.clickedButton() is yes_button


class Inform:
    """A message to read, with one button to close it."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, details: str = "", problem: bool = False) -> None:
        icon = QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information
        message_box(icon, title, text, details, QMessageBox.StandardButton.Ok, parent).exec()


class UnsavedDialog:
    """Work that is nowhere on disk: save it elsewhere, stay, or (only if chosen) lose it."""

    SAVE_AS, STAY, LOSE = "save-as", "stay", "lose"

    @classmethod
    def ask(cls, parent: QWidget | None, problem: str) -> str:
        box = message_box(
            QMessageBox.Icon.Warning,
            _("Your latest changes are not saved anywhere"),
            _(
                "coprod-check could not save your latest changes, not even to a restore copy. If the window "
                "closes now, they are lost."
            ),
            problem,
            parent=parent,
        )
        save_as = box.addButton(_("Save &as\u2026"), QMessageBox.ButtonRole.AcceptRole)
        stay = box.addButton(_("&Stay here"), QMessageBox.ButtonRole.RejectRole)
        lose = box.addButton(_("Close and &lose them"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(save_as)
        box.setEscapeButton(stay)
        box.exec()
        clicked = box.clickedButton()
        return cls.SAVE_AS if clicked is save_as else cls.LOSE if clicked is lose else cls.STAY


class VersionDialog:
    """Choose an earlier version of the open file to go back to."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, choices: list[str]) -> int | None:
        from PySide6.QtWidgets import QInputDialog

        dialog = QInputDialog(parent)
        dialog.setWindowTitle(_("Go back to an earlier version"))
        dialog.setLabelText(
            _(
                "Earlier versions of {name}, newest first. What the file holds now is kept "
                "as a version too, so you can come back to it."
            ).format(name=name)
        )
        dialog.setOption(QInputDialog.InputDialogOption.UseListViewForComboBoxItems)
        dialog.setComboBoxItems(choices)
        dialog.setOkButtonText(_("&Go back to this version"))
        for label in dialog.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.textValue()
        return choices.index(chosen) if chosen in choices else None


class UpdateDialog:
    """Shows what opening an assessment with a newer questionnaire does, before it happens."""

    @classmethod
    def ask(cls, parent: QWidget | None, lines: list[str], can_update: bool) -> bool:
        text = "\n\n".join(lines)
        if not can_update:
            Inform.ask(parent, _("About this assessment"), _("Some answers in this file are not scored."), text)
            return True
        return Confirm.ask(
            parent,
            _("The questionnaire has been updated"),
            _(
                "This assessment was made with another version of the questionnaire. Here is what "
                "updating it does. Every answer is kept, including answers that are no longer scored."
            ),
            _("&Update and open"),
            _("&Cancel: leave the file as it is"),
            text,
        )


class Desktop:
    """Opens a file or folder with the system's own application."""

    @classmethod
    def open(cls, parent: QWidget | None, path: Path) -> bool:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        Inform.ask(
            parent,
            _("Cannot open it here"),
            _("Nothing on this computer could open {name}.").format(name=path.name),
            _("You can find it in {parent}.").format(parent=path.parent),
            problem=True,
        )
        return False


# The export dialog has a module of its own (it grows fields: gui/export_dialog.py); it is asked
# through here like every other dialog, so tests replace its `ask` in one place.
from coprod_check.gui.export_dialog import ExportChoice, ExportDialog, ExportSection  # noqa: E402, F401
