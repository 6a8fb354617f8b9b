"""The action plan: a table per group (critical, next 3 months, 3 to 12 months,
later), then the questions still to answer. The user's edits are already in the plan."""

from __future__ import annotations

from reportlab.platypus import Flowable

from coprod_check.domain.plan import FIND_OUT_OWNER, GROUP_TITLES, PlannedAction
from coprod_check.domain.wording import short_date
from coprod_check.i18n import _, ngettext
from coprod_check.report.blocks import grid, p, t
from coprod_check.report.document import bookmark
from coprod_check.report.model import Report
from coprod_check.report.styles import Styles

TITLE = _("The action plan")
STATUS = {"not-started": _("Not started"), "in-progress": _("In progress"), "done": _("Done")}
CLOSED_NOTE = {
    "gap": _("The gap this was for has since closed."),
    "find-out": _("The question has since been answered."),
}
# Shares of the width for Action, Why, Owner, Due and Status: the status column is wide
# enough for "Not started" and "In progress" on one line on A4 and US Letter.
COLUMNS = (0.35, 0.25, 0.16, 0.10, 0.14)
FIND_OUT_HOW = _(
    "Ask the people who would know, including colleagues with lived experience, and look "
    "for evidence rather than assumptions. Then answer the question together."
)


def story(report: Report, styles: Styles, width: float) -> list[Flowable]:
    """The action plan's flowables."""
    out: list[Flowable] = [bookmark(p(TITLE, "h1", styles), TITLE)]
    intro = _(
        "Actions come from the answers: each gap gets the step that moves it up one level, and "
        "each \u201cdon\u2019t know\u201d becomes something to find out. Where the team changed an "
        "action or added their own, their version is printed here."
    )
    if report.set_aside:
        intro += ngettext(
            " The team set aside {count} suggested action, which is not printed.",
            " The team set aside {count} suggested actions, which are not printed.",
            report.set_aside,
        ).format(count=report.set_aside)
    out.append(p(intro, "body", styles))
    for group, actions in report.groups.items():
        title = _("{group} ({count})").format(group=GROUP_TITLES[group], count=len(actions))
        out.append(bookmark(p(t(title), "h2", styles), title, level=1))
        if actions:
            out.append(_table(actions, styles, width))
        else:
            out.append(p(_("Nothing in this group."), "body", styles))
    if report.unanswered:
        title = _("Still to answer ({count})").format(count=len(report.unanswered))
        out.append(bookmark(p(t(title), "h2", styles), title, level=1))
        out.append(
            p(
                _(
                    "These questions have no answer yet. Finding out is the first step; after that, "
                    "the answers will bring their own actions."
                ),
                "body",
                styles,
            )
        )
        rows = [[_("Find out"), _("How"), _("Owner")]]
        for q in report.unanswered:
            rows.append(
                [
                    _("<b>Find out:</b> {text}").format(text=t(q.prompt)),
                    t(q.find_out or FIND_OUT_HOW),
                    t(FIND_OUT_OWNER),
                ]
            )
        out.append(grid(rows, [width * 0.42, width * 0.42, width * 0.16], styles))
    return out


def _table(actions: list[PlannedAction], styles: Styles, width: float) -> Flowable:
    rows = [[_("Action"), _("Why"), _("Owner"), _("Due"), _("Status")]]
    for a in actions:
        what = f"<b>{t(a.title)}</b>"
        if a.how.strip():
            what += f"<br/><b>How:</b> {t(a.how)}"
        if a.unknown:
            what += _(
                "<br/><i>The answer is now \u201cdon\u2019t know\u201d: this waits until the answer is known.</i>"
            )
        elif a.closed:
            what += f"<br/><i>{CLOSED_NOTE.get(a.kind, CLOSED_NOTE['gap'])}</i>"
        rows.append(
            [what, t(a.why), t(a.owner) or _("To agree"), t(short_date(a.due)), t(STATUS.get(a.status, a.status))]
        )
    return grid(rows, [width * share for share in COLUMNS], styles)
