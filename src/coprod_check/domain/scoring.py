"""Scoring: pure, deterministic and explained.

The rules (also in the README, "How scoring works"):

* A level is worth its place on its own scale: with five levels, 0, 25, 50, 75
  and 100. A questionnaire can have more than one scale (care questions on a
  scale of support, with questions on a ladder of participation); each
  question names the scale it is answered on.
* Scores come from what is known. "Don't know" is not a level: it counts
  towards nothing, and is reported beside every score as its unknown share.
  Where more than half of a domain's (or axis's) questions answered with a
  level or "don't know" are "don't know", it has no score: "not known yet".
  "Not applicable" and unanswered questions are left out.
* A domain scores the weighted mean of its known answers; the care and with
  axes the weighted mean of every known answer of that orientation. The
  overall score is the mean of the known domain scores.
* Each axis is cut into bands declared by the questionnaire (defaults in
  defaults.py), and each pair of bands is a named place: "Caring for",
  "Consulting", "Partnership without support" and so on. Partnership counts
  only from the band at which people share decisions; consulting is a place
  of its own, never a kind of partnership.
* The readiness stage is the highest stage whose start the with score
  reaches and whose requirements (a minimum care score, or a minimum score in
  a domain) are met; a requirement that is not known yet is not met. Then
  every critical question answered below its threshold, or "don't know",
  caps the stage, with the reason that fits the answer given. Each hold is
  reported, worded the same way.
* In a group, the views of colleagues with and without lived experience are
  scored apart and shown side by side (group.py); their critical answers and
  their stage can hold the group's stage back, never lift it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from coprod_check.domain.assessment import Assessment
from coprod_check.domain.questionnaire import (
    AXES,
    DONT_KNOW,
    NOT_APPLICABLE,
    Band,
    Place,
    Question,
    Questionnaire,
    Requirement,
    Stage,
)

# A score is not known when more than this share of the answers behind it are "don't know".
MOST_UNKNOWN = 0.5
# The choice a Cap records for a critical question with no answer (or one this version does not
# have): until it is answered, it holds the stage as "don't know" does.
NOT_ANSWERED = ""

Quadrant = Place  # the name the outputs used when there were four places


class AxisScore(NamedTuple):
    """The care or with axis: its score from the known answers, and what is not known."""

    score: float | None
    known: int
    unknown: int

    @property
    def unknown_share(self) -> float:
        """ "Don't know" as a share of the answers with a level or "don't know", 0 to 1."""
        asked = self.known + self.unknown
        return self.unknown / asked if asked else 0.0


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
    axes: dict[str, AxisScore] = {}  # the domain's care and with questions, each counted apart

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


class Hold(NamedTuple):
    """Something other than a critical answer that holds the stage down: a requirement of the
    stage above (a minimum care score, for example), or the stage colleagues with lived
    experience see."""

    kind: str  # "requirement" or "view"
    stage: Stage  # the stage it holds the result at
    above: Stage  # the stage it keeps the result out of
    requirement: Requirement | None
    value: float | None  # the score the requirement looked at; None when not known yet
    what: str  # what was measured, in words: "care", or a domain's title
    reason: str
    binding: bool

    @property
    def unknown(self) -> bool:
        """The score the requirement needs is not known yet."""
        return self.kind == "requirement" and self.value is None


class View(NamedTuple):
    """One side of a group, scored on its own. Without figures when the side is smaller than
    the group's minimum size, so nobody can be identified."""

    n: int | None
    result: Result | None

    @property
    def shown(self) -> bool:
        """True when this side is large enough to show."""
        return self.result is not None


class Views(NamedTuple):
    """Colleagues with lived experience, and those without, each scored apart. People who
    preferred not to say are in neither."""

    lived_experience: View
    others: View
    min_group_size: int


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
    axes: dict[str, AxisScore] = {}
    bands: dict[str, Band | None] = {}
    holds: tuple[Hold, ...] = ()
    views: Views | None = None
    # A group's place as its whole median gives it, when the place shown is held down to the one
    # colleagues with lived experience see; None otherwise.
    unheld_place: Place | None = None

    @property
    def reached(self) -> int:
        """Questions with any answer: a level, "don't know" or "not applicable"."""
        return self.known + self.unknown + self.not_applicable

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


class _Sum:
    __slots__ = ("weighted", "weights", "known", "unknown")

    def __init__(self) -> None:
        self.weighted = 0.0
        self.weights = 0.0
        self.known = 0
        self.unknown = 0

    def add(self, value: float, weight: float) -> None:
        self.weighted += value * weight
        self.weights += weight
        self.known += 1

    def mean(self) -> float | None:
        """The weighted mean of what is known, or None when more than half is "don't know"."""
        if not self.weights or self.unknown > MOST_UNKNOWN * (self.known + self.unknown):
            return None
        return self.weighted / self.weights


