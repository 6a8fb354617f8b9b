"""Scoring: pure, deterministic and explained.

The rules (also in the README, "How scoring works"):

* A level is worth its place on the scale: with five levels, 0, 25, 50, 75
  and 100. "Don't know" is worth the lowest level and is counted as unknown.
  "Not applicable" and unanswered questions are left out of the sums.
* A domain scores the weighted mean of its answered questions. The care and
  with axes score the weighted mean of every answered question of that
  orientation. The overall score is the mean of the domain scores, so every
  domain counts the same however many questions it has.
* The quadrant comes from the two axes, each high from 50 up. Its titles
  never reuse a stage's name ("Working with" is the top stage, from 85), so
  the same words never mean two things; its ids stay as they were.
* The readiness stage is the highest stage whose start the with score
  reaches, then capped by every critical question answered below its
  threshold or "don't know"; each cap is reported with its reason.
* Completeness is the share of questions answered (a level, don't know or
  not applicable); unknown is the share answered "don't know".
"""

from __future__ import annotations

from typing import Any, NamedTuple

from coprod_check.domain.assessment import Assessment
from coprod_check.domain.questionnaire import (
    DONT_KNOW,
    NOT_APPLICABLE,
    Question,
    Questionnaire,
    Stage,
)

HIGH = 50.0


class Quadrant(NamedTuple):
    """Where the care and with axes put the organisation."""

    id: str
    title: str
    description: str


QUADRANTS = {
    (False, False): Quadrant(
        "excluding", "Excluding",
        "People with lived experience are neither well supported nor working with the "
        "organisation. Start by making it safe to take part, and by listening."),
    (True, False): Quadrant(
        "caring-for", "Caring for",
        "Support is good, but decisions stay with the organisation. This is where "
        "co-production usually fails: care is not partnership."),
    (False, True): Quadrant(
        "involving-without-support", "Partnership without support",
        "People with lived experience share the work, but without enough support, pay or "
        "rest. That wears people out: add the care, keep the partnership."),
    (True, True): Quadrant(
        "working-with", "Supported partnership",
        "Good support and real partnership. Keep it going: review it together, and rest."),
}


class DomainScore(NamedTuple):
    """One domain's score and counts. `score` is None when nothing counts yet."""

    id: str
    title: str
    score: float | None
    care: float | None
    with_: float | None
    total: int
    answered: int
    unknown: int
    not_applicable: int


class Cap(NamedTuple):
    """A critical answer that holds the stage down."""

    question_id: str
    prompt: str
    answer: str
    stage: Stage
    reason: str
    binding: bool
    unknown: bool = False  # the answer was "don't know": something to find out, not a fact


class Result(NamedTuple):
    """Everything `score` works out."""

    overall: float | None
    care: float | None
    with_: float | None
    quadrant: Quadrant | None
    stage: Stage | None
    stage_before_caps: Stage | None
    caps: tuple[Cap, ...]
    domains: tuple[DomainScore, ...]
    total: int
    answered: int
    unknown: int
    not_applicable: int
    unknown_questions: tuple[str, ...]
    unanswered_questions: tuple[str, ...]

    @property
    def completeness(self) -> float:
        """Share of questions answered, 0 to 1."""
        return self.answered / self.total if self.total else 0.0

    @property
    def unknown_share(self) -> float:
        """Share of questions answered "don't know", 0 to 1."""
        return self.unknown / self.total if self.total else 0.0


class _Sum:
    __slots__ = ("weighted", "weights")

    def __init__(self) -> None:
        self.weighted = 0.0
        self.weights = 0.0

    def add(self, value: float, weight: float) -> None:
        self.weighted += value * weight
        self.weights += weight

    def mean(self) -> float | None:
        return self.weighted / self.weights if self.weights else None


def level_value(questionnaire: Questionnaire, choice: str) -> float | None:
    """0 to 100 for a level; 0 for don't know; None for anything that does not count."""
    if choice == DONT_KNOW:
        return 0.0
    index = questionnaire.level_index(choice)
    if index < 0:
        return None
    return 100.0 * index / (len(questionnaire.levels) - 1)


