"""Turning typed text into safe Paragraph markup: escaped, cleaned, nothing lost silently."""

import pytest

from coprod_check.report import fonts
from coprod_check.report.text import REPLACEMENT, clean, one_line, para

HOSTILE = ["<b>unclosed", "a < b & c", "&amp;", '<img src="/etc/passwd"/>', "<font size=200>"]


@pytest.mark.parametrize("text", HOSTILE)
def test_markup_is_escaped_so_it_prints_literally(text):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    fonts.register()
    markup = para(text)
    assert "<" not in markup.replace("<br/>", "")
    # reportlab parses it without complaint and gives back exactly what was typed.
    paragraph = Paragraph(markup, ParagraphStyle("x", fontName=fonts.FAMILY))
    assert paragraph.getPlainText() == text


def test_control_characters_go_newlines_stay_tabs_become_spaces():
    assert clean("a\x00b\x07c\x1b[31md\x7fe\x85f") == "abc[31mdef"
    assert para("one\r\ntwo\rthree\tfour") == "one<br/>two<br/>three four"
    assert para("\n\n\n\nspaced\n\n\n\n\nout\n") == "spaced<br/><br/>out"


def test_every_letter_the_issue_names_is_in_the_font():
    wanted = "ŵŷŴŶẁẃẅ ąćęłńóśźżĄĆĘŁŃÓŚŹŻ ğĞışŞİçÇöÖüÜ “”‘’–—€… ï"
    missing = [ch for ch in wanted if ch != " " and ord(ch) not in fonts.printable()]
    assert missing == []
    assert clean(wanted) == wanted


def test_symbols_the_font_lacks_are_spelled_out_and_letters_marked():
    assert clean("ok 😀") == "ok [grinning face]"
    assert clean("👍🏽") == "[thumbs up sign]"  # the skin tone modifier has nothing to show alone
    assert clean("👨‍👩‍👧") == "[man][woman][girl]"  # joiners dropped, each person named
    assert clean("中") == REPLACEMENT  # a letter the font cannot draw is marked, never dropped
    assert clean("שלום مرحبا Привет") == "שלום مرحبا Привет"  # in the font: kept as typed


def test_one_line_cuts_with_an_ellipsis():
    assert one_line("a\n b   c", 10) == "a b c"
    assert one_line("x" * 30, 10) == "x" * 9 + "…"
