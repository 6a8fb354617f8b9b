"""The layer between the widgets and the domain: one open assessment.

No Qt here, so tests can drive it directly. Every change goes through a
method, which counts it (the autosave compares `revision` with
`saved_revision`) and tells listeners what kind of thing changed: ABOUT,
PEOPLE, CHOICE, TEXT, PLAN, PLAN_TEXT or REVIEW.

A group assessment (several people's responses combined) is scored, planned and
counted as its group view: the level the group agreed for a question, or else
the median of everyone's answers. Its own answers hold only the group's notes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.app import store
from coprod_check.app.pages import (  # noqa: F401 (re-exported for the pages)
    ABOUT_PAGE,
    PLAN_PAGE,
    QUESTION_PREFIX,
    RESULTS_PAGE,
    REVIEW_PAGE,
    page_question,
    question_page,
)
from coprod_check.app.restore import RestoreFile
from coprod_check.domain.assessment import (
    MAX_OWN_ACTIONS,
    REVIEW_OUTCOMES,
    ActionEdit,
    Agreement,
    Answer,
    Assessment,
    CustomAction,
    Participant,
    Review,
    Suggestion,
    is_answer_choice,
)
from coprod_check.domain.errors import AssessmentError
from coprod_check.domain.group import QuestionSpread, evaluate, group_view, spread
from coprod_check.domain.plan import GROUP_TITLES, PlannedAction, build_plan, carried_edit, derive_actions
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE, Domain, Questionnaire
from coprod_check.domain.scoring import Result, held_levels
from coprod_check.domain.textcheck import savable_text
from coprod_check.domain.update import UpdateReport, check_update

if TYPE_CHECKING:
    from coprod_check.app.history import History

ABOUT, PEOPLE, CHOICE, TEXT, PLAN, PLAN_TEXT = "about", "people", "choice", "text", "plan", "plan-text"
REVIEW = "review"

ANSWERED, UNKNOWN, NOT_APPLICABLE_STATUS, UNANSWERED = "answered", "dont-know", "not-applicable", "unanswered"
STATUS_WORDS = {
    ANSWERED: "Answered",
    UNKNOWN: "Don't know",
    NOT_APPLICABLE_STATUS: "Not applicable",
    UNANSWERED: "Not answered yet",
}
LIVED_EXPERIENCE_WORDS = {"yes": "Yes", "no": "No", "prefer-not-to-say": "Prefer not to say"}
STATUS_LABELS = {"not-started": "Not started", "in-progress": "In progress", "done": "Done"}
TEXT_FIELDS = ("title", "why", "how", "owner")
EDIT_FIELDS = ("accepted", *TEXT_FIELDS, "due", "status", "timescale", "critical")  # all but `suggested`


class SaveOutcome:
    """What the last save did, in words a person can read."""

    def __init__(self, safe: bool, in_file: bool, message: str = "", conflict: bool = False):
        self.safe = safe  # the work is on disk somewhere
        self.in_file = in_file  # ...and in the file the user chose
        self.message = message  # a whole sentence (or two) saying what went wrong, or ""
        self.conflict = conflict  # the file was changed, moved or deleted elsewhere, so it was left alone


DiskIdentity = tuple[int, int]  # (st_mtime_ns, st_size) of a file as this session last knew it


def disk_identity(path: Path) -> DiskIdentity | None:
    """The file's modification time and size, or None when it is missing or cannot be looked at."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):  # ValueError: a name no file can have
        return None
    return found.st_mtime_ns, found.st_size


def conflict_words(name: str) -> str:
    """What the window says when another window or program changed the file after it was opened."""
    return (f"{name} was changed by another window or program after you opened it here. Nothing has "
            "been overwritten: your work here is kept safe in a restore copy. Use Save As to keep it "
            "as a file of its own.")


def missing_words(name: str) -> str:
    """What the window says when the file was moved, renamed or deleted after it was opened."""
    return (f"{name} is no longer where it was: it was moved, renamed or deleted after you opened it here. "
            "Your work here is kept safe in a restore copy. Use Save As to keep it as a file again.")


