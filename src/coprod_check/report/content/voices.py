"""Who took part and, for a group, where people see it differently: as plain data.

Small numbers stay hidden exactly as group.py hides them ("not shown", and the next smallest
with it); names are printed only when asked for, and in a group without roles.
"""

from __future__ import annotations

from coprod_check.domain.group import DISAGREEMENT_RANGE
from coprod_check.domain.headline import gap_words
from coprod_check.domain.wording import whole, words
from coprod_check.i18n import _, ngettext
from coprod_check.report.content.model import Block, Heading, Para, Runs, Section, Table, bold, runs
from coprod_check.report.model import (
    Report,
    anyone_with_lived_experience,
    count_text,
    lived_experience_counts,
    names,
    role_counts,
    total_people,
)

NOBODY = _(
    "Nobody who took part said they have lived experience of mental health difficulties. An assessment of "
    "co-production made without anyone with lived experience is itself a finding: the answers show the "
    "organisation as it looks from one side only, however carefully they were given."
)


def took_part(report: Report) -> Section:
    """How many people, by role and by lived experience; names only when asked for."""
    blocks: list[Block] = [Heading(_("Who took part"), 1)]
    total = total_people(report)
    if not total:
        blocks.append(
            Para(
                runs(
                    _(
                        "Nobody is recorded as taking part, so a reader cannot see whose views these answers reflect. "
                        "Next time, record each person\u2019s role and whether they have lived experience of mental "
                        "health difficulties (anyone may prefer not to say)."
                    )
                )
            )
        )
        return Section("took-part", _("Who took part"), tuple(blocks), new_page=True)
    if report.is_group:
        how = ngettext(
            "{count} person answered the questionnaire on their own, and their answers were combined. "
            "Individual answers and notes stay in the group\u2019s file.",
            "{count} people answered the questionnaire on their own, and their answers were combined. "
            "Individual answers and notes stay in the group\u2019s file.",
            total,
        ).format(count=total)
    elif total > 1:
        how = ngettext(
            "{count} person answered the questionnaire together.",
            "{count} people answered the questionnaire together.",
            total,
        ).format(count=total)
    else:
        how = ngettext(
            "{count} person answered the questionnaire.", "{count} people answered the questionnaire.", total
        ).format(count=total)
    blocks.append(
        Para(
            runs(
                how,
                _(" Lived experience is expertise: the more it shapes the answers, the more the plan can be trusted."),
            )
        )
    )
    if not anyone_with_lived_experience(report):
        blocks.append(Para(runs(bold(NOBODY)), "warning"))
    rows: list[tuple[Runs, ...]] = [(runs(label), runs(count_text(n, report))) for label, n in role_counts(report)]
    blocks.append(Table((_("Role"), _("People")), tuple(rows), (0.75, 0.25), numeric=(False, True), key="roles"))
    lived = [
        (runs(label[0].upper() + label[1:]), runs(count_text(n, report)))
        for label, n in lived_experience_counts(report)
    ]
    if "yes" not in report.took_part["lived_experience"]:
        lived.insert(0, (runs(_("With lived experience of mental health difficulties")), runs("none")))
    blocks.append(
        Table((_("Lived experience"), _("People")), tuple(lived), (0.75, 0.25), numeric=(False, True), key="lived")
    )
    if any(n is None for part in ("roles", "lived_experience") for n in report.took_part[part].values()):
        blocks.append(
            Para(
                runs(
                    _(
                        "Where fewer than {min_group_size} people are in a group, the number is not shown, and "
                        "neither is the next smallest, so that it cannot be worked out from the total."
                    ).format(min_group_size=report.min_group_size)
                ),
                "note",
            )
        )
    named = names(report)
    if named:
        text = (
            "; ".join(sorted((n.strip() for n, _ in named), key=str.casefold))
            if report.is_group
            else "; ".join(f"{n} ({role})" for n, role in named)
        )
        blocks += [Heading(_("Names (printed at the team\u2019s request)"), 2, bookmark=False), Para(runs(text))]
    return Section("took-part", _("Who took part"), tuple(blocks), new_page=True)


