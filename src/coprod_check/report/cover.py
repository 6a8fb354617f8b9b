"""The cover: who, what, when, and who took part."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from coprod_check.domain import headline
from coprod_check.domain.wording import long_date
from coprod_check.i18n import _, ngettext
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

TITLE = _("Co-production action plan")


def story(report: Report, styles: Styles, width: float) -> list[Flowable]:
    """The cover page's flowables."""
    a, q, r = report.assessment, report.questionnaire, report.result
    organisation = a.organisation.strip() or _("Organisation not recorded")
    out: list[Flowable] = [
        bookmark(p(TITLE, "subtitle", styles), _("Cover")),
        *paragraphs(t(organisation), _title_style(styles, len(organisation))),
    ]
    if a.team.strip():
        out += paragraphs(t(a.team), styles.subtitle)
    everyone = people(report)
    rows = [
        (_("Date of the assessment"), t(long_date(a.date, _("not recorded")))),
        (_("Questionnaire"), _("{title}, version {version}").format(title=t(q.title), version=t(q.version))),
        (_("Who took part"), _who(report) if everyone else _("Not recorded")),
    ]
    if everyone:
        # The same counts as "Who took part", hidden by the same small-number rule in a group.
        rows += [
            (_("By role"), _counts(role_counts(report), report)),
            (_("Lived experience"), _counts(lived_experience_counts(report), report)),
        ]
        if _any_hidden(report):
            rows.append(
                (
                    _("Small numbers"),
                    _(
                        "Where fewer than {min_group_size} people are in a group, "
                        "the number is not shown, and neither is the next smallest, so "
                        "nobody can be identified."
                    ).format(min_group_size=report.min_group_size),
                )
            )
    else:
        rows.append((_("Lived experience"), _("Not recorded")))
    if a.previous is not None:
        rows.append(
            (
                _("Last time"),
                _("Compared with the assessment of {text}").format(
                    text=t(long_date(a.previous.date, _("an undated assessment")))
                ),
            )
        )
    rows += [
        (_("Answers"), headline.counts_sentence(r)),
        (
            _("Printed"),
            _("{long_date} by coprod-check {text}").format(
                long_date=long_date(report.today.isoformat()), text=t(report.version)
            ),
        ),
    ]
    out += [Spacer(1, 6), facts(rows, width, styles), Spacer(1, 16)]
    if everyone and not anyone_with_lived_experience(report):
        out.append(
            p(
                _(
                    "<b>Nobody who took part said they had lived experience.</b> That is a finding "
                    "in itself: the answers may describe the organisation as it looks from one side "
                    "only."
                ),
                "body",
                styles,
            )
        )
    out += [
        p(
            _(
                "<b>What this plan is for.</b> It shows whether the organisation gives care to people with "
                "lived experience of mental health difficulties, or works with them as partners, including "
                "its own staff. Both matter, and they are different things. Lived experience is expertise: "
                "this plan is about how well the organisation draws on it and shares decisions with the "
                "people who have it."
            ),
            "body",
            styles,
        ),
        p(
            _(
                "<b>How to read it.</b> The next page is for the board: where things stand, the priorities "
                "and the decisions asked of the board. Then come {contents}."
            ).format(contents=_contents(report)),
            "body",
            styles,
        ),
        p(
            _("It is a tool for talking, not a league table: the results are for learning, not for ranking teams."),
            "body",
            styles,
        ),
    ]
    return out


def _who(report: Report) -> str:
    total = len(people(report))
    if report.is_group:
        shown = ngettext(
            "{count} person, answering on their own, their answers combined",
            "{count} people, answering on their own, their answers combined",
            total,
        )
    elif total > 1:
        shown = ngettext("{count} person, answering together", "{count} people, answering together", total)
    else:
        shown = ngettext("{count} person", "{count} people", total)
    return shown.format(count=total)


def _counts(counts: list[tuple[str, int | None]], report: Report) -> str:
    """'Label: count; ...', each count kept on one line with the words it counts."""
    nbsp = "\u00a0"
    return "; ".join(f"{t(label)}:{nbsp}{count_text(n, report).replace(' ', nbsp)}" for label, n in counts)


def _any_hidden(report: Report) -> bool:
    return any(n is None for part in ("roles", "lived_experience") for n in report.took_part[part].values())


def _contents(report: Report) -> str:
    parts = [_("what has changed since last time")] if report.comparison is not None else []
    parts += [_("the results by domain"), _("who took part")]
    if report.is_group:
        parts.append(_("where people see it differently"))
    parts += [_("the action plan"), _("the detail behind every answer"), _("how the results were worked out")]
    return ", ".join(parts) + _(" and a place to sign")


def _title_style(styles: Styles, length: int) -> ParagraphStyle:
    """Smaller type for long names, so that a long name still leaves room for the facts."""
    if length <= 60:
        return styles.title
    size = 20 if length <= 120 else 15
    return ParagraphStyle(f"title-{size}", parent=styles.title, fontSize=size, leading=size * 1.25)
