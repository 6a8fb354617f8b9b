"""The board page's content, worked out without laying out a page (tiny questionnaire)."""

from coprod_check.domain.assessment import (
    ActionEdit,
    Answer,
    Assessment,
    CustomAction,
    Participant,
)
from coprod_check.domain.questionnaire import DONT_KNOW
from coprod_check.report import findings
from coprod_check.report.model import lived_experience_counts, names, prepare, role_counts
from tests.report.pdf import TODAY
from tests.tiny import tiny


def report_of(answers, participants=(), **kw):
    q = tiny()
    a = Assessment.new(q, TODAY)
    a.answers = {k: Answer(v) for k, v in answers.items()}
    a.participants = list(participants)
    for key, value in kw.pop("edits", {}).items():
        a.plan.edits[key] = value
    for own in kw.pop("custom", []):
        a.plan.custom.append(own)
    return prepare(q, a, today=TODAY, **kw)


def test_priorities_are_every_critical_action_topped_up_to_three():
    r = report_of({"q1": "l0", "q2": "l0", "q4": "l1", "q5": "l2"})
    chosen = findings.priorities(r)
    assert [a.id for a in chosen][0] == "gap:q2"  # critical first
    assert len(chosen) == 3


def test_priorities_never_more_than_five_and_dropped_actions_left_out():
    own = [CustomAction(id=f"own:{i}", title=f"Own {i}") for i in range(9)]
    r = report_of({"q1": "l0"}, custom=own, edits={"gap:q1": ActionEdit(accepted=False)})
    chosen = findings.priorities(r)
    assert [a.title for a in chosen] == ["Own 0", "Own 1", "Own 2"]
    assert r.set_aside == 1


def test_decisions_follow_the_findings():
    people = [Participant("manager", "no")]
    r = report_of({"q1": DONT_KNOW, "q2": "l0", "q4": "l4", "q5": "l4"}, people)
    assert r.result.stage_before_caps.id == "s1" and r.result.stage.id == "s0"
    text = " ".join(findings.decisions(r))
    assert text.startswith("Agree this plan")
    assert "Make what holds the stage back the first priority (1 finding): it holds the organisation at" in text
    assert "good care is not yet partnership" in text  # care 50 is high, with 33 is not
    assert "find out what nobody knew (1 question)" in text
    assert "answer the 1 question still open" in text  # q3 unanswered
    assert "nobody who took part this time said they had it" in text
    assert findings.decisions(r)[-1].startswith("Set a date to review progress")


def test_working_with_and_nothing_to_do():
    top = {q: "l4" for q in ("q1", "q2", "q3", "q4", "q5")}
    r = report_of(top, [Participant("lived-experience-colleague", "yes")])
    assert r.result.quadrant.id == "working-with" and r.accepted == []
    decisions = findings.decisions(r)
    assert "keep hearing directly from people with lived experience" in decisions[0]
    assert len(decisions) == 2  # nothing to agree, find out or answer; only the review date


def test_nothing_answered_asks_for_answers_not_scores():
    r = report_of({})
    assert r.nothing_answered and r.result.stage is None
    assert findings.priorities(r) == []
    decisions = findings.decisions(r)
    assert any("answer the questionnaire together" in d for d in decisions)
    assert any("record who takes part" in d for d in decisions)
    assert [q.id for q in r.unanswered] == ["q1", "q2", "q3", "q4", "q5"]


def test_counts_by_role_and_lived_experience_names_only_when_asked():
    people = [
        Participant("manager", "no", "Sam"),
        Participant("lived-experience-colleague", "yes", "Gwen"),
        Participant("lived-experience-colleague", "prefer-not-to-say"),
    ]
    r = report_of({"q1": "l1"}, people)
    assert role_counts(r) == [("Manager", 1), ("Colleague with lived experience", 2)]
    assert lived_experience_counts(r) == [
        ("with lived experience of mental health difficulties", 1),
        ("without lived experience", 1),
        ("preferred not to say", 1),
    ]
    assert names(r) == []
    named = report_of({"q1": "l1"}, people, include_names=True)
    assert names(named) == [("Sam", "Manager"), ("Gwen", "Colleague with lived experience")]


def test_private_notes_only_when_asked():
    r = report_of({})
    secret, public = Answer("l1", note="secret", note_private=True), Answer("l1", note="public")
    assert r.note_of(secret) == "" and r.note_of(public) == "public"
    assert report_of({}, include_private=True).note_of(secret) == "secret"
