"""Signposting: where to get support if a question brings up something hard, and the place to
replace the questionnaire's text with an organisation's own, on this computer (app/support.py)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from coprod_check.app import support
from coprod_check.domain.errors import AssessmentError
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.gui.widgets import form_label, heading, plain_text_edit, set_tab_chain, text_label
from coprod_check.i18n import N_, _

NO_TEXT = N_("No signposting has been given yet. Use \u201cChange it for your organisation\u201d to add your own.")


class SupportDialog(QDialog):
    """The signposting, read-only until someone chooses to change it for their organisation."""

    def __init__(self, questionnaire: Questionnaire, parent: QWidget | None = None):
        super().__init__(parent)
        self.questionnaire = questionnaire
        self.setWindowTitle(_("Support if a question is hard"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Support if a question is hard"), 1))
        self.whose = text_label()
        layout.addWidget(self.whose)
        self.text = plain_text_edit(lines=10)
        self.text.setReadOnly(True)
        self.text.setAccessibleDescription(_("Where to get support. Read it with the arrow keys."))
        layout.addWidget(form_label(_("&Where to get support:"), self.text))
        layout.addWidget(self.text, 1)
        self.status = text_label()
        self.status.setAccessibleName(_("What happened"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.change = QPushButton(_("C&hange it for your organisation"))
        self.change.setCheckable(True)
        self.save = QPushButton(_("&Save it on this computer"))
        self.reset = QPushButton(_("&Use the questionnaire\u2019s text"))
        self.close_button = QPushButton(_("&Close"))
        for button, role in (
            (self.change, QDialogButtonBox.ButtonRole.ActionRole),
            (self.save, QDialogButtonBox.ButtonRole.ActionRole),
            (self.reset, QDialogButtonBox.ButtonRole.ActionRole),
            (self.close_button, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            buttons.addButton(button, role)
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.change.toggled.connect(self._editing)
        self.save.clicked.connect(self._save)
        self.reset.clicked.connect(self._reset)
        layout.addWidget(buttons)
        set_tab_chain([self.text, self.change, self.save, self.reset, self.close_button])
        self._fill()
        self._editing(False)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 80, metrics.lineSpacing() * 24)

    def _fill(self) -> None:
        own = support.own_support()
        self.text.setPlainText(own or self.questionnaire.support or _(NO_TEXT))
        self.whose.setText(
            _("Your organisation\u2019s own text, kept on this computer.")
            if own
            else _("The questionnaire\u2019s text. Your organisation can replace it with its own.")
        )
        self.reset.setEnabled(bool(own))

    @Slot(bool)
    def _editing(self, on: bool) -> None:
        self.text.setReadOnly(not on)
        self.save.setEnabled(on)
        if on:
            if self.text.toPlainText() == _(NO_TEXT):
                self.text.clear()
            self.text.setFocus()
            self.status.setText(_("Write your organisation\u2019s own signposting, then save it."))

    @Slot()
    def _save(self) -> None:
        try:
            support.set_own_support(self.text.toPlainText())
        except (AssessmentError, OSError) as exc:
            self.status.setText(_("The text could not be kept: {reason}").format(reason=exc))
            return
        self.change.setChecked(False)
        self._fill()
        self.status.setText(_("Saved on this computer. Every question page now shows it."))
        self.text.setFocus()

    @Slot()
    def _reset(self) -> None:
        try:
            support.set_own_support("")
        except OSError as exc:
            self.status.setText(_("The text could not be removed: {reason}").format(reason=exc))
            return
        self.change.setChecked(False)
        self._fill()
        self.status.setText(_("Back to the questionnaire\u2019s own text."))
        self.text.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, questionnaire: Questionnaire) -> None:
        """Show the dialog until it is closed (tests replace this)."""
        cls(questionnaire, parent).exec()
