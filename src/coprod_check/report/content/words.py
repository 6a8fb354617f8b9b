"""Labels the board paper and the appendix share, and how an action's owner, date, domain and
kind are put in words. Pure Python."""

from __future__ import annotations

from coprod_check.domain.plan import GROUP_TITLES, PlannedAction
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.domain.wording import short_date
from coprod_check.i18n import _

TITLE = _("Co-production readiness")
PAPER_TITLE = _("Board paper")
APPENDIX = _("Appendix")
NOT_NAMED = _("not yet named")
NOT_SET = _("not yet set")
PURPOSE_LABELS = {"decision": _("For decision"), "assurance": _("For assurance"), "information": _("For information")}
STATUS = {"not-started": _("Not started"), "in-progress": _("In progress"), "done": _("Done")}
#: Whether an action builds care, partnership or parity of esteem, as every table says it.
ORIENTATION = {"care": _("Builds care"), "with": _("Builds partnership"), "parity": _("Builds parity")}
NO_ORIENTATION = _("Not placed")
GROUP_LABELS = {**GROUP_TITLES, "critical": _("Critical")}


def owner_text(action: PlannedAction) -> str:
    """The owner as printed: agreed as it is, a suggestion marked as one, or none yet."""
    owner = " ".join(action.owner.split())
    if not owner:
        return _("To agree")
    if action.owner_suggested:
        return _("Suggested: {owner} (to agree)").format(owner=owner)
    return owner


def due_text(action: PlannedAction) -> str:
    """The due date, or "No date yet" (never left blank)."""
    return short_date(action.due, _("No date yet"))


def domain_title(q: Questionnaire, action: PlannedAction) -> str:
    """The action's domain, or a plain word for an action of the team's own not placed in one."""
    domain = q.domain(action.domain_id) if action.domain_id else None
    return domain.title if domain else _("The team\u2019s own action")


def kind_text(action: PlannedAction) -> str:
    """Whether the action builds care or partnership."""
    return ORIENTATION.get(action.orientation or "", NO_ORIENTATION)
