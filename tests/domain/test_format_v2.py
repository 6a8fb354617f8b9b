"""Version 2 of the questionnaire format: themes, glossary, signposting, evidence, sources,
content notes, the parity facet, "I'd rather not answer" and companion files (`kind:`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_check.domain.assessment import Answer, Assessment, Participant, Response, is_answer_choice
from coprod_check.domain.errors import CompanionFile, QuestionnaireError
from coprod_check.domain.glossary import terms_in
from coprod_check.domain.group import evaluate, spread
from coprod_check.domain.loader import parse_questionnaire
from coprod_check.domain.plan import derive_actions
from coprod_check.domain.questionnaire import RATHER_NOT, Questionnaire
from coprod_check.domain.scoring import score

FIXTURE = Path(__file__).parent / "fixtures" / "three-facets.yaml"
TEXT = FIXTURE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def q() -> Questionnaire:
    return parse_questionnaire(TEXT, "three-facets.yaml")


def problems(text: str) -> list[str]:
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(text, "q.yaml")
    return [str(p) for p in info.value.problems]


def line_of(text: str, needle: str, start: int = 0) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line and i > start)


def answered(q: Questionnaire, **choices: str) -> Assessment:
    a = Assessment.new(q)
    a.answers = {k: Answer(v) for k, v in choices.items()}
    return a


# -- the format -------------------------------------------------------------------------------


def test_every_new_key_is_read(q):
    assert [t.id for t in q.themes] == ["carers", "harassment", "purpose"]
    assert q.themes[1].description.startswith("How staff")
    assert q.glossary[0].term == "occupational health" and q.glossary[0].also == ("OH",)
    assert "Samaritans" in q.support
    c1, w1, p1 = q.question("c1"), q.question("w1"), q.question("p1")
    assert c1.themes == ("carers",) and c1.evidence.startswith("The last three")
    assert c1.sources == ("Think Local Act Personal", "NHS England") and w1.sources == ("Ladder of participation",)
    assert p1.orientation == "parity" and p1.content_note.startswith("This question asks about harassment")
    assert q.question("w2").themes == ("purpose", "carers") and not w1.content_note and not w1.evidence
    assert [b.id for b in q.bands["parity"]] == ["unequal", "equal"]


def test_the_parse_cache_keeps_every_new_field(q):
    again = Questionnaire.from_plain(json.loads(json.dumps(q.to_plain())))
    assert again.themes == q.themes and again.glossary == q.glossary and again.support == q.support
    assert list(again.questions()) == list(q.questions())
    assert again.with_source("x.yaml").glossary == q.glossary and again.with_source("x.yaml").source == "x.yaml"


def test_a_file_that_declares_themes_needs_them_on_every_question():
    text = TEXT.replace("        themes: [purpose]\n", "", 1)
    errors = problems(text)
    line = line_of(text, "- id: w1")
    assert f"q.yaml:{line}: domains[0].questions[1]: the key 'themes' is missing" in errors[0], errors


def test_an_unknown_or_repeated_theme_is_an_error_on_its_line():
    text = TEXT.replace("themes: [purpose, carers]", "themes: [purpose, carer, purpose]")
    errors = problems(text)
    line = line_of(text, "themes: [purpose, carer")
    assert any(
        e.startswith(f"q.yaml:{line}: domains[1].questions[1].themes[1]: there is no theme 'carer'") for e in errors
    )
    assert any("themes[2]: the theme 'purpose' is listed twice" in e for e in errors), errors


def test_themes_on_a_question_need_the_top_level_list():
    text = TEXT.replace("themes:\n  - {id: carers", "topics:\n  - {id: carers")
    errors = problems(text)
    assert any("unknown key 'topics'" in e for e in errors)
    assert any("declare the themes first" in e for e in errors), errors


def test_a_term_explained_twice_is_an_error_even_as_another_form():
    text = TEXT.replace("  - term: protected time", "  - term: OH\n    meaning: Again.\n  - term: protected time")
    errors = problems(text)
    first = line_of(text, "also: [OH]")
    assert any(f"glossary[1].term: the term 'OH' is explained twice (first at line {first})" in e for e in errors), (
        errors
    )
    text = TEXT.replace("  - term: protected time", "  - term: Occupational Health\n    meaning: Again.\n  - term: x")
    assert any("'Occupational Health' is explained twice" in e for e in problems(text))


def test_sources_are_text_or_a_list_of_texts():
    errors = problems(TEXT.replace("source: Ladder of participation", "source: [Ladder, 3]"))
    assert any("domains[0].questions[1].source[1]: should be the name of a framework" in e for e in errors), errors
    errors = problems(TEXT.replace("source: Ladder of participation", "source: {a: b}"))
    assert any("source: should be a list of sources" in e for e in errors), errors


def test_rather_not_answer_is_reserved():
    errors = problems(TEXT.replace("{id: sometimes, label: Sometimes", "{id: rather-not-answer, label: Sometimes"))
    assert any("'rather-not-answer' is reserved" in e for e in errors), errors


def test_parity_is_an_orientation_and_a_requirement_axis_and_an_unknown_one_is_not():
    errors = problems(TEXT.replace("orientation: parity", "orientation: stigma"))
    assert any("should be 'care', 'with' or 'parity', not 'stigma'" in e for e in errors), errors
    text = TEXT.replace(
        "  - {id: s2, title: Stage 2, from: 60, description: Sharing.}",
        "  - id: s2\n    title: Stage 2\n    from: 60\n    description: Sharing.\n"
        "    requires:\n      - {axis: parity, from: 50, reason: Stigma is not yet challenged.}",
    )
    assert parse_questionnaire(text).stages[2].requires[0].axis == "parity"


def test_glossary_terms_are_found_as_whole_words_and_abbreviations_in_capitals(q):
    assert [g.term for g in terms_in(q, q.question("c1"))] == ["occupational health", "protected time"]
    assert terms_in(q, q.question("w1")) == []
    shouted = q.question("w1")._replace(prompt="Oh, is OH there? Is an occupational healthcare plan there?")
    assert [g.term for g in terms_in(q, shouted)] == ["occupational health"]
    quiet = q.question("w1")._replace(prompt="Oh well: is there healthcare?")
    assert terms_in(q, quiet) == []


# -- companions ---------------------------------------------------------------------------------


def test_a_companion_is_recognised_and_never_read_as_a_questionnaire():
    with pytest.raises(CompanionFile) as info:
        parse_questionnaire("kind: update\nquestionnaire: three-facets\n", "u.yaml")
    assert info.value.kind == "update" and "is an update map (kind: update), not a questionnaire" in str(info.value)
    with pytest.raises(CompanionFile) as info:
        parse_questionnaire("kind: translation\n", "t.yaml")
    assert info.value.kind == "translation"
    assert parse_questionnaire("kind: questionnaire\n" + TEXT).id == "three-facets"
    errors = problems("kind: updates\n" + TEXT)
    assert errors == ["q.yaml:1: kind: should be one of questionnaire, update, translation, not 'updates'"]


# -- "I'd rather not answer" -------------------------------------------------------------------


def test_rather_not_answer_is_always_allowed_counted_and_never_scored(q):
    assert all(is_answer_choice(RATHER_NOT, q, x.id) for x in q.questions())
    r = score(q, answered(q, c1=RATHER_NOT, w1="doing-with", w2="sharing", p1="always"))
    assert r.rather_not == 1 and r.rather_not_questions == ("c1",)
    assert (r.known, r.unknown, r.not_applicable, r.not_answered, r.rather_not) == (3, 0, 0, 0, 1)
    assert r.known + r.unknown + r.not_applicable + r.not_answered + r.rather_not == r.total
    assert r.care is None  # nothing known about care, and "rather not" is not a zero
    d1 = r.domains[0]
    assert (d1.known, d1.rather_not, d1.not_answered) == (1, 1, 0) and d1.score == 100
    assert r.completeness == 1.0


def test_rather_not_answer_is_never_an_action_or_a_find_out(q):
    a = answered(q, c1=RATHER_NOT, w1=RATHER_NOT, w2="doing-to", p1=RATHER_NOT)
    actions = derive_actions(q, a)
    assert [x.question_id for x in actions] == ["w2"]


def test_a_critical_question_left_as_rather_not_holds_the_stage_like_a_blank(q):
    r = score(q, answered(q, c1="reliable", w1=RATHER_NOT, w2="doing-with", p1="always"))
    assert r.stage_before_caps.id == "s2"
    [cap] = r.caps
    assert cap.question_id == "w1" and cap.unanswered and cap.rather_not and cap.binding and cap.unknown
    assert r.stage.id == "s1" and cap.answer == "Not answered"
    blank = score(q, answered(q, c1="reliable", w2="doing-with", p1="always"))
    assert blank.stage == r.stage


def test_rather_not_answer_cannot_be_used_to_escape_coverage(q):
    """Leaving the low answers as "rather not" must not flatter: the with axis needs half its
    questions answered with a level, and "rather not" does not count as one."""
    more = TEXT.replace(
        "      - id: w2\n",
        "      - id: w3\n        prompt: Third?\n        why: It matters.\n"
        "        orientation: with\n        scale: ladder\n        themes: [purpose]\n"
        "        levels: {doing-to: a., asking: b., sharing: c., doing-with: d.}\n"
        "        actions:\n"
        "          doing-to: {title: A, why: B., how: C., owner: D, timescale: now}\n"
        "          asking: {title: A, why: B., how: C., owner: D, timescale: now}\n"
        "          sharing: {title: A, why: B., how: C., owner: D, timescale: now}\n"
        "      - id: w2\n",
    )
    q3 = parse_questionnaire(more)
    r = score(q3, answered(q3, c1="reliable", w1="doing-with", w2=RATHER_NOT, w3=RATHER_NOT, p1="always"))
    assert r.axes["with"].too_few and r.with_ is None and r.stage is None


def test_in_a_group_rather_not_is_shown_as_a_count_and_never_names_anyone(q):
    g = Assessment(q.id, q.version)
    for i, choice in enumerate(["doing-with", RATHER_NOT, RATHER_NOT, RATHER_NOT]):
        answers = {"w1": Answer(choice), "w2": Answer("sharing"), "c1": Answer("reliable"), "p1": Answer("always")}
        g.responses.append(Response(f"r{i}", Participant("staff", "no"), answers))
    found = spread(q, g, "w1")
    assert found.suppressed and found.counts == {}  # one level among four: nobody's own level shows
    assert found.group_choice is None  # the group has no answer: it holds as not answered
    r = evaluate(q, g)
    w1 = [c for c in r.caps if c.question_id == "w1" and not c.source]
    assert w1 and w1[0].unanswered and not w1[0].rather_not
    everyone = Assessment(q.id, q.version)
    for i in range(3):
        everyone.responses.append(Response(f"r{i}", Participant("staff", "no"), {"w1": Answer(RATHER_NOT)}))
    assert spread(q, everyone, "w1").counts == {RATHER_NOT: 3}


# -- parity ------------------------------------------------------------------------------------


def test_parity_is_scored_apart_and_takes_no_part_in_the_place_or_the_stage(q):
    high = answered(q, c1="reliable", w1="doing-with", w2="doing-with", p1="never")
    low = answered(q, c1="reliable", w1="doing-with", w2="doing-with", p1="always")
    a, b = score(q, high), score(q, low)
    assert a.parity == 0 and b.parity == 100
    assert a.bands["parity"].id == "unequal" and b.bands["parity"].id == "equal"
    assert (a.quadrant, a.stage, a.care, a.with_) == (b.quadrant, b.stage, b.care, b.with_)
    assert a.domains[1].axes["parity"].score == 0


def test_parity_moves_the_stage_only_where_a_stage_requires_it(q):
    text = TEXT.replace(
        "  - {id: s2, title: Stage 2, from: 60, description: Sharing.}",
        "  - id: s2\n    title: Stage 2\n    from: 60\n    description: Sharing.\n"
        "    requires:\n      - {axis: parity, from: 50, reason: Stigma is not yet challenged.}",
    )
    qp = parse_questionnaire(text)
    r = score(qp, answered(qp, c1="reliable", w1="doing-with", w2="doing-with", p1="never"))
    assert r.stage.id == "s1" and r.holds[0].what == "parity"


def test_parity_follows_the_axis_rules_dont_know_never_zero(q):
    r = score(q, answered(q, c1="reliable", w1="doing-with", w2="doing-with", p1="dont-know"))
    assert r.parity is None and r.axes["parity"].unknown == 1


def test_a_questionnaire_without_parity_has_no_parity_axis():
    from tests.tiny import tiny

    t = tiny()
    r = score(t, Assessment.new(t))
    assert set(r.axes) == {"care", "with"} and "parity" not in r.bands and r.parity is None


# -- words ---------------------------------------------------------------------------------------


def test_the_words_give_parity_its_own_line_and_count_rather_not(q):
    from coprod_check.domain import headline as h
    from coprod_check.domain.scoring import result_to_dict

    r = score(q, answered(q, c1=RATHER_NOT, w1="doing-with", w2="sharing", p1="sometimes"))
    assert h.facets(r) == ("care", "with", "parity")
    assert h.axis_sentence(r, "parity") == (
        "Parity (stigma and parity of esteem): 50 of 100, Equal. It is reported on its own, beside care and with."
    )
    assert h.axis_brief(r, "parity") == "Parity: 50 of 100, equal"
    assert h.counts_sentence(r) == (
        "Of 4 questions: 3 answered with a level, 0 \u201cdon\u2019t know\u201d, 0 not applicable, "
        "1 \u201cI\u2019d rather not answer\u201d and 0 not answered yet."
    )
    assert h.domain_counts(r.domains[0]) == "1 of 2 with a level, 1 \u201crather not answer\u201d"
    data = result_to_dict(r)
    assert data["parity"] == 50.0 and data["axes"]["parity"]["score"] == 50.0
    assert data["counts"]["rather_not_answer"] == 1 and data["rather_not_answer_questions"] == ["c1"]
    held = score(q, answered(q, c1="reliable", w1=RATHER_NOT, w2="doing-with", p1="always"))
    words = h.held_items(q, answered(q), held)[0].text
    assert "was left as \u201cI\u2019d rather not answer\u201d, which is always fine" in words
    assert "Stage 1" in words


def test_a_result_without_parity_words_as_before():
    from coprod_check.domain import headline as h
    from coprod_check.domain.scoring import result_to_dict
    from tests.tiny import tiny

    t = tiny()
    r = score(t, Assessment.new(t))
    assert h.facets(r) == ("care", "with") and "parity" not in result_to_dict(r)
    assert "rather not" not in h.counts_sentence(r)
