"""What the board page says: priorities, decisions and what "don't know" revealed.

Pure Python, worked out from the Report; the wording is plain and kind, and
treats lived experience as expertise.
"""

from __future__ import annotations

from coprod_check.domain.plan import PlannedAction
from coprod_check.domain.questionnaire import Question
from coprod_check.domain.scoring import Cap
from coprod_check.domain.wording import whole
from coprod_check.i18n import _, ngettext
from coprod_check.report.model import Report, anyone_with_lived_experience, people, total_people
from coprod_check.report.text import one_line

MOST_PRIORITIES = 5
LEAST_PRIORITIES = 3
MOST_CAPS = 4

_QUADRANT_DECISIONS = {
    "excluding": _(
        "Agree first steps to make it safe for people with lived experience to take part "
        "and be heard, including colleagues who have not said they have it."
    ),
    "caring-for": _(
        "Agree where people with lived experience will share decisions from the start, "
        "not only receive support: good care is not yet partnership."
    ),
    "consulting": _(
        "Agree where people with lived experience will share decisions, not only be asked "
        "for their views, and the support they need to take part."
    ),
    "caring-and-consulting": _(
        "Agree where people with lived experience will share decisions from the "
        "start: asking for views is consultation, not partnership."
    ),
    "involving-without-support": _(
        "Agree the pay, support and rest that people with lived "
        "experience need to keep sharing the work without wearing out."
    ),
    "working-with": _(
        "Agree how the board will keep hearing directly from people with lived "
        "experience, and protect the time and budget this work needs."
    ),
}


def quadrant_words(report: Report) -> str:
    """What the place means for this assessment (worded by headline.py, as everywhere)."""
    from coprod_check.domain.headline import place_sentence

    return place_sentence(report.questionnaire, report.result)


def priorities(report: Report) -> list[PlannedAction]:
    """Three to five actions for the board: every critical one (up to five), topped up to three."""
    chosen = list(report.groups["critical"][:MOST_PRIORITIES])
    for group in ("now", "soon", "later"):
        for action in report.groups[group]:
            if len(chosen) >= LEAST_PRIORITIES:
                return chosen
            chosen.append(action)
    return chosen


def caps_to_show(report: Report, most: int = MOST_CAPS) -> tuple[list[Cap], int]:
    """The caps for the board page, those holding the stage first, and how many more there are."""
    caps = sorted(report.result.caps, key=lambda c: not c.binding)
    return caps[:most], max(0, len(caps) - most)


def decisions(report: Report) -> list[str]:
    """The decisions asked of the board, most important first."""
    r = report.result
    out = []
    if report.accepted:
        out.append(_("Agree this plan, and give each owner the time, authority and budget to carry out their actions."))
    binding = r.binding_count
    if binding and r.stage is not None:
        out.append(
            ngettext(
                "Make what holds the stage back the first priority ({count} finding): it holds "
                "the organisation at \u201c{title}\u201d whatever else improves.",
                "Make what holds the stage back the first priority ({count} findings): they hold "
                "the organisation at \u201c{title}\u201d whatever else improves.",
                binding,
            ).format(count=binding, title=r.stage.title)
        )
    if r.views is not None and r.views.lived_experience.shown and r.unheld_place is not None:
        out.append(
            _(
                "Hear directly from colleagues with lived experience why they see the organisation "
                "differently from the group as a whole, before agreeing anything else."
            )
        )
    if r.quadrant is not None and r.quadrant.id in _QUADRANT_DECISIONS:
        out.append(_QUADRANT_DECISIONS[r.quadrant.id])
    if report.nothing_answered:
        out.append(
            _(
                "Ask the team to answer the questionnaire together, with colleagues and partners "
                "who have lived experience, and to bring the results back to the board."
            )
        )
    else:
        asks = []
        if r.unknown:
            asks.append(
                ngettext(
                    "find out what nobody knew ({count} question)",
                    "find out what nobody knew ({count} questions)",
                    r.unknown,
                ).format(count=r.unknown)
            )
        if report.unanswered:
            asks.append(
                ngettext(
                    "answer the {count} question still open",
                    "answer the {count} questions still open",
                    len(report.unanswered),
                ).format(count=len(report.unanswered))
            )
        if asks:
            out.append(
                (
                    _("Ask the team to {ask} and to {ask2} within three months, and to report back to the board.")
                    if len(asks) == 2
                    else _("Ask the team to {ask} within three months, and to report back to the board.")
                ).format(ask=asks[0], ask2=asks[-1])
            )
    if not people(report):
        out.append(
            _(
                "Ask the team to record who takes part, by role and lived experience, so the "
                "board can see whose views these answers reflect."
            )
        )
    elif not anyone_with_lived_experience(report):
        out.append(
            _(
                "Ask for the next assessment to be done with colleagues and partners who have "
                "lived experience: nobody who took part this time said they had it."
            )
        )
    out.append(
        _(
            "Set a date to review progress on this plan (we suggest three months from now), "
            "and agree to repeat the assessment together in a year."
        )
    )
    return out


