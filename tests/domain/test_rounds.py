"""Several rounds: last time's plan reviewed, and hand-worked comparisons."""

import datetime as dt

import pytest

from coprod_check.app import store
from coprod_check.domain.assessment import ActionEdit, Answer, Assessment, Participant, Review
from coprod_check.domain.rounds import compare, review_summary, start_from
from tests.tiny import tiny


def previous():
    q = tiny()
    a = Assessment.new(q, dt.date(2025, 11, 1))
    a.organisation, a.team = "Trust", "East"
    a.participants = [Participant("manager", "no", "Sam")]
    a.answers = {"q1": Answer("l1"), "q2": Answer("l1"), "q5": Answer("l2")}
    a.plan.edits["gap:q1"] = ActionEdit(owner="Priya", due="2026-03-01")
    a.plan.edits["gap:q5"] = ActionEdit(accepted=False)
    return q, a


def test_start_from_previous_keeps_the_frame_and_last_plan_for_review():
    q, old = previous()
    new = start_from(q, old, "2025.json", dt.date(2026, 11, 1))
    assert (new.organisation, new.team, new.date) == ("Trust", "East", "2026-11-01")
    assert new.participants == old.participants and not new.answers
    p = new.previous
    assert (p.date, p.stage_id, p.source) == ("2025-11-01", "s0", "2025.json")
    # before: d1 (25 + 25*2)/3 = 25, d2 50; with (25*2 + 50)/3 = 33.3 -> s1, capped to s0 by q2
    assert p.domains == {"d1": pytest.approx(25.0), "d2": pytest.approx(50.0)}
    assert p.caps == [("q2", "Q2 is too low.")]
    assert [x.id for x in p.actions] == ["gap:q2", "gap:q1"]  # the dropped gap:q5 is not carried over
    assert p.actions[1].owner == "Priya"
    assert set(new.reviews) == {"gap:q2", "gap:q1"}


def test_reviews_survive_save_and_reload(tmp_path):
    q, old = previous()
    new = start_from(q, old)
    new.reviews["gap:q1"] = Review("partly", "Started, not finished.")
    new.reviews["gap:q2"] = Review("done")
    store.save(tmp_path / "2026.json", new)
    again = store.load(tmp_path / "2026.json")
    assert again == new
    assert review_summary(again) == {"done": 1, "partly": 1, "not-done": 0, "dropped": 0, "not-reviewed": 0}


def test_comparison_by_hand():
    q, old = previous()
    new = start_from(q, old)
    new.answers = {"q1": Answer("l3"), "q2": Answer("l3"), "q5": Answer("l4")}
    c = compare(q, new.previous, new)
    # after: d1 (75 + 75*2)/3 = 75, d2 100; care 75; with (75*2 + 100)/3 = 83.3 -> s3, no caps;
    # but q3 is not answered: 2 of 3 with questions is under 80%, so the stage stays provisional, s2
    assert [(d.id, d.before, d.after, d.delta) for d in c.domains] == [
        ("d1", pytest.approx(25.0), pytest.approx(75.0), pytest.approx(50.0)),
        ("d2", 50.0, 100.0, 50.0),
    ]
    assert c.care.delta == pytest.approx(50.0) and c.with_.delta == pytest.approx(50.0)
    assert c.overall.before == pytest.approx(37.5) and c.overall.after == pytest.approx(87.5)
    assert (c.stage_before, c.stage_after, c.stage_change) == ("Stage zero", "Stage two", 2)
    assert "No longer holding the stage back: Q2 is too low." in c.reasons
    assert "The with score went from 33 to 83." in c.reasons


def test_comparison_when_nothing_is_answered_yet():
    q, old = previous()
    new = start_from(q, old)
    c = compare(q, new.previous, new)
    assert c.with_.after is None and c.with_.delta is None and c.stage_change == 0
    assert c.stage_after is None


def test_a_next_round_from_a_group_carries_no_individual_names():
    from coprod_check.domain.combine import combine, source

    q = tiny()
    sources = []
    for i in range(3):
        a = Assessment.new(q)
        a.organisation = "Trust"
        a.participants = [Participant("staff", "yes", f"Person {i}")]
        a.answers = {"q1": Answer("l2")}
        sources.append(source(f"r{i}.json", store.dumps(a).encode(), a))
    group, _ = combine(q, sources)
    new = start_from(q, group)
    assert new.participants == [] and "Person" not in store.dumps(new)
