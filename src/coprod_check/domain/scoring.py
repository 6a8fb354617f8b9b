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
  "Not applicable" and unanswered questions are left out. "I'd rather not
  answer" is counted on its own and never scored; for coverage, and for a
  critical question, it counts as not answered (it never lets a result rise).
* Parity (stigma and parity of esteem) is scored as an axis, beside care and
  with, but takes no part in the place and moves the stage only where a
  stage's requirement names it.
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

from typing import Any

from coprod_check.domain.assessment import Assessment
from coprod_check.domain.questionnaire import (
    AXES,
    DONT_KNOW,
    FACETS,
    NOT_APPLICABLE,
    RATHER_NOT,
    Band,
    Place,
    Question,
    Questionnaire,
    Stage,
)

# The records live in result.py; they are named here too, where every caller has found them.
from coprod_check.domain.result import (  # noqa: F401
    AxisScore,
    Cap,
    DomainScore,
    Hold,
    Result,
    Triggered,
    View,
    Views,
)
from coprod_check.i18n import _

# A score is not known when more than this share of the answers behind it are "don't know".
MOST_UNKNOWN = 0.5
# Below this share of the with questions answered with a level, the result is provisional: no
# partnership place and no stage in the partnership band, so a best half cannot stand for all.
MOST_ANSWERED = 0.8
# The choice a Cap records for a critical question with no answer (or one this version does not
# have): until it is answered, it holds the stage as "don't know" does.
NOT_ANSWERED = ""


class _Sum:
    __slots__ = ("weighted", "weights", "known", "unknown", "missing", "rather_not")

    def __init__(self) -> None:
        self.weighted = 0.0
        self.weights = 0.0
        self.known = 0
        self.unknown = 0
        self.missing = 0
        self.rather_not = 0

    def add(self, value: float, weight: float) -> None:
        self.weighted += value * weight
        self.weights += weight
        self.known += 1

    def mean(self) -> float | None:
        """The weighted mean of what is known, or None when more than half is "don't know"."""
        if not self.weights or self.unknown > MOST_UNKNOWN * (self.known + self.unknown):
            return None
        return self.weighted / self.weights

    def axis(self) -> AxisScore:
        """The care or with axis. It has a score only when at least half of its questions (not
        applicable left out) are answered with a level: a few answers, with the rest left blank,
        must never stand for the whole organisation."""
        mean = self.mean()
        found = AxisScore(mean, self.known, self.unknown, self.missing, self.rather_not)
        return found._replace(score=None) if found.too_few else found


def score(
    questionnaire: Questionnaire,
    assessment: Assessment,
    *,
    more: tuple[Triggered, ...] = (),
    ceiling: tuple[Stage, str] | None = None,
    views: Views | None = None,
    lowest: dict[str, Band | None] | None = None,
    lowest_by: str = "lived-experience",
) -> Result:
    """Score an assessment against its questionnaire.

    `more` adds critical answers found in part of a group, `ceiling` a stage that the result
    may not pass (with its reason), `lowest` the bands it may not pass, and `views` the two
    sides of a group: see views.score_group.
    """
    facets = {q.orientation for q in questionnaire.questions()} | set(AXES)
    axes = {axis: _Sum() for axis in FACETS if axis in facets}
    domains: list[DomainScore] = []
    triggered: list[Triggered] = []
    unknown_ids: list[str] = []
    unanswered_ids: list[str] = []
    rather_ids: list[str] = []
    for domain in questionnaire.domains:
        total, per_axis = _Sum(), {axis: _Sum() for axis in axes}
        na = 0
        for q in domain.questions:
            choice = assessment.answer(q.id).choice
            if choice == NOT_APPLICABLE and q.not_applicable:
                na += 1  # never scored, never caps
                continue
            if choice == RATHER_NOT:  # counted, never scored; holds as a blank does, naming nobody
                rather_ids.append(q.id)
                total.rather_not += 1
                axes[q.orientation].rather_not += 1
                if q.critical:
                    triggered.append(Triggered(q, RATHER_NOT))
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
                axes[q.orientation].missing += 1
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
                not_answered=len(domain.questions) - total.known - total.unknown - na - total.rather_not,
                axes={axis: AxisScore(s.mean(), s.known, s.unknown) for axis, s in per_axis.items()},
                rather_not=total.rather_not,
            )
        )

    scored = [d.score for d in domains if d.score is not None]
    overall = sum(scored) / len(scored) if scored else None
    axis_scores = {axis: s.axis() for axis, s in axes.items()}
    care, with_ = axis_scores["care"].score, axis_scores["with"].score
    bands = {axis: band_for(questionnaire, axis, a.score) for axis, a in axis_scores.items()}
    care_band, with_band = bands["care"], bands["with"]
    own_place = questionnaire.place(care_band.id, with_band.id) if care_band and with_band else None
    before = _stage_for(questionnaire, with_)
    stage, holds = _requirements(questionnaire, before, axis_scores, domains)
    stage = _coverage(questionnaire, stage, axis_scores["with"], holds)
    if ceiling is not None and stage is not None and before is not None:
        view_stage, reason = ceiling
        index = questionnaire.stage_index(view_stage.id)
        if index < questionnaire.stage_index(stage.id):
            holds.append(Hold("view", view_stage, stage, None, None, "", reason, True))
            stage = view_stage
    # A part of a group's answers adds a cap only where the group's own answer does not already.
    own = {t.question.id for t in triggered}
    stage, cap_list = _apply_caps(
        questionnaire, before, stage, [*triggered, *(t for t in more if t.question.id not in own)]
    )
    provisional = any(h.kind == "coverage" for h in holds)
    place, held_by = _held_place(questionnaire, own_place, bands, lowest, cap_list, provisional, lowest_by)
    unheld = own_place if held_by else None
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
        rather_not=len(rather_ids),
        rather_not_questions=tuple(rather_ids),
        axes=axis_scores,
        bands=bands,
        holds=tuple(holds),
        views=views,
        unheld_place=unheld,
        place_held_by=held_by,
    )


