"""Whatever people type, the plan prints it literally and never fails to lay out."""

import re

import pytest

from coprod_check.app import store
from coprod_check.domain.assessment import Answer, Assessment, CustomAction, Participant
from coprod_check.domain.combine import combine, source
from coprod_check.report import render_pdf
from tests.report.pdf import TODAY, Pdf, example, readiness
from tests.tiny import tiny

HOSTILE = [
    "<b>unclosed",
    "a < b & c",
    "&amp;",
    '<img src="/etc/passwd"/>',
    "<font size=200>",
    "Gwenllïan ŵ ŷ, Zofia Łukasik, Ağrı Işık: “curly” ‘quotes’ – en — em €5",
]
ORGANISATION = ("Ymddiriedolaeth Iechyd Meddwl Cymunedol ŵŷ & <i>Partners</i> " * 6)[:300]
LONG_WORD = "x" * 20_000
LONG_TEXT = "word " * 4_000
ACTIONS = 500


@pytest.fixture(scope="module")
def hostile():
    q = readiness()
    a = example()
    a.organisation = ORGANISATION
    questions = list(q.questions())
    for question, text in zip(questions, HOSTILE, strict=False):
        a.answers[question.id] = Answer("asking", note=text, evidence=text)
    a.answers[questions[6].id] = Answer(
        "asking", note="bell\x07 nul\x00 escape\x1b[31m red \x0c", evidence="emoji 😀 👍🏽 and right to left: שלום עולם"
    )
    a.answers[questions[7].id] = Answer("asking", note=LONG_WORD)
    a.answers[questions[8].id] = Answer("asking", note=LONG_TEXT, evidence=LONG_TEXT)
    for i in range(ACTIONS):
        a.plan.custom.append(
            CustomAction(
                id=f"own:{i}",
                title=f"Own action {i} {HOSTILE[i % len(HOSTILE)]}",
                why=HOSTILE[(i + 1) % 6],
                owner="Lead <x>",
                timescale=("now", "soon", "later")[i % 3],
            )
        )
    a.plan.custom.append(CustomAction(id="own:huge", title="Huge " + LONG_WORD, why=LONG_TEXT, how=LONG_WORD))
    return Pdf(render_pdf(q, a, today=TODAY, assessment_sha256="0" * 64))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_prints_literally(hostile, text):
    assert f"Note: {text}" in hostile.flat
    assert f"Evidence: {text}" in hostile.flat


def test_control_characters_go_emoji_are_named_right_to_left_survives(hostile):
    assert "Note: bell nul escape[31m red" in hostile.flat
    assert "emoji [grinning face] [thumbs up sign]" in hostile.flat
    # Without a bidi library reportlab prints right-to-left text in the order it was
    # typed, left to right; the letters are all there either way.
    assert "שלום" in hostile.text or "םולש" in hostile.text


def test_long_notes_split_across_pages(hostile):
    detail = hostile.between("The detail behind every answer", "How this was worked out")
    assert sum(len(word) for word in detail.split() if set(word) == {"x"}) == 20_000
    assert hostile.flat.count("word word") >= 3_000


def test_five_hundred_actions_all_printed(hostile):
    section = hostile.between("The action plan", "The detail behind every answer")
    numbers = {int(n) for n in re.findall(r"Own action (\d+)", section)}
    assert numbers == set(range(ACTIONS))
    assert "Huge xxxxxxxx" in section


def test_long_organisation_name_on_the_cover_and_cut_in_the_header(hostile):
    assert " ".join(ORGANISATION.split()) in " ".join(hostile.pages[0].split())
    header = hostile.pages[3].splitlines()
    assert any(line.startswith("Ymddiriedolaeth") and line.endswith("…") for line in header)
    assert hostile.reader.metadata.author == ORGANISATION.strip()


def test_nothing_answered_says_so_and_lists_what_to_find_out_only_when_asked():
    q = readiness()
    pdf = Pdf(render_pdf(q, Assessment.new(q, TODAY), today=TODAY))
    cover = " ".join(pdf.pages[0].split())
    assert "Nothing has been answered yet" in cover and "Assurance level No assurance yet" in cover
    total = len(list(q.questions()))
    assert f"Not answered yet ({total})" in pdf.flat and "Still to answer" not in pdf.flat
    assert len(pdf.pages) <= 12
    assert "No domain has a score yet" in pdf.flat
    asked = Pdf(render_pdf(q, Assessment.new(q, TODAY), today=TODAY, find_out_unanswered=True))
    plan = asked.between("The action plan", "The detail behind every answer")
    assert f"Still to answer ({len(list(q.questions()))})" in plan
    bare = plan.kept.replace("-", "")  # a prompt's own hyphen may fall at the end of a line
    for question in q.questions():
        assert f"Find out: {' '.join(question.prompt.split())}".replace("-", "") in bare


