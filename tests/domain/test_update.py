"""Questionnaire updates keep every answer and say what changed."""

from coprod_check.app import store
from coprod_check.domain.assessment import Answer, Assessment
from coprod_check.domain.loader import parse_questionnaire
from coprod_check.domain.scoring import score
from coprod_check.domain.update import adopt, check_update
from tests.tiny import TINY_YAML, tiny


def newer():
    text = (
        TINY_YAML.replace('version: "1.0"', 'version: "1.1"')
        .replace("- id: q5", "- id: q6")
        .replace("prompt: Question q1?", "prompt: Question one, reworded?")
    )
    return parse_questionnaire(text, "tiny-1.1.yaml")


def test_update_reports_added_removed_reworded_and_keeps_orphans():
    old = tiny()
    a = Assessment.new(old)
    a.answers = {"q1": Answer("l2"), "q5": Answer("l3", note="keep me"), "q4": Answer("l1")}
    new = newer()
    report = check_update(new, a)
    assert report.version_changed and not report.incompatible
    assert report.added == ("q6",)
    assert report.removed == ("q5",)
    assert report.reworded == ("q1",)
    assert report.orphaned_answers == ("q5",)
    text = "\n".join(report.lines())
    assert "version 1.0" in text and "q5" in text and "kept in the file" in text

    adopt(new, a)
    again = store.loads(store.dumps(a))
    assert again.answers["q5"].note == "keep me"  # never dropped
    assert again.questionnaire_version == "1.1"
    assert score(new, again).reached == 2  # q1 and q4 count; q5 is kept but not scored
    assert not check_update(new, again).reworded


def test_invalid_levels_are_kept_and_reported():
    q = tiny()
    a = Assessment.new(q)
    a.answers = {"q1": Answer("l9"), "q2": Answer("not-applicable")}
    report = check_update(q, a)
    assert report.invalid_answers == ("q1", "q2")
    assert not report.version_changed and report.anything


def test_major_version_change_is_flagged():
    a = Assessment.new(tiny())
    a.questionnaire_version = "0.9"
    assert check_update(tiny(), a).incompatible
