"""A group's "don't know" answers: the minimum of people counts only those who gave a level,
and a question too few gave a level on is the group's "don't know" (worked by hand)."""

from coprod_check.app import store
from coprod_check.domain.assessment import Agreement, Answer, Assessment, Participant
from coprod_check.domain.combine import combine, source
from coprod_check.domain.group import group_view, spread, unknown_answers
from coprod_check.domain.plan import build_plan
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE
from coprod_check.domain.scoring import score
from tests.tiny import tiny


def group_of(answers: list[dict[str, str]], min_group_size: int = 3) -> Assessment:
    q = tiny()
    sources = []
    for i, chosen in enumerate(answers):
        a = Assessment.new(q)
        a.organisation = "Trust"
        a.participants = [Participant("manager", "no", f"Person {i}")]
        a.answers = {k: Answer(v) for k, v in chosen.items()}
        sources.append(source(f"p{i}.json", store.dumps(a).encode(), a))
    group, _ = combine(q, sources, min_group_size=min_group_size)
    return group


def test_one_level_and_two_dont_knows_is_the_groups_dont_know_not_one_persons_level():
    q = tiny()
    g = group_of([{"q2": "l0"}, {"q2": DONT_KNOW}, {"q2": DONT_KNOW}])
    s = spread(q, g, "q2")
    # Only one person gave a level: showing it as the group's would show their own answer.
    assert s.suppressed and s.counts == {} and s.median is None
    assert (s.levels, s.dont_know, s.responses, s.group_choice) == (1, 2, 3, DONT_KNOW)
    view = group_view(q, g)
    assert view.answer("q2").choice == DONT_KNOW
    result = score(q, view)
    assert result.unknown == 1 and result.unknown_questions == ("q2",)
    # q2 is critical: "don't know" caps the stage, as an individual's "don't know" would.
    assert [c.question_id for c in result.caps] == ["q2"]
    plan = build_plan(q, view)  # the plan needs nothing but the group view's answers
    assert [a.id for a in plan] == ["find-out:q2"] and plan[0].critical


def test_two_levels_and_one_dont_know_has_no_level_of_its_own_either():
    q = tiny()
    g = group_of([{"q1": "l4"}, {"q1": "l3"}, {"q1": DONT_KNOW}])
    s = spread(q, g, "q1")
    assert s.suppressed and s.median is None and s.low is None and s.high is None and not s.disagree
    assert s.group_choice == DONT_KNOW  # not "l3", the lower median of the two people's levels


def test_enough_levels_beside_a_dont_know_give_the_median_and_keep_every_count():
    q = tiny()
    g = group_of([{"q1": "l0"}, {"q1": "l2"}, {"q1": "l4"}, {"q1": DONT_KNOW}])
    s = spread(q, g, "q1")  # levels 0, 2, 4: median l2; the "don't know" is not a level
    assert not s.suppressed and s.group_choice == "l2" and s.median == "l2"
    assert (s.levels, s.dont_know, s.responses) == (3, 1, 4)
    assert s.counts == {"l0": 1, "l2": 1, "l4": 1, DONT_KNOW: 1}


def test_an_agreed_level_still_wins_over_dont_know():
    q = tiny()
    g = group_of([{"q1": "l0"}, {"q1": DONT_KNOW}, {"q1": DONT_KNOW}])
    g.agreed["q1"] = Agreement("l2", "We talked it through.")
    assert spread(q, g, "q1").group_choice == "l2"


def test_too_few_people_answering_at_all_gives_no_dont_know_away():
    q = tiny()
    # Two people: a group "don't know" would tell one of them what the other said.
    g = group_of([{"q1": DONT_KNOW}, {"q1": "l2"}], min_group_size=3)
    s = spread(q, g, "q1")
    assert s.suppressed and s.group_choice is None
    assert "q1" not in group_view(q, g).answers
    assert unknown_answers(q, g).ranked == ()  # nor is the question named as one people did not know


def test_everyone_not_knowing_or_not_applicable_is_shown_as_before():
    q = tiny()
    g = group_of([{"q1": DONT_KNOW, "q3": NOT_APPLICABLE}] * 2 + [{"q1": DONT_KNOW, "q3": NOT_APPLICABLE, "q4": "l1"}])
    s1, s3 = spread(q, g, "q1"), spread(q, g, "q3")
    assert not s1.suppressed and s1.counts == {DONT_KNOW: 3} and s1.group_choice == DONT_KNOW
    assert not s3.suppressed and s3.group_choice == NOT_APPLICABLE


def test_individual_dont_know_answers_are_counted_and_ranked_by_share():
    q = tiny()
    g = group_of(
        [
            {"q1": DONT_KNOW, "q2": DONT_KNOW, "q4": "l1", "q5": DONT_KNOW},
            {"q1": DONT_KNOW, "q2": "l1", "q4": "l2", "q5": "l2"},
            {"q1": "l3", "q2": "l1", "q4": "l3", "q5": "l2"},
            {"q1": "l3", "q2": "l1", "q4": DONT_KNOW, "q5": "l2"},
        ]
    )
    found = unknown_answers(q, g)
    # q1: 2 of 4 (half); q2, q4, q5: 1 of 4 each, in questionnaire order.
    assert (found.answers, found.questions) == (5, 4)
    assert found.ranked == (("q1", 2, 4), ("q2", 1, 4), ("q4", 1, 4), ("q5", 1, 4))
    assert found.mostly == ()  # half is not most
    assert found.most_often == ("q1",)
    g.responses[2].answers["q1"] = Answer(DONT_KNOW)  # now 3 of 4
    assert unknown_answers(q, g).mostly == ("q1",)
