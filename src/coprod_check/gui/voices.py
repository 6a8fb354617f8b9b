"""What the window says about several voices and several rounds, as plain text. No Qt here.

Every sentence about a group is built from what the domain lets be shown: where
a group is smaller than `min_group_size`, its figures are None and `suppressed`
is set, and the words say "not shown" instead of any figure.
"""

from __future__ import annotations

from coprod_check.domain.assessment import Assessment
from coprod_check.domain.group import DISAGREEMENT_RANGE, DomainGap, QuestionSpread
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE, Questionnaire
from coprod_check.domain.rounds import REVIEW_TITLES, Change, review_summary
from coprod_check.domain.wording import change_of, not_shown_group, signed, whole, words
from coprod_check.i18n import _, ngettext

DISAGREE = _(
    "People disagree here: answers are {DISAGREEMENT_RANGE} or more levels apart. "
    "This is worth talking through together."
).format(DISAGREEMENT_RANGE=words(DISAGREEMENT_RANGE))


def people(count: int) -> str:
    """ "1 person", "3 people"."""
    return ngettext("{count} person", "{count} people", count).format(count=count)


def levels_apart(count: int) -> str:
    """ "the same level", "1 level apart", "3 levels apart"."""
    if count == 0:
        return _("all the same level")
    return ngettext("{count} level apart", "{count} levels apart", count).format(count=count)


def _label(q: Questionnaire, question_id: str, level_id: str | None) -> str:
    level = q.level(level_id, question_id) if level_id else None
    return level.label if level else (level_id or "")


def not_shown_answers(min_size: int, dont_know: bool = False) -> str:
    """What a question on which too few people gave a level says instead of its figures;
    `dont_know` when the group's answer is "don't know" for that reason."""
    then = (
        _("Until the group agrees a level, the group\u2019s answer is \u201cdon\u2019t know\u201d.")
        if dont_know
        else _("It is not scored until the group agrees a level.")
    )
    return _(
        "Not shown: fewer than {min_size} people gave a level for this question, so nobody can be picked out. {then}"
    ).format(min_size=min_size, then=then)


def spread_lines(q: Questionnaire, found: QuestionSpread, min_size: int) -> list[str]:
    """Every individual answer to a question, counted by level; nothing when too few gave a level."""
    if found.suppressed:
        return [not_shown_answers(min_size, found.group_choice == DONT_KNOW)]
    lines = [_("{people} answered this question:").format(people=people(found.responses))]
    lines += [
        _("{level}: {people}").format(level=level.label, people=people(found.counts.get(level.id, 0)))
        for level in q.levels_for(found.question_id)
    ]
    for choice, label in ((DONT_KNOW, _("Don't know")), (NOT_APPLICABLE, _("Not applicable"))):
        if found.counts.get(choice):
            lines.append(_("{level}: {people}").format(level=label, people=people(found.counts[choice])))
    if found.median is None:
        lines.append(_("Median: none, because nobody chose a level."))
    else:
        lines.append(_("Median: {label}.").format(label=_label(q, found.question_id, found.median)))
        if found.low == found.high:
            lines.append(
                _("Range: everyone who chose a level chose {label}.").format(
                    label=_label(q, found.question_id, found.low)
                )
            )
        else:
            low, high = _label(q, found.question_id, found.low), _label(q, found.question_id, found.high)
            lines.append(
                _("Range: from {low} to {high} ({levels_apart}).").format(
                    low=low, high=high, levels_apart=levels_apart(found.spread)
                )
            )
    return lines


def agreed_words(q: Questionnaire, found: QuestionSpread, min_size: int) -> str:
    """What the group's level is and where it comes from: the agreed level, or the median."""
    if found.agreed:
        text = _("Agreed by the group: {label}. Scoring uses this level.").format(
            label=_label(q, found.question_id, found.agreed)
        )
        if found.median and not found.suppressed:
            text += _(" The median of everyone's answers is {label}.").format(
                label=_label(q, found.question_id, found.median)
            )
        return text
    if found.suppressed and not found.responses:
        return _("No level agreed yet, and nobody has answered this question, so it is not scored yet.")
    if found.suppressed and found.group_choice == DONT_KNOW:
        return _(
            "No level agreed yet. Fewer than {min_size} people gave a level, so until the group "
            "agrees one, the group\u2019s answer is \u201cdon\u2019t know\u201d: something to find out."
        ).format(min_size=min_size)
    if found.suppressed:
        return _(
            "No level agreed yet. Fewer than {min_size} people gave a level, so none is shown, and "
            "this question is not scored until the group agrees one."
        ).format(min_size=min_size)
    if found.median:
        return _(
            "No level agreed yet, so scoring uses the median of everyone's answers: "
            "{label}. Choose a level above to record what the group agreed."
        ).format(label=_label(q, found.question_id, found.median))
    if found.group_choice == DONT_KNOW:
        return _("No level agreed yet. Nobody chose a level, so the group's answer is \u201cdon't know\u201d.")
    if found.group_choice == NOT_APPLICABLE:
        return _("No level agreed yet. Everyone said this does not apply.")
    return _("No level agreed yet, and nobody chose a level, so this question is not scored yet.")


def disagreement_line(q: Questionnaire, found: QuestionSpread) -> str:
    """One question people disagree on, for the results page."""
    question = q.question(found.question_id)
    prompt = question.prompt if question else found.question_id
    agreed = (
        _(" Agreed by the group: {label}.").format(label=_label(q, found.question_id, found.agreed))
        if found.agreed
        else _(" No level agreed yet.")
    )
    low, high = _label(q, found.question_id, found.low), _label(q, found.question_id, found.high)
    return _("{prompt} Answers from {low} to {high} ({levels_apart}); median {label}.{agreed}").format(
        prompt=prompt,
        low=low,
        high=high,
        levels_apart=levels_apart(found.spread),
        label=_label(q, found.question_id, found.median),
        agreed=agreed,
    )


def gap_line(gap: DomainGap, min_size: int) -> str:
    """One domain's lived-experience gap, or that it is not shown."""
    lived, not_lived = whole(gap.lived), whole(gap.not_lived)
    if gap.suppressed or lived is None or not_lived is None:
        return f"{gap.title}: {not_shown_group(min_size)}."
    from coprod_check.domain.headline import gap_words

    return _(
        "{title}: people with lived experience {lived}, people without {not_lived}. With lived experience: {gap_words}."
    ).format(title=gap.title, lived=lived, not_lived=not_lived, gap_words=gap_words(gap))


def count_words(count: int | None) -> str:
    """A count of people, or "not shown" where it is too small (or would give one away)."""
    return _("not shown") if count is None else str(count)


def change_row(change: Change) -> tuple[str, str, str, str]:
    """(title, last time, now, change) as shown; the change is worked out from the shown whole numbers."""
    before, after = whole(change.before), whole(change.after)
    return (
        change.title,
        _("not scored") if before is None else str(before),
        _("not scored yet") if after is None else str(after),
        signed(change_of(change)),
    )


def reviewed_words(assessment: Assessment) -> str:
    """How many of last time's actions are reviewed, and how they went: "3 of 5 reviewed (done: 1, ...)."."""
    counts = review_summary(assessment)
    total = sum(counts.values())
    waiting = counts.pop("not-reviewed")
    went = [f"{REVIEW_TITLES[key].lower()}: {n}" for key, n in counts.items() if n]
    text = _("{value} of {total} reviewed").format(value=total - waiting, total=total)
    return text + (f" ({', '.join(went)})." if went else ".")
