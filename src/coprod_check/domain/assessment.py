"""An assessment: who took part, their answers, and their edits to the plan.

Stored as JSON (format documented in docs/assessment-format.md, JSON Schema
in coprod_check/schema/assessment.schema.json); `fileformat.py` reads and
writes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt


from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE, RATHER_NOT, Questionnaire
from coprod_check.domain.records import (  # noqa: F401 (re-exported: part of the assessment's records)
    ActionStatus,
    BoardFields,
    Previous,
    PreviousAction,
    Review,
    Statement,
    _Record,
)

FORMAT = "coprod-check-assessment"
FORMAT_VERSION = 1
LIVED_EXPERIENCE = ("yes", "no", "prefer-not-to-say")
STATUSES: tuple[ActionStatus, ...] = ("not-started", "in-progress", "done")
REVIEW_OUTCOMES = ("done", "partly", "not-done", "dropped")
#: What a board paper is for (NHS board cover-sheet convention).
PURPOSES = ("decision", "assurance", "information")
DEFAULT_MIN_GROUP = 3
MAX_TEXT = 200_000
#: The most people (participants, or responses in a group) an assessment holds.
MAX_PEOPLE = 1_000
#: The most actions of the user's own (20,000 once made a 2,000-page PDF that took minutes).
MAX_OWN_ACTIONS = 500
#: The most entries in any other list or map of an assessment (answers, edits, reviews...).
MAX_ENTRIES = 10_000


class Participant(_Record):
    """Someone taking part. The name is optional; the role is a perspective id."""

    __slots__ = ("role", "lived_experience", "name")

    def __init__(self, role: str, lived_experience: str = "prefer-not-to-say", name: str = ""):
        self.role = role
        self.lived_experience = lived_experience
        self.name = name


class Check(_Record):
    """An answer carried over from an earlier version of the questionnaire by its update map, for
    the person to check: the version, question and answer it came from. Kept in the file until
    the person confirms the answer or chooses another."""

    __slots__ = ("version", "question", "answer")

    def __init__(self, version: str, question: str, answer: str | None):
        self.version = version
        self.question = question
        self.answer = answer


class Answer(_Record):
    """One answer: a level id, DONT_KNOW, NOT_APPLICABLE, RATHER_NOT, or None for not yet.
    `check` is set while an answer carried over from an earlier version waits to be checked."""

    __slots__ = ("choice", "note", "evidence", "note_private", "check")

    def __init__(
        self,
        choice: str | None = None,
        note: str = "",
        evidence: str = "",
        note_private: bool = False,
        check: Check | None = None,
    ):
        self.choice = choice
        self.note = note
        self.evidence = evidence
        self.note_private = note_private
        self.check = check

    def is_empty(self) -> bool:
        """True when there is nothing worth keeping."""
        return self.choice is None and not self.note and not self.evidence


class Suggestion(_Record):
    """The derived wording of an action when the user last edited it, kept so that the
    action can still be shown as it was if its gap closes and it is no longer derived."""

    __slots__ = ("title", "why", "how", "owner", "timescale")

    def __init__(self, title: str, why: str = "", how: str = "", owner: str = "", timescale: str = "now"):
        self.title = title
        self.why = why
        self.how = how
        self.owner = owner
        self.timescale = timescale


class ActionEdit(_Record):
    """The user's changes to one derived action. None means "as derived".

    `timescale` and `critical` move the action to another part of the plan;
    `suggested` is the derived wording when it was last edited (None in older files);
    `owner_agreed` is True once the user has confirmed the owner (None: not said).
    """

    __slots__ = (
        "accepted",
        "title",
        "why",
        "how",
        "owner",
        "due",
        "status",
        "timescale",
        "critical",
        "suggested",
        "owner_agreed",
    )

    def __init__(
        self,
        accepted: bool = True,
        title: str | None = None,
        why: str | None = None,
        how: str | None = None,
        owner: str | None = None,
        due: str | None = None,
        status: ActionStatus = "not-started",
        timescale: str | None = None,
        critical: bool | None = None,
        suggested: Suggestion | None = None,
        owner_agreed: bool | None = None,
    ):
        self.accepted = accepted
        self.title = title
        self.why = why
        self.how = how
        self.owner = owner
        self.due = due
        self.status = status
        self.timescale = timescale
        self.critical = critical
        self.suggested = suggested
        self.owner_agreed = owner_agreed


class CustomAction(_Record):
    """An action the user added themselves.

    `domain` and `orientation` ("care" or "with") are optional: None until the user says.
    `owner_agreed` None means "not said": an owner the user typed themselves counts as agreed.
    """

    __slots__ = (
        "id",
        "title",
        "why",
        "how",
        "owner",
        "due",
        "status",
        "timescale",
        "accepted",
        "critical",
        "domain",
        "orientation",
        "owner_agreed",
    )

    def __init__(
        self,
        id: str,
        title: str,
        why: str = "",
        how: str = "",
        owner: str = "",
        due: str | None = None,
        status: ActionStatus = "not-started",
        timescale: str = "now",
        accepted: bool = True,
        critical: bool = False,
        domain: str | None = None,
        orientation: str | None = None,
        owner_agreed: bool | None = None,
    ):
        self.id = id
        self.title = title
        self.why = why
        self.how = how
        self.owner = owner
        self.due = due
        self.status = status
        self.timescale = timescale
        self.accepted = accepted
        self.critical = critical
        self.domain = domain
        self.orientation = orientation
        self.owner_agreed = owner_agreed


class Plan(_Record):
    """The user's edits to the derived action plan, kept by action id."""

    __slots__ = ("edits", "custom", "order")

    def __init__(
        self,
        edits: dict[str, ActionEdit] | None = None,
        custom: list[CustomAction] | None = None,
        order: list[str] | None = None,
    ):
        self.edits = {} if edits is None else edits
        self.custom = [] if custom is None else custom
        self.order = [] if order is None else order


