"""Edits to the plan that outlive a change of answer, and edits that move an action
to another part of the plan. Expectations worked out by hand from tests/tiny.py:
q1 at l1 suggests "Move q1 up from l1" (owner Lead 1, next 3 months); q2 is
critical below l2."""

import json

from coprod_check.app import resources
from coprod_check.domain.assessment import ActionEdit, Answer, Assessment, CustomAction, Suggestion
from coprod_check.domain.fileformat import from_dict, to_dict
from coprod_check.domain.plan import build_plan, group_plan
from coprod_check.domain.questionnaire import DONT_KNOW
from coprod_check.domain.rounds import snapshot
from tests.tiny import tiny

Q1_AT_L1 = Suggestion("Move q1 up from l1", "Because l2 is better.", "Do the thing for q1.", "Lead 1", "now")


def plan_for(edits=(), custom=(), **choices):
    q = tiny()
    a = Assessment.new(q)
    for qid, choice in choices.items():
        a.answers[qid] = Answer(choice)
    a.plan.edits.update(dict(edits))
    a.plan.custom.extend(custom)
    return q, a


def by_id(q, a):
    return {x.id: x for x in build_plan(q, a)}


# -- 1. a closed action keeps its words -------------------------------------------


def test_a_closed_action_keeps_the_wording_it_had_and_the_owner():
    q, a = plan_for({"gap:q1": ActionEdit(owner="Priya", suggested=Q1_AT_L1)}, q1="l4")
    action = by_id(q, a)["gap:q1"]
    assert action.closed and not action.unknown
    assert (action.title, action.why, action.how, action.owner, action.timescale) == (
        "Move q1 up from l1",
        "Because l2 is better.",
        "Do the thing for q1.",
        "Priya",
        "now",
    )


def test_a_closed_action_keeps_the_user_s_own_words_over_the_suggested_ones():
    edit = ActionEdit(title="Our words", how="Our way", suggested=Q1_AT_L1)
    q, a = plan_for({"gap:q1": edit}, q1="l4")
    action = by_id(q, a)["gap:q1"]
    assert (action.title, action.why, action.how, action.owner) == (
        "Our words",
        "Because l2 is better.",
        "Our way",
        "Lead 1",
    )


def test_an_older_file_without_the_suggestion_still_loads_and_shows_the_question():
    q, a = plan_for({"gap:q1": ActionEdit(owner="Priya"), "find-out:q4": ActionEdit(status="done")}, q1="l4", q4="l2")
    plan = by_id(q, a)
    assert plan["gap:q1"].title == "Question q1?" and plan["gap:q1"].owner == "Priya"
    # A find-out action's words do not depend on the answer, so they come back whole.
    found = plan["find-out:q4"]
    assert found.closed and found.title == "Find out: Question q4?" and found.owner == "Team lead"
    assert found.why.startswith("Nobody taking part knew the answer.")


# -- 2. a level that becomes "don't know" -------------------------------------------


def test_a_gap_whose_answer_becomes_dont_know_waits_and_its_find_out_takes_over():
    edit = ActionEdit(owner="Priya", due="2027-03-01", status="in-progress", suggested=Q1_AT_L1)
    q, a = plan_for({"gap:q1": edit}, q1=DONT_KNOW)
    plan = by_id(q, a)
    gap, found = plan["gap:q1"], plan["find-out:q1"]
    assert gap.unknown and not gap.closed and gap.title == "Move q1 up from l1" and gap.group == "now"
    assert (found.owner, found.due, found.status, found.edited) == ("Priya", "2027-03-01", "in-progress", True)
    assert found.title == "Find out: Question q1?"


def test_a_find_out_action_with_edits_of_its_own_takes_nothing_over():
    q, a = plan_for(
        {"gap:q1": ActionEdit(owner="Priya", status="in-progress"), "find-out:q1": ActionEdit(due="2027-01-31")},
        q1=DONT_KNOW,
    )
    found = by_id(q, a)["find-out:q1"]
    assert (found.owner, found.due, found.status) == ("Team lead", "2027-01-31", "not-started")


def test_only_an_owner_a_date_or_a_status_is_carried_over():
    q, a = plan_for({"gap:q1": ActionEdit(title="Our words")}, q1=DONT_KNOW)
    found = by_id(q, a)["find-out:q1"]
    assert (found.owner, found.status, found.edited) == ("Team lead", "not-started", False)


def test_the_next_round_reviews_closed_actions_the_team_worked_on():
    q, a = plan_for(
        {
            "gap:q1": ActionEdit(status="in-progress", suggested=Q1_AT_L1),
            "gap:q4": ActionEdit(status="done"),
            "gap:q5": ActionEdit(owner="Priya"),
        },  # closed, never started: not reviewed
        q1="l4",
        q4="l4",
        q5="l4",
    )
    actions = {x.id: x for x in snapshot(q, a).actions}
    assert sorted(actions) == ["gap:q1", "gap:q4"]
    assert (actions["gap:q1"].title, actions["gap:q1"].status, actions["gap:q1"].group) == (
        "Move q1 up from l1",
        "in-progress",
        "now",
    )


# -- 3. moving an action to another part of the plan ---------------------------------


def test_an_edit_moves_an_action_between_groups():
    q, a = plan_for(
        {
            "gap:q1": ActionEdit(timescale="later"),  # derived: next 3 months
            "gap:q5": ActionEdit(critical=True),  # derived: 3 to 12 months (l2)
            "gap:q2": ActionEdit(critical=False, timescale="soon"),
        },  # derived: critical
        [CustomAction("own:1", "Ours", timescale="soon", critical=True)],
        q1="l1",
        q2="l1",
        q5="l2",
    )
    groups = {g: [x.id for x in xs] for g, xs in group_plan(build_plan(q, a)).items()}
    assert groups == {"critical": ["gap:q5", "own:1"], "now": [], "soon": ["gap:q2"], "later": ["gap:q1"]}


def test_a_closed_action_is_never_critical_but_keeps_its_timescale():
    q, a = plan_for({"gap:q1": ActionEdit(critical=True, timescale="later", suggested=Q1_AT_L1)}, q1="l4")
    assert by_id(q, a)["gap:q1"].group == "later"


# -- the file ---------------------------------------------------------------------


def test_the_new_fields_survive_saving_and_match_the_schema():
    import jsonschema

    edit = ActionEdit(owner="Priya", timescale="soon", critical=False, suggested=Q1_AT_L1)
    q, a = plan_for({"gap:q1": edit}, [CustomAction("own:1", "Ours", critical=True)], q1="l1")
    data = json.loads(json.dumps(to_dict(a)))
    assert data["plan"]["edits"]["gap:q1"]["suggested"] == {
        "title": "Move q1 up from l1",
        "why": "Because l2 is better.",
        "how": "Do the thing for q1.",
        "owner": "Lead 1",
        "timescale": "now",
    }
    jsonschema.validate(data, json.loads(resources.assessment_schema().read_text()))
    assert from_dict(data, "a.json") == a


def test_an_edit_that_does_not_use_the_new_fields_is_written_as_before():
    q, a = plan_for({"gap:q1": ActionEdit(owner="Priya")}, [CustomAction("own:1", "Ours")], q1="l1")
    data = to_dict(a)
    assert set(data["plan"]["edits"]["gap:q1"]) == {"accepted", "title", "why", "how", "owner", "due", "status"}
    assert "critical" not in data["plan"]["custom"][0]
