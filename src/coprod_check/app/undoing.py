"""How an open assessment records its changes for undo and redo (Session is one): app/undo.py
holds the steps; this puts a part of the assessment back as it was."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from coprod_check.app.change import CHOICE, PLAN
from coprod_check.app.pages import PLAN_PAGE, question_page
from coprod_check.app.undo import Step, UndoLog, short

if TYPE_CHECKING:
    from coprod_check.app.change import Change
    from coprod_check.domain.assessment import Agreement, Answer, Assessment
    from coprod_check.domain.questionnaire import Questionnaire


class Undoing:
    """Undo and redo of answers, notes, a group's agreed levels and the action plan."""

    questionnaire: Questionnaire
    assessment: Assessment
    revision: int
    _set_aside: dict[str, str]

    if TYPE_CHECKING:

        def changed(self, kind: Change) -> None: ...

    @property
    def undo_log(self) -> UndoLog:
        """The steps that can be undone and redone (made on first use)."""
        log = self.__dict__.get("_undo_log")
        if log is None:
            log = self.__dict__["_undo_log"] = UndoLog()
        return log

    def question_name(self, question_id: str) -> str:
        """A question's prompt, short enough for a menu."""
        question = self.questionnaire.question(question_id)
        return short(question.prompt if question else question_id)

    @contextmanager
    def _undoable(self, kind: str, name: str, part: str, key: str = "", merge: str = "") -> Iterator[None]:
        """Record whatever the block changes in `part` ("answer" of question `key`, or "plan") as one
        step of `kind` on `name`; steps with the same `merge` key one after another are one step."""
        before = self._part_state(part, key)
        revision = self.revision
        yield
        if self.revision != revision:
            self.undo_log.record(Step(kind, name, part, key, before, self._part_state(part, key), merge))

    def undo(self) -> str | None:
        """Undo the latest step; the page it was made on (None if there was nothing to undo)."""
        step = self.undo_log.take_undo()
        return None if step is None else self._put_back(step, step.before)

    def redo(self) -> str | None:
        """Redo the step undone last; the page it was made on (None if there was nothing to redo)."""
        step = self.undo_log.take_redo()
        return None if step is None else self._put_back(step, step.after)

    def _put_back(self, step: Step, state: object) -> str:
        if step.part == "plan":
            self.assessment.plan = copy.deepcopy(state)  # type: ignore[assignment]
            self.changed(PLAN)
            return PLAN_PAGE
        answer: Answer | None
        agreed: Agreement | None
        aside: str | None
        answer, agreed, aside = copy.deepcopy(state)  # type: ignore[misc]
        if answer is None:
            self.assessment.answers.pop(step.key, None)
        else:
            self.assessment.answers[step.key] = answer
        if agreed is None:
            self.assessment.agreed.pop(step.key, None)
        else:
            self.assessment.agreed[step.key] = agreed
        if aside is None:
            self._set_aside.pop(step.key, None)
        else:
            self._set_aside[step.key] = aside
        self.changed(CHOICE)  # progress, results and the plan follow an answer
        return question_page(step.key)

    def _part_state(self, part: str, key: str) -> object:
        if part == "plan":
            return copy.deepcopy(self.assessment.plan)
        return copy.deepcopy(
            (self.assessment.answers.get(key), self.assessment.agreed.get(key), self._set_aside.get(key))
        )
