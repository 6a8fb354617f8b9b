"""The questionnaire's glossary is printed once, in the appendix, before the sign-off."""

from __future__ import annotations

from pathlib import Path

from coprod_check.domain.assessment import Assessment
from coprod_check.domain.loader import parse_questionnaire
from coprod_check.report.content import paper_for
from coprod_check.report.content.model import Table, plain
from tests.tiny import tiny

FIXTURE = Path(__file__).parent.parent / "domain" / "fixtures" / "three-facets.yaml"


def test_the_glossary_is_printed_once_in_the_appendix_in_alphabetical_order():
    q = parse_questionnaire(FIXTURE.read_text())
    paper = paper_for(q, Assessment.new(q))
    front, back = paper.parts
    assert not [s for s in front.sections if s.id == "glossary"]
    ids = [s.id for s in back.sections]
    assert ids.count("glossary") == 1 and ids.index("glossary") == len(ids) - 2  # then the sign-off
    section = back.sections[ids.index("glossary")]
    [table] = [b for b in section.blocks if isinstance(b, Table)]
    rows = [(plain(term), plain(meaning)) for term, meaning in table.rows]
    assert rows == [
        ("occupational health (also OH)", "A service that helps staff stay well at work."),
        ("protected time", "Time set aside that nobody can take for other work."),
    ]
    assert table.rows[0][0][0].bold and table.key == "glossary"


def test_no_glossary_no_section():
    q = tiny()
    paper = paper_for(q, Assessment.new(q))
    assert all(s.id != "glossary" for part in paper.parts for s in part.sections)


def test_the_paper_gives_parity_its_own_line_and_counts_rather_not():
    from coprod_check.domain.assessment import Answer
    from coprod_check.domain.questionnaire import RATHER_NOT
    from coprod_check.report.content.model import Para

    q = parse_questionnaire(FIXTURE.read_text())
    a = Assessment.new(q)
    a.answers = {"c1": Answer("reliable"), "w1": Answer(RATHER_NOT), "w2": Answer("sharing"), "p1": Answer("never")}
    paper = paper_for(q, a)
    text = "\n".join(
        plain(b.runs) for part in paper.parts for s in part.sections for b in s.blocks if isinstance(b, Para)
    )
    assert "Parity: 0 of 100, not yet equal" in text  # on the board's summary, beside care and with
    assert "Parity (stigma and parity of esteem): 0 of 100, Not yet equal. It is reported on its own" in text
    assert "1 \u201cI\u2019d rather not answer\u201d" in text
