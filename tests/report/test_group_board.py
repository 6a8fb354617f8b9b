"""A group's printed plan: "don't know" answers, the lived-experience gap with its size,
quadrant words that agree with the stage, and the widest disagreements first (by hand)."""

from __future__ import annotations

import re

import pytest

from coprod_check.domain.questionnaire import DONT_KNOW
from coprod_check.report import render_pdf
from coprod_check.report.model import prepare
from tests.report.pdf import TODAY, Pdf, example, flat
from tests.report.voices import builtin, group_of, response, shown_group, small_lived_group


def board(pdf: Pdf) -> str:
    """The board paper's text: every page before the appendix."""
    appendix = next(page for title, level, page in pdf.outline() if title == "Appendix" and level == 0)
    return flat("\n".join([pdf.pages[0], *(pdf.body(i) for i in range(1, appendix))]))


def test_individual_dont_knows_are_reported_on_the_board_even_when_the_group_has_a_level():
    # Six people answer "asking" everywhere; P0 and P1 did not know on the agenda, P2 on timing.
    # Four or five people still gave a level on each, so the group has a level on both.
    people = [
        response(0, "manager", "no", {"power-agenda": DONT_KNOW}),
        response(1, "manager", "no", {"power-agenda": DONT_KNOW}),
        response(2, "staff", "no", {"power-timing": DONT_KNOW}),
        *(response(i, "lived-experience-colleague", "yes", {}) for i in (3, 4, 5)),
    ]
    pdf = Pdf(render_pdf(builtin(), group_of(people), today=TODAY))
    text = board(pdf)
    assert "Nobody answered \u201cdon\u2019t know\u201d" not in text
    agenda = flat(builtin().question("power-agenda").prompt)[:40]
    assert (
        "People gave 3 \u201cdon\u2019t know\u201d answers of their own, on 2 questions. The most "
        f"\u201cdon\u2019t know\u201d answers were to: \u201c{agenda}"
    ) in text  # 2 of 6, then 1 of 6
    assert "so none became a find-out action, but it is worth asking why some did not know" in text


def test_a_question_too_few_gave_a_level_on_is_the_groups_dont_know_and_a_find_out_action():
    # Three people: on the critical "timing" question one says "doing to", two do not know.
    # Everything else "sharing", so the with score alone would reach Sharing power.
    people = [
        response(0, "manager", "no", {"power-timing": "doing-to"}, default="sharing"),
        response(1, "manager", "no", {"power-timing": DONT_KNOW}, default="sharing"),
        response(2, "lived-experience-colleague", "yes", {"power-timing": DONT_KNOW}, default="sharing"),
    ]
    group = group_of(people)
    report = prepare(builtin(), group, today=TODAY)
    assert report.assessment.answer("power-timing").choice == DONT_KNOW  # not the one person's "doing to"
    assert report.result.unknown == 1
    assert [a.id for a in report.plan if a.kind == "find-out"] == ["find-out:power-timing"]
    assert report.groups["critical"][0].id == "find-out:power-timing"
    text = board(Pdf(render_pdf(builtin(), group, today=TODAY)))
    assert "0 \u201cdon\u2019t know\u201d" not in text
    assert (
        "People gave 2 \u201cdon\u2019t know\u201d answers of their own, on 1 question. 1 question has "
        "\u201cdon\u2019t know\u201d as the group\u2019s answer, because fewer than 3 people gave a level, "
        "in Power and decisions, those most people did not know first: \u201cWhen do people"
    ) in text
    # The critical "don't know" is a question to answer, not a fact about the organisation.
    assert "Not enough people knew the answer to \u201cWhen do people with lived experience" in text
    assert "until someone finds out, the stage can rise no higher than \u201cInvolving\u201d." in text
    assert "(Answered \u201cDon't know\u201d" not in text and "join after decisions are made" not in text
    cover = flat(Pdf(render_pdf(builtin(), group, today=TODAY)).pages[0])
    assert "1 \u201cdon\u2019t know\u201d" in cover


def test_a_single_assessments_dont_know_cap_says_nobody_knew():
    a = example()
    a.answers["staff-risk-policies"].choice = DONT_KNOW
    text = board(Pdf(render_pdf(builtin(), a, today=TODAY)))
    # The question may be cut to fit the page; the sentence keeps its point.
    assert re.search(
        "Nobody knew the answer to \u201cA professional here has a mental health history"  # hyphens left out below
        "[^\u201d]*\u201d; until someone finds out, the stage can rise no higher than "
        "\u201cListening\u201d\\.",
        text.kept.replace("-", ""),  # hyphens out: a word may break at one of its own or at one the paper added
    )
    assert "A mental health history alone leads to fitness-to-practise concerns" not in text


