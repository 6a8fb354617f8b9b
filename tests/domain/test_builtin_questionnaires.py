"""Every shipped questionnaire: valid, complete, kind, plain, and stable."""

import re

import pytest

from coprod_check.app import resources
from coprod_check.domain.loader import load_questionnaire_file

SHIPPED = resources.builtin_questionnaires()

# Answers and plan edits are stored by these ids. Renaming one orphans people's
# answers, so within a major version the list may only grow. Version 2 keeps every
# version 1 id but one (staff-support-design, listed as removed by the update).
READINESS_V1_IDS = [
    "power-agenda",
    "power-timing",
    "power-disagreement",
    "power-support",
    "expertise-parity",
    "expertise-roles",
    "expertise-supervision",
    "expertise-language",
    "expertise-own-experience",
    "staff-disclosure",
    "staff-risk-policies",
    "staff-adjustments",
    "staff-disparities",
    "staff-support-design",
    "leadership-sponsor",
    "leadership-senior-roles",
    "leadership-board",
    "leadership-openness",
    "leadership-development",
    "network-resources",
    "network-rest",
    "network-challenges",
    "network-policy-writing",
    "network-agenda",
    "payment-paid",
    "payment-practical",
    "payment-credit",
    "payment-budget",
    "payment-development",
    "inclusion-reach",
    "inclusion-voices",
    "inclusion-outreach",
    "inclusion-access",
    "inclusion-support",
    "sustainability-pace",
    "sustainability-say-no",
    "sustainability-few",
    "sustainability-debrief",
    "sustainability-wellbeing",
    "learning-measures",
    "learning-feedback",
    "learning-evaluation",
    "learning-support",
    "learning-accountability",
]

READINESS_V2_IDS = [
    "power-purpose",
    "power-agenda",
    "power-timing",
    "power-disagreement",
    "power-support",
    "power-therapy",
    "power-heard",
    "expertise-parity",
    "expertise-roles",
    "expertise-supervision",
    "expertise-language",
    "expertise-own-experience",
    "expertise-peer-role",
    "staff-disclosure",
    "staff-risk-policies",
    "staff-adjustments",
    "staff-disparities",
    "staff-recruitment",
    "staff-health-checks",
    "respect-harassment",
    "respect-support",
    "respect-scapegoating",
    "respect-progression",
    "respect-allyship",
    "respect-allies-work",
    "leadership-sponsor",
    "leadership-senior-roles",
    "leadership-board",
    "leadership-openness",
    "leadership-development",
    "leadership-training",
    "network-resources",
    "network-rest",
    "network-challenges",
    "network-policy-writing",
    "network-agenda",
    "network-joined-up",
    "network-shared-issues",
    "payment-paid",
    "payment-practical",
    "payment-credit",
    "payment-budget",
    "payment-development",
    "inclusion-reach",
    "inclusion-voices",
    "inclusion-outreach",
    "inclusion-access",
    "inclusion-support",
    "inclusion-carers",
    "inclusion-carers-support",
    "restrictive-reduction",
    "restrictive-peer-roles",
    "restrictive-debrief",
    "restrictive-review",
    "restrictive-advance-choices",
    "sustainability-pace",
    "sustainability-say-no",
    "sustainability-few",
    "sustainability-debrief",
    "sustainability-wellbeing",
    "learning-training",
    "learning-training-lead",
    "learning-principles",
    "learning-measures",
    "learning-feedback",
    "learning-evaluation",
    "learning-support",
    "learning-accountability",
]

STIGMATISING = re.compile(
    r"\b(sufferers?|suffering from|the mentally ill|mental patients?|lunatics?|crazy|nutters?|psychos?|"
    r"mad people|committed suicide|victims? of mental)\b",
    re.IGNORECASE,
)
US_SPELLING = re.compile(
    r"\b(organiz\w*|behavior\w*|colors?\b|center\w*|programs?\b|recogniz\w*|"
    r"prioritiz\w*|labor\b|favor\w*|honor\w*|analyz\w*)",
    re.IGNORECASE,
)


def all_text(q):
    yield q.title
    yield q.description
    yield q.support
    levels = [level for scale in q.scales.values() for level in scale]
    for item in (*levels, *q.perspectives, *q.stages, *q.themes, *q.glossary):
        yield from (x for x in item if isinstance(x, str))
    for d in q.domains:
        yield d.title
        yield d.description
        for question in d.questions:
            yield question.prompt
            yield question.why
            yield question.evidence
            yield question.content_note
            yield from question.levels.values()
            if question.critical:
                yield question.critical.reason
                yield from question.critical.reasons.values()
            if question.find_out:
                yield question.find_out
            for action in question.actions.values():
                yield from (action.title, action.why, action.how, action.owner)


def test_there_is_a_builtin_questionnaire():
    assert [p.name for p in SHIPPED] == ["coproduction-readiness.yaml"]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_questionnaire_invariants(path):
    q = load_questionnaire_file(path)
    assert q.language == "en-GB"
    assert 9 <= len(q.domains) <= 11
    assert 50 <= len(list(q.questions())) <= 70
    for d in q.domains:
        assert 4 <= len(d.questions) <= 8, d.id
        kinds = {x.orientation for x in d.questions}
        assert "care" in kinds and len(kinds) >= 2, f"{d.id} needs care and at least one other kind"
        for question in d.questions:
            assert question.id.startswith(d.id + "-")
            for sentence in question.levels.values():
                assert sentence.endswith((".", "?", "!")) and len(sentence.split()) >= 6, (question.id, sentence)
            scale = q.levels_for(question)
            assert len(set(question.levels.values())) == len(scale), f"{question.id}: levels must differ"
            assert len(question.actions) == len(scale) - 1
    for text in all_text(q):
        assert not STIGMATISING.search(text), text
        assert not US_SPELLING.search(text), text


def test_readiness_questionnaire_marks_the_conditions_where_coproduction_fails():
    q = load_questionnaire_file(resources.data_dir("questionnaires") / "coproduction-readiness.yaml")
    critical = {x.id for x in q.questions() if x.critical}
    # disclosure treated as a risk; nobody paid; no route for the network's challenges
    assert {"staff-risk-policies", "payment-paid", "network-challenges"} <= critical
    assert 3 <= len(critical) <= 8


def test_readiness_question_ids_are_stable():
    q = load_questionnaire_file(resources.data_dir("questionnaires") / "coproduction-readiness.yaml")
    ids = [x.id for x in q.questions()]
    assert q.major == 2
    missing = [x for x in READINESS_V2_IDS if x not in ids]
    assert not missing, f"ids renamed or removed without a new major version: {missing}"
    assert [x for x in READINESS_V1_IDS if x not in ids] == ["staff-support-design"]


def _syllables(word: str) -> int:
    groups = re.findall(r"[aeiouy]+", word.lower())
    n = len(groups)
    if word.lower().endswith("e") and n > 1 and not word.lower().endswith("le"):
        n -= 1
    return max(1, n)


def test_readiness_questionnaire_reads_plainly():
    # Flesch-Kincaid grade 9 is a reading age of about 14; the issue asks for 12 to 14.
    q = load_questionnaire_file(resources.data_dir("questionnaires") / "coproduction-readiness.yaml")
    text = " ".join(all_text(q))
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", text) if s.strip()]
    words = re.findall(r"[A-Za-z']+", text)
    per_sentence = len(words) / len(sentences)
    grade = 0.39 * per_sentence + 11.8 * sum(map(_syllables, words)) / len(words) - 15.59
    assert per_sentence <= 20, per_sentence
    assert grade <= 9.5, grade
