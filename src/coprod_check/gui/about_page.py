"""About this assessment: the organisation, the date, and who is taking part."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coprod_check.app import session as s
from coprod_check.app.people import role_speaks_of_lived_experience
from coprod_check.domain.assessment import LIVED_EXPERIENCE
from coprod_check.gui.date_field import DateField
from coprod_check.gui.voices import people
from coprod_check.gui.widgets import NoteBox, announce, form_label, heading, readable, scrolled_column, text_label
from coprod_check.i18n import _


def readable_text(text: str) -> QLabel:
    """A paragraph read by Tab."""
    return readable(text_label(text))


NOBODY_WITH_LIVED_EXPERIENCE = _(
    "Nobody listed here has said they have lived experience of mental health difficulties. "
    "You can still go ahead. An assessment of co-production made without anyone with lived "
    "experience is itself a finding, and it is worth noting why. If you can, invite a colleague "
    "or partner with lived experience to take part, and pay them for their time."
)


class PersonRow(QGroupBox):
    """One person taking part: name (optional), role and lived experience.

    A titled group, because on Linux a combo box is read out by its value, not its name:
    "Person 2" is heard as the focus enters the group, so "Role: Manager" is not anonymous.
    """

    removed = Signal(int)

    def __init__(self, page: AboutPage, index: int):
        number = index + 1
        super().__init__(f"Person {number}")
        session = page.session
        person = session.assessment.participants[index]
        self.name = QLineEdit(person.name)
        self.name.setPlaceholderText(_("Optional"))
        self.name.setAccessibleName(_("Name of person {number} (optional)").format(number=number))
        self.role = QComboBox()
        for perspective in session.questionnaire.perspectives:
            self.role.addItem(perspective.label, perspective.id)
            self.role.setItemData(self.role.count() - 1, perspective.description, Qt.ItemDataRole.ToolTipRole)
        known = self.role.findData(person.role)
        if known < 0:  # a role this questionnaire does not list: keep it, do not change it
            self.role.addItem(person.role, person.role)
            known = self.role.count() - 1
        self.role.setCurrentIndex(known)
        self.role.setAccessibleName(_("Role of person {number}").format(number=number))
        self.lived = QComboBox()
        for value in LIVED_EXPERIENCE:
            self.lived.addItem(s.LIVED_EXPERIENCE_WORDS[value], value)
        self.lived.setCurrentIndex(max(0, self.lived.findData(person.lived_experience)))
        self.lived.setAccessibleName(
            _("Person {number}: lived experience of mental health difficulties").format(number=number)
        )
        self.remove = QPushButton(_("Remove"))
        self.remove.setAccessibleName(_("Remove person {number}").format(number=number))
        self.remove.setAutoDefault(True)
        # A form, not columns side by side: it fits any width, so large fonts never need sideways scrolling.
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(form_label(_("Name:"), self.name, wrap=False), self.name)
        form.addRow(form_label(_("Role:"), self.role, wrap=False), self.role)
        form.addRow(form_label(_("Lived experience of mental health difficulties:"), self.lived), self.lived)
        # Said, never corrected: only the person knows which of the two is right.
        self.mismatch = NoteBox()
        readable(self.mismatch.label)
        self.mismatch.setVisible(False)
        form.addRow(self.mismatch)
        row = QHBoxLayout()
        row.addWidget(self.remove)
        row.addStretch(1)
        form.addRow(row)
        self.number = number
        self.session = session
        self.index = index
        self.name.textEdited.connect(lambda text: session.set_participant(index, "name", text))
        self.role.currentIndexChanged.connect(lambda _: session.set_participant(index, "role", self.role.currentData()))
        self.lived.currentIndexChanged.connect(
            lambda _: session.set_participant(index, "lived_experience", self.lived.currentData())
        )
        for combo in (self.role, self.lived):
            combo.currentIndexChanged.connect(lambda _: self.check_role(announce_change=True))
        self.check_role(announce_change=False)
        self.remove.clicked.connect(lambda: self.removed.emit(index))

    def check_role(self, announce_change: bool) -> None:
        """Point out a role that speaks of lived experience for a person who said they have none."""
        person = self.session.assessment.participants[self.index]
        perspective = self.session.questionnaire.perspective(person.role)
        odd = perspective is not None and person.lived_experience == "no"
        text = (
            _(
                "Person {number}\u2019s role is \u201c{role}\u201d, but their lived experience is set to "
                "\u201cNo\u201d. Please check which is right. If they would rather not say, choose "
                "\u201cPrefer not to say\u201d."
            ).format(number=self.number, role=perspective.label)
            if odd and perspective is not None and role_speaks_of_lived_experience(perspective)
            else ""
        )
        shown = self.mismatch.isVisibleTo(self)
        self.mismatch.set_text(text)
        self.mismatch.setVisible(bool(text))
        if text and not shown and announce_change:
            announce(self, text, urgent=True)

    def inputs(self) -> list[QWidget]:
        """This row's inputs in tab order (a note about the role, when there is one, after them)."""
        return [self.name, self.role, self.lived, self.mismatch.label, self.remove]


