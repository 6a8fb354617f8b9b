"""Word and Excel files that are the same bytes for the same input and date.

python-docx and openpyxl stamp the wall-clock time into every zip entry and into
the document's properties (openpyxl sets "modified" to now on every save), and the
zip's entry headers name the system that wrote them. `finish` rewrites a saved
.docx or .xlsx so that none of that varies:

- every zip entry dated the print date at midnight, written by "MS-DOS" (as Office
  itself writes them) with no file permissions, deflated at one fixed level, with
  `[Content_Types].xml` first and the other entries in name order;
- the core properties written afresh: title, subject, author, keywords, description,
  language, `dc:identifier` (``sha256:<hex>`` of the assessment), created and modified
  both the print date, revision 1;
- the assessment's SHA-256 also as the custom property ``AssessmentSHA256`` (Word: File >
  Info > Properties > Advanced > Custom; LibreOffice: File > Properties > Custom
  Properties), added to any custom properties a template already had;
- the stock thumbnail python-docx's default template carries (an empty page) left out.

    props = DocumentProperties(title="Co-production action plan", printed=date, sha256=digest)
    data = save(document_or_workbook, props)   # anything with .save(file)
    data = finish(data_from_elsewhere, props)  # or bytes of a .docx / .xlsx

`finish(finish(x, p), p) == finish(x, p)`. Uses lxml, which python-docx and openpyxl
already bring; neither of them is imported here.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from lxml import etree

__all__ = ["DocumentProperties", "finish", "save"]

_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_THUMB_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_CUSTOM_REL = _REL + "/custom-properties"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one format id every custom property uses
_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
_HEX64 = re.compile(r"[0-9a-f]{64}")
# What XML 1.0 cannot hold: properties pass through the same rule as the text (literal.visible),
# but finish() must never fail on a caller that forgot.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
SHA256_PROPERTY = "AssessmentSHA256"
_LEVEL = 6
_COMPRESSED = (".png", ".jpeg", ".jpg", ".gif")


@dataclass(frozen=True)
class DocumentProperties:
    """What a finished file says about itself. `printed` is the print date: the only date in it."""

    title: str
    printed: dt.date
    subject: str = ""
    author: str = ""
    keywords: str = ""
    description: str = ""
    language: str = ""  # BCP 47, such as "en-GB"
    sha256: str | None = None  # the assessment file's SHA-256, 64 lowercase hex digits
    custom: Mapping[str, str] = field(default_factory=dict)  # more custom properties, by name

    def __post_init__(self) -> None:
        if self.sha256 is not None and not _HEX64.fullmatch(self.sha256):
            raise ValueError("sha256 must be 64 lowercase hexadecimal digits")


class _Saveable(Protocol):
    def save(self, file: io.BytesIO) -> object: ...


def save(document: _Saveable, props: DocumentProperties) -> bytes:
    """A python-docx Document or an openpyxl Workbook saved, then made deterministic by `finish`.

    An openpyxl workbook is written uncompressed first (openpyxl's own writer, given a zip that
    stores), so that its parts are deflated once, by `finish`, not twice.
    """
    buffer = io.BytesIO()
    if type(document).__module__.startswith("openpyxl."):
        from openpyxl.writer.excel import ExcelWriter

        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            ExcelWriter(document, archive).save()
    else:
        document.save(buffer)
    return finish(buffer.getvalue(), props)


def finish(data: bytes, props: DocumentProperties) -> bytes:
    """The bytes of a .docx or .xlsx, with fixed dates, order and properties (see the module)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist() if not info.is_dir()}
    rels = etree.fromstring(parts["_rels/.rels"])
    types = etree.fromstring(parts["[Content_Types].xml"])
    core = _target(rels, _CORE_REL) or "docProps/core.xml"
    for thumbnail in rels.findall(f"{{{_PKG_RELS}}}Relationship[@Type='{_THUMB_REL}']"):
        parts.pop(thumbnail.get("Target", "").lstrip("/"), None)
        rels.remove(thumbnail)
    if _target(rels, _CORE_REL) is None:
        _relate(rels, _CORE_REL, core)
        _override(types, core, _CORE_TYPE)
    parts[core] = _core_xml(props)
    custom_values = dict(props.custom)
    if props.sha256:
        custom_values[SHA256_PROPERTY] = props.sha256
    if custom_values:
        custom = _target(rels, _CUSTOM_REL)
        if custom is None:
            custom = "docProps/custom.xml"
            _relate(rels, _CUSTOM_REL, custom)
            _override(types, custom, _CUSTOM_TYPE)
        parts[custom] = _custom_xml(parts.get(custom), custom_values)
    parts["_rels/.rels"] = _xml(rels)
    parts["[Content_Types].xml"] = _xml(types)
    return _zip(parts, props.printed)


