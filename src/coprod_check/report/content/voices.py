"""Who took part and, for a group, where people see it differently: as plain data.

Small numbers stay hidden exactly as group.py hides them ("not shown", and the next smallest
with it); names are printed only when asked for, and in a group without roles.
"""

from __future__ import annotations

from coprod_check.domain.group import DISAGREEMENT_RANGE, QuestionSpread
from coprod_check.domain.headline import gap_words
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE
from coprod_check.domain.wording import plural, whole, words
from coprod_check.report.content.model import (
    Block,
    Chart,
    Heading,
    Keep,
    Para,
    Runs,
    Section,
    Series,
    Table,
    bold,
    runs,
)
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


NEXT_TIME = (
    "Before acting on this plan, we suggest asking colleagues, partners and people who use services who have "
    "lived experience to answer the questionnaire too, paid for their time, and to look again at the results "
    "together."
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
        if "prefer-not-to-say" in report.took_part["lived_experience"]:
            blocks.append(
                Para(
                    runs(
                        "Preferring not to say is everyone\u2019s right. Some who chose it may have lived experience; "
                        "if people do not feel safe saying so, that is worth knowing too."
                    )
                )
            )
        blocks.append(Para(runs(NEXT_TIME)))
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
        if report.is_group:
            blocks.append(
                Para(
                    runs(
                        "In alphabetical order and without roles, so that no name can be linked to a role or to "
                        "whether someone has lived experience."
                    ),
                    "note",
                )
            )
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
                    bold(f"Not shown: fewer than {smallest} people in a group."),
                    f" Every domain has fewer than {smallest} people with, or fewer than {smallest} people without, "
                    "lived experience who answered it.",
                )
            )
        )
    else:
        blocks.append(
            Chart(
                "domains",
                "With and without lived experience, by domain",
                "Average score by domain. "
                + " ".join(
                    f"{g.title}: with lived experience {_fig(g.lived)}, without {_fig(g.not_lived)}." for g in shown
                ),
                categories=tuple(g.title for g in shown),
                series=(
                    Series("Lived experience", tuple(g.lived for g in shown), "triangle", role="lived-experience"),
                    Series("Without", tuple(g.not_lived for g in shown), "circle", role="others"),
                ),
                group_sizes=tuple(f"{g.lived_count} and {g.not_lived_count} people" for g in shown),
                height_mm=min(12 + 11 * len(shown), 200),
            )
        )
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
                        bold(f"Not shown: fewer than {smallest} people in a group"),
                        " for " + "; ".join(g.title for g in hidden) + ".",
                    )
                )
            )
    blocks += disagreements(report)
    return Section("differences", "Where we see it differently", tuple(blocks))


def _fig(value: float | None) -> str:
    n = whole(value)
    return "\u2013" if n is None else str(n)


def _label(report: Report, level_id: str | None, question_id: str) -> str:
    level = report.questionnaire.level(level_id, question_id) if level_id else None
    return level.label if level else "\u2013"


CHARTED = 8  # disagreements drawn as charts; any more are listed in a table


def disagreements(report: Report) -> list[Block]:
    """The questions answered furthest apart: the widest eight each with how many gave each
    answer, the rest in a table, widest first."""
    apart = f"{words(DISAGREEMENT_RANGE)} or more levels apart"
    out: list[Block] = [Heading("Questions we answered differently", 2)]
    if not report.spreads:
        out.append(
            Para(
                runs(
                    f"No question had answers {apart}. Agreement is good news when everyone felt free to say what "
                    "they think; it is worth asking whether they did."
                )
            )
        )
        return out
    charted, listed = report.spreads[:CHARTED], report.spreads[CHARTED:]
    which = (
        f"the {words(len(charted))} widest are shown as charts, and the rest in a table after them"
        if listed
        else "the widest come first"
    )
    out.append(
        Para(
            runs(
                f"We call it a disagreement when answers to a question are {apart}. "
                f"{plural(len(report.spreads), 'question')} had answers so far apart: {which}. Each chart shows how "
                "many people gave each answer; a full bar is everyone who answered. The group\u2019s level is the one "
                "the team agreed, with its reason; until they agree one, it is the median (the lower of the two "
                "middle levels when there is an even number)."
            )
        )
    )
    for s in charted:
        out.append(Keep(tuple(_spread(report, s))))
    if listed:
        rows = []
        for s in listed:
            question = report.questionnaire.question(s.question_id)
            group = (
                f"{_label(report, s.agreed, s.question_id)} (agreed)"
                if s.agreed
                else f"{_label(report, s.median, s.question_id)} (median)"
            )
            low, high = _label(report, s.low, s.question_id), _label(report, s.high, s.question_id)
            rows.append(
                (
                    runs(question.prompt if question else s.question_id),
                    runs(f"{low} \u2013 {high}"),
                    runs(words(s.spread)),
                    runs(group),
                )
            )
        out += [
            Para(runs(bold(f"The other {plural(len(listed), 'question')} with answers this far apart, widest first"))),
            Table(
                ("Question", "Lowest to highest answer", "Levels apart", "Group\u2019s level"),
                tuple(rows),
                (0.5, 0.24, 0.1, 0.16),
                key="spreads",
            ),
        ]
    return out


