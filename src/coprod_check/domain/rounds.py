"""Several rounds: start from last time, review its plan, and compare.

A new round copies the organisation, team and people from the previous
assessment, starts with no answers, and keeps a snapshot of what the previous
round found (scores, stage, caps) and planned (its accepted actions, and those
whose gap has closed but which the team had started or done), so the
comparison and the review of last time's plan need only the new file.

It also carries every earlier round's answers forward in full (`rounds`, oldest
first), so that every round can be scored again with today's rules: see trend.py.
Names and private notes do not travel: the earlier files still hold them.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from coprod_check.domain.assessment import (
    Answer,
    Assessment,
    BoardFields,
    Participant,
    Previous,
    PreviousAction,
    Response,
    Review,
)
from coprod_check.domain.plan import build_plan
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.domain.scoring import Result, held_levels
from coprod_check.i18n import _, pgettext

REVIEW_TITLES = {"done": _("Done"), "partly": _("Partly done"), "not-done": _("Not done"), "dropped": _("Dropped")}


def snapshot(questionnaire: Questionnaire, assessment: Assessment, source: str = "") -> Previous:
    """What an assessment found and planned, as the next round keeps it."""
    from coprod_check.domain.group import evaluate, group_view

    view = group_view(questionnaire, assessment)
    result = evaluate(questionnaire, assessment)
    return Previous(
        date=assessment.date,
        questionnaire_version=assessment.questionnaire_version,
        overall=result.overall,
        care=result.care,
        with_=result.with_,
        stage_id=result.stage.id if result.stage else None,
        stage_title=result.stage.title if result.stage else None,
        domains={d.id: d.score for d in result.domains},
        caps=[(c.question_id, c.reason) for c in result.caps if c.binding],
        actions=[
            PreviousAction(id=a.id, title=a.title, owner=a.owner, due=a.due, status=a.status, group=a.group)
            for a in build_plan(questionnaire, view, held=held_levels(result))
            if a.accepted and (not a.closed or a.status != "not-started")
        ],
        source=source,
    )


def start_from(
    questionnaire: Questionnaire, previous: Assessment, source: str = "", today: dt.date | None = None
) -> Assessment:
    """A new round: same organisation and team (and people, for a team that answered together);
    no answers; last time's plan to review."""
    new = Assessment.new(questionnaire, today)
    new.organisation, new.team = previous.organisation, previous.team
    # A team that answered together will do so again; a group's people will each answer
    # a blank copy again, and their names should not travel into a shared file.
    people = [] if previous.is_group else previous.participants
    new.participants = [Participant(p.role, p.lived_experience, p.name) for p in people]
    new.min_group_size = previous.min_group_size
    new.previous = snapshot(questionnaire, previous, source)
    new.reviews = {a.id: Review() for a in new.previous.actions}
    new.rounds = [*previous.rounds, carry_forward(previous)]
    # Who leads and writes the paper is likely to stay; the meeting and its date are new.
    new.board = BoardFields(
        purpose=previous.board.purpose, executive_lead=previous.board.executive_lead, author=previous.board.author
    )
    return new


def carry_forward(assessment: Assessment) -> Assessment:
    """A round's answers as the next round keeps them: every level, note and evidence, a
    group's responses and agreed levels; no names, no private notes, no plan (its snapshot
    keeps what it planned), no lived-experience statement (it belongs to its own round)."""

    def public(answers: dict[str, Answer]) -> dict[str, Answer]:
        kept = {}
        for qid, x in answers.items():
            x = Answer(x.choice, "", x.evidence) if x.note_private else Answer(x.choice, x.note, x.evidence)
            if not x.is_empty():
                kept[qid] = x
        return kept

    return Assessment(
        questionnaire_id=assessment.questionnaire_id,
        questionnaire_version=assessment.questionnaire_version,
        organisation=assessment.organisation,
        team=assessment.team,
        date=assessment.date,
        fingerprints=dict(assessment.fingerprints),
        participants=[Participant(p.role, p.lived_experience) for p in assessment.participants],
        answers=public(assessment.answers),
        responses=[
            Response(
                id=r.id,
                participant=Participant(r.participant.role, r.participant.lived_experience),
                answers=public(r.answers),
                date=r.date,
            )
            for r in assessment.responses
        ],
        agreed=dict(assessment.agreed),
        min_group_size=assessment.min_group_size,
    )


