"""Statuses, page keys and change kinds are named types with the values they always had."""

from __future__ import annotations

import typing

import pytest

from coprod_check.app import pages
from coprod_check.app.change import Change
from coprod_check.app.status import STATUS_WORDS, Status


def test_every_page_key_has_a_kind_and_nothing_else_does():
    assert set(typing.get_args(pages.PageKind)) == {"about", "review", "question", "results", "plan"}
    assert pages.page_kind(pages.question_page("q1")) == "question"
    for kind in (pages.ABOUT_PAGE, pages.REVIEW_PAGE, pages.RESULTS_PAGE, pages.PLAN_PAGE):
        assert pages.page_kind(kind) == kind
    with pytest.raises(ValueError, match="not a page key"):
        pages.page_kind("questions")


def test_change_kinds_include_opened_and_keep_their_values():
    assert [c.value for c in Change] == ["about", "people", "choice", "text", "plan", "plan-text", "review", "opened"]
    assert Change.OPENED == "opened"  # a str: listeners compare kinds with text


def test_every_status_has_words():
    assert [s.value for s in Status] == ["answered", "dont-know", "not-applicable", "unanswered", "rather-not-answer"]
    assert set(STATUS_WORDS) == set(Status)


def test_an_actions_status_is_one_of_the_three_the_file_format_allows():
    from coprod_check.domain.assessment import STATUSES, ActionStatus

    assert typing.get_args(ActionStatus) == STATUSES == ("not-started", "in-progress", "done")
