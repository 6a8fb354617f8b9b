"""Labels the board paper and the appendix share, and how an action's owner, date, domain and
kind are put in words. Pure Python."""

from __future__ import annotations

from coprod_check.domain.plan import GROUP_TITLES, PlannedAction
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.domain.wording import short_date

TITLE = "Co-production readiness"
PAPER_TITLE = "Board paper"
APPENDIX = "Appendix"
NOT_NAMED = "not yet named"
NOT_SET = "not yet set"
PURPOSE_LABELS = {"decision": "For decision", "assurance": "For assurance", "information": "For information"}
STATUS = {"not-started": "Not started", "in-progress": "In progress", "done": "Done"}
#: Whether an action builds care or partnership, as every table says it.
ORIENTATION = {"care": "Builds care", "with": "Builds partnership"}
NO_ORIENTATION = "Not placed"
GROUP_LABELS = {**GROUP_TITLES, "critical": "Critical"}


def owner_text(action: PlannedAction) -> str:
    """The owner as printed: agreed as it is, a suggestion marked as one, or none yet."""
    owner = " ".join(action.owner.split())
    if not owner:
        return "To agree"
    if action.owner_suggested:
        return f"Suggested: {owner} (to agree)"
    return owner


def due_text(action: PlannedAction) -> str:
    """The due date, or "No date yet" (never left blank)."""
    return short_date(action.due, "No date yet")


def domain_title(q: Questionnaire, action: PlannedAction) -> str:
    """The action's domain, or a plain word for an action of the team's own not placed in one."""
    domain = q.domain(action.domain_id) if action.domain_id else None
    return domain.title if domain else "The team\u2019s own action"


def kind_text(action: PlannedAction) -> str:
    """Whether the action builds care or partnership."""
    return ORIENTATION.get(action.orientation or "", NO_ORIENTATION)
