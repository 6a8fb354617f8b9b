"""Scoring against hand-worked examples (see tests/tiny.py for the scale)."""

import pytest

from coprod_check.domain.assessment import Answer, Assessment
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE
from coprod_check.domain.scoring import result_to_dict, score
from tests.tiny import tiny


def assess(**choices):
    q = tiny()
    a = Assessment.new(q)
    for qid, choice in choices.items():
        a.answers[qid] = Answer(choice)
    return q, a


def test_worked_example_with_every_kind_of_answer():
    # q1 care w1 = 75; q2 with w2 = 25 (critical, below l2); q3 n/a;
    # q4 care w1 = don't know (not a level: it counts towards nothing); q5 with w1 = 100.
    q, a = assess(q1="l3", q2="l1", q3=NOT_APPLICABLE, q4=DONT_KNOW, q5="l4")
    r = score(q, a)
    d1, d2 = r.domains
    assert d1.score == pytest.approx((75 * 1 + 25 * 2) / 3)  # 41.67: n/a leaves the denominator
    assert d2.score == pytest.approx(100.0)  # q5 alone: half "don't know" is still known
    assert d2.unknown_share == 0.5 and not d2.not_known_yet
    assert r.overall == pytest.approx(((125 / 3) + 100) / 2)  # 70.83: domains count equally
    assert r.care == pytest.approx(75.0)  # q1 alone; q4 is not known
    assert r.with_ == pytest.approx(50.0)  # (25 * 2 + 100) / 3
    # care 75 is in place and with 50 is consulting, but q2 holds the stage at s0 (from 0), and a
    # place is never above the stage critical answers hold: deciding for people
    assert r.quadrant.id == "caring-for" and r.unheld_place.id == "caring-and-consulting"
    assert r.place_held_by == "caps"
    assert r.stage_before_caps.id == "s2"  # with 50 reaches s2
    assert r.stage.id == "s0"  # capped by q2
    assert [(c.question_id, c.stage.id, c.binding, c.reason) for c in r.caps] == [("q2", "s0", True, "Q2 is too low.")]
    assert (r.total, r.known, r.unknown, r.not_applicable, r.not_answered) == (5, 3, 1, 1, 0)
    assert r.completeness == 1.0
    assert r.unknown_share == pytest.approx(0.25)  # 1 of the 4 answers with a level or "don't know"
    assert r.unknown_questions == ("q4",)


def test_nothing_answered_scores_nothing_rather_than_zero():
    q, a = assess()
    r = score(q, a)
    assert r.overall is None and r.care is None and r.with_ is None
    assert r.stage is None and r.quadrant is None
    assert all(d.score is None for d in r.domains)
    assert r.completeness == 0 and r.unanswered_questions == ("q1", "q2", "q3", "q4", "q5")


def test_unanswered_questions_do_not_count_as_zero_but_lower_completeness():
    q, a = assess(q1="l4", q5="l2")
    r = score(q, a)
    assert r.domains[0].score == 100.0  # only q1 answered in d1
    assert r.domains[1].score == 50.0
    assert r.completeness == pytest.approx(2 / 5)
    # one of the three with questions has a level: too few for a with score, a place or a stage
    assert r.care == 100.0 and r.with_ is None and r.axes["with"].too_few
    assert r.quadrant is None and r.stage is None


def test_critical_dont_know_caps_and_critical_at_threshold_does_not():
    q, a = assess(q2=DONT_KNOW, q3="l4", q5="l4")
    r = score(q, a)
    assert r.with_ == pytest.approx(100.0)  # q3 and q5: "don't know" is not a zero
    assert r.stage_before_caps.id == "s3" and r.stage.id == "s0"  # but it still holds the stage
    assert r.caps[0].answer == "Don't know" and r.caps[0].unknown

    q, a = assess(q2="l2", q5="l4")  # at the threshold: no cap
    r = score(q, a)
    assert r.caps == () and r.stage.id == "s2"  # with (50*2 + 100)/3 = 66.7


def test_a_cap_above_the_reached_stage_is_reported_but_not_binding():
    q, a = assess(q2="l0", q3="l0", q5="l0")
    r = score(q, a)
    assert r.stage.id == "s0" and r.stage_before_caps.id == "s0"
    assert r.caps[0].binding is False


def test_not_applicable_where_not_allowed_counts_as_unanswered():
    q, a = assess(q1=NOT_APPLICABLE)
    r = score(q, a)
    assert r.known == 0 and r.not_applicable == 0 and r.not_answered == 5


def test_answers_to_unknown_questions_and_levels_are_ignored_by_scoring():
    q, a = assess(q1="l4", gone="l3", q4="no-such-level")
    r = score(q, a)
    assert r.known == 1 and r.care == 100.0


def test_bands_start_at_their_level_and_consulting_is_not_partnership():
    # The default bands: care in place from 50; with consulting from 50, sharing decisions from 75.
    expected = {
        ("l2", "l2"): "caring-and-consulting",
        ("l1", "l1"): "excluding",
        ("l4", "l1"): "caring-for",
        ("l3", "l3"): "working-with",
        ("l1", "l4"): "involving-without-support",
        ("l1", "l2"): "consulting",
        ("l4", "l2"): "caring-and-consulting",
    }
    for (care, with_), place in expected.items():
        q, a = assess(q1=care, q4=care, q2=with_, q3=with_, q5=with_)
        assert score(q, a).quadrant.id == place, (care, with_)


def test_json_shape_has_the_promised_keys_and_rounds():
    q, a = assess(q1="l3", q2="l1", q3=NOT_APPLICABLE, q4=DONT_KNOW, q5="l4")
    data = result_to_dict(score(q, a))
    for key in ("overall", "stage", "care", "with", "quadrant", "domains", "completeness", "unknown", "caps"):
        assert key in data
    assert data["overall"] == 70.8
    assert data["domains"][0] == {
        "id": "d1",
        "title": "Domain one",
        "score": 41.7,
        "care": 75.0,
        "with": 25.0,
        "not_known_yet": False,
        "unknown_share": 0.0,
        "counts": {
            "questions": 3,
            "known": 2,
            "dont_know": 0,
            "not_applicable": 1,
            "rather_not_answer": 0,
            "not_answered": 0,
        },
    }
    assert data["counts"] == {
        "questions": 5,
        "known": 3,
        "dont_know": 1,
        "not_applicable": 1,
        "rather_not_answer": 0,
        "not_answered": 0,
    }
    assert data["stage"] == {"id": "s0", "title": "Stage zero"}
    assert data["unknown"] == 0.25 and data["completeness"] == 1.0
    assert data["axes"]["care"] == {
        "score": 75.0,
        "known": 1,
        "dont_know": 1,
        "rather_not_answer": 0,
        "unknown_share": 0.5,
        "not_known_yet": False,
    }
    assert data["bands"]["with"] == {"id": "consulting", "title": "Consulting"}
    assert data["caps"][0]["prompt"] == "Question q2?" and data["views"] is None


def test_scoring_is_deterministic():
    q, a = assess(q1="l3", q2="l1", q4=DONT_KNOW, q5="l4")
    assert result_to_dict(score(q, a)) == result_to_dict(score(q, a))
