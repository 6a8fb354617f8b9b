"""The derived action plan, and the user's edits surviving re-scoring."""

from coprod_check.domain.assessment import ActionEdit, Answer, Assessment, CustomAction
from coprod_check.domain.plan import build_plan, derive_actions, group_plan
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE
from tests.tiny import tiny


def plan_for(**choices):
    q = tiny()
    a = Assessment.new(q)
    for qid, choice in choices.items():
        a.answers[qid] = Answer(choice)
    return q, a


def test_order_is_critical_then_weight_times_gap_then_questionnaire_order():
    # q2 critical (w2, l1 below l2). q1 w1 gap 3; q4 don't know w1 gap 4; q5 w1 gap 1.
    q, a = plan_for(q1="l1", q2="l1", q4=DONT_KNOW, q5="l3")
    actions = derive_actions(q, a)
    assert [x.id for x in actions] == ["gap:q2", "find-out:q4", "gap:q1", "gap:q5"]
    assert actions[0].critical and not any(x.critical for x in actions[1:])
    assert actions[0].title == "Move q2 up from l1" and actions[0].owner == "Lead 1"
    assert actions[2].timescale == "now" and actions[3].timescale == "soon"


def test_dont_know_becomes_a_find_out_action_with_an_owner():
    q, a = plan_for(q4=DONT_KNOW)
    (action,) = derive_actions(q, a)
    assert action.kind == "find-out" and action.title == "Find out: Question q4?"
    assert action.owner and action.timescale == "now" and "finding" in action.why


def test_top_level_na_and_unanswered_need_no_action():
    q, a = plan_for(q1="l4", q3=NOT_APPLICABLE)
    assert derive_actions(q, a) == []


def test_critical_dont_know_is_critical():
    q, a = plan_for(q2=DONT_KNOW)
    assert derive_actions(q, a)[0].critical


def test_edits_survive_a_change_of_answer_and_user_wording_wins():
    q, a = plan_for(q1="l1")
    a.plan.edits["gap:q1"] = ActionEdit(title="Our words", owner="Priya", due="2027-03-01", status="in-progress")
    a.answers["q1"] = Answer("l2")  # the answer moves on; the action id stays
    (action,) = build_plan(q, a)
    assert (action.id, action.title, action.owner, action.due, action.status) == (
        "gap:q1",
        "Our words",
        "Priya",
        "2027-03-01",
        "in-progress",
    )
    assert action.how == "Do the thing for q1." and action.edited and not action.closed


def test_an_edited_action_whose_gap_closed_is_kept_and_marked():
    q, a = plan_for(q1="l1")
    a.plan.edits["gap:q1"] = ActionEdit(owner="Priya", status="done")
    a.answers["q1"] = Answer("l4")
    (action,) = build_plan(q, a)
    assert action.closed and action.owner == "Priya" and action.status == "done"
    assert action.title == "Question q1?"


def test_own_actions_dropped_actions_and_saved_order():
    q, a = plan_for(q1="l1", q5="l1")
    a.plan.custom.append(CustomAction(id="own:1", title="Ours", timescale="later"))
    a.plan.edits["gap:q5"] = ActionEdit(accepted=False)
    a.plan.order = ["own:1", "gap:q5"]
    plan = build_plan(q, a)
    assert [x.id for x in plan] == ["own:1", "gap:q5", "gap:q1"]
    assert not plan[1].accepted
    groups = group_plan(plan)
    assert [x.id for x in groups["later"]] == ["own:1"]
    assert [x.id for x in groups["now"]] == ["gap:q1"]  # the dropped one is left out
    assert list(groups) == ["critical", "now", "soon", "later"]
