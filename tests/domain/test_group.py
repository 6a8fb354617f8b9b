"""Combining responses: hand-worked spreads, medians, flags, gaps, suppression and refusals."""

import pytest

from coprod_check.app import store
from coprod_check.domain.assessment import Agreement, Answer, Assessment, Participant
from coprod_check.domain.combine import CombineError, blank_copy, combine, source
from coprod_check.domain.group import (
    disagreements,
    group_view,
    lived_experience_gaps,
    partly_known,
    spread,
    who_took_part,
)
from coprod_check.domain.loader import parse_questionnaire
from coprod_check.domain.plan import build_plan
from coprod_check.domain.questionnaire import DONT_KNOW
from coprod_check.domain.scoring import score
from tests.tiny import TINY_YAML, tiny

ANSWERS = {  # (role, lived experience): q1, q2, q5
    "r1": (("manager", "no"), {"q1": "l1", "q2": "l2", "q5": "l4"}),
    "r2": (("lived-experience-colleague", "yes"), {"q1": "l3", "q2": "l2", "q5": "l0"}),
    "r3": (("lived-experience-colleague", "yes"), {"q1": "l4", "q2": DONT_KNOW, "q5": "l1"}),
    "r4": (("manager", "no"), {"q1": "l2", "q2": "l2", "q5": "l3"}),
}


def response(q, name, org="Trust", extra=""):
    (role, lived), answers = ANSWERS[name]
    a = Assessment.new(q)
    a.organisation = org
    a.participants = [Participant(role, lived, name + extra)]
    a.answers = {k: Answer(v) for k, v in answers.items()}
    return source(f"{name}.json", store.dumps(a).encode(), a)


def group(min_group_size=3, **kw):
    q = tiny()
    g, notes = combine(q, [response(q, n) for n in ANSWERS], min_group_size=min_group_size, **kw)
    return q, g, notes


def test_spread_median_range_and_disagreement_by_hand():
    q, g, _ = group()
    s1 = spread(q, g, "q1")  # levels 1, 3, 4, 2 -> lower median of [1,2,3,4] is 2
    assert (s1.median, s1.low, s1.high, s1.spread, s1.disagree) == ("l2", "l1", "l4", 3, True)
    assert s1.counts == {"l1": 1, "l3": 1, "l4": 1, "l2": 1}
    s2 = spread(q, g, "q2")  # three say l2, one doesn't know
    assert (s2.median, s2.spread, s2.disagree, s2.responses) == ("l2", 0, False, 4)
    assert s2.counts == {"l2": 3, DONT_KNOW: 1}
    s5 = spread(q, g, "q5")  # 4, 0, 1, 3 -> [0,1,3,4] lower median 1
    assert (s5.median, s5.spread, s5.group_choice) == ("l1", 4, "l1")
    assert [s.question_id for s in disagreements(q, g)] == ["q5", "q1"]  # widest first
    assert spread(q, g, "q4").group_choice is None and spread(q, g, "q4").suppressed


def test_agreed_level_wins_and_individual_answers_stay():
    q, g, _ = group()
    g.agreed["q1"] = Agreement("l3", "We talked it through.")
    s1 = spread(q, g, "q1")
    assert s1.agreed == "l3" and s1.group_choice == "l3" and s1.median == "l2"
    assert s1.counts == {"l1": 1, "l3": 1, "l4": 1, "l2": 1}
    r = score(q, group_view(q, g))  # q1 l3 (75), q2 median l2 (50), q5 median l1 (25)
    assert r.domains[0].score == pytest.approx((75 + 50 * 2) / 3)
    assert r.domains[1].score == pytest.approx(25.0)
    assert r.care == pytest.approx(75.0) and r.with_ == pytest.approx((50 * 2 + 25) / 3)


def test_lived_experience_gap_by_hand():
    q, g, _ = group(min_group_size=2)
    d2, d1 = lived_experience_gaps(q, g)  # largest gap first
    # d2 has only q5: yes -> 0 and 25 (mean 12.5); no -> 100 and 75 (mean 87.5)
    assert (d2.domain_id, d2.lived, d2.not_lived, d2.gap) == ("d2", 12.5, 87.5, -75.0)
    # d1: yes -> (75+100)/3 and 100 (r3's "don't know" on q2 is not a zero: q1 alone);
    # no -> (25+100)/3 and (50+100)/3. Yes averages 79.17, no 45.83.
    assert d1.lived == pytest.approx(79.1667, abs=1e-3) and d1.not_lived == pytest.approx(45.8333, abs=1e-3)
    assert d1.gap == pytest.approx(100 / 3)


def test_small_groups_are_never_shown_separately():
    q, g, notes = group()  # two people in each lived-experience group, fewer than 3
    assert all(x.suppressed and x.gap is None and x.lived is None for x in lived_experience_gaps(q, g))
    counts = who_took_part(q, g)
    assert counts["total"] == {"people": 4}
    assert counts["roles"] == {"manager": None, "lived-experience-colleague": None}
    assert counts["lived_experience"] == {"no": None, "yes": None}
    q2 = tiny()
    two, notes = combine(q2, [response(q2, "r1"), response(q2, "r2")])
    s = spread(q2, two, "q1")
    assert s.suppressed and s.counts == {} and s.median is None and not s.disagree
    assert s.group_choice is None  # two people's own answers would show through a group level
    assert score(q2, group_view(q2, two)).known == 0
    two.agreed["q1"] = Agreement("l2", "We agreed it together.")
    assert spread(q2, two, "q1").group_choice == "l2"  # an agreed level is the group's own decision
    assert any("Fewer than 3 people" in n for n in notes)


