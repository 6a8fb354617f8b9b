"""Since last time in the printed plan: the comparison as a chart and a table, the stage
with every reason, and how last time's plan went. Figures are worked out in
tests/report/voices.py (previous_round, next_round)."""

import pytest

from coprod_check.domain.rounds import compare, snapshot
from coprod_check.report import render_pdf
from tests.report.pdf import TODAY, Pdf, flat
from tests.report.voices import REVIEWS, builtin, mixed_group, next_round, previous_round


@pytest.fixture(scope="module")
def plan():
    return Pdf(render_pdf(builtin(), next_round(), today=TODAY))


def board(pdf: Pdf) -> str:
    """The board paper's text: every page before the appendix."""
    return flat("\n".join(pdf.pages[: appendix_page(pdf)]))


def appendix_sections(pdf: Pdf) -> list[str]:
    """The appendix's sections, as bookmarked under "Appendix"."""
    outline = pdf.outline()
    start = next(i for i, (title, level, _) in enumerate(outline) if title == "Appendix" and level == 0)
    return [title for title, level, _ in outline[start + 1 :] if level == 1]


def appendix_page(pdf: Pdf) -> int:
    return next(page for title, level, page in pdf.outline() if title == "Appendix" and level == 0)


def test_since_last_time_opens_the_appendix_with_bookmarks(plan):
    assert appendix_page(plan) <= 4  # the board paper is still four pages at most
    assert plan.page_of("Since last time") >= appendix_page(plan)
    assert plan.page_of("Results by domain") >= plan.page_of("Since last time")
    outline = plan.outline()
    assert appendix_sections(plan)[:3] == ["Since last time", "Results by domain", "Every round"]
    nested = [title for title, level, _ in outline if level == 2]
    assert {"The stage, and why", "Change by domain", "How last time’s plan went"} <= set(nested)


def test_the_stage_change_with_every_reason(plan):
    section = plan.between("Since last time", "Results by domain")
    assert "compared with the last one, of 24 November 2025" in section
    assert "The stage has gone up three stages, from Listening to Working with." in section
    comparison = compare(builtin(), next_round().previous, next_round())
    assert len(comparison.reasons) == 4
    for reason in comparison.reasons:
        assert flat(reason) in section, reason
    # The reason given last time, fitting last time's answer ("doing for": brought in after decisions).
    assert "No longer holding the stage back: People with lived experience join after the main decisions" in section


def test_change_by_domain_as_a_chart_and_a_table_by_hand(plan):
    section = plan.between("Since last time", "Results by domain")
    assert "Last time (24 November 2025) Now (24 November 2026) 0 25 50 75 100" in section
    assert "Power and decisions Last time 25 Now 100" in section  # bars labelled, fixed scale
    assert "Payment, recognition and resources Last time 100 Now 75" in section
    assert "Domain Last time Now Change Power and decisions 25 100 +75" in section
    assert "Payment, recognition and resources 100 75 −25" in section
    assert section.count("100 100 no change") == 9
    # Overall: (25 + 10 * 100) / 11 = 93.2 -> 93; (75 + 10 * 100) / 11 = 97.7 -> 98.
    assert "All domains 93 98 +5" in section  # 97.7 - 93.2 = 4.5, rounded once
    # Care weighs 28 in all: power 2 ("hard to get", 25) then payment 3 ("reliable", 75):
    # (2*25 + 26*100)/28 = 94.6 -> 95 and (3*75 + 25*100)/28 = 97.3 -> 97, +2.7.
    # With weighs 91: power 12 at 25, then payment 6 at 75: 90.1 -> 90 and 98.4 -> 98, +8.2.
    assert "Care: support given 95 97 +3" in section and "With: work done with people 90 98 +8" in section


def test_how_last_times_plan_went_every_action_with_its_review(plan):
    section = plan.between("Since last time", "Results by domain")
    plan_part = section[section.index("How last time’s plan went") :]
    assert ("Of the 7 actions agreed last time: 1 done, 1 partly done and 1 dropped; 4 not reviewed yet.") in plan_part
    assert "Done Partly done Not done Dropped Not reviewed yet 1 1 0 1 4" in plan_part
    actions = next_round().previous.actions
    positions = [plan_part.index(flat(a.title)) for a in actions]
    assert positions == sorted(positions)  # in last time's plan order
    outcomes = ["Done", "Partly done", "Dropped"] + ["Not reviewed yet"] * 4
    for action, review, outcome, start, end in zip(
        actions, REVIEWS, outcomes, positions, [*positions[1:], len(plan_part)], strict=True
    ):
        row = plan_part[start:end]
        assert f"Owner: {flat(action.owner)}" in row and "last time: not started" in row
        assert outcome in row
        assert flat(review.note) in row  # escaped, printed literally
    assert "Agenda now set with the network & <b>partners</b>." in plan_part


def test_the_board_paper_sums_up_since_last_time(plan):
    text = board(plan)
    assert (
        "Since the last assessment. Compared with the assessment of 24 November 2025: the stage has gone up "
        "three stages, from Listening to Working with. With went from 90 to 98, care went from 95 "
        "to 97 and the overall score went from 93 to 98. Of the 7 actions agreed last time: 1 done, "
        "1 partly done and 1 dropped; 4 not reviewed yet."
    ) in text
    assert "Trend since earlier rounds" in text and "Round Stage With Care" in text


def test_a_first_assessment_has_no_since_last_time():
    pdf = Pdf(render_pdf(builtin(), previous_round(), today=TODAY))
    assert "Since last time" not in pdf.text and "Last time" not in pdf.text


def test_every_section_in_order_for_a_group_with_a_previous_round():
    q = builtin()
    group = mixed_group()
    group.previous = snapshot(q, previous_round())
    first = render_pdf(q, group, today=TODAY)
    pdf = Pdf(first)
    order = [
        "Since last time",
        "Results by domain",
        "Every round",
        "Who took part",
        "Where we see it differently",
        "The action plan",
        "The detail behind every answer",
        "How this was worked out",
        "Words used in the questions",
        "Sign-off",
    ]
    pages = [pdf.page_of(title) for title in order]
    assert pages == sorted(pages) and appendix_page(pdf) <= 4
    assert appendix_sections(pdf) == order
    assert "Last time’s plan had no actions to review." not in pdf.flat  # seven actions, none reviewed
    assert "Of the 7 actions agreed last time: none reviewed yet." in pdf.flat
    assert render_pdf(q, group, today=TODAY) == first  # still byte for byte the same