def file_problem_words(name: str, problem: str) -> str:
    """The file could not be written, but the restore copy was: `problem` is an AssessmentError's message."""
    prefix = "cannot be saved: "
    reason = problem[len(prefix):] if problem.startswith(prefix) else problem
    return (f"{name} could not be saved ({reason}). Your work is kept safe in a restore copy: "
            "use Save As to save it somewhere else.")


def problem_sentence(message: str) -> str:
    """An AssessmentError's message as a sentence about the file: "It is empty", or, when the
    message starts with the field it is about, "Its field “team” holds ..."."""
    where, colon, rest = message.partition(": ")
    if colon and where and " " not in where:
        return f"Its field \u201c{where}\u201d {rest}"
    return f"It {message}"


def nowhere_words(problem: str) -> str:
    """Nothing could be written at all: `problem` says why."""
    return (f"Your latest changes could not be saved, not even in a restore copy ({problem}). "
            "Trying again every few seconds. Please keep this window open.")


class Session:
    """One open assessment and its questionnaire, with the file it lives in (if any)."""

    def __init__(self, questionnaire: Questionnaire, assessment: Assessment, path: Path | None,
                 restore_file: RestoreFile, update: UpdateReport | None = None,
                 on_disk: DiskIdentity | None = None, history: History | None = None):
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
        self._listeners: list[Callable[[str], None]] = []
        self._cache: dict[str, object] = {}
        self._set_aside: dict[str, str] = {}  # reasons of agreements cleared, back if agreed again

    # -- change notification -------------------------------------------------

    def subscribe(self, listener: Callable[[str], None]) -> None:
        """Call `listener(kind)` after every change."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[str], None]) -> None:
        """Stop calling `listener`."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def changed(self, kind: str) -> None:
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

    def save(self) -> SaveOutcome:
        """Save now: to the file if there is one, else (or if that fails) to the restore file.

        The file is written only while it is as this session last read or wrote it. Once
        another window or program has changed it (or moved it away), every save goes to the
        restore file until Save As gives the work a file of its own. Nothing raises: any
        failure, for any reason, leaves the work in the restore copy if that can be written,
        and says so in the outcome.
        """
        revision = self.revision
        file_problem = ""
        if self.path is not None and not self.conflict:
            self.conflict = self._changed_elsewhere(self.path)
            self.missing = self.conflict and disk_identity(self.path) is None
        if self.path is not None and not self.conflict:
            try:
                self._write_file(self.path)
            except AssessmentError as exc:
                file_problem = exc.message
            except Exception as exc:  # noqa: BLE001 (a save must never end in a traceback)
                file_problem = f"cannot be saved: {type(exc).__name__}: {exc}"
            else:
                self.restore_file.discard()
                self.saved_revision = revision
                self.last_save = SaveOutcome(True, True)
                return self.last_save
        try:
            # A conflict's restore copy is not meant for the file: restoring it must not overwrite
            # the other window's work, so it comes back untitled, for Save As.
            self.restore_file.write(self.assessment, None if self.conflict else self.path)
        except AssessmentError as exc:
            self.last_save = SaveOutcome(False, False, nowhere_words(f"{Path(exc.source).name} {exc.message}"))
            return self.last_save
        except Exception as exc:  # noqa: BLE001
            self.last_save = SaveOutcome(False, False, nowhere_words(f"{type(exc).__name__}: {exc}"))
            return self.last_save
        self.saved_revision = revision
        if self.conflict and self.path is not None:
            words = missing_words if self.missing else conflict_words
            self.last_save = SaveOutcome(True, False, words(self.path.name), conflict=True)
            return self.last_save
        message = file_problem_words(self.path.name, file_problem) if file_problem and self.path else ""
        self.last_save = SaveOutcome(True, False, message)
        return self.last_save

    def _write_file(self, path: Path) -> None:
        """Write the assessment to its file, keeping an earlier version in the history first."""
        data = store.encode(self.assessment, str(path))
        if self.history is not None and not self._kept_opened and self.on_disk is not None:
            # The file as it was opened, before this session changed it: the last version
            # of the session before, to go back to after a mistake.
            with contextlib.suppress(AssessmentError):
                self.history.keep(path, store.read_bytes(path), force=True)
            self._kept_opened = True
        store.write_atomic(path, data)
        self.on_disk = disk_identity(path)
        if self.history is not None:
            self.history.keep(path, data)

    def _changed_elsewhere(self, path: Path) -> bool:
        """Whether the file is no longer as this session last read or wrote it (one stat)."""
        now = disk_identity(path)
        if now == self.on_disk:
            return False
        # A missing folder is a drive taken away, not a file changed: saving fails for now and
        # the work waits in the restore copy until the drive (and the same file) comes back.
        return not (now is None and not path.parent.is_dir())

    def save_as(self, path: Path) -> None:
        """Save to a new file and keep working in it; raise AssessmentError if it cannot be written."""
        revision = self.revision
        store.save(path, self.assessment)
        self.path = path
        self.on_disk = disk_identity(path)
        self._kept_opened = True  # a new file has no earlier version to keep
        if self.history is not None:
            with contextlib.suppress(AssessmentError):
                self.history.keep(path, store.read_bytes(path), force=True)
        self.conflict = self.missing = False
        self.restore_file.discard()
        self.saved_revision = revision
        self.last_save = SaveOutcome(True, True)

    def is_blank(self) -> bool:
        """True when nothing has been entered that would be worth restoring."""
        a = self.assessment
        return not (a.organisation or a.team or a.participants or a.plan.edits or a.plan.custom
                    or a.responses or a.previous
                    or any(not ans.is_empty() for ans in a.answers.values()))

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
        return self.path.name if self.path else "Untitled assessment"

    # -- about this assessment -----------------------------------------------

    def set_about(self, field: str, value: str) -> None:
        """Set "organisation", "team" or "date" (an ISO date or "")."""
        if field not in ("organisation", "team", "date"):
            raise ValueError(field)
        value = savable_text(value)  # every text is checked where it enters (see domain/textcheck.py)
        if getattr(self.assessment, field) != value:
            setattr(self.assessment, field, value)
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
            raise ValueError(f"{choice!r} is not an answer to {question_id!r}")
        answer = self._answer_for_edit(question_id)
        if answer.choice != choice:
            answer.choice = choice
            self.changed(CHOICE)

    def set_answer_text(self, question_id: str, field: str, value: str) -> None:
        """Set the "note" or "evidence" of an answer."""
        if field not in ("note", "evidence"):
            raise ValueError(field)
        value = savable_text(value)
        answer = self._answer_for_edit(question_id)
        if getattr(answer, field) != value:
            setattr(answer, field, value)
            self.changed(TEXT)

    def set_note_private(self, question_id: str, private: bool) -> None:
        """Keep the note out of the printed plan (it stays in the file)."""
        answer = self._answer_for_edit(question_id)
        if answer.note_private != private:
            answer.note_private = private
            self.changed(TEXT)

    def scored_choice(self, question_id: str) -> str | None:
        """The answer scoring uses: the person's own, or for a group its agreed or median level."""
        return self.view().answer(question_id).choice

    def status(self, question_id: str) -> str:
        """ANSWERED, UNKNOWN, NOT_APPLICABLE_STATUS or UNANSWERED, counted as scoring counts."""
        choice = self.scored_choice(question_id)
        if choice is None or not is_answer_choice(choice, self.questionnaire, question_id):
            return UNANSWERED
        if choice == DONT_KNOW:
            return UNKNOWN
        if choice == NOT_APPLICABLE:
            return NOT_APPLICABLE_STATUS
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

    def spread(self, question_id: str) -> QuestionSpread:
        """How the group answered a question; its figures are hidden when too few answered."""
        key = "spread:" + question_id
        if key not in self._cache:
            self._cache[key] = spread(self.questionnaire, self.assessment, question_id)
        return self._cache[key]  # type: ignore[return-value]

    def set_agreed(self, question_id: str, level: str | None) -> None:
        """Record the level the group agreed (a level id), or None to go back to the median."""
        if level is not None and self.questionnaire.level_index(level, question_id) < 0:
            raise ValueError(f"{level!r} is not a level")
        if self.questionnaire.question(question_id) is None:
            raise ValueError(f"{question_id!r} is not a question")
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
        elif current.reason != reason:
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
            raise ValueError(f"{action_id!r} is not an action from last time")
        review = self.review(action_id)
        note = None if note is None else savable_text(note)
        new = Review(review.outcome if outcome is None else outcome or None,
                     review.note if note is None else note)
        if new.outcome is not None and new.outcome not in REVIEW_OUTCOMES:
            raise ValueError(new.outcome)
        if new != review:
            self.assessment.reviews[action_id] = new
            self.changed(REVIEW)

    # -- pages -----------------------------------------------------------------

    def pages(self) -> list[str]:
        """Every page in order: about, last time's plan (in a later round), each question, results, plan."""
        previous = self.assessment.previous
        review = [REVIEW_PAGE] if previous is not None and previous.actions else []
        return [ABOUT_PAGE, *review, *(question_page(q.id) for q in self.questionnaire.questions()),
                RESULTS_PAGE, PLAN_PAGE]

    def first_page(self) -> str:
        """Where an opened assessment starts: last time's plan while it waits for review and nothing
        is answered yet; else the first unanswered question (the About page before the first)."""
        a = self.assessment
        if a.previous is not None and a.previous.actions and not any(
                self.status(q.id) != UNANSWERED for q in self.questionnaire.questions()) \
                and any(not self.review(x.id).outcome for x in a.previous.actions):
            return REVIEW_PAGE
        first = self.next_unanswered() or RESULTS_PAGE
        questions = list(self.questionnaire.questions())
        return ABOUT_PAGE if questions and first == question_page(questions[0].id) else first

    def neighbour(self, page: str, step: int) -> str | None:
        """The page `step` places after (or before) `page`, or None at either end."""
        pages = self.pages()
        index = pages.index(page) + step if page in pages else 0
        return pages[index] if 0 <= index < len(pages) else None

    def next_unanswered(self, after: str | None = None) -> str | None:
        """The first unanswered question after page `after`, wrapping round; None when all are done."""
        ids = [q.id for q in self.questionnaire.questions()]
        current = page_question(after or "")
        start = ids.index(current) + 1 if current in ids else 0
        for qid in ids[start:] + ids[:start]:
            if self.status(qid) == UNANSWERED:
                return question_page(qid)
        return None

    def position(self, question_id: str) -> tuple[Domain, int]:
        """The question's domain and its 1-based place in it."""
        question = self.questionnaire.question(question_id)
        if question is None:
            raise KeyError(question_id)
        domain = self.questionnaire.domain(question.domain_id)
        assert domain is not None
        return domain, [q.id for q in domain.questions].index(question_id) + 1

    # -- results ---------------------------------------------------------------

    def result(self) -> Result:
        """The scores of the answers as they are now."""
        if "result" not in self._cache:
            self._cache["result"] = evaluate(self.questionnaire, self.assessment)
        return self._cache["result"]  # type: ignore[return-value]

    # -- the action plan ---------------------------------------------------------

    def plan(self) -> list[PlannedAction]:
        """Every action, in the user's order, with their edits (dropped ones included)."""
        if "plan" not in self._cache:
            self._cache["plan"] = build_plan(self.questionnaire, self.view(), self._partly_known(),
                                             held_levels(self.result()))
        return self._cache["plan"]  # type: ignore[return-value]

    def _partly_known(self) -> frozenset[str]:
        """A group's "don't know" questions on which someone did give a level (see plan.py)."""
        if not self.is_group:
            return frozenset()
        return frozenset(q.id for q in self.questionnaire.questions()
                         if (found := self.spread(q.id)).group_choice == DONT_KNOW and found.levels)

    def action(self, action_id: str) -> PlannedAction | None:
        """The action with this id as the user sees it."""
        return next((a for a in self.plan() if a.id == action_id), None)

    def suggested(self, action_id: str) -> PlannedAction | None:
        """The derived action before the user's edits (None for own actions, and for those the
        answers no longer call for: closed, or waiting for a "don't know" to be found out)."""
        if "derived" not in self._cache:
            self._cache["derived"] = {a.id: a for a in derive_actions(
                self.questionnaire, self.view(), self._partly_known(), held_levels(self.result()))}
        return self._cache["derived"].get(action_id)  # type: ignore[attr-defined,no-any-return]

    def _custom(self, action_id: str) -> CustomAction | None:
        return next((c for c in self.assessment.plan.custom if c.id == action_id), None)

    def _fallback(self, action_id: str) -> ActionEdit:
        # What the action's edit is without one of its own: carried over from its gap action
        # when the answer became "don't know", or nothing.
        return carried_edit(self.view(), action_id) or ActionEdit()

    def _edit(self, action_id: str) -> ActionEdit:
        edits = self.assessment.plan.edits
        if action_id not in edits:
            edits[action_id] = self._fallback(action_id)
        edit = edits[action_id]
        base = self.suggested(action_id)
        if base is not None:
            # The words as derived now, so the action keeps them if its gap closes.
            edit.suggested = Suggestion(base.title, base.why, base.how, base.owner, base.timescale)
        return edit

    def _tidy(self, action_id: str) -> None:
        # An edit that changes nothing is dropped, so it cannot keep a closed action alive.
        edit = self.assessment.plan.edits.get(action_id)
        if self.suggested(action_id) is None:
            return  # its gap has closed: the edit is all that keeps it listed
        fallback = self._fallback(action_id)
        if edit is not None and all(getattr(edit, f) == getattr(fallback, f) for f in EDIT_FIELDS):
            del self.assessment.plan.edits[action_id]

    def _put(self, action_id: str, field: str, value: object) -> bool:
        custom = self._custom(action_id)
        if custom is not None:
            if getattr(custom, field) == value:
                return False
            setattr(custom, field, value)
            return True
        if field in (*TEXT_FIELDS, "timescale", "critical"):
            base = self.suggested(action_id)
            if base is not None and getattr(base, field) == value:
                value = None
        current = self.assessment.plan.edits.get(action_id) or self._fallback(action_id)
        if getattr(current, field) == value:
            return False
        setattr(self._edit(action_id), field, value)
        self._tidy(action_id)
        return True

    def _set(self, action_id: str, field: str, value: object, kind: str) -> None:
        if self._put(action_id, field, value):
            self.changed(kind)

    def set_accepted(self, action_id: str, accepted: bool) -> None:
        """Keep the action in the plan, or drop it (it stays listed, so it can come back)."""
        self._set(action_id, "accepted", accepted, PLAN)

    def set_action_text(self, action_id: str, field: str, value: str) -> None:
        """Reword the "title", "why", "how" or "owner" of an action."""
        if field not in TEXT_FIELDS:
            raise ValueError(field)
        self._set(action_id, field, savable_text(value), PLAN_TEXT)

    def set_due(self, action_id: str, due: str | None) -> None:
        """Set the due date (ISO) or None."""
        self._set(action_id, "due", due or None, PLAN_TEXT)

    def set_status(self, action_id: str, status: str) -> None:
        """Set "not-started", "in-progress" or "done"."""
        if status not in STATUS_LABELS:
            raise ValueError(status)
        self._set(action_id, "status", status, PLAN_TEXT)

    def set_when(self, action_id: str, group: str) -> None:
        """Move the action to a part of the plan: "critical", "now", "soon" or "later"."""
        if group not in GROUP_TITLES:
            raise ValueError(group)
        moved = self._put(action_id, "critical", group == "critical")
        if group != "critical":
            moved = self._put(action_id, "timescale", group) or moved
        if moved:
            self.changed(PLAN)

    def reset_wording(self, action_id: str) -> None:
        """Go back to the suggested title, why, how and owner."""
        edit = self.assessment.plan.edits.get(action_id) or self._fallback(action_id)
        if all(getattr(edit, f) is None for f in TEXT_FIELDS):
            return
        edit = self._edit(action_id)
        for field in TEXT_FIELDS:
            setattr(edit, field, None)
        self._tidy(action_id)
        self.changed(PLAN)

    def add_own_action(self, title: str = "New action") -> str:
        """Add an action of the user's own, after the others; return its id.

        ValueError when there are MAX_OWN_ACTIONS already (a file could not hold more)."""
        if len(self.assessment.plan.custom) >= MAX_OWN_ACTIONS:
            raise ValueError(f"an assessment holds at most {MAX_OWN_ACTIONS} actions of your own")
        used = {c.id for c in self.assessment.plan.custom}
        number = 1
        while f"own:{number}" in used:
            number += 1
        action_id = f"own:{number}"
        self.assessment.plan.custom.append(CustomAction(
            id=action_id, title=title, why="", how="", owner="", due=None,
            status="not-started", timescale="now", accepted=True))
        self.changed(PLAN)
        return action_id

    def delete_own_action(self, action_id: str) -> None:
        """Delete an action the user added (derived actions can only be dropped)."""
        custom = self._custom(action_id)
        if custom is None:
            raise ValueError(f"{action_id!r} is not one of your own actions")
        self.assessment.plan.custom.remove(custom)
        self.assessment.plan.order = [x for x in self.assessment.plan.order if x != action_id]
        self.changed(PLAN)

    def move_action(self, action_id: str, step: int) -> bool:
        """Move an action up (negative) or down the list; False if it cannot move."""
        ids = [a.id for a in self.plan()]
        index = ids.index(action_id)
        target = index + step
        if not 0 <= target < len(ids):
            return False
        ids.insert(target, ids.pop(index))
        self.assessment.plan.order = ids
        self.changed(PLAN)
        return True

    def question_for(self, action: PlannedAction) -> str:
        """Where an action comes from, in words."""
        if action.kind == "own":
            return "You added this action."
        question = self.questionnaire.question(action.question_id or "")
        if question is None:
            return ""
        choice = self.scored_choice(question.id)
        level = self.questionnaire.level(choice, question) if choice else None
        answer = level.label if level else STATUS_WORDS[self.status(question.id)]
        if not self.is_group:
            return f"From the question \u201c{question.prompt}\u201d (your answer: {answer})."
        words = self.group_level_words(question.id)
        return f"From the question \u201c{question.prompt}\u201d (the group's level, {words})."

    def group_level_words(self, question_id: str) -> str:
        """Where the group's level for a question comes from, and what it is, in a phrase that
        never names a level fewer than min_group_size people gave: "agreed by the group: Asking"."""
        from coprod_check.domain.headline import group_level_words

        return group_level_words(self.questionnaire, self.assessment, question_id)



def read_assessment(path: Path) -> tuple[Assessment, Questionnaire]:
    """Read a file and find its questionnaire; raise AssessmentError in plain words. Never writes."""
    from coprod_check.app import catalogue

    assessment = store.load(path)
    questionnaire = catalogue.find(assessment.questionnaire_id, assessment.questionnaire_version)
    if questionnaire is None:
        raise AssessmentError(str(path), f"answers the questionnaire \u201c{assessment.questionnaire_id}\u201d "
                              f"(version {assessment.questionnaire_version}), which is not installed here. "
                              "If someone sent you this file, ask them for the questionnaire file too and "
                              f"put it in your questionnaires folder: {catalogue.user_questionnaire_dir()}")
    return assessment, questionnaire
