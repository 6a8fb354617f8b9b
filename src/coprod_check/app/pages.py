"""The keys of the pages of an assessment: "about", "review", "question:ID", "results" and "plan".

Kept apart from the session so the window can name pages before it needs
anything else (start-up imports only what the first screen uses).
"""

from __future__ import annotations

ABOUT_PAGE, RESULTS_PAGE, PLAN_PAGE = "about", "results", "plan"
REVIEW_PAGE = "review"  # last time's plan, in a later round
QUESTION_PREFIX = "question:"


def question_page(question_id: str) -> str:
    """The page key of a question."""
    return QUESTION_PREFIX + question_id


def page_question(page: str) -> str | None:
    """The question id of a page key, or None for other pages."""
    return page[len(QUESTION_PREFIX):] if page.startswith(QUESTION_PREFIX) else None