def test_a_team_answering_together_shows_all_counts():
    a = Assessment.new(tiny())
    a.participants = [Participant("manager", "no")]
    assert who_took_part(tiny(), a)["roles"] == {"manager": 1}


def test_group_file_round_trip_keeps_every_individual_answer(tmp_path):
    q, g, _ = group()
    g.agreed["q1"] = Agreement("l3", "Agreed at the away day.")
    g.answers["q1"] = Answer(note="Group note")
    store.save(tmp_path / "group.json", g)
    again = store.load(tmp_path / "group.json")
    assert again == g
    assert [r.answers["q5"].choice for r in again.responses] == ["l4", "l0", "l1", "l3"]


def test_refusals_are_clear():
    q = tiny()
    with pytest.raises(CombineError, match="r2.json is for 'Other'.*one organisation at a time"):
        combine(q, [response(q, "r1"), response(q, "r2", org="Other")])
    with pytest.raises(CombineError, match="r1.json is the same response as r1.json"):
        combine(q, [response(q, "r1"), response(q, "r1")])
    edited = response(q, "r1", extra=" ")  # same person, same answers, different bytes
    with pytest.raises(CombineError, match="same person's same answers"):
        combine(q, [response(q, "r1"), edited._replace(name="copy.json")])
    other = parse_questionnaire(TINY_YAML.replace("id: tiny", "id: other"), "other.yaml")
    a = response(other, "r2")
    with pytest.raises(CombineError, match="answers the questionnaire 'other'"):
        combine(q, [response(q, "r1"), a])
    _, g, _ = group()
    with pytest.raises(CombineError, match="already a group"):
        combine(q, [source("g.json", store.dumps(g).encode(), g)])
    nobody = response(q, "r1")
    nobody.assessment.participants = []
    with pytest.raises(CombineError, match="records 0 people"):
        combine(q, [nobody])


def test_versions_are_refused_unless_mapped_and_mapping_keeps_answers():
    q = tiny()
    newer = parse_questionnaire(TINY_YAML.replace('version: "1.0"', 'version: "1.1"'), "t.yaml")
    old = response(q, "r1")
    with pytest.raises(CombineError, match="version 1.0 of the questionnaire, and this is version 1.1"):
        combine(newer, [old, response(newer, "r2")])
    g, notes = combine(newer, [old, response(newer, "r2")], update=True)
    assert g.questionnaire_version == "1.1" and g.responses[0].answers["q5"].choice == "l4"
    assert any("r1.json: This assessment was made with version 1.0" in n for n in notes)


def test_blank_copy_carries_the_frame_not_the_answers():
    q, g, _ = group()
    g.organisation, g.team = "Trust", "East"
    copy = blank_copy(g, q)
    assert (copy.organisation, copy.team, copy.questionnaire_id) == ("Trust", "East", "tiny")
    assert not copy.answers and not copy.participants and not copy.responses


def test_nobody_with_lived_experience_is_said_plainly():
    q = tiny()
    _, notes = combine(q, [response(q, "r1"), response(q, "r4")])
    assert any("Nobody who said they have lived experience took part" in n for n in notes)


def test_group_and_round_files_match_the_shipped_schema():
    import json

    import jsonschema

    from coprod_check.app import resources
    from coprod_check.domain.rounds import start_from

    schema = json.loads(resources.assessment_schema().read_text())
    q, g, _ = group()
    g.agreed["q1"] = Agreement("l3", "why")
    g.min_group_size = 4
    jsonschema.validate(json.loads(store.dumps(g)), schema)
    jsonschema.validate(json.loads(store.dumps(start_from(q, g))), schema)


def test_one_hidden_count_cannot_be_worked_out_from_the_total():
    q = tiny()
    people = [("manager", "no")] * 4 + [("lived-experience-colleague", "yes")] * 3 + [("staff", "prefer-not-to-say")]
    sources = []
    for i, (role, lived) in enumerate(people):
        a = Assessment.new(q)
        a.organisation = "Trust"
        a.participants = [Participant(role, lived, f"P{i}")]
        a.answers = {"q1": Answer("l1")}
        sources.append(source(f"p{i}.json", store.dumps(a).encode(), a))
    g, _ = combine(q, sources)
    counts = who_took_part(q, g)
    assert counts["total"] == {"people": 8}
    # 1 preferred not to say (hidden), so the smallest shown count, 3 with lived experience, hides too
    assert counts["lived_experience"] == {"no": 4, "yes": None, "prefer-not-to-say": None}
    assert counts["roles"] == {"manager": 4, "lived-experience-colleague": None, "staff": None}


def test_a_find_out_where_some_gave_a_level_says_not_enough_knew():
    q, g, _ = group(min_group_size=4)  # q2: three gave a level, one did not know
    assert spread(q, g, "q2").group_choice == DONT_KNOW
    assert partly_known(q, g) == {"q2"}
    (action,) = [a for a in build_plan(q, group_view(q, g), partly_known(q, g)) if a.id == "find-out:q2"]
    assert action.why.startswith("Not enough of the people taking part knew the answer. ")
    (alone,) = [a for a in build_plan(q, group_view(q, g)) if a.id == "find-out:q2"]
    assert alone.why.startswith("Nobody taking part knew the answer. ")
    assert partly_known(q, group_view(q, g)) == frozenset()  # only a group's own answers can tell
