"""The Word template: placeholders filled wherever Word put them, blocks placed, bad files refused."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from coprod_check.report import docx_blocks as blocks
from coprod_check.report.word_template import (
    BLOCKS,
    FIELDS,
    TemplateError,
    default_template,
    fill,
    has_block,
    insert_at,
    open_template,
)

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_template_is_what_the_tool_makes() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import make_word_template
    finally:
        sys.path.pop(0)
    assert default_template().read_bytes() == make_word_template.make()


def test_the_default_template_has_both_blocks_and_its_header_names_the_organisation() -> None:
    doc = open_template()
    assert has_block(doc, "cover") and has_block(doc, "paper")
    assert fill(doc, dict.fromkeys(FIELDS, "X")) == set()
    header = doc.sections[0].header.paragraphs[0].text
    assert header == "X\tX"
    assert "{{" not in doc.sections[0].footer.paragraphs[0].text


def _split_runs_document() -> Document:
    doc = Document()
    p = doc.add_paragraph()
    for piece in ("Meeting: {", "{ meet", "ing }", "} on {{ meeting_date }} ", "{{ nonsense }}"):
        p.add_run(piece).bold = piece.startswith("Meeting")
    table = doc.add_table(rows=1, cols=1)
    table.cell(0, 0).paragraphs[0].add_run("Lead: {{ executive_lead }}")
    doc.sections[0].footer.paragraphs[0].add_run("{{ organisation }}")
    return doc


def test_placeholders_split_across_runs_in_tables_and_footers_are_filled() -> None:
    doc = _split_runs_document()
    unknown = fill(
        doc, {"meeting": "Board", "meeting_date": "1 March 2027", "executive_lead": "Chief nurse", "organisation": "N"}
    )
    assert unknown == {"nonsense"}
    assert doc.paragraphs[0].text == "Meeting: Board on 1 March 2027 {{ nonsense }}"
    assert doc.paragraphs[0].runs[0].bold  # the placeholder takes its first character's formatting
    assert doc.tables[0].cell(0, 0).text == "Lead: Chief nurse"
    assert doc.sections[0].footer.paragraphs[0].text == "N"


def test_blocks_go_where_their_paragraph_stands() -> None:
    doc = Document()
    doc.add_paragraph("Before")
    doc.add_paragraph("{{ paper }}")
    doc.add_paragraph("After")
    assert insert_at(doc, "paper", lambda: [doc.add_paragraph("One"), doc.add_paragraph("Two")])
    assert [p.text for p in doc.paragraphs] == ["Before", "One", "Two", "After"]
    assert not insert_at(doc, "cover", lambda: doc.add_paragraph("never"))
    assert set(BLOCKS) == {"cover", "paper"}


def test_a_word_template_dotx_is_accepted(tmp_path: Path) -> None:
    data = io.BytesIO()
    Document().save(data)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data.getvalue())) as z, zipfile.ZipFile(out, "w") as w:
        for info in z.infolist():
            body = z.read(info)
            if info.filename == "[Content_Types].xml":
                body = body.replace(b"document.main+xml", b"template.main+xml")
            w.writestr(info, body)
    path = tmp_path / "trust.dotx"
    path.write_bytes(out.getvalue())
    assert open_template(path).paragraphs == []


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken", b"%PDF-1.7"])
def test_a_file_that_is_not_a_word_document_is_refused_kindly(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "template.docx"
    path.write_bytes(content)
    with pytest.raises(TemplateError, match="not a Word document"):
        open_template(path)
    with pytest.raises(TemplateError, match="cannot be read"):
        open_template(tmp_path / "missing.docx")


def _xml(doc: Document, part: str = "document") -> str:
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        return z.read(f"word/{part}.xml").decode()


def test_headings_never_skip_a_level_and_have_an_outline_level() -> None:
    doc = Document()
    blocks.ensure_styles(doc)
    level = 0
    used = []
    for wanted in (1, 3, 3, 2, 1, 3):
        level, p = blocks.heading(doc, f"h{wanted}", wanted, level)
        used.append(p.style.name)
    assert used == ["Heading 1", "Heading 2", "Heading 3", "Heading 2", "Heading 1", "Heading 2"]


def test_a_template_without_heading_styles_gets_them(tmp_path: Path) -> None:
    doc = Document()
    styles = doc.styles.element
    for style in list(styles):
        if style.get(blocks.qn("w:styleId"), "").startswith("Heading"):
            styles.remove(style)
    assert "Heading 1" not in {s.name for s in doc.styles}
    blocks.ensure_styles(doc)
    blocks.heading(doc, "Now a heading", 1, 0)
    xml = _xml(doc, "styles")
    assert 'w:outlineLvl w:val="0"' in xml and "Lead" in xml


def test_table_header_repeats_rows_never_split_in_the_schema_order() -> None:
    doc = Document()
    blocks.table(doc, ["A", "B"], [[[("1", False, False, "")], [("2", False, False, "cy")]]], [0.3, 0.7], caption="Cap")
    xml = _xml(doc)
    root = etree.fromstring(xml.encode())
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    rows = root.findall(".//w:tr", ns)
    assert [c.tag.split("}")[1] for c in rows[0].find("w:trPr", ns)] == ["cantSplit", "tblHeader"]
    assert rows[1].find("w:trPr/w:tblHeader", ns) is None
    assert 'w:tblCaption w:val="Cap"' in xml and 'w:lang w:val="cy"' in xml
    tbl_pr = [c.tag.split("}")[1] for c in root.find(".//w:tblPr", ns)]
    assert tbl_pr.index("tblBorders") < tbl_pr.index("tblLayout") < tbl_pr.index("tblCaption")


def test_a_picture_carries_its_alternative_text() -> None:
    from coprod_check.report.chart_png import chart_png
    from tests.report.test_chart_png import trend

    doc = Document()
    blocks.picture(doc, chart_png(trend(), 120) or b"", 0.8, "With: 20, 35, 41.", "Scores by round")
    xml = _xml(doc)
    assert 'descr="With: 20, 35, 41."' in xml and 'title="Scores by round"' in xml


def test_the_language_is_set_where_word_and_libreoffice_read_it() -> None:
    doc = Document()
    blocks.set_language(doc, "en-GB")
    styles = _xml(doc, "styles")
    assert 'w:lang w:val="en-GB"' in styles and 'w:val="en-US"' not in styles
    assert 'w:themeFontLang w:val="en-GB"' in _xml(doc, "settings")


def test_the_readme_documents_every_placeholder() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in (*FIELDS, *BLOCKS):
        assert f"{{{{ {name} }}}}" in readme, name


def test_right_to_left_text_reads_right_to_left() -> None:
    doc = Document()
    blocks.ensure_styles(doc)
    hebrew = blocks.paragraph(doc, [("שלום עולם, we said", False, False, "")])
    mixed = blocks.paragraph(doc, [("We said ", False, False, ""), ("مرحبا", True, False, "ar")])
    latin = blocks.paragraph(doc, [("Plain English", False, False, "")])
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    assert hebrew._p.find("w:pPr/w:bidi", ns) is not None
    assert mixed._p.find("w:pPr/w:bidi", ns) is None
    assert [r._r.find("w:rPr/w:rtl", ns) is not None for r in mixed.runs] == [False, True]
    assert latin._p.find(".//w:rtl", ns) is None and latin._p.find(".//w:bidi", ns) is None
    rpr = [c.tag.split("}")[1] for c in mixed.runs[1]._r.find("w:rPr", ns)]
    assert rpr == ["b", "rtl", "lang"]  # the schema's order


def test_a_placeholder_in_a_hyperlink_or_a_content_control_is_filled() -> None:
    from docx.oxml import parse_xml

    doc = Document()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc.element.body.insert(
        0,
        parse_xml(
            f"<w:p {w}><w:r><w:t xml:space='preserve'>Lead: </w:t></w:r>"
            f"<w:hyperlink><w:r><w:t>{{{{ executive_</w:t></w:r></w:hyperlink>"
            f"<w:sdt><w:sdtContent><w:r><w:t>lead }}}}</w:t></w:r></w:sdtContent></w:sdt></w:p>"
        ),
    )
    assert fill(doc, {"executive_lead": "Chief nurse"}) == set()
    text = "".join(t.text for t in doc.element.body.iter(blocks.qn("w:t")))
    assert text == "Lead: Chief nurse"
    doc.element.body.insert(
        0,
        parse_xml(
            f"<w:p {w}><w:sdt><w:sdtContent><w:r><w:t>{{{{ meeting }}}}</w:t></w:r></w:sdtContent></w:sdt></w:p>"
        ),
    )
    fill(doc, {"meeting": "Board"})
    assert "".join(t.text for t in doc.element.body[0].iter(blocks.qn("w:t"))) == "Board"
