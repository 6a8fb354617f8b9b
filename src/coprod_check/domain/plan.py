"""The action plan: derived from the answers, then shaped by the user's edits.

Derived actions, most important first: critical gaps, then by weight times
the size of the gap (levels still to climb), then in questionnaire order.
Every "don't know" becomes a "find out" action. Each action has a stable id
(`gap:QUESTION` or `find-out:QUESTION`), so the user's edits, kept by id in the
assessment, survive a change of answer. An edited action whose gap has closed
is kept and marked closed, in the words it had, never silently dropped. When
an answer becomes "don't know", its edited gap action is kept and marked as
waiting for the answer, and the new "find out" action takes over its owner,
due date and status until it is edited itself.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import NamedTuple

from coprod_check.domain.assessment import ActionEdit, ActionStatus, Assessment
from coprod_check.domain.questionnaire import DONT_KNOW, TIMESCALES, Question, Questionnaire
from coprod_check.domain.scoring import below
from coprod_check.i18n import _

FIND_OUT_OWNER = _("Team lead")


class PlannedAction(NamedTuple):
    """One action in the plan, with the user's edits already applied."""

    id: str
    kind: str  # "gap", "find-out" or "own"
    question_id: str | None
    domain_id: str | None
    title: str
    why: str
    how: str
    owner: str
    timescale: str
    critical: bool
    due: str | None = None
    status: ActionStatus = "not-started"
    accepted: bool = True
    edited: bool = False
    closed: bool = False  # the gap it was for has closed since it was edited
    unknown: bool = False  # the answer is now "don't know": a find-out action stands in for it
    # "care" or "with": whether it builds care or partnership (its question's orientation);
    # None for an action of the user's own that they have not placed.
    orientation: str | None = None
    owner_agreed: bool = False  # the user confirmed the owner; until then it is a suggestion

    @property
    def owner_suggested(self) -> bool:
        """True when the owner is only a suggestion, to agree (there is one and nobody has confirmed it)."""
        return bool(self.owner.strip()) and not self.owner_agreed

    @property
    def group(self) -> str:
        """The plan section: "critical", "now", "soon" or "later"."""
        return "critical" if self.critical and not (self.closed or self.unknown) else self.timescale


GROUP_TITLES = {"critical": _("Critical: do these first"), **TIMESCALES}


def derive_actions(
    questionnaire: Questionnaire,
    assessment: Assessment,
    partly_known: Collection[str] = (),
    held: Mapping[str, str] | None = None,
) -> list[PlannedAction]:
    """The actions the answers call for, most important first, before any edits.

    `partly_known` names the questions a group answers "don't know" although one or two
    people did give a level (too few for the group to have one: see group.py), so their
    "find out" actions do not say that nobody knew. `held` maps a critical question that
    holds a group's stage back on part of the group's answers (colleagues with lived
    experience, or one person where their side is too small to show) to the level found there:
    its action starts from that level and is critical, so the plan works on what holds the
    stage back even where the group's own level would call for less, or for nothing.
    """
    ranked: list[tuple[tuple[float, float, int], PlannedAction]] = []
    held = held or {}
    for order, q in enumerate(questionnaire.questions()):
        levels = questionnaire.levels_for(q)
        top = len(levels) - 1
        choice = assessment.answer(q.id).choice
        if q.id in held and choice != DONT_KNOW:
            own = questionnaire.level_index(choice, q) if choice else -1
            if own < 0 or questionnaire.level_index(held[q.id], q) < own:
                choice = held[q.id]
        if choice == DONT_KNOW:
            action = _find_out(q, q.id in partly_known)
            gap = top
        else:
            index = questionnaire.level_index(choice, q) if choice else -1
            if index < 0 or index >= top:
                continue
            step = q.actions[levels[index].id]
            critical = below(questionnaire, q, levels[index].id)  # the rule the stage uses (scoring.py)
            action = PlannedAction(
                id=f"gap:{q.id}",
                kind="gap",
                question_id=q.id,
                domain_id=q.domain_id,
                title=step.title,
                why=step.why,
                how=step.how,
                owner=step.owner,
                timescale=step.timescale,
                critical=critical,
                orientation=q.orientation,
            )
            gap = top - index
        ranked.append(((0 if action.critical else 1, -q.weight * gap, order), action))
    ranked.sort(key=lambda pair: pair[0])
    return [action for _, action in ranked]


def build_plan(
    questionnaire: Questionnaire,
    assessment: Assessment,
    partly_known: Collection[str] = (),
    held: Mapping[str, str] | None = None,
) -> list[PlannedAction]:
    """The plan as the user sees it: derived actions with edits, their own actions, their order.

    Actions in the user's saved order come first, in that order; any others
    follow in priority order. Dropped actions are included with
    `accepted=False` so a window can offer them back; a report leaves them out.
    `partly_known` and `held` are as for `derive_actions`.
    """
    derived = derive_actions(questionnaire, assessment, partly_known, held)
    by_id = {a.id: a for a in derived}
    plan = assessment.plan
    for aid, edit in plan.edits.items():
        base = by_id.get(aid)
        if base is None:
            base = _kept_action(questionnaire, assessment, aid, edit, partly_known)
            if base is None:
                continue
        by_id[aid] = _edited(base, edit)
    for action in derived:
        carried = carried_edit(assessment, action.id) if action.id not in plan.edits else None
        if carried is not None:
            by_id[action.id] = _edited(action, carried)
    for own in plan.custom:
        by_id[own.id] = PlannedAction(
            id=own.id,
            kind="own",
            question_id=None,
            domain_id=own.domain if own.domain and questionnaire.domain(own.domain) else None,
            title=own.title,
            why=own.why,
            how=own.how,
            owner=own.owner,
            timescale=own.timescale,
            critical=own.critical,
            due=own.due,
            status=own.status,
            accepted=own.accepted,
            edited=True,
            orientation=own.orientation,
            # An owner the user typed into an action of their own is theirs, unless they said not.
            owner_agreed=bool(own.owner.strip()) if own.owner_agreed is None else own.owner_agreed,
        )
    ordered = [by_id.pop(aid) for aid in plan.order if aid in by_id]
    ordered += [by_id.pop(a.id) for a in derived if a.id in by_id]
    ordered += list(by_id.values())  # closed and own actions not yet placed in an order
    return ordered