def test_a_group_prints_its_agreed_or_median_levels_and_hides_small_counts():
    q = tiny()
    sources = []
    for i, (role, lived, level) in enumerate(
        [("manager", "no", "l1"), ("manager", "no", "l2"), ("lived-experience-colleague", "yes", "l3")]
    ):
        a = Assessment.new(q, TODAY)
        a.organisation = "Trust"
        a.participants = [Participant(role, lived, f"Person {i}")]
        a.answers = {"q1": Answer(level, note=f"individual note {i}")}
        sources.append(source(f"r{i}.json", store.dumps(a).encode(), a))
    group, _ = combine(q, sources, min_group_size=3)
    pdf = Pdf(render_pdf(q, group, today=TODAY))
    assert "People who took part 3 people" in pdf.flat
    who = pdf.between("Who took part", "Where we see it differently")
    assert "Manager not shown Colleague with lived experience not shown" in who
    assert "Answer: Two. q1 is at level 2." in pdf.flat  # the lower median of 1, 2, 3
    assert "individual note" not in pdf.flat  # individual answers stay in the file


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_crowded_board_page_still_fits_one_page(paper):
    from coprod_check.domain.questionnaire import DONT_KNOW

    q = readiness()
    a = example()
    a.participants = [Participant("manager", "no")]
    ordinary = [x for x in q.questions() if not x.critical]
    for i, question in enumerate(q.questions()):
        if question.critical:
            a.answers[question.id] = Answer("doing-to")  # every cap at once
        elif question.orientation == "with":
            a.answers[question.id] = Answer("sharing" if i % 2 else "doing-with")
    for question in ordinary[:6]:
        a.answers[question.id] = Answer(DONT_KNOW)
    pdf = Pdf(render_pdf(q, a, paper=paper, today=TODAY))
    appendix = next(page for title, level, page in pdf.outline() if title == "Appendix" and level == 0)
    assert appendix <= 4  # the board paper kept to four pages, the appendix by page 5
    board = " ".join(" ".join(pdf.pages[:appendix]).split())
    assert "Top risks if nothing changes" in board and "Ask the team to find out the 6 answers nobody knew" in board


def test_the_longest_text_a_file_may_hold_lays_out_in_seconds():
    import time

    from coprod_check.domain.assessment import MAX_TEXT

    a = example()
    a.answers["power-agenda"] = Answer("asking", note="y" * MAX_TEXT)
    a.plan.custom.append(CustomAction(id="own:long", title="Long", why="why " * (MAX_TEXT // 4), owner="W" * 2_000))
    start = time.perf_counter()
    pdf = Pdf(render_pdf(readiness(), a, today=TODAY))
    # Laid out in one Paragraph, this took minutes: reportlab re-lays out the rest at every page.
    assert time.perf_counter() - start < 60
    assert pdf.flat.count("why") >= MAX_TEXT // 4
    assert sum(len(word) for word in pdf.flat.split() if set(word) == {"y"}) == MAX_TEXT


def test_long_agreed_reasons_and_review_notes_run_over_pages_in_full():
    from coprod_check.domain.assessment import Agreement, Review
    from tests.report.voices import builtin, mixed_group, next_round

    group = mixed_group()
    group.agreed["power-agenda"] = Agreement("doing-with", "<b>" + LONG_WORD)
    later = next_round()
    group.previous = later.previous
    group.reviews = {a.id: Review("partly", LONG_TEXT + " & <end>") for a in later.previous.actions}
    pdf = Pdf(render_pdf(builtin(), group, today=TODAY))
    detail = pdf.between("The detail behind every answer", "How this was worked out")
    assert "Agreed by the group: <b>xxx" in detail
    assert sum(
        len(word.removeprefix("<b>")) for word in detail.split() if set(word.removeprefix("<b>")) == {"x"}
    ) == len(LONG_WORD)
    since = pdf.between("How last time’s plan went", "Results by domain")
    assert since.count("& <end>") == len(later.previous.actions)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_crowded_group_board_page_with_a_previous_round_still_fits_one_page(paper):
    from coprod_check.domain.assessment import Review
    from coprod_check.domain.rounds import snapshot
    from tests.report.voices import builtin, mixed_group

    q = builtin()
    group = mixed_group()
    for question in q.questions():
        if question.critical:
            for r in group.responses:
                r.answers[question.id] = Answer(q.levels_for(question)[0].id)  # every cap at once
    group.previous = snapshot(q, example())
    group.reviews = {a.id: Review("partly", "Half way.") for a in group.previous.actions}
    pdf = Pdf(render_pdf(q, group, paper=paper, today=TODAY))
    appendix = next(page for title, level, page in pdf.outline() if title == "Appendix" and level == 0)
    assert appendix <= 4
    board = " ".join(" ".join(pdf.pages[:appendix]).split())
    assert "Trend since earlier rounds" in board and "People who took part 7 people" in board
    assert "How last time’s plan went" in pdf.flat