def level_value(questionnaire: Questionnaire, choice: str, question: Question | str | None = None) -> float | None:
    """0 to 100 for a level on the question's scale; None for anything else ("don't know" included)."""
    return questionnaire.level_value(choice, question)


class Triggered(NamedTuple):
    """A critical question whose answer (or a part of the group's) is below its threshold."""

    question: Question
    choice: str
    source: str = ""
    reason: str = ""  # worded by the caller (group.py) for lived-experience and minority caps


def score(
    questionnaire: Questionnaire,
    assessment: Assessment,
    *,
    more: tuple[Triggered, ...] = (),
    ceiling: tuple[Stage, str] | None = None,
    views: Views | None = None,
    lowest: dict[str, Band | None] | None = None,
) -> Result:
    """Score an assessment against its questionnaire.

    `more` adds critical answers found in part of a group, `ceiling` a stage that the result
    may not pass (with its reason), `lowest` the bands it may not pass, and `views` the two
    sides of a group: see group.score_group.
    """
    axes = {axis: _Sum() for axis in AXES}
    domains: list[DomainScore] = []
    triggered: list[Triggered] = []
    unknown_ids: list[str] = []
    unanswered_ids: list[str] = []
    for domain in questionnaire.domains:
        total, per_axis = _Sum(), {axis: _Sum() for axis in AXES}
        na = 0
        for q in domain.questions:
            choice = assessment.answer(q.id).choice
            if choice == NOT_APPLICABLE and q.not_applicable:
                na += 1  # never scored, never caps
                continue
            if choice == DONT_KNOW:
                unknown_ids.append(q.id)
                for s in (total, per_axis[q.orientation], axes[q.orientation]):
                    s.unknown += 1
                if q.critical:
                    triggered.append(Triggered(q, choice))
                continue
            value = questionnaire.level_value(choice, q) if choice else None
            if value is None or choice is None:
                unanswered_ids.append(q.id)
                if q.critical:  # a blank critical question never lets the stage rise past its cap
                    triggered.append(Triggered(q, NOT_ANSWERED))
                continue
            for s in (total, per_axis[q.orientation], axes[q.orientation]):
                s.add(value, q.weight)
            if q.critical and below(questionnaire, q, choice):
                triggered.append(Triggered(q, choice))
        domains.append(
            DomainScore(
                id=domain.id,
                title=domain.title,
                score=total.mean(),
                care=per_axis["care"].mean(),
                with_=per_axis["with"].mean(),
                total=len(domain.questions),
                known=total.known,
                unknown=total.unknown,
                not_applicable=na,
                not_answered=len(domain.questions) - total.known - total.unknown - na,
                axes={axis: AxisScore(s.mean(), s.known, s.unknown) for axis, s in per_axis.items()},
            )
        )

    scored = [d.score for d in domains if d.score is not None]
    overall = sum(scored) / len(scored) if scored else None
    axis_scores = {axis: AxisScore(s.mean(), s.known, s.unknown) for axis, s in axes.items()}
    care, with_ = axis_scores["care"].score, axis_scores["with"].score
    bands = {"care": band_for(questionnaire, "care", care), "with": band_for(questionnaire, "with", with_)}
    care_band, with_band = bands["care"], bands["with"]
    place = questionnaire.place(care_band.id, with_band.id) if care_band and with_band else None
    unheld = None
    if lowest and place is not None:
        # The place is held down to the one the lived-experience side sees; the bands stay those
        # of the group's own scores, so the words beside each score still fit it.
        held_bands = dict(bands)
        for axis, limit in lowest.items():
            order = [b.id for b in questionnaire.bands[axis]]
            own = held_bands[axis]
            if limit is not None and own is not None and order.index(limit.id) < order.index(own.id):
                held_bands[axis] = limit
        held = questionnaire.place(held_bands["care"].id, held_bands["with"].id)  # type: ignore[union-attr]
        if held is not None and held.id != place.id:
            unheld, place = place, held
    before = _stage_for(questionnaire, with_)
    stage, holds = _requirements(questionnaire, before, axis_scores, domains)
    if ceiling is not None and stage is not None and before is not None:
        view_stage, reason = ceiling
        index = questionnaire.stage_index(view_stage.id)
        if index < questionnaire.stage_index(stage.id):
            holds.append(Hold("view", view_stage, stage, None, None, "", reason, True))
            stage = view_stage
    stage, cap_list = _apply_caps(questionnaire, before, stage, [*triggered, *more])
    return Result(
        overall=overall,
        care=care,
        with_=with_,
        quadrant=place,
        stage=stage,
        stage_before_caps=before,
        caps=cap_list,
        domains=tuple(domains),
        total=sum(d.total for d in domains),
        known=sum(d.known for d in domains),
        unknown=sum(d.unknown for d in domains),
        not_applicable=sum(d.not_applicable for d in domains),
        not_answered=sum(d.not_answered for d in domains),
        unknown_questions=tuple(unknown_ids),
        unanswered_questions=tuple(unanswered_ids),
        axes=axis_scores,
        bands=bands,
        holds=tuple(holds),
        views=views,
        unheld_place=unheld,
    )


