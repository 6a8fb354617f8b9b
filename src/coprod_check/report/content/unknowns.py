"""What "don't know" answers revealed, for the board paper: plain words, from the result."""

from __future__ import annotations

from coprod_check.domain.wording import plural
from coprod_check.report import findings
from coprod_check.report.content.model import Block, Heading, Para, runs
from coprod_check.report.model import Report
from coprod_check.report.text import one_line

TITLE = "What \u201cdon\u2019t know\u201d answers revealed"


def revealed(report: Report, most: int = 3, prompt: int = 110) -> list[Block]:
    """A heading and one paragraph: which questions nobody (or not enough people) knew."""
    return [Heading(TITLE, 2), Para(runs(revealed_text(report, most, prompt)))]


def revealed_text(report: Report, most: int = 3, prompt: int = 110) -> str:
    """The paragraph's words."""
    r = report.result
    questions = findings.unknowns(report)
    still = ""
    if report.unanswered and not report.nothing_answered:
        still = (
            f" {plural(len(report.unanswered), 'question')} of {r.total} still "
            f"{'needs' if len(report.unanswered) == 1 else 'need'} an answer."
        )
    own = findings.own_unknowns(report, most, prompt)
    if not questions:
        if report.nothing_answered:
            return "Nothing yet: no question has an answer."
        if own:
            return (
                f"{own} Enough people gave a level to each of these questions for the group to have one, so none "
                "became a find-out action, but it is worth asking why some did not know." + still
            )
        return (
            "Nobody answered \u201cdon\u2019t know\u201d. Check that this reflects what the team really knows, with "
            "evidence for each answer." + still
        )
    clusters = findings.unknown_domains(report)
    where = (
        f"across {len(clusters)} domains"
        if len(clusters) > 3
        else "in " + ", ".join(title if len(clusters) == 1 else f"{title} ({n})" for title, n in clusters)
    )
    if report.is_group:  # the questions most people did not know first; the totals say the rest
        own = findings.own_unknowns(report, 0)
        questions = findings.by_share_unknown(report, questions)
    shown = questions[:most]
    listed = "; ".join(f"\u201c{one_line(q.prompt, prompt)}\u201d" for q in shown)
    if len(questions) > len(shown):
        listed += f"; and {len(questions) - len(shown)} more in the action plan"
    if report.is_group:
        which = (
            f"{plural(len(questions), 'question')} {'has' if len(questions) == 1 else 'have'} "
            f"\u201cdon\u2019t know\u201d as the group\u2019s answer, because fewer than "
            f"{report.min_group_size} people gave a level"
        )
    else:
        verb = "was" if len(questions) == 1 else "were"
        which = f"{plural(len(questions), 'question')} {verb} answered \u201cdon\u2019t know\u201d"
    if report.is_group and report.dont_knows and report.dont_knows.mostly:
        where += ", those most people did not know first"
    return (
        f"{own + ' ' if own else ''}{which}, {where}: {listed}. Not knowing is a finding: it shows where nobody "
        f"is looking yet. Each one is now a find-out action.{still}"
    )
