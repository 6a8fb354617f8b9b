"""How last round's plan went: each action agreed last time, with the team's review."""

from __future__ import annotations

from coprod_check.domain.wording import short_date
from coprod_check.i18n import _
from coprod_check.report.changes import review_counts, review_rows, review_sentence
from coprod_check.report.content.model import Block, Heading, Para, Section, Table, bold, runs
from coprod_check.report.content.words import STATUS
from coprod_check.report.model import Report


def last_plan(report: Report) -> Section | None:
    """Last round's actions and how each went; None for a first assessment."""
    if report.source.previous is None:
        return None
    blocks: list[Block] = [Heading(_("How last round\u2019s plan went"), 1), Para(runs(review_sentence(report)))]
    rows = review_rows(report)
    if rows:
        counts = review_counts(report)
        blocks.append(
            Table(
                tuple(title for title, _ in counts),
                (tuple(runs(str(n)) for _, n in counts),),
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
                            _("Owner: {value} \u00b7 due {short_date} \u00b7 {group} \u00b7 last time: {lower}").format(
                                value=r.owner or _("not agreed"),
                                short_date=short_date(r.due, _("not set")),
                                group=r.group,
                                lower=STATUS.get(r.status, r.status).lower(),
                            ),
                        ),
                        runs(bold(r.outcome)),
                        runs(r.note),
                    )
                    for r in rows
                ),
                (0.48, 0.17, 0.35),
                key="review",
            )
        )
    return Section("last-plan", _("How last round\u2019s plan went"), tuple(blocks), new_page=True)
