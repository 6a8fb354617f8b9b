"""The questionnaire: domains of questions, each answered on a scale of levels.

The format is documented in docs/questionnaire-format.md; `loader.py` turns
YAML text into these objects and reports every problem it finds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field

DONT_KNOW = "dont-know"
NOT_APPLICABLE = "not-applicable"
RESERVED_CHOICES = (DONT_KNOW, NOT_APPLICABLE)

ORIENTATIONS = {
    "care": "Care: support given to people",
    "with": "With: work done with people, sharing power",
}

TIMESCALES = {
    "now": "Next 3 months",
    "soon": "3 to 12 months",
    "later": "Later",
}


@dataclass(frozen=True)
class Level:
    """One step of the answer scale, e.g. "doing for"."""

    id: str
    label: str
    meaning: str


@dataclass(frozen=True)
class Perspective:
    """A role someone can take part as."""

    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Stage:
    """A readiness stage, reached when the "with" score is at least `start`."""

    id: str
    title: str
    start: float
    description: str


@dataclass(frozen=True)
class Action:
    """What moves the organisation up one level on one question."""

    title: str
    why: str
    how: str
    owner: str
    timescale: str


@dataclass(frozen=True)
class Critical:
    """An answer below `below` (or don't know) caps the stage at `cap`."""

    below: str
    cap: str
    reason: str


@dataclass(frozen=True)
class Question:
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

    def fingerprint(self) -> str:
        """A short hash of the wording, to tell when a question was reworded."""
        text = "\x1f".join([self.prompt, *(f"{k}={v}" for k, v in self.levels.items())])
        return hashlib.sha256(text.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Domain:
    """A group of questions on one theme."""

    id: str
    title: str
    description: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Questionnaire:
    """A whole questionnaire, validated."""

    id: str
    title: str
    version: str
    language: str
    description: str
    levels: tuple[Level, ...]
    perspectives: tuple[Perspective, ...]
    stages: tuple[Stage, ...]
    domains: tuple[Domain, ...]
    source: str = ""
    _index: dict[str, Question] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index.update({q.id: q for d in self.domains for q in d.questions})

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

    def level_index(self, level_id: str) -> int:
        """0 for the lowest level; -1 if there is no such level."""
        for i, level in enumerate(self.levels):
            if level.id == level_id:
                return i
        return -1

    def level(self, level_id: str) -> Level | None:
        """The level with this id, or None."""
        i = self.level_index(level_id)
        return self.levels[i] if i >= 0 else None

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
        """Question id to wording hash, stored with an assessment."""
        return {q.id: q.fingerprint() for q in self.questions()}
