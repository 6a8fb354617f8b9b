"""The board paper as plain data: parts, sections and their order, the cover-sheet fields and
their gaps, the decisions' dates, owners to agree, the statement verbatim, every round."""

import datetime as dt

from coprod_check.domain.assessment import ActionEdit, Answer, BoardFields, Participant, Statement
from coprod_check.domain.rounds import start_from
from coprod_check.report.content import paper_for
from coprod_check.report.content.model import Chart, Fields, Quote, Table, walk
from tests.report.pdf import TODAY, example, readiness

WORDS = "We were asked in at the start this time. <b>Not</b> before & never \u201cafter\u201d.\u202eRTL"


def _fields(paper):
    cover = paper.section("cover")
    return next(b for b in walk(cover.blocks) if isinstance(b, Fields))


def test_two_parts_in_order_and_the_appendix_opens_with_its_heading():
    paper = paper_for(readiness(), example(), today=TODAY)
    assert [p.id for p in paper.parts] == ["board-paper", "appendix"]
    assert paper.parts[0].max_pages == 4
    assert [s.id for s in paper.parts[0].sections] == ["cover", "assurance", "in-our-words", "top-actions"]
    appendix = paper.parts[1].sections
    assert appendix[0].id == "appendix" and appendix[0].blocks[0].text == "Appendix"
    assert appendix[-1].id == "sign-off"
    ids = [s.id for s in appendix]
    assert ids.index("results") < ids.index("actions") < ids.index("detail") < ids.index("method")


def test_fields_nobody_filled_in_print_their_gap_and_given_ones_print_as_given():
    q = readiness()
    paper = paper_for(q, example(), today=TODAY)
    fields = dict((label, "".join(r.text for r in value)) for label, value in _fields(paper).rows)
    assert fields["Meeting"] == "not yet named" and fields["Executive lead"] == "not yet named"
    assert fields["Date of the meeting"] == "not yet set" and fields["Purpose"] == "not yet set"
    a = example()
    a.board = BoardFields(meeting="Trust board", purpose="assurance")
    given = BoardFields(meeting_date="2027-01-28", author="Team lead, east")
    paper = paper_for(q, a, board=given, today=TODAY)
    fields = dict((label, "".join(r.text for r in value)) for label, value in _fields(paper).rows)
    assert fields["Meeting"] == "Trust board" and fields["Purpose"] == "For assurance"
    assert fields["Date of the meeting"] == "28 January 2027" and fields["Report author"] == "Team lead, east"
    assert _fields(paper).missing == {"Executive lead"}
    assert paper.meta.author == "Team lead, east"
    # The decisions' dates count from the meeting, not from "three months from now".
    text = paper.text()
    assert "28 April 2027" in text and "three months from now" not in text


def test_owners_are_suggestions_until_agreed_and_undated_actions_are_counted():
    q = readiness()
    a = example()
    paper = paper_for(q, a, today=TODAY)
    top = next(b for b in walk(paper.section("top-actions").blocks) if isinstance(b, Table))
    assert len(top.rows) == 5
    assert all("".join(r.text for r in row[2]).startswith("Suggested: ") for row in top.rows)
    from coprod_check.report.model import prepare

    n = len(prepare(q, a, today=TODAY).accepted)
    first = paper_for(q, a, today=TODAY).parts[0].sections[3]
    assert f"{n} of {n} actions have no due date yet." in "\n".join(b.fallback() for b in walk(first.blocks))

    chosen = prepare(q, a, today=TODAY).accepted[0]
    a.plan.edits[chosen.id] = ActionEdit(owner_agreed=True, due="2027-02-01")
    text = paper_for(q, a, today=TODAY).text()
    assert f"{n - 1} of {n} actions have no due date yet." in text
    assert f"{chosen.owner} | 1 Feb 2027" in text.replace("\n", " | ") or "1 Feb 2027" in text


def test_the_statement_is_printed_verbatim_and_its_absence_is_said():
    q = readiness()
    a = example()
    assert "No statement was given." in paper_for(q, a, today=TODAY).text()
    a.statement = Statement(WORDS, "Peer workers\u2019 network", "2026-11-20")
    quotes = [b for b in walk(paper_for(q, a, today=TODAY).section("in-our-words").blocks) if isinstance(b, Quote)]
    assert [x.text for x in quotes] == [WORDS]
    assert quotes[0].by == "Peer workers\u2019 network, 20 November 2026"


