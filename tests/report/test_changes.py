"""The words and figures of "Since last time" and "Where we see it differently", worked out
without laying out a page."""

from coprod_check.domain.assessment import Review
from coprod_check.domain.group import DomainGap
from coprod_check.report import changes
from coprod_check.report.model import prepare
from tests.report.pdf import TODAY
from tests.report.voices import builtin, mixed_group, next_round, small_lived_group


def test_gap_words():
    def gap(lived, not_lived):
        diff = None if lived is None or not_lived is None else lived - not_lived
        return DomainGap("d", "D", lived, not_lived, diff, 3, 3, False)

    assert changes.gap_words(gap(30.0, 70.0)) == "40 points lower"
    assert changes.gap_words(gap(51.0, 50.0)) == "1 point higher"
    assert changes.gap_words(gap(50.2, 49.9)) == "the same"
    # worked out unrounded, then rounded once: 49.6 to 50.4 prints as 50 and 50, yet differs by 1
    assert changes.gap_words(gap(50.4, 49.6)) == "1 point higher"
    assert changes.gap_words(gap(None, None)) == "\u2013"


def test_reviews_in_plan_order_with_their_outcomes():
    report = prepare(builtin(), next_round(), today=TODAY)
    rows = changes.review_rows(report)
    assert [r.outcome for r in rows] == ["Done", "Partly done", "Dropped"] + ["Not reviewed yet"] * 4
    assert [r.title for r in rows] == [a.title for a in report.source.previous.actions]
    assert changes.review_counts(report) == [
        ("Done", 1),
        ("Partly done", 1),
        ("Not done", 0),
        ("Dropped", 1),
        ("Not reviewed yet", 4),
    ]


def test_review_sentences():
    a = next_round()
    for action in a.previous.actions:
        a.reviews[action.id] = Review("not-done")
    report = prepare(builtin(), a, today=TODAY)
    assert changes.review_sentence(report) == "Of the 7 actions agreed last time: 7 not done."
    a.reviews.clear()
    assert changes.review_sentence(prepare(builtin(), a, today=TODAY)) == (
        "Of the 7 actions agreed last time: none reviewed yet."
    )
    a.previous.actions.clear()
    assert changes.review_sentence(prepare(builtin(), a, today=TODAY)) == (
        "Last time\u2019s plan had no actions to review."
    )


def test_a_report_carries_the_group_and_round_findings_only_when_there_are_some():
    group = prepare(builtin(), mixed_group(), today=TODAY)
    assert [s.question_id for s in group.spreads] == [
        "power-agenda",
        "power-support",
        "power-timing",
        "power-disagreement",
        "power-purpose",
        "power-therapy",
        "power-heard",
    ]
    assert group.gaps[0].title == "Power and decisions" and group.comparison is None
    assert group.took_part["lived_experience"] == {
        "no": None,
        "yes": 3,
        "prefer-not-to-say": None,
    }  # "no" hidden too, against subtraction
    single = prepare(builtin(), next_round(), today=TODAY)
    assert single.spreads == () and single.gaps == () and single.comparison is not None


def test_the_board_pointer_hides_small_counts():
    small = prepare(builtin(), small_lived_group(), today=TODAY)
    assert changes.voices_summary(small) == (
        "who took part (6 people; with lived experience: not shown); where we see it differently "
        "(7 questions with answers two or more levels apart)."
    )