def _zip(parts: dict[str, bytes], printed: dt.date) -> bytes:
    when = (max(printed.year, 1980), printed.month, printed.day, 0, 0, 0)  # zip dates start in 1980
    names = sorted(parts, key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=when)
            info.create_system = 0
            info.external_attr = 0
            # Pictures are compressed already: deflating them again costs time and saves nothing.
            stored = name.lower().endswith(_COMPRESSED)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            z.writestr(info, parts[name], compresslevel=None if stored else _LEVEL)
    return out.getvalue()


def _target(rels: etree._Element, rel_type: str) -> str | None:
    for rel in rels.findall(f"{{{_PKG_RELS}}}Relationship"):
        if rel.get("Type") == rel_type:
            return (rel.get("Target") or "").lstrip("/") or None
    return None


def _relate(rels: etree._Element, rel_type: str, target: str) -> None:
    taken = {rel.get("Id") for rel in rels}
    n = 1
    while f"rId{n}" in taken:
        n += 1
    etree.SubElement(rels, f"{{{_PKG_RELS}}}Relationship", Id=f"rId{n}", Type=rel_type, Target=target)


def _override(types: etree._Element, part: str, content_type: str) -> None:
    name = "/" + part
    for existing in types.findall(f"{{{_CT}}}Override"):
        if existing.get("PartName") == name:
            types.remove(existing)
    etree.SubElement(types, f"{{{_CT}}}Override", PartName=name, ContentType=content_type)


def _xml_text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _core_xml(props: DocumentProperties) -> bytes:
    nsmap = {k: v for k, v in _NS.items()}
    root = etree.Element(f"{{{_NS['cp']}}}coreProperties", nsmap=nsmap)  # type: ignore[arg-type]
    identifier = f"sha256:{props.sha256}" if props.sha256 else ""
    stamp = f"{props.printed.isoformat()}T00:00:00Z"
    for tag, value in (
        ("dc:title", props.title),
        ("dc:subject", props.subject),
        ("dc:creator", props.author),
        ("cp:keywords", props.keywords),
        ("dc:description", props.description),
        ("dc:identifier", identifier),
        ("dc:language", props.language),
        ("cp:lastModifiedBy", props.author),
        ("cp:revision", "1"),
        ("dcterms:created", stamp),
        ("dcterms:modified", stamp),
    ):
        prefix, local = tag.split(":")
        element = etree.SubElement(root, f"{{{_NS[prefix]}}}{local}")
        element.text = _xml_text(value)
        if prefix == "dcterms":
            element.set(f"{{{_NS['xsi']}}}type", "dcterms:W3CDTF")
    return _xml(root)


def _custom_xml(existing: bytes | None, values: Mapping[str, str]) -> bytes:
    if existing:
        root = etree.fromstring(existing)
        for prop in list(root):
            if prop.get("name") in values:
                root.remove(prop)
    else:
        root = etree.Element(f"{{{_CUSTOM}}}Properties", nsmap={None: _CUSTOM, "vt": _VT})  # type: ignore[dict-item]
    pids = [int(p.get("pid") or 1) for p in root]
    pid = max(pids, default=1)
    for name in sorted(values):
        pid += 1
        prop = etree.SubElement(root, f"{{{_CUSTOM}}}property", fmtid=_FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{_VT}}}lpwstr").text = _xml_text(values[name])
    return _xml(root)


def _xml(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
