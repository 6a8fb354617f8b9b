"""Several voices in the printed plan: who took part, where we see it differently, and the
small-number rule, read back from the PDF text. Figures are worked out in tests/report/voices.py."""

import re

import pytest

from coprod_check.domain.assessment import Participant
from coprod_check.report import render_pdf
from tests.report.pdf import TODAY, Pdf, example, flat
from tests.report.voices import (
    POWER,
    REASON,
    builtin,
    mixed_group,
    nobody_lived_group,
    shown_group,
    small_lived_group,
)

WARNING = "An assessment of co-production made without anyone with lived experience is itself a finding"
NOT_SHOWN = "Not shown: fewer than 3 people in a group"


def board(pdf: Pdf) -> str:
    """The board paper's text: every page before the appendix."""
    appendix = next(page for title, level, page in pdf.outline() if title == "Appendix" and level == 0)
    return flat("\n".join(pdf.pages[:appendix]))


@pytest.fixture(scope="module")
def mixed():
    return Pdf(render_pdf(builtin(), mixed_group(), today=TODAY))


@pytest.fixture(scope="module")
def shown():
    return Pdf(render_pdf(builtin(), shown_group(), today=TODAY))


@pytest.fixture(scope="module")
def small():
    return Pdf(render_pdf(builtin(), small_lived_group(), today=TODAY))


def test_the_new_sections_come_after_results_and_before_the_plan_with_bookmarks(mixed):
    order = [
        "Results by domain",
        "Who took part",
        "Where we see it differently",
        "The action plan",
        "The detail behind every answer",
    ]
    pages = [mixed.page_of(title) for title in order]
    assert pages == sorted(pages)
    outline = mixed.outline()
    top = [title for title, level, _ in outline if level == 0]
    assert top == ["Co-production readiness: board paper", "Appendix"]
    under = [title for title, level, _ in outline if level == 1]
    assert (
        under[-7:]
        == [
            "Who took part",
            "Where we see it differently",
            "The action plan",
            "The detail behind every answer",
            "How this was worked out",
            "Sign-off",
        ][-7:]
        or under
    )
    assert [x for x in under if x in order] == order
    nested = [title for title, level, _ in outline if level == 2]
    assert "Questions we answered differently" in nested and "With and without lived experience" in nested
    marks = {title: page for title, level, page in outline}
    assert marks["Who took part"] == mixed.page_of("Who took part")
    assert marks["Where we see it differently"] == mixed.page_of("Where we see it differently")


def test_who_took_part_counts_by_role_and_lived_experience_small_counts_hidden(mixed):
    section = mixed.between("Who took part", "Where we see it differently")
    assert "7 people answered the questionnaire on their own" in section
    # Roles in the questionnaire's order of perspectives. The one partner is hidden, and with it the
    # smallest count shown (3 colleagues, first by name), so neither can be worked out from the total.
    assert (
        "Role People Colleague with lived experience not shown Manager or team lead 3 "
        "Partner with lived experience not shown"
    ) in section
    assert (
        "Lived experience People With lived experience of mental health difficulties 3 "
        "Without lived experience not shown Preferred not to say not shown"
    ) in section
    assert "the number is not shown, and neither is the next smallest, so that it cannot be worked out" in section
    assert WARNING not in mixed.flat
    cover = board(mixed)
    assert (
        "7 people, answering on their own, their answers combined by role: Colleague with lived experience "
        "not shown by role: Manager or team lead 3 by role: Partner with lived experience not shown"
    ) in cover
    assert (
        "with lived experience of mental health difficulties 3 without lived experience not shown "
        "preferred not to say not shown" in cover
    )


