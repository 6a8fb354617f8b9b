"""The printed plan of the example assessment, read back as a reader (and pypdf) sees it."""

import re

import pytest

from coprod_check import __version__
from coprod_check.domain.plan import build_plan, group_plan
from coprod_check.report import render_pdf, write_pdf
from tests.report.pdf import TODAY, Pdf, example, flat, readiness

SECTIONS = [
    "For the board",
    "Results by domain",
    "Who took part",
    "The action plan",
    "Detail by domain",
    "How this was worked out",
    "Sign-off",
]
PRIVATE = "I think the network chair is close to burnout"
PUBLIC = "We invite people to the service improvement group, but the agenda is set before they see it."
HASH = "ab" * 32


@pytest.fixture(scope="module")
def plan():
    return Pdf(render_pdf(readiness(), example(), today=TODAY, assessment_sha256=HASH))


@pytest.fixture(scope="module")
def letter():
    return Pdf(
        render_pdf(readiness(), example(), paper="letter", include_private=True, include_names=True, today=TODAY)
    )


def test_sections_come_in_the_issues_order_each_on_a_new_page(plan):
    pages = [plan.page_of(title) for title in SECTIONS]
    assert pages == sorted(pages) and len(set(pages)) == len(pages)
    assert pages[0] == 1  # the cover, then the board page


def test_cover_facts(plan):
    cover = flat(plan.pages[0])
    for fact in [
        "Co-production action plan",
        "Northfield Community Mental Health Trust",
        "Adult community services, east locality",
        "24 November 2026",
        "Co-production readiness, version 2.0",
        "4 people, answering together",
        "Colleague with lived experience: 1; Manager or team lead: 1; Staff member: 1; "
        "Partner with lived experience: 1",
        "with lived experience of mental health difficulties: 2",
        "without lived experience: 1",
        "preferred not to say: 1",
        "Of 68 questions: 63 answered with a level, 1 \u201cdon\u2019t know\u201d, 1 not applicable and 3 "
        "not answered yet",
        f"coprod-check {__version__}",
    ]:
        assert fact in cover, fact
    assert "by role in" not in cover  # the counts themselves, not a pointer to them
    who = plan.section("Who took part", "The action plan")
    assert (
        "Colleague with lived experience 1 Manager or team lead 1 Staff member 1 Partner with lived experience 1"
    ) in who
    assert "Gwenllïan" not in plan.text and "Sam Okafor" not in plan.text  # names only when asked


@pytest.mark.parametrize("which", ["plan", "letter"])
def test_the_board_page_is_one_page_with_everything_the_board_needs(which, request):
    pdf = request.getfixturevalue(which)
    board = flat(pdf.pages[1])
    expected = [
        "For the board",
        "Readiness stage",
        "Starting out",
        "Care: 68 of 100, support in place",
        "With: 37 of 100, deciding for people (1 \u201cdon\u2019t know\u201d)",
        "Where this puts you: Caring for",
        "What holds the stage back",
        "Priorities",
        "Decisions asked of the board",
        "Agree this plan",
        "What “don’t know” answers revealed",
        "Who looks at staff figures by mental health",
    ]
    positions = [board.index(x) for x in expected]
    assert positions[6:10] == sorted(positions[6:10])
    assert pdf.page_of("Results by domain") == 2  # so the board page did not run over
    priorities = board[board.index("Priorities") : board.index("Decisions asked")]
    assert 3 <= len(re.findall(r"\b\d\. ", priorities)) <= 5


def test_results_by_domain_chart_and_table_on_a_fixed_scale(plan):
    results = plan.section("Results by domain", "The action plan")
    for domain in readiness().domains:
        assert results.count(flat(domain.title)) >= 2, domain.title  # in the chart and in the table
    assert "0 25 50 75 100" in results  # the scale is printed, not scaled to the largest bar
    # Power: support "patchy" (50); with (50*3 + 25*3 + 50*2 + 50*2 + 25*2) / 12 = 39.6.
    assert "Care 50 With 40" in results  # bars are labelled in words
    assert "All domains 44 68 37 63 of 68 1 1 3" in results  # "don't know" is not scored as a zero


def test_every_accepted_action_in_its_group_in_order(plan):
    section = plan.section("The action plan", "Detail by domain")
    groups = group_plan(build_plan(readiness(), example()))
    headings = ["Critical: do these first", "Next 3 months", "3 to 12 months", "Later"]
    starts = [section.index(f"{h} ({len(groups[g])})") for h, g in zip(headings, groups, strict=True)]
    assert starts == sorted(starts)
    position = 0
    for group, actions in groups.items():
        for action in actions:
            found = section.index(flat(action.title), position)
            assert found > starts[list(groups).index(group)]
            position = found
    assert section.count("Not started") == sum(len(g) for g in groups.values())
    assert "Still to answer (3)" in section


