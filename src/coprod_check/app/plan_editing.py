"""Editing the action plan of an open assessment: the part of Session that the plan page drives.

Every action is the plan's suggestion with the person's edits over it (accepted or dropped,
reworded, given an owner, a date, a status or a time); their own actions are added, deleted
and moved here too. Each change goes through Session.changed, as every other change does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_check.app.change import PLAN, PLAN_TEXT, Change
from coprod_check.app.status import STATUS_WORDS, Status
from coprod_check.app.undo import short
from coprod_check.domain.assessment import MAX_OWN_ACTIONS, ActionEdit, CustomAction, Suggestion
from coprod_check.domain.plan import GROUP_TITLES, PlannedAction, build_plan, carried_edit, derive_actions
from coprod_check.domain.questionnaire import DONT_KNOW
from coprod_check.domain.scoring import Result, held_levels
from coprod_check.domain.textcheck import savable_text
from coprod_check.i18n import _

if TYPE_CHECKING:
    from collections.abc import Iterator
    from contextlib import contextmanager

    from coprod_check.domain.assessment import Assessment
    from coprod_check.domain.group import QuestionSpread
    from coprod_check.domain.questionnaire import Questionnaire

STATUS_LABELS = {"not-started": _("Not started"), "in-progress": _("In progress"), "done": _("Done")}
TEXT_FIELDS = ("title", "why", "how", "owner")
EDIT_FIELDS = ("accepted", *TEXT_FIELDS, "due", "status", "timescale", "critical", "owner_agreed")  # not `suggested`


class PlanEditing:
    """The action plan's rules for an open assessment (Session is one)."""

    questionnaire: Questionnaire
    assessment: Assessment
    _cache: dict[str, object]

    if TYPE_CHECKING:

        def changed(self, kind: Change) -> None: ...

        def view(self) -> Assessment: ...

        def result(self) -> Result: ...

        def status(self, question_id: str) -> Status: ...

        def scored_choice(self, question_id: str) -> str | None: ...

        def spread(self, question_id: str) -> QuestionSpread: ...

        @property
        def is_group(self) -> bool: ...

        @contextmanager
        def _undoable(self, kind: str, name: str, part: str, key: str = "", merge: str = "") -> Iterator[None]: ...

    def _named(self, action_id: str) -> str:
        """An action's title, short enough for a menu."""
        action = self.action(action_id)
        return short(action.title if action else action_id)

    # -- the action plan ---------------------------------------------------------

    def plan(self) -> list[PlannedAction]:
        """Every action, in the user's order, with their edits (dropped ones included)."""
        if "plan" not in self._cache:
            self._cache["plan"] = build_plan(
                self.questionnaire, self.view(), self._partly_known(), held_levels(self.result())
            )
        return self._cache["plan"]  # type: ignore[return-value]

    def _partly_known(self) -> frozenset[str]:
        """A group's "don't know" questions on which someone did give a level (see plan.py)."""
        if not self.is_group:
            return frozenset()
        return frozenset(
            q.id
            for q in self.questionnaire.questions()
            if (found := self.spread(q.id)).group_choice == DONT_KNOW and found.levels
        )

    def action(self, action_id: str) -> PlannedAction | None:
        """The action with this id as the user sees it."""
        return next((a for a in self.plan() if a.id == action_id), None)

    def suggested(self, action_id: str) -> PlannedAction | None:
        """The derived action before the user's edits (None for own actions, and for those the
        answers no longer call for: closed, or waiting for a "don't know" to be found out)."""
        if "derived" not in self._cache:
            self._cache["derived"] = {
                a.id: a
                for a in derive_actions(
                    self.questionnaire, self.view(), self._partly_known(), held_levels(self.result())
                )
            }
        return self._cache["derived"].get(action_id)  # type: ignore[attr-defined,no-any-return]

    def _custom(self, action_id: str) -> CustomAction | None:
        return next((c for c in self.assessment.plan.custom if c.id == action_id), None)

    def _fallback(self, action_id: str) -> ActionEdit:
        # What the action's edit is without one of its own: carried over from its gap action
        # when the answer became "don't know", or nothing.
        return carried_edit(self.view(), action_id) or ActionEdit()

    def _edit(self, action_id: str) -> ActionEdit:
        edits = self.assessment.plan.edits
        if action_id not in edits:
            edits[action_id] = self._fallback(action_id)
        edit = edits[action_id]
        base = self.suggested(action_id)
        if base is not None:
            # The words as derived now, so the action keeps them if its gap closes.
            edit.suggested = Suggestion(base.title, base.why, base.how, base.owner, base.timescale)
        return edit

    def _tidy(self, action_id: str) -> None:
        # An edit that changes nothing is dropped, so it cannot keep a closed action alive.
        edit = self.assessment.plan.edits.get(action_id)
        if self.suggested(action_id) is None:
            return  # its gap has closed: the edit is all that keeps it listed
        fallback = self._fallback(action_id)
        if edit is not None and all(getattr(edit, f) == getattr(fallback, f) for f in EDIT_FIELDS):
            del self.assessment.plan.edits[action_id]

    def _put(self, action_id: str, field: str, value: object) -> bool:
        custom = self._custom(action_id)
        if custom is not None:
            if getattr(custom, field) == value:
                return False
            setattr(custom, field, value)
            return True
        if field in (*TEXT_FIELDS, "timescale", "critical"):
            base = self.suggested(action_id)
            if base is not None and getattr(base, field) == value:
                value = None
        current = self.assessment.plan.edits.get(action_id) or self._fallback(action_id)
        if getattr(current, field) == value:
            return False
        setattr(self._edit(action_id), field, value)
        self._tidy(action_id)
        return True

    def _set(self, action_id: str, field: str, value: object, change: Change, kind: str = "", merge: str = "") -> None:
        """Set one field of an action, as one step of undo of `kind` (the field's name unless given)."""
        with self._undoable(kind or field, self._named(action_id), "plan", merge=merge):
            if self._put(action_id, field, value):
                self.changed(change)

    def set_accepted(self, action_id: str, accepted: bool) -> None:
        """Keep the action in the plan, or drop it (it stays listed, so it can come back)."""
        self._set(action_id, "accepted", accepted, PLAN, "keep" if accepted else "drop")

    def set_action_text(self, action_id: str, field: str, value: str) -> None:
        """Reword the "title", "why", "how" or "owner" of an action."""
        if field not in TEXT_FIELDS:
            raise ValueError(field)
        self._set(action_id, field, savable_text(value), PLAN_TEXT, merge=f"{field}:{action_id}")

    def set_owner_agreed(self, action_id: str, agreed: bool) -> None:
        """Confirm the owner (agreed with them), or make it a suggestion again: until it is
        confirmed the printed plan says "Suggested: ... (to agree)"."""
        self._set(action_id, "owner_agreed", bool(agreed), PLAN_TEXT)

    def set_due(self, action_id: str, due: str | None) -> None:
        """Set the due date (ISO) or None."""
        self._set(action_id, "due", due or None, PLAN_TEXT)

    def set_status(self, action_id: str, status: str) -> None:
        """Set "not-started", "in-progress" or "done"."""
        if status not in STATUS_LABELS:
            raise ValueError(status)
        self._set(action_id, "status", status, PLAN_TEXT)

    def set_when(self, action_id: str, group: str) -> None:
        """Move the action to a part of the plan: "critical", "now", "soon" or "later"."""
        if group not in GROUP_TITLES:
            raise ValueError(group)
        with self._undoable("when", self._named(action_id), "plan"):
            moved = self._put(action_id, "critical", group == "critical")
            if group != "critical":
                moved = self._put(action_id, "timescale", group) or moved
            if moved:
                self.changed(PLAN)

    def reset_wording(self, action_id: str) -> None:
        """Go back to the suggested title, why, how and owner."""
        edit = self.assessment.plan.edits.get(action_id) or self._fallback(action_id)
        if all(getattr(edit, f) is None for f in TEXT_FIELDS):
            return
        with self._undoable("reset", self._named(action_id), "plan"):
            edit = self._edit(action_id)
            for field in TEXT_FIELDS:
                setattr(edit, field, None)
            self._tidy(action_id)
            self.changed(PLAN)

    def add_own_action(self, title: str = _("New action")) -> str:
        """Add an action of the user's own, after the others; return its id.

        ValueError when there are MAX_OWN_ACTIONS already (a file could not hold more)."""
        if len(self.assessment.plan.custom) >= MAX_OWN_ACTIONS:
            raise ValueError(
                _("an assessment holds at most {MAX_OWN_ACTIONS} actions of your own").format(
                    MAX_OWN_ACTIONS=MAX_OWN_ACTIONS
                )
            )
        used = {c.id for c in self.assessment.plan.custom}
        number = 1
        while f"own:{number}" in used:
            number += 1
        action_id = f"own:{number}"
        with self._undoable("add", "", "plan"):
            self._append_own(action_id, title)
        return action_id

    def _append_own(self, action_id: str, title: str) -> None:
        self.assessment.plan.custom.append(
            CustomAction(
                id=action_id,
                title=title,
                why="",
                how="",
                owner="",
                due=None,
                status="not-started",
                timescale="now",
                accepted=True,
            )
        )
        self.changed(PLAN)

    def delete_own_action(self, action_id: str) -> None:
        """Delete an action the user added (derived actions can only be dropped)."""
        custom = self._custom(action_id)
        if custom is None:
            raise ValueError(_("{action_id!r} is not one of your own actions").format(action_id=action_id))
        with self._undoable("delete", self._named(action_id), "plan"):
            self.assessment.plan.custom.remove(custom)
            self.assessment.plan.order = [x for x in self.assessment.plan.order if x != action_id]
            self.changed(PLAN)

    def move_action(self, action_id: str, step: int) -> bool:
        """Move an action up (negative) or down the list; False if it cannot move."""
        ids = [a.id for a in self.plan()]
        index = ids.index(action_id)
        target = index + step
        if not 0 <= target < len(ids):
            return False
        ids.insert(target, ids.pop(index))
        with self._undoable("move", self._named(action_id), "plan"):
            self.assessment.plan.order = ids
            self.changed(PLAN)
        return True

    def question_for(self, action: PlannedAction) -> str:
        """Where an action comes from, in words."""
        if action.kind == "own":
            return _("You added this action.")
        question = self.questionnaire.question(action.question_id or "")
        if question is None:
            return ""
        choice = self.scored_choice(question.id)
        level = self.questionnaire.level(choice, question) if choice else None
        answer = level.label if level else STATUS_WORDS[self.status(question.id)]
        if not self.is_group:
            return _("From the question \u201c{prompt}\u201d (your answer: {answer}).").format(
                prompt=question.prompt, answer=answer
            )
        words = self.group_level_words(question.id)
        return _("From the question \u201c{prompt}\u201d (the group's level, {words}).").format(
            prompt=question.prompt, words=words
        )

    def group_level_words(self, question_id: str) -> str:
        """Where the group's level for a question comes from, and what it is, in a phrase that
        never names a level fewer than min_group_size people gave: "agreed by the group: Asking"."""
        from coprod_check.domain.headline import group_level_words

        return group_level_words(self.questionnaire, self.assessment, question_id)