def _spread(report: Report, s: QuestionSpread) -> list[Block]:
    q = report.questionnaire
    question = q.question(s.question_id)
    domain = next((d for d in q.domains if any(x.id == s.question_id for x in d.questions)), None)
    low, high = _label(report, s.low, s.question_id), _label(report, s.high, s.question_id)
    span = (
        f"{plural(s.levels, 'person', 'people')} gave a level, from \u201c{low}\u201d to \u201c{high}\u201d: "
        f"{words(s.spread)} levels apart{_also(s)}."
    )
    labels, counts, marks = _distribution(report, s)
    group = runs("Median: ", bold(_label(report, s.median, s.question_id)), ". ") + (
        runs("Agreed by the group: ", bold(_label(report, s.agreed, s.question_id)), ".")
        if s.agreed
        else runs("Not agreed yet, so the group\u2019s level is the median.")
    )
    alt = f"{question.prompt if question else s.question_id}: " + "; ".join(
        f"{label} {n}" + (f" ({m})" if m else "") for label, n, m in zip(labels, counts, marks, strict=True)
    )
    out: list[Block] = [
        Heading(question.prompt if question else s.question_id, 3, bookmark=False),
        Para(runs((f"{domain.title}. " if domain else "") + span), "note"),
        Chart(
            "distribution",
            "How many gave each answer",
            alt,
            categories=labels,
            series=(Series("People", tuple(float(n) for n in counts)),),
            marks=marks,
            y_max=float(s.responses),
        ),
        Para(group),
    ]
    if s.agreed and s.reason.strip():
        out.append(Para(runs(bold("Why the group agreed this level: "), s.reason)))
    return out


def _also(s: QuestionSpread) -> str:
    not_applicable = s.counts.get(NOT_APPLICABLE, 0)
    others = s.responses - s.levels - s.dont_know - not_applicable
    parts = [
        f"{s.dont_know} did not know" if s.dont_know else "",
        f"{not_applicable} said it does not apply" if not_applicable else "",
        f"{others} gave an answer not on this scale" if others else "",
    ]
    return "".join(f"; {x}" for x in parts if x)


def _distribution(report: Report, s: QuestionSpread) -> tuple[tuple[str, ...], tuple[int, ...], tuple[str, ...]]:
    q = report.questionnaire
    rows: list[tuple[str, int, str]] = []
    for level in q.levels_for(s.question_id):
        marks = [m for m, on in (("median", level.id == s.median), ("agreed", level.id == s.agreed)) if on]
        rows.append((level.label, s.counts.get(level.id, 0), " and ".join(marks)))
    if s.counts.get(DONT_KNOW):
        rows.append(("Don\u2019t know", s.counts[DONT_KNOW], ""))
    if s.counts.get(NOT_APPLICABLE):
        rows.append(("Not applicable", s.counts[NOT_APPLICABLE], ""))
    others = sum(
        n for k, n in s.counts.items() if k not in (DONT_KNOW, NOT_APPLICABLE) and q.level(k, s.question_id) is None
    )
    if others:
        rows.append(("Not on this scale", others, ""))
    return tuple(r[0] for r in rows), tuple(r[1] for r in rows), tuple(r[2] for r in rows)
