"""Who took part and, for a group, where people see it differently: as plain data.

Small numbers stay hidden exactly as group.py hides them ("not shown", and the next smallest
with it); names are printed only when asked for, and in a group without roles.
"""

from __future__ import annotations

from coprod_check.domain.group import DISAGREEMENT_RANGE
from coprod_check.domain.headline import gap_words
from coprod_check.domain.wording import plural, whole, words
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

NOBODY = (
    "Nobody who took part said they have lived experience of mental health difficulties. An assessment of "
    "co-production made without anyone with lived experience is itself a finding: the answers show the "
    "organisation as it looks from one side only, however carefully they were given."
)


def took_part(report: Report) -> Section:
    """How many people, by role and by lived experience; names only when asked for."""
    blocks: list[Block] = [Heading("Who took part", 1)]
    total = total_people(report)
    if not total:
        blocks.append(
            Para(
                runs(
                    "Nobody is recorded as taking part, so a reader cannot see whose views these answers reflect. "
                    "Next time, record each person\u2019s role and whether they have lived experience of mental "
                    "health difficulties (anyone may prefer not to say)."
                )
            )
        )
        return Section("took-part", "Who took part", tuple(blocks), new_page=True)
    people = plural(total, "person", "people")
    how = (
        f"{people} answered the questionnaire on their own, and their answers were combined. Individual answers "
        "and notes stay in the group\u2019s file."
        if report.is_group
        else f"{people} answered the questionnaire{' together' if total > 1 else ''}."
    )
    blocks.append(
        Para(
            runs(
                how, " Lived experience is expertise: the more it shapes the answers, the more the plan can be trusted."
            )
        )
    )
    if not anyone_with_lived_experience(report):
        blocks.append(Para(runs(bold(NOBODY)), "warning"))
    rows: list[tuple[Runs, ...]] = [(runs(label), runs(count_text(n, report))) for label, n in role_counts(report)]
    blocks.append(Table(("Role", "People"), tuple(rows), (0.75, 0.25), numeric=(False, True), key="roles"))
    lived = [
        (runs(label[0].upper() + label[1:]), runs(count_text(n, report)))
        for label, n in lived_experience_counts(report)
    ]
    if "yes" not in report.took_part["lived_experience"]:
        lived.insert(0, (runs("With lived experience of mental health difficulties"), runs("none")))
    blocks.append(Table(("Lived experience", "People"), tuple(lived), (0.75, 0.25), numeric=(False, True), key="lived"))
    if any(n is None for part in ("roles", "lived_experience") for n in report.took_part[part].values()):
        blocks.append(
            Para(
                runs(
                    f"Where fewer than {report.min_group_size} people are in a group, the number is not shown, and "
                    "neither is the next smallest, so that it cannot be worked out from the total."
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
        blocks += [Heading("Names (printed at the team\u2019s request)", 2, bookmark=False), Para(runs(text))]
    return Section("took-part", "Who took part", tuple(blocks), new_page=True)


def differences(report: Report) -> Section | None:
    """For a group: the lived-experience gap by domain, then the questions answered furthest apart."""
    if not report.is_group:
        return None
    smallest = report.min_group_size
    blocks: list[Block] = [
        Heading("Where we see it differently", 1),
        Para(
            runs(
                "People who do the same work often see it differently, and people with lived experience may see what "
                "others miss. That difference is a finding, not noise: it shows where to talk first."
            )
        ),
    ]
    if total_people(report) < smallest:
        blocks.append(Para(runs(f"Fewer than {smallest} people took part, so how their answers differ is not shown.")))
        return Section("differences", "Where we see it differently", tuple(blocks))
    blocks.append(Heading("With and without lived experience", 2))
    shown = [g for g in report.gaps if not g.suppressed]
    hidden = [g for g in report.gaps if g.suppressed]
    if report.took_part["lived_experience"].get("yes", 0) == 0:
        blocks.append(Para(runs("Nobody with lived experience took part, so there is nothing to compare.")))
    elif not shown:
        blocks.append(
            Para(
                runs(
                    f"Not shown: every domain has fewer than {smallest} people with, or without, lived experience "
                    "who answered it."
                )
            )
        )
    else:
        rows = tuple(
            (
                runs(g.title),
                runs(f"{_fig(g.lived)} ({plural(g.lived_count, 'person', 'people')})"),
                runs(f"{_fig(g.not_lived)} ({plural(g.not_lived_count, 'person', 'people')})"),
                runs(gap_words(g)),
            )
            for g in shown
        )
        blocks.append(
            Table(
                ("Domain", "People with lived experience", "People without", "With lived experience, the score is"),
                rows,
                (0.37, 0.21, 0.21, 0.21),
                caption="Average scores by domain, largest difference first; group sizes in brackets",
                key="gaps",
            )
        )
        if hidden:
            blocks.append(
                Para(
                    runs(
                        f"Not shown (fewer than {smallest} people in a group): "
                        + "; ".join(g.title for g in hidden)
                        + "."
                    )
                )
            )
    apart = f"{words(DISAGREEMENT_RANGE)} or more levels apart"
    blocks.append(Heading("Questions answered differently", 2))
    if not report.spreads:
        blocks.append(Para(runs(f"No question had answers {apart}.")))
    else:
        q = report.questionnaire
        rows2 = []
        for s in report.spreads:
            question = q.question(s.question_id)
            low, high = _label(report, s.low, s.question_id), _label(report, s.high, s.question_id)
            group = (
                f"{_label(report, s.agreed, s.question_id)} (agreed)"
                if s.agreed
                else f"{_label(report, s.median, s.question_id)} (median)"
            )
            dk = f"; {s.dont_know} did not know" if s.dont_know else ""
            rows2.append(
                (
                    runs(question.prompt if question else s.question_id),
                    runs(f"{low} \u2013 {high}{dk}"),
                    runs(words(s.spread)),
                    runs(group),
                )
            )
        blocks += [
            Para(runs(f"{plural(len(report.spreads), 'question')} had answers {apart}, widest first.")),
            Table(
                ("Question", "Lowest to highest answer", "Levels apart", "Group\u2019s level"),
                tuple(rows2),
                (0.48, 0.24, 0.1, 0.18),
                key="spreads",
            ),
        ]
    return Section("differences", "Where we see it differently", tuple(blocks))


def _fig(value: float | None) -> str:
    n = whole(value)
    return "\u2013" if n is None else str(n)


def _label(report: Report, level_id: str | None, question_id: str) -> str:
    level = report.questionnaire.level(level_id, question_id) if level_id else None
    return level.label if level else "\u2013"