def unknowns(report: Report) -> list[Question]:
    """Questions answered "don't know", in questionnaire order."""
    q = report.questionnaire
    return [question for qid in report.result.unknown_questions if (question := q.question(qid))]


def unknown_domains(report: Report) -> list[tuple[str, int]]:
    """(domain title, count) of the domains with "don't know" answers, in questionnaire order."""
    return [(d.title, d.unknown) for d in report.result.domains if d.unknown]


def own_unknowns(report: Report, most: int = 4, prompt: int = 110) -> str:
    """For a group: how many "don't know" answers people gave of their own, and where most
    did not know (plain text). Empty for a single assessment, when nobody said "don't know",
    and when fewer than min_group_size took part (a total would then point at someone)."""
    found = report.dont_knows
    if found is None or not found.answers or total_people(report) < report.min_group_size:
        return ""
    answers = ngettext(
        "{count} \u201cdon\u2019t know\u201d answer", "{count} \u201cdon\u2019t know\u201d answers", found.answers
    ).format(count=found.answers)
    text = ngettext(
        "People gave {answers} of their own, on {count} question.",
        "People gave {answers} of their own, on {count} questions.",
        found.questions,
    ).format(answers=answers, count=found.questions)
    mostly = found.mostly
    chosen = mostly or found.most_often
    if not chosen or not most:
        return text
    q = report.questionnaire
    named = [f"\u201c{one_line(x.prompt, prompt)}\u201d" for qid in chosen[:most] if (x := q.question(qid))]
    listed = "; ".join(named)
    if len(chosen) > len(named):
        listed += _("; and {value} more").format(value=len(chosen) - len(named))
    lead = _("Most people did not know") if mostly else _("The most \u201cdon\u2019t know\u201d answers were to")
    return f"{text} {lead}: {listed}."


def largest_gap(report: Report) -> str:
    """For a group: the widest gap between people with and without lived experience, with its
    size (plain text). Empty when no domain can be shown for both groups, or none differs."""
    if not report.is_group or total_people(report) < report.min_group_size:
        return ""
    gap = report.gaps[0] if report.gaps else None  # the largest first, any not shown last
    if gap is None or gap.suppressed or gap.gap is None or whole(gap.gap) == 0:
        return ""
    from coprod_check.domain.headline import gap_words

    return _(
        "Scores are {gap_words} among people with lived experience in {title} "
        "({lived}, against {not_lived} among people without)."
    ).format(gap_words=gap_words(gap), title=gap.title, lived=whole(gap.lived), not_lived=whole(gap.not_lived))


def by_share_unknown(report: Report, questions: list[Question]) -> list[Question]:
    """The questions, those the largest share of people did not know first (a group's own
    answers), then in questionnaire order."""
    ranked = [qid for qid, _, _ in report.dont_knows.ranked] if report.dont_knows else []
    place = {qid: i for i, qid in enumerate(ranked)}
    return sorted(questions, key=lambda x: place.get(x.id, len(place)))
