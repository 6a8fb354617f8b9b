"""The pieces of an accessible Word document, on top of python-docx.

Accessible by construction, whatever template the document starts from:

- headings use the real "Heading 1" to "Heading 3" styles (added, with their outline
  level, if a template lacks them) and never skip a level;
- a table's header row is marked to repeat on every page (`w:tblHeader`) and its rows
  never split; the table carries a caption and a description (Word's table alt text);
- a picture carries its alternative text (`wp:docPr descr`) and title;
- the document's language is set in its default run properties (`w:lang`), so Word and
  LibreOffice check spelling and read aloud in the questionnaire's language, not en-US.

All text has been through `literal.visible` before it reaches these functions.
python-docx is imported by the functions that need it, never at start-up.
"""

from __future__ import annotations

import io
import re
import unicodedata
from typing import Any

# Paragraph styles the renderer uses beyond python-docx's built-in ones, with how to make
# them where a template lacks them: (base style, size in points or 0, bold, italic).
OWN_STYLES = {
    "Lead": ("Normal", 13, False, False),
    "Note": ("Normal", 9, False, False),
    "Warning": ("Normal", 0, True, False),
    "Quote": ("Normal", 0, False, True),
    "Caption": ("Normal", 9, False, True),
    "Table Text": ("Normal", 10, False, False),  # set close: no space after, single line spacing
}
TABLE_TEXT = "Table Text"
HEADING_SIZES = {1: 16, 2: 13, 3: 11}


def qn(tag: str) -> str:
    """A w: tag in Clark notation, as python-docx's oxml.ns.qn gives it."""
    from docx.oxml.ns import qn as docx_qn

    return str(docx_qn(tag))


def set_language(document: Any, language: str) -> None:
    """Set the document's language: the default run language, Normal's, and the theme's."""
    from docx.oxml import OxmlElement

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)  # it comes before w:pPrDefault
    _lang(_child(rpr_default, "w:rPr"), language)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), language)
    _lang(document.styles["Normal"].element.get_or_add_rPr(), language)


def run_language(run: Any, language: str) -> None:
    """Mark one run as being in `language` (someone's own words in another language)."""
    if language:
        _lang(run._r.get_or_add_rPr(), language)


def _lang(rpr: Any, language: str) -> None:
    from docx.oxml import OxmlElement

    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), language)


def ensure_styles(document: Any) -> None:
    """Add the heading and paragraph styles the renderer uses, where the template lacks them."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    styles = document.styles
    names = {s.name for s in styles}
    for level, size in HEADING_SIZES.items():
        name = f"Heading {level}"
        if name not in names:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.font.bold = True
            style.font.size = Pt(size)
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.space_before = Pt(12)
            style.quick_style = True
        outline = styles[name].element.get_or_add_pPr().get_or_add_outlineLvl()
        outline.set(qn("w:val"), str(level - 1))  # what makes it a heading to Word and to a PDF's tags
    for name, (base, size, bold, italic) in OWN_STYLES.items():
        if name in names:
            continue
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        if size:
            style.font.size = Pt(size)
        style.font.bold = bold or None
        style.font.italic = italic or None
        if name == TABLE_TEXT:
            style.paragraph_format.space_after = Pt(0)
            style.paragraph_format.space_before = Pt(0)
            style.paragraph_format.line_spacing = 1.0


def heading(document: Any, text: str, level: int, last: int) -> tuple[int, Any]:
    """Add a heading; its level is never more than one below the last heading's.

    Returns the level used and the paragraph."""
    level = max(1, min(level, last + 1, 3))
    return level, paragraph(document, [(text, False, False, "")], f"Heading {level}")


def paragraph(container: Any, parts: list[tuple[str, bool, bool, str]], style: str = "Normal") -> Any:
    """A paragraph of runs (text, bold, italic, language) in `style`."""
    p = container.add_paragraph()
    style_id = _style_id(container, style)
    if style_id:
        _set_style(p._p, style_id)
    _runs(p, parts)
    return p


def _set_style(p: Any, style_id: str) -> None:
    """Give a new, empty paragraph element its style. Made directly: python-docx finds where a
    child goes by looking for each of the thirty-odd elements that may follow it, which was most
    of the time a long paper took."""
    from docx.oxml import OxmlElement

    ppr = p.find(_tag("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)  # always a paragraph's first child
    pstyle = OxmlElement("w:pStyle")
    pstyle.set(_tag("w:val"), style_id)
    ppr.insert(0, pstyle)  # always the first child of its properties


# Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo and the rest up to Arabic Extended,
# and the presentation forms), as report/direction.py has them for the PDF.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def _rtl_first(text: str) -> bool:
    """Whether the first strong letter of `text` is right-to-left (the paragraph's direction)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


def _runs(p: Any, parts: list[tuple[str, bool, bool, str]], bold: bool = False) -> None:
    """Add runs of text to a paragraph: bold, italic, language and right-to-left as each needs.

    Built as XML directly, in the schema's order (w:rPr first; in it b, i, rtl, lang), for the
    reason `_set_style` gives. A right-to-left paragraph (its first strong letter) reads right
    to left (w:bidi), as the PDF sets it flush right."""
    from docx.oxml import OxmlElement

    element = p._p
    rtl_seen = False
    for text, strong, italic, lang in parts:
        rtl = _RTL.search(text) is not None
        rtl_seen = rtl_seen or rtl
        if "\t" in text or "\n" in text:
            r = p.add_run(text)._r  # tabs and line breaks become w:tab and w:br
        else:
            r = OxmlElement("w:r")
            element.append(r)
        flags = [tag for tag, on in (("w:b", strong or bold), ("w:i", italic), ("w:rtl", rtl)) if on]
        if flags or lang:
            properties = OxmlElement("w:rPr")
            for tag in flags:
                properties.append(OxmlElement(tag))
            if lang:
                language = OxmlElement("w:lang")
                language.set(_tag("w:val"), lang)
                properties.append(language)
            r.insert(0, properties)
        if text and "\t" not in text and "\n" not in text:
            t = OxmlElement("w:t")
            t.text = text
            if text[0].isspace() or text[-1].isspace():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)
    if rtl_seen and _rtl_first("".join(text for text, *_rest in parts)):
        element.get_or_add_pPr().insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def _tag(name: str) -> str:
    from docx.oxml.ns import qn as docx_qn

    return str(docx_qn(name))