class Change(NamedTuple):
    """One figure then and now."""

    id: str
    title: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        """After minus before, or None when either is missing."""
        return None if self.before is None or self.after is None else self.after - self.before


class Comparison(NamedTuple):
    """What changed between two rounds, with the reasons for the stage."""

    before_date: str
    after_date: str
    overall: Change
    care: Change
    with_: Change
    domains: tuple[Change, ...]
    stage_before: str | None  # titles
    stage_after: str | None
    stage_change: int  # stages moved up (negative: down); 0 when either is unknown
    reasons: tuple[str, ...]


def compare(questionnaire: Questionnaire, before: Previous, after_assessment: Assessment) -> Comparison:
    """Compare a previous round's snapshot with the current assessment."""
    from coprod_check.domain.group import evaluate

    result = evaluate(questionnaire, after_assessment)
    return _compare(questionnaire, before, after_assessment.date, result, after_assessment.questionnaire_version)


def _compare(
    questionnaire: Questionnaire, before: Previous, after_date: str, after: Result, after_version: str = ""
) -> Comparison:
    domains = tuple(Change(d.id, d.title, before.domains.get(d.id), d.score) for d in after.domains)
    reasons: list[str] = []
    if before.questionnaire_version and after_version and before.questionnaire_version != after_version:
        reasons.append(
            _(
                "Last time\u2019s figures were worked out with version {questionnaire_version} "
                "of the questionnaire, and these with version {after_version}, whose scoring rules "
                "differ (see the changelog): read the changes with care."
            ).format(questionnaire_version=before.questionnaire_version, after_version=after_version)
        )
    stage_after = after.stage.title if after.stage else None
    if before.stage_title != stage_after:
        reasons.append(
            _("The stage was {value} and is now {value2}.").format(
                value=before.stage_title or _("not yet known"), value2=stage_after or _("not yet known")
            )
        )
    if before.with_ is not None and after.with_ is not None:
        reasons.append(
            _("The with score went from {with_:.0f} to {with_2:.0f}.").format(with_=before.with_, with_2=after.with_)
        )
    before_caps = {qid for qid, _ in before.caps}
    after_caps = {c.question_id: c for c in after.caps if c.binding}
    for qid, reason in before.caps:
        if qid not in after_caps:
            reasons.append(_("No longer holding the stage back: {reason}").format(reason=reason))
    for qid, cap in after_caps.items():
        lead = _("Still holding the stage back") if qid in before_caps else _("Now holding the stage back")
        reasons.append(f"{lead}: {cap.reason}")
    ids = [s.id for s in questionnaire.stages]
    moved = ids.index(after.stage.id) - ids.index(before.stage_id) if after.stage and before.stage_id in ids else 0
    return Comparison(
        before_date=before.date,
        after_date=after_date,
        stage_change=moved,
        overall=Change("overall", _("Overall"), before.overall, after.overall),
        care=Change("care", pgettext("axis", "Care"), before.care, after.care),
        with_=Change("with", pgettext("axis", "With"), before.with_, after.with_),
        domains=domains,
        stage_before=before.stage_title,
        stage_after=stage_after,
        reasons=tuple(reasons),
    )


def review_summary(assessment: Assessment) -> dict[str, int]:
    """How last time's actions went: counts by outcome, and how many are not yet reviewed."""
    counts = {key: 0 for key in (*REVIEW_TITLES, "not-reviewed")}
    if assessment.previous is None:
        return counts
    for action in assessment.previous.actions:
        review = assessment.reviews.get(action.id)
        counts[review.outcome if review and review.outcome else "not-reviewed"] += 1
    return counts
