"""The `score` command's words for a critical "don't know": a question to answer, as on the PDF."""

from __future__ import annotations

from coprod_check.cli.assessments import render_summary
from coprod_check.domain.assessment import Answer
from coprod_check.domain.group import evaluate
from coprod_check.domain.questionnaire import DONT_KNOW
from coprod_check.domain.update import check_update
from tests.report.pdf import example
from tests.report.voices import builtin, group_of, response


def summary(assessment) -> str:
    q = builtin()
    return render_summary(q, assessment, evaluate(q, assessment), check_update(q, assessment))


def test_a_single_assessments_dont_know_cap_says_nobody_knew():
    a = example()
    a.answers["staff-risk-policies"].choice = DONT_KNOW
    text = summary(a)
    prompt = " ".join(builtin().question("staff-risk-policies").prompt.split())
    assert (
        f"  - Nobody knew the answer to \u201c{prompt}\u201d; until someone finds out, the stage "
        "can rise no higher than \u201cListening\u201d."
    ) in text.splitlines()
    assert "Don't know" not in text and "A mental health history alone leads to" not in text
    assert "2 \u201cdon\u2019t know\u201d" in text  # counted (the example has one already), never as a zero


def test_a_groups_dont_know_cap_says_not_enough_people_knew():
    people = [
        response(0, "manager", "no", {"power-timing": "doing-to"}, default="sharing"),
        response(1, "manager", "no", {"power-timing": DONT_KNOW}, default="sharing"),
        response(2, "lived-experience-colleague", "yes", {"power-timing": DONT_KNOW}, default="sharing"),
    ]
    text = summary(group_of(people))
    assert "Not enough people knew the answer to \u201cWhen do people with lived experience first join" in text
    assert "until someone finds out, the stage can rise no higher than \u201cInvolving\u201d." in text
    assert "(Don't know)" not in text and "join after decisions are made" not in text


def test_a_level_that_caps_the_stage_keeps_its_reason():
    a = example()
    a.answers["staff-risk-policies"].choice = "never"
    text = summary(a)
    prompt = " ".join(builtin().question("staff-risk-policies").prompt.split())
    assert (
        f"  - \u201c{prompt}\u201d Answered \u201cNever\u201d, below \u201cMostly\u201d. "
        "A mental health history alone leads to fitness-to-practise concerns"
    ) in text
    assert "staff-risk-policies" not in text  # a question is named by its text, never its id


def test_the_reason_printed_fits_the_answer_given():
    a = example()
    a.answers["staff-risk-policies"].choice = "sometimes"
    text = summary(a)
    assert "A mental health history alone leads to" not in text
    assert "Some managers raise fitness-to-practise concerns because of a mental health history alone" in text


def test_a_group_below_the_minimum_says_its_lived_experience_view_cannot_be_shown():
    people = [response(i, "manager", "no", {}, default="sharing") for i in range(3)]  # one in four
    people.append(response(9, "lived-experience-colleague", "yes", {"staff-risk-policies": "never"}, default="sharing"))
    text = summary(group_of(people))
    assert "cannot be shown apart without identifying someone" in text
    assert "Someone who took part rated this below \u201cMostly\u201d" in text
    assert "Readiness stage: Listening" in text


def test_the_count_in_the_sentence_matches_the_list_that_follows():
    import re

    a = example()
    for qid in ("power-timing", "power-disagreement", "payment-paid"):
        a.answers[qid].choice = "doing-to"
    for question in builtin().questions():  # with high enough that the caps hold the stage down
        if question.orientation == "with" and not question.critical:
            a.answers[question.id] = Answer("doing-with")
    lines = summary(a).splitlines()
    lead = next(i for i, line in enumerate(lines) if "alone would reach" in line)
    count = int(re.search(r"but (\d+) things? hold", lines[lead]).group(1))
    listed = 0
    for line in lines[lead + 1 :]:
        if not line.startswith("  - "):
            break
        listed += 1
    assert listed == count >= 3