def carried_edit(assessment: Assessment, action_id: str) -> ActionEdit | None:
    """For a "find out" action whose answer was a level before it became "don't know": the
    owner, due date and status the user gave that level's gap action, carried over (None if
    there is nothing to carry). A "find out" action with edits of its own ignores this."""
    kind, _sep, qid = action_id.partition(":")
    gap = assessment.plan.edits.get(f"gap:{qid}")
    if kind != "find-out" or gap is None or assessment.answer(qid).choice != DONT_KNOW:
        return None
    if gap.owner is None and gap.due is None and gap.status == "not-started" and not gap.owner_agreed:
        return None
    return ActionEdit(owner=gap.owner, due=gap.due, status=gap.status, owner_agreed=gap.owner_agreed)


def _edited(base: PlannedAction, edit: ActionEdit) -> PlannedAction:
    owner = base.owner if edit.owner is None else edit.owner
    # Agreed once confirmed; an owner the user typed over the suggestion is theirs, unless they said not.
    typed = edit.owner is not None and edit.owner.strip() != base.owner.strip() and bool(edit.owner.strip())
    return base._replace(
        title=base.title if edit.title is None else edit.title,
        why=base.why if edit.why is None else edit.why,
        how=base.how if edit.how is None else edit.how,
        owner=owner,
        owner_agreed=typed if edit.owner_agreed is None else edit.owner_agreed and bool(owner.strip()),
        timescale=base.timescale if edit.timescale is None else edit.timescale,
        critical=base.critical if edit.critical is None else edit.critical,
        due=edit.due,
        status=edit.status,
        accepted=edit.accepted,
        edited=True,
    )


def _find_out(q: Question, partly_known: bool = False) -> PlannedAction:
    how = q.find_out or (
        _(
            "Ask the people who would know, including colleagues with lived experience, "
            "and look for evidence rather than assumptions. Then answer this question again."
        )
    )
    who = _("Not enough of the people taking part knew") if partly_known else _("Nobody taking part knew")
    return PlannedAction(
        id=f"find-out:{q.id}",
        kind="find-out",
        question_id=q.id,
        domain_id=q.domain_id,
        title=_("Find out: {prompt}").format(prompt=q.prompt),
        why=_("{who} the answer. Not knowing is a finding in itself: it shows where nobody is looking.").format(
            who=who
        ),
        how=how,
        owner=FIND_OUT_OWNER,
        timescale="now",
        critical=q.critical is not None,
        orientation=q.orientation,
    )


def _kept_action(
    questionnaire: Questionnaire,
    assessment: Assessment,
    action_id: str,
    edit: ActionEdit,
    partly_known: Collection[str] = (),
) -> PlannedAction | None:
    """An edited action the answers no longer call for: kept, marked, in the words it had
    when last edited (files from before those were kept give the question's wording)."""
    kind, _sep, qid = action_id.partition(":")
    q = questionnaire.question(qid)
    if kind not in ("gap", "find-out") or q is None:
        return None
    unknown = kind == "gap" and assessment.answer(qid).choice == DONT_KNOW
    was = edit.suggested
    if was is not None:
        base = PlannedAction(
            id=action_id,
            kind=kind,
            question_id=qid,
            domain_id=q.domain_id,
            title=was.title,
            why=was.why,
            how=was.how,
            owner=was.owner,
            timescale=was.timescale,
            critical=False,
            orientation=q.orientation,
        )
    elif kind == "find-out":
        base = _find_out(q, qid in partly_known)
    else:
        base = PlannedAction(
            id=action_id,
            kind=kind,
            question_id=qid,
            domain_id=q.domain_id,
            title=q.prompt,
            why="",
            how="",
            owner="",
            timescale="now",
            critical=False,
            orientation=q.orientation,
        )
    return base._replace(critical=False, closed=not unknown, unknown=unknown)


def group_plan(actions: list[PlannedAction]) -> dict[str, list[PlannedAction]]:
    """Accepted actions grouped as critical, now, soon, later (empty groups kept)."""
    groups: dict[str, list[PlannedAction]] = {g: [] for g in GROUP_TITLES}
    for action in actions:
        if action.accepted:
            groups[action.group].append(action)
    return groups


def by_orientation(actions: list[PlannedAction]) -> dict[str, list[PlannedAction]]:
    """Accepted actions read the other way: those that build care, those that build work
    with people (partnership), those that build parity of esteem (a questionnaire with parity
    questions), and any of the user's own not yet placed ("")."""
    out: dict[str, list[PlannedAction]] = {"care": [], "with": [], "parity": [], "": []}
    for action in actions:
        if action.accepted:
            out[action.orientation if action.orientation in ("care", "with", "parity") else ""].append(action)
    return out
