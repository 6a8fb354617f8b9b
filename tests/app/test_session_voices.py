"""The session of a group and of a later round, without any Qt: agreed levels, reviews, pages."""

from __future__ import annotations

import pytest

from coprod_check.app import session as s
from coprod_check.app import store
from coprod_check.app.restore import RestoreFile
from coprod_check.domain.assessment import Answer, Assessment, Participant
from coprod_check.domain.combine import combine, source
from coprod_check.domain.group import evaluate, group_view
from coprod_check.domain.plan import build_plan
from coprod_check.domain.questionnaire import DONT_KNOW
from coprod_check.domain.rounds import start_from
from coprod_check.gui import voices
from tests.tiny import tiny

ANSWERS = [  # (role, lived experience), q1, q2, q5
    (("manager", "no"), {"q1": "l1", "q2": "l2", "q5": "l4"}),
    (("lived-experience-colleague", "yes"), {"q1": "l3", "q2": "l2", "q5": "l0"}),
    (("lived-experience-colleague", "yes"), {"q1": "l4", "q2": DONT_KNOW, "q5": "l1"}),
    (("manager", "no"), {"q1": "l2", "q2": "l2", "q5": "l3"}),
]


def group_session(tmp_path, people=ANSWERS):
    q = tiny()
    sources = []
    for i, ((role, lived), answers) in enumerate(people):
        a = Assessment.new(q)
        a.organisation = "Trust"
        a.participants = [Participant(role, lived, f"P{i}")]
        a.answers = {k: Answer(v, note=f"own note {i}") for k, v in answers.items()}
        sources.append(source(f"r{i}.json", store.dumps(a).encode(), a))
    group, _ = combine(q, sources)
    return s.Session(q, group, None, RestoreFile(tmp_path / "restore"))


def test_a_group_is_scored_counted_and_planned_as_its_group_view(tmp_path):
    session = group_session(tmp_path)
    q, group = session.questionnaire, session.assessment
    assert session.is_group and session.result() == evaluate(q, group)
    assert [a.id for a in session.plan()] == [a.id for a in build_plan(q, group_view(q, group))]
    # q1, q2 and q5 have a median; q3 and q4 nobody answered.
    assert [session.status(x) for x in ("q1", "q2", "q3", "q4", "q5")] == [
        s.ANSWERED,
        s.ANSWERED,
        s.UNANSWERED,
        s.UNANSWERED,
        s.ANSWERED,
    ]
    assert session.progress() == (3, 5)


def test_agreeing_a_level_and_clearing_it_goes_back_to_the_median(tmp_path):
    session = group_session(tmp_path)
    heard = []
    session.subscribe(heard.append)
    assert session.scored_choice("q1") == "l2"  # the lower median of 1, 2, 3, 4
    session.set_agreed_reason("q1", "Kept until a level is agreed")
    assert heard == [] and "q1" not in session.assessment.agreed
    session.set_agreed("q1", "l3")
    assert session.assessment.agreed["q1"].reason == "Kept until a level is agreed"
    session.set_agreed_reason("q1", "We talked it through.")
    assert session.scored_choice("q1") == "l3" and session.spread("q1").agreed == "l3"
    session.set_agreed("q1", "l3")  # no change, no event
    assert heard == [s.CHOICE, s.TEXT]
    session.set_agreed("q1", None)
    assert "q1" not in session.assessment.agreed and session.scored_choice("q1") == "l2"
    assert session.agreed_reason("q1") == "We talked it through."  # set aside, not lost
    session.set_agreed("q1", "l4")
    assert session.assessment.agreed["q1"].reason == "We talked it through."
    with pytest.raises(ValueError):
        session.set_agreed("q1", DONT_KNOW)  # a group agrees a level
    with pytest.raises(ValueError):
        session.set_agreed("nope", "l1")


def test_the_group_words_never_name_a_level_too_few_gave(tmp_path):
    session = group_session(tmp_path)
    session.assessment.min_group_size = 5  # four people: every spread is hidden
    session.changed("test")
    q = session.questionnaire
    found = session.spread("q1")
    assert found.suppressed and found.group_choice is None  # not scored: it would show through
    assert voices.spread_lines(q, found, 5) == [voices.not_shown_answers(5)]
    assert "Two" not in voices.agreed_words(q, found, 5) and "not scored" in voices.agreed_words(q, found, 5)
    assert "median" not in voices.agreed_words(q, found, 5)  # no hidden median is ever scored
    assert session.group_level_words("q1") == (
        "fewer than 5 people gave a level, so it is not shown or scored until the group agrees a level"
    )
    assert session.group_level_words("q3") == "nobody has answered it yet"
    session.set_agreed("q1", "l3")  # the group's own decision is always shown
    assert session.group_level_words("q1") == "agreed by the group: Three"