def _style_id(container: Any, name: str) -> str | None:
    """The id of paragraph style `name` (None for the default style). python-docx looks a name up
    by walking every style each time, which was most of the time a long paper took; this looks
    them all up once a document."""
    from docx.enum.style import WD_STYLE_TYPE

    part = container.part
    ids: dict[str, str] | None = getattr(part, "_coprod_style_ids", None)
    if ids is None:
        styles = part.styles
        ids = {}
        default = None
        for style in styles:
            if style.type == WD_STYLE_TYPE.PARAGRAPH:
                ids.setdefault(style.name, style.style_id)
                if style.element.get(qn("w:default")) in ("1", "true", "on"):
                    default = style.style_id
        ids[""] = default or ""
        part._coprod_style_ids = ids
    found = ids.get(name)
    if found is None:
        raise KeyError(f"no paragraph style named {name!r}")
    return None if found == ids[""] else found


def table(
    document: Any,
    header: list[str],
    rows: list[list[list[tuple[str, bool, bool, str]]]],
    widths: list[float],
    *,
    caption: str = "",
    numeric: list[bool] | None = None,
    header_row: bool = True,
    total_rows: int = 0,
    details: list[list[tuple[str, bool, bool, str]]] | None = None,
) -> Any:
    """A bordered table whose header row repeats on every page and whose rows never split.

    `widths` are shares of the text width; `numeric` columns are aligned right. With
    `header_row=False` (label and value pairs) the first column is bold instead. The last
    `total_rows` rows are totals: a heavier rule above them, as the PDF draws. `details[i]`,
    when given, is set on the full width under row i, with no rule between them, and kept
    on its page (an action's how and why under its title, owner, date and status).
    """
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.text.paragraph import Paragraph

    columns = len(widths)
    t = document.add_table(rows=0, cols=columns)
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    t.autofit = False
    _borders(t)
    if caption:
        _table_property(t, "w:tblCaption", caption)
        _table_property(t, "w:tblDescription", caption)
    text_width = _text_width(document)
    # The grid, which LibreOffice lays out by; each new row's cells take their widths from it,
    # which Word lays out by.
    for column, share in zip(t.columns, widths, strict=False):
        column.width = int(text_width * share)
    numeric = numeric or [False] * columns

    try:
        cell_style = _style_id(document, TABLE_TEXT)
    except KeyError:  # a document whose styles were not ensured: the cells keep Normal
        cell_style = None

    def add_row(*flags: str) -> list[Any]:
        row = t.add_row()  # python-docx's row.cells walks the whole table: the cells are read directly
        for flag in ("w:cantSplit", *flags):
            _row_flag(row, flag)
        paragraphs = [Paragraph(tc.p_lst[0], t) for tc in row._tr.tc_lst]
        if cell_style:
            for p in paragraphs:
                _set_style(p._p, cell_style)
        return paragraphs

    if header_row:
        for p, text in zip(add_row("w:tblHeader"), header, strict=False):
            p.add_run(text).bold = True
    first_total = len(rows) - total_rows if total_rows else -1
    for n, row in enumerate(rows):
        paragraphs = add_row()
        for i, (p, parts) in enumerate(zip(paragraphs, row, strict=False)):
            _runs(p, parts, bold=not header_row and i == 0)
            if numeric[i]:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if n == first_total:
            for p in paragraphs:
                _rule_above(p._p.getparent())
        more = details[n] if details and n < len(details) else None
        if more:
            for p in paragraphs:
                p.paragraph_format.keep_with_next = True  # the row stays with what is said under it
                _no_rule(p._p.getparent(), "bottom")
            _runs(_spanning_row(t, add_row), more)
    return t


