"""Since last time (only when the assessment starts from a previous round): the stage and why,
the change by domain as a chart and a table, and how last round's plan went."""

from __future__ import annotations

from coprod_check.domain.rounds import Change
from coprod_check.domain.wording import change_of, long_date, short_date, signed, stage_sentence, whole
from coprod_check.i18n import N_, _
from coprod_check.report.changes import review_counts, review_rows, review_sentence
from coprod_check.report.content.model import (
    Block,
    Chart,
    Heading,
    Items,
    Keep,
    Para,
    Runs,
    Section,
    Series,
    Table,
    bold,
    runs,
)
from coprod_check.report.content.words import STATUS
from coprod_check.report.model import Report

TITLE = N_("Since last time")
PLAN = N_("How last time\u2019s plan went")


def since(report: Report) -> Section | None:
    """The comparison with the previous round; None for a first assessment."""
    c = report.comparison
    if c is None:
        return None
    then, now = long_date(c.before_date, ""), long_date(c.after_date, "")
    blocks: list[Block] = [
        Heading(_(TITLE), 1),
        Para(
            runs(
                (
                    _("This assessment is compared with the last one, of {date}.").format(date=then)
                    if then
                    else _("This assessment is compared with the last one.")
                )
                + " "
                + _(
                    "Change is for learning, not for blame: a score can fall because people felt safer saying how "
                    "things really are."
                )
            )
        ),
        Heading(_("The stage, and why"), 2),
        Para(runs(bold(stage_sentence(c)))),
    ]
    if c.reasons:
        blocks.append(Items(tuple(runs(x) for x in c.reasons)))
    blocks += [
        Heading(_("Change by domain"), 2),
        Para(
            runs(
                _(
                    "Last time\u2019s score and this time\u2019s, per domain, on the same scale from 0 to 100. Domains "
                    "are in the questionnaire\u2019s order: this is not a ranking."
                )
            )
        ),
        Chart(
            "domains",
            _("Last time and now, by domain"),
            _("Score by domain, last time and now. ")
            + " ".join(
                _("{domain}: {before} then, {after} now.").format(
                    domain=d.title, before=_fig(d.before), after=_fig(d.after)
                )
                for d in c.domains
            ),
            categories=tuple(d.title for d in c.domains),
            series=(
                Series(
                    _("Last time ({date})").format(date=then) if then else _("Last time"),
                    tuple(d.before for d in c.domains),
                    role="before",
                ),
                Series(
                    _("Now ({date})").format(date=now) if now else _("Now"),
                    tuple(d.after for d in c.domains),
                    role="now",
                ),
            ),
            height_mm=min(12 + 11 * len(c.domains), 200),
        ),
    ]
    rows = [_row(d, runs(d.title)) for d in c.domains]
    totals = [
        _row(x, runs(bold(label)))
        for x, label in (
            (c.overall, _("All domains")),
            (c.care, _("Care: support given")),
            (c.with_, _("With: work done with people")),
        )
    ]
    blocks.append(
        Keep(
            (
                Table(
                    (_("Domain"), _("Last time"), _("Now"), _("Change")),
                    (*rows, *totals),
                    (0.55, 0.15, 0.15, 0.15),
                    numeric=(False, True, True, True),
                    total_rows=3,
                    key="change-by-domain",
                ),
                Para(
                    runs(
                        _(
                            "The change is worked out from the unrounded scores, "
                            "then rounded, the same in every output, "
                            "so it may differ by 1 from the difference of the whole "
                            "numbers shown. A dash means there is "
                            "no score to compare."
                        )
                    ),
                    "note",
                ),
            )
        )
    )
    blocks += [Heading(_(PLAN), 2), Para(runs(review_sentence(report)))]
    review = review_rows(report)
    if review:
        counts = review_counts(report)
        blocks.append(
            Table(
                tuple(title for title, _n in counts),
                (tuple(runs(str(n)) for _title, n in counts),),
                tuple(1 / len(counts) for _ in counts),
                numeric=tuple(True for _ in counts),
                key="review-counts",
            )
        )
        blocks.append(
            Table(
                (_("Action from last time"), _("How it went"), _("Note")),
                tuple(
                    (
                        runs(
                            bold(r.title),
                            "\n",
                            _("Owner: {owner} \u00b7 due {due} \u00b7 {group} \u00b7 last time: {status}").format(
                                owner=r.owner or _("not agreed"),
                                due=short_date(r.due, _("not set")),
                                group=r.group,
                                status=_(STATUS.get(r.status, r.status)).lower(),
                            ),
                        ),
                        runs(bold(r.outcome)),
                        runs(r.note),
                    )
                    for r in review
                ),
                (0.48, 0.17, 0.35),
                key="review",
            )
        )
    return Section("since", _(TITLE), tuple(blocks), new_page=True)


def _row(change: Change, title: Runs) -> tuple[Runs, ...]:
    return (title, runs(_fig(change.before)), runs(_fig(change.after)), runs(signed(change_of(change))))


def _fig(value: float | None) -> str:
    n = whole(value)
    return "\u2013" if n is None else str(n)