def score(questionnaire: Questionnaire, assessment: Assessment) -> Result:
    """Score an assessment against its questionnaire."""
    axes = {"care": _Sum(), "with": _Sum()}
    domains: list[DomainScore] = []
    caps: list[tuple[Question, str]] = []
    counts = {"answered": 0, "unknown": 0, "na": 0}
    unknown_ids: list[str] = []
    unanswered_ids: list[str] = []
    for domain in questionnaire.domains:
        total, per_axis = _Sum(), {"care": _Sum(), "with": _Sum()}
        d_answered = d_unknown = d_na = 0
        for q in domain.questions:
            choice = assessment.answer(q.id).choice
            value = level_value(questionnaire, choice) if choice else None
            if choice == NOT_APPLICABLE and q.not_applicable:
                d_answered += 1
                d_na += 1
                continue
            if value is None or choice is None:
                unanswered_ids.append(q.id)
                continue
            d_answered += 1
            if choice == DONT_KNOW:
                d_unknown += 1
                unknown_ids.append(q.id)
            total.add(value, q.weight)
            per_axis[q.orientation].add(value, q.weight)
            axes[q.orientation].add(value, q.weight)
            if q.critical and _below(questionnaire, choice, q.critical.below):
                caps.append((q, choice))
        domains.append(DomainScore(
            id=domain.id, title=domain.title, score=total.mean(),
            care=per_axis["care"].mean(), with_=per_axis["with"].mean(),
            total=len(domain.questions), answered=d_answered, unknown=d_unknown, not_applicable=d_na))
        counts["answered"] += d_answered
        counts["unknown"] += d_unknown
        counts["na"] += d_na

    scored = [d.score for d in domains if d.score is not None]
    overall = sum(scored) / len(scored) if scored else None
    care, with_ = axes["care"].mean(), axes["with"].mean()
    quadrant = QUADRANTS[(care >= HIGH, with_ >= HIGH)] if care is not None and with_ is not None else None
    before = _stage_for(questionnaire, with_)
    stage, cap_list = _apply_caps(questionnaire, before, caps)
    return Result(
        overall=overall, care=care, with_=with_, quadrant=quadrant, stage=stage,
        stage_before_caps=before, caps=cap_list, domains=tuple(domains),
        total=sum(d.total for d in domains), answered=counts["answered"],
        unknown=counts["unknown"], not_applicable=counts["na"],
        unknown_questions=tuple(unknown_ids), unanswered_questions=tuple(unanswered_ids))


def _below(questionnaire: Questionnaire, choice: str, threshold: str) -> bool:
    if choice == DONT_KNOW:
        return True
    return questionnaire.level_index(choice) < questionnaire.level_index(threshold)


def _stage_for(questionnaire: Questionnaire, with_: float | None) -> Stage | None:
    if with_ is None:
        return None
    reached = [s for s in questionnaire.stages if with_ + 1e-9 >= s.start]
    return reached[-1]


def _apply_caps(
    questionnaire: Questionnaire, stage: Stage | None, triggered: list[tuple[Question, str]]
) -> tuple[Stage | None, tuple[Cap, ...]]:
    # Without any "with" answer there is no stage to cap, but the caps are still findings.
    floor = None if stage is None else questionnaire.stage_index(stage.id)
    caps = []
    lowest = floor
    for q, choice in triggered:
        assert q.critical is not None
        cap_index = questionnaire.stage_index(q.critical.cap)
        binding = floor is not None and cap_index < floor
        if binding and lowest is not None:
            lowest = min(lowest, cap_index)
        level = questionnaire.level(choice)
        caps.append(Cap(
            question_id=q.id, prompt=q.prompt,
            answer=level.label if level else "Don't know",
            stage=questionnaire.stages[cap_index], reason=q.critical.reason, binding=binding,
            unknown=level is None))
    final = questionnaire.stages[lowest] if lowest is not None else None
    return final, tuple(caps)


def result_to_dict(result: Result) -> dict[str, Any]:
    """The result as JSON-ready data, scores rounded to one decimal place."""

    def r(value: float | None) -> float | None:
        return None if value is None else round(value, 1)

    def stage(s: Stage | None) -> dict[str, Any] | None:
        return None if s is None else {"id": s.id, "title": s.title}

    return {
        "overall": r(result.overall),
        "stage": stage(result.stage),
        "stage_before_caps": stage(result.stage_before_caps),
        "care": r(result.care),
        "with": r(result.with_),
        "quadrant": None if result.quadrant is None else
        {"id": result.quadrant.id, "title": result.quadrant.title},
        "domains": [
            {"id": d.id, "title": d.title, "score": r(d.score), "care": r(d.care), "with": r(d.with_),
             "questions": d.total, "answered": d.answered, "unknown": d.unknown,
             "not_applicable": d.not_applicable}
            for d in result.domains
        ],
        "completeness": round(result.completeness, 3),
        "unknown": round(result.unknown_share, 3),
        "counts": {"questions": result.total, "answered": result.answered,
                   "unknown": result.unknown, "not_applicable": result.not_applicable},
        "caps": [
            {"question": c.question_id, "answer": c.answer, "cap": c.stage.id,
             "cap_title": c.stage.title, "reason": c.reason, "binding": c.binding}
            for c in result.caps
        ],
        "unknown_questions": list(result.unknown_questions),
    }
