"""The questionnaire: domains of questions, each answered on a scale of levels.

The format is documented in docs/questionnaire-format.md; `loader.py` turns
YAML text into these objects and reports every problem it finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from coprod_check.i18n import _

# Value types are NamedTuples, not dataclasses: creating a dataclass costs about a
# millisecond at import, and the command line must start as fast as bare Python + PyYAML.

DONT_KNOW = "dont-know"
NOT_APPLICABLE = "not-applicable"
# "I'd rather not answer": always allowed, a choice of its own. Counted, never scored, never an
# action or a find-out; a critical question answered so holds the stage as an unanswered one does.
RATHER_NOT = "rather-not-answer"
RESERVED_CHOICES = (DONT_KNOW, NOT_APPLICABLE, RATHER_NOT)

ORIENTATIONS = {
    "care": _("Care: support given to people"),
    "with": _("With: work done with people, sharing power"),
    "parity": _("Parity: stigma and parity of esteem"),
}

#: What a file holds, from its top-level `kind:` (absent means a questionnaire). Companions go
#: beside a questionnaire (or in a sub-folder) and are never taken for one.
KINDS = ("questionnaire", "update", "translation")

# MAJOR.MINOR, each part at most 6 digits: versions are compared as numbers, and Python
# refuses to convert numbers over 4,300 digits ("1.999..."). Questionnaires and the
# assessments that answer them are both held to it.
VERSION_PATTERN = re.compile(r"[0-9]{1,6}\.[0-9]{1,6}")

TIMESCALES = {
    "now": _("Next 3 months"),
    "soon": _("3 to 12 months"),
    "later": _("Later"),
}


class Level(NamedTuple):
    """One step of the answer scale, e.g. "doing for"."""

    id: str
    label: str
    meaning: str


class Perspective(NamedTuple):
    """A role someone can take part as."""

    id: str
    label: str
    description: str


class Requirement(NamedTuple):
    """What a stage needs besides its "with" score: a minimum on the care or with axis, on a
    domain's score, or on one axis within one domain (both set)."""

    axis: str  # "care" or "with", or "" for a domain
    domain: str  # a domain id, or "" for an axis
    start: float
    reason: str


class Stage(NamedTuple):
    """A readiness stage, reached when the "with" score is at least `start` and every
    requirement in `requires` is met."""

    id: str
    title: str
    start: float
    description: str
    requires: tuple[Requirement, ...] = ()


class Band(NamedTuple):
    """A stretch of one axis, from `start` up to the next band's start."""

    id: str
    title: str
    start: float
    description: str


class Place(NamedTuple):
    """Where a pair of bands (one on the care axis, one on the with axis) puts an organisation:
    "Caring for", "Consulting", "Partnership without support" and so on."""

    id: str
    title: str
    description: str
    care: str  # a care band id
    with_: str  # a with band id


class Action(NamedTuple):
    """What moves the organisation up one level on one question."""

    title: str
    why: str
    how: str
    owner: str
    timescale: str


class Critical(NamedTuple):
    """An answer below `below` (or don't know) caps the stage at `cap`.

    `reason` is the one reason for every level below the threshold; `reasons` gives a reason
    for each level instead, so that the one printed fits the answer chosen."""

    below: str
    cap: str
    reason: str
    reasons: dict[str, str] = {}

    def reason_for(self, level_id: str) -> str:
        """The reason that fits this answer."""
        return self.reasons.get(level_id) or self.reason


class Theme(NamedTuple):
    """A theme the questionnaire covers; each question lists the themes it reaches."""

    id: str
    title: str
    description: str = ""


class GlossaryEntry(NamedTuple):
    """A word or phrase explained, and its other forms (`also`) to find in the text."""

    term: str
    meaning: str
    also: tuple[str, ...] = ()


