"""The `score` command's words for a critical "don't know": a question to answer, as on the PDF."""

from __future__ import annotations

from coprod_check.domain.group import group_view
from coprod_check.domain.questionnaire import DONT_KNOW
from coprod_check.domain.scoring import score
from coprod_check.domain.update import check_update
from coprod_check.summary import render_summary
from tests.report.pdf import example
from tests.report.voices import builtin, group_of, response


def summary(assessment) -> str:
    q = builtin()
    return render_summary(q, assessment, score(q, group_view(q, assessment)), check_update(q, assessment))


def test_a_single_assessments_dont_know_cap_says_nobody_knew():
    a = example()
    a.answers["staff-risk-policies"].choice = DONT_KNOW
    text = summary(a)
    assert ("  - Nobody knew the answer to \u201cDo HR, occupational health and fitness-to-practise policies "
            "treat a mental health history as a risk in itself?\u201d; until someone finds out, the stage "
            "can rise no higher than Listening.") in text.splitlines()
    assert "Don't know" not in text and "treated as a risk, so people cannot safely" not in text
    assert "don\u2019t know (" in text


def test_a_groups_dont_know_cap_says_not_enough_people_knew():
    people = [response(0, "manager", "no", {"power-timing": "doing-to"}),
              response(1, "manager", "no", {"power-timing": DONT_KNOW}),
              response(2, "lived-experience-colleague", "yes", {"power-timing": DONT_KNOW})]
    text = summary(group_of(people))
    assert "Not enough people knew the answer to \u201cAt what point do people" in text
    assert "until someone finds out, the stage is held at Listening." in text
    assert "(Don't know)" not in text and "join after decisions are made" not in text


def test_a_level_that_caps_the_stage_keeps_its_reason():
    a = example()
    a.answers["staff-risk-policies"].choice = "doing-to"
    text = summary(a)
    assert "  - staff-risk-policies (Doing to) caps the stage at Listening: " in text
