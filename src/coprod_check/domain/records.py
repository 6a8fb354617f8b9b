"""The small records an assessment is made of that a board paper and later rounds add:
the base record type, a lived-experience statement, the board paper's fields, and what a
previous round found. Re-exported by `assessment`, where the rest of the file's records live.
"""

from __future__ import annotations

from typing import Any, Literal

#: Where an action of the plan stands (the file format's "status").
ActionStatus = Literal["not-started", "in-progress", "done"]


class _Record:
    """Equality and repr from __slots__: the little we need of dataclasses, without
    the start-up cost (dataclasses imports inspect and builds every class with exec)."""

    __slots__: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def as_dict(self) -> dict[str, Any]:
        """The fields as a plain dict."""
        return {name: getattr(self, name) for name in self.__slots__}


class Statement(_Record):
    """A short statement by colleagues with lived experience, in their own words.

    Kept verbatim and printed verbatim: nothing in coprod-check rewords it. `by` is how they
    describe themselves ("Peer workers' network"); empty when they did not say.
    """

    __slots__ = ("text", "by", "date")

    def __init__(self, text: str, by: str = "", date: str = ""):
        self.text = text
        self.by = by
        self.date = date


class BoardFields(_Record):
    """What a board paper's cover sheet asks for, entered by the user and never invented.

    Empty text (or None for `purpose`) means nobody has filled it in yet; the paper prints
    the label with "not yet named" or "not yet set", so the gap shows.
    """

    __slots__ = ("meeting", "meeting_date", "purpose", "executive_lead", "author")

    def __init__(
        self,
        meeting: str = "",
        meeting_date: str = "",
        purpose: str | None = None,
        executive_lead: str = "",
        author: str = "",
    ):
        self.meeting = meeting
        self.meeting_date = meeting_date
        self.purpose = purpose
        self.executive_lead = executive_lead
        self.author = author

    def is_empty(self) -> bool:
        """True when nothing has been filled in."""
        return not (self.meeting or self.meeting_date or self.purpose or self.executive_lead or self.author)


class Review(_Record):
    """How an action from last time went: an outcome (None until reviewed) and a note."""

    __slots__ = ("outcome", "note")

    def __init__(self, outcome: str | None = None, note: str = ""):
        self.outcome = outcome
        self.note = note


class PreviousAction(_Record):
    """An action of the previous round's plan, as it stood."""

    __slots__ = ("id", "title", "owner", "due", "status", "group")

    def __init__(
        self,
        id: str,
        title: str,
        owner: str = "",
        due: str | None = None,
        status: ActionStatus = "not-started",
        group: str = "now",
    ):
        self.id = id
        self.title = title
        self.owner = owner
        self.due = due
        self.status = status
        self.group = group


class Previous(_Record):
    """What the previous round found and planned, kept so the next round can compare."""

    __slots__ = (
        "date",
        "questionnaire_version",
        "overall",
        "care",
        "with_",
        "stage_id",
        "stage_title",
        "domains",
        "caps",
        "actions",
        "source",
    )

    def __init__(
        self,
        date: str,
        questionnaire_version: str,
        overall: float | None = None,
        care: float | None = None,
        with_: float | None = None,
        stage_id: str | None = None,
        stage_title: str | None = None,
        domains: dict[str, float | None] | None = None,
        caps: list[tuple[str, str]] | None = None,
        actions: list[PreviousAction] | None = None,
        source: str = "",
    ):
        self.date = date
        self.questionnaire_version = questionnaire_version
        self.overall = overall
        self.care = care
        self.with_ = with_
        self.stage_id = stage_id
        self.stage_title = stage_title
        self.domains = {} if domains is None else domains
        self.caps = [] if caps is None else caps
        self.actions = [] if actions is None else actions
        self.source = source