class Question(NamedTuple):
    """One question, with a sentence for every level and an action for every gap."""

    id: str
    domain_id: str
    prompt: str
    why: str
    orientation: str
    weight: float
    not_applicable: bool
    critical: Critical | None
    levels: dict[str, str]
    actions: dict[str, Action]
    find_out: str | None = None
    scale: str = ""  # the id of the scale it is answered on; "" for the questionnaire's `levels`
    themes: tuple[str, ...] = ()  # theme ids
    evidence: str = ""  # what would show this
    sources: tuple[str, ...] = ()  # the frameworks it draws on (the file's `source:`)
    content_note: str = ""  # shown before the question

    def fingerprint(self) -> str:
        """A short hash of the wording, to tell when a question was reworded."""
        from coprod_check.domain.digest import sha256

        text = "\x1f".join([self.prompt, *(f"{k}={v}" for k, v in self.levels.items())])
        return sha256(text.encode()).hexdigest()[:12]


class Change(NamedTuple):
    """What a version of the questionnaire changed in what answers or scores mean, and which
    answers people who answered an earlier version should look at again."""

    version: str
    what: str
    review: tuple[str, ...]  # question ids


class Domain(NamedTuple):
    """A group of questions on one theme."""

    id: str
    title: str
    description: str
    questions: tuple[Question, ...]


AXES = ("care", "with")
#: Every orientation scored like an axis. Parity is reported beside care and with, but is never
#: part of the place (which pairs care and with) and moves the stage only where a stage requires it.
FACETS = ("care", "with", "parity")


