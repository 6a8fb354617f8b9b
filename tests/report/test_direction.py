"""Right-to-left text prints in reading order, joined, and wrapped with its lines in order.

What is drawn is checked where reportlab turns text into PDF operators: text
extractors (pypdf, poppler) guess at right-to-left order themselves, each
differently, so they cannot say what the page shows.
"""

import io
import unicodedata

import pytest
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import SimpleDocTemplate

from coprod_check.domain.assessment import Answer
from coprod_check.report import fonts, render_pdf
from coprod_check.report.direction import Para, has_rtl, rtl_first, shaped, visual
from coprod_check.report.text import para
from tests.report.pdf import TODAY, Pdf, example, readiness

HELLO_WORLD = "שלום עולם"  # "hello world": שלום is typed first, so it is read first, on the right
# Ten different Hebrew number words, so a line's words can be told apart.
NUMBERS = ["אחת", "שתיים", "שלוש", "ארבע", "חמש", "שש", "שבע", "שמונה", "תשע", "עשר"]


def test_text_without_right_to_left_letters_is_left_alone():
    text = "Gwenllïan ŵ ŷ, Zofia Łukasik, Ağrı Işık: “quotes” (1 < 2)"
    assert not has_rtl(text)
    assert visual(text) is text and shaped(text) is text


def test_hebrew_is_drawn_right_to_left_and_english_around_it_stays_put():
    assert visual(HELLO_WORLD) == "םלוע םולש"
    assert visual(f"Team {HELLO_WORLD} meeting (weekly)") == "Team םלוע םולש meeting (weekly)"
    # In a right-to-left paragraph the English words come in its order too.
    assert visual(f"{HELLO_WORLD} team") == "team םלוע םולש"


def test_paragraph_direction_is_its_first_letter():
    assert rtl_first("12, שלום team") and not rtl_first("team שלום") and not rtl_first("123 …")


def test_arabic_letters_are_joined_before_measuring():
    word = shaped("مرحبا")  # "welcome": five letters that join
    assert len(word) == 5 and all(0xFE70 <= ord(ch) <= 0xFEFC for ch in word)
    assert unicodedata.normalize("NFKC", word) == "مرحبا"
    assert shaped("لا") == "\ufefb"  # lam and alef become one ligature
    assert para("مرحبا & <b>") == f"{word} &amp; &lt;b&gt;"  # para joins, then escapes


@pytest.fixture
def drawn_text(monkeypatch):
    """Every run of text reportlab draws, in drawing order (left to right on the page)."""
    seen: list[str] = []
    real = PDFTextObject._formatText

    def record(self, text):
        seen.append(text)
        return real(self, text)

    monkeypatch.setattr(PDFTextObject, "_formatText", record)
    return seen


def _style() -> ParagraphStyle:
    return ParagraphStyle("body", fontName=fonts.FAMILY, fontSize=11, leading=14)


def _drawn(paragraph: Para, seen: list[str], width: float = 200) -> list[str]:
    """The lines of one paragraph as drawn."""
    fonts.register()
    seen.clear()
    SimpleDocTemplate(io.BytesIO(), pagesize=(width + 72, 800), leftMargin=36, rightMargin=36).build([paragraph])
    lines: list[str] = []
    for run in seen:  # a bold label and the text after it are separate runs on one line
        if lines and lines[-1].rstrip().endswith(":"):
            lines[-1] += run
        else:
            lines.append(run)
    return [" ".join(line.split()) for line in lines if line.strip()]


def _logical(line: str) -> str:
    """A drawn line of Hebrew read back from right to left."""
    return " ".join(word[::-1] for word in reversed(line.split()))


def test_a_long_right_to_left_paragraph_keeps_its_lines_in_order(drawn_text):
    # The classic failure: reordering the whole paragraph before wrapping puts its
    # last words on the first line. Each line must be reordered on its own.
    text = " ".join(NUMBERS * 2)
    drawn = _drawn(Para(text, _style()), drawn_text)
    assert len(drawn) >= 3
    assert " ".join(_logical(line) for line in drawn) == text


def test_a_note_with_line_breaks_and_a_bold_label_still_reads_in_order(drawn_text):
    note = para(f"{HELLO_WORLD}\n{NUMBERS[0]} {NUMBERS[1]}")
    assert _drawn(Para(note, _style()), drawn_text) == ["םלוע םולש", "םייתש תחא"]
    assert _drawn(Para(f"<b>Note:</b> {note}", _style()), drawn_text) == ["Note: םלוע םולש", "םייתש תחא"]


def test_right_to_left_paragraphs_are_set_flush_right():
    assert Para(HELLO_WORLD, _style()).style.alignment == TA_RIGHT
    assert Para(f"Team {HELLO_WORLD}", _style()).style.alignment == TA_LEFT
    assert Para("Team", _style()).style.alignment == TA_LEFT


def test_the_halves_of_a_split_paragraph_still_draw_right_to_left(drawn_text):
    fonts.register()
    text = " ".join(NUMBERS * 6)
    paragraph = Para(text, _style())
    paragraph.wrap(200, 800)
    halves = paragraph.split(200, 60)
    assert len(halves) == 2 and all(half.style.alignment == TA_RIGHT for half in halves)
    lines = [line for half in halves for line in _drawn(half, drawn_text)]
    assert " ".join(_logical(line) for line in lines) == text


def test_the_plan_prints_hebrew_and_arabic_in_reading_order_with_joined_letters(drawn_text):
    q = readiness()
    a = example()
    a.organisation = f"{HELLO_WORLD} Trust"
    first, second = list(q.questions())[:2]
    a.answers[first.id] = Answer("asking", note=f"{HELLO_WORLD} and more")
    a.answers[second.id] = Answer("asking", note="مرحبا بالعالم")
    pdf = Pdf(render_pdf(q, a, today=TODAY, assessment_sha256="0" * 64))
    drawn = " ".join(drawn_text)
    assert "םלוע םולש and more" in drawn
    assert visual(shaped("مرحبا بالعالم")) in drawn  # joined letters, right to left
    assert "مرحبا" not in drawn and HELLO_WORLD not in drawn  # never as typed
    # The name on the cover, and in the running header (drawn on the canvas) on
    # every later page; it starts with Hebrew, so it reads from the right, "Trust" last.
    assert drawn.count("Trust םלוע םולש") == len(pdf.pages)
    # Every letter is in the text a reader searches; the metadata keeps the typed order.
    assert shaped("مرحبا") in pdf.flat or visual(shaped("مرحبا")) in pdf.flat
    assert "שלום" in pdf.flat or "םולש" in pdf.flat
    assert pdf.reader.metadata.author == f"{HELLO_WORLD} Trust"