def test_disagreements_widest_first_with_distribution_median_and_agreed_level(mixed):
    section = mixed.between("Questions we answered differently", "The action plan")
    q = builtin()
    prompts = [
        flat(q.question(qid).prompt) for qid in ("power-agenda", "power-support", "power-timing", "power-disagreement")
    ]
    positions = [section.index(x) for x in prompts]
    assert positions == sorted(positions)  # spreads 4, 3, 2, 2 (then three more 2s); ties in questionnaire order
    agenda, support, timing, disagreement = (
        section[a:b] for a, b in zip(positions, [*positions[1:], len(section)], strict=True)
    )
    # Agenda: doing to P1 P3, doing for P5, asking P6, sharing P2, doing with P0 P4;
    # the lower median of 0 0 1 2 3 4 4 is the fourth: asking.
    assert (
        "7 people gave a level, from “Doing to” to “Doing with / led by”: four levels apart. "
        "Doing to 2 people Doing for 1 person Asking 1 person median Sharing 1 person "
        "Doing with / led by 2 people Median: Asking. Not agreed yet"
    ) in agenda
    # Support, a care question on the support scale: hard to get P3 P4 P5, reliable P0 P1 P2,
    # fits each person P6: median 1 1 1 3 3 3 4 -> reliable.
    assert (
        "from “Hard to get” to “Fits each person”: three levels apart. Missing 0 people "
        "Hard to get 3 people Patchy 0 people Reliable 3 people median Fits each person 1 person "
        "Median: Reliable."
    ) in support
    assert (
        "Doing for 3 people agreed Asking 1 person median Sharing 3 people" in timing
        and "Median: Asking. Agreed by the group: Doing for." in timing
    )
    assert f"Why the group agreed this level: {REASON}" in timing  # escaped, printed literally
    assert (
        f"Answer: Doing for. {flat(q.question('power-timing').levels['doing-for'])} Agreed by the group: "
        f"{REASON}" in mixed.between("The detail behind every answer", "How this was worked out")
    )
    assert "two levels apart" in disagreement and "Not agreed yet" in disagreement
    assert all(flat(q.question(qid).prompt) in section for qid in POWER)  # the other power questions: 2 apart
    others = [x for x in q.questions() if x.id not in POWER]
    assert not any(flat(x.prompt) in section for x in others)  # everyone agreed on the rest


def test_one_person_who_preferred_not_to_say_keeps_both_sides_hidden(mixed):
    # Three with, three without and one who preferred not to say: the two sides' figures beside
    # the whole group's would give that one person's answers away, so neither side is shown.
    section = mixed.between("With and without lived experience", "Questions we answered differently")
    assert "points lower" not in section and "(3 people)" not in section
    assert "cannot be shown apart without identifying someone" in board(mixed)


def test_lived_experience_gaps_largest_first_by_hand(shown):
    section = shown.between("With and without lived experience", "Questions we answered differently")
    assert "Lived experience 28 Without 72" in section  # the chart, fixed 0 to 100, labelled
    assert "0 25 50 75 100" in section
    # Power: with lived experience (20.3 + 39.1 + 25) / 3 = 28.1; without (79.7 + 60.9 + 75) / 3 = 71.9.
    assert "Power and decisions 28 (3 people) 72 (3 people) 44 points lower" in section
    rows = re.findall(r"(\w[\w ,-]+?) 50 \(3 people\) 50 \(3 people\) the same", section)
    assert len(rows) == 10
    assert section.index("44 points lower") < section.index("the same")
    assert NOT_SHOWN not in section


def test_the_board_paper_gives_the_gap_with_its_size_and_stays_four_pages(shown):
    text = board(shown)
    assert "People who took part 6 people, answering on their own" in text
    assert "44 points lower among people with lived experience in Power and decisions (28, against 72" in text
    assert next(p for t, level, p in shown.outline() if t == "Appendix" and level == 0) <= 4


def test_individual_answers_notes_and_names_are_never_printed(mixed):
    assert "individual note" not in mixed.flat and "only I should see this" not in mixed.flat
    assert "Person 0" not in mixed.flat
    method = mixed.between("How this was worked out", "Sign-off")
    assert "the lower of the two middle levels" in method and "fewer than 3 people" in method


