"""Both sides of a group, and the rules that keep lived experience from being outvoted.

The group's own levels come from group.py (agreed, or the lower median); here colleagues with
lived experience and those without are scored apart, shown only where nobody can be
identified, and their view holds the group's result back, never lifts it. The rules are in
the README, "How scoring works", and in `score_group` below.
"""

from __future__ import annotations

from coprod_check.domain.assessment import Assessment
from coprod_check.domain.group import (
    LIVED,
    NOT_LIVED,
    _as_assessment,
    group_view,
    level_indices,
    side,
    sides_shown,
    spread,
)
from coprod_check.domain.questionnaire import DONT_KNOW, Band, Question, Questionnaire, Stage
from coprod_check.domain.scoring import Result, Triggered, View, Views, below, score, threshold_label
from coprod_check.i18n import _


def score_group(q: Questionnaire, group: Assessment) -> Result:
    """A group's result, in which lived experience is never outvoted.

    * The group is scored on its agreed or median levels, and each side (colleagues with
      lived experience, and those without) is scored on its own medians where `sides_shown`
      allows it. People who preferred not to say are in neither side.
    * Where the lived-experience side is shown, a critical question on which its median is
      below the threshold, or "don't know", holds the stage back even where the whole group's
      median does not; the group's stage and place are never higher than the stage and place
      that side sees, and where that side cannot say (its scores are not known), the group's
      place is not known either.
    * Where it cannot be shown, a critical question holds the stage back when anyone at all rated
      it below the threshold, so that one or two colleagues with lived experience are never
      outvoted. The rule looks at everyone alike, and its reason names no level and no person.
    """
    view = group_view(q, group)
    shown = sides_shown(group)
    sides: dict[str, View] = {}
    for key in (LIVED, NOT_LIVED):
        members = side(group, key)
        sides[key] = View(len(members.responses), score(q, group_view(q, members))) if shown[key] else View(None, None)
    views = Views(sides[LIVED], sides[NOT_LIVED], group.min_group_size)
    more: list[Triggered] = []
    ceiling = None
    critical = [x for x in q.questions() if x.critical]  # `score` drops any the whole group caps
    lived = sides[LIVED]
    lowest: dict[str, Band | None] | None = None
    if lived.result is not None:
        members = side(group, LIVED)
        for question in critical:
            assert question.critical is not None
            choice = spread(q, members, question.id).group_choice
            threshold = q.level_index(question.critical.below, question)
            own = level_indices(
                q,
                [r.answers[question.id].choice or "" for r in members.responses if question.id in r.answers],
                question.id,
            )
            if choice == DONT_KNOW:
                more.append(Triggered(question, choice, "lived-experience", lived_experience_unknown(question)))
            elif choice and below(q, question, choice):
                reason = lived_experience_reason(q, question, choice)
                more.append(Triggered(question, choice, "lived-experience", reason))
            elif any(i < threshold for i in own):  # one of them, outvoted by the others on their side
                choice = q.levels_for(question)[threshold - 1].id
                more.append(Triggered(question, choice, "lived-experience", one_of_them_reason(q, question)))
        lowest = dict(lived.result.bands)
        if lived.result.stage is not None:
            seen = lived.result.stage.title
            ceiling = (
                lived.result.stage,
                _(
                    "The result follows colleagues with lived experience, who see the organisation "
                    "at \u201c{seen}\u201d: a group\u2019s stage is never set above the one they see."
                ).format(seen=seen),
            )
        else:
            first = q.stages[0]
            ceiling = (
                first,
                _(
                    "Colleagues with lived experience could not say how far the organisation works "
                    "with them (most of their answers are \u201cdon\u2019t know\u201d, or not given): "
                    "until they can, the group\u2019s stage is not set above the first."
                ),
            )
    else:
        for question in critical:
            assert question.critical is not None
            answers = [r.answers[question.id].choice for r in group.responses if question.id in r.answers]
            indices = level_indices(q, [a for a in answers if a], question.id)
            threshold = q.level_index(question.critical.below, question)
            if any(i < threshold for i in indices):
                # The level just below the threshold: what the plan starts from, naming nobody's answer.
                choice = q.levels_for(question)[threshold - 1].id
                more.append(Triggered(question, choice, "anyone", anyone_reason(q, question)))
        # Nor is the stage or place set above what any one person's own answers give: one or two
        # colleagues with lived experience are never outvoted on the rest of the questions either.
        ceiling, lowest = _anyone_limits(q, group)
        return score(q, view, more=tuple(more), ceiling=ceiling, views=views, lowest=lowest, lowest_by="anyone")
    return score(q, view, more=tuple(more), ceiling=ceiling, views=views, lowest=lowest)


def _anyone_limits(
    q: Questionnaire,
    group: Assessment,
) -> tuple[tuple[Stage, str] | None, dict[str, Band | None] | None]:
    """The lowest stage, and the lowest band of each axis, that any one person's own answers give
    (people whose answers give no stage or band are left out), worded to name nobody."""
    own = [score(q, _as_assessment(group, r)) for r in group.responses]
    staged = [r.stage for r in own if r.stage is not None]
    ceiling = None
    if staged:
        lowest_stage = min(staged, key=lambda s: q.stage_index(s.id))
        ceiling = (
            lowest_stage,
            _(
                "The view of colleagues with lived experience cannot be shown apart, so the "
                "group\u2019s stage is never set above the stage any one person\u2019s own "
                "answers give: \u201c{title}\u201d."
            ).format(title=lowest_stage.title),
        )
    bands: dict[str, Band | None] = {}
    for axis in ("care", "with"):
        found = [b for r in own if (b := r.bands.get(axis)) is not None]
        order = [b.id for b in q.bands[axis]]
        bands[axis] = min(found, key=lambda b: order.index(b.id)) if found else None
    return ceiling, (bands if all(bands.values()) else None)


def one_of_them_reason(q: Questionnaire, question: Question) -> str:
    """Why a critical question holds a group back on one colleague with lived experience."""
    label = threshold_label(q, question)
    return _(
        "At least one colleague with lived experience rated this below \u201c{label}\u201d: on a "
        "critical question, their concern is not outvoted, even by the rest of their side."
    ).format(label=label)


def lived_experience_unknown(question: Question) -> str:
    """Why a critical question holds a group back when colleagues with lived experience did not know."""
    return _(
        "Most colleagues with lived experience did not know the answer, although the group as a whole "
        "gave one. Not knowing, for the people it is about, is itself a finding."
    )


def lived_experience_reason(q: Questionnaire, question: Question, choice: str) -> str:
    """Why a critical question holds a group back on the lived-experience side's answer."""
    label = threshold_label(q, question)
    return (
        f"Colleagues with lived experience rated this below \u201c{label}\u201d, although the group "
        f"as a whole did not. {question.critical.reason_for(choice) if question.critical else ''}"
    ).strip()


def anyone_reason(q: Questionnaire, question: Question) -> str:
    """Why a critical question holds a group back on one person's answer. It names no level and
    no person: only that someone rated it below the threshold."""
    label = threshold_label(q, question)
    return _(
        "Someone who took part rated this below \u201c{label}\u201d. The view of colleagues with lived "
        "experience cannot be shown apart without identifying someone, so any one person\u2019s concern "
        "on a critical question holds the stage back."
    ).format(label=label)
