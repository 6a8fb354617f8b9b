"""Labels the board paper and the appendix share, and how an action's owner, date, domain and
kind are put in words. Pure Python."""

from __future__ import annotations

from coprod_check.domain.plan import GROUP_TITLES, PlannedAction
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.domain.wording import short_date
from coprod_check.i18n import N_, _

TITLE = N_("Co-production readiness")
PAPER_TITLE = N_("Board paper")
APPENDIX = N_("Appendix")
NOT_NAMED = N_("not yet named")
NOT_SET = N_("not yet set")
PURPOSE_LABELS = {
    "decision": N_("For decision"),
    "assurance": N_("For assurance"),
    "information": N_("For information"),
}
STATUS = {"not-started": N_("Not started"), "in-progress": N_("In progress"), "done": N_("Done")}
#: Whether an action builds care, partnership or parity of esteem, as every table says it.
ORIENTATION = {"care": N_("Builds care"), "with": N_("Builds partnership"), "parity": N_("Builds parity")}
NO_ORIENTATION = N_("Not placed")
GROUP_LABELS = {**GROUP_TITLES, "critical": N_("Critical")}


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
    return _(ORIENTATION.get(action.orientation or "", NO_ORIENTATION))
