"""A trust's own Word template for the board paper: a .docx (or .dotx) with named placeholders.

The Word twin starts from a template: the project's own (`assets/templates/board-paper.docx`)
unless a trust gives its own. Whatever the template holds (its cover sheet, logo, header,
footer and styles) is kept; the placeholders in it are filled in:

- field placeholders such as ``{{ meeting }}`` anywhere in the text, in tables, text boxes,
  headers and footers (the names are in `FIELDS`); a placeholder may be split across runs, as
  Word often splits text, and takes the formatting of its first character;
- ``{{ cover }}`` on a paragraph of its own: the paper's cover-sheet facts, as the PDF's cover;
- ``{{ paper }}`` on a paragraph of its own: the board paper and the appendix. Without it they
  follow the template's own content.

A placeholder name coprod-check does not know is left as it was typed, so a misspelt one shows
in the document, and `fill` returns it so the command can say so.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from coprod_check.domain.errors import CoprodError

__all__ = ["BLOCKS", "FIELDS", "TemplateError", "default_template", "fill", "insert_at", "open_template"]

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
# Field placeholders and what each is filled with (documented in the README).
FIELDS = {
    "title": "the paper's title",
    "organisation": "the organisation's name",
    "team": "the team or service assessed",
    "meeting": "the meeting the paper goes to",
    "meeting_date": "the date of that meeting",
    "purpose": "for decision, assurance or information",
    "executive_lead": "the executive lead",
    "author": "the report's author",
    "assessment_date": "the date of the assessment",
    "running_header": "the running header's words, such as 'Assessment of 24 November 2026'",
    "printed": "the date the paper was made",
    "questionnaire": "the questionnaire's title and version",
    "sha256": "the assessment file's SHA-256",
}
BLOCKS = {
    "cover": "the cover sheet's facts (a paragraph of its own)",
    "paper": "the board paper and appendix (a paragraph of its own)",
}
_OWN_RUNS = (
    "./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:sdt/w:sdtContent/w:r"
    " | ./w:hyperlink/w:ins/w:r | ./w:fldSimple/w:r"
)
_HEADER_FOOTER = re.compile(r"/word/(header|footer)[0-9]*\.xml")
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class TemplateError(CoprodError):
    """A template that cannot be used, with the reason in plain words."""


def default_template() -> Path:
    """The project's own template."""
    from coprod_check.app.resources import asset

    return asset("templates/board-paper.docx")


def open_template(path: Path | None = None) -> Any:
    """The template as a python-docx Document (the default one when `path` is None).

    A Word template (.dotx) is opened as a document of the same content. Raises TemplateError
    for a file that is not a Word document.
    """
    from docx import Document

    source = path or default_template()
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise TemplateError(f"{source}: the Word template cannot be read ({exc.strerror or exc})") from None
    try:
        return Document(io.BytesIO(_as_document(data)))
    except Exception:  # python-docx raises several kinds for a file that is not a .docx
        raise TemplateError(
            f"{source}: this is not a Word document or template (.docx or .dotx) that coprod-check can use"
        ) from None


def _as_document(data: bytes) -> bytes:
    """A .dotx's bytes with the document's content type, so python-docx opens it."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        types = z.read("[Content_Types].xml")
        if _TEMPLATE_TYPE not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
            for info in z.infolist():
                body = z.read(info)
                w.writestr(
                    info,
                    body.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE) if info.filename == "[Content_Types].xml" else body,
                )
        return out.getvalue()


def fill(document: Any, values: Mapping[str, str]) -> set[str]:
    """Fill every field placeholder in the document; returns the names it does not know."""
    unknown: set[str] = set()
    for paragraph in _paragraphs(document):
        if "{{" in "".join(t.text or "" for t in paragraph._p.iter(_tag("w:t"))):  # a cheap first look
            unknown |= _fill_paragraph(paragraph, values)
    return unknown - set(BLOCKS)


def insert_at(document: Any, block: str, render: Callable[[], None]) -> bool:
    """Run `render` (which adds to the end of the document) and move what it added to where the
    paragraph ``{{ block }}`` stands, removing that paragraph. False (nothing run) when the
    template has no such paragraph in its body."""
    body = document.element.body
    marker = next((p for p in body.iterchildren(_tag("w:p")) if _is_block(p, block)), None)
    if marker is None:
        return False
    sect = _tag("w:sectPr")
    children = list(body)
    tail = 1 if children and children[-1].tag == sect else 0  # python-docx adds before the sectPr
    start = len(children) - tail
    render()
    now = list(body)
    for child in now[start : len(now) - tail]:
        marker.addprevious(child)
    body.remove(marker)
    return True


def has_block(document: Any, block: str) -> bool:
    """True when the template's body has the paragraph ``{{ block }}``."""
    return any(_is_block(p, block) for p in document.element.body.iterchildren(_tag("w:p")))


def _is_block(p: Any, block: str) -> bool:
    text = "".join(t.text or "" for t in p.iter(_tag("w:t"))).strip()
    match = PLACEHOLDER.fullmatch(text)
    return bool(match and match.group(1) == block)


def _paragraphs(document: Any) -> Iterator[Any]:
    """Every paragraph of the body (tables and text boxes too), then of every header and footer."""
    from docx.text.paragraph import Paragraph

    parts = [document.part] + [
        part
        for part in document.part.package.iter_parts()
        if _HEADER_FOOTER.fullmatch(str(part.partname)) and hasattr(part, "element")
    ]
    for part in parts:
        for p in part.element.iter(_tag("w:p")):
            yield Paragraph(p, part)


def _fill_paragraph(paragraph: Any, values: Mapping[str, str]) -> set[str]:
    """Replace the placeholders of one paragraph, run by run; returns the names not known.

    The paragraph's own runs are read in order, those inside a hyperlink, a tracked insertion,
    a smart tag or a content control included (Word puts typed text in any of them), but not
    those of a text box anchored in it, which is a paragraph of its own."""
    from docx.text.run import Run

    runs = [Run(r, paragraph) for r in paragraph._p.xpath(_OWN_RUNS)]
    texts = [r.text for r in runs]
    starts = []
    offset = 0
    for t in texts:
        starts.append(offset)
        offset += len(t)
    whole = "".join(texts)
    unknown = set()
    for match in reversed(list(PLACEHOLDER.finditer(whole))):
        name = match.group(1)
        if name not in values:
            unknown.add(name)
            continue
        first = _run_at(starts, match.start())
        last = _run_at(starts, match.end() - 1)
        head = texts[first][: match.start() - starts[first]]
        tail = texts[last][match.end() - starts[last] :]
        if first == last:
            texts[first] = head + values[name] + tail
        else:
            texts[first] = head + values[name]
            for i in range(first + 1, last):
                texts[i] = ""
            texts[last] = tail
    for run, text in zip(runs, texts, strict=True):
        if run.text != text:
            run.text = text
    return unknown


def _run_at(starts: list[int], index: int) -> int:
    """The run that holds character `index` of the paragraph's text."""
    i = 0
    for n, start in enumerate(starts):
        if start <= index:
            i = n
    return i


def _tag(name: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(name))
