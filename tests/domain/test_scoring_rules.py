"""Each scoring rule, worked by hand on a fixture questionnaire with two scales."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_check.domain import headline
from coprod_check.domain.assessment import Agreement, Answer, Assessment, Participant, Response
from coprod_check.domain.errors import QuestionnaireError
from coprod_check.domain.group import evaluate
from coprod_check.domain.loader import load_questionnaire_file, parse_questionnaire
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.domain.scoring import result_to_dict, score

FIXTURE = Path(__file__).parent / "fixtures" / "two-scales.yaml"


@pytest.fixture(scope="module")
def q() -> Questionnaire:
    return load_questionnaire_file(FIXTURE)


def answered(q: Questionnaire, **choices: str) -> Assessment:
    return Assessment(q.id, q.version, answers={k: Answer(v) for k, v in choices.items()})


def test_each_question_is_scored_on_its_own_scale(q):
    # support has 3 levels (0, 50, 100); the ladder 4 (0, 33.3, 66.7, 100)
    r = score(q, answered(q, c1="patchy", c2="reliable", w1="shared", w2="led"))
    assert r.care == pytest.approx(75.0) and r.with_ == pytest.approx((200 / 3 + 100) / 2)
    assert q.level_index("patchy", "c1") == 1 and q.level_index("patchy", "w1") == -1


def test_bands_and_places_come_from_the_file(q):
    r = score(q, answered(q, c1="reliable", c2="reliable", w1="asked", w2="asked"))
    assert r.bands["care"].id == "high" and r.bands["with"].id == "consult"
    assert r.quadrant.id == "p-high-consult"


def test_consultation_is_never_partnership_by_default():
    from tests.tiny import TINY_YAML

    q = parse_questionnaire(TINY_YAML)  # declares no bands: the defaults apply
    every = {x.id: "l2" for x in q.questions()}  # the middle level: asking
    r = score(q, answered(q, **every))
    assert r.quadrant.id in ("consulting", "caring-and-consulting")
    assert "partnership" not in r.quadrant.title.lower()
    r = score(q, answered(q, **{x.id: "l3" for x in q.questions()}))
    assert r.quadrant.id == "working-with"


def test_a_stage_requirement_holds_the_stage_and_says_why(q):
    # with 66.7 reaches s2, but care is 0: s2 needs 50
    r = score(q, answered(q, c1="none", c2="none", w1="shared", w2="shared"))
    assert r.stage_before_caps.id == "s2" and r.stage.id == "s1"
    held = [h for h in r.holds if h.binding]
    assert [h.what for h in held] == ["care", "Domain two"]
    text = headline.hold_sentence(held[0])
    assert "needs a score of at least 50 for care, and care is 0" in text and "Support must be there." in text
    assert r.quadrant.id == "p-low-partner" and headline.burn_out_warning(q, r)


def test_a_requirement_not_known_yet_is_not_met(q):
    r = score(q, answered(q, c1="dont-know", c2="dont-know", w1="shared", w2="shared"))
    assert r.care is None and r.stage.id == "s1"
    assert any(h.unknown and h.binding for h in r.holds)
    assert "care is not known yet" in headline.hold_sentence(r.holds[0])


def test_the_cap_reason_fits_the_answer_given(q):
    told = score(q, answered(q, c1="reliable", c2="reliable", w1="told", w2="led"))
    asked = score(q, answered(q, c1="reliable", c2="reliable", w1="asked", w2="led"))
    assert told.caps[0].reason == "People are only told, so they cannot change anything."
    assert asked.caps[0].reason == "People are asked, but others decide."
    shared = score(q, answered(q, c1="reliable", c2="reliable", w1="led", w2="told"))
    assert shared.caps[0].reason == "One reason for every level below."


def test_not_applicable_never_caps_and_never_counts(q):
    r = score(q, answered(q, c1="reliable", c2="not-applicable", w1="shared", w2="not-applicable"))
    assert not r.caps and r.stage.id == "s2" and r.not_applicable == 2
    # d2 has nothing known, so no requirement on it can be met... unless nothing was asked there
    assert next(d for d in r.domains if d.id == "d2").score is None


def test_dont_know_is_not_a_zero_and_more_than_half_is_not_known(q):
    r = score(q, answered(q, c1="reliable", c2="dont-know", w1="led", w2="led"))
    d2 = next(d for d in r.domains if d.id == "d2")
    assert d2.score == pytest.approx(100.0) and d2.unknown == 1 and d2.unknown_share == 0.5
    assert r.care == pytest.approx(100.0)  # half unknown is still known; more than half is not
    r = score(q, answered(q, c2="dont-know", w2="dont-know", c1="dont-know"))
    d2 = next(d for d in r.domains if d.id == "d2")
    assert d2.score is None and d2.not_known_yet and headline.domain_score(d2) == "not known yet"
    data = result_to_dict(r)
    assert data["domains"][1]["score"] is None and data["counts"]["dont_know"] == 3
    assert data["counts"] == {
        "questions": 4,
        "known": 0,
        "dont_know": 3,
        "not_applicable": 0,
        "rather_not_answer": 0,
        "not_answered": 1,
    }


def test_counts_in_a_sentence_add_up(q):
    r = score(q, answered(q, c1="reliable", c2="dont-know", w1="not-applicable"))
    # w1 does not allow "not applicable": it is not answered
    assert headline.counts_sentence(r) == (
        "Of 4 questions: 1 answered with a level, 1 \u201cdon\u2019t know\u201d, "
        "0 not applicable and 2 not answered yet."
    )


def group(q: Questionnaire, lived: list[dict], others: list[dict], min_size: int = 3) -> Assessment:
    a = Assessment(q.id, q.version, min_group_size=min_size)
    for i, (key, answers) in enumerate([*(("yes", x) for x in lived), *(("no", x) for x in others)]):
        a.responses.append(Response(f"r{i}", Participant("staff", key), {k: Answer(v) for k, v in answers.items()}))
    return a


HIGH = {"c1": "reliable", "c2": "reliable", "w1": "led", "w2": "led"}
LOW = {"c1": "patchy", "c2": "patchy", "w1": "asked", "w2": "asked"}


def test_both_views_are_scored_apart_and_lived_experience_is_never_outvoted(q):
    g = group(q, [LOW] * 3, [HIGH] * 4)
    r = evaluate(q, g)
    assert r.views.lived_experience.n == 3 and r.views.others.n == 4
    assert r.views.lived_experience.result.stage.id == "s1"
    assert r.views.others.result.stage.id == "s2"
    # the whole group's median is HIGH, but the stage is held where lived experience sees it
    assert r.stage_before_caps.id == "s2" and r.stage.id == "s1"
    le_caps = [c for c in r.caps if c.source == "lived-experience"]
    assert [c.question_id for c in le_caps] == ["w1"]
    assert le_caps[0].reason.startswith("Colleagues with lived experience rated this below \u201cShared\u201d")
    assert r.quadrant.id == "p-high-consult" and r.unheld_place.id == "p-high-partner"
    views = result_to_dict(r)["views"]
    assert views["lived_experience"]["stage"]["id"] == "s1" and views["others"]["n"] == 4


def test_lived_experience_rating_higher_never_lifts_the_group(q):
    r = evaluate(q, group(q, [HIGH] * 3, [LOW] * 4))
    assert r.stage.id == "s1" and not any(c.source for c in r.caps) and r.unheld_place is None


def test_a_lived_experience_side_too_small_to_show_carries_no_figures(q):
    r = evaluate(q, group(q, [LOW] * 2, [HIGH] * 5))
    assert not r.views.lived_experience.shown and r.views.lived_experience.n is None
    assert result_to_dict(r)["views"]["lived_experience"] == {
        "shown": False,
        "n": None,
        "care": None,
        "with": None,
        "quadrant": None,
        "stage": None,
    }
    # anyone below the threshold on a critical question holds it, naming no level and nobody
    anyone = [c for c in r.caps if c.source == "anyone"]
    assert [c.question_id for c in anyone] == ["w1"] and r.stage.id == "s1"
    assert anyone[0].reason.startswith("Someone who took part rated this below \u201cShared\u201d.")
    assert "Asked" not in anyone[0].reason and "others decide" not in anyone[0].reason
    # and the other side is not shown either: five beside seven would give the two away
    assert not r.views.others.shown and r.views.others.n is None
    assert any("cannot be shown apart" in line for line in headline.views_lines(r))


def test_one_colleague_with_lived_experience_among_eight_is_not_outvoted(q):
    r = evaluate(q, group(q, [LOW], [HIGH] * 7))
    assert [c.question_id for c in r.caps if c.source == "anyone"] == ["w1"] and r.stage.id == "s1"
    # with enough colleagues with lived experience to show, the rule is theirs, not anyone's
    r = evaluate(q, group(q, [HIGH] * 3, [HIGH] * 6 + [LOW]))
    assert not [c for c in r.caps if c.source] and r.stage.id == "s2"


def test_people_who_preferred_not_to_say_are_in_neither_view_and_never_given_away(q):
    g = group(q, [LOW] * 3, [HIGH] * 3)
    private = [Response(f"p{i}", Participant("staff", "prefer-not-to-say"), {"w1": Answer("told")}) for i in range(3)]
    g.responses += private
    r = evaluate(q, g)
    assert r.views.lived_experience.n == 3 and r.views.others.n == 3
    # one person who preferred not to say, beside two sides shown, would have their answers given
    # away by the difference: then neither side is shown, and anyone's concern holds instead
    g.responses = g.responses[:7]
    r = evaluate(q, g)
    assert not r.views.lived_experience.shown and not r.views.others.shown
    assert any(c.question_id == "w1" for c in r.caps)


@pytest.mark.parametrize(
    "yaml_text, message",
    [
        ("bands:\n  care: []\n", "'bands' and 'places' go together"),
        ("places: []\n", "'bands' and 'places' go together"),
    ],
)
def test_bands_and_places_go_together(yaml_text, message):
    text = FIXTURE.read_text(encoding="utf-8")
    start, end = text.index("bands:\n"), text.index("domains:\n")
    with pytest.raises(QuestionnaireError) as found:
        parse_questionnaire(text[:start] + yaml_text + text[end:])
    assert message in str(found.value)


def test_every_pair_of_bands_needs_a_place():
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "  - {id: p-high-partner, title: Supported partners, care: high, with: partner, description: Good.}\n", ""
    )
    with pytest.raises(QuestionnaireError) as found:
        parse_questionnaire(text)
    assert "no place is given for the care band 'high' with the with band 'partner'" in str(found.value)


def test_per_level_reasons_must_name_the_levels_below_the_threshold():
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "            asked: People are asked", "            led: People are asked"
    )
    with pytest.raises(QuestionnaireError) as found:
        parse_questionnaire(text)
    assert "unknown key 'led'" in str(found.value)


def test_a_requirement_names_a_real_domain():
    text = FIXTURE.read_text(encoding="utf-8").replace("{domain: d2,", "{domain: d9,")
    with pytest.raises(QuestionnaireError) as found:
        parse_questionnaire(text)
    assert "there is no domain 'd9'" in str(found.value)


def test_a_question_names_a_real_scale():
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "scale: support\n        levels: {none: No support.", "scale: supprt\n        levels: {none: No support."
    )
    with pytest.raises(QuestionnaireError) as found:
        parse_questionnaire(text)
    assert "there is no scale 'supprt'" in str(found.value)


def test_the_parse_cache_keeps_every_new_rule(q):
    from coprod_check.domain.questionnaire import Questionnaire as Q

    again = Q.from_plain(q.to_plain())
    a = answered(q, c1="none", c2="none", w1="told", w2="shared")
    assert result_to_dict(score(again, a)) == result_to_dict(score(q, a))


def test_changes_name_a_version_and_real_questions():
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "perspectives:\n",
        'changes:\n  - {version: "1.1", what: Reasons now fit answers., review: [w1, w9]}\nperspectives:\n',
        1,
    )
    with pytest.raises(QuestionnaireError) as found:
        parse_questionnaire(text)
    assert "changes[0].review[1]: there is no question 'w9'" in str(found.value)
    q = parse_questionnaire(text.replace(", w9]", "]"))
    assert q.changes[0].review == ("w1",)


def test_an_update_names_the_answers_to_review_by_their_text(q):
    from coprod_check.domain.questionnaire import Change
    from coprod_check.domain.update import check_update

    newer = Questionnaire(
        id=q.id,
        title=q.title,
        version="1.1",
        language=q.language,
        description=q.description,
        levels=q.levels,
        perspectives=q.perspectives,
        stages=q.stages,
        domains=q.domains,
        scales=q.scales,
        bands=q.bands,
        places=q.places,
        changes=(Change("1.1", "Reasons now fit answers.", ("w1", "w2")),),
    )
    a = answered(q, w1="told")  # version 1.0; w2 not answered, so not to review
    lines = check_update(newer, a).lines()
    assert "What changed in version 1.1: Reasons now fit answers." in lines
    assert "Please look again at your 1 answer to: \u201cWho decides?\u201d." in lines
    assert check_update(q, a).changes == ()  # the same version: nothing to say


def test_a_critical_question_left_blank_holds_the_stage_until_it_is_answered(q):
    # Everything high, but the critical w1 left blank: leaving it out must never flatter.
    r = score(q, answered(q, c1="reliable", c2="reliable", w2="led"))
    assert r.stage_before_caps.id == "s2" and r.stage.id == "s1"
    (cap,) = r.caps
    assert cap.question_id == "w1" and cap.unanswered and cap.unknown and cap.binding
    assert headline.cap_sentence(cap) == (
        "\u201cWho decides?\u201d is not answered yet; until it is, the stage can "
        "rise no higher than \u201cStage 1\u201d."
    )
    # "not applicable" where the question allows it never caps; where it does not, it is no answer
    r = score(q, answered(q, c1="reliable", c2="reliable", w1="led", w2="not-applicable"))
    assert not r.caps


def test_burn_out_is_warned_of_before_it_counts_as_partnership(q):
    # with 66.7 (shared on both): nearer partnership (60 here) than consulting (30): care none
    r = score(q, answered(q, c1="none", c2="none", w1="shared", w2="shared"))
    assert headline.burn_out_warning(q, r)
    # shared on one and asked on the other (50): past the midpoint (45), so warned of already
    r = score(q, answered(q, c1="none", c2="none", w1="shared", w2="asked"))
    assert r.with_ == pytest.approx(50.0) and r.quadrant.id == "p-low-consult" and headline.burn_out_warning(q, r)
    # asked on both (33.3): consulting, nearer the band below: no warning
    r = score(q, answered(q, c1="none", c2="none", w1="asked", w2="asked"))
    assert not headline.burn_out_warning(q, r)
    # and never with support in place
    r = score(q, answered(q, c1="reliable", c2="reliable", w1="led", w2="led"))
    assert not headline.burn_out_warning(q, r)


def test_when_colleagues_with_lived_experience_do_not_know_the_majority_does_not_decide(q):
    # Three with lived experience say "don't know" to everything about working with them; four
    # without say it is led by people with lived experience. Their not knowing is not erased.
    unknown = {"c1": "reliable", "c2": "reliable", "w1": "dont-know", "w2": "dont-know"}
    r = evaluate(q, group(q, [unknown] * 3, [HIGH] * 4))
    assert r.views.lived_experience.shown and r.views.lived_experience.result.with_ is None
    assert r.stage.id == "s0"  # held at the first stage until they can say
    assert r.quadrant is None and r.unheld_place.id == "p-high-partner" and r.place_held_by == "lived-experience"
    assert {c.question_id for c in r.caps if c.source == "lived-experience"} == {"w1", "w2"}
    assert "could not say" in headline.place_sentence(q, r)


def test_a_critical_answer_about_working_with_holds_the_place_too(q):
    # with 66.7 would be "Partners", but w1 answered "asked" (below "shared") holds the stage at
    # s1 (from 30): the place is held to the band where that stage starts, consulted
    r = score(q, answered(q, c1="reliable", c2="reliable", w1="asked", w2="led"))
    assert r.stage.id == "s1" and r.quadrant.id == "p-high-consult" and r.unheld_place.id == "p-high-partner"
    assert r.bands["with"].id == "partner"  # the score keeps its own band words
    assert "critical answers keep the stage" in headline.place_sentence(q, r)


def test_anyone_rule_holds_in_a_group_smaller_than_the_minimum_too(q):
    g = group(q, [LOW], [HIGH])  # two people
    for question in ("w1", "w2"):
        g.agreed[question] = Agreement("led", "We agreed it.")
    r = evaluate(q, g)
    assert any(c.source == "anyone" and c.question_id == "w1" for c in r.caps)
    assert r.stage.id == "s1"


def test_the_parse_cache_keeps_the_fingerprints_it_was_given(q):
    from coprod_check.domain.questionnaire import Questionnaire as Q

    plain = q.to_plain()
    assert Q.from_plain(plain).fingerprints() == q.fingerprints() == plain["fingerprints"]
    plain["fingerprints"] = {"c1": "x"}  # what the cache holds is what is used: no second hashing
    assert Q.from_plain(plain).fingerprints() == {"c1": "x"}


def test_where_their_side_cannot_be_shown_no_one_persons_own_result_is_outvoted(q):
    # Two colleagues with lived experience answer at the critical thresholds but low elsewhere;
    # three without answer high. The group's median is the majority's; the result is not.
    low = {"c1": "none", "c2": "none", "w1": "shared", "w2": "asked"}
    r = evaluate(q, group(q, [low] * 2, [HIGH] * 3))
    assert not r.views.lived_experience.shown
    assert r.stage_before_caps.id == "s2" and r.stage.id == "s1"
    assert any(h.kind == "view" and "any one person" in h.reason for h in r.holds)
    assert r.quadrant.id == "p-low-consult" and r.place_held_by == "anyone"
    assert "any one person\u2019s own answers" in headline.place_sentence(q, r)


def test_one_colleague_with_lived_experience_is_not_outvoted_by_the_rest_of_their_side(q):
    r = evaluate(q, group(q, [LOW, HIGH, HIGH], [HIGH] * 3))
    assert r.views.lived_experience.shown
    held = [c for c in r.caps if c.source == "lived-experience"]
    assert [c.question_id for c in held] == ["w1"] and held[0].reason.startswith("At least one colleague")
    assert held[0].answer == "" and result_to_dict(r)["caps"][0]["answer"] is None  # nobody's answer
    assert r.stage.id == "s1"


def test_a_best_half_answered_is_provisional():
    from coprod_check.domain.loader import parse_questionnaire
    from tests.tiny import TINY_YAML

    tiny = parse_questionnaire(TINY_YAML)
    # q2, q3, q5 are with; answer q2 and q5 only (2 of 3, under 80%) at the top
    r = score(tiny, answered(tiny, q1="l4", q4="l4", q2="l4", q5="l4"))
    assert r.stage_before_caps.id == "s3" and r.stage.id == "s2"
    assert any(h.kind == "coverage" for h in r.holds) and r.place_held_by == "coverage"
    assert "partnership" not in r.quadrant.title.lower()
    assert "provisional" in headline.place_sentence(tiny, r)