def test_each_action_shows_its_domain_and_kind_and_the_plan_reads_both_ways():
    paper = paper_for(readiness(), example(), today=TODAY)
    actions = paper.section("actions")
    tables = [b for b in walk(actions.blocks) if isinstance(b, Table)]
    by_group = [t for t in tables if t.key.startswith("actions-")]
    for t in by_group:
        for row in t.rows:
            kind = "".join(r.text for r in row[1])
            assert "Builds care" in kind or "Builds partnership" in kind or "Builds parity" in kind
    by_kind = [t for t in tables if t.key.startswith("by-kind-")]
    assert sum(len(t.rows) for t in by_kind) == sum(len(t.rows) for t in by_group)


def test_a_third_round_is_scored_again_with_todays_rules_and_found_out_is_apart():
    q = readiness()
    first = example()
    first.date = "2024-11-24"
    second = start_from(q, first, today=dt.date(2025, 11, 24))
    second.participants = [Participant("lived-experience-colleague", "yes")]
    second.answers = dict(first.answers)
    unknown = next(qid for qid, x in first.answers.items() if x.choice == "dont-know")
    level = q.levels_for(unknown)[2].id
    third = start_from(q, second, today=TODAY)
    third.answers = dict(second.answers)
    third.answers[unknown] = Answer(level)  # found out, not improved
    paper = paper_for(q, third, today=TODAY)
    charts = [b for b in walk(paper.section("assurance").blocks) if isinstance(b, Chart)]
    assert charts and charts[0].kind == "trend" and len(charts[0].categories) == 3
    trend = next(b for b in walk(paper.section("assurance").blocks) if isinstance(b, Table) and b.key == "trend")
    assert len(trend.rows) == 3
    rounds = paper.section("rounds")
    text = "\n".join(b.fallback() for b in walk(rounds.blocks))
    assert "Found out since the last round" in text and "Improved since the last round" not in text


def test_a_part_done_assessment_lists_unanswered_questions_one_line_each_not_as_actions():
    q = readiness()
    a = example()
    kept = list(a.answers)[:5]
    a.answers = {k: a.answers[k] for k in kept}
    paper = paper_for(q, a, today=TODAY)
    assert paper.section("not-answered") is not None
    assert "Still to answer" not in paper.text()
    asked = paper_for(q, a, find_out_unanswered=True, today=TODAY)
    assert "Still to answer" in asked.text()


def test_every_rounds_last_column_is_this_rounds_result_by_domain():
    from coprod_check.domain.group import evaluate
    from coprod_check.domain.wording import whole

    q = readiness()
    first = example()
    first.date = "2025-11-24"
    second = start_from(q, first, today=TODAY)
    second.answers = dict(first.answers)
    table = next(b for b in walk(paper_for(q, second, today=TODAY).section("rounds").blocks) if isinstance(b, Table))
    result = evaluate(q, second)
    last = ["".join(r.text for r in row[-1]) for row in table.rows]
    expected = [str(whole(d.score)) if d.score is not None else "\u2013" for d in result.domains]
    expected += [str(whole(x)) for x in (result.overall, result.care, result.with_)]
    assert last == expected
    # The same answers in both rounds: the same figures in both columns, scored with today's rules.
    assert ["".join(r.text for r in row[-2]) for row in table.rows] == expected


def test_the_detail_names_each_answered_questions_kind_in_words():
    # A parity question printed its bare orientation id ("This is parity.") before.
    q = readiness()
    a = example()
    detail = paper_for(q, a, today=TODAY).section("detail")
    notes = [b.fallback() for b in walk(detail.blocks) if getattr(b, "style", None) == "note"]
    kinds = {x.orientation for d in q.domains for x in d.questions if a.answer(x.id).choice}
    assert kinds == {"care", "with", "parity"}
    assert any(n.startswith("This is a parity question") for n in notes)
    assert not any(n.startswith(("This is parity", "This is care", "This is with")) for n in notes)
