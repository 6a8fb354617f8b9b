"""Since last time (only when the assessment starts from a previous round): what
changed per domain, on both axes and in stage, with the reasons, and how last
time's plan went."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer

from coprod_check.domain.rounds import Change, Comparison
from coprod_check.domain.wording import change_of, long_date, short_date, signed, stage_sentence
from coprod_check.i18n import _
from coprod_check.report.actions import STATUS
from coprod_check.report.blocks import bulleted, grid, p, score_text, t
from coprod_check.report.changes import review_counts, review_rows, review_sentence
from coprod_check.report.charts import CARE_FILL, WITH_FILL, BarRow, Series, domain_charts
from coprod_check.report.document import bookmark
from coprod_check.report.model import Report
from coprod_check.report.styles import Styles

TITLE = _("Since last time")
STAGE = _("The stage, and why")
DOMAINS = _("Change by domain")
PLAN = _("How last time\u2019s plan went")


def story(report: Report, styles: Styles, width: float) -> list[Flowable]:
    """The flowables of "Since last time"; nothing for a first assessment."""
    c = report.comparison
    if c is None:
        return []
    then = long_date(c.before_date, "")
    now = long_date(c.after_date, "")
    intro = (
        _(
            "This assessment is compared with the last one, of {then}. Change is "
            "for learning, not for blame: a score can fall because people felt safer saying how things "
            "really are."
        )
        if then
        else _(
            "This assessment is compared with the last one. Change is "
            "for learning, not for blame: a score can fall because people felt safer saying how things "
            "really are."
        )
    ).format(then=then)
    out: list[Flowable] = [bookmark(p(TITLE, "h1", styles), TITLE), p(t(intro), "body", styles)]

    out.append(bookmark(p(STAGE, "h2", styles), STAGE, level=1))
    out.append(p(f"<b>{t(stage_sentence(c))}</b>", "body", styles))
    if c.reasons:
        out.append(bulleted([t(reason) for reason in c.reasons], styles, "body"))

    out.append(bookmark(p(DOMAINS, "h2", styles), DOMAINS, level=1))
    out.append(
        p(
            _(
                "Last time\u2019s score and this time\u2019s, per domain, on the same scale from 0 to "
                "100. Domains are in the questionnaire\u2019s order: this is not a ranking."
            ),
            "body",
            styles,
        )
    )
    series = (
        Series(_("Last time"), (_("Last time ({date})") if then else _("Last time")).format(date=then), CARE_FILL),
        Series(_("Now"), (_("Now ({date})") if now else _("Now")).format(date=now), WITH_FILL),
    )
    rows = [BarRow(d.title, d.before, d.after, _("no score then"), _("not yet answered")) for d in c.domains]
    for chart in domain_charts(rows, width, series):
        out += [Spacer(1, 4), chart]
    out += [
        Spacer(1, 10),
        KeepTogether(
            [
                _table(c, styles, width),
                p(
                    _(
                        "The change is worked out from the unrounded scores, then rounded, the same in every "
                        "output, so it may differ by 1 from the difference of the whole numbers shown. A dash "
                        "means there is no score to compare: nothing answered, or a domain that was not in "
                        "last time\u2019s questionnaire."
                    ),
                    "note",
                    styles,
                ),
            ]
        ),
    ]

    out.append(bookmark(p(PLAN, "h2", styles), PLAN, level=1))
    out.append(p(t(review_sentence(report)), "body", styles))
    review = review_rows(report)
    if review:
        counts = review_counts(report)
        out.append(
            grid(
                [[t(title) for title, _ in counts], [str(n) for _, n in counts]],
                [width / len(counts)] * len(counts),
                styles,
            )
        )
        out.append(_reviews(report, styles, width))
    return out


def _table(c: Comparison, styles: Styles, width: float) -> Flowable:
    head = [_("Domain"), _("Last time"), _("Now"), _("Change")]
    rows = [head, *(_row(d, t(d.title)) for d in c.domains)]
    totals = [
        _row(x, f"<b>{label}</b>")
        for x, label in (
            (c.overall, _("All domains")),
            (c.care, _("Care: support given")),
            (c.with_, _("With: work done with people")),
        )
    ]
    bold = styles.cell_head
    numbers = [_fit(h, bold) for h in head[1:]]
    return grid(
        [*rows, *totals],
        [width - sum(numbers), *numbers],
        styles,
        extra=[("LINEABOVE", (0, len(rows)), (-1, len(rows)), 1, "black")],
    )


def _row(change: Change, title: str) -> list[str]:
    return [title, score_text(change.before), score_text(change.after), signed(change_of(change))]


def _fit(heading: str, style: ParagraphStyle) -> float:
    # Wide enough for the heading and for "no change".
    return (
        max(
            stringWidth(heading, style.fontName, style.fontSize),
            stringWidth(_("no change"), style.fontName, style.fontSize),
        )
        + 10
    )


def _reviews(report: Report, styles: Styles, width: float) -> Flowable:
    rows = [[_("Action from last time"), _("How it went"), _("Note")]]
    for r in review_rows(report):
        facts = [
            _("Owner: {owner}").format(owner=t(r.owner) or _("not agreed")),
            _("due {date}").format(date=t(short_date(r.due, _("not set")))),
            t(r.group),
            _("last time: {lower}").format(lower=t(STATUS.get(r.status, r.status)).lower()),
        ]
        rows.append([f"<b>{t(r.title)}</b><br/>" + " \u00b7 ".join(facts), f"<b>{t(r.outcome)}</b>", t(r.note)])
    return grid(rows, [width * 0.48, width * 0.17, width * 0.35], styles)