class Questionnaire:
    """A whole questionnaire, validated. Treat it as immutable.

    `levels` is the default answer scale; `scales` maps every scale id to its levels, with the
    default one under "". `bands` maps "care" and "with" to their bands, lowest first, and
    `places` names every pair of bands (see scoring.py)."""

    __slots__ = (
        "id",
        "title",
        "version",
        "language",
        "description",
        "levels",
        "perspectives",
        "stages",
        "domains",
        "source",
        "scales",
        "bands",
        "places",
        "changes",
        "themes",
        "glossary",
        "support",
        "updates",
        "earlier",
        "_index",
        "_level_pos",
        "_place",
        "_fingerprints",
    )

    def __init__(
        self,
        *,
        id: str,
        title: str,
        version: str,
        language: str,
        description: str,
        levels: tuple[Level, ...],
        perspectives: tuple[Perspective, ...],
        stages: tuple[Stage, ...],
        domains: tuple[Domain, ...],
        source: str = "",
        scales: dict[str, tuple[Level, ...]] | None = None,
        bands: dict[str, tuple[Band, ...]] | None = None,
        places: tuple[Place, ...] | None = None,
        changes: tuple[Change, ...] = (),
        themes: tuple[Theme, ...] = (),
        glossary: tuple[GlossaryEntry, ...] = (),
        support: str = "",
    ):
        from coprod_check.domain.defaults import DEFAULT_BANDS, DEFAULT_PLACES

        self.id = id
        self.title = title
        self.version = version
        self.language = language
        self.description = description
        self.scales = {"": levels, **(scales or {})}
        self.levels = levels or next((v for v in self.scales.values() if v), ())
        self.scales[""] = self.levels
        self.perspectives = perspectives
        self.stages = stages
        self.domains = domains
        self.source = source
        self.bands = bands or DEFAULT_BANDS
        self.places = places or DEFAULT_PLACES
        self.changes = changes
        self.themes = themes
        self.glossary = glossary
        self.support = support  # where to get support if a question brings up something hard
        # Found beside the file by the application (app/companions.py), never read from it: the
        # update maps that lead to this version, and copies of the versions they lead from.
        self.updates: tuple[Any, ...] = ()  # UpdateMap (domain/updatemap.py)
        self.earlier: tuple[Questionnaire, ...] = ()
        self._index = {q.id: q for d in domains for q in d.questions}
        self._level_pos = {sid: {level.id: i for i, level in enumerate(lv)} for sid, lv in self.scales.items()}
        self._place = {(x.care, x.with_): x for x in self.places}
        self._fingerprints: dict[str, str] | None = None

    def __repr__(self) -> str:
        return f"Questionnaire(id={self.id!r}, version={self.version!r}, source={self.source!r})"

    def with_source(self, source: str) -> Questionnaire:
        """The same questionnaire, said to come from `source`."""
        found = object.__new__(Questionnaire)
        for name in self.__slots__:
            setattr(found, name, getattr(self, name))
        found.source = source
        return found

    def with_companions(self, updates: tuple[Any, ...], earlier: tuple[Questionnaire, ...]) -> Questionnaire:
        """The same questionnaire, with the update maps that lead to it and earlier versions' copies."""
        found = self.with_source(self.source)
        found.updates = updates
        found.earlier = earlier
        return found

    def questions(self) -> Iterator[Question]:
        """Every question, in order."""
        for domain in self.domains:
            yield from domain.questions

    def question(self, question_id: str) -> Question | None:
        """The question with this id, or None if there is none."""
        return self._index.get(question_id)

    def domain(self, domain_id: str) -> Domain | None:
        """The domain with this id, or None."""
        return next((d for d in self.domains if d.id == domain_id), None)

    def _scale_id(self, question: Question | str | None) -> str:
        if question is None:
            return ""
        if isinstance(question, str):
            found = self._index.get(question)
            return found.scale if found else ""
        return question.scale

    def levels_for(self, question: Question | str | None = None) -> tuple[Level, ...]:
        """The levels a question (or question id) is answered on; the default scale for None."""
        return self.scales.get(self._scale_id(question), self.levels)

    def level_index(self, level_id: str, question: Question | str | None = None) -> int:
        """0 for the lowest level of the question's scale; -1 if there is no such level."""
        return self._level_pos.get(self._scale_id(question), self._level_pos[""]).get(level_id, -1)

    def level(self, level_id: str, question: Question | str | None = None) -> Level | None:
        """The level with this id on the question's scale, or None."""
        i = self.level_index(level_id, question)
        return self.levels_for(question)[i] if i >= 0 else None

    def level_value(self, level_id: str, question: Question | str | None = None) -> float | None:
        """A level's place on its scale, 0 (lowest) to 100 (highest); None for anything else."""
        i = self.level_index(level_id, question)
        if i < 0:
            return None
        return 100.0 * i / (len(self.levels_for(question)) - 1)

    def place(self, care_band: str, with_band: str) -> Place | None:
        """The place a pair of bands names."""
        return self._place.get((care_band, with_band))

    def stage(self, stage_id: str) -> Stage:
        """The stage with this id (the loader guarantees every referenced one exists)."""
        return next(s for s in self.stages if s.id == stage_id)

    def stage_index(self, stage_id: str) -> int:
        """0 for the lowest stage."""
        return next(i for i, s in enumerate(self.stages) if s.id == stage_id)

    def perspective(self, perspective_id: str) -> Perspective | None:
        """The perspective with this id, or None."""
        return next((p for p in self.perspectives if p.id == perspective_id), None)

    @property
    def major(self) -> int:
        """The MAJOR part of the version: a change there is incompatible."""
        return int(self.version.split(".")[0])

    def fingerprints(self) -> dict[str, str]:
        """Question id to wording hash, stored with an assessment. Worked out once (and kept in
        the parse cache): hashing every question costs about a millisecond at each start."""
        if self._fingerprints is None:
            self._fingerprints = {q.id: q.fingerprint() for q in self.questions()}
        return dict(self._fingerprints)

    def to_plain(self) -> dict[str, Any]:
        """The questionnaire as JSON-ready data (for the parse cache)."""
        from coprod_check.domain.questionnaire_plain import to_plain

        return to_plain(self)

    @classmethod
    def from_plain(cls, data: dict[str, Any]) -> Questionnaire:
        """Rebuild from `to_plain` output. Trusts its input: only for data this code wrote."""
        from coprod_check.domain.questionnaire_plain import from_plain

        return from_plain(data)
