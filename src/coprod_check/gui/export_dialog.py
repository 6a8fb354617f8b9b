"""The export dialog: where the printed plan goes, and what goes into it.

Built to grow: each group of fields is an `ExportSection`, and the dialog lays out whatever
sections it is given (gui/export.py's `export_sections`) between the file and the check boxes.
A section adds its rows to the dialog's form, reads the choice back into `ExportChoice.options`
(the renderer's keyword arguments, handed to the worker as they are: app/export_job.py), may set
`ExportChoice.format`, and fills itself from the previous choice when the dialog is asked again.
See NOTES-export-dialog.md for the board paper's fields (issue 10) and the format choice (issue 11).

The dialog's default button completes it: Enter creates the plan. "Choose…" is never a default
(Space or Alt+H opens the chooser), and after it the focus goes back to the file name, so Enter
never opens a second file chooser. Cancel, focused, takes Enter as a focused button does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coprod_check.gui.widgets import form_label, set_tab_chain, text_label
from coprod_check.i18n import _


class ExportChoice:
    """What the person chose: the file, its format, and the renderer's options."""

    def __init__(
        self,
        path: Path,
        paper: str = "a4",
        include_private: bool = False,
        include_names: bool = False,
        *,
        fmt: str = "pdf",
        extra: dict[str, Any] | None = None,
    ):
        self.path = path
        self.paper = paper
        self.include_private = include_private
        self.include_names = include_names
        self.format = fmt  # the renderer that writes it (report/job.py's RENDERERS)
        self.extra: dict[str, Any] = dict(extra or {})  # the sections' options, by keyword

    def options(self) -> dict[str, Any]:
        """The renderer's keyword arguments (the assessment's SHA-256 is added by the export)."""
        options: dict[str, Any] = {
            "paper": self.paper,
            "include_private": self.include_private,
            "include_names": self.include_names,
        }
        options.update(self.extra)
        return options


class ExportSection:
    """A group of fields in the export dialog. Subclass it, and return it from export_sections."""

    def add_rows(self, dialog: ExportDialog, form: QFormLayout) -> list[QWidget]:
        """Add this section's labelled rows to `form`; return its inputs in the order Tab visits them."""
        return []

    def read(self, choice: ExportChoice) -> None:
        """Put what the person chose into `choice` (its `extra` options, or its `format`)."""

    def restore(self, previous: ExportChoice) -> None:
        """Show what was chosen last time the dialog was asked (another name was needed)."""

    def problem(self) -> str:
        """A sentence saying what must be put right before the plan can be made, or ""."""
        return ""


class ExportDialog(QDialog):
    """Where to put the plan, and what to leave out of it."""

    def __init__(
        self,
        parent: QWidget | None,
        suggested: Path,
        previous: ExportChoice | None = None,
        sections: list[ExportSection] | tuple[ExportSection, ...] = (),
    ):
        super().__init__(parent)
        self.sections = list(sections)
        self.setWindowTitle(_("Create PDF action plan"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            text_label(
                _(
                    "The board paper and plan list the actions you kept, most important first, with the "
                    "results. Private notes and people's names are left out unless you choose to include them."
                )
            )
        )
        form = QFormLayout()
        self.form = form
        self.path_edit = QLineEdit(str(suggested))
        self.path_edit.setAccessibleName(_("Save to"))
        self.browse = QPushButton(_("C&hoose\u2026"))
        # Never the default, not even while focused: Enter completes the dialog and never opens a
        # (second) file chooser; Space or Alt+H opens it.
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._browse)
        self.browse.setAccessibleName(_("Choose where to save the PDF"))
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        form.addRow(form_label(_("Save &to:"), self.path_edit, wrap=False), row)
        self.paper = QComboBox()
        self.paper.setAccessibleName(_("Paper size"))
        self.paper.addItem("A4", "a4")
        self.paper.addItem(_("US Letter"), "letter")
        form.addRow(form_label(_("&Paper size:"), self.paper, wrap=False), self.paper)
        section_inputs = [w for section in self.sections for w in section.add_rows(self, form)]
        layout.addLayout(form)
        self.private = QCheckBox(_("Include pri&vate notes"))
        self.private.setAccessibleDescription(_("Notes marked private are left out of the PDF unless you tick this."))
        self.names = QCheckBox(_("Include the &names of people taking part"))
        self.names.setAccessibleDescription(_("Without names, the PDF lists people by role only."))
        layout.addWidget(self.private)
        layout.addWidget(self.names)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(_("&Create PDF"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if previous is not None:  # asked again (another name was needed): keep what was chosen
            self.paper.setCurrentIndex(max(0, self.paper.findData(previous.paper)))
            self.private.setChecked(previous.include_private)
            self.names.setChecked(previous.include_names)
            for section in self.sections:
                section.restore(previous)
        set_tab_chain(
            [self.path_edit, self.browse, self.paper, *section_inputs, self.private, self.names, self.ok, cancel]
        )
        self._fit_width(str(suggested))

    def _fit_width(self, text: str) -> None:
        """Wide enough to show the whole folder and name, within the screen it opens on."""
        metrics = self.fontMetrics()
        wanted = metrics.horizontalAdvance(text) + metrics.averageCharWidth() * 30
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().width() * 9 // 10 if screen is not None else wanted
        self.setMinimumWidth(min(max(metrics.averageCharWidth() * 60, wanted), room))
        self.path_edit.setMinimumWidth(
            min(metrics.horizontalAdvance(text) + metrics.averageCharWidth() * 2, room * 2 // 3)
        )
        self.path_edit.setCursorPosition(0)  # the folder first: where it goes is what people check

    def _browse(self) -> None:
        # Replacing a file is asked about once, after this dialog, for typed names too.
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the PDF as"),
            self.path_edit.text(),
            _("PDF (*.pdf)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.path_edit.setText(name if name.lower().endswith(".pdf") else name + ".pdf")
        # Back to the name, where Enter creates the plan: left on "Choose…" (which a focused button's
        # Enter presses, as everywhere), the next Enter would open a second chooser.
        self.path_edit.setFocus()

    def accept(self) -> None:
        """Close with the choice, unless a section says something must be put right first."""
        for section in self.sections:
            problem = section.problem()
            if problem:
                from coprod_check.gui.dialogs import Inform

                Inform.ask(self, _("Something to put right first"), problem, problem=True)
                return
        super().accept()

    def choice(self) -> ExportChoice:
        """What the dialog holds now."""
        choice = ExportChoice(
            Path(self.path_edit.text().strip()),
            self.paper.currentData(),
            self.private.isChecked(),
            self.names.isChecked(),
        )
        for section in self.sections:
            section.read(choice)
        return choice

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        suggested: Path,
        previous: ExportChoice | None = None,
        sections: list[ExportSection] | tuple[ExportSection, ...] = (),
    ) -> ExportChoice | None:
        dialog = cls(parent, suggested, previous, sections)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.path_edit.text().strip():
            return None
        return dialog.choice()
