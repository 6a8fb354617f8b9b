"""The keys of the pages of an assessment: "about", "review", "question:ID", "results" and "plan".

Kept apart from the session so the window can name pages before it needs
anything else (start-up imports only what the first screen uses).
"""

from __future__ import annotations

from typing import Final, Literal

from coprod_check.i18n import _

#: The kinds of page: one of each, except "question", a kind with a page key for every question.
PageKind = Literal["about", "review", "question", "results", "plan"]

ABOUT_PAGE: Final = "about"
REVIEW_PAGE: Final = "review"  # last time's plan, in a later round
RESULTS_PAGE: Final = "results"
PLAN_PAGE: Final = "plan"
QUESTION_PREFIX: Final = "question:"


def question_page(question_id: str) -> str:
    """The page key of a question."""
    return QUESTION_PREFIX + question_id


def page_question(page: str) -> str | None:
    """The question id of a page key, or None for other pages."""
    return page[len(QUESTION_PREFIX) :] if page.startswith(QUESTION_PREFIX) else None


def page_kind(page: str) -> PageKind:
    """The kind of page a page key names ("question" for every question's key); ValueError if none."""
    if page.startswith(QUESTION_PREFIX):
        return "question"
    for kind in (ABOUT_PAGE, REVIEW_PAGE, RESULTS_PAGE, PLAN_PAGE):
        if page == kind:
            return kind
    raise ValueError(_("{page!r} is not a page key").format(page=page))