def _coverage(questionnaire: Questionnaire, stage: Stage | None, with_: AxisScore, holds: list[Hold]) -> Stage | None:
    """Hold the stage below the partnership band while fewer than MOST_ANSWERED of the with
    questions have a level: the result is provisional until most are answered."""
    asked = with_.known + with_.unknown + with_.missing + with_.rather_not
    if stage is None or not asked or with_.known >= MOST_ANSWERED * asked:
        return stage
    top = questionnaire.bands["with"][-1].start
    below = [s for s in questionnaire.stages if s.start < top]
    if not below or stage.start < top:
        return stage
    held = below[-1]
    reason = _(
        "Only {known} of the {asked} questions about working with people have an answer with a "
        "level: until at least {MOST_ANSWERED:.0%} do, the result is provisional, and a stage of "
        "partnership cannot rest on part of the answers."
    ).format(known=with_.known, asked=asked, MOST_ANSWERED=MOST_ANSWERED)
    holds.append(Hold("coverage", held, stage, None, None, "with", reason, True))
    return held


def _held_place(
    questionnaire: Questionnaire,
    place: Place | None,
    bands: dict[str, Band | None],
    lowest: dict[str, Band | None] | None,
    caps: tuple[Cap, ...],
    provisional: bool = False,
    lowest_by: str = "lived-experience",
) -> tuple[Place | None, str]:
    """The place to show, and what holds it below the one the scores give ("" for nothing).

    The bands beside each score stay those of the scores; only the named place is held:
    * to the place colleagues with lived experience see (`lowest`), or to none when they could
      not say (their care or with is not known);
    * and no higher on the with axis than the band where the stage is held by a critical answer
      about working with people: an organisation held at "Listening" by one is consulting,
      whatever its average says.
    """
    if place is None:
        return None, ""
    held = dict(bands)
    by = ""
    order = {axis: [b.id for b in questionnaire.bands[axis]] for axis in AXES}

    def lower(axis: str, limit: Band | None, reason: str) -> None:
        nonlocal by
        own = held[axis]
        if limit is not None and own is not None and order[axis].index(limit.id) < order[axis].index(own.id):
            held[axis] = limit
            by = by or reason

    if lowest is not None:
        if lowest.get("care") is None or lowest.get("with") is None:
            return None, lowest_by
        for axis in AXES:  # parity takes no part in the place
            lower(axis, lowest.get(axis), lowest_by)
    # Only critical answers about working with people hold the with band; one about care holds
    # the stage, but says nothing about how far decisions are shared.
    if provisional and len(questionnaire.bands["with"]) > 1:
        lower("with", questionnaire.bands["with"][-2], "coverage")
    binding = [
        c
        for c in caps
        if c.binding and (found := questionnaire.question(c.question_id)) is not None and found.orientation == "with"
    ]
    if binding:
        floor = min(binding, key=lambda c: c.stage.start).stage
        lower("with", band_for(questionnaire, "with", floor.start), "caps")
    care, with_ = held["care"], held["with"]
    shown = questionnaire.place(care.id, with_.id) if care and with_ else None
    if shown is None or shown.id == place.id:
        return place, ""
    return shown, by


def held_levels(result: Result) -> dict[str, str]:
    """The critical questions that hold a group back on part of its answers, with the level found
    there: what the action plan must start from (see plan.derive_actions)."""
    return {c.question_id: c.level for c in result.caps if c.source and c.level}


def threshold_label(questionnaire: Questionnaire, question: Question) -> str:
    """The label of a critical question's threshold level ("Asking"), as every reason names it."""
    assert question.critical is not None
    found = questionnaire.level(question.critical.below, question)
    return found.label if found else question.critical.below


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
    reached = [b for b in questionnaire.bands.get(axis, ()) if value + 1e-9 >= b.start]
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
        caps.append(
            Cap(
                question_id=q.id,
                prompt=q.prompt,
                # a part of a group's level is a starting point for the plan, never anyone's answer
                answer=""
                if t.source
                else level.label
                if level
                else (_("Don't know") if choice == DONT_KNOW else _("Not answered")),  # never "rather not"
                stage=questionnaire.stages[cap_index],
                reason=t.reason or q.critical.reason_for(choice),
                binding=binding,
                unknown=level is None,
                source=t.source,
                below=threshold_label(questionnaire, q),
                unanswered=choice in (NOT_ANSWERED, RATHER_NOT),
                rather_not=choice == RATHER_NOT,
                level=level.id if level else "",
            )
        )
    final = questionnaire.stages[lowest] if lowest is not None else None
    return final, tuple(caps)


def result_to_dict(result: Result) -> dict[str, Any]:
    """The result as JSON-ready data, scores rounded to one decimal place (see result_json.py)."""
    from coprod_check.domain.result_json import result_to_dict as to_dict

    return to_dict(result)
