"""Where we see it differently (group assessments only): the questions people
disagree on most, each with how many gave each level, then the domains where
people with and without lived experience differ most.

Nothing about a group smaller than min_group_size is printed: the domain layer
has already replaced those figures with None, and this section says so instead.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from coprod_check.domain.group import DISAGREEMENT_RANGE, DomainGap, QuestionSpread
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE
from coprod_check.domain.wording import words
from coprod_check.i18n import _, ngettext
from coprod_check.report.blocks import grid, p, score_text, t
from coprod_check.report.changes import gap_words, not_shown
from coprod_check.report.charts import (
    CARE_FILL,
    WITH_FILL,
    BarRow,
    Level,
    Series,
    distribution_chart,
    domain_charts,
)
from coprod_check.report.chunks import paragraphs
from coprod_check.report.document import bookmark
from coprod_check.report.model import Report, total_people
from coprod_check.report.styles import Styles
from coprod_check.report.text import one_line

TITLE = _("Where we see it differently")
QUESTIONS = _("Questions we answered differently")
GAPS = _("With and without lived experience")
LIVED = Series(_("Lived experience"), _("People with lived experience"), WITH_FILL)
NOT_LIVED = Series(_("Without"), _("People without lived experience"), CARE_FILL)
CHARTED = 8  # disagreements drawn as charts; any more are listed in a table


def story(report: Report, styles: Styles, width: float) -> list[Flowable]:
    """The flowables of "Where we see it differently"; nothing for a single assessment."""
    if not report.is_group:
        return []
    smallest = report.min_group_size
    apart = _("{DISAGREEMENT_RANGE} or more levels apart").format(DISAGREEMENT_RANGE=words(DISAGREEMENT_RANGE))
    out: list[Flowable] = [
        CondPageBreak(220),  # follows "Who took part" on the same page when there is room
        bookmark(p(TITLE, "h1", styles), TITLE),
        p(
            _(
                "People who do the same work often see it differently, and people with lived experience "
                "may see what others miss. That difference is a finding, not noise: it shows where to talk "
                "first."
            ),
            "body",
            styles,
        ),
    ]
    if total_people(report) < smallest:
        out.append(
            p(
                _(
                    "Fewer than {smallest} people took part, so how their answers differ is not "
                    "shown: with so few, anyone could be identified by their answers."
                ).format(smallest=smallest),
                "body",
                styles,
            )
        )
        return out
    # The lived-experience gap first: it is the difference the board most needs to see.
    out += _gaps(report, styles, width)
    out += _questions(report, styles, width, apart)
    return out


def _questions(report: Report, styles: Styles, width: float, apart: str) -> list[Flowable]:
    head = bookmark(p(QUESTIONS, "h2", styles), QUESTIONS, level=1)
    if not report.spreads:
        return [
            head,
            p(
                _(
                    "No question had answers {apart}. Agreement is good news when everyone felt "
                    "free to say what they think; it is worth asking whether they did."
                ).format(apart=apart),
                "body",
                styles,
            ),
        ]
    charted, listed = report.spreads[:CHARTED], report.spreads[CHARTED:]
    which = (
        _("the {count} widest are shown as charts, and the rest in a table after them").format(
            count=words(len(charted))
        )
        if listed
        else _("the widest come first")
    )
    intro = p(
        _(
            "We call it a disagreement when answers to a question are {apart}. "
            "{questions} had answers so far apart: {which}. "
            "For each chart, the bars show how many people gave each level, on a scale "
            "where a full bar is everyone who answered. The group\u2019s level is the one the "
            "team agreed, with its reason; until they agree one, it is the median (with an "
            "even number of answers, the lower of the two middle levels). Questions not yet "
            "agreed are a good place to start talking."
        ).format(
            apart=apart,
            questions=ngettext("{count} question", "{count} questions", len(report.spreads)).format(
                count=len(report.spreads)
            ),
            which=which,
        ),
        "body",
        styles,
    )
    first, *rest = [_question(report, spread, styles, width) for spread in charted]
    # The heading and its explanation stay with the first question.
    out: list[Flowable] = [KeepTogether([head, intro, *first[:1]]), *first[1:]]
    out += [f for flowables in rest for f in flowables]
    if listed:
        out += _others(report, listed, styles, width)
    return out


def _others(report: Report, listed: tuple[QuestionSpread, ...], styles: Styles, width: float) -> list[Flowable]:
    """The disagreements after the charted ones, one row each, widest first."""
    rows = [[_("Question"), _("Lowest to highest answer"), _("Levels apart"), _("Group\u2019s level")]]
    for s in listed:
        question = report.questionnaire.question(s.question_id)
        prompt = one_line(question.prompt if question else s.question_id, 100)
        group = (
            f"{t(_label(report, s.agreed, s.question_id))} (agreed)"
            if s.agreed
            else f"{t(_label(report, s.median, s.question_id))} (median)"
        )
        low, high = _label(report, s.low, s.question_id), _label(report, s.high, s.question_id)
        rows.append([t(prompt), f"{t(low)} \u2013 {t(high)}", words(s.spread), group])
    title = ngettext(
        "The other {count} question with answers this far apart, widest first",
        "The other {count} questions with answers this far apart, widest first",
        len(listed),
    ).format(count=len(listed))
    widths = [width * 0.5, width * 0.24, width * 0.1, width * 0.16]
    # Bold body text, not a heading style: that would keep the whole table with it.
    return [CondPageBreak(90), p(f"<b>{t(title)}</b>", "body", styles), grid(rows, widths, styles)]


def _question(report: Report, s: QuestionSpread, styles: Styles, width: float) -> list[Flowable]:
    q = report.questionnaire
    question = q.question(s.question_id)
    domain = next((d for d in q.domains if any(x.id == s.question_id for x in d.questions)), None)
    prompt = question.prompt if question else s.question_id
    where = f"{one_line(domain.title, 120)}. " if domain else ""
    chart = distribution_chart(_levels(report, s), s.responses, width)
    low, high = _label(report, s.low, s.question_id), _label(report, s.high, s.question_id)
    span = ngettext(
        "{count} person gave a level, from \u201c{low}\u201d to \u201c{high}\u201d: {spread} levels apart{also}.",
        "{count} people gave a level, from \u201c{low}\u201d to \u201c{high}\u201d: {spread} levels apart{also}.",
        s.levels,
    ).format(count=s.levels, low=low, high=high, spread=words(s.spread), also=_also(s))
    group = _("Median: <b>{level}</b>. ").format(level=t(_label(report, s.median, s.question_id))) + (
        _("Agreed by the group: <b>{text}</b>.").format(text=t(_label(report, s.agreed, s.question_id)))
        if s.agreed
        else _("Not agreed yet, so the group\u2019s level is the median.")
    )
    reason = (
        paragraphs(_("<b>Why the group agreed this level:</b> {text}").format(text=t(s.reason)), styles.quote)
        if s.agreed and s.reason.strip()
        else []
    )
    # The first part of the reason stays with its question; a very long one runs on.
    out: list[Flowable] = [
        KeepTogether(
            [
                p(t(prompt), "h3", styles),
                p(t(where + span), "note", styles),
                chart,
                Spacer(1, 2),
                p(group, "tight", styles),
                *reason[:1],
            ]
        ),
        *reason[1:],
    ]
    out.append(Spacer(1, 4))
    return out


def _also(s: QuestionSpread) -> str:
    """The people who answered without giving a level, said apart from those who gave one."""
    not_applicable = s.counts.get(NOT_APPLICABLE, 0)
    others = s.responses - s.levels - s.dont_know - not_applicable  # answers not on this scale
    parts = [
        _("{dont_know} did not know").format(dont_know=s.dont_know) if s.dont_know else "",
        _("{not_applicable} said it does not apply").format(not_applicable=not_applicable) if not_applicable else "",
        _("{others} gave an answer not on this scale").format(others=others) if others else "",
    ]
    return "".join(f"; {x}" for x in parts if x)


def _levels(report: Report, s: QuestionSpread) -> list[Level]:
    q = report.questionnaire
    out = []
    for level in q.levels_for(s.question_id):
        marks = [m for m, on in (("median", level.id == s.median), ("agreed", level.id == s.agreed)) if on]
        out.append(Level(level.label, s.counts.get(level.id, 0), " and ".join(marks)))
    if s.counts.get(DONT_KNOW):
        out.append(Level(_("Don\u2019t know"), s.counts[DONT_KNOW]))
    if s.counts.get(NOT_APPLICABLE):
        out.append(Level(_("Not applicable"), s.counts[NOT_APPLICABLE]))
    others = sum(
        n for k, n in s.counts.items() if k not in (DONT_KNOW, NOT_APPLICABLE) and q.level(k, s.question_id) is None
    )
    if others:
        out.append(Level(_("Not on this scale"), others))
    return out


def _label(report: Report, level_id: str | None, question_id: str | None = None) -> str:
    level = report.questionnaire.level(level_id, question_id) if level_id else None
    return one_line(level.label, 80) if level else "\u2013"


def _gaps(report: Report, styles: Styles, width: float) -> list[Flowable]:
    smallest = report.min_group_size
    head: list[Flowable] = [bookmark(p(GAPS, "h2", styles), GAPS, level=1)]
    out: list[Flowable] = []
    intro = _(
        "For each domain, the average score given by people with lived experience beside that "
        "given by people without. People who preferred not to say are in neither group. A "
        "domain is shown only when at least {smallest} people in each group answered its "
        "questions, so that nobody can be identified by their answers."
    ).format(smallest=smallest)
    if report.took_part["lived_experience"].get("yes", 0) == 0:
        return [
            *head,
            p(intro, "body", styles),
            p(
                _(
                    "Nobody with lived experience took part, so there is nothing to compare: see "
                    "\u201cWho took part\u201d."
                ),
                "body",
                styles,
            ),
        ]
    shown = [g for g in report.gaps if not g.suppressed]
    hidden = [g for g in report.gaps if g.suppressed]
    head.append(p(intro + _(" The largest differences come first."), "body", styles))
    if not shown:
        return [
            *head,
            p(
                _(
                    "<b>{not_shown}.</b> Every domain has fewer than {smallest} people "
                    "with, or fewer than {smallest} people without, lived experience who answered "
                    "it."
                ).format(not_shown=not_shown(report), smallest=smallest),
                "body",
                styles,
            ),
        ]
    charts = domain_charts([_row(g) for g in shown], width, (LIVED, NOT_LIVED))
    # The heading and its explanation stay with the first chart.
    out += [KeepTogether([*head, Spacer(1, 2), charts[0]]), *charts[1:]]
    out.append(Spacer(1, 8))
    rows = [
        [_("Domain"), _("People with lived experience"), _("People without"), _("With lived experience, the score is")]
    ]
    for g in shown:
        rows.append(
            [
                t(g.title),
                ngettext("{score} ({count} person)", "{score} ({count} people)", g.lived_count).format(
                    score=score_text(g.lived), count=g.lived_count
                ),
                ngettext("{score} ({count} person)", "{score} ({count} people)", g.not_lived_count).format(
                    score=score_text(g.not_lived), count=g.not_lived_count
                ),
                t(gap_words(g)),
            ]
        )
    out.append(grid(rows, [width * 0.37, width * 0.21, width * 0.21, width * 0.21], styles))
    if hidden:
        out.append(
            p(
                _("<b>{not_shown}</b> for ").format(not_shown=not_shown(report))
                + "; ".join(t(g.title) for g in hidden)
                + ".",
                "body",
                styles,
            )
        )
    return out


def _row(g: DomainGap) -> BarRow:
    return BarRow(g.title, g.lived, g.not_lived, _("not shown"), _("not shown"))