def differences(report: Report) -> Section | None:
    """For a group: the lived-experience gap by domain, then the questions answered furthest apart."""
    if not report.is_group:
        return None
    smallest = report.min_group_size
    blocks: list[Block] = [
        Heading(_("Where we see it differently"), 1),
        Para(
            runs(
                _(
                    "People who do the same work often see it differently, "
                    "and people with lived experience may see what "
                    "others miss. That difference is a finding, not noise: it shows where to talk first."
                )
            )
        ),
    ]
    if total_people(report) < smallest:
        blocks.append(
            Para(
                runs(
                    _("Fewer than {smallest} people took part, so how their answers differ is not shown.").format(
                        smallest=smallest
                    )
                )
            )
        )
        return Section("differences", _("Where we see it differently"), tuple(blocks))
    blocks.append(Heading(_("With and without lived experience"), 2))
    shown = [g for g in report.gaps if not g.suppressed]
    hidden = [g for g in report.gaps if g.suppressed]
    if report.took_part["lived_experience"].get("yes", 0) == 0:
        blocks.append(Para(runs(_("Nobody with lived experience took part, so there is nothing to compare."))))
    elif not shown:
        blocks.append(
            Para(
                runs(
                    _(
                        "Not shown: every domain has fewer than {smallest} people with, or without, lived experience "
                        "who answered it."
                    ).format(smallest=smallest)
                )
            )
        )
    else:
        rows = tuple(
            (
                runs(g.title),
                runs(
                    ngettext("{score} ({count} person)", "{score} ({count} people)", g.lived_count).format(
                        score=_fig(g.lived), count=g.lived_count
                    )
                ),
                runs(
                    ngettext("{score} ({count} person)", "{score} ({count} people)", g.not_lived_count).format(
                        score=_fig(g.not_lived), count=g.not_lived_count
                    )
                ),
                runs(gap_words(g)),
            )
            for g in shown
        )
        blocks.append(
            Table(
                (
                    _("Domain"),
                    _("People with lived experience"),
                    _("People without"),
                    _("With lived experience, the score is"),
                ),
                rows,
                (0.37, 0.21, 0.21, 0.21),
                caption=_("Average scores by domain, largest difference first; group sizes in brackets"),
                key="gaps",
            )
        )
        if hidden:
            blocks.append(
                Para(
                    runs(
                        _("Not shown (fewer than {smallest} people in a group): ").format(smallest=smallest)
                        + "; ".join(g.title for g in hidden)
                        + "."
                    )
                )
            )
    apart = _("{DISAGREEMENT_RANGE} or more levels apart").format(DISAGREEMENT_RANGE=words(DISAGREEMENT_RANGE))
    blocks.append(Heading(_("Questions answered differently"), 2))
    if not report.spreads:
        blocks.append(Para(runs(_("No question had answers {apart}.").format(apart=apart))))
    else:
        q = report.questionnaire
        rows2 = []
        for s in report.spreads:
            question = q.question(s.question_id)
            low, high = _label(report, s.low, s.question_id), _label(report, s.high, s.question_id)
            group = (
                _("{level} (agreed)").format(level=_label(report, s.agreed, s.question_id))
                if s.agreed
                else _("{level} (median)").format(level=_label(report, s.median, s.question_id))
            )
            dk = _("; {dont_know} did not know").format(dont_know=s.dont_know) if s.dont_know else ""
            rows2.append(
                (
                    runs(question.prompt if question else s.question_id),
                    runs(f"{low} \u2013 {high}{dk}"),
                    runs(words(s.spread)),
                    runs(group),
                )
            )
        blocks += [
            Para(
                runs(
                    ngettext(
                        "{count} question had answers {apart}, widest first.",
                        "{count} questions had answers {apart}, widest first.",
                        len(report.spreads),
                    ).format(count=len(report.spreads), apart=apart)
                )
            ),
            Table(
                (_("Question"), _("Lowest to highest answer"), _("Levels apart"), _("Group\u2019s level")),
                tuple(rows2),
                (0.48, 0.24, 0.1, 0.18),
                key="spreads",
            ),
        ]
    return Section("differences", _("Where we see it differently"), tuple(blocks))


def _fig(value: float | None) -> str:
    n = whole(value)
    return "\u2013" if n is None else str(n)


def _label(report: Report, level_id: str | None, question_id: str) -> str:
    level = report.questionnaire.level(level_id, question_id) if level_id else None
    return level.label if level else "\u2013"
