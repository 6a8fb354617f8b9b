"""report/ooxml.py: a saved .docx or .xlsx made the same bytes for the same input and date."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

from coprod_check.report.ooxml import SHA256_PROPERTY, DocumentProperties, finish, save

SHA = "ab" * 32
DAY = dt.date(2026, 3, 14)


def _props(**kw: object) -> DocumentProperties:
    base: dict[str, object] = {"title": "Plan", "printed": DAY, "sha256": SHA, "language": "en-GB"}
    base.update(kw)
    return DocumentProperties(**base)  # type: ignore[arg-type]


def _docx() -> bytes:
    doc = Document()
    doc.add_heading("A heading", 1)
    doc.add_paragraph("Some words")
    return save(doc, _props())


def _xlsx() -> bytes:
    wb = Workbook()
    wb.active.append(["id", "title"])
    return save(wb, _props())


def test_the_same_bytes_across_a_second_of_wall_clock() -> None:
    first_doc, first_book = _docx(), _xlsx()
    time.sleep(1.1)  # python-docx and openpyxl stamp the time to the second
    assert _docx() == first_doc
    assert _xlsx() == first_book


def test_another_date_gives_other_bytes_with_that_date_only() -> None:
    doc = Document()
    a = save(doc, _props())
    b = save(doc, _props(printed=dt.date(2026, 3, 15)))
    assert a != b
    with zipfile.ZipFile(io.BytesIO(b)) as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 3, 15, 0, 0, 0)}
        assert {i.create_system for i in z.infolist()} == {0}
        assert z.namelist()[0] == "[Content_Types].xml"
        assert z.namelist()[1:] == sorted(z.namelist()[1:])
        core = z.read("docProps/core.xml").decode()
    assert "2026-03-15T00:00:00Z" in core and "2013" not in core


def test_finish_is_idempotent_and_drops_the_stock_thumbnail() -> None:
    data = _docx()
    assert finish(data, _props()) == data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert not any("thumbnail" in n for n in z.namelist())
        assert b"thumbnail" not in z.read("_rels/.rels")


def test_python_docx_reads_back_the_properties() -> None:
    doc = Document(io.BytesIO(_docx()))
    core = doc.core_properties
    assert core.title == "Plan"
    assert core.language == "en-GB"
    assert core.identifier == f"sha256:{SHA}"
    assert core.created == dt.datetime(2026, 3, 14, tzinfo=dt.UTC)
    assert core.modified == dt.datetime(2026, 3, 14, tzinfo=dt.UTC)
    assert [p.text for p in doc.paragraphs] == ["A heading", "Some words"]


def test_openpyxl_reads_back_the_properties_and_the_custom_hash() -> None:
    wb = load_workbook(io.BytesIO(_xlsx()))
    assert wb.properties.title == "Plan"
    assert wb.properties.identifier == f"sha256:{SHA}"
    assert wb.properties.created == dt.datetime(2026, 3, 14, 0, 0)
    assert wb.custom_doc_props[SHA256_PROPERTY].value == SHA
    assert [c.value for c in wb.active[1]] == ["id", "title"]


def test_custom_properties_a_template_had_are_kept() -> None:
    wb = Workbook()
    from openpyxl.packaging.custom import StringProperty

    wb.custom_doc_props.append(StringProperty(name="Trust", value="North"))
    data = save(wb, _props())
    again = load_workbook(io.BytesIO(data))
    assert again.custom_doc_props["Trust"].value == "North"
    assert again.custom_doc_props[SHA256_PROPERTY].value == SHA
    assert finish(data, _props()) == data


def test_no_hash_no_custom_part_and_control_characters_never_break_the_xml() -> None:
    data = save(Document(), _props(sha256=None, title="a\x00b\x1bc"))
    doc = Document(io.BytesIO(data))
    assert doc.core_properties.title == "a\ufffdb\ufffdc"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "docProps/custom.xml" not in z.namelist()


def test_a_hash_that_is_not_sha256_is_refused() -> None:
    with pytest.raises(ValueError):
        _props(sha256="not-a-hash")
