"""The Word twin, read back with python-docx: the paper's content in the paper's order,
accessible by construction, and every print guarantee the PDF gives."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from coprod_check.domain.assessment import Answer, BoardFields, CustomAction
from coprod_check.report.content import paper_for
from coprod_check.report.content.model import Chart, Heading, Table, walk
from coprod_check.report.formats import rendered
from coprod_check.report.ooxml import SHA256_PROPERTY
from coprod_check.report.word import docx_for, render_docx
from coprod_check.report.word_template import FIELDS
from tests.domain.test_profiles import profile_assessment
from tests.report.paper_sample import HOSTILE, sample
from tests.report.pdf import TODAY, example, readiness

SHA = "c0ffee" * 10 + "abcd"
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}


def _docx(a=None, **kw) -> bytes:
    return docx_for(readiness(), a or example(), assessment_sha256=SHA, today=TODAY, **kw)[0]


def _part(data: bytes, name: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def _headings(doc) -> list[tuple[int, str]]:
    return [(int(p.style.name[-1]), p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]


def _body_text(doc) -> str:
    """Every paragraph and table cell of the body, in document order (a line break as one)."""
    out = []
    w = f"{{{NS['w']}}}"
    for element in doc.element.body.iter(f"{w}p"):
        out.append(
            "".join(
                (e.text or "") if e.tag == f"{w}t" else "\n" if e.tag in (f"{w}br", f"{w}cr") else " "
                for e in element.iter(f"{w}t", f"{w}br", f"{w}cr", f"{w}tab")
            )
        )
    return "\n".join(out)


@pytest.fixture(scope="module")
def example_docx() -> bytes:
    return _docx()


def test_the_headings_are_the_papers_in_order_real_styles_never_skipping_a_level(example_docx: bytes) -> None:
    doc = Document(io.BytesIO(example_docx))
    paper = paper_for(readiness(), example(), assessment_sha256=SHA, today=TODAY)
    wanted = [b.text for s in paper.sections() for b in walk(s.blocks) if isinstance(b, Heading)]
    got = _headings(doc)
    assert [text for _, text in got] == wanted
    assert got[0] == (1, "Co-production readiness: board paper")
    last = 0
    for level, _ in got:
        assert level <= last + 1
        last = level
    assert "Appendix" in [t for _, t in got]


def test_tables_come_in_the_papers_order_with_header_rows_that_repeat(example_docx: bytes) -> None:
    doc = Document(io.BytesIO(example_docx))
    paper = paper_for(readiness(), example(), assessment_sha256=SHA, today=TODAY)
    tables = [b for s in paper.sections() for b in walk(s.blocks) if isinstance(b, Table)]
    headed = [t for t in doc.tables if t.rows[0]._tr.find("w:trPr/w:tblHeader", NS) is not None]
    assert [tuple(c.text for c in t.rows[0].cells) for t in headed] == [t.header for t in tables]
    for word_table, table in zip(headed, tables, strict=True):
        wanted = []
        for i, row in enumerate(table.rows):
            wanted.append(["".join(r.text for r in cell).replace("\n", "") for cell in row])  # a line break is w:br
            if i < len(table.details) and table.details[i]:
                wanted.append(["".join(r.text for r in table.details[i]).replace("\n", "")])  # one cell across
        got = [[tc.xpath("string(.)") for tc in tr.findall("w:tc", NS)] for tr in word_table._tbl.tr_lst[1:]]
        assert got == wanted
    details = [t for t in tables if t.details]
    assert details, "the action tables set each action's how and why under its row"
    spanning = [tr for t in headed for tr in t._tbl.tr_lst if len(tr.findall("w:tc", NS)) == 1 and len(t.columns) > 1]
    assert spanning and all(
        tr.find("w:tc/w:tcPr/w:gridSpan", NS) is not None and tr.find("w:tc/w:tcPr/w:tcBorders/w:top", NS) is not None
        for tr in spanning
    )


def test_every_chart_is_a_picture_whose_alternative_text_is_its_data(example_docx: bytes) -> None:
    paper = paper_for(readiness(), example(), assessment_sha256=SHA, today=TODAY)
    charts = [b for s in paper.sections() for b in walk(s.blocks) if isinstance(b, Chart)]
    pictures = _part(example_docx).findall(".//wp:docPr", NS)
    assert charts and [p.get("descr") for p in pictures] == [c.alt for c in charts]
    assert all(any(ch.isdigit() for ch in c.alt) for c in charts)  # the figures, in words


def test_title_language_and_hash_are_set(example_docx: bytes) -> None:
    doc = Document(io.BytesIO(example_docx))
    core = doc.core_properties
    assert core.title.startswith("Co-production readiness") and "Northfield" in core.title
    assert core.language == "en-GB"
    assert core.identifier == f"sha256:{SHA}"
    langs = [e.get(f"{{{NS['w']}}}val") for e in _part(example_docx, "word/styles.xml").iter(f"{{{NS['w']}}}lang")]
    assert langs and set(langs) == {"en-GB"}  # Word's own default would be en-US
    custom = etree.tostring(_part(example_docx, "docProps/custom.xml")).decode()
    assert SHA256_PROPERTY in custom and SHA in custom
    assert SHA in _body_text(doc)  # printed once, on the last page, as in the PDF


def test_the_same_bytes_for_the_same_input_and_date(example_docx: bytes) -> None:
    assert _docx() == example_docx


def test_the_cover_sheet_fields_fill_the_templates_placeholders(example_docx: bytes) -> None:
    doc = Document(io.BytesIO(example_docx))
    header = doc.sections[0].header.paragraphs[0].text
    assert header == "Northfield Community Mental Health Trust\tAssessment of 24 November 2026"
    assert "{{" not in _body_text(doc)
    a = example()
    a.board = BoardFields(meeting="Trust board", executive_lead="Chief nurse")
    text = _body_text(Document(io.BytesIO(_docx(a))))
    assert "Trust board" in text and "Chief nurse" in text


def test_private_notes_and_names_only_when_asked() -> None:
    a = example()
    first = next(iter(readiness().questions()))
    a.answers[first.id] = Answer("asking", note="PRIVATE-NOTE-WORDS", note_private=True)
    for p in a.people:
        p.name = "Zofia Secretname"
    hidden = _body_text(Document(io.BytesIO(_docx(a))))
    assert "PRIVATE-NOTE-WORDS" not in hidden and "Secretname" not in hidden
    shown = _body_text(Document(io.BytesIO(_docx(a, include_private=True, include_names=True))))
    assert "PRIVATE-NOTE-WORDS" in shown and "Secretname" in shown


def test_any_text_is_printed_as_typed_and_control_characters_show() -> None:
    a = example()
    a.organisation = "North <i>&amp;</i> {{ sha256 }}"
    a.plan.custom.append(CustomAction(id="own:x", title=HOSTILE, why="why \x07 bell"))
    text = _body_text(Document(io.BytesIO(_docx(a))))
    assert "<b>not bold</b> {{ meeting }} =SUM(A1) שלום עולם 👩🏽‍⚕️ nul\\x00 esc\\x1b c1\\x92" in text
    assert "why \\x07 bell" in text
    assert "North <i>&amp;</i> {{ sha256 }}" in text  # typed text is never taken for a placeholder


def _template(tmp_path: Path, *paragraphs: str) -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    path = tmp_path / "trust.docx"
    doc.save(str(path))
    return path


def test_a_trusts_template_is_the_cover_sheet_and_keeps_its_own_words(tmp_path: Path) -> None:
    path = _template(
        tmp_path, "NORTH TRUST BOARD", "Meeting: {{ meeting }} on {{ meeting_date }}", "{{ paper }}", "End"
    )
    data, notes = rendered(readiness(), example(), "docx", template=path, assessment_sha256=SHA, today=TODAY)
    doc = Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    assert texts[:2] == ["NORTH TRUST BOARD", "Meeting: not yet named on not yet set"]
    assert texts[-1] == "End" and "{{ paper }}" not in texts
    assert _headings(doc)[0] == (1, "Co-production readiness: board paper")
    assert notes == []
    # without {{ cover }}, the template is the cover sheet: the paper's own fields are left out
    assert "Date of the meeting" not in _body_text(doc)


def test_a_placeholder_it_does_not_know_is_left_and_reported(tmp_path: Path) -> None:
    path = _template(tmp_path, "{{ cover }}", "Ref: {{ trust_reference }}", "{{ paper }}")
    data, notes = rendered(readiness(), example(), "docx", template=path, assessment_sha256=SHA, today=TODAY)
    assert any("{{ trust_reference }}" in n for n in notes)
    text = _body_text(Document(io.BytesIO(data)))
    assert "Ref: {{ trust_reference }}" in text and "Date of the meeting" in text


def test_the_sample_paper_renders_every_kind_of_block() -> None:
    data, unknown = render_docx(sample(HOSTILE), dict.fromkeys(FIELDS, "N"))
    doc = Document(io.BytesIO(data))
    assert unknown == set()
    assert [lvl for lvl, _ in _headings(doc)] == [1, 2, 2, 1, 2, 1, 1, 2]  # the jump to 3 is made a 2
    assert len(_part(data).findall(".//wp:docPr", NS)) == 3
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Lead", "Warning", "Quote", "List Number", "Caption"} <= styles
    quote = next(p for p in doc.paragraphs if p.style.name == "Quote")
    assert quote.runs[0]._r.find("w:rPr/w:lang", NS).get(f"{{{NS['w']}}}val") == "cy"


@pytest.mark.parametrize("name", ["consultation-culture", "honest-dont-know", "group-disagree", "group-small-lived"])
def test_realistic_organisations_render_with_the_papers_headings(name: str) -> None:
    q = readiness()
    a = profile_assessment(q, name)
    data = docx_for(q, a, assessment_sha256=SHA, today=TODAY)[0]
    doc = Document(io.BytesIO(data))
    paper = paper_for(q, a, assessment_sha256=SHA, today=TODAY)
    wanted = [b.text for s in paper.sections() for b in walk(s.blocks) if isinstance(b, Heading)]
    assert [t for _, t in _headings(doc)] == wanted


def test_a_gap_on_the_cover_is_in_italics_and_totals_have_a_rule_above(example_docx: bytes) -> None:
    doc = Document(io.BytesIO(example_docx))
    cover = doc.tables[0]
    meeting = next(row for row in cover.rows if row.cells[0].text == "Meeting")
    assert meeting.cells[1].text == "not yet named" and meeting.cells[1].paragraphs[0].runs[0].italic
    paper = paper_for(readiness(), example(), assessment_sha256=SHA, today=TODAY)
    with_totals = [b for s in paper.sections() for b in walk(s.blocks) if isinstance(b, Table) and b.total_rows]
    assert with_totals
    word = next(t for t in doc.tables if tuple(c.text for c in t.rows[0].cells) == with_totals[0].header)
    first_total = word.rows[len(word.rows) - with_totals[0].total_rows]
    assert first_total.cells[0]._tc.find("w:tcPr/w:tcBorders/w:top", NS) is not None
    assert word.rows[1].cells[0]._tc.find("w:tcPr/w:tcBorders", NS) is None


@pytest.mark.parametrize("name", ["example", "group-disagree", "honest-dont-know"])
def test_every_word_of_the_paper_is_in_the_word_twin(name: str) -> None:
    """A guard for the model growing (a new field on a block): nothing the paper says is left out."""
    q = readiness()
    a = example() if name == "example" else profile_assessment(q, name)
    paper = paper_for(q, a, assessment_sha256=SHA, today=TODAY)
    doc = Document(io.BytesIO(docx_for(q, a, assessment_sha256=SHA, today=TODAY)[0]))
    charts = {b.alt for s in paper.sections() for b in walk(s.blocks) if isinstance(b, Chart)}
    said = paper.text()
    for alt in charts:  # a chart's words are its picture's alternative text, not the body's
        said = said.replace(alt, "")

    def words(text: str) -> set[str]:
        return {w.rstrip(":") for w in text.replace("|", " ").split()}  # a label's colon is the fallback's

    assert not words(said) - words(_body_text(doc))
