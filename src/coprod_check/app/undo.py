"""Undo and redo for an open assessment: answers, notes and the action plan.

The session records each change as a step: what it was, in words ("answer to “Who decides…”"),
and the part of the assessment it touched as it was before and after. Undo puts the "before"
back, redo the "after", each as a change like any other, so it is saved like any other. Typing
in one field makes one step, not one per letter. No Qt here: the window only shows the words
and calls `undo` and `redo` (the Edit menu, Ctrl+Z, Ctrl+Shift+Z).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

#: Enough for a morning's work; the oldest steps go first.
LIMIT = 500
#: How long a name of a question or an action is shown in the Edit menu.
SHORT = 40


def short(text: str) -> str:
    """`text` cut at a word to about SHORT characters, with an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= SHORT:
        return text
    cut = text[:SHORT].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:") + "\u2026"


@dataclass
class Step:
    """One change that can be undone: `what` names it; `part` and `key` say where it was made."""

    what: str
    part: str  # "answer" (key: a question id) or "plan"
    key: str
    before: object
    after: object
    merge: str = ""  # steps with the same non-empty merge key, one after another, are one step


class UndoLog:
    """The steps done and undone, newest last. `on_change` is called whenever either list changes."""

    def __init__(self, on_change: Callable[[], None] | None = None):
        self.done: list[Step] = []
        self.undone: list[Step] = []
        self.on_change = on_change

    def record(self, step: Step) -> None:
        """Remember a step just made; anything undone before it can no longer be redone."""
        top = self.done[-1] if self.done else None
        if top is not None and step.merge and top.merge == step.merge and not self.undone:
            top.after = step.after
        else:
            self.done.append(step)
            del self.done[:-LIMIT]
        self.undone.clear()
        self._changed()

    def seal(self) -> None:
        """End merging: the next change is a step of its own (e.g. when a field is left)."""
        if self.done:
            self.done[-1].merge = ""

    def take_undo(self) -> Step | None:
        """The step to undo (moved to the undone list), or None."""
        if not self.done:
            return None
        step = self.done.pop()
        step.merge = ""
        self.undone.append(step)
        self._changed()
        return step

    def take_redo(self) -> Step | None:
        """The step to redo (moved back to the done list), or None."""
        if not self.undone:
            return None
        step = self.undone.pop()
        self.done.append(step)
        self._changed()
        return step

    def undo_what(self) -> str:
        """What Undo would undo, in words ("" if nothing)."""
        return self.done[-1].what if self.done else ""

    def redo_what(self) -> str:
        """What Redo would redo, in words ("" if nothing)."""
        return self.undone[-1].what if self.undone else ""

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()
