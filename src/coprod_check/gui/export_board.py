"""The board paper's fields in the export dialog: meeting, its date, purpose, executive lead
and author, and whether unanswered questions become find-out actions.

An export-dialog section (the dialog lays out each section's rows and calls `read` when the
person creates the PDF): what is typed is remembered with the assessment, through the session,
so it is saved like any other change and filled in again next time. Nothing here is ever
invented: a field left empty prints as "not yet named" or "not yet set".
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QWidget

from coprod_check.domain.assessment import BoardFields
from coprod_check.gui.export_dialog import ExportSection
from coprod_check.gui.widgets import form_label
from coprod_check.i18n import N_, _

if TYPE_CHECKING:
    from coprod_check.app.session import Session

PURPOSES = (
    ("", N_("Not set yet")),
    ("decision", N_("For decision")),
    ("assurance", N_("For assurance")),
    ("information", N_("For information")),
)


def parse_date(text: str) -> str | None:
    """A typed date as ISO ("" when empty; None when it is not a date). Takes 2027-01-28 and,
    as UK readers write it, 28/01/2027 or 28.1.2027."""
    text = text.strip()
    if not text:
        return ""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    for sep in ("/", ".", "-"):
        parts = text.split(sep)
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            day, month, year = (int(p) for p in parts)
            try:
                return dt.date(year if year > 99 else 2000 + year, month, day).isoformat()
            except ValueError:
                return None
    return None


class BoardPaperSection(ExportSection):
    """The cover sheet's fields, as rows of the export dialog's form.

    The inputs are made afresh each time the dialog lays the section out (a dialog asked again
    for another file name is a new dialog): `widgets()` are those of the latest layout.
    """

    def __init__(self, session: Session):
        self.session = session
        self.find_out_checked = False
        self._make()

    def _make(self) -> None:
        kept = self.session.assessment.board
        self.meeting = QLineEdit(kept.meeting)
        self.meeting.setAccessibleName(_("Meeting"))
        self.meeting.setPlaceholderText(_("for example, Trust board (public session)"))
        self.date = QLineEdit(_shown(kept.meeting_date))
        self.date.setAccessibleName(_("Date of the meeting"))
        self.date.setAccessibleDescription(_("A date such as 28/01/2027. Leave it empty if it is not set yet."))
        self.date.setPlaceholderText(_("DD/MM/YYYY"))
        self.purpose = QComboBox()
        self.purpose.setAccessibleName(_("Purpose of the paper"))
        for value, label in PURPOSES:
            self.purpose.addItem(_(label), value)
        self.purpose.setCurrentIndex(max(0, self.purpose.findData(kept.purpose or "")))
        self.lead = QLineEdit(kept.executive_lead)
        self.lead.setAccessibleName(_("Executive lead"))
        self.author = QLineEdit(kept.author)
        self.author.setAccessibleName(_("Report author"))
        self.find_out = QCheckBox(_("List unanswered questions as &find-out actions"))
        self.find_out.setAccessibleDescription(
            _("Without this, each question not answered yet is one line in the appendix, not an action.")
        )
        self.find_out.setChecked(self.find_out_checked)

    def widgets(self) -> list[QWidget]:
        """The inputs, in the order Tab visits them."""
        return [self.meeting, self.date, self.purpose, self.lead, self.author, self.find_out]

    def add_rows(self, dialog: Any, form: QFormLayout) -> list[QWidget]:
        """Add the labelled rows to the dialog's form; return the inputs in Tab order."""
        try:
            self.meeting.objectName()  # still alive: a first layout uses the inputs made with the section
        except RuntimeError:
            self._make()
        if self.meeting.parent() is not None:  # already laid out in an earlier dialog: make them afresh
            self._make()
        form.addRow(form_label(_("&Meeting:"), self.meeting, wrap=False), self.meeting)
        form.addRow(form_label(_("Meeting &date:"), self.date, wrap=False), self.date)
        form.addRow(form_label(_("P&urpose:"), self.purpose, wrap=False), self.purpose)
        form.addRow(form_label(_("&Executive lead:"), self.lead, wrap=False), self.lead)
        form.addRow(form_label(_("&Report author:"), self.author, wrap=False), self.author)
        form.addRow("", self.find_out)
        return self.widgets()

    def fields(self) -> BoardFields:
        """What is typed now (a date that is not one is left out: `problem` says so)."""
        return BoardFields(
            meeting=self.meeting.text(),
            meeting_date=parse_date(self.date.text()) or "",
            purpose=self.purpose.currentData() or None,
            executive_lead=self.lead.text(),
            author=self.author.text(),
        )

    def problem(self) -> str:
        """A sentence when the date is not a date (the dialog stays open), else ""."""
        if parse_date(self.date.text()) is None:
            return _("The meeting date should be a date such as 28/01/2027, or left empty.")
        return ""

    def read(self, choice: Any) -> None:
        """Remember the fields with the assessment, and pass on the find-out choice."""
        self.session.set_board_fields(self.fields())
        self.find_out_checked = self.find_out.isChecked()
        extra = getattr(choice, "extra", None)
        if isinstance(extra, dict):
            extra["find_out_unanswered"] = self.find_out_checked

    def restore(self, previous: Any) -> None:
        """Asked again (another file name was needed): the fields come back from the assessment,
        where `read` remembered them, and the tick box as it was."""
        extra = getattr(previous, "extra", None)
        if isinstance(extra, dict):
            self.find_out.setChecked(bool(extra.get("find_out_unanswered", False)))


def _shown(iso: str) -> str:
    try:
        return dt.date.fromisoformat(iso).strftime("%d/%m/%Y")
    except ValueError:
        return ""
