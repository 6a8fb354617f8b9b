"""report/literal.py: the placeholder rule for control characters, in every printed format."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from coprod_check.report.literal import placeholder, visible, visible_line


def test_markup_right_to_left_and_emoji_stay_as_typed() -> None:
    text = "<b>Anna</b> & {{ owner }} =SUM(A1) مرحبا שלום 👩🏽‍⚕️ Łódź Çağrı ‘quoted’"
    assert visible(text) == text


def test_c0_controls_and_del_are_spelled_as_their_codes() -> None:
    assert visible("a\x00b\x1bc\x7fd\x0ce\x0bf") == "a\\x00b\\x1bc\\x7fd\\x0ce\\x0bf"
    assert placeholder("\x00") == "\\x00"


def test_c1_controls_surrogates_and_non_characters_are_spelled() -> None:
    assert visible("it\x92s") == "it\\x92s"
    assert visible("x\ud800y\uffff") == "x\\ud800y\\uffff"


def test_tabs_and_newlines_kept_line_endings_made_one() -> None:
    assert visible("a\tb\r\nc\rd\ne") == "a\tb\nc\nd\ne"
    assert visible_line("a\tb\r\nc") == "a b c"


@given(st.text(alphabet=st.characters(exclude_categories=[])))
def test_nothing_is_dropped_and_xml_can_always_hold_the_result(text: str) -> None:
    shown = visible(text)
    element = etree.Element("t")
    element.text = shown  # lxml raises on anything XML 1.0 cannot hold
    if "\r" not in text:  # line endings are the one thing made shorter
        assert len(shown) >= len(text)
