"""The words and figures of "Since last time" and "Where we see it differently", worked out
without laying out a page."""

import pytest

from coprod_check.domain.assessment import Review
from coprod_check.domain.group import DomainGap
from coprod_check.domain.rounds import Change, Comparison
from coprod_check.report import changes
from coprod_check.report.model import prepare
from tests.report.pdf import TODAY
from tests.report.voices import builtin, mixed_group, next_round, small_lived_group


def comparison(before, after, moved):
    none = Change("x", "X", None, None)
    return Comparison("2025-11-24", "2026-11-24", none, none, none, (), before, after, moved, ())


@pytest.mark.parametrize(("before", "after", "moved", "sentence"), [
    ("Listening", "Involving", 1, "The stage has gone up one stage, from Listening to Involving."),
    ("Sharing power", "Listening", -2, "The stage has gone down two stages, from Sharing power to Listening."),
    ("Listening", "Listening", 0, "The stage is the same as last time: Listening."),
    (None, "Listening", 0, "The stage cannot be compared: last time it was not yet known, and now it is "
                           "Listening."),
    (None, None, 0, "The stage was not yet known last time, and is not yet known now."),
])
def test_stage_sentences(before, after, moved, sentence):
    assert changes.stage_sentence(comparison(before, after, moved)) == sentence


def test_changes_come_from_the_printed_whole_numbers():
    # 40.4 prints as 40 and 40.6 as 41: the change printed beside them is +1, not +0.2.
    assert changes.change_of(Change("d", "D", 40.4, 40.6)) == 1
    assert changes.change_of(Change("d", "D", 50.0, 25.0)) == -25
    assert changes.change_of(Change("d", "D", None, 25.0)) is None
    assert [changes.signed(x) for x in (5, -25, 0, None)] == ["+5", "\u221225", "no change", "\u2013"]


def test_gap_words():
    def gap(lived, not_lived):
        return DomainGap("d", "D", lived, not_lived, None, 3, 3, False)

    assert changes.gap_words(gap(30.0, 70.0)) == "40 points lower"
    assert changes.gap_words(gap(51.0, 50.0)) == "1 point higher"
    assert changes.gap_words(gap(50.2, 49.9)) == "the same"
    assert changes.gap_words(gap(None, None)) == "\u2013"


def test_reviews_in_plan_order_with_their_outcomes():
    report = prepare(builtin(), next_round(), today=TODAY)
    rows = changes.review_rows(report)
    assert [r.outcome for r in rows] == ["Done", "Partly done", "Dropped", "Not reviewed yet"]
    assert [r.title for r in rows] == [a.title for a in report.source.previous.actions]
    assert changes.review_counts(report) == [("Done", 1), ("Partly done", 1), ("Not done", 0),
                                             ("Dropped", 1), ("Not reviewed yet", 1)]


def test_review_sentences():
    a = next_round()
    for action in a.previous.actions:
        a.reviews[action.id] = Review("not-done")
    report = prepare(builtin(), a, today=TODAY)
    assert changes.review_sentence(report) == "Of the 4 actions agreed last time: 4 not done."
    a.reviews.clear()
    assert changes.review_sentence(prepare(builtin(), a, today=TODAY)) == (
        "Of the 4 actions agreed last time: none reviewed yet.")
    a.previous.actions.clear()
    assert changes.review_sentence(prepare(builtin(), a, today=TODAY)) == (
        "Last time\u2019s plan had no actions to review.")


def test_a_report_carries_the_group_and_round_findings_only_when_there_are_some():
    group = prepare(builtin(), mixed_group(), today=TODAY)
    assert [s.question_id for s in group.spreads] == ["power-agenda", "power-support", "power-timing",
                                                      "power-disagreement"]
    assert group.gaps[0].title == "Power and decisions" and group.comparison is None
    assert group.took_part["lived_experience"] == {
        "no": None, "yes": 3, "prefer-not-to-say": None}  # "no" hidden too, against subtraction
    single = prepare(builtin(), next_round(), today=TODAY)
    assert single.spreads == () and single.gaps == () and single.comparison is not None


def test_the_board_pointer_hides_small_counts():
    small = prepare(builtin(), small_lived_group(), today=TODAY)
    assert changes.voices_summary(small) == (
        "who took part (6 people; with lived experience: not shown); where we see it differently "
        "(4 questions with answers two or more levels apart).")