def held_levels(result: Result) -> dict[str, str]:
    """The critical questions that hold a group back on part of its answers, with the level found
    there: what the action plan must start from (see plan.derive_actions)."""
    return {c.question_id: c.level for c in result.caps if c.source and c.level}


def below(questionnaire: Questionnaire, question: Question, choice: str) -> bool:
    """True when a level answer is below the question's critical threshold ("don't know" is
    not a level: callers treat it on its own)."""
    if question.critical is None:
        return False
    index = questionnaire.level_index(choice, question)
    return 0 <= index < questionnaire.level_index(question.critical.below, question)


def band_for(questionnaire: Questionnaire, axis: str, value: float | None) -> Band | None:
    """The band of an axis that a score falls in; None when the score is not known."""
    if value is None:
        return None
    reached = [b for b in questionnaire.bands[axis] if value + 1e-9 >= b.start]
    return reached[-1] if reached else None


def is_burn_out(questionnaire: Questionnaire, result: Result) -> bool:
    """People sharing the work without support: care in its lowest band, and the with score in
    its highest band or nearer to it than to the band below (from 62.5 when partnership starts at
    75 and consulting at 50). The warning comes before the place does: people who already share
    much of the work without support are wearing out, even before it counts as partnership."""
    care = result.bands.get("care")
    if care is None or result.with_ is None or care.id != questionnaire.bands["care"][0].id:
        return False
    bands = questionnaire.bands["with"]
    near = (bands[-2].start + bands[-1].start) / 2 if len(bands) > 1 else bands[-1].start
    return result.with_ + 1e-9 >= near


def _stage_for(questionnaire: Questionnaire, with_: float | None) -> Stage | None:
    if with_ is None:
        return None
    reached = [s for s in questionnaire.stages if with_ + 1e-9 >= s.start]
    return reached[-1]


def _requirements(
    questionnaire: Questionnaire,
    before: Stage | None,
    axes: dict[str, AxisScore],
    domains: list[DomainScore],
) -> tuple[Stage | None, list[Hold]]:
    """The stage after each stage's requirements, and every requirement not met on the way up
    to the stage the with score reaches. The lowest one binds."""
    if before is None:
        return None, []
    top = questionnaire.stage_index(before.id)
    by_id = {d.id: d for d in domains}
    holds: list[Hold] = []
    stage = before
    for i in range(1, top + 1):
        above = questionnaire.stages[i]
        binding = questionnaire.stage_index(stage.id) >= i  # every unmet requirement of this stage binds
        for req in above.requires:
            if not req.domain:
                value, what = axes[req.axis].score, req.axis
            else:
                found = by_id.get(req.domain)
                if found is not None and found.not_applicable and found.not_applicable == found.total:
                    continue  # a domain that does not apply at all never holds anything back
                title = found.title if found else req.domain
                if req.axis and found is not None:
                    part = found.axes.get(req.axis)
                    value, what = (part.score if part else None), f"{req.axis} in {title}"
                else:
                    value, what = (found.score if found else None), title
            if value is not None and value + 1e-9 >= req.start:
                continue
            if binding:
                stage = questionnaire.stages[i - 1]
            holds.append(Hold("requirement", questionnaire.stages[i - 1], above, req, value, what, req.reason, binding))
    return stage, holds


