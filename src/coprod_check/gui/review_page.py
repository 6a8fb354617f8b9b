"""Last time's plan: each action agreed in the previous round, and how it went.

Shown in a later round, before the questions. Each action gets an outcome (not
reviewed yet, done, partly done, not done, dropped) and a note; both go to the
session and are saved with the assessment like an answer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QWidget

from coprod_check.app import session as s
from coprod_check.domain.assessment import PreviousAction
from coprod_check.domain.plan import GROUP_TITLES
from coprod_check.domain.rounds import REVIEW_TITLES
from coprod_check.domain.wording import long_date
from coprod_check.gui.reading import reading_order
from coprod_check.gui.voices import reviewed_words
from coprod_check.gui.widgets import form_label, heading, plain_text_edit, readable, scrolled_column, text_label
from coprod_check.i18n import _


def readable_text(text: str) -> QLabel:
    """A paragraph read by Tab."""
    return readable(text_label(text))


NOT_REVIEWED = _("Not reviewed yet")


def details(action: PreviousAction) -> str:
    """Owner, due date, status last time and timescale, in words."""
    when = (
        _("Priority: do these first")
        if action.group == "critical"
        else _("When: {timescale}").format(timescale=GROUP_TITLES.get(action.group, action.group))
    )
    return _("Owner: {value}. Due: {long_date}. Status last time: {status}. {when}.").format(
        value=action.owner or _("none named"),
        long_date=long_date(action.due, _("no date set")),
        status=s.STATUS_LABELS.get(action.status, action.status),
        when=when,
    )


class ReviewRow(QFrame):
    """One action from last time: what it was, and the outcome and note now."""

    def __init__(self, session: s.Session, action: PreviousAction):
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.session = session
        self.action_id = action.id
        review = session.review(action.id)
        grid = QGridLayout(self)
        grid.addWidget(heading(action.title, 3, selectable=True), 0, 0, 1, 2)
        self.details = readable(text_label(details(action)))
        grid.addWidget(self.details, 1, 0, 1, 2)
        self.outcome = QComboBox()
        self.outcome.addItem(NOT_REVIEWED, "")
        for key, title in REVIEW_TITLES.items():
            self.outcome.addItem(title, key)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(review.outcome or "")))
        self.outcome.setAccessibleName(_("How did it go: {title}").format(title=action.title))
        self.note = plain_text_edit(lines=2)
        self.note.setPlainText(review.note)
        self.note.setAccessibleName(_("Note on how it went: {title}").format(title=action.title))
        grid.addWidget(form_label(_("How did it go?"), self.outcome, wrap=False), 2, 0)
        grid.addWidget(self.outcome, 3, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(form_label(_("Note (what happened, what is left):"), self.note), 2, 1)
        grid.addWidget(self.note, 3, 1)
        grid.setColumnStretch(1, 1)
        self.outcome.currentIndexChanged.connect(
            lambda _: session.set_review(self.action_id, outcome=self.outcome.currentData())
        )
        self.note.textChanged.connect(lambda: session.set_review(self.action_id, note=self.note.toPlainText()))


class ReviewPage(QWidget):
    """Every action of last time's plan, each with its review."""

    def __init__(self, session: s.Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.scroller, layout = scrolled_column(self)
        layout.addWidget(heading(_("Last time\u2019s plan"), 1))
        previous = session.assessment.previous
        actions = previous.actions if previous is not None else []
        when = long_date(previous.date, "") if previous is not None else ""
        layout.addWidget(
            readable_text(
                (
                    _(
                        "These are the actions agreed last time ({when}). For each one, say how it "
                        "went: done, partly done, not done or dropped, with a note if you like. Your review is "
                        "saved with this assessment and printed in the PDF."
                    )
                    if when
                    else _(
                        "These are the actions agreed last time. For each one, say how it "
                        "went: done, partly done, not done or dropped, with a note if you like. Your review is "
                        "saved with this assessment and printed in the PDF."
                    )
                ).format(when=when)
                if actions
                else _("Last time\u2019s plan had no actions to review.")
            )
        )
        self.summary = readable(text_label())
        layout.addWidget(self.summary)
        self.rows = [ReviewRow(session, action) for action in actions]
        for row in self.rows:
            layout.addWidget(row)
        layout.addStretch(1)
        self._show_summary("")
        session.subscribe(self._show_summary)

    def detach(self) -> None:
        """Stop listening to the session (before the page is thrown away)."""
        self.session.unsubscribe(self._show_summary)

    def _show_summary(self, kind: str) -> None:
        if kind in ("", s.REVIEW):
            self.summary.setText(reviewed_words(self.session.assessment) if self.rows else "")

    def tab_sequence(self) -> list[QWidget]:
        """The page's inputs in tab order."""
        return reading_order(self.scroller.widget())

    def enter(self, page: str) -> None:
        """Nothing to work out: the page follows the session as it changes."""

    def focus_first(self) -> None:
        """Focus the first action not reviewed yet (or the first action)."""
        if not self.rows:
            return
        waiting = [r for r in self.rows if not self.session.review(r.action_id).outcome]
        (waiting or self.rows)[0].outcome.setFocus(Qt.FocusReason.OtherFocusReason)
