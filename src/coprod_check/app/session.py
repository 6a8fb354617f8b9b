"""The layer between the widgets and the domain: one open assessment.

No Qt here, so tests can drive it directly. Every change goes through a
method, which counts it (the autosave compares `revision` with
`saved_revision`) and tells listeners what kind of thing changed (a `Change`,
app/change.py).

A group assessment (several people's responses combined) is scored, planned and
counted as its group view: the level the group agreed for a question, or else
the median of everyone's answers. Its own answers hold only the group's notes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.app.change import (  # noqa: F401 (re-exported for the pages)
    ABOUT,
    CHOICE,
    OPENED,
    PEOPLE,
    PLAN,
    PLAN_TEXT,
    REVIEW,
    TEXT,
    Change,
)
from coprod_check.app.group_views import GroupViews
from coprod_check.app.navigation import PageNavigation
from coprod_check.app.pages import (  # noqa: F401 (re-exported for the pages)
    ABOUT_PAGE,
    PLAN_PAGE,
    QUESTION_PREFIX,
    RESULTS_PAGE,
    REVIEW_PAGE,
    page_question,
    question_page,
)
from coprod_check.app.plan_editing import (  # noqa: F401 (re-exported for the pages)
    EDIT_FIELDS,
    STATUS_LABELS,
    TEXT_FIELDS,
    PlanEditing,
)
from coprod_check.app.restore import RestoreFile
from coprod_check.app.saving import (  # noqa: F401 (re-exported for the window)
    DiskIdentity,
    SaveOutcome,
    SaveSnapshot,
    Saving,
    disk_identity,
    problem_sentence,
)
from coprod_check.app.status import (  # noqa: F401 (re-exported for the pages)
    ANSWERED,
    NOT_APPLICABLE_STATUS,
    STATUS_WORDS,
    UNANSWERED,
    UNKNOWN,
    Status,
)
from coprod_check.app.undoing import Undoing
from coprod_check.domain.assessment import (
    PURPOSES,
    REVIEW_OUTCOMES,
    Agreement,
    Answer,
    Assessment,
    BoardFields,
    Check,
    Participant,
    Review,
    is_answer_choice,
)
from coprod_check.domain.group import evaluate, group_view
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE, RATHER_NOT, Domain, Questionnaire
from coprod_check.domain.scoring import Result
from coprod_check.domain.textcheck import savable_text
from coprod_check.domain.update import UpdateReport, check_update
from coprod_check.i18n import _

if TYPE_CHECKING:
    from coprod_check.app.history import History


LIVED_EXPERIENCE_WORDS = {"yes": _("Yes"), "no": _("No"), "prefer-not-to-say": _("Prefer not to say")}


class Session(PageNavigation, PlanEditing, Saving, Undoing, GroupViews):
    """One open assessment and its questionnaire, with the file it lives in (if any)."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        assessment: Assessment,
        path: Path | None,
        restore_file: RestoreFile,
        update: UpdateReport | None = None,
        on_disk: DiskIdentity | None = None,
        history: History | None = None,
    ):
        """`on_disk` is the file's identity when it was read (see `disk_identity`); without it,
        the file as it is now is taken to be the one the assessment came from. `history`
        keeps earlier versions of the file (none are kept without it)."""
        self.questionnaire = questionnaire
        self.assessment = assessment
        self.path = path
        # What the file looked like when this session last read or wrote it: a save finding
        # anything else leaves the file alone, so another window's work is never overwritten.
        self.on_disk = on_disk if on_disk is not None or path is None else disk_identity(path)
        self.conflict = False
        self.missing = False  # the conflict is that the file is gone
        self.history = history
        self._kept_opened = False
        self.restore_file = restore_file
        self.update = update or check_update(questionnaire, assessment)
        self.reworded = set(self.update.reworded)
        self.revision = 0
        self.saved_revision = 0
        self.last_save: SaveOutcome | None = None
        self._listeners: list[Callable[[Change], None]] = []
        self._cache: dict[str, object] = {}  # emptied by every change
        self._gaps = None  # see GroupViews.lived_experience_gaps
        self._set_aside: dict[str, str] = {}  # reasons of agreements cleared, back if agreed again

    # -- change notification -------------------------------------------------

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        """Call `listener(kind)` after every change."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[Change], None]) -> None:
        """Stop calling `listener`."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def changed(self, kind: Change) -> None:
        """Record a change of this kind and tell the listeners."""
        self.revision += 1
        self._cache.clear()
        for listener in list(self._listeners):
            listener(kind)

    @property
    def unsaved(self) -> bool:
        """True while some change is not yet on disk."""
        return self.revision != self.saved_revision

    # -- saving ----------------------------------------------------------------

    def is_blank(self) -> bool:
        """True when nothing has been entered that would be worth restoring."""
        a = self.assessment
        return not (
            a.organisation
            or a.team
            or a.participants
            or a.plan.edits
            or a.plan.custom
            or a.responses
            or a.previous
            or any(not ans.is_empty() for ans in a.answers.values())
        )

    @property
    def is_group(self) -> bool:
        """True when the assessment combines several people's own responses."""
        return self.assessment.is_group

    @property
    def min_group_size(self) -> int:
        """The smallest group whose figures are ever shown."""
        return self.assessment.min_group_size

    def view(self) -> Assessment:
        """The assessment as scoring and planning see it (a group's agreed or median levels)."""
        if not self.is_group:
            return self.assessment
        if "view" not in self._cache:
            self._cache["view"] = group_view(self.questionnaire, self.assessment)
        return self._cache["view"]  # type: ignore[return-value]

    def display_name(self) -> str:
        """The file name, or a description of unnamed work."""
        return self.path.name if self.path else _("Untitled assessment")

    # -- about this assessment -----------------------------------------------

    def set_about(self, field: str, value: str) -> None:
        """Set "organisation", "team" or "date" (an ISO date or "")."""
        if field not in ("organisation", "team", "date"):
            raise ValueError(field)
        value = savable_text(value)  # every text is checked where it enters (see domain/textcheck.py)
        if getattr(self.assessment, field) != value:
            setattr(self.assessment, field, value)
            self.changed(ABOUT)

    def set_board_fields(self, fields: BoardFields) -> None:
        """Remember the board paper's cover-sheet fields with the assessment (a change, saved
        like any other). Texts are checked where they enter; a date that is not one is kept out."""
        from coprod_check.domain.fieldreader import is_iso_date

        clean = BoardFields(
            meeting=savable_text(" ".join(fields.meeting.split())),
            meeting_date=fields.meeting_date if is_iso_date(fields.meeting_date) else "",
            purpose=fields.purpose if fields.purpose in PURPOSES else None,
            executive_lead=savable_text(" ".join(fields.executive_lead.split())),
            author=savable_text(" ".join(fields.author.split())),
        )
        if clean != self.assessment.board:
            self.assessment.board = clean
            self.changed(ABOUT)

    def add_participant(self) -> int:
        """Add a person and return their index.

        Their role starts as "other" where the questionnaire has it, so nothing is presumed
        about them (least of all lived experience) until someone says.
        """
        perspectives = self.questionnaire.perspectives
        role = next((x.id for x in perspectives if x.id == "other"), perspectives[-1].id)
        self.assessment.participants.append(Participant(role=role, lived_experience="prefer-not-to-say"))
        self.changed(PEOPLE)
        return len(self.assessment.participants) - 1

    def remove_participant(self, index: int) -> None:
        """Remove the person at `index`."""
        del self.assessment.participants[index]
        self.changed(PEOPLE)

    def set_participant(self, index: int, field: str, value: str) -> None:
        """Set "name", "role" or "lived_experience" of the person at `index`."""
        if field not in ("name", "role", "lived_experience"):
            raise ValueError(field)
        value = savable_text(value)
        person = self.assessment.participants[index]
        if getattr(person, field) != value:
            setattr(person, field, value)
            self.changed(PEOPLE if field == "lived_experience" else ABOUT)

    def nobody_with_lived_experience(self) -> bool:
        """True when people are listed and none of them said yes to lived experience."""
        people = self.assessment.participants
        return bool(people) and not any(p.lived_experience == "yes" for p in people)

    # -- answers ---------------------------------------------------------------

    def answer(self, question_id: str) -> Answer:
        """The answer to a question (an empty one if there is none yet)."""
        return self.assessment.answer(question_id)

    def _answer_for_edit(self, question_id: str) -> Answer:
        answer = self.assessment.answers.get(question_id)
        if answer is None:
            answer = self.assessment.answers[question_id] = Answer()
        return answer

    def set_choice(self, question_id: str, choice: str | None) -> None:
        """Choose a level id, DONT_KNOW, NOT_APPLICABLE, or None to clear the answer."""
        if choice is not None and not is_answer_choice(choice, self.questionnaire, question_id):
            raise ValueError(
                _("{choice!r} is not an answer to {question_id!r}").format(choice=choice, question_id=question_id)
            )
        with self._undoable("answer", self.question_name(question_id), "answer", question_id):
            answer = self._answer_for_edit(question_id)
            if answer.choice != choice or answer.check is not None:
                answer.choice = choice
                answer.check = None  # choosing is checking: "please check" is done
                self.changed(CHOICE)

    def to_check(self, question_id: str) -> Check | None:
        """Where an answer carried over from an earlier version came from, while it waits to be
        checked ("please check"); None when there is nothing to check."""
        from coprod_check.domain.carry import to_check

        return to_check(self.assessment, question_id)

    def confirm_check(self, question_id: str) -> None:
        """The person has checked a carried-over answer and it stands: clear "please check" (undoable,
        as an answer is)."""
        from coprod_check.domain.carry import confirm

        with self._undoable("answer", self.question_name(question_id), "answer", question_id):
            if confirm(self.assessment, question_id):
                self.changed(CHOICE)

    def set_answer_text(self, question_id: str, field: str, value: str) -> None:
        """Set the "note" or "evidence" of an answer."""
        if field not in ("note", "evidence"):
            raise ValueError(field)
        value = savable_text(value)
        with self._undoable(field, self.question_name(question_id), "answer", question_id, field + question_id):
            answer = self._answer_for_edit(question_id)
            if getattr(answer, field) != value:
                setattr(answer, field, value)
                self.changed(TEXT)

    def set_note_private(self, question_id: str, private: bool) -> None:
        """Keep the note out of the printed plan (it stays in the file)."""
        with self._undoable("private", self.question_name(question_id), "answer", question_id):
            answer = self._answer_for_edit(question_id)
            if answer.note_private != private:
                answer.note_private = private
                self.changed(TEXT)

    def scored_choice(self, question_id: str) -> str | None:
        """The answer scoring uses: the person's own, or for a group its agreed or median level."""
        return self.view().answer(question_id).choice

    def status(self, question_id: str) -> Status:
        """ANSWERED, UNKNOWN, NOT_APPLICABLE_STATUS or UNANSWERED, counted as scoring counts."""
        choice = self.scored_choice(question_id)
        if choice is None or not is_answer_choice(choice, self.questionnaire, question_id):
            return UNANSWERED
        if choice == DONT_KNOW:
            return UNKNOWN
        if choice == NOT_APPLICABLE:
            return NOT_APPLICABLE_STATUS
        if choice == RATHER_NOT:
            return Status.RATHER_NOT
        return ANSWERED

    def domain_progress(self, domain: Domain) -> tuple[int, int]:
        """(answered, total) for one domain; don't know and not applicable count as answered."""
        done = sum(1 for q in domain.questions if self.status(q.id) != UNANSWERED)
        return done, len(domain.questions)

    def progress(self) -> tuple[int, int]:
        """(answered, total) for the whole questionnaire."""
        pairs = [self.domain_progress(d) for d in self.questionnaire.domains]
        return sum(p[0] for p in pairs), sum(p[1] for p in pairs)

    # -- a group's answers ----------------------------------------------------------

    def set_agreed(self, question_id: str, level: str | None) -> None:
        """Record the level the group agreed (a level id), or None to go back to the median."""
        if level is not None and self.questionnaire.level_index(level, question_id) < 0:
            raise ValueError(_("{level!r} is not a level").format(level=level))
        if self.questionnaire.question(question_id) is None:
            raise ValueError(_("{question_id!r} is not a question").format(question_id=question_id))
        with self._undoable("agreed", self.question_name(question_id), "answer", question_id):
            self._agree(question_id, level)

    def _agree(self, question_id: str, level: str | None) -> None:
        agreed = self.assessment.agreed
        current = agreed.get(question_id)
        if level is None:
            if current is None:
                return
            if current.reason:
                self._set_aside[question_id] = current.reason
            del agreed[question_id]
        elif current is None:
            agreed[question_id] = Agreement(level, self._set_aside.pop(question_id, ""))
        elif current.level != level:
            current.level = level
        else:
            return
        self.changed(CHOICE)

    def agreed_reason(self, question_id: str) -> str:
        """Why the group agreed its level (a reason set aside when the level was cleared, too)."""
        current = self.assessment.agreed.get(question_id)
        return current.reason if current is not None else self._set_aside.get(question_id, "")

    def set_agreed_reason(self, question_id: str, reason: str) -> None:
        """Say why the group agreed the level it did (kept once a level is agreed)."""
        reason = savable_text(reason)
        current = self.assessment.agreed.get(question_id)
        if current is None:
            self._set_aside[question_id] = reason
            return
        with self._undoable("reason", self.question_name(question_id), "answer", question_id, "reason" + question_id):
            if current.reason != reason:
                current.reason = reason
                self.changed(TEXT)

    # -- last time's plan --------------------------------------------------------------

    def review(self, action_id: str) -> Review:
        """How an action from last time went, as recorded so far."""
        return self.assessment.reviews.get(action_id) or Review()

    def set_review(self, action_id: str, outcome: str | None = None, note: str | None = None) -> None:
        """Record the outcome (one of REVIEW_OUTCOMES, or None for not reviewed yet) and/or the note."""
        previous = self.assessment.previous
        if previous is None or all(a.id != action_id for a in previous.actions):
            raise ValueError(_("{action_id!r} is not an action from last time").format(action_id=action_id))
        review = self.review(action_id)
        note = None if note is None else savable_text(note)
        new = Review(review.outcome if outcome is None else outcome or None, review.note if note is None else note)
        if new.outcome is not None and new.outcome not in REVIEW_OUTCOMES:
            raise ValueError(new.outcome)
        if new != review:
            self.assessment.reviews[action_id] = new
            self.changed(REVIEW)

    # -- results ---------------------------------------------------------------

    def result(self) -> Result:
        """The scores of the answers as they are now."""
        if "result" not in self._cache:
            self._cache["result"] = evaluate(self.questionnaire, self.assessment)
        return self._cache["result"]  # type: ignore[return-value]

    # -- the action plan ---------------------------------------------------------
