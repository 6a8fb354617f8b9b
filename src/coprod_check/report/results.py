"""Results by domain: care and with bars per domain, then the numbers in a table."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer

from coprod_check.domain.scoring import DomainScore
from coprod_check.i18n import _, pgettext
from coprod_check.report.blocks import grid, p, score_text, t
from coprod_check.report.charts import BarRow, domain_charts
from coprod_check.report.document import bookmark
from coprod_check.report.model import Report
from coprod_check.report.styles import Styles

TITLE = _("Results by domain")


def story(report: Report, styles: Styles, width: float) -> list[Flowable]:
    """The results section's flowables."""
    out: list[Flowable] = [
        bookmark(p(TITLE, "h1", styles), TITLE),
        p(
            _(
                "Each domain asks about <b>care</b> (support given to people) and about <b>working with</b> "
                "people (sharing the work and the decisions). The bars show both on the same scale from 0 to "
                "100; how each is cut into bands is in \u201cHow this was worked out\u201d. \u201cDon\u2019t "
                "know\u201d is never scored as a level. Domains are in the questionnaire\u2019s order: this "
                "is not a ranking."
            ),
            "body",
            styles,
        ),
    ]
    if report.nothing_answered:
        out.append(p(_("No domain has a score yet, because nothing has been answered."), "body", styles))
    else:
        rows = [_bar_row(report, d) for d in report.result.domains]
        for chart in domain_charts(rows, width):
            out += [Spacer(1, 4), chart]
    # Kept together so that no row of the table is left alone on the next page.
    out += [
        Spacer(1, 10),
        KeepTogether(
            [
                _table(report, styles, width),
                p(
                    _(
                        "A dash means there is nothing to score: no answers with a level of that kind, no questions "
                        "of that kind in the domain, or more than half of the answers are \u201cdon\u2019t know\u201d "
                        "(not known yet). \u201cDon\u2019t know\u201d is never scored as a level."
                    ),
                    "note",
                    styles,
                ),
            ]
        ),
    ]
    return out


def _bar_row(report: Report, d: DomainScore) -> BarRow:
    from coprod_check.domain.headline import domain_axis_missing

    domain = report.questionnaire.domain(d.id)
    kinds = {q.orientation for q in domain.questions} if domain else {"care", "with"}
    return BarRow(
        title=d.title,
        first=d.care,
        second=d.with_,
        first_missing=domain_axis_missing(d, "care", "care" in kinds),
        second_missing=domain_axis_missing(d, "with", "with" in kinds),
    )


def _table(report: Report, styles: Styles, width: float) -> Flowable:
    head = [
        _("Domain"),
        _("Overall"),
        pgettext("axis", "Care"),
        pgettext("axis", "With"),
        _("With a level"),
        _("Don\u2019t know"),
        _("Not applicable"),
        _("Not answered"),
    ]
    rows = [head]
    for d in report.result.domains:
        rows.append(
            [
                t(d.title),
                score_text(d.score),
                score_text(d.care),
                score_text(d.with_),
                f"{d.known} of {d.total}",
                str(d.unknown),
                str(d.not_applicable),
                str(d.not_answered),
            ]
        )
    r = report.result
    rows.append(
        [
            f"<b>{x}</b>"
            for x in (
                _("All domains"),
                score_text(r.overall),
                score_text(r.care),
                score_text(r.with_),
                f"{r.known} of {r.total}",
                str(r.unknown),
                str(r.not_applicable),
                str(r.not_answered),
            )
        ]
    )
    # Each number column is as wide as the longest word of its heading, so no word breaks.
    bold = styles.cell_head
    numbers = [max(stringWidth(w, bold.fontName, bold.fontSize) for w in h.split()) + 10 for h in head[1:]]
    return grid(rows, [width - sum(numbers), *numbers], styles, extra=[("LINEABOVE", (0, -1), (-1, -1), 1, "black")])
