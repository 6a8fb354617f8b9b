"""Where a question stands in an open assessment, and the words the window shows for it."""

from __future__ import annotations

from enum import StrEnum

from coprod_check.i18n import _


class Status(StrEnum):
    """A question's status, counted as scoring counts it (its value is what the window's tests see)."""

    ANSWERED = "answered"
    UNKNOWN = "dont-know"
    NOT_APPLICABLE = "not-applicable"
    UNANSWERED = "unanswered"
    RATHER_NOT = "rather-not-answer"  # "I'd rather not answer": answered, never scored


ANSWERED, UNKNOWN, NOT_APPLICABLE_STATUS, UNANSWERED = (
    Status.ANSWERED,
    Status.UNKNOWN,
    Status.NOT_APPLICABLE,
    Status.UNANSWERED,
)
STATUS_WORDS: dict[Status, str] = {
    Status.ANSWERED: _("Answered"),
    Status.UNKNOWN: _("Don't know"),
    Status.NOT_APPLICABLE: _("Not applicable"),
    Status.UNANSWERED: _("Not answered yet"),
    Status.RATHER_NOT: _("Rather not answer"),
}
