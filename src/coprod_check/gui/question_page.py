"""One question at a time: the levels as full sentences, don't know, a note and evidence.

The page is built once per questionnaire and refilled for each question, so
moving between questions is instant and focus lands where it is expected.

For a group assessment the page first shows what everyone answered (counts per
level, median, range, and whether people disagree), read-only, or that it is
not shown when too few answered. The levels then record what the group agreed,
with its reason; the note and evidence are the group's own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coprod_check.app import session as s
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE, ORIENTATIONS, RATHER_NOT
from coprod_check.gui import a11y, question_extras, voices
from coprod_check.gui.reading import focusable_text, paragraph, reading_order
from coprod_check.gui.widgets import (
    NoteBox,
    announce,
    form_label,
    heading,
    plain_text_edit,
    scrolled_column,
    text_label,
)
from coprod_check.i18n import _

DONT_KNOW_ID, NOT_APPLICABLE_ID, RATHER_NOT_ID = 1000, 1001, 1002
ABOUT = {
    "care": _("This question is about care: the support people are given."),
    "with": _("This question is about working with people: sharing the work and the decisions."),
    "parity": _("This question is about parity: stigma, and whether lived experience is treated with equal respect."),
}
DONT_KNOW_TEXT = _("Nobody here knows. That is a useful answer: it becomes an action to find out.")
NOT_APPLICABLE_TEXT = _("This does not apply to your organisation or service.")
RATHER_NOT_TEXT = _(
    "You do not have to answer this. It is counted, never scored, and never becomes an action. "
    "A question that holds back the stage still does so until it has an answer."
)


def answers_name(where: str, prompt: str, about: str) -> str:
    """What a screen reader says as the focus enters a question's answers: where the question is,
    the question, and what it is about (with whether it holds the stage back)."""
    return " ".join(f"{where}. {prompt} {about}".split())


class _ClickSelects(QObject):
    """Lets a click on an option's sentence choose the option, as a click on its button does."""

    def __init__(self, label: QLabel, button: QRadioButton):
        super().__init__(label)
        self.button = button
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.MouseButtonRelease and self.button.isEnabled():
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()
            return True
        return False