def _apply_caps(
    questionnaire: Questionnaire, before: Stage | None, stage: Stage | None, triggered: list[Triggered]
) -> tuple[Stage | None, tuple[Cap, ...]]:
    # Without any "with" answer there is no stage to cap, but the caps are still findings.
    floor = None if before is None else questionnaire.stage_index(before.id)
    lowest = None if stage is None else questionnaire.stage_index(stage.id)
    caps = []
    for t in triggered:
        q, choice = t.question, t.choice
        assert q.critical is not None
        cap_index = questionnaire.stage_index(q.critical.cap)
        binding = floor is not None and cap_index < floor
        if binding and lowest is not None:
            lowest = min(lowest, cap_index)
        level = questionnaire.level(choice, q)
        threshold = questionnaire.level(q.critical.below, q)
        caps.append(
            Cap(
                question_id=q.id,
                prompt=q.prompt,
                answer=level.label if level else ("Don't know" if choice == DONT_KNOW else "Not answered"),
                stage=questionnaire.stages[cap_index],
                reason=t.reason or q.critical.reason_for(choice),
                binding=binding,
                unknown=level is None,
                source=t.source,
                below=threshold.label if threshold else q.critical.below,
                unanswered=choice == NOT_ANSWERED,
                level=level.id if level else "",
            )
        )
    final = questionnaire.stages[lowest] if lowest is not None else None
    return final, tuple(caps)


def result_to_dict(result: Result) -> dict[str, Any]:
    """The result as JSON-ready data, scores rounded to one decimal place."""
    data = _core(result)
    data["domains"] = [
        {
            "id": d.id,
            "title": d.title,
            "score": _r(d.score),
            "care": _r(d.care),
            "with": _r(d.with_),
            "not_known_yet": d.not_known_yet,
            "unknown_share": round(d.unknown_share, 3),
            "counts": {
                "questions": d.total,
                "known": d.known,
                "dont_know": d.unknown,
                "not_applicable": d.not_applicable,
                "not_answered": d.not_answered,
            },
        }
        for d in result.domains
    ]
    data["completeness"] = round(result.completeness, 3)
    data["unknown"] = round(result.unknown_share, 3)
    data["counts"] = {
        "questions": result.total,
        "known": result.known,
        "dont_know": result.unknown,
        "not_applicable": result.not_applicable,
        "not_answered": result.not_answered,
    }
    data["unknown_questions"] = list(result.unknown_questions)
    if result.views is not None:
        data["views"] = {
            "min_group_size": result.views.min_group_size,
            "lived_experience": _view(result.views.lived_experience),
            "others": _view(result.views.others),
        }
    else:
        data["views"] = None
    return data


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _stage(s: Stage | None) -> dict[str, Any] | None:
    return None if s is None else {"id": s.id, "title": s.title}


def _core(result: Result) -> dict[str, Any]:
    return {
        "overall": _r(result.overall),
        "stage": _stage(result.stage),
        "stage_before_caps": _stage(result.stage_before_caps),
        "care": _r(result.care),
        "with": _r(result.with_),
        "axes": {
            axis: {
                "score": _r(a.score),
                "known": a.known,
                "dont_know": a.unknown,
                "unknown_share": round(a.unknown_share, 3),
                "not_known_yet": a.score is None and a.unknown > 0,
            }
            for axis, a in result.axes.items()
        },
        "bands": {axis: None if b is None else {"id": b.id, "title": b.title} for axis, b in result.bands.items()},
        "quadrant": None if result.quadrant is None else {"id": result.quadrant.id, "title": result.quadrant.title},
        "group_quadrant": None
        if result.unheld_place is None
        else {"id": result.unheld_place.id, "title": result.unheld_place.title},
        "caps": [
            {
                "question": c.question_id,
                "prompt": c.prompt,
                "answer": c.answer,
                "below": c.below,
                "cap": c.stage.id,
                "cap_title": c.stage.title,
                "reason": c.reason,
                "binding": c.binding,
                "unknown": c.unknown,
                "unanswered": c.unanswered,
                "source": c.source or "answer",
            }
            for c in result.caps
        ],
        "holds": [
            {
                "kind": h.kind,
                "stage": h.stage.id,
                "stage_title": h.stage.title,
                "above": h.above.id,
                "above_title": h.above.title,
                "what": h.what,
                "score": _r(h.value),
                "needs": None if h.requirement is None else h.requirement.start,
                "reason": h.reason,
                "binding": h.binding,
                "unknown": h.unknown,
            }
            for h in result.holds
        ],
    }


def _view(view: View) -> dict[str, Any]:
    if view.result is None:
        return {"shown": False, "n": None, "care": None, "with": None, "quadrant": None, "stage": None}
    r = view.result
    return {
        "shown": True,
        "n": view.n,
        "care": _r(r.care),
        "with": _r(r.with_),
        "quadrant": None if r.quadrant is None else {"id": r.quadrant.id, "title": r.quadrant.title},
        "stage": _stage(r.stage),
    }