class Response(_Record):
    """One person's own answers, kept whole inside a group assessment (with their
    lived-experience statement, if their response file held one)."""

    __slots__ = ("id", "participant", "answers", "source", "sha256", "date", "statement")

    def __init__(
        self,
        id: str,
        participant: Participant,
        answers: dict[str, Answer] | None = None,
        source: str = "",
        sha256: str = "",
        date: str = "",
        statement: Statement | None = None,
    ):
        self.id = id
        self.participant = participant
        self.answers = {} if answers is None else answers
        self.source = source
        self.sha256 = sha256
        self.date = date
        self.statement = statement


class Agreement(_Record):
    """The level a group agreed for a question, and why."""

    __slots__ = ("level", "reason")

    def __init__(self, level: str, reason: str = ""):
        self.level = level
        self.reason = reason


class Assessment(_Record):
    """A (possibly partly) completed questionnaire, as saved in a file.

    A group assessment also holds the individual `responses` it combines and the
    levels the group `agreed`; its own `answers` then carry only the group's notes.
    A later round holds the `previous` round's findings and `reviews` of its actions, and
    `rounds`: every earlier round's answers in full, oldest first (each an Assessment with
    no plan, rounds or names), so each can be scored again with today's rules.
    `board` holds the board paper's cover-sheet fields; `statement` a statement in the own
    words of colleagues with lived experience (a response file's, or a team's).
    """

    __slots__ = (
        "questionnaire_id",
        "questionnaire_version",
        "organisation",
        "team",
        "date",
        "participants",
        "answers",
        "plan",
        "fingerprints",
        "responses",
        "agreed",
        "min_group_size",
        "previous",
        "reviews",
        "rounds",
        "board",
        "statement",
    )

    def __init__(
        self,
        questionnaire_id: str,
        questionnaire_version: str,
        organisation: str = "",
        team: str = "",
        date: str = "",
        participants: list[Participant] | None = None,
        answers: dict[str, Answer] | None = None,
        plan: Plan | None = None,
        fingerprints: dict[str, str] | None = None,
        responses: list[Response] | None = None,
        agreed: dict[str, Agreement] | None = None,
        min_group_size: int = DEFAULT_MIN_GROUP,
        previous: Previous | None = None,
        reviews: dict[str, Review] | None = None,
        rounds: list[Assessment] | None = None,
        board: BoardFields | None = None,
        statement: Statement | None = None,
    ):
        self.questionnaire_id = questionnaire_id
        self.questionnaire_version = questionnaire_version
        self.organisation = organisation
        self.team = team
        self.date = date
        self.participants = [] if participants is None else participants
        self.answers = {} if answers is None else answers
        self.plan = Plan() if plan is None else plan
        self.fingerprints = {} if fingerprints is None else fingerprints
        self.responses = [] if responses is None else responses
        self.agreed = {} if agreed is None else agreed
        self.min_group_size = min_group_size
        self.previous = previous
        self.reviews = {} if reviews is None else reviews
        self.rounds = [] if rounds is None else rounds
        self.board = BoardFields() if board is None else board
        self.statement = statement

    @property
    def is_group(self) -> bool:
        """True when this combines individual responses."""
        return bool(self.responses)

    @property
    def people(self) -> list[Participant]:
        """Everyone who took part: each response's person in a group, else the participants."""
        return [r.participant for r in self.responses] if self.responses else list(self.participants)

    @classmethod
    def new(cls, questionnaire: Questionnaire, today: dt.date | None = None) -> Assessment:
        import datetime as dt  # only here: reading a file needs no datetime

        """A blank assessment of `questionnaire`, dated today."""
        return cls(
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            date=(today or dt.date.today()).isoformat(),
            fingerprints=questionnaire.fingerprints(),
        )

    def answer(self, question_id: str) -> Answer:
        """The answer to a question (an empty one if there is none yet)."""
        return self.answers.get(question_id) or Answer()


def is_answer_choice(choice: str | None, questionnaire: Questionnaire, question_id: str) -> bool:
    """Whether `choice` is a valid answer to that question in that questionnaire."""
    question = questionnaire.question(question_id)
    if question is None:
        return False
    if choice is None or choice in (DONT_KNOW, RATHER_NOT):  # always allowed
        return True
    if choice == NOT_APPLICABLE:
        return question.not_applicable
    return questionnaire.level_index(choice, question) >= 0