def _spanning_row(t: Any, add_row: Any) -> Any:
    """A row of one cell across every column, with no rule above it; returns its paragraph."""
    from docx.oxml import OxmlElement

    paragraphs = add_row()
    cells = [p._p.getparent() for p in paragraphs]
    first = cells[0]
    width = sum(int(tc.tcPr.tcW.w or 0) for tc in cells if tc.tcPr is not None and tc.tcPr.tcW is not None)
    for tc in cells[1:]:
        tc.getparent().remove(tc)
    tc_pr = first.get_or_add_tcPr()
    if width:
        tc_pr.get_or_add_tcW().w = width
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), str(len(cells)))
    tc_pr.insert_element_before(span, "w:vMerge", "w:hMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar", "w:vAlign")
    _no_rule(first, "top")
    return paragraphs[0]


def _no_rule(tc: Any, edge: str) -> None:
    """No rule along the top or bottom of a table cell (between a row and the details under it)."""
    from docx.oxml import OxmlElement

    tc_pr = tc.get_or_add_tcPr()
    borders = tc_pr.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        tc_pr.insert_element_before(
            borders, "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
        )
    element = OxmlElement(f"w:{edge}")
    element.set(qn("w:val"), "nil")
    # The schema's order: top, start (left), bottom, end (right), insideH, insideV, tl2br, tr2bl.
    later: tuple[str, ...] = ("w:left", "w:start", "w:bottom") if edge == "top" else ()
    later += ("w:end", "w:right", "w:insideH", "w:insideV", "w:tl2br", "w:tr2bl")
    anchor = next((c for c in borders if c.tag in {qn(t) for t in later}), None)
    if anchor is not None:
        anchor.addprevious(element)
    else:
        borders.append(element)


def _rule_above(tc: Any) -> None:
    """A heavier rule along the top of a table cell (the first row of totals)."""
    from docx.oxml import OxmlElement

    borders = OxmlElement("w:tcBorders")
    top = OxmlElement("w:top")
    for name, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "0"), ("w:color", "222222")):
        top.set(qn(name), value)
    borders.append(top)
    tc_pr = tc.get_or_add_tcPr()
    tc_pr.insert_element_before(
        borders, "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
    )


def picture(document: Any, png: bytes, width_share: float, alt: str, title: str) -> Any:
    """A picture on a paragraph of its own, with its alternative text and title set. Returns the paragraph."""
    p = document.add_paragraph()
    shape = p.add_run().add_picture(io.BytesIO(png), width=int(_text_width(document) * width_share))
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", alt)
    doc_pr.set("title", title)
    return p


def page_break(document: Any) -> None:
    """Start a new page here."""
    from docx.enum.text import WD_BREAK

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _text_width(document: Any) -> int:
    section = document.sections[-1]
    return int(section.page_width - section.left_margin - section.right_margin)


def _child(parent: Any, tag: str) -> Any:
    """The first child `tag` of `parent`, added at the end if it is missing."""
    from docx.oxml import OxmlElement

    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


# What follows each row flag in w:trPr, in the schema's order (Word is strict about it).
_AFTER = {
    "w:cantSplit": ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del"),
    "w:tblHeader": ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange"),
}


def _row_flag(row: Any, tag: str) -> None:
    """Set a flag of a table row (w:cantSplit, w:tblHeader) where the schema puts it."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn(tag)) is None:
        tr_pr.insert_element_before(OxmlElement(tag), *_AFTER[tag])


def _table_property(t: Any, tag: str, value: str) -> None:
    from docx.oxml import OxmlElement

    tbl_pr = t._tbl.tblPr
    element = OxmlElement(tag)
    element.set(qn("w:val"), value)
    # Schema order puts the caption and description last in w:tblPr.
    tbl_pr.append(element)


def _borders(t: Any) -> None:
    """Thin grey borders drawn on the table itself, so they show whatever the template's styles."""
    from docx.oxml import OxmlElement

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "808080")
        borders.append(element)
    tbl_pr = t._tbl.tblPr
    existing = tbl_pr.find(qn("w:tblBorders"))
    if existing is not None:
        tbl_pr.remove(existing)
    # After w:tblW / w:jc, before w:tblLayout and the rest, as the schema orders them.
    later = {qn(t) for t in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")}
    anchor = next((c for c in tbl_pr if c.tag in later), None)
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        tbl_pr.append(borders)
    # Room between the text and the rules: 1 pt above and below, 4 pt either side.
    margins = OxmlElement("w:tblCellMar")
    for edge, twips in (("top", 20), ("left", 80), ("bottom", 20), ("right", 80)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    anchor = next((c for c in tbl_pr if c.tag in {qn("w:tblLook"), qn("w:tblCaption"), qn("w:tblDescription")}), None)
    if anchor is not None:
        anchor.addprevious(margins)
    else:
        tbl_pr.append(margins)
