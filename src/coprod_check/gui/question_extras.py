"""What a question page shows besides the question and its answers: care for the people answering
and help to answer well.

* the time left, worked out from the questions not answered yet (about 40 seconds each);
* a content note before a question that may bring up something hard, with the way to support;
* "please check" on an answer carried over from an earlier version, and a button to confirm it;
* "Words used here": the glossary's explanation of each term the question uses, folded away
  until asked for, reachable by keyboard and read in full by a screen reader;
* the evidence hint, "what would show this", beside the evidence box;
* the sources a question draws on, in its "Why this matters" area.

The page (question_page.py) creates one `QuestionExtras`, places its widgets with `place` and
calls `show` for each question; the Tab order follows the page's layout (gui/reading.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from coprod_check.app import session as s
from coprod_check.domain.glossary import terms_in
from coprod_check.domain.questionnaire import Question
from coprod_check.gui.reading import focusable_text
from coprod_check.gui.widgets import NoteBox, text_label
from coprod_check.i18n import _, ngettext

#: The time one question takes, on average: reading the prompt and five short levels, and choosing.
SECONDS_PER_QUESTION = 40


def time_left_words(unanswered: int) -> str:
    """The time left, in words, and what it is based on."""
    if unanswered == 0:
        return _("Every question has an answer.")
    minutes = max(1, round(unanswered * SECONDS_PER_QUESTION / 60))
    left = ngettext("About {minutes} minute left", "About {minutes} minutes left", minutes).format(minutes=minutes)
    basis = ngettext(
        "{count} question is not answered yet, at about {seconds} seconds each.",
        "{count} questions are not answered yet, at about {seconds} seconds each.",
        unanswered,
    ).format(count=unanswered, seconds=SECONDS_PER_QUESTION)
    return _("{left}: {basis}").format(left=left, basis=basis)


def why_text(question: Question) -> str:
    """ "Why this matters", and the frameworks the question draws on."""
    if not question.sources:
        return question.why
    sources = "; ".join(question.sources)
    return _("{why}\n\nDraws on: {sources}.").format(why=question.why, sources=sources.rstrip("."))


def check_words(session: s.Session, question_id: str) -> str:
    """Why an answer carried over from an earlier version should be checked; "" when it need not be."""
    found = session.to_check(question_id)
    if found is None:
        return ""
    if session.is_group:
        return _(
            "Please check: the answers to this question were carried over from version {version} of the "
            "questionnaire, which asked it differently. Look at them again."
        ).format(version=found.version)
    choice = session.answer(question_id).choice
    level = session.questionnaire.level(choice, question_id) if choice else None
    if level is None:
        return _(
            "Please check: this answer was carried over from version {version} of the questionnaire, "
            "which asked this question differently."
        ).format(version=found.version)
    return _(
        "Please check: this answer was carried over from version {version} of the questionnaire, which "
        "asked this question differently, and is now \u201c{level}\u201d. If it still fits, confirm it; "
        "if not, choose another."
    ).format(version=found.version, level=level.label)


class QuestionExtras:
    """The extra widgets of a question page, filled for each question."""

    def __init__(
        self, session: s.Session, parent: QWidget, open_support: Callable[[], None], focus_answer: Callable[[], None]
    ):
        self.session = session
        self.focus_answer = focus_answer
        self.time_left = focusable_text(text_label(parent=parent))

        self.content_note = NoteBox(parent=parent)
        self.content_note.setAccessibleName(_("Before you answer"))
        focusable_text(self.content_note.label)
        self.support_button = QPushButton(_("&Support if this is hard\u2026"), parent)
        self.support_button.setAutoDefault(True)
        self.support_button.setAccessibleDescription(_("Where to get support if a question brings up something hard."))
        self.support_button.clicked.connect(open_support)

        self.check = NoteBox(parent=parent)
        self.check.setAccessibleName(_("Please check this answer"))
        focusable_text(self.check.label)
        self.confirm = QPushButton(_("C&onfirm this answer"), parent)
        self.confirm.setAutoDefault(True)
        self.confirm.setAccessibleDescription(_("The answer still fits: take away \u201cplease check\u201d."))
        self.confirm.clicked.connect(self._confirm)
        self.check.content.addWidget(self.confirm)

        # A push button that shows and hides the words (not a check box to a screen reader); what
        # it shows takes the focus, so it is read at once.
        self.words_button = QPushButton(_("Words &used here"), parent)
        self.words_button.setAutoDefault(True)
        self.words = text_label(parent=parent)
        focusable_text(self.words)
        self.words.setVisible(False)
        self.words_open = False
        self.words_button.clicked.connect(lambda: self._toggle_words(not self.words_open))

        self.evidence_hint = focusable_text(text_label(parent=parent))
        self.question_id = ""

    def place(self, layout: QVBoxLayout, before_prompt: QWidget, after_why: QWidget, before_evidence: QWidget) -> None:
        """Put the widgets in the page's column: the time left and any content note before the
        prompt, "Words used here" after "Why this matters", the hint before the evidence box's label."""
        at = layout.indexOf(before_prompt)
        layout.insertWidget(at, self.content_note)
        layout.insertWidget(at, self.time_left)
        row = QHBoxLayout()
        row.addWidget(self.words_button)
        row.addWidget(self.support_button)
        row.addStretch(1)
        at = layout.indexOf(after_why) + 1
        layout.insertLayout(at, row)
        layout.insertWidget(at + 1, self.words)
        layout.insertWidget(layout.indexOf(before_evidence), self.evidence_hint)

    def place_check(self, layout: QVBoxLayout, before: QWidget) -> None:
        """ "Please check" goes just before the answers it is about."""
        layout.insertWidget(layout.indexOf(before), self.check)

    def show(self, question: Question) -> None:
        """Fill the widgets for this question."""
        self.question_id = question.id
        done, total = self.session.progress()
        self.time_left.setText(time_left_words(total - done))
        note = question.content_note
        support = bool(self._support_available())
        if note and support:
            self.content_note.set_text(
                _("{note} If it brings up something hard, “Support if this is hard” says where to turn.").format(
                    note=note
                )
            )
        else:
            self.content_note.set_text(note)
        self.content_note.label.setAccessibleName(_("Before you answer: {note}").format(note=note) if note else "")
        self.content_note.setVisible(bool(note))
        self.support_button.setVisible(support)
        self.refresh_check()
        terms = terms_in(self.session.questionnaire, question)
        self.words_button.setVisible(bool(terms))
        self.words_button.setAccessibleName(
            ngettext("Words used here: {count} explained", "Words used here: {count} explained", len(terms)).format(
                count=len(terms)
            )
        )
        words = "\n".join(f"{g.term}: {g.meaning}" for g in terms)
        self.words.setText(words)
        self.words.setAccessibleName(_("Words used here: {words}").format(words=words) if terms else "")
        self.words.setVisible(bool(terms) and self.words_open)  # open stays open from question to question
        self.evidence_hint.setText(
            _("What would show this: {hint}").format(hint=question.evidence) if question.evidence else ""
        )
        self.evidence_hint.setVisible(bool(question.evidence))

    def _support_available(self) -> str:
        from coprod_check.app.support import support_text

        return support_text(self.session.questionnaire)

    def refresh_check(self) -> None:
        """Show or hide "please check" (after a choice, which checks it too)."""
        words = check_words(self.session, self.question_id) if self.question_id else ""
        self.check.set_text(words)
        self.check.label.setAccessibleName(words)
        self.check.setVisible(bool(words))

    def refresh_time(self) -> None:
        """The time left, after an answer changed."""
        done, total = self.session.progress()
        self.time_left.setText(time_left_words(total - done))

    def _toggle_words(self, on: bool) -> None:
        self.words_open = on
        self.words.setVisible(on)
        self.words_button.setText(_("Hide the &words used here") if on else _("Words &used here"))
        if on:  # once shown to screen readers too, as "Why this matters" is: focused at once, Orca is silent
            QTimer.singleShot(0, lambda: self.words.setFocus(Qt.FocusReason.OtherFocusReason))

    @Slot()
    def _confirm(self) -> None:
        self.session.confirm_check(self.question_id)
        self.refresh_check()
        self.focus_answer()  # the button is gone: focus goes to the answer it confirmed, not lost
