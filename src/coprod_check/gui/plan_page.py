"""The action plan: keep or drop each action, reword it, give it an owner, a date, a status
and a place in the plan (critical, next 3 months, 3 to 12 months, later).

The list shows every action in the person's order, each with its state in
words (dropped, gap closed, waiting for an answer, critical). The editor beside it changes the
selected one; every change goes to the session and is saved like an answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coprod_check.app import session as s
from coprod_check.domain.plan import GROUP_TITLES, PlannedAction
from coprod_check.domain.wording import long_date
from coprod_check.gui.date_field import DateField
from coprod_check.gui.widgets import (
    NoteBox,
    form_label,
    heading,
    plain_text_edit,
    readable,
    text_label,
)
from coprod_check.i18n import _

ID_ROLE = Qt.ItemDataRole.UserRole
INTRO = _(
    "The actions your answers call for, most important first. Keep or drop each one, reword it, "
    "give it an owner, a due date and a status, and say when to take it on. You can add your own and "
    "change the order. Your changes are saved with the assessment and kept when answers change."
)
CLOSED = _(
    "Your answer has changed and the gap this action was for has closed. It is kept because you "
    "edited it: drop it if it is no longer needed."
)
ANSWERED = _(
    "This question has been answered since, so there is nothing left to find out. It is kept because "
    "you edited it: drop it if it is no longer needed."
)
UNKNOWN = _(
    "The answer to this question is now \u201cDon\u2019t know\u201d, so this action waits until the "
    "answer is known. Finding out comes first: the plan has a \u201cFind out\u201d action for this "
    "question, and any owner, due date or status you gave this action has been carried over to it. "
    "This one is kept because you edited it: drop it if it is no longer needed."
)


def state_note(action: PlannedAction) -> str | None:
    """Why an edited action the answers no longer call for is still listed, or None."""
    if action.unknown:
        return UNKNOWN
    if action.closed:
        return ANSWERED if action.kind == "find-out" else CLOSED
    return None


def describe(action: PlannedAction, number: int) -> tuple[str, str]:
    """The list text of an action (two lines) and the same in words for screen readers."""
    marks = []
    if not action.accepted:
        marks.append(_("Dropped"))
    if action.unknown:
        marks.append(_("Waiting for an answer"))
    elif action.closed:
        marks.append(_("Question answered") if action.kind == "find-out" else _("Gap closed"))
    prefix = ", ".join(marks) + ": " if marks else ""
    when = GROUP_TITLES.get(action.group, action.group)
    owner = action.owner or _("no owner yet")
    due = f"due {long_date(action.due)}" if action.due else _("no due date")
    details = f"{when} \u00b7 {owner} \u00b7 {due} \u00b7 {s.STATUS_LABELS.get(action.status, action.status)}"
    text = f"{number}. {prefix}{action.title}\n{details}"
    spoken = f"{number}. {prefix}{action.title}. " + details.replace(" \u00b7 ", ", ")
    return text, spoken


class PlanPage(QWidget):
    """Emits `export_requested` when the PDF button is pressed, if there is one."""

    export_requested = Signal()

    def __init__(self, session: s.Session, can_export: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.action_id = ""
        self._loading = False
        outer = QVBoxLayout(self)
        outer.addWidget(heading(_("Action plan"), 1))
        self.intro = readable(text_label(INTRO))
        outer.addWidget(self.intro)
        columns = QHBoxLayout()
        outer.addLayout(columns, 1)

        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleDescription(_("Select an action to change it beside the list."))
        left.addWidget(form_label(_("&Actions, in order:"), self.list))
        left.addWidget(self.list, 1)
        buttons = QGridLayout()
        self.up = QPushButton(_("Move &up"))
        self.down = QPushButton(_("&Move down"))
        self.add = QPushButton(_("Add your own a&ction"))
        self.up.setToolTip(_("Move the selected action up (Ctrl+Up in the list)"))
        self.down.setToolTip(_("Move the selected action down (Ctrl+Down in the list)"))
        buttons.addWidget(self.up, 0, 0)
        buttons.addWidget(self.down, 0, 1)
        buttons.addWidget(self.add, 1, 0, 1, 2)
        left.addLayout(buttons)
        columns.addLayout(left, 2)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Not a Tab stop of its own (an unnamed, empty stop for screen readers), as in
        # widgets.scrolled_column: Tab scrolls to each input in it.
        scroll.setProperty("focusPolicy", 0)  # Qt.FocusPolicy.NoFocus
        editor = QWidget()
        scroll.setWidget(editor)
        form = QVBoxLayout(editor)
        self.origin = readable(text_label())
        self.closed = NoteBox(CLOSED)
        readable(self.closed.label)
        self.accepted = QCheckBox(_("&Include this action in the plan"))
        self.accepted.setAccessibleDescription(
            _("Untick to drop it. A dropped action stays in this list, so you can bring it back.")
        )
        self.title = QLineEdit()
        self.why = plain_text_edit(lines=4)
        self.how = plain_text_edit(lines=6)
        self.owner = QLineEdit()
        self.owner_agreed = QCheckBox(_("Owner agreed, &verified with them"))
        self.owner_agreed.setAccessibleDescription(
            _(
                "Until it is ticked, the printed board paper shows the owner as a suggestion, to agree. An owner "
                "you type in yourself counts as agreed."
            )
        )
        self.when = QComboBox()
        for value, label in GROUP_TITLES.items():
            self.when.addItem(label, value)
        self.when.setAccessibleName(_("When to take it on"))
        self.when.setAccessibleDescription(_("Which part of the plan this action is in."))
        self.has_due = QCheckBox(_("Set a &due date"))
        self.due = DateField(_("Due date"), optional=False)
        self.status = QComboBox()
        for value, label in s.STATUS_LABELS.items():
            self.status.addItem(label, value)
        self.status.setAccessibleName(_("Status"))
        self.reset = QPushButton(_("&Reset to the suggested wording"))
        self.delete = QPushButton(_("De&lete this action"))
        form.addWidget(self.origin)
        form.addWidget(self.closed)
        form.addWidget(self.accepted)
        form.addWidget(form_label(_("&Title:"), self.title))
        form.addWidget(self.title)
        form.addWidget(form_label(_("Wh&y it matters:"), self.why))
        form.addWidget(self.why)
        form.addWidget(form_label(_("H&ow to do it:"), self.how))
        form.addWidget(self.how)
        form.addWidget(form_label(_("O&wner (a role or a name):"), self.owner))
        form.addWidget(self.owner)
        form.addWidget(self.owner_agreed)
        form.addWidget(form_label(_("When to ta&ke it on:"), self.when))
        form.addWidget(self.when)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form.addLayout(due_row)
        form.addWidget(form_label(_("&Status:"), self.status))
        form.addWidget(self.status)
        edit_buttons = QHBoxLayout()
        edit_buttons.addWidget(self.reset)
        edit_buttons.addWidget(self.delete)
        edit_buttons.addStretch(1)
        form.addLayout(edit_buttons)
        form.addStretch(1)
        columns.addWidget(scroll, 3)
        self.editor = editor

        self.export = QPushButton(_("Create &PDF action plan\u2026")) if can_export else None
        if self.export is not None:
            self.export.setToolTip(_("Create a PDF of the plan and results (Ctrl+E)"))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.export)
            outer.addLayout(row)
            self.export.clicked.connect(self.export_requested)
        for button in (self.up, self.down, self.add, self.reset, self.delete, self.export):
            if button is not None:
                button.setAutoDefault(True)

        self.list.currentItemChanged.connect(self._selected)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.add.clicked.connect(self._add)
        self.reset.clicked.connect(self._reset)
        self.delete.clicked.connect(self._delete)
        self.accepted.toggled.connect(lambda on: self._edit(lambda a: session.set_accepted(a, on)))
        for field, widget in (("title", self.title), ("owner", self.owner)):
            widget.textEdited.connect(lambda text, f=field: self._edit(lambda a: session.set_action_text(a, f, text)))
        for field, edit in (("why", self.why), ("how", self.how)):
            edit.textChanged.connect(
                lambda f=field, e=edit: self._edit(lambda a: session.set_action_text(a, f, e.toPlainText()))
            )
        self.owner_agreed.toggled.connect(lambda on: self._edit(lambda a: session.set_owner_agreed(a, on)))
        self.has_due.toggled.connect(self._due_toggled)
        self.due.changed.connect(self._due_changed)
        self.status.currentIndexChanged.connect(
            lambda _: self._edit(lambda a: session.set_status(a, self.status.currentData()))
        )
        self.when.currentIndexChanged.connect(
            lambda _: self._edit(lambda a: session.set_when(a, self.when.currentData()))
        )
        self.list.installEventFilter(self)

    def tab_sequence(self) -> list[QWidget]:
        """The page's inputs in tab order."""
        return [
            self.intro,
            self.list,
            self.up,
            self.down,
            self.add,
            self.origin,
            self.closed.label,
            self.accepted,
            self.title,
            self.why,
            self.how,
            self.owner,
            self.owner_agreed,
            self.when,
            self.has_due,
            self.due.edit,
            self.status,
            self.reset,
            self.delete,
            *([self.export] if self.export else []),
        ]

    def enter(self, page: str) -> None:
        """Work the plan out afresh."""
        self.refresh()

    def focus_first(self) -> None:
        """Focus the list of actions."""
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Ctrl+Up and Ctrl+Down in the list move the selected action."""
        if (
            watched is self.list
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            self._move(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return False

    # -- the list ----------------------------------------------------------------

    def refresh(self, keep: str | None = None) -> None:
        """Rebuild the list from the session, keeping the selection on `keep` (or the current one)."""
        keep = keep or self.action_id
        actions = self.session.plan()
        self.list.blockSignals(True)
        self.list.clear()
        row_to_select = 0
        for number, action in enumerate(actions, 1):
            text, spoken = describe(action, number)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, action.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            self.list.addItem(item)
            if action.id == keep:
                row_to_select = number - 1
        self.list.blockSignals(False)
        if actions:
            self.list.setCurrentRow(row_to_select)
            self._load(actions[row_to_select].id)
        else:
            self._load("")

    def _update_current_item(self) -> None:
        item = self.list.currentItem() if self.list.currentRow() >= 0 else None
        action = self.session.action(self.action_id)
        if item is None or action is None:
            return
        text, spoken = describe(action, self.list.currentRow() + 1)
        item.setText(text)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _selected(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if current is not None:
            self._load(current.data(ID_ROLE))

    # -- the editor ----------------------------------------------------------------

    def _load(self, action_id: str) -> None:
        self.action_id = action_id
        action = self.session.action(action_id) if action_id else None
        self.editor.setEnabled(action is not None)
        for button in (self.up, self.down):
            button.setEnabled(action is not None)
        if action is None:
            self.origin.setText(_("No actions yet. Answer some questions, or add your own."))
            for widget in (self.closed, self.reset, self.delete):
                widget.setVisible(False)
            return
        self._loading = True
        self.origin.setText(self.session.question_for(action))
        note = state_note(action)
        self.closed.setVisible(note is not None)
        self.closed.set_text(note or "")
        self.accepted.setChecked(action.accepted)
        self.title.setText(action.title)
        for edit, text in ((self.why, action.why), (self.how, action.how)):
            if edit.toPlainText() != text:
                edit.setPlainText(text)
        self.owner.setText(action.owner)
        self.owner_agreed.setChecked(action.owner_agreed)
        # A closed action is never critical: the part of the plan it can go in is a timescale.
        model = self.when.model()
        if isinstance(model, QStandardItemModel):
            model.item(0).setEnabled(not (action.closed or action.unknown))
        self.when.setCurrentIndex(max(0, self.when.findData(action.group)))
        self.has_due.setChecked(action.due is not None)
        self.due.setEnabled(action.due is not None)
        self.due.set_iso(action.due or _default_due(action.timescale))
        self._limit_due()
        self.status.setCurrentIndex(max(0, self.status.findData(action.status)))
        own = action.kind == "own"
        self.delete.setVisible(own)
        self.reset.setVisible(not own)
        self.reset.setEnabled(action.edited and self.session.suggested(action.id) is not None)
        row = self.list.currentRow()
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < self.list.count() - 1)
        self._loading = False

    def _edit(self, change: Callable[[str], None]) -> None:
        if self._loading or not self.action_id:
            return
        change(self.action_id)
        self._update_current_item()
        action = self.session.action(self.action_id)
        if action is not None:
            self.reset.setEnabled(action.edited and self.session.suggested(action.id) is not None)
            if self.owner_agreed.isChecked() != action.owner_agreed:  # typing an owner makes it agreed
                self._loading = True
                self.owner_agreed.setChecked(action.owner_agreed)
                self._loading = False

    def _limit_due(self) -> None:
        """A due date is never before the assessment."""
        try:
            start = dt.date.fromisoformat(self.session.assessment.date) if self.session.assessment.date else None
        except ValueError:
            start = None
        self.due.earliest = start
        self.due.earliest_reason = (
            _("A due date cannot be before the assessment, {date}. Please choose a later date.").format(
                date=long_date(start.isoformat())
            )
            if start
            else ""
        )

    @Slot(bool)
    def _due_toggled(self, on: bool) -> None:
        self.due.setEnabled(on)
        if not self._loading:
            due = self.due.iso() if on else None
            self._edit(lambda a: self.session.set_due(a, due))

    @Slot(str)
    def _due_changed(self, iso: str) -> None:
        if self.has_due.isChecked() and iso:
            self._edit(lambda a: self.session.set_due(a, iso))

    def _move(self, step: int) -> None:
        if self.action_id and self.session.move_action(self.action_id, step):
            self.refresh(self.action_id)
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _add(self) -> None:
        try:
            action_id = self.session.add_own_action()
        except ValueError as exc:  # the most a file holds
            from coprod_check.gui.widgets import announce

            announce(self, _("No action was added: {exc}.").format(exc=exc), urgent=True)
            return
        self.refresh(action_id)
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()

    @Slot()
    def _reset(self) -> None:
        if self.action_id:
            self.session.reset_wording(self.action_id)
            self.refresh(self.action_id)

    @Slot()
    def _delete(self) -> None:
        from coprod_check.gui.dialogs import Confirm

        action = self.session.action(self.action_id)
        if action is None or action.kind != "own":
            return
        if Confirm.ask(
            self,
            _("Delete this action?"),
            _("Delete \u201c{title}\u201d from the plan?").format(title=action.title),
            _("&Delete it"),
            _("&Keep it"),
        ):
            row = self.list.currentRow()
            self.session.delete_own_action(action.id)
            actions = self.session.plan()
            self.refresh(actions[min(row, len(actions) - 1)].id if actions else None)
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)


def _default_due(timescale: str) -> str:
    months = {"now": 3, "soon": 12}.get(timescale, 24)
    return QDate.currentDate().addMonths(months).toString(Qt.DateFormat.ISODate)
