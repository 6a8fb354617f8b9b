"""What the result says to a board: how much assurance it gives and why, the risks if nothing
changes, the decisions asked (each specific to this result, each with a date), and how many
actions still have no owner agreed or no date.

Pure Python, like headline.py, whose words it builds on: every number comes from the result
(scoring.py, views.py, group.py), never worked out again here. Never flattering: assurance is
about how far the board can rely on these answers, not how good the organisation is, and it
is never higher than the evidence and the voices behind it allow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from coprod_check.domain.assessment import Assessment
from coprod_check.domain.headline import held_items
from coprod_check.domain.plan import PlannedAction
from coprod_check.domain.questionnaire import DONT_KNOW, Questionnaire
from coprod_check.domain.result import Result
from coprod_check.i18n import N_, _, format_date, ngettext

#: Assurance levels, the NHS board convention's words, highest first (translated where shown).
LEVELS = (N_("Substantial"), N_("Reasonable"), N_("Limited"), N_("No assurance yet"))


class Assurance(NamedTuple):
    """How far the board can rely on these answers, and the basis for it."""

    level: str  # one of LEVELS, in English (the key): `title` is it as shown
    answered: int  # questions with an answer of any kind
    total: int
    with_evidence: int  # answers with a level that name their evidence
    with_level: int
    unknown: int
    people: int
    lived: int  # people who said they have lived experience
    reasons: tuple[str, ...]  # why it is not higher, in words, most important first

    @property
    def title(self) -> str:
        """The level in the language in force."""
        return _(self.level)

    @property
    def evidence_share(self) -> int:
        """Per cent of the answers with a level that name their evidence (0 when none)."""
        return round(100 * self.with_evidence / self.with_level) if self.with_level else 0

    @property
    def unknown_share(self) -> int:
        """Per cent of the questions answered "don't know"."""
        return round(100 * self.unknown / self.total) if self.total else 0


def _evidenced(q: Questionnaire, source: Assessment, view: Assessment) -> tuple[int, int]:
    """(answers with a level that name evidence, answers with a level): in a group, a question
    counts as evidenced when the group's note or any response gives evidence for it."""
    with_level = with_evidence = 0
    for question in q.questions():
        choice = view.answer(question.id).choice
        if not choice or choice == DONT_KNOW or q.level(choice, question) is None:
            continue
        with_level += 1
        texts = [view.answer(question.id).evidence]
        texts += [r.answers[question.id].evidence for r in source.responses if question.id in r.answers]
        with_evidence += any(text.strip() for text in texts)
    return with_evidence, with_level


def assurance(q: Questionnaire, source: Assessment, view: Assessment, r: Result) -> Assurance:
    """The assurance level with its basis. Lowered by each of: few answers, little evidence,
    many "don't know" answers, no colleague with lived experience, their view not shown."""
    with_evidence, with_level = _evidenced(q, source, view)
    people = source.people
    lived = sum(1 for p in people if p.lived_experience == "yes")
    answered = r.total - r.not_answered
    reasons: list[str] = []
    level = 0
    if answered == 0:
        return Assurance(LEVELS[3], 0, r.total, 0, 0, 0, len(people), lived, (_("Nothing has been answered yet."),))
    share = answered / r.total if r.total else 0
    ev = with_evidence / with_level if with_level else 0
    unknown = r.unknown / r.total if r.total else 0
    if share < 0.5:
        level = 3
        reasons.append(
            _("Only {answered} of {total} questions have an answer.").format(answered=answered, total=r.total)
        )
    elif share < 1:
        level = max(level, 2 if share < 0.9 else 1)
        reasons.append(
            ngettext(
                "{count} of {total} questions has no answer yet.",
                "{count} of {total} questions have no answer yet.",
                r.total - answered,
            ).format(count=r.total - answered, total=r.total)
        )
    if not people:
        level = max(level, 3)
        reasons.append(_("Nobody recorded who took part, so the board cannot see whose view this is."))
    elif not lived:
        level = max(level, 3)
        reasons.append(_("Nobody who took part said they have lived experience: this is one side\u2019s view."))
    elif source.is_group and r.views is not None and not r.views.lived_experience.shown:
        level = max(level, 1)
        reasons.append(_("The view of colleagues with lived experience is too small a group to show apart."))
    if ev < 0.5:
        level = max(level, 2)
        reasons.append(
            _("Only {evidenced} of {total} answers with a level name their evidence.").format(
                evidenced=with_evidence, total=with_level
            )
        )
    elif ev < 0.8:
        level = max(level, 1)
        reasons.append(
            ngettext(
                "{count} of {total} answers with a level names no evidence.",
                "{count} of {total} answers with a level name no evidence.",
                with_level - with_evidence,
            ).format(count=with_level - with_evidence, total=with_level)
        )
    if unknown > 0.1:
        level = max(level, 2 if unknown > 0.25 else 1)
        reasons.append(
            ngettext(
                "{count} question is answered \u201cdon\u2019t know\u201d.",
                "{count} questions are answered \u201cdon\u2019t know\u201d.",
                r.unknown,
            ).format(count=r.unknown)
        )
    return Assurance(
        LEVELS[level], answered, r.total, with_evidence, with_level, r.unknown, len(people), lived, tuple(reasons)
    )


class Risk(NamedTuple):
    """A risk if nothing changes: what holds the stage back, and what it costs."""

    text: str
    binding: bool