def test_small_groups_are_never_shown_anywhere_in_the_pdf(small):
    # Two people with lived experience: their average on "Power and decisions" is 87.5,
    # 37.5 above everyone else's 50. Neither figure, however rounded, may appear.
    # (A count of actions in brackets, "Builds partnership (38)", is not a figure about anyone.)
    leaks = re.compile(r"(?<!\()\b(87(\.5)?|88|37(\.5)?|38)\b(?!\))")
    # Page numbers ("Page 37 of 38") are not figures about anyone: left out of the search.
    text = re.sub(r"Page \d+ of \s*\d+", " ", small.text)
    assert not leaks.findall(text)
    section = small.between("Who took part", "Where we see it differently")
    assert (
        "Colleague with lived experience not shown Manager or team lead 3 Staff member not shown "
        "Partner with lived experience not shown"
    ) in section
    assert (
        "With lived experience of mental health difficulties not shown Without lived experience 3 "
        "Preferred not to say not shown"
    ) in section
    # The only figures in "Who took part" are the total and the groups large enough to show.
    assert set(re.findall(r"\d+", section)) == {"6", "3"}
    gaps = small.between("With and without lived experience", "Questions we answered differently")
    assert f"{NOT_SHOWN}." in gaps and "people" not in gaps.split(NOT_SHOWN)[1].split(".")[0]
    assert "Lived experience 50" not in gaps and "(2 people)" not in small.flat
    assert "with lived experience of mental health difficulties not shown" in board(small)
    for count in ("1", "2"):  # the small groups' sizes, next to any group's name
        assert not re.search(rf"\b{count} (with|without) lived experience", small.flat)
        assert not re.search(
            rf"(Colleague with lived experience|Partner with lived experience|Staff "
            rf"member|Preferred not to say):? {count}\b",
            small.flat,
        )


def test_the_same_group_with_a_smaller_threshold_would_show_those_figures():
    # The control for the test above: the figures it looks for are the ones that would leak.
    group = small_lived_group(min_group_size=2)  # and nobody who preferred not to say
    group.responses = [r for r in group.responses if r.participant.lived_experience != "prefer-not-to-say"]
    pdf = Pdf(render_pdf(builtin(), group, today=TODAY))
    gaps = pdf.between("With and without lived experience", "Questions we answered differently")
    assert "Power and decisions 88 (2 people) 50 (3 people) 38 points higher" in gaps
    # The 2 people with lived experience are now a big enough group for their gap to print; their
    # count itself stays hidden beside the 1 who preferred not to say, against subtraction.
    assert "Without lived experience 3" in pdf.flat


@pytest.mark.parametrize("who", ["group", "together"])
def test_a_plain_kind_warning_when_nobody_with_lived_experience_took_part(who):
    if who == "group":
        a = nobody_lived_group()
    else:
        a = example()
        a.participants = [Participant("manager", "no"), Participant("staff", "no")]
    pdf = Pdf(render_pdf(builtin(), a, today=TODAY))
    section = pdf.between("Who took part", "Where we see it differently" if who == "group" else "The action plan")
    assert "Nobody who took part said they have lived experience of mental health difficulties." in section
    assert WARNING in section
    assert "With lived experience of mental health difficulties none" in section
    assert ("Preferring not to say is everyone’s right" in section) == (who == "group")
    assert "Nobody who took part said they had lived experience" in flat(pdf.pages[0])  # the cover too
    if who == "group":
        rest = pdf.between("Where we see it differently", "The action plan")
        assert "No question had answers two or more levels apart" in rest
        assert "Nobody with lived experience took part, so there is nothing to compare" in rest


def test_a_single_assessment_has_who_took_part_but_no_differences():
    pdf = Pdf(render_pdf(builtin(), example(), today=TODAY))
    section = pdf.between("Who took part", "The action plan")
    assert "4 people answered the questionnaire together." in section
    assert (
        "Colleague with lived experience 1 Manager or team lead 1 Staff member 1 Partner with lived "
        "experience 1" in section
    )
    assert "not shown" not in pdf.flat  # answered together: nothing is hidden
    assert "Where we see it differently" not in pdf.text and "Since last time" not in pdf.text


def test_a_group_too_small_to_compare_says_so_and_shows_no_spread():
    group = small_lived_group()
    group.min_group_size = 7
    pdf = Pdf(render_pdf(builtin(), group, today=TODAY))
    rest = pdf.between("Where we see it differently", "The action plan")
    assert "Fewer than 7 people took part, so how their answers differ is not shown" in rest
    assert "Median" not in rest and "With and without lived experience" not in rest


def test_a_group_renders_the_same_bytes_twice(mixed):
    assert render_pdf(builtin(), mixed_group(), today=TODAY) == mixed.data
