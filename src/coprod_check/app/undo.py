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

from coprod_check.i18n import N_, _

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


#: For each kind of step, the Edit menu's two sentences, whole: {name} is a question or an action.
SENTENCES = {
    "answer": (N_("Undo answer to \u201c{name}\u201d"), N_("Redo answer to \u201c{name}\u201d")),
    "note": (N_("Undo note on \u201c{name}\u201d"), N_("Redo note on \u201c{name}\u201d")),
    "evidence": (N_("Undo evidence for \u201c{name}\u201d"), N_("Redo evidence for \u201c{name}\u201d")),
    "private": (
        N_("Undo keeping the note on \u201c{name}\u201d private or not"),
        N_("Redo keeping the note on \u201c{name}\u201d private or not"),
    ),
    "agreed": (N_("Undo agreed level for \u201c{name}\u201d"), N_("Redo agreed level for \u201c{name}\u201d")),
    "reason": (
        N_("Undo reason for the agreed level of \u201c{name}\u201d"),
        N_("Redo reason for the agreed level of \u201c{name}\u201d"),
    ),
    "keep": (N_("Undo keeping \u201c{name}\u201d"), N_("Redo keeping \u201c{name}\u201d")),
    "drop": (N_("Undo dropping \u201c{name}\u201d"), N_("Redo dropping \u201c{name}\u201d")),
    "title": (N_("Undo title of \u201c{name}\u201d"), N_("Redo title of \u201c{name}\u201d")),
    "why": (N_("Undo why \u201c{name}\u201d matters"), N_("Redo why \u201c{name}\u201d matters")),
    "how": (N_("Undo how to do \u201c{name}\u201d"), N_("Redo how to do \u201c{name}\u201d")),
    "owner": (N_("Undo owner of \u201c{name}\u201d"), N_("Redo owner of \u201c{name}\u201d")),
    "owner_agreed": (
        N_("Undo whether the owner of \u201c{name}\u201d agreed"),
        N_("Redo whether the owner of \u201c{name}\u201d agreed"),
    ),
    "due": (N_("Undo due date of \u201c{name}\u201d"), N_("Redo due date of \u201c{name}\u201d")),
    "status": (N_("Undo status of \u201c{name}\u201d"), N_("Redo status of \u201c{name}\u201d")),
    "when": (N_("Undo when to take on \u201c{name}\u201d"), N_("Redo when to take on \u201c{name}\u201d")),
    "reset": (
        N_("Undo resetting the wording of \u201c{name}\u201d"),
        N_("Redo resetting the wording of \u201c{name}\u201d"),
    ),
    "add": (N_("Undo adding an action of your own"), N_("Redo adding an action of your own")),
    "delete": (N_("Undo deleting \u201c{name}\u201d"), N_("Redo deleting \u201c{name}\u201d")),
    "move": (N_("Undo moving \u201c{name}\u201d"), N_("Redo moving \u201c{name}\u201d")),
}


@dataclass
class Step:
    """One change that can be undone: its `kind` (a key of SENTENCES) and the `name` of the question
    or action it changed; `part` and `key` say where it was made."""

    kind: str
    name: str
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

    def undo_text(self) -> str:
        """The Edit menu's sentence for Undo ("Undo answer to “…”"), or "" if there is nothing to undo."""
        return _(SENTENCES[self.done[-1].kind][0]).format(name=self.done[-1].name) if self.done else ""

    def redo_text(self) -> str:
        """The Edit menu's sentence for Redo, or "" if there is nothing to redo."""
        return _(SENTENCES[self.undone[-1].kind][1]).format(name=self.undone[-1].name) if self.undone else ""

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()
