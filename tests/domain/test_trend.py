"""Every round, comparable: re-scored with today's rules, breaks in meaning in words, found out
apart from improved, and the small-number rule held across rounds."""

from __future__ import annotations

import datetime as dt

from coprod_check.app import store
from coprod_check.domain.assessment import Answer, Assessment, Participant
from coprod_check.domain.group import evaluate
from coprod_check.domain.rounds import start_from
from coprod_check.domain.trend import moves_sentence, suppression_sentence, trend
from tests.report.voices import builtin, group_of, response
from tests.tiny import tiny


def _round(q, previous, day, **answers):
    a = start_from(q, previous, today=day) if previous is not None else Assessment.new(q, day)
    a.participants = [Participant("manager", "yes")]
    a.answers = {k: Answer(v) for k, v in answers.items()}
    return store.loads(store.dumps(a), "round.coprod")  # through the file, as a next round is read


def test_a_first_assessment_has_no_trend():
    q = tiny()
    assert trend(q, _round(q, None, dt.date(2025, 1, 1), q1="l1")) is None


def test_every_round_is_scored_again_with_todays_rules_by_hand():
    q = tiny()
    first = _round(q, None, dt.date(2024, 1, 1), q1="l0", q2="dont-know", q4="l2")
    second = _round(q, first, dt.date(2025, 1, 1), q1="l2", q2="l1", q4="l2")
    third = _round(q, second, dt.date(2026, 1, 1), q1="l3", q2="l1", q4="dont-know", q5="l2")
    t = trend(q, third)
    assert [r.date for r in t.rounds] == ["2024-01-01", "2025-01-01", "2026-01-01"]
    for got, a in zip(t.rounds, [*third.rounds, third], strict=True):
        assert (got.care, got.with_) == (evaluate(q, a).care, evaluate(q, a).with_)
    # Care: q1 and q4 (weight 1 each): round 1 (0 + 50) / 2 = 25; with: q2 "don't know" only: none.
    assert (t.rounds[0].care, t.rounds[0].with_) == (25.0, None)
    kinds = {m.question_id: m.kind for m in t.moves}
    assert kinds == {"q1": "improved", "q2": "same", "q4": "now-unknown", "q5": "newly-answered"}
    assert "1 answer improved" in moves_sentence(t) and "was found out" not in moves_sentence(t)


def test_found_out_is_told_apart_from_improved():
    q = tiny()
    first = _round(q, None, dt.date(2024, 1, 1), q1="l1", q2="dont-know")
    second = _round(q, first, dt.date(2025, 1, 1), q1="l1", q2="l1")
    t = trend(q, second)
    assert [m.kind for m in t.moves if m.kind != "same"] == ["found-out"]
    assert moves_sentence(t).startswith("Since the last round: 1 question was found out.")


def test_a_reworded_question_is_a_break_in_meaning_said_in_words():
    q = tiny()
    first = _round(q, None, dt.date(2024, 1, 1), q1="l1")
    first.fingerprints["q1"] = "0000000000"  # answered when q1 was worded otherwise
    second = _round(q, first, dt.date(2025, 1, 1), q1="l2")
    t = trend(q, second)
    assert t.breaks and t.breaks[0][0] == 1
    assert "1 question was reworded" in t.breaks[0][1]


def test_an_older_file_with_only_last_times_summary_says_its_figures_are_as_worked_out_then():
    q = tiny()
    first = _round(q, None, dt.date(2024, 1, 1), q1="l1")
    second = _round(q, first, dt.date(2025, 1, 1), q1="l2")
    second.rounds = []  # as a file from before rounds were kept in full
    t = trend(q, second)
    assert len(t.rounds) == 2 and not t.rounds[0].rescored and t.rounds[1].rescored


def test_no_lived_experience_figure_beside_last_rounds_when_one_person_joined():
    # Round 1: three colleagues with lived experience and three without; round 2: one more joins.
    # Their figures side by side would give away the newcomer's answers: round 2's is withheld.
    q = builtin()
    people = [response(i, "manager", "no", {}) for i in range(3)]
    lived = [response(i, "lived-experience-colleague", "yes", {}, default="doing-for") for i in range(3, 6)]
    first = group_of(people + lived)
    assert evaluate(q, first).views.lived_experience.shown
    second = start_from(q, first, today=dt.date(2027, 11, 24))
    newcomer = response(6, "lived-experience-colleague", "yes", {}, default="doing-with")
    more = group_of(people + lived + [newcomer])
    second.responses, second.participants = more.responses, more.participants
    assert evaluate(q, second).views.lived_experience.shown  # shown on its own...
    t = trend(q, second)
    assert t.rounds[0].lived_with is not None and t.rounds[1].lived_with is None  # ...but not beside round 1
    assert t.lived_hidden and "joined or left" in suppression_sentence(t, 3)
    # Three joining at once cannot be told apart: then the figure is shown.
    three = [response(i, "lived-experience-colleague", "yes", {}, default="doing-with") for i in (6, 7, 8)]
    bigger = group_of(people + lived + three)
    second.responses, second.participants = bigger.responses, bigger.participants
    assert trend(q, second).rounds[1].lived_with is not None
