"""The questions the window asks for taking part without installing: which kind of blank copy,
which Forms export and folder, and whether to write what a Forms export maps to. Each behind a
small `ask(...)` classmethod that tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coprod_check.gui.widgets import form_label, set_tab_chain, text_label
from coprod_check.i18n import N_, _, ngettext

#: The kinds of blank copy, by the filter the save dialog shows for each (translated when shown).
BLANK_KINDS = {
    "coprod": N_("To answer in coprod-check (*.coprod)"),
    "xlsx": N_("To fill in with Excel or LibreOffice (*.xlsx)"),
    "pdf": N_("To print and fill in by hand (*.pdf)"),
    "pdf-large": N_("To print in large print (*.pdf)"),
}
_SUFFIX = {"coprod": ".coprod", "xlsx": ".xlsx", "pdf": ".pdf", "pdf-large": ".pdf"}


class BlankCopyDialog:
    """Where to save a blank copy, and which kind: the kind is the file type chosen in the dialog."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> tuple[Path, str] | None:
        shown = {kind: _(words) for kind, words in BLANK_KINDS.items()}
        name, chosen = QFileDialog.getSaveFileName(
            parent, _("Save a blank copy for colleagues as"), str(suggested), ";;".join(shown.values()), shown["coprod"]
        )
        if not name:
            return None
        kind = next((k for k, v in shown.items() if v == chosen), "coprod")
        path = Path(name)
        by_name = {".xlsx": "xlsx", ".pdf": "pdf-large" if kind == "pdf-large" else "pdf", ".coprod": "coprod"}
        kind = by_name.get(path.suffix.lower(), kind)
        if path.suffix.lower() != _SUFFIX[kind]:
            path = path.with_name(path.name + _SUFFIX[kind])
        return path, kind


class FormsQuestionsDialog:
    """Where to save the questions for building a Microsoft Form (.docx or .txt)."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        name, _chosen = QFileDialog.getSaveFileName(
            parent,
            _("Save the questions for a Microsoft Form as"),
            str(suggested),
            _("Word document (*.docx);;Plain text (*.txt)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() in (".docx", ".txt") else path.with_name(path.name + ".docx")


class FormsExportDialog:
    """Choose a Microsoft Forms Excel export, then the folder to write its responses into."""

    @classmethod
    def ask(cls, parent: QWidget | None, folder: Path) -> tuple[Path, Path] | None:
        name, _chosen = QFileDialog.getOpenFileName(
            parent,
            _("Choose the Microsoft Forms export (Excel)"),
            str(folder),
            _("Excel workbook (*.xlsx);;All files (*)"),
        )
        if not name:
            return None
        out = QFileDialog.getExistingDirectory(
            parent, _("Choose an empty folder for the response files"), str(Path(name).parent)
        )
        return (Path(name), Path(out)) if out else None


class FormsPreviewDialog(QDialog):
    """How every column of a Forms export maps, and whether to write the response files."""

    WRITE, SKIP = "write", "skip"

    def __init__(self, parent: QWidget | None, lines: list[str], complete: bool, count: int):
        super().__init__(parent)
        self.setWindowTitle(_("Import a Microsoft Forms export"))
        layout = QVBoxLayout(self)
        if complete:
            intro = ngettext(
                "Every column maps. {count} response file can be written. Read how each column maps below, "
                "then write it.",
                "Every column maps. {count} response files can be written, one for each person. Read how each "
                "column maps below, then write them.",
                count,
            ).format(count=count)
        else:
            intro = _(
                "Not everything in the export maps onto the questionnaire (see \u201cNOT MAPPED\u201d and the "
                "problems at the end). You can write the responses without what does not map, or cancel, "
                "fix the export and try again."
            )
        layout.addWidget(text_label(intro))
        self.preview = QPlainTextEdit("\n".join(lines))
        self.preview.setReadOnly(True)
        self.preview.setTabChangesFocus(True)
        self.preview.setAccessibleName(_("How each column of the export maps"))
        layout.addWidget(form_label(_("&How each column maps:"), self.preview))
        layout.addWidget(self.preview, 1)
        buttons = QDialogButtonBox()
        self.choice = ""
        if complete:
            said = ngettext("&Write {count} response file", "&Write {count} response files", count)
            ok = buttons.addButton(said.format(count=count), QDialogButtonBox.ButtonRole.AcceptRole)
            ok.clicked.connect(lambda: self._choose(self.WRITE))
        else:
            said = _("&Leave out what does not map and write {count}").format(count=count)
            ok = buttons.addButton(said, QDialogButtonBox.ButtonRole.AcceptRole)
            ok.clicked.connect(lambda: self._choose(self.SKIP))
            ok.setEnabled(count > 0)
        cancel = buttons.addButton(_("&Cancel: write nothing"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(not complete)
        ok.setDefault(complete)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        set_tab_chain([self.preview, ok, cancel])
        self.resize(self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().lineSpacing() * 30)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, lines: list[str], complete: bool, count: int) -> str:
        """ "write", "skip", or "" for cancel."""
        dialog = cls(parent, lines, complete, count)
        return dialog.choice if dialog.exec() == QDialog.DialogCode.Accepted else ""
