"""Make the project's own Word template for the board paper: assets/templates/board-paper.docx.

    python tools/make_word_template.py

A trust that wants its own cover sheet starts from a copy of this file (or from its own
template) and moves the placeholders where it wants them: see "Your own Word template" in
the README. The file is made, not drawn by hand, so that it is the same bytes on every run:
tests/report/test_word_template.py checks that the shipped file is what this script makes.

Starts from python-docx's own default document (which brings Word's built-in styles and
numbering) and sets: A4 with 2.5 cm margins; Arial 11 pt (Liberation Sans where Arial is
missing, with the same widths); headings 1 to 3 in bold, NHS dark blue, kept with what
follows; the styles Lead, Note, Warning, Quote, Caption and Table Text (set close, for
table cells); no header on the cover page; a running header with the organisation and the
assessment's date; a footer with the print date and "Page N of M"; and a body of two
placeholder paragraphs, {{ cover }} and {{ paper }}.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from coprod_check.report.docx_blocks import ensure_styles, set_language  # noqa: E402
from coprod_check.report.ooxml import DocumentProperties, save  # noqa: E402

OUTPUT = ROOT / "assets" / "templates" / "board-paper.docx"
FONT = "Arial"
DARK_BLUE = RGBColor(0x00, 0x30, 0x87)
MADE = dt.date(2026, 1, 1)


def make() -> bytes:
    """The template's bytes."""
    doc = Document()
    ensure_styles(doc)
    set_language(doc, "en-GB")
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.5))
        section.header_distance = section.footer_distance = Cm(1.2)
    _styles(doc)
    section = doc.sections[0]
    section.different_first_page_header_footer = True  # the cover sheet has no running header
    width = section.page_width - section.left_margin - section.right_margin
    header = section.header.paragraphs[0]
    header.style = doc.styles["Note"]
    header.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    header.add_run("{{ organisation }}\t{{ running_header }}")
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Note"]
    footer.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run("Printed {{ printed }}\tPage ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")
    first = section.first_page_footer.paragraphs[0]
    first.style = doc.styles["Note"]
    first.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    first.add_run("Printed {{ printed }}\tPage ")
    _field(first, "PAGE", "1")
    first.add_run(" of ")
    _field(first, "NUMPAGES", "1")
    doc.add_paragraph("{{ cover }}")
    doc.add_paragraph("{{ paper }}")
    return save(
        doc,
        DocumentProperties(
            title="Board paper template (coprod-check)",
            printed=MADE,
            subject="Co-production action plan",
            author="coprod-check",
            language="en-GB",
        ),
    )


def _styles(doc: Document) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    # East Asian and complex-script text keep the font Word picks for them; Latin text is Arial.
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:hAnsi"), FONT)
    for level, size in ((1, 16), (2, 13), (3, 11.5)):
        style = styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = DARK_BLUE
        style.paragraph_format.space_before = Pt(18 if level == 1 else 12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    styles["Lead"].font.size = Pt(13)
    styles["Note"].font.size = Pt(9)
    styles["Table Text"].font.size = Pt(10)
    styles["Warning"].font.bold = True
    quote = styles["Quote"]
    quote.font.italic = True
    quote.font.color.rgb = RGBColor(0x20, 0x20, 0x20)
    quote.paragraph_format.left_indent = Cm(1)
    quote.paragraph_format.right_indent = Cm(1)


def _field(paragraph: object, instruction: str, shown: str) -> None:
    """A field (PAGE, NUMPAGES) Word and LibreOffice work out when they lay the page out."""
    run = paragraph.add_run()  # type: ignore[attr-defined]
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(begin)
    run._r.append(code)
    run._r.append(separate)
    paragraph.add_run(shown)  # type: ignore[attr-defined]
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)  # type: ignore[attr-defined]


def main() -> int:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(make())
    print(f"Wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