class AboutPage(QWidget):
    """Emits `tab_order_changed` when people are added or removed."""

    tab_order_changed = Signal()

    def __init__(self, session: s.Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        _scroller, layout = scrolled_column(self)
        layout.addWidget(heading(_("About this assessment"), 1))
        self.intro = readable_text(
            _("Who is this assessment about, and who is answering? You can change any of this later.")
        )
        layout.addWidget(self.intro)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.organisation = QLineEdit(session.assessment.organisation)
        self.team = QLineEdit(session.assessment.team)
        self.date = DateField(_("Date of the assessment"))
        self.date.set_iso(session.assessment.date)
        form.addRow(form_label(_("&Organisation:"), self.organisation, wrap=False), self.organisation)
        form.addRow(form_label(_("&Team or service:"), self.team, wrap=False), self.team)
        form.addRow(form_label(_("&Date of the assessment:"), self.date.edit, wrap=False), self.date)
        layout.addLayout(form)

        group = session.is_group
        layout.addWidget(heading(_("Who took part") if group else _("Who is taking part"), 2))
        if group:
            # Each person in a group answered alone: listing them would show who said what about themselves.
            self.people_intro = readable_text(
                _(
                    "This group assessment combines the answers of {people}, "
                    "each given on their own. Each person's answers and notes are kept in the file as they "
                    "gave them. The Results page shows how many took part in each role and with lived "
                    "experience, leaving out any group of fewer than {min_group_size} people, so "
                    "nobody can be picked out."
                ).format(people=people(len(session.assessment.responses)), min_group_size=session.min_group_size)
            )
        else:
            self.people_intro = readable_text(
                _(
                    "List everyone answering together. Names are optional, and the PDF leaves them out "
                    "unless you choose otherwise. Roles help you see whose view is missing."
                )
            )
        layout.addWidget(self.people_intro)
        self.people = QVBoxLayout()
        layout.addLayout(self.people)
        self.add_button = QPushButton(_("&Add a person"))
        self.add_button.setAutoDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        if group:
            self.add_button.hide()
        self.finding = NoteBox(NOBODY_WITH_LIVED_EXPERIENCE)
        readable(self.finding.label)
        self.finding.setAccessibleName(_("A note about lived experience"))
        layout.addWidget(self.finding)
        layout.addStretch(1)
        self.rows: list[PersonRow] = []
        self._rebuild()

        self.organisation.textEdited.connect(lambda text: session.set_about("organisation", text))
        self.team.textEdited.connect(lambda text: session.set_about("team", text))
        self.date.changed.connect(lambda iso: session.set_about("date", iso))
        self.add_button.clicked.connect(self._add)
        session.subscribe(self._session_changed)

    def detach(self) -> None:
        """Stop listening to the session (before the page is thrown away)."""
        self.session.unsubscribe(self._session_changed)

    def _session_changed(self, kind: str) -> None:
        if kind == s.PEOPLE:
            self.finding.setVisible(self.session.nobody_with_lived_experience())

    def _rebuild(self) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        if self.session.is_group:
            self.finding.setVisible(False)  # said on the Results page, with who took part
            self.tab_order_changed.emit()
            return
        for index in range(len(self.session.assessment.participants)):
            row = PersonRow(self, index)
            row.removed.connect(self._remove)
            self.people.addWidget(row)
            row.show()  # now, not on the next event loop turn, so the focus can go to it
            self.rows.append(row)
        self.finding.setVisible(self.session.nobody_with_lived_experience())
        self.tab_order_changed.emit()

    @Slot()
    def _add(self) -> None:
        self.session.add_participant()
        self._rebuild()
        self.rows[-1].name.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(int)
    def _remove(self, index: int) -> None:
        self.session.remove_participant(index)
        self._rebuild()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].remove.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def tab_sequence(self) -> list[QWidget]:
        """The page's inputs in tab order."""
        people = [w for row in self.rows for w in row.inputs()]
        adding = [] if self.session.is_group else [self.add_button]
        return [
            self.intro,
            self.organisation,
            self.team,
            self.date.edit,
            self.date.problem,
            self.people_intro,
            *people,
            *adding,
            self.finding.label,
        ]

    def enter(self, page: str) -> None:
        """Nothing to work out: the page follows the session as it changes."""

    def focus_first(self) -> None:
        """Focus the first input."""
        self.organisation.setFocus(Qt.FocusReason.OtherFocusReason)