def test_a_disagreement_counts_levels_apart_from_dont_know():
    # Agenda: doing to, doing to, sharing, doing with, doing with; P5 does not know.
    levels = ["doing-to", "doing-to", "sharing", "doing-with", "doing-with", DONT_KNOW]
    people = [
        response(
            i, "manager" if i < 3 else "lived-experience-colleague", "no" if i < 3 else "yes", {"power-agenda": level}
        )
        for i, level in enumerate(levels)
    ]
    pdf = Pdf(render_pdf(builtin(), group_of(people), today=TODAY))
    section = pdf.between("Questions we answered differently", "The action plan")
    assert (
        "5 people gave a level, from \u201cDoing to\u201d to \u201cDoing with / led by\u201d: four "
        "levels apart; 1 did not know."
    ) in section
    assert "6 people gave a level" not in pdf.flat


def test_the_quadrant_never_uses_a_stage_name_and_keeps_its_id():
    q = builtin()
    stages = {s.title for s in q.stages}
    assert not stages & {x.title for x in q.places}
    assert q.place("support-in-place", "sharing-decisions").id == "working-with"
    assert q.place("little-support", "sharing-decisions").id == "involving-without-support"


def test_a_held_stage_is_not_told_to_keep_it_going():
    # Everyone "doing with" (100) except "doing to" on timing, a critical question: care 100 and with
    # above 75, so support in place and decisions shared, but the stage is held at Involving.
    people = [response(i, "manager", "no", {"power-timing": "doing-to"}, default="doing-with") for i in range(3)]
    report = prepare(builtin(), group_of(people), today=TODAY)
    # The place is held to the band where the stage is held: no partnership at "Involving".
    assert report.result.quadrant.id == "caring-and-consulting" and report.result.stage.title == "Involving"
    assert report.result.unheld_place.id == "working-with"
    text = board(Pdf(render_pdf(builtin(), group_of(people), today=TODAY)))
    assert "Keep it going" not in text
    assert ("Where this puts you: Caring for and consulting.") in text
    assert (
        "The scores alone would say \u201cSupported partnership\u201d, but critical answers keep the stage "
        "at \u201cInvolving\u201d"
    ) in text
    unheld = board(
        Pdf(
            render_pdf(
                builtin(),
                group_of([response(i, "manager", "no", {}, default="sharing") for i in range(3)]),
                today=TODAY,
            )
        )
    )
    assert (
        "Supported partnership. People with lived experience share decisions and are supported to do it. Keep it going"
    ) in unheld


def test_the_board_gives_the_size_of_the_lived_experience_gap():
    # mixed_group: power 28.1 with lived experience, 71.9 without (worked in tests/report/voices.py).
    text = board(Pdf(render_pdf(builtin(), shown_group(), today=TODAY)))
    assert "With and without lived experience. With lived experience (3 people): " in text
    assert (
        "Scores are 44 points lower among people with lived experience in Power and decisions (28, "
        "against 72 among people without)."
    ) in text


def test_the_gap_size_stays_hidden_when_a_group_is_too_small():
    text = board(Pdf(render_pdf(builtin(), small_lived_group(), today=TODAY)))
    assert "points lower" not in text and "points higher" not in text
    assert "With lived experience (" not in text
    assert "cannot be shown apart without identifying someone" in text


@pytest.fixture(scope="module")
def wide() -> Pdf:
    # Three people at the bottom, middle and top of every scale ("doing to", "asking" and "doing with"
    # on the ladder; "missing", "patchy" and "fits each person" on support; "never", "sometimes" and
    # "always" on frequency): all 68 questions four levels apart.
    people = [
        response(0, "manager", "no", {}, default="doing-to"),
        response(1, "manager", "no", {}, default="asking"),
        response(2, "lived-experience-colleague", "yes", {}, default="doing-with"),
    ]
    return Pdf(render_pdf(builtin(), group_of(people), today=TODAY))


def test_the_gap_comes_first_and_only_the_widest_eight_get_charts(wide):
    assert wide.page_of("With and without lived experience") <= wide.page_of("Questions we answered differently")
    section = wide.between("Questions we answered differently", "The action plan")
    assert section.count("people gave a level") == 8
    assert "68 questions had answers so far apart: the eight widest are shown as charts" in section
    assert "The other 60 questions with answers this far apart, widest first" in section
    # Ties in questionnaire order: the ninth question is the first row of the table.
    ninth = flat(list(builtin().questions())[8].prompt)[:40]
    assert f"Level Group\u2019s level {ninth}" in section.replace("Levels apart", "Level")
    rest = list(builtin().questions())[8:]
    assert section.count("Doing to \u2013 Doing with / led by four Asking (median)") == sum(
        x.scale == "ladder" for x in rest
    )
    support = sum(x.scale == "support" for x in rest)
    frequency = sum(x.scale == "frequency" for x in rest)
    assert section.count("Missing \u2013 Fits each person four Patchy (median)") == support
    assert section.count("Never \u2013 Always four Sometimes (median)") == frequency


def test_the_printed_detail_says_not_enough_knew_rather_than_nobody():
    from tests.domain.test_group import group

    q, g, _ = group(min_group_size=4)  # q2: three gave a level, one did not know
    detail = Pdf(render_pdf(q, g, today=TODAY)).between("The detail behind every answer")
    assert "Answer: don’t know. Not enough of the people taking part knew. This is now a find-out action." in detail
    assert "Nobody taking part knew" not in detail
