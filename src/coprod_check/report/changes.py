"""What "Since last time" and "Where we see it differently" say, as plain text.

Pure Python, like model.py: no reportlab, so tests can check the words and
figures exactly. Changes are worked out from the figures as printed (whole
numbers), so every row adds up for a reader checking by hand.
"""

from __future__ import annotations

from typing import NamedTuple

from coprod_check.domain.assessment import Review
from coprod_check.domain.group import DISAGREEMENT_RANGE, DomainGap
from coprod_check.domain.plan import GROUP_TITLES
from coprod_check.domain.rounds import REVIEW_TITLES, Comparison, review_summary
from coprod_check.domain.wording import long_date, stage_sentence, whole, words
from coprod_check.i18n import _, format_list, ngettext
from coprod_check.report.model import Report, count_text, total_people

NOT_REVIEWED = _("Not reviewed yet")


def then_and_now(c: Comparison) -> str:
    """With, care and overall, then and now, in one sentence."""
    parts = []
    for change, name in ((c.with_, _("With")), (c.care, "care"), (c.overall, _("the overall score"))):
        before, after = whole(change.before), whole(change.after)
        if before is None or after is None:
            continue
        parts.append(
            _("{name} went from {before} to {after}").format(name=name, before=before, after=after)
            if before != after
            else _("{name} stayed at {after}").format(name=name, after=after)
        )
    if not parts:
        return ""
    from coprod_check.i18n import format_list

    text = format_list(parts)
    return text[0].upper() + text[1:] + "."


class ReviewRow(NamedTuple):
    """One action from last time's plan, with how it went."""

    title: str
    owner: str
    due: str | None
    status: str
    group: str  # the timescale's title
    outcome: str  # e.g. "Partly done", or NOT_REVIEWED
    note: str


def review_rows(report: Report) -> list[ReviewRow]:
    """Last time's actions in their plan order, each with its review (if any)."""
    a = report.source
    if a.previous is None:
        return []
    labels = {**GROUP_TITLES, "critical": _("Critical")}
    out = []
    for action in a.previous.actions:
        review = a.reviews.get(action.id) or Review()
        outcome = REVIEW_TITLES.get(review.outcome or "", NOT_REVIEWED)
        out.append(
            ReviewRow(
                action.title,
                action.owner,
                action.due,
                action.status,
                labels.get(action.group, action.group),
                outcome,
                review.note,
            )
        )
    return out


def review_counts(report: Report) -> list[tuple[str, int]]:
    """(outcome title, how many) for every outcome, then how many are not reviewed yet."""
    counts = review_summary(report.source)
    return [(REVIEW_TITLES.get(key, NOT_REVIEWED), n) for key, n in counts.items()]


def review_sentence(report: Report) -> str:
    """How last time's plan went, in one sentence (only the outcomes that occurred)."""
    rows = review_rows(report)
    if not rows:
        return _("Last time\u2019s plan had no actions to review.")
    counts = dict(review_counts(report))
    waiting = counts.pop(NOT_REVIEWED)
    done = [_("{count} {outcome}").format(count=n, outcome=title.lower()) for title, n in counts.items() if n]
    if not done:
        return ngettext(
            "Of the {count} action agreed last time: none reviewed yet.",
            "Of the {count} actions agreed last time: none reviewed yet.",
            len(rows),
        ).format(count=len(rows))
    if waiting:
        sentence = ngettext(
            "Of the {count} action agreed last time: {outcomes}; {waiting} not reviewed yet.",
            "Of the {count} actions agreed last time: {outcomes}; {waiting} not reviewed yet.",
            len(rows),
        )
    else:
        sentence = ngettext(
            "Of the {count} action agreed last time: {outcomes}.",
            "Of the {count} actions agreed last time: {outcomes}.",
            len(rows),
        )
    return sentence.format(count=len(rows), outcomes=format_list(done), waiting=waiting)


def since_summary(report: Report) -> str:
    """The board page's short account of what changed since last time."""
    c = report.comparison
    if c is None:
        return ""
    when = long_date(c.before_date, "")
    lead = _("Compared with the assessment of {when}: ").format(when=when) if when else _("Compared with last time: ")
    stage = stage_sentence(c)
    text = lead + stage[0].lower() + stage[1:]
    figures = then_and_now(c)
    return " ".join(x for x in (text, figures, review_sentence(report)) if x)


def gap_words(gap: DomainGap) -> str:
    """How the two groups' scores differ (headline.py words every difference)."""
    from coprod_check.domain.headline import gap_words as words

    return words(gap)


def not_shown(report: Report) -> str:
    """What a suppressed figure says instead of itself."""
    return _("Not shown: fewer than {min_group_size} people in a group").format(min_group_size=report.min_group_size)


def voices_summary(report: Report) -> str:
    """The board page's pointer to who took part and where they see it differently (plain text)."""
    total = total_people(report)
    if not total:
        return _("who took part (not recorded).")
    lived = report.took_part["lived_experience"].get("yes", 0)
    people = ngettext("{count} person", "{count} people", total).format(count=total)
    text = (
        _("who took part ({people}, none with lived experience)").format(people=people)
        if lived == 0
        else _("who took part ({people}; with lived experience: {count_text})").format(
            people=people, count_text=count_text(lived, report)
        )
    )
    if report.is_group:
        apart = _("{DISAGREEMENT_RANGE} or more levels apart").format(DISAGREEMENT_RANGE=words(DISAGREEMENT_RANGE))
        if total < report.min_group_size:
            text += _("; how their answers differ is not shown, because so few took part")
        else:
            # The largest lived-experience gap is not named here: the board page gives it, with
            # its size, in a sentence of its own (findings.largest_gap).
            n = len(report.spreads)
            text += (
                ngettext(
                    "; where we see it differently ({count} question with answers {apart})",
                    "; where we see it differently ({count} questions with answers {apart})",
                    n,
                ).format(count=n, apart=apart)
                if n
                else _("; where we see it differently (no question with answers {apart})").format(apart=apart)
            )
    return text + "."
