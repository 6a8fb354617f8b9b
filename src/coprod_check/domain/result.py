"""The records a result is made of: scores, caps, holds, the two sides of a group.

They are plain data; scoring.py works them out and headline.py words them. NamedTuples where a
record is compared or replaced; slotted classes where not (each NamedTuple costs about 0.1 ms at
import, and `score` as a whole process must stay within 1.5x of bare Python).
"""

from __future__ import annotations

from typing import NamedTuple

from coprod_check.domain.assessment import _Record
from coprod_check.domain.questionnaire import Band, Place, Question, Requirement, Stage


class AxisScore(NamedTuple):
    """The care or with axis: its score from the known answers, and what is not known."""

    score: float | None
    known: int
    unknown: int
    missing: int = 0  # questions of this axis not answered yet ("not applicable" left out)
    rather_not: int = 0  # answered "I'd rather not answer": never scored, and no help to coverage

    @property
    def unknown_share(self) -> float:
        """ "Don't know" as a share of the answers with a level or "don't know", 0 to 1."""
        asked = self.known + self.unknown
        return self.unknown / asked if asked else 0.0

    @property
    def too_few(self) -> bool:
        """Fewer than half of the axis's questions (not applicable left out) have a level."""
        return 2 * self.known < self.known + self.unknown + self.missing + self.rather_not


class DomainScore(NamedTuple):
    """One domain's score and counts. `score` is None when nothing is known yet, or when
    more than half of the answers with a level or "don't know" are "don't know"."""

    id: str
    title: str
    score: float | None
    care: float | None
    with_: float | None
    total: int
    known: int  # answered with a level
    unknown: int  # answered "don't know"
    not_applicable: int
    not_answered: int
    axes: dict[str, AxisScore] = {}  # the domain's care and with (and parity) questions, each counted apart
    rather_not: int = 0  # answered "I'd rather not answer"

    @property
    def unknown_share(self) -> float:
        """ "Don't know" as a share of the answers with a level or "don't know", 0 to 1."""
        asked = self.known + self.unknown
        return self.unknown / asked if asked else 0.0

    @property
    def not_known_yet(self) -> bool:
        """More than half of what was answered is "don't know" (or nothing is known)."""
        return self.score is None and self.unknown > 0


class Cap(NamedTuple):
    """A critical answer that holds the stage down."""

    question_id: str
    prompt: str
    answer: str
    stage: Stage
    reason: str
    binding: bool
    unknown: bool = False  # the answer was "don't know": something to find out, not a fact
    # "" for the answer scored; "lived-experience" for the median of colleagues with lived
    # experience; "anyone" for any one person's answer in a group whose lived-experience view
    # cannot be shown apart.
    source: str = ""
    below: str = ""  # the label of the threshold level
    unanswered: bool = False  # not answered yet (unknown too): it holds until answered
    level: str = ""  # the level id behind the answer, when it is a level
    rather_not: bool = False  # answered "I'd rather not answer": it holds as an unanswered one does


# The classes below are _Record rather than NamedTuple: each NamedTuple costs about 0.1 ms to
# create at import, and `score` as a whole process must stay within 1.5x of bare Python.


class Hold(_Record):
    """Something other than a critical answer that holds the stage down: a requirement of the
    stage above (a minimum care score, for example), or the stage colleagues with lived
    experience see."""

    __slots__ = ("kind", "stage", "above", "requirement", "value", "what", "reason", "binding")

    def __init__(
        self,
        kind: str,
        stage: Stage,
        above: Stage,
        requirement: Requirement | None,
        value: float | None,
        what: str,
        reason: str,
        binding: bool,
    ):
        self.kind = kind  # "requirement" or "view"
        self.stage = stage  # the stage it holds the result at
        self.above = above  # the stage it keeps the result out of
        self.requirement = requirement
        self.value = value  # the score the requirement looked at; None when not known yet
        self.what = what  # what was measured, in words: "care", or a domain's title
        self.reason = reason
        self.binding = binding

    @property
    def unknown(self) -> bool:
        """The score the requirement needs is not known yet."""
        return self.kind == "requirement" and self.value is None


class View(_Record):
    """One side of a group, scored on its own. Without figures when the side cannot be shown
    without identifying someone (see group.sides_shown)."""

    __slots__ = ("n", "result")

    def __init__(self, n: int | None, result: Result | None):
        self.n = n
        self.result = result

    @property
    def shown(self) -> bool:
        """True when this side is large enough to show."""
        return self.result is not None


class Views(_Record):
    """Colleagues with lived experience, and those without, each scored apart. People who
    preferred not to say are in neither."""

    __slots__ = ("lived_experience", "others", "min_group_size")

    def __init__(self, lived_experience: View, others: View, min_group_size: int):
        self.lived_experience = lived_experience
        self.others = others
        self.min_group_size = min_group_size


class Result(NamedTuple):
    """Everything `score` works out."""

    overall: float | None
    care: float | None
    with_: float | None
    quadrant: Place | None  # the place the two bands name
    stage: Stage | None
    stage_before_caps: Stage | None  # the stage the with score alone reaches
    caps: tuple[Cap, ...]
    domains: tuple[DomainScore, ...]
    total: int
    known: int
    unknown: int
    not_applicable: int
    not_answered: int
    unknown_questions: tuple[str, ...]
    unanswered_questions: tuple[str, ...]
    # "I'd rather not answer": a count of its own beside the other four, never scored.
    rather_not: int = 0
    rather_not_questions: tuple[str, ...] = ()
    # "care" and "with", and "parity" when the questionnaire asks about it.
    axes: dict[str, AxisScore] = {}
    bands: dict[str, Band | None] = {}
    holds: tuple[Hold, ...] = ()
    views: Views | None = None
    # The place the scores alone give, when the place shown is held lower (or is not known) by
    # `place_held_by`: "lived-experience" (the place that side sees, or cannot say), "anyone" (the
    # lowest any one person's own answers give, where that side cannot be shown), "caps" (critical
    # answers keep the with band no higher than where the stage is held) or "coverage" (too few
    # with questions answered for partnership); else None.
    unheld_place: Place | None = None
    place_held_by: str = ""

    @property
    def parity(self) -> float | None:
        """The parity score (stigma and parity of esteem); None when not asked or not known."""
        found = self.axes.get("parity")
        return found.score if found else None

    @property
    def reached(self) -> int:
        """Questions with any answer: a level, "don't know", "not applicable" or "rather not"."""
        return self.known + self.unknown + self.not_applicable + self.rather_not

    @property
    def completeness(self) -> float:
        """Share of questions with any answer, 0 to 1."""
        return self.reached / self.total if self.total else 0.0

    @property
    def unknown_share(self) -> float:
        """ "Don't know" as a share of the answers with a level or "don't know", 0 to 1."""
        asked = self.known + self.unknown
        return self.unknown / asked if asked else 0.0

    @property
    def binding_count(self) -> int:
        """How many caps and holds keep the stage below what the with score reaches."""
        return sum(1 for c in self.caps if c.binding) + sum(1 for h in self.holds if h.binding)


class Triggered(_Record):
    """A critical question whose answer (or a part of the group's) is below its threshold."""

    __slots__ = ("question", "choice", "source", "reason")

    def __init__(self, question: Question, choice: str, source: str = "", reason: str = ""):
        self.question = question
        self.choice = choice
        self.source = source
        self.reason = reason  # worded by the caller (group.py) for a part of a group
