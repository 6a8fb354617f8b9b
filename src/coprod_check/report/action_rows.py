"""The actions as rows of plain values: what the workbook and the CSV both list.

Pure Python, no openpyxl: one row per accepted action, in the order the printed plan
lists them (critical first, then the next 3 months, 3 to 12 months, later). Every
piece of text has been through the placeholder rule (`literal.visible`), so a
control character shows and never breaks a file. Ids are the plan's own stable ids
(`gap:QUESTION`, `find-out:QUESTION`, or the user's own action's id), so a plan
exported again after edits lines up row for row with the last export.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from coprod_check.domain.plan import FIND_OUT_OWNER, GROUP_TITLES, PlannedAction
from coprod_check.domain.questionnaire import Question
from coprod_check.i18n import N_, _
from coprod_check.report.content.words import ORIENTATION, STATUS, kind_text
from coprod_check.report.literal import visible, visible_line
from coprod_check.report.model import Report

# (key, header) in column order. The headers are the first row of the sheet and of the CSV.
COLUMNS = (
    ("id", N_("ID")),
    ("title", N_("Action")),
    ("why", N_("Why")),
    ("how", N_("How")),
    ("domain", N_("Domain")),
    ("builds", N_("Care, partnership or parity")),
    ("owner", N_("Owner")),
    ("owner_agreed", N_("Owner agreed")),
    ("due", N_("Due date")),
    ("status", N_("Status")),
    ("priority", N_("Priority group")),
    ("sha256", N_("Assessment SHA-256")),
)
HEADERS = tuple(header for _key, header in COLUMNS)  # in English; `headers()` in the reader's language
YES_NO = (N_("No"), N_("Yes"))
STILL_TO_ANSWER = N_("Not answered yet.")
STILL_TO_ANSWER_GROUP = N_("Still to answer")


def headers() -> tuple[str, ...]:
    """The header row, in the language the plan is printed in."""
    return tuple(_(header) for header in HEADERS)


class ActionRow(NamedTuple):
    """One action as the spreadsheet lists it. `due` is a date when the plan has a real one."""

    id: str
    title: str
    why: str
    how: str
    domain: str
    builds: str
    owner: str
    owner_agreed: str
    due: dt.date | str
    status: str
    priority: str
    sha256: str


def action_rows(report: Report, find_out_unanswered: bool = False) -> list[ActionRow]:
    """Every accepted action, in the printed plan's order; with `find_out_unanswered`, then a
    "find out" row for each question not answered yet, as the paper lists them when asked."""
    rows = [_row(report, action) for action in report.accepted]
    if find_out_unanswered:
        rows += [_unanswered(report, q) for q in report.unanswered]
    return rows


def _unanswered(report: Report, q: Question) -> ActionRow:
    from coprod_check.report.content.appendix import FIND_OUT_HOW

    domain = report.questionnaire.domain(q.domain_id)
    return ActionRow(
        id=f"find-out:{q.id}",  # the id the plan gives a find-out action for this question
        title=visible_line(_("Find out: {question}").format(question=q.prompt)),
        why=_(STILL_TO_ANSWER),
        how=visible(q.find_out or FIND_OUT_HOW),
        domain=visible_line(domain.title) if domain else "",
        builds=_(ORIENTATION[q.orientation]) if q.orientation in ORIENTATION else "",
        owner=FIND_OUT_OWNER,
        owner_agreed=_(YES_NO[False]),
        due="",
        status=_(STATUS["not-started"]),
        priority=_(STILL_TO_ANSWER_GROUP),
        sha256=report.sha256 or "",
    )


def _row(report: Report, a: PlannedAction) -> ActionRow:
    q = report.questionnaire
    domain = q.domain(a.domain_id) if a.domain_id else None
    return ActionRow(
        id=visible_line(a.id),
        title=visible_line(a.title),
        why=visible(a.why),
        how=visible(a.how),
        domain=visible_line(domain.title) if domain else "",
        builds=kind_text(a),
        owner=visible_line(a.owner),
        owner_agreed=_(YES_NO[a.owner_agreed and bool(a.owner.strip())]),
        due=_due(a.due),
        status=_(STATUS[a.status]) if a.status in STATUS else visible_line(a.status),
        priority=_(GROUP_TITLES[a.group]),
        sha256=report.sha256 or "",
    )


def _due(due: str | None) -> dt.date | str:
    if not due:
        return ""
    try:
        return dt.date.fromisoformat(due)
    except ValueError:
        return visible_line(due)
