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
