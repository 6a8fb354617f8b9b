"""Who took part: how many people, in which roles, with and without lived experience.

In a group, a count smaller than the group's min_group_size is printed as
"not shown", never as the number (and so is the next smallest, against subtraction),
and names, when printed at all, are printed without roles.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from coprod_check.i18n import _, ngettext
from coprod_check.report.blocks import CELL_FONT, grid, p, t
from coprod_check.report.chunks import paragraphs
from coprod_check.report.document import bookmark
from coprod_check.report.model import (
    Report,
    anyone_with_lived_experience,
    count_text,
    lived_experience_counts,
    names,
    role_counts,
    total_people,
)
from coprod_check.report.styles import INK, LIGHT, Styles

TITLE = _("Who took part")
WARNING = _(
    "<b>Nobody who took part said they have lived experience of mental health difficulties.</b> "
    "An assessment of co-production made without anyone with lived experience is itself a "
    "finding: the answers show the organisation as it looks from one side only, however "
    "carefully they were given."
)
NEXT_TIME = _(
    "Before acting on this plan, we suggest asking colleagues, partners and people who use "
    "services who have lived experience to answer the questionnaire too, paid for their "
    "time, and to look again at the results together."
)


def story(report: Report, styles: Styles, width: float) -> list[Flowable]:
    """The flowables of "Who took part"."""
    out: list[Flowable] = [bookmark(p(TITLE, "h1", styles), TITLE)]
    total = total_people(report)
    if not total:
        out.append(
            p(
                _(
                    "Nobody is recorded as taking part, so a reader cannot see whose views these "
                    "answers reflect. Next time, record each person\u2019s role and whether they have "
                    "lived experience of mental health difficulties (anyone may prefer not to say)."
                ),
                "body",
                styles,
            )
        )
        return out
    if report.is_group:
        how = ngettext(
            "{count} person answered the questionnaire on their own, and their answers were combined. "
            "Individual answers and notes stay in the group\u2019s file: this plan prints only what "
            "the group sees together.",
            "{count} people answered the questionnaire on their own, and their answers were combined. "
            "Individual answers and notes stay in the group\u2019s file: this plan prints only what "
            "the group sees together.",
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
    out.append(
        p(
            _(
                "{how} Lived experience is expertise: the more people with lived experience of "
                "mental health difficulties shape the answers, the more the plan can be trusted."
            ).format(how=how),
            "body",
            styles,
        )
    )
    if not anyone_with_lived_experience(report):
        out.append(_warning(report, styles, width))
    roles = [[_("Role"), _("People")], *([t(label), count_text(n, report)] for label, n in role_counts(report))]
    lived = [
        [_("Lived experience"), _("People")],
        *([t(label[0].upper() + label[1:]), count_text(n, report)] for label, n in lived_experience_counts(report)),
    ]
    if "yes" not in report.took_part["lived_experience"]:
        lived.insert(1, [_("With lived experience of mental health difficulties"), "none"])
    # The count column is just wide enough for "not shown" on one line.
    number = stringWidth(_("not shown"), styles.cell.fontName, styles.cell.fontSize) + 12
    out.append(KeepTogether([p(_("By role"), "h2", styles), grid(roles, [width - number, number], styles)]))
    out.append(KeepTogether([p(_("By lived experience"), "h2", styles), grid(lived, [width - number, number], styles)]))
    if any(n is None for part in ("roles", "lived_experience") for n in report.took_part[part].values()):
        out.append(
            p(
                _(
                    "Where fewer than {min_group_size} people are in a group, the number is not "
                    "shown, and neither is the next smallest, so that it cannot be worked out from the "
                    "total. Nobody can be identified by their answers."
                ).format(min_group_size=report.min_group_size),
                "note",
                styles,
            )
        )
    named = names(report)
    if named:
        out.append(p(_("Names (printed at the team\u2019s request)"), "h2", styles))
        out += paragraphs(_names(report, named), styles.body)
        if report.is_group:
            out.append(
                p(
                    _(
                        "In alphabetical order and without roles, so that no name can be linked to a role "
                        "or to whether someone has lived experience."
                    ),
                    "note",
                    styles,
                )
            )
    return out


def _names(report: Report, named: list[tuple[str, str]]) -> str:
    """Names as printed. In a group, a name with its role could reveal what the role counts hide
    (such as someone's lived experience), so names stand alone, in alphabetical order so that
    their order tells nothing either."""
    if report.is_group:
        return "; ".join(t(name) for name in sorted((n.strip() for n, _ in named), key=str.casefold))
    return "; ".join(f"{t(name)} ({t(role)})" for name, role in named)


def _warning(report: Report, styles: Styles, width: float) -> Table:
    text = [p(WARNING, "body", styles)]
    if "prefer-not-to-say" in report.took_part["lived_experience"]:
        text.append(
            p(
                _(
                    "Preferring not to say is everyone\u2019s right. Some who chose it may have lived "
                    "experience; if people do not feel safe saying so, that is worth knowing too."
                ),
                "body",
                styles,
            )
        )
    text.append(p(NEXT_TIME, "body", styles))
    return Table(
        [[text]],
        colWidths=[width],
        hAlign="LEFT",
        spaceBefore=4,
        spaceAfter=6,
        style=TableStyle(
            [
                *CELL_FONT,
                ("BOX", (0, 0), (-1, -1), 1.2, INK),
                ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        ),
    )
