"""Who took part and, for a group, where people see it differently: as plain data.

Small numbers stay hidden exactly as group.py hides them ("not shown", and the next smallest
with it); names are printed only when asked for, and in a group without roles.
"""

from __future__ import annotations

from coprod_check.domain.group import DISAGREEMENT_RANGE, QuestionSpread
from coprod_check.domain.headline import gap_words
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE
from coprod_check.domain.wording import whole, words
from coprod_check.i18n import N_, _, format_list, ngettext
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

NOBODY = N_(
    "Nobody who took part said they have lived experience of mental health difficulties. An assessment of "
    "co-production made without anyone with lived experience is itself a finding: the answers show the "
    "organisation as it looks from one side only, however carefully they were given."
)


NEXT_TIME = N_(
    "Before acting on this plan, we suggest asking colleagues, partners and people who use services who have "
    "lived experience to answer the questionnaire too, paid for their time, and to look again at the results "
    "together."
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
            "{count} person answered the questionnaire on their own. Individual answers and notes stay in the "
            "group\u2019s file.",
            "{count} people answered the questionnaire on their own, and their answers were combined. Individual "
            "answers and notes stay in the group\u2019s file.",
            total,
        ).format(count=total)
    elif total > 1:
        how = _("{count} people answered the questionnaire together.").format(count=total)
    else:
        how = _("1 person answered the questionnaire.")
    blocks.append(
        Para(
            runs(
                how,
                _(" Lived experience is expertise: the more it shapes the answers, the more the plan can be trusted."),
            )
        )
    )
    if not anyone_with_lived_experience(report):
        blocks.append(Para(runs(bold(_(NOBODY))), "warning"))
        if "prefer-not-to-say" in report.took_part["lived_experience"]:
            blocks.append(
                Para(
                    runs(
                        _(
                            "Preferring not to say is everyone\u2019s right. Some "
                            "who chose it may have lived experience; "
                            "if people do not feel safe saying so, that is worth knowing too."
                        )
                    )
                )
            )
        blocks.append(Para(runs(_(NEXT_TIME))))
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
                        "Where fewer than {min} people are in a group, the number is not shown, and neither is the "
                        "next smallest, so that it cannot be worked out from the total."
                    ).format(min=report.min_group_size)
                ),
                "note",
            )
        )
    named = names(report)
    if named:
        text = (
            "; ".join(sorted((n.strip() for n, _role in named), key=str.casefold))
            if report.is_group
            else "; ".join(f"{n} ({role})" for n, role in named)
        )
        blocks += [Heading(_("Names (printed at the team\u2019s request)"), 2, bookmark=False), Para(runs(text))]
        if report.is_group:
            blocks.append(
                Para(
                    runs(
                        _(
                            "In alphabetical order and without roles, so that no name can be linked to a role or to "
                            "whether someone has lived experience."
                        )
                    ),
                    "note",
                )
            )
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
                    "People who do the same work often see it differently, and "
                    "people with lived experience may see what "
                    "others miss. That difference is a finding, not noise: it shows where to talk first."
                )
            )
        ),
    ]
    if total_people(report) < smallest:
        blocks.append(
            Para(
                runs(
                    _("Fewer than {min} people took part, so how their answers differ is not shown.").format(
                        min=smallest
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
                    bold(_("Not shown: fewer than {min} people in a group.").format(min=smallest)),
                    " ",
                    _(
                        "Every domain has fewer than {min} people with, or fewer than {min} people without, lived "
                        "experience who answered it."
                    ).format(min=smallest),
                )
            )
        )
    else:
        blocks.append(
            Chart(
                "domains",
                _("With and without lived experience, by domain"),
                _("Average score by domain. ")
                + " ".join(
                    _("{domain}: with lived experience {lived}, without {others}.").format(
                        domain=g.title, lived=_fig(g.lived), others=_fig(g.not_lived)
                    )
                    for g in shown
                ),
                categories=tuple(g.title for g in shown),
                series=(
                    Series(_("Lived experience"), tuple(g.lived for g in shown), "triangle", role="lived-experience"),
                    Series(_("Without"), tuple(g.not_lived for g in shown), "circle", role="others"),
                ),
                group_sizes=tuple(
                    _("{lived} and {others} people").format(lived=g.lived_count, others=g.not_lived_count)
                    for g in shown
                ),
                height_mm=min(12 + 11 * len(shown), 200),
            )
        )
        rows = tuple(
            (
                runs(g.title),
                runs(_people(_fig(g.lived), g.lived_count)),
                runs(_people(_fig(g.not_lived), g.not_lived_count)),
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
                        bold(_("Not shown: fewer than {min} people in a group").format(min=smallest)),
                        _(" for ") + "; ".join(g.title for g in hidden) + ".",
                    )
                )
            )
    blocks += disagreements(report)
    return Section("differences", _("Where we see it differently"), tuple(blocks))


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
    apart = _("{count} or more levels apart").format(count=words(DISAGREEMENT_RANGE))
    out: list[Block] = [Heading(_("Questions we answered differently"), 2)]
    if not report.spreads:
        out.append(
            Para(
                runs(
                    _(
                        "No question had answers {apart}. Agreement is good news when everyone felt free to say what "
                        "they think; it is worth asking whether they did."
                    ).format(apart=apart)
                )
            )
        )
        return out
    charted, listed = report.spreads[:CHARTED], report.spreads[CHARTED:]
    which = (
        _("the {count} widest are shown as charts, and the rest in a table after them").format(
            count=words(len(charted))
        )
        if listed
        else _("the widest come first")
    )
    out.append(
        Para(
            runs(
                _("We call it a disagreement when answers to a question are {apart}.").format(apart=apart)
                + " "
                + ngettext(
                    "{count} question had answers so far apart: {which}.",
                    "{count} questions had answers so far apart: {which}.",
                    len(report.spreads),
                ).format(count=len(report.spreads), which=which)
                + " "
                + _(
                    "Each chart shows how many people gave each answer; a full bar is everyone who answered. The "
                    "group\u2019s level is the one the team agreed, with its reason; until they agree one, it is the "
                    "median (the lower of the two middle levels when there is an even number)."
                )
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
                _("{level} (agreed)").format(level=_label(report, s.agreed, s.question_id))
                if s.agreed
                else _("{level} (median)").format(level=_label(report, s.median, s.question_id))
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
            Para(
                runs(
                    bold(
                        ngettext(
                            "The other {count} question with answers this far apart",
                            "The other {count} questions with answers this far apart, widest first",
                            len(listed),
                        ).format(count=len(listed))
                    )
                )
            ),
            Table(
                (_("Question"), _("Lowest to highest answer"), _("Levels apart"), _("Group\u2019s level")),
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
    span = ngettext(
        "{count} person gave a level, from \u201c{low}\u201d to \u201c{high}\u201d: {apart} levels apart{also}.",
        "{count} people gave a level, from \u201c{low}\u201d to \u201c{high}\u201d: {apart} levels apart{also}.",
        s.levels,
    ).format(count=s.levels, low=low, high=high, apart=words(s.spread), also=_also(s))
    labels, counts, marks = _distribution(report, s)
    group = runs(_("Median: "), bold(_label(report, s.median, s.question_id)), ". ") + (
        runs(_("Agreed by the group: "), bold(_label(report, s.agreed, s.question_id)), ".")
        if s.agreed
        else runs(_("Not agreed yet, so the group\u2019s level is the median."))
    )
    alt = f"{question.prompt if question else s.question_id}: " + "; ".join(
        f"{label} {n}" + (f" ({m})" if m else "") for label, n, m in zip(labels, counts, marks, strict=True)
    )
    out: list[Block] = [
        Heading(question.prompt if question else s.question_id, 3, bookmark=False),
        Para(runs((f"{domain.title}. " if domain else "") + span), "note"),
        Chart(
            "distribution",
            _("How many gave each answer"),
            alt,
            categories=labels,
            series=(Series(_("People"), tuple(float(n) for n in counts)),),
            marks=marks,
            y_max=float(s.responses),
        ),
        Para(group),
    ]
    if s.agreed and s.reason.strip():
        out.append(Para(runs(bold(_("Why the group agreed this level: ")), s.reason)))
    return out


def _also(s: QuestionSpread) -> str:
    not_applicable = s.counts.get(NOT_APPLICABLE, 0)
    others = s.responses - s.levels - s.dont_know - not_applicable
    parts = [
        _("{count} did not know").format(count=s.dont_know) if s.dont_know else "",
        _("{count} said it does not apply").format(count=not_applicable) if not_applicable else "",
        _("{count} gave an answer not on this scale").format(count=others) if others else "",
    ]
    return "".join(f"; {x}" for x in parts if x)


def _distribution(report: Report, s: QuestionSpread) -> tuple[tuple[str, ...], tuple[int, ...], tuple[str, ...]]:
    q = report.questionnaire
    rows: list[tuple[str, int, str]] = []
    for level in q.levels_for(s.question_id):
        marks = [m for m, on in ((_("median"), level.id == s.median), (_("agreed"), level.id == s.agreed)) if on]
        rows.append((level.label, s.counts.get(level.id, 0), format_list(marks) if marks else ""))
    if s.counts.get(DONT_KNOW):
        rows.append((_("Don\u2019t know"), s.counts[DONT_KNOW], ""))
    if s.counts.get(NOT_APPLICABLE):
        rows.append((_("Not applicable"), s.counts[NOT_APPLICABLE], ""))
    others = sum(
        n for k, n in s.counts.items() if k not in (DONT_KNOW, NOT_APPLICABLE) and q.level(k, s.question_id) is None
    )
    if others:
        rows.append((_("Not on this scale"), others, ""))
    return tuple(r[0] for r in rows), tuple(r[1] for r in rows), tuple(r[2] for r in rows)


def _people(figure: str, count: int) -> str:
    """A figure with how many people it stands for: "30 (3 people)"."""
    return ngettext("{figure} ({count} person)", "{figure} ({count} people)", count).format(figure=figure, count=count)
