"""Three rules at their edges, checked in the domain itself rather than only through the window or
the PDF: a group agreeing the lowest level, the plan's critical threshold, and the two-step
disagreement rule. Each test fails if its rule is off by one step."""

from __future__ import annotations

import pytest

from coprod_check.app import store
from coprod_check.domain.assessment import Agreement, Answer, Assessment, Participant
from coprod_check.domain.combine import combine, source
from coprod_check.domain.group import DISAGREEMENT_RANGE, disagreements, group_view, spread
from coprod_check.domain.plan import derive_actions
from coprod_check.domain.scoring import below, score
from tests.tiny import tiny


def group_of(levels: list[str], question_id: str = "q1") -> Assessment:
    """A group of len(levels) colleagues, each answering one question at their level."""
    q = tiny()
    sources = []
    for i, level in enumerate(levels):
        a = Assessment.new(q)
        a.organisation = "Trust"
        a.participants = [Participant("manager", "no", f"Person {i}")]
        a.answers = {question_id: Answer(level)}
        sources.append(source(f"p{i}.json", store.dumps(a).encode(), a))
    group, _ = combine(q, sources, min_group_size=3)
    return group


def test_a_group_agreeing_the_lowest_level_is_held_to_it():
    q = tiny()
    g = group_of(["l3", "l4", "l3"])
    assert spread(q, g, "q1").group_choice == "l3"
    assert score(q, group_view(q, g)).care == pytest.approx(75.0)
    g.agreed["q1"] = Agreement("l0", "On reflection, we do not do this yet.")
    found = spread(q, g, "q1")
    assert (found.agreed, found.group_choice, found.median) == ("l0", "l0", "l3")
    assert group_view(q, g).answer("q1").choice == "l0"
    assert score(q, group_view(q, g)).care == pytest.approx(0.0)


def test_a_group_agreeing_the_lowest_level_of_a_critical_question_holds_the_stage():
    q = tiny()
    g = group_of(["l3", "l4", "l3"], "q2")
    assert not score(q, group_view(q, g)).caps
    g.agreed["q2"] = Agreement("l0", "")
    result = score(q, group_view(q, g))
    assert [cap.question_id for cap in result.caps] == ["q2"]


@pytest.mark.parametrize(("level", "critical"), [("l0", True), ("l1", True), ("l2", False), ("l3", False)])
def test_the_plans_critical_actions_are_exactly_those_below_the_threshold(level, critical):
    q = tiny()  # q2 is critical below l2
    a = Assessment.new(q)
    a.answers = {"q2": Answer(level), "q1": Answer("l0")}
    actions = {x.question_id: x for x in derive_actions(q, a)}
    assert actions["q2"].critical is critical
    assert below(q, q.question("q2"), level) is critical  # the plan and the stage use one rule
    assert not actions["q1"].critical  # a question with no threshold is never critical
    assert (actions["q2"].group == "critical") is critical


@pytest.mark.parametrize(
    ("levels", "disagree"),
    [
        (["l2", "l2", "l2"], False),
        (["l1", "l2", "l2"], False),  # one step apart: a difference, not a disagreement
        (["l1", "l3", "l2"], True),  # two steps apart
        (["l0", "l4", "l2"], True),
    ],
)
def test_people_disagree_when_their_levels_are_two_or_more_steps_apart(levels, disagree):
    q = tiny()
    g = group_of(levels)
    assert DISAGREEMENT_RANGE == 2
    assert spread(q, g, "q1").disagree is disagree
    assert [s.question_id for s in disagreements(q, g)] == (["q1"] if disagree else [])
