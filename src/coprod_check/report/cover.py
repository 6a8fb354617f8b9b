"""The cover: who, what, when, and who took part."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from coprod_check.domain import headline
from coprod_check.domain.wording import long_date, plural
from coprod_check.report.blocks import facts, p, t
from coprod_check.report.chunks import paragraphs
from coprod_check.report.document import bookmark
from coprod_check.report.model import (
    Report,
    anyone_with_lived_experience,
    count_text,
    lived_experience_counts,
    people,
    role_counts,
)
from coprod_check.report.styles import Styles

TITLE = "Co-production action plan"


def story(report: Report, styles: Styles, width: float) -> list[Flowable]:
    """The cover page's flowables."""
    a, q, r = report.assessment, report.questionnaire, report.result
    organisation = a.organisation.strip() or "Organisation not recorded"
    out: list[Flowable] = [
        bookmark(p(TITLE, "subtitle", styles), "Cover"),
        *paragraphs(t(organisation), _title_style(styles, len(organisation))),
    ]
    if a.team.strip():
        out += paragraphs(t(a.team), styles.subtitle)
    everyone = people(report)
    rows = [
        ("Date of the assessment", t(long_date(a.date, "not recorded"))),
        ("Questionnaire", f"{t(q.title)}, version {t(q.version)}"),
        ("Who took part", _who(report) if everyone else "Not recorded"),
    ]
    if everyone:
        # The same counts as "Who took part", hidden by the same small-number rule in a group.
        rows += [
            ("By role", _counts(role_counts(report), report)),
            ("Lived experience", _counts(lived_experience_counts(report), report)),
        ]
        if _any_hidden(report):
            rows.append(
                (
                    "Small numbers",
                    f"Where fewer than {report.min_group_size} people are in a group, "
                    "the number is not shown, and neither is the next smallest, so "
                    "nobody can be identified.",
                )
            )
    else:
        rows.append(("Lived experience", "Not recorded"))
    if a.previous is not None:
        rows.append(
            ("Last time", f"Compared with the assessment of {t(long_date(a.previous.date, 'an undated assessment'))}")
        )
    rows += [
        ("Answers", headline.counts_sentence(r)),
        ("Printed", f"{long_date(report.today.isoformat())} by coprod-check {t(report.version)}"),
    ]
    out += [Spacer(1, 6), facts(rows, width, styles), Spacer(1, 16)]
    if everyone and not anyone_with_lived_experience(report):
        out.append(
            p(
                "<b>Nobody who took part said they had lived experience.</b> That is a finding "
                "in itself: the answers may describe the organisation as it looks from one side "
                "only.",
                "body",
                styles,
            )
        )
    out += [
        p(
            "<b>What this plan is for.</b> It shows whether the organisation gives care to people with "
            "lived experience of mental health difficulties, or works with them as partners, including "
            "its own staff. Both matter, and they are different things. Lived experience is expertise: "
            "this plan is about how well the organisation draws on it and shares decisions with the "
            "people who have it.",
            "body",
            styles,
        ),
        p(
            f"<b>How to read it.</b> The next page is for the board: where things stand, the priorities "
            f"and the decisions asked of the board. Then come {_contents(report)}.",
            "body",
            styles,
        ),
        p(
            "It is a tool for talking, not a league table: the results are for learning, not for ranking teams.",
            "body",
            styles,
        ),
    ]
    return out


def _who(report: Report) -> str:
    total = len(people(report))
    how = (
        ", answering on their own, their answers combined"
        if report.is_group
        else ", answering together"
        if total > 1
        else ""
    )
    return f"{plural(total, 'person', 'people')}{how}"


def _counts(counts: list[tuple[str, int | None]], report: Report) -> str:
    """'Label: count; ...', each count kept on one line with the words it counts."""
    nbsp = "\u00a0"
    return "; ".join(f"{t(label)}:{nbsp}{count_text(n, report).replace(' ', nbsp)}" for label, n in counts)


def _any_hidden(report: Report) -> bool:
    return any(n is None for part in ("roles", "lived_experience") for n in report.took_part[part].values())


def _contents(report: Report) -> str:
    parts = ["what has changed since last time"] if report.comparison is not None else []
    parts += ["the results by domain", "who took part"]
    if report.is_group:
        parts.append("where people see it differently")
    parts += ["the action plan", "the detail behind every answer", "how the results were worked out"]
    return ", ".join(parts) + " and a place to sign"


def _title_style(styles: Styles, length: int) -> ParagraphStyle:
    """Smaller type for long names, so that a long name still leaves room for the facts."""
    if length <= 60:
        return styles.title
    size = 20 if length <= 120 else 15
    return ParagraphStyle(f"title-{size}", parent=styles.title, fontSize=size, leading=size * 1.25)