def test_where_too_few_gave_a_level_the_group_does_not_know(tmp_path):
    """q2: one level and three "don't know"; q4: everyone said "don't know"."""
    people = [
        (("manager", "no"), {"q2": "l2", "q4": DONT_KNOW}),
        *[(("manager", "no"), {"q2": DONT_KNOW, "q4": DONT_KNOW}) for _ in range(3)],
    ]
    session = group_session(tmp_path, people)
    q = session.questionnaire
    found = session.spread("q2")
    assert found.suppressed and found.group_choice == DONT_KNOW and found.levels == 1
    words = voices.agreed_words(q, found, 3)
    assert words == (
        "No level agreed yet. Fewer than 3 people gave a level, so until the group agrees one, "
        "the group\u2019s answer is \u201cdon\u2019t know\u201d: something to find out."
    )
    assert voices.spread_lines(q, found, 3) == [
        "Not shown: fewer than 3 people gave a level for this question, so nobody can be picked out. "
        "Until the group agrees a level, the group\u2019s answer is \u201cdon\u2019t know\u201d."
    ]
    assert session.group_level_words("q2") == (
        "fewer than 3 people gave a level, so until the group agrees one the answer is \u201cdon\u2019t know\u201d"
    )
    why = {a.id: a.why for a in session.plan()}
    assert why["find-out:q2"].startswith("Not enough of the people taking part knew the answer.")
    assert why["find-out:q4"].startswith("Nobody taking part knew the answer.")
    assert session.suggested("find-out:q2").why == why["find-out:q2"]


def test_the_spread_in_words_by_hand(tmp_path):
    session = group_session(tmp_path)
    q = session.questionnaire
    assert voices.spread_lines(q, session.spread("q2"), 3) == [
        "4 people answered this question:",
        "Zero: 0 people",
        "One: 0 people",
        "Two: 3 people",
        "Three: 0 people",
        "Four: 0 people",
        "Don't know: 1 person",
        "Median: Two.",
        "Range: everyone who chose a level chose Two.",
    ]
    assert voices.spread_lines(q, session.spread("q5"), 3)[-1] == "Range: from Zero to Four (4 levels apart)."
    assert session.spread("q5").disagree and not session.spread("q2").disagree


def later_round(tmp_path):
    q = tiny()
    before = Assessment.new(q)
    before.answers = {x.id: Answer("l1") for x in q.questions()}
    new = start_from(q, before, "before.json")
    return s.Session(q, new, None, RestoreFile(tmp_path / "restore"))


def test_a_later_round_opens_with_last_time_s_plan_and_records_reviews(tmp_path):
    session = later_round(tmp_path)
    actions = session.assessment.previous.actions
    assert actions and session.pages()[:2] == [s.ABOUT_PAGE, s.REVIEW_PAGE]
    assert session.first_page() == s.REVIEW_PAGE
    heard = []
    session.subscribe(heard.append)
    first = actions[0].id
    session.set_review(first, outcome="partly")
    session.set_review(first, note="Two meetings so far")
    session.set_review(first, outcome="partly")  # no change, no event
    assert session.review(first).outcome == "partly" and session.review(first).note == "Two meetings so far"
    assert heard == [s.REVIEW, s.REVIEW]
    session.set_review(first, outcome="")  # back to not reviewed; the note stays
    assert session.review(first).outcome is None and session.review(first).note == "Two meetings so far"
    with pytest.raises(ValueError):
        session.set_review(first, outcome="maybe")
    with pytest.raises(ValueError):
        session.set_review("gap:nope", outcome="done")
    session.set_choice("q1", "l2")
    assert session.first_page() == s.question_page("q2")  # answering has begun: carry on there
    session.save_as(tmp_path / "next.json")
    assert store.load(tmp_path / "next.json").reviews[first].note == "Two meetings so far"


def test_a_first_round_has_no_review_page(tmp_path):
    q = tiny()
    session = s.Session(q, Assessment.new(q), None, RestoreFile(tmp_path / "restore"))
    assert s.REVIEW_PAGE not in session.pages() and session.first_page() == s.ABOUT_PAGE