def risks(q: Questionnaire, source: Assessment, r: Result, most: int = 4) -> list[Risk]:
    """The top risks if nothing changes, from the critical answers and the stage requirements
    (headline.py words them): those that hold the stage now first."""
    items = held_items(q, source, r)
    return [Risk(x.short or x.text, x.binding) for x in items[:most]]


def risks_lead(r: Result) -> str:
    """The sentence before the risks."""
    if r.stage is None:
        return _("If nothing changes, these stop the organisation from reaching any stage of working with people:")
    return _("If nothing changes, these keep the organisation at \u201c{stage}\u201d or below:").format(
        stage=r.stage.title
    )


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day where it is shorter)."""
    import calendar

    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Decision(NamedTuple):
    """A decision asked of the board, with the date it sets."""

    text: str
    by: dt.date | None


def decisions(
    q: Questionnaire,
    source: Assessment,
    r: Result,
    actions: Sequence[PlannedAction],
    start: dt.date,
) -> list[Decision]:
    """The decisions asked of the board, specific to this result, each with a date counted from
    `start` (the meeting's date, or the day it is printed)."""
    out: list[Decision] = []
    soon, quarter, year = add_months(start, 1), add_months(start, 3), add_months(start, 12)
    critical = [a for a in actions if a.group == "critical"]
    undated = sum(1 for a in actions if not a.due)
    to_agree = sum(1 for a in actions if a.owner_suggested or not a.owner.strip())
    if r.total and r.total == r.not_answered:
        text = _(
            "Ask the team to answer the questionnaire with colleagues and partners who have lived experience, "
            "and to bring the result to the board by {date}."
        )
        out.append(Decision(text.format(date=format_date(quarter)), quarter))
    if critical:
        text = ngettext(
            "Approve the {count} critical action as the first priority, \u201c{first}\u201d, with its owner "
            "agreed by {date}.",
            "Approve the {count} critical actions as the first priority, starting with \u201c{first}\u201d, with "
            "owners agreed by {date}.",
            len(critical),
        )
        out.append(Decision(text.format(count=len(critical), first=critical[0].title, date=format_date(soon)), soon))
    if to_agree and undated:
        text = _(
            "Agree an owner for the {owners} actions whose owner is only suggested, and a due date for the "
            "{undated} without one, by {date}."
        )
        out.append(Decision(text.format(owners=to_agree, undated=undated, date=format_date(soon)), soon))
    elif to_agree:
        text = ngettext(
            "Agree an owner for the {count} action whose owner is only suggested, by {date}.",
            "Agree an owner for the {count} actions whose owner is only suggested, by {date}.",
            to_agree,
        )
        out.append(Decision(text.format(count=to_agree, date=format_date(soon)), soon))
    elif undated:
        text = ngettext(
            "Agree a due date for the {count} action without one, by {date}.",
            "Agree a due date for the {count} actions without one, by {date}.",
            undated,
        )
        out.append(Decision(text.format(count=undated, date=format_date(soon)), soon))
    views = r.views
    if views is not None and views.lived_experience.shown and r.unheld_place is not None:
        text = _(
            "Hear directly from colleagues with lived experience why they see the organisation differently from "
            "the group as a whole, at the meeting on or after {date}."
        )
        out.append(Decision(text.format(date=format_date(quarter)), quarter))
    if r.unknown:
        text = ngettext(
            "Ask the team to find out the {count} answer nobody knew, and to report back by {date}.",
            "Ask the team to find out the {count} answers nobody knew, and to report back by {date}.",
            r.unknown,
        )
        out.append(Decision(text.format(count=r.unknown, date=format_date(quarter)), quarter))
    if source.people and not any(p.lived_experience == "yes" for p in source.people):
        text = _(
            "Ask for the next assessment to be done with colleagues and partners who have lived experience, by "
            "{date}: nobody who took part this time said they had it."
        )
        out.append(Decision(text.format(date=format_date(year)), year))
    text = _("Review progress on this plan on {review}, and repeat the assessment together by {repeat}.")
    out.append(Decision(text.format(review=format_date(quarter), repeat=format_date(year)), quarter))
    return out


def undated_sentence(actions: Sequence[PlannedAction]) -> str:
    """ "12 of 40 actions have no due date yet", never hidden (and never "0 of 0")."""
    total = len(actions)
    undated = sum(1 for a in actions if not a.due)
    if not total:
        return _("There are no actions yet.")
    if not undated:
        return ngettext(
            "The {count} action has a due date.", "Every one of the {count} actions has a due date.", total
        ).format(count=total)
    return ngettext(
        "{count} of {total} actions has no due date yet.", "{count} of {total} actions have no due date yet.", undated
    ).format(count=undated, total=total)


def owners_sentence(actions: Sequence[PlannedAction]) -> str:
    """How many owners are agreed, and how many are only suggested."""
    total = len(actions)
    agreed = sum(1 for a in actions if a.owner_agreed)
    if not total:
        return ""
    if agreed == total:
        return ngettext(
            "The {count} action has an owner agreed.", "Every one of the {count} actions has an owner agreed.", total
        ).format(count=total)
    return ngettext(
        "{count} of {total} actions has an owner agreed; the others show the questionnaire\u2019s suggestion, "
        "to agree.",
        "{count} of {total} actions have an owner agreed; the others show the questionnaire\u2019s suggestion, "
        "to agree.",
        agreed,
    ).format(count=agreed, total=total)
