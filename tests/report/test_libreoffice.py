"""The tagged-PDF route for a published board pack: LibreOffice converts the Word twin, and
the structure survives (slow: it starts LibreOffice; CI installs libreoffice-writer-nogui).

The README's command, run here as a test: tagged, in the paper's language, the headings
as the outline and as H1 to H3 structure, table header cells as TH, and every chart a Figure
whose alternative text is the chart's data. The workbook and the CSV open in LibreOffice too.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

from coprod_check.domain.assessment import CustomAction
from coprod_check.report.content import paper_for
from coprod_check.report.content.model import Chart, walk
from coprod_check.report.formats import render_plan
from tests.report.pdf import TODAY, example, readiness

pytestmark = pytest.mark.slow
SHA = "d" * 64
TAGGED = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is missing: .ci/run installs libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def convert(tmp_path: Path, source: Path, to: str = TAGGED, *options: str) -> Path:
    """Convert with a profile of its own (two LibreOffices cannot share one)."""
    profile = (tmp_path / "lo-profile").as_uri()
    command = [soffice(), f"-env:UserInstallation={profile}", "--headless", *options, "--convert-to", to]
    done = subprocess.run(
        [*command, "--outdir", str(tmp_path), str(source)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    out = source.with_suffix(".pdf")
    assert done.returncode == 0 and out.is_file(), done.stdout + done.stderr
    return out


def pdfinfo(path: Path) -> dict[str, str]:
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in done.stdout.splitlines())}


def structure(node: Any, out: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(structure type, alternative text) of every element of the structure tree, in order."""
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for child in node:
            structure(child, out)
    elif hasattr(node, "get") and node.get("/S") is not None:
        out.append((str(node["/S"]).lstrip("/"), str(node.get("/Alt", ""))))
        structure(node.get("/K", []), out)
    return out


def outline(items: list[Any], out: list[str]) -> list[str]:
    for item in items:
        if isinstance(item, list):
            outline(item, out)
        else:
            out.append(item.title)
    return out


def test_the_word_twin_becomes_a_tagged_pdf_whose_structure_survives(tmp_path: Path) -> None:
    q, a = readiness(), example()
    source = tmp_path / "plan.docx"
    source.write_bytes(render_plan(q, a, "docx", assessment_sha256=SHA, today=TODAY))
    pdf = convert(tmp_path, source)
    info = pdfinfo(pdf)
    assert info["Tagged"] == "yes"
    headings = [
        (int(p.style.name[-1]), p.text) for p in Document(str(source)).paragraphs if p.style.name.startswith("Heading")
    ]
    assert info["Title"] == Document(str(source)).core_properties.title
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert outline(reader.outline, []) == [text for _, text in headings]  # every heading a bookmark
    appendix = next(item for item in reader.outline if not isinstance(item, list) and item.title == "Appendix")
    assert reader.get_destination_page_number(appendix) <= 4  # the board paper keeps to four pages
    tags = structure(root["/StructTreeRoot"]["/K"], [])
    kinds = [kind for kind, _ in tags]
    assert [kind for kind in kinds if kind in ("H1", "H2", "H3")] == [f"H{level}" for level, _ in headings]
    assert "TH" in kinds and "Table" in kinds
    paper = paper_for(q, a, assessment_sha256=SHA, today=TODAY)
    charts = [b.alt for s in paper.sections() for b in walk(s.blocks) if isinstance(b, Chart)]
    figures = [alt for kind, alt in tags if kind == "Figure"]
    assert len(figures) == len(charts)
    for figure, alt in zip(figures, charts, strict=True):
        assert figure.endswith(alt)  # LibreOffice puts the picture's title first: "title - description"
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert SHA in text.replace("\n", "")


def test_the_workbook_and_the_csv_open_in_libreoffice(tmp_path: Path) -> None:
    q, a = readiness(), example()
    a.plan.custom.append(CustomAction(id="own:pl", title="Zapytać Łódź, Gwenllïan ŵ, Işık", timescale="now"))
    for fmt in ("xlsx", "csv"):
        source = tmp_path / f"actions.{fmt}"
        source.write_bytes(render_plan(q, a, fmt, assessment_sha256=SHA, today=TODAY))
        # Without a window LibreOffice does not ask how to read a CSV: the options say what its
        # Text Import dialog does (comma, quotes, UTF-8); Excel reads the byte-order mark.
        options = ("--infilter=CSV:44,34,76,1",) if fmt == "csv" else ()
        pdf = convert(tmp_path, source, "pdf", *options)
        text = "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
        assert "Zapytać Łódź, Gwenllïan ŵ, Işık" in text  # read as UTF-8 (the CSV's byte-order mark)
        assert "Action" in text and "Priority group" in text
