"""The example's board paper and appendix, read back as a reader (and pypdf) sees them."""

import re

import pytest

from coprod_check import __version__
from coprod_check.domain.assessment import ActionEdit, BoardFields, CustomAction
from coprod_check.domain.plan import build_plan, group_plan
from coprod_check.report import render_pdf, write_pdf
from tests.report.pdf import TODAY, Pdf, example, fill, flat, readiness

BOARD = ["Decisions asked of the board", "Summary", "Assurance", "Top risks if nothing changes"]
APPENDIX = [
    "Results by domain",
    "Who took part",
    "The action plan",
    "The detail behind every answer",
    "Not answered yet (3)",
    "How this was worked out",
    "Words used in the questions",  # the questionnaire's glossary (report/glossary.py)
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


def _top(pdf):
    return [(title, page) for title, level, page in pdf.outline() if level == 0]


@pytest.mark.parametrize("which", ["plan", "letter"])
def test_a_board_paper_of_at_most_four_pages_then_the_appendix_by_page_five(which, request):
    pdf = request.getfixturevalue(which)
    top = _top(pdf)
    assert [t for t, _ in top] == ["Co-production readiness: board paper", "Appendix"]
    assert top[0][1] == 0 and 1 <= top[1][1] <= 4  # 0-based: the appendix starts on page 5 at the latest
    assert re.search(r"^Appendix$", pdf.pages[top[1][1]], re.MULTILINE)
    board = flat("\n".join(pdf.pages[: top[1][1]]))
    assert "Results by domain" not in board  # the appendix's sections are all after it


def test_the_appendix_holds_every_section_in_order_with_bookmarks_under_it(plan):
    outline = plan.outline()
    appendix = next(i for i, (t, level, _) in enumerate(outline) if t == "Appendix" and level == 0)
    under = [(t, p) for t, level, p in outline[appendix + 1 :] if level == 1]
    assert [t for t, _ in under] == APPENDIX
    pages = [p for _, p in under]
    assert pages == sorted(pages)
    nested = [t for t, level, _ in outline if level == 2]
    assert "Critical: do these first (4)" in nested and "Power and decisions" in nested


def test_the_cover_sheet_names_every_field_and_shows_each_gap(plan):
    cover = flat(plan.pages[0])
    for fact in [
        "Co-production readiness: board paper",
        "Northfield Community Mental Health Trust",
        "Meeting not yet named",
        "Date of the meeting not yet set",
        "Purpose not yet set",
        "Executive lead not yet named",
        "Report author not yet named",
        "Assessment 24 November 2026, Co-production readiness (version 2.0)",
        "Assurance level Limited",
        "Decisions asked of the board",
        "Summary",
        "Readiness stage: Starting out.",
        "Where this puts you: Caring for.",
    ]:
        assert fact in cover, fact
    assert "three months from now" not in plan.flat
    # Each decision carries a date of its own.
    decisions = cover[cover.index("Decisions asked of the board") : cover.index("Summary")]
    items = re.split(r"\b\d\. ", decisions)[1:]
    assert len(items) >= 3 and all(re.search(r"\b\d{1,2} [A-Z][a-z]+ 20\d\d\b", x) for x in items)
    assert "Gwenllïan" not in plan.text and "Sam Okafor" not in plan.text  # names only when asked


def test_fields_entered_are_printed_as_entered_and_dates_count_from_the_meeting():
    a = example()
    a.board = BoardFields("Trust board (public)", "2027-01-28", "decision", "Director of nursing", "Team lead")
    pdf = Pdf(render_pdf(readiness(), a, today=TODAY))
    cover = flat(pdf.pages[0])
    assert "Meeting Trust board (public)" in cover and "Date of the meeting 28 January 2027" in cover
    assert "Purpose For decision" in cover and "Executive lead Director of nursing" in cover
    assert "Report author Team lead" in cover
    assert "not yet named" not in cover and "not yet set" not in cover
    assert "by 28 February 2027" in cover and "28 April 2027" in cover
    assert pdf.reader.metadata.author == "Team lead"


def test_assurance_with_its_basis_risks_and_no_trend_for_a_first_assessment(plan):
    page = flat(" ".join(plan.pages[1 : _top(plan)[1][1]]))
    for fact in [
        "Assurance level: Limited.",
        "People who took part 4 people",
        "by role: Colleague with lived experience 1",
        "with lived experience of mental health difficulties 2",
        "Answered 65 of 68 questions",
        "Backed by evidence 16% (10 of 63 answers with a level)",
        "Unknown (“don’t know”) 1% (1 of 68)",
        "Top risks if nothing changes",
        "If nothing changes, these keep the organisation at “Starting out” or below:",
        "This is the first assessment, so there is no trend yet.",
    ]:
        assert fact in page, fact


def test_the_top_five_fill_one_page_with_owner_date_and_status_and_undated_are_counted(plan):
    accepted = [a for g in group_plan(build_plan(readiness(), example())).values() for a in g]
    page = next(i for i, text in enumerate(plan.pages) if "The top five actions" in text)
    text = flat(plan.pages[page])
    positions = [text.index(flat(a.title)[:40]) for a in accepted[:5]]
    assert positions == sorted(positions)  # critical first, in the plan's order
    assert text.count("Suggested: ") == 5 and text.count("(to agree)") == 5
    assert text.count("No date yet") == 5 and text.count("Not started") == 5
    assert f"{len(accepted)} of {len(accepted)} actions have no due date yet." in text
    assert page < _top(plan)[1][1]


def test_an_agreed_owner_prints_plainly_and_a_dated_action_is_not_counted():
    q, a = readiness(), example()
    first = [x for g in group_plan(build_plan(q, a)).values() for x in g][0]
    a.plan.edits[first.id] = ActionEdit(owner="Deputy director", owner_agreed=True, due="2027-02-01")
    pdf = Pdf(render_pdf(q, a, today=TODAY))
    page = flat(next(t for t in pdf.pages if "The top five actions" in t))
    assert "Deputy director 1 Feb 2027" in page and "Suggested: Deputy director" not in page
    total = sum(1 for g in group_plan(build_plan(q, example())).values() for _ in g)
    assert f"{total - 1} of {total} actions have no due date yet." in page


def test_in_our_words_says_when_no_statement_was_given(plan):
    page = flat(next(t for t in plan.pages if "In our words" in t))
    assert "No statement was given." in page


def test_results_by_domain_chart_and_table_on_a_fixed_scale_with_dont_know_marked(plan):
    results = plan.between("Results by domain", "Who took part")
    for domain in readiness().domains:
        assert results.count(flat(domain.title)) >= 2, domain.title  # in the chart and in the table
    assert "0 25 50 75 100" in results  # the scale is printed, not scaled to the largest bar
    assert "Care 50 With 40" in results  # bars are labelled in words, not told by shade
    assert "Staff with lived experience 1 “don’t know”" in results  # marked on the chart itself
    assert "All domains 44 68 37 63 of 68 1 1 3" in results  # "don't know" is not scored as a zero


def test_every_action_in_its_group_in_order_with_its_domain_and_kind_and_read_the_other_way(plan):
    # Hyphens left out on both sides: a title may break at a hyphen of its own or one the paper added.
    section = plan.between("The action plan", "The detail behind every answer").kept.replace("-", "")
    groups = group_plan(build_plan(readiness(), example()))
    headings = ["Critical: do these first", "Next 3 months", "3 to 12 months", "Later"]
    # A part of the plan with nothing in it is said in one line, not given a heading.
    starts = [section.index(f"{h} ({len(groups[g])})") for h, g in zip(headings, groups, strict=True) if groups[g]]
    assert starts == sorted(starts)
    other_way = section.index("The same actions, by care and partnership")
    position = 0
    for group, actions in groups.items():
        for action in actions:
            found = section.index(flat(action.title).replace("-", ""), position)
            assert starts[[g for g in groups if groups[g]].index(group)] < found < other_way
            position = found
    total = sum(len(g) for g in groups.values())
    kinds = ("Builds care", "Builds partnership", "Builds parity")
    assert sum(section[:other_way].count(k) for k in kinds) == total
    assert section.count("Not started") == total
    assert "Builds partnership (" in section[other_way:] and "Builds care (" in section[other_way:]
    assert "Still to answer" not in section  # unanswered questions are not actions unless asked for


def test_detail_prints_answered_questions_with_notes_and_evidence_and_unanswered_one_line_each(plan):
    detail = plan.between("The detail behind every answer", "Not answered yet (3)")
    assert PUBLIC in detail
    assert "Evidence: Minutes of the improvement group, March to October." in detail
    agenda = flat(readiness().question("power-agenda").levels["asking"])
    assert f"Answer: Asking. {agenda}" in detail
    assert "Answer: don’t know." in detail and "Answer: not applicable" in detail
    assert "Not answered yet." not in detail
    assert PRIVATE not in plan.text
    assert "Private notes are not printed." in detail
    unanswered = plan.between("Not answered yet (3)", "How this was worked out")
    assert unanswered.count("\u2013 ") == 3  # one line each


def test_private_notes_and_names_when_asked(letter):
    assert PRIVATE in letter.flat
    assert "Private note (printed at the team’s request):" in letter.flat
    who = letter.between("Who took part", "The action plan")
    assert "Names (printed at the team’s request)" in who
    assert "Gwenllïan Price (Colleague with lived experience)" in who
    assert "Zofia Łukasik" in who


def test_method_explains_scale_scores_caps_and_stages(plan):
    method = plan.between("How this was worked out", "Sign-off")
    for phrase in [
        "0 Missing Doing to Never",  # the scales side by side, one column each
        "25 Hard to get Doing for Rarely",
        "50 Patchy Asking Sometimes",
        "100 Fits each person Doing with / led by Always",
        "weighted mean",
        "mean of the domain scores",
        "Care bands: Little support from 0; Support in place from 60",
        "Starting out 0",
        "Working with 90",
        "Needs a care score of at least 60",
        "is never scored as one",
        "holds the stage down",
    ]:
        assert phrase in method, phrase


def test_the_hash_is_printed_once_on_the_last_page_and_kept_in_the_metadata(plan):
    assert plan.text.count(HASH) == 1 and HASH in plan.pages[-1]
    last = flat(" ".join(plan.pages[-2:]))
    assert "Sign-off" in last and "Name Role Date" in last
    assert f"assessment-sha256:{HASH}" in plan.reader.metadata["/Keywords"]


def test_running_header_and_page_numbers_after_the_cover(plan):
    total = len(plan.pages)
    assert "Page 1 of" not in plan.pages[0]
    for number, text in enumerate(plan.pages[1:], start=2):
        page = flat(text)
        assert "Northfield Community Mental Health Trust" in page
        assert "Assessment of 24 November 2026" in page
        assert f"Page {number} of {total}" in page


def test_metadata(plan):
    meta = plan.reader.metadata
    assert meta.title == "Co-production readiness: Northfield Community Mental Health Trust"
    assert meta.author == "Northfield Community Mental Health Trust"  # no author entered
    assert "Co-production readiness 2.0" in meta.subject
    assert meta.creator == f"coprod-check {__version__}"
    assert meta["/CreationDate"].startswith(f"D:{TODAY:%Y%m%d}000000")
    assert plan.reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_no_page_is_less_than_a_third_full_except_before_a_new_part_and_the_last(plan, letter):
    for pdf in (plan, letter):
        appendix = _top(pdf)[1][1]
        for page in range(len(pdf.pages) - 1):
            if page != appendix - 1:
                assert fill(pdf, page) >= 1 / 3, (page + 1, fill(pdf, page))


def test_running_text_stays_within_about_75_characters_a_line(plan):
    method = plan.pages[plan.page_of("How this was worked out")]
    lines = [line for line in method.splitlines() if line.count(" ") >= 6]  # sentences, not cells
    assert lines and max(len(line) for line in lines) <= 80, max(lines, key=len)


def test_a_long_word_breaks_with_a_visible_hyphen():
    a = example()
    word = "Interdisciplinaryorganisationalaccountabilityresponsibilities"
    a.plan.custom.append(CustomAction("own:1", "Agree it", owner=f"{word} lead", critical=True))
    pdf = Pdf(render_pdf(readiness(), a, today=TODAY))
    lines = [line for line in pdf.text.splitlines() if line.endswith("-") and word.startswith(line[:-1].split()[-1])]
    assert lines, "the long word was not hyphenated"


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


def test_a_part_done_assessment_prints_a_short_plan():
    q, a = readiness(), example()
    kept = list(a.answers)[:5]
    a.answers = {k: a.answers[k] for k in kept}
    pdf = Pdf(render_pdf(q, a, today=TODAY))
    assert len(pdf.pages) <= 12
    unanswered = len(list(q.questions())) - 5
    assert f"Not answered yet ({unanswered})" in pdf.flat
    section = pdf.between(f"Not answered yet ({unanswered})", "How this was worked out")
    assert section.count("\u2013 ") == unanswered
    assert "Still to answer" not in pdf.flat


def test_a_word_with_a_hyphen_of_its_own_prints_as_typed(plan):
    # reportlab's hyphenation, laying a table cell out twice, once printed "co-produce" as "cop-roduce".
    glossary = plan.between("Words used in the questions", "Sign-off").kept
    assert "co-produce, co-produced, co-producing" in glossary
    assert "cop-" not in plan.text and "coproduce" not in plan.text
