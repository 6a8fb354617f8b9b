"""The questionnaire: domains of questions, each answered on a scale of levels.

The format is documented in docs/questionnaire-format.md; `loader.py` turns
YAML text into these objects and reports every problem it finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

# Value types are NamedTuples, not dataclasses: creating a dataclass costs about a
# millisecond at import, and the command line must start as fast as bare Python + PyYAML.

DONT_KNOW = "dont-know"
NOT_APPLICABLE = "not-applicable"
RESERVED_CHOICES = (DONT_KNOW, NOT_APPLICABLE)

ORIENTATIONS = {
    "care": "Care: support given to people",
    "with": "With: work done with people, sharing power",
}

# MAJOR.MINOR, each part at most 6 digits: versions are compared as numbers, and Python
# refuses to convert numbers over 4,300 digits ("1.999..."). Questionnaires and the
# assessments that answer them are both held to it.
VERSION_PATTERN = re.compile(r"[0-9]{1,6}\.[0-9]{1,6}")

TIMESCALES = {
    "now": "Next 3 months",
    "soon": "3 to 12 months",
    "later": "Later",
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


class Stage(NamedTuple):
    """A readiness stage, reached when the "with" score is at least `start`."""

    id: str
    title: str
    start: float
    description: str


class Action(NamedTuple):
    """What moves the organisation up one level on one question."""

    title: str
    why: str
    how: str
    owner: str
    timescale: str


class Critical(NamedTuple):
    """An answer below `below` (or don't know) caps the stage at `cap`."""

    below: str
    cap: str
    reason: str


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

    def fingerprint(self) -> str:
        """A short hash of the wording, to tell when a question was reworded."""
        from coprod_check.domain.digest import sha256

        text = "\x1f".join([self.prompt, *(f"{k}={v}" for k, v in self.levels.items())])
        return sha256(text.encode()).hexdigest()[:12]


class Domain(NamedTuple):
    """A group of questions on one theme."""

    id: str
    title: str
    description: str
    questions: tuple[Question, ...]


class Questionnaire:
    """A whole questionnaire, validated. Treat it as immutable."""

    __slots__ = ("id", "title", "version", "language", "description", "levels", "perspectives",
                 "stages", "domains", "source", "_index", "_level_pos")

    def __init__(self, *, id: str, title: str, version: str, language: str, description: str,
                 levels: tuple[Level, ...], perspectives: tuple[Perspective, ...],
                 stages: tuple[Stage, ...], domains: tuple[Domain, ...], source: str = ""):
        self.id = id
        self.title = title
        self.version = version
        self.language = language
        self.description = description
        self.levels = levels
        self.perspectives = perspectives
        self.stages = stages
        self.domains = domains
        self.source = source
        self._index = {q.id: q for d in domains for q in d.questions}
        self._level_pos = {level.id: i for i, level in enumerate(levels)}

    def __repr__(self) -> str:
        return f"Questionnaire(id={self.id!r}, version={self.version!r}, source={self.source!r})"

    def with_source(self, source: str) -> Questionnaire:
        """The same questionnaire, said to come from `source`."""
        return Questionnaire(
            id=self.id, title=self.title, version=self.version, language=self.language,
            description=self.description, levels=self.levels, perspectives=self.perspectives,
            stages=self.stages, domains=self.domains, source=source)

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
        return self._level_pos.get(level_id, -1)

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

    def to_plain(self) -> dict[str, Any]:
        """The questionnaire as JSON-ready data (for the parse cache)."""
        return {
            "id": self.id, "title": self.title, "version": self.version, "language": self.language,
            "description": self.description, "source": self.source,
            "levels": [[x.id, x.label, x.meaning] for x in self.levels],
            "perspectives": [[x.id, x.label, x.description] for x in self.perspectives],
            "stages": [[x.id, x.title, x.start, x.description] for x in self.stages],
            "domains": [
                [d.id, d.title, d.description, [
                    [q.id, q.prompt, q.why, q.orientation, q.weight, q.not_applicable,
                     [q.critical.below, q.critical.cap, q.critical.reason] if q.critical else None,
                     q.levels, {k: [a.title, a.why, a.how, a.owner, a.timescale] for k, a in q.actions.items()},
                     q.find_out]
                    for q in d.questions]]
                for d in self.domains
            ],
        }

    @classmethod
    def from_plain(cls, data: dict[str, Any]) -> Questionnaire:
        """Rebuild from `to_plain` output. Trusts its input: only for data this code wrote."""
        return cls(
            id=data["id"], title=data["title"], version=data["version"], language=data["language"],
            description=data["description"], source=data["source"],
            levels=tuple(Level(*x) for x in data["levels"]),
            perspectives=tuple(Perspective(*x) for x in data["perspectives"]),
            stages=tuple(Stage(*x) for x in data["stages"]),
            domains=tuple(
                Domain(did, title, description, tuple(
                    Question(id=q[0], domain_id=did, prompt=q[1], why=q[2], orientation=q[3], weight=q[4],
                             not_applicable=q[5], critical=Critical(*q[6]) if q[6] else None, levels=q[7],
                             actions={k: Action(*a) for k, a in q[8].items()}, find_out=q[9])
                    for q in questions))
                for did, title, description, questions in data["domains"]
            ),
        )
