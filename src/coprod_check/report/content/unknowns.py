"""What "don't know" answers revealed, for the board paper: plain words, from the result."""

from __future__ import annotations

from coprod_check.i18n import N_, _, ngettext
from coprod_check.report import findings
from coprod_check.report.content.model import Block, Heading, Para, runs
from coprod_check.report.model import Report
from coprod_check.report.text import one_line

TITLE = N_("What \u201cdon\u2019t know\u201d answers revealed")


def revealed(report: Report, most: int = 3, prompt: int = 110) -> list[Block]:
    """A heading and one paragraph: which questions nobody (or not enough people) knew."""
    return [Heading(_(TITLE), 2), Para(runs(revealed_text(report, most, prompt)))]


def revealed_text(report: Report, most: int = 3, prompt: int = 110) -> str:
    """The paragraph's words."""
    r = report.result
    questions = findings.unknowns(report)
    still = ""
    if report.unanswered and not report.nothing_answered:
        still = ngettext(
            " {count} question of {total} still needs an answer.",
            " {count} questions of {total} still need an answer.",
            len(report.unanswered),
        ).format(count=len(report.unanswered), total=r.total)
    own = findings.own_unknowns(report, most, prompt)
    if not questions:
        if report.nothing_answered:
            return _("Nothing yet: no question has an answer.")
        if own:
            return (
                _(
                    "{own} Enough people gave a level to each of these questions for the group to have one, so none "
                    "became a find-out action, but it is worth asking why some did not know."
                ).format(own=own)
                + still
            )
        return (
            _(
                "Nobody answered \u201cdon\u2019t know\u201d. Check that this reflects what the team really knows, "
                "with evidence for each answer."
            )
            + still
        )
    clusters = findings.unknown_domains(report)
    where = (
        _("across {count} domains").format(count=len(clusters))
        if len(clusters) > 3
        else _("in {domains}").format(
            domains=", ".join(
                title if len(clusters) == 1 else _("{title} ({count})").format(title=title, count=n)
                for title, n in clusters
            )
        )
    )
    if report.is_group:  # the questions most people did not know first; the totals say the rest
        own = findings.own_unknowns(report, 0)
        questions = findings.by_share_unknown(report, questions)
    shown = questions[:most]
    listed = "; ".join(f"\u201c{one_line(q.prompt, prompt)}\u201d" for q in shown)
    if len(questions) > len(shown):
        listed += _("; and {value} more in the action plan").format(value=len(questions) - len(shown))
    if report.is_group:
        which = ngettext(
            "{count} question has \u201cdon\u2019t know\u201d as the group\u2019s answer, because fewer than "
            "{min_group_size} people gave a level",
            "{count} questions have \u201cdon\u2019t know\u201d as the group\u2019s answer, because fewer than "
            "{min_group_size} people gave a level",
            len(questions),
        ).format(count=len(questions), min_group_size=report.min_group_size)
    else:
        which = ngettext(
            "{count} question was answered \u201cdon\u2019t know\u201d",
            "{count} questions were answered \u201cdon\u2019t know\u201d",
            len(questions),
        ).format(count=len(questions))
    if report.is_group and report.dont_knows and report.dont_knows.mostly:
        where += _(", those most people did not know first")
    return _(
        "{value}{which}, {where}: {listed}. Not knowing is a finding: it shows where nobody is looking yet. Each one "
        "is now a find-out action.{still}"
    ).format(value=own + " " if own else "", which=which, where=where, listed=listed, still=still)
