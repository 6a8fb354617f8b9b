"""The kinds of change a Session tells its listeners about."""

from __future__ import annotations

from enum import StrEnum


class Change(StrEnum):
    """What kind of thing changed in an open assessment (a str, so listeners may compare with text)."""

    ABOUT = "about"  # the organisation, team, date, or a person's name or role
    PEOPLE = "people"  # someone added or removed, or whether they have lived experience
    CHOICE = "choice"  # an answer's level, or a group's agreed level
    TEXT = "text"  # a note, evidence, or a reason
    PLAN = "plan"  # an action accepted, dropped, added, deleted, moved or moved in time
    PLAN_TEXT = "plan-text"  # an action's words, date or status
    REVIEW = "review"  # how an action from last time went
    OPENED = "opened"  # just opened, and to be saved at once (an update or an earlier version taken in)


ABOUT, PEOPLE, CHOICE, TEXT = Change.ABOUT, Change.PEOPLE, Change.CHOICE, Change.TEXT
PLAN, PLAN_TEXT, REVIEW, OPENED = Change.PLAN, Change.PLAN_TEXT, Change.REVIEW, Change.OPENED
