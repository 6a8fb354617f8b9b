"""The export dialog's format choice: the PDF, its Word twin, or the actions as a spreadsheet or CSV.

An export-dialog section (gui/export_dialog.py's ExportSection; see NOTES-export-dialog.md on
issue 13): it adds a "Format" row, keeps the file name's extension, the dialog's title and its
button in step with the format chosen, and puts the format into the choice (`choice.format`),
which the export worker hands to `report.formats.write_job`. Paper size only applies to the
PDF and the Word document, so it is greyed out for the others.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from coprod_check.gui.widgets import form_label
from coprod_check.i18n import N_, _

# (format, what the list says, the dialog's title, its button), in the order offered.
FORMATS = (
    ("pdf", N_("PDF: the board paper and appendix, to print"), N_("Create PDF action plan"), N_("&Create PDF")),
    (
        "docx",
        N_("Word document: the same paper, to edit on your own template"),
        N_("Create Word document"),
        N_("&Create Word document"),
    ),
    (
        "xlsx",
        N_("Spreadsheet (Excel): the actions, to track"),
        N_("Create spreadsheet of actions"),
        N_("&Create spreadsheet"),
    ),
    (
        "csv",
        N_("CSV: the actions, for any spreadsheet or database"),
        N_("Create CSV file of actions"),
        N_("&Create CSV file"),
    ),
)
SUFFIXES = {fmt: "." + fmt for fmt, *_rest in FORMATS}
PAPER_FORMATS = ("pdf", "docx")


def target(typed: Path, folder: Path, fmt: str) -> Path:
    """Where a typed name puts the plan: "~" expanded, relative to `folder`, ending in the format's
    extension. A plan's extension already there is replaced (plan.pdf becomes plan.docx for Word),
    any other is kept and the format's added, so "plan.json" can never replace an assessment."""
    path = typed.expanduser()
    return with_format(path if path.is_absolute() else folder / path, fmt)


def with_format(path: Path, fmt: str) -> Path:
    """`path` with the format's extension in place of a plan's ("plan.docx.pdf", as a file
    chooser for PDFs may give, becomes "plan.docx"); any other extension is kept and added to."""
    name = path.name
    while Path(name).suffix.lower() in SUFFIXES.values() and Path(name).stem:
        name = Path(name).stem
    return path.with_name(name + SUFFIXES[fmt]) if name else path


def _accept_button(dialog: Any) -> Any:
    """The dialog's Create button, for a dialog that does not name it (the one before issue 13's)."""
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox) if hasattr(dialog, "findChild") else None
    if box is None:
        return None
    return next((b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole), None)


class FormatSection:
    """The format row of the export dialog (an ExportSection).

    Its combo box is made afresh each time a dialog lays the section out (a dialog asked again
    for another file name is a new dialog, and the old one's widgets are gone with it); the
    format chosen is kept in the section.
    """

    def __init__(self, fmt: str = "pdf"):
        self._format = fmt if fmt in SUFFIXES else "pdf"
        self.dialog: Any = None
        self._make()

    def _make(self) -> None:
        self.combo = QComboBox()
        self.combo.setAccessibleName(_("Format"))
        self.combo.setAccessibleDescription(
            _("The Word document and the spreadsheet can be edited; the spreadsheet lists only the actions.")
        )
        for value, label, _title, _button in FORMATS:
            self.combo.addItem(_(label), value)
        self.combo.setCurrentIndex(max(0, self.combo.findData(self._format)))

    @property
    def format(self) -> str:
        """The format chosen now."""
        return self._format

    def add_rows(self, dialog: Any, form: QFormLayout) -> list[QWidget]:
        """Add the Format row to the dialog's form; return its input for the Tab order."""
        try:
            laid_out = self.combo.parent() is not None  # already in an earlier dialog
        except RuntimeError:  # that dialog, and the combo box with it, is gone
            laid_out = True
        if laid_out:
            self._make()
        self.dialog = dialog
        form.addRow(form_label(_("F&ormat:"), self.combo, wrap=False), self.combo)
        self.combo.currentIndexChanged.connect(self._changed)
        self._changed()
        return [self.combo]

    def _changed(self, *_args: object) -> None:
        """Keep the dialog's words, the file's extension and the paper size in step with the format."""
        self._format = str(self.combo.currentData())
        dialog, fmt = self.dialog, self._format
        if dialog is None:
            return
        _fmt, _label, title, button = next(f for f in FORMATS if f[0] == fmt)
        dialog.setWindowTitle(_(title))
        ok = getattr(dialog, "ok", None) or _accept_button(dialog)
        if ok is not None:
            ok.setText(_(button))
        paper = getattr(dialog, "paper", None)
        if paper is not None:
            paper.setEnabled(fmt in PAPER_FORMATS)
        edit = getattr(dialog, "path_edit", None)
        if edit is not None and edit.text().strip():
            edit.setText(str(with_format(Path(edit.text().strip()), fmt)))

    def read(self, choice: Any) -> None:
        """Put the format into the choice, and the file name's extension to match."""
        choice.format = self._format
        choice.path = with_format(Path(choice.path), self._format)

    def restore(self, previous: Any) -> None:
        """Asked again (another file name was needed): keep the format chosen."""
        fmt = getattr(previous, "format", "pdf")
        self._format = fmt if fmt in SUFFIXES else "pdf"
        try:
            self.combo.setCurrentIndex(max(0, self.combo.findData(self._format)))
        except RuntimeError:
            self._make()

    def problem(self) -> str:
        """Nothing to put right: every format can always be made."""
        return ""