def test_detail_prints_level_sentences_public_notes_and_evidence_not_private_notes(plan):
    detail = plan.section("Detail by domain", "How this was worked out")
    assert PUBLIC in detail
    assert "Evidence: Minutes of the improvement group, March to October." in detail
    agenda = flat(readiness().question("power-agenda").levels["asking"])
    assert f"Answer: Asking. {agenda}" in detail
    assert "Answer: don’t know." in detail and "Answer: not applicable" in detail
    assert "Not answered yet." in detail
    assert PRIVATE not in plan.text
    assert "Private notes are not printed." in detail


def test_private_notes_and_names_when_asked(letter):
    assert PRIVATE in letter.flat
    assert "Private note (printed at the team’s request):" in letter.flat
    who = letter.section("Who took part", "The action plan")
    assert "Names (printed at the team’s request) " in who
    assert "Gwenllïan Price (Colleague with lived experience)" in who
    assert "Zofia Łukasik" in who


def test_method_explains_scale_scores_caps_and_stages(plan):
    method = plan.section("How this was worked out", "Sign-off")
    for phrase in [
        "Missing 0",
        "Fits each person 100",
        "Never 0",
        "Always 100",
        "Doing to 0",
        "Doing for 25",
        "Asking 50",
        "Sharing 75",
        "Doing with / led by 100",
        "weighted mean",
        "mean of the domain scores",
        "Care bands: Little support from 0; Support in place from 60",
        "Consulting from 50; Sharing decisions from 75",
        "Starting out 0",
        "Working with 90",
        "Needs a care score of at least 75",
        "Needs a parity score of at least 75",
        "is never scored as one",
        "holds the stage down",
        "Caring for",
        "not for ranking teams",
        f"SHA-256 fingerprint is {HASH}",
    ]:
        assert phrase in method, phrase


def test_sign_off_lines(plan):
    last = flat(plan.pages[-1])
    assert "Sign-off" in last and "Name Role Date" in last
    assert "Date of the first review of progress" in last


def test_running_header_page_numbers_and_hash_on_every_page_after_the_cover(plan):
    total = len(plan.pages)
    assert "Page 1 of" not in plan.pages[0]
    for number, text in enumerate(plan.pages[1:], start=2):
        page = flat(text)
        assert "Northfield Community Mental Health Trust" in page
        assert "Assessment of 24 November 2026" in page
        assert f"Page {number} of {total}" in page
        assert f"coprod-check {__version__} · assessment file SHA-256 {HASH}" in page


def test_metadata_and_bookmarks(plan):
    meta = plan.reader.metadata
    assert meta.title == "Co-production action plan: Northfield Community Mental Health Trust"
    assert meta.author == "Northfield Community Mental Health Trust"
    assert "Co-production readiness 2.0" in meta.subject
    assert f"assessment-sha256:{HASH}" in meta["/Keywords"]
    assert meta.creator == f"coprod-check {__version__}"
    # The print date, not reportlab's fixed 1 January 2000 (the output stays repeatable).
    assert meta["/CreationDate"].startswith(f"D:{TODAY:%Y%m%d}000000")
    assert plan.reader.trailer["/Root"]["/Lang"] == "en-GB"
    outline = plan.outline()
    top = [(title, page) for title, level, page in outline if level == 0]
    assert [t for t, _ in top] == ["Cover", *SECTIONS]
    assert [p for _, p in top] == [0, *(plan.page_of(s) for s in SECTIONS)]
    nested = [title for title, level, _ in outline if level == 1]
    assert "Critical: do these first (4)" in nested and "Power and decisions" in nested


def test_every_font_is_embedded_and_subset(plan, letter):
    for pdf in (plan, letter):
        fonts = pdf.fonts()
        assert fonts, "no fonts found"
        for name, font in fonts.items():
            assert re.fullmatch(r"/[A-Z]{6}\+DejaVuSans(-Bold|-Oblique|-BoldOblique)?", name), name
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{name} is not embedded"


def test_page_sizes(plan, letter):
    a4 = plan.reader.pages[0].mediabox
    us = letter.reader.pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(us.width)), round(float(us.height))) == (612, 792)


def test_same_input_same_bytes_and_the_date_matters(plan):
    again = render_pdf(readiness(), example(), today=TODAY, assessment_sha256=HASH)
    assert again == plan.data
    later = render_pdf(readiness(), example(), today=TODAY.replace(day=25), assessment_sha256=HASH)
    assert later != plan.data


def test_write_pdf_writes_the_same_bytes_and_rejects_other_paper(tmp_path, plan):
    out = tmp_path / "plan.pdf"
    write_pdf(readiness(), example(), out, today=TODAY, assessment_sha256=HASH)
    assert out.read_bytes() == plan.data
    with pytest.raises(ValueError, match="a4"):
        render_pdf(readiness(), example(), paper="a3")
    with pytest.raises(ValueError, match="64 hexadecimal"):
        render_pdf(readiness(), example(), assessment_sha256="not a hash")