class QuestionPage(QWidget):
    """Shows whichever question `show_question` is given."""

    def __init__(self, session: s.Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.question_id = ""
        self._introduced = ""  # the question whose answers the focus last went to
        self._about = ""  # what the question is about, heard with it
        self.is_group = session.is_group
        q = session.questionnaire
        self.scroller, layout = scrolled_column(self)

        self.where = heading("", 3)
        self.prompt = heading("", 2)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.about = text_label()
        self.reworded = NoteBox()
        # A push button that shows and hides the text (never a check box to screen readers);
        # what it shows takes the focus, so it is read at once.
        self.why_button = QPushButton(_("&Why this matters"))
        self.why_button.setAutoDefault(True)
        self.why = paragraph()
        self.why.setVisible(False)
        self.why_button.clicked.connect(lambda: self._toggle_why(not self.why.isVisible()))
        why_row = QHBoxLayout()
        why_row.addWidget(self.why_button)
        why_row.addStretch(1)
        for widget in (self.where, self.prompt, self.about, self.reworded):
            layout.addWidget(widget)
        layout.addLayout(why_row)
        layout.addWidget(self.why)

        self.everyone = QGroupBox(_("What everyone answered"))
        everyone = QVBoxLayout(self.everyone)
        self.spread_text = text_label()
        self.disagree = NoteBox(f"\u26a0 {voices.DISAGREE}")
        self.disagree.setAccessibleName(voices.DISAGREE)
        everyone.addWidget(self.spread_text)
        everyone.addWidget(self.disagree)
        for words in (self.spread_text, self.disagree.label):
            focusable_text(words)  # read before the levels, by Tab
        layout.addWidget(self.everyone)
        self.everyone.setVisible(self.is_group)

        self.answer_box = QGroupBox(_("The level the group agreed") if self.is_group else _("Your answer"))
        self.answer_box.setAccessibleDescription(
            _("Use the arrow keys to move between the answers and Space to choose one.")
        )
        self.answer_box.setToolTip(_("Arrow keys move between the answers; Space chooses one."))
        grid = QGridLayout(self.answer_box)
        grid.setColumnStretch(1, 1)
        self.group = QButtonGroup(self)
        self.level_buttons: list[QRadioButton] = []
        self.level_texts: list[QLabel] = []
        row = 0
        # As many options as the longest scale has levels; a question on a shorter scale hides the rest.
        longest = max(q.scales.values(), key=len)
        for index, level in enumerate(longest):
            button, label = self._option(grid, row, level.label, index)
            button.setAccessibleDescription(level.meaning)
            self.level_buttons.append(button)
            self.level_texts.append(label)
            row += 1
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        grid.addWidget(line, row, 0, 1, 2)
        self.dont_know, dont_know_text = self._option(grid, row + 1, _("&Don't know"), DONT_KNOW_ID, DONT_KNOW_TEXT)
        self.not_applicable, self.not_applicable_text = self._option(
            grid, row + 2, _("Not &applicable"), NOT_APPLICABLE_ID, NOT_APPLICABLE_TEXT
        )
        self.rather_not, rather_not_text = self._option(
            grid, row + 3, _("I’d &rather not answer"), RATHER_NOT_ID, RATHER_NOT_TEXT
        )
        row += 1  # the rows below move down one for "I'd rather not answer"
        if self.is_group:
            # A group agrees a level; "don't know" comes from everyone's answers, not from the lead.
            hidden: list[QWidget] = [
                line,
                self.dont_know,
                dont_know_text,
                self.not_applicable,
                self.not_applicable_text,
                self.rather_not,
                rather_not_text,
            ]
            for unused in hidden:
                unused.setVisible(False)
            self.answer_box.setAccessibleDescription(
                _(
                    "Use the arrow keys to move between the levels and Space to choose the one the group "
                    "agreed. Clearing it goes back to the median of everyone's answers."
                )
            )
        self.clear = QPushButton(_("C&lear the agreed level") if self.is_group else _("C&lear answer"))
        self.clear.setAutoDefault(True)
        self.clear.setAccessibleDescription(
            _("Take the agreed level back, so scoring uses the median of everyone's answers again.")
            if self.is_group
            else _("Take this answer back, so the question is not answered yet.")
        )
        clear_row = QHBoxLayout()
        clear_row.addStretch(1)
        clear_row.addWidget(self.clear)
        grid.addLayout(clear_row, row + 3, 0, 1, 2)
        self.agreed_state = focusable_text(text_label())
        grid.addWidget(self.agreed_state, row + 4, 0, 1, 2)
        self.agreed_state.setVisible(self.is_group)
        self.reason = plain_text_edit(lines=3)
        self.reason.setAccessibleDescription(
            _("The group's reason for the level it agreed. Choose the agreed level first.")
        )
        self.reason_label = form_label(_("Why the group ag&reed this level:"), self.reason)
        grid.addWidget(self.reason_label, row + 5, 0, 1, 2)
        grid.addWidget(self.reason, row + 6, 0, 1, 2)
        self.reason_label.setVisible(self.is_group)
        self.reason.setVisible(self.is_group)
        # The question introduced once, as the focus enters its answers: Orca names a group with a
        # name as the focus moves into it. Not the group box itself: its title labels each option
        # (Qt relates them), and Orca says that label again at every arrow key.
        self.answers = QWidget()
        a11y.set_role(self.answers, "group")
        around = QVBoxLayout(self.answers)
        around.setContentsMargins(0, 0, 0, 0)
        around.addWidget(self.answer_box)
        layout.addWidget(self.answers)

        self.note = plain_text_edit(lines=5)
        if self.is_group:
            self.note.setAccessibleDescription(
                _("The group's own note. Each person's notes stay with their own answers.")
            )
            layout.addWidget(form_label(_("No&te: what the group sees, in its own words"), self.note))
        else:
            self.note.setAccessibleDescription(_("What you see, in your own words."))
            layout.addWidget(form_label(_("No&te: what you see, in your own words"), self.note))
        layout.addWidget(self.note)
        self.private = QCheckBox(_("Keep this note &private"))
        self.private.setAccessibleDescription(
            _("A private note stays in the assessment file but is left out of the PDF action plan.")
        )
        layout.addWidget(self.private)
        self.evidence = plain_text_edit(lines=3)
        self.evidence.setAccessibleDescription(_("For example a document, a meeting, or a survey."))
        self.evidence_label = form_label(
            _("E&vidence: what shows this? (a document, a meeting, a survey)"), self.evidence
        )
        layout.addWidget(self.evidence_label)
        layout.addWidget(self.evidence)
        layout.addStretch(1)
        self.extras = question_extras.QuestionExtras(session, self, self._open_support, self._checked)
        self.extras.place(layout, self.prompt, self.why, self.evidence_label)
        self.extras.place_check(layout, self.everyone)

        self.group.idToggled.connect(self._chosen)
        self.clear.clicked.connect(self._clear)
        self.note.textChanged.connect(
            lambda: self.session.set_answer_text(self.question_id, "note", self.note.toPlainText())
        )
        self.evidence.textChanged.connect(
            lambda: self.session.set_answer_text(self.question_id, "evidence", self.evidence.toPlainText())
        )
        self.private.toggled.connect(lambda on: self.session.set_note_private(self.question_id, on))
        self.reason.textChanged.connect(
            lambda: self.session.set_agreed_reason(self.question_id, self.reason.toPlainText())
        )

    def _option(
        self, grid: QGridLayout, row: int, title: str, button_id: int, text: str = ""
    ) -> tuple[QRadioButton, QLabel]:
        button = QRadioButton(title)
        font = button.font()
        font.setBold(True)
        button.setFont(font)
        label = text_label(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        label.setCursor(Qt.CursorShape.PointingHandCursor)
        _ClickSelects(label, button)
        self.group.addButton(button, button_id)
        grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(label, row, 1)
        if text:
            button.setAccessibleName(f"{title.replace('&', '')}: {text}")
        return button, label

    def tab_sequence(self) -> list[QWidget]:
        """The page's inputs and the paragraphs read by Tab, in the order they are on the page
        (so that whatever the page gains is visited in its place)."""
        return reading_order(self.scroller.widget(), shown_only=False)

    def enter(self, page: str) -> None:
        """Show the question of this page key."""
        question_id = s.page_question(page)
        assert question_id is not None
        self.show_question(question_id)

    def focus_first(self) -> None:
        """The first input of a question page is its answer.

        A screen reader introduces the question as the focus enters its answers. Going from one
        question to the next, the focus is in the answers already, so nothing is heard (seen with
        Orca 43): then the introduction, and the option focused, are announced instead.
        """
        focused = QApplication.focusWidget()
        inside = focused is not None and self.answers.isAncestorOf(focused)
        new = self.question_id != self._introduced
        self._introduced = self.question_id
        self.focus_answer()
        if inside and new:  # not again for the same question (after an undo, say)
            QTimer.singleShot(0, self._introduce)

    def _introduce(self) -> None:
        focused = QApplication.focusWidget()
        if focused is None or not self.answers.isAncestorOf(focused):
            return
        option = focused.accessibleName() or (focused.text() if isinstance(focused, QRadioButton) else "")
        announce(self, f"{self.answers.accessibleName()} {self.answer_box.title()}: {option}")

    def show_question(self, question_id: str) -> None:
        """Fill the page with this question and its answer."""
        q = self.session.questionnaire
        question = q.question(question_id)
        if question is None:
            raise KeyError(question_id)
        self.question_id = question_id
        domain, number = self.session.position(question_id)
        self.where.setText(
            _("{title}: question {number} of {count}").format(
                title=domain.title, number=number, count=len(domain.questions)
            )
        )
        self.prompt.setText(question.prompt)
        self.prompt.setAccessibleName(question.prompt)
        about = ABOUT.get(question.orientation, ORIENTATIONS.get(question.orientation, ""))
        if question.critical is not None:
            below = q.level(question.critical.below, question)
            about += _(
                " An answer below \u201c{value}\u201d, or \u201cdon't know\u201d, holds back the readiness stage."
            ).format(value=below.label if below else question.critical.below)
        self.about.setText(about)
        self.why.setText(question_extras.why_text(question))
        self._toggle_why(False, focus=False)
        # Heard once as the focus enters the answers: where the question is, the question itself,
        # what it is about and whether it holds the stage back. The prompt is not a Tab stop, so it
        # is heard only here.
        self._about = about
        self._name_answers()
        levels = q.levels_for(question)
        for index, (button, label) in enumerate(zip(self.level_buttons, self.level_texts, strict=True)):
            button.setVisible(index < len(levels))
            label.setVisible(index < len(levels))
            if index >= len(levels):
                continue
            level = levels[index]
            sentence = question.levels.get(level.id, level.meaning)
            label.setText(sentence)
            button.setText(level.label)
            button.setAccessibleName(f"{level.label}: {sentence}")
            button.setAccessibleDescription(level.meaning)
        self.not_applicable.setVisible(question.not_applicable and not self.is_group)
        self.not_applicable_text.setVisible(question.not_applicable and not self.is_group)
        self.extras.show(question)
        answer = self.session.answer(question_id)
        if self.is_group:
            self._show_group(question_id)
        else:
            self._check(answer.choice, question.not_applicable)
        notes = []
        if question_id in self.session.reworded:
            notes.append(
                _("This question was reworded after you answered it. Please check that your answer still fits.")
            )
        if answer.choice and self.group.checkedId() < 0:
            notes.append(self._lost_choice(answer.choice))
        self.reworded.set_text("\n\n".join(notes))
        self.reworded.setVisible(bool(notes))
        for edit, text in ((self.note, answer.note), (self.evidence, answer.evidence)):
            edit.blockSignals(True)
            if edit.toPlainText() != text:
                edit.setPlainText(text)
            edit.blockSignals(False)
        self.private.blockSignals(True)
        self.private.setChecked(answer.note_private)
        self.private.blockSignals(False)
        self.scroller.verticalScrollBar().setValue(0)

    def _lost_choice(self, choice: str) -> str:
        """Why an earlier answer is not shown as chosen, naming it as people saw it (never by its id)."""
        level = self.session.questionnaire.level(choice, self.question_id)
        title = _("Not applicable") if choice == NOT_APPLICABLE else level.label if level else None
        what = (
            _("Your earlier answer, \u201c{title}\u201d, is not one of the choices for this question").format(
                title=title
            )
            if title
            else _("Your earlier answer is an answer this version of the questionnaire no longer has")
        )
        return f"{what}. It is kept in the file until you choose another answer."

    def _show_group(self, question_id: str, lead: str = "") -> None:
        """What everyone answered, and the level the group agreed, with its reason."""
        q = self.session.questionnaire
        found = self.session.spread(question_id)
        size = self.session.min_group_size
        lines = voices.spread_lines(q, found, size)
        self.spread_text.setText("\n".join(lines))
        self.disagree.setVisible(found.disagree)
        self._check(found.agreed, False)
        self.agreed_state.setText(lead + voices.agreed_words(q, found, size))
        summary = " ".join(lines) + (" " + voices.DISAGREE if found.disagree else "")
        self.answer_box.setAccessibleDescription(
            _(
                "{summary} Use the arrow keys to move between the levels and Space to choose the one the group "
                "agreed. Clearing it goes back to the median of everyone's answers."
            ).format(summary=summary)
        )
        self.reason.blockSignals(True)
        reason = self.session.agreed_reason(question_id)
        if self.reason.toPlainText() != reason:
            self.reason.setPlainText(reason)
        self.reason.blockSignals(False)
        self.reason.setEnabled(found.agreed is not None)
        self.reason_label.setEnabled(found.agreed is not None)

    def _check(self, choice: str | None, not_applicable_allowed: bool) -> None:
        self.group.blockSignals(True)
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(False)
        self.group.setExclusive(True)
        button_id = self._id_for(choice, not_applicable_allowed)
        if button_id is not None:
            self.group.button(button_id).setChecked(True)
        self.group.blockSignals(False)
        self.clear.setEnabled(button_id is not None)

    def _id_for(self, choice: str | None, not_applicable_allowed: bool) -> int | None:
        if choice == DONT_KNOW:
            return DONT_KNOW_ID
        if choice == NOT_APPLICABLE:
            return NOT_APPLICABLE_ID if not_applicable_allowed else None
        if choice == RATHER_NOT:
            return None if self.is_group else RATHER_NOT_ID
        index = self.session.questionnaire.level_index(choice, self.question_id) if choice else -1
        return index if index >= 0 else None

    def focus_answer(self) -> None:
        """Focus the chosen option, or the first one: arrows then move, Space chooses."""
        button_id = self.group.checkedId()
        button = self.group.button(button_id) if button_id >= 0 else self.level_buttons[0]
        button.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(int, bool)
    def _chosen(self, button_id: int, checked: bool) -> None:
        if not checked:
            return
        if button_id == DONT_KNOW_ID:
            choice = DONT_KNOW
        elif button_id == NOT_APPLICABLE_ID:
            choice = NOT_APPLICABLE
        elif button_id == RATHER_NOT_ID:
            choice = RATHER_NOT
        else:
            choice = self.session.questionnaire.levels_for(self.question_id)[button_id].id
        if self.is_group:
            self.session.set_agreed(self.question_id, choice)
            self._show_group(self.question_id)
            return
        self.session.set_choice(self.question_id, choice)
        self.clear.setEnabled(True)
        self.extras.refresh_check()  # choosing is checking
        self._name_answers()
        self.extras.refresh_time()

    @Slot()
    def _clear(self) -> None:
        if self.is_group:
            self.session.set_agreed(self.question_id, None)
            self._show_group(self.question_id, _("The agreed level is cleared. "))
        else:
            self.session.set_choice(self.question_id, None)
            self._check(None, False)
            self.extras.refresh_check()
            self.extras.refresh_time()
        self.focus_answer()

    def _name_answers(self) -> None:
        """What is heard as the focus enters the answers; "please check" too, while it stands."""
        question = self.session.questionnaire.question(self.question_id)
        checking = question_extras.check_words(self.session, self.question_id)
        if question is not None:
            name = answers_name(self.where.text(), question.prompt, f"{self._about} {checking}")
            self.answers.setAccessibleName(name)

    @Slot()
    def _checked(self) -> None:
        """A carried-over answer was confirmed: heard without "please check", and focused."""
        self._name_answers()
        self.focus_answer()

    @Slot()
    def _open_support(self) -> None:
        from coprod_check.gui.support_dialog import SupportDialog

        SupportDialog.ask(self, self.session.questionnaire)

    def _toggle_why(self, shown: bool, focus: bool = True) -> None:
        self.why.setVisible(shown)
        self.why_button.setText(_("Hide &why this matters") if shown else _("&Why this matters"))
        if shown and focus:
            # Once the text is shown to screen readers too: focused at once, Orca says nothing.
            QTimer.singleShot(0, lambda: self.why.setFocus(Qt.FocusReason.OtherFocusReason))
