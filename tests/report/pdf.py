"""Helpers for the report tests: the built-in questionnaire, and reading PDFs back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import re
from functools import lru_cache

from pypdf import PdfReader

from coprod_check.app import resources
from coprod_check.domain.example import make_example
from coprod_check.domain.loader import load_questionnaire_file

TODAY = dt.date(2026, 11, 24)


@lru_cache(maxsize=1)
def readiness():
    """The built-in questionnaire, read straight from its file (no cache, no user folder)."""
    return load_questionnaire_file(resources.data_dir("questionnaires") / "coproduction-readiness.yaml")


def example():
    """A fresh copy of the example assessment (tests may change it)."""
    return make_example(readiness(), TODAY)


class Pdf:
    """A rendered plan, read back: pages of text, metadata, outline, fonts."""

    def __init__(self, data: bytes):
        self.data = data
        self.reader = PdfReader(io.BytesIO(data))
        self.pages = [page.extract_text() for page in self.reader.pages]
        self.text = "\n".join(self.pages)
        self.flat = flat(self.text)

    def page_of(self, heading: str) -> int:
        """The 0-based page on which `heading` first stands on a line of its own, after the
        cover (whose facts have labels such as "Who took part")."""
        pattern = re.compile(rf"^{re.escape(heading)}$", re.MULTILINE)
        return next(i for i, text in enumerate(self.pages) if i and pattern.search(text))

    def section(self, start: str, end: str) -> str:
        """The flattened text from the page of one heading to the page before another."""
        return flat("\n".join(self.pages[self.page_of(start) : self.page_of(end)]))

    def between(self, start: str, end: str | None = None) -> str:
        """The flattened body text from one heading to the next heading given (or to the end),
        even when both are on the same page; running headers and footers left out."""
        body = "\n".join(self.body(i) for i in range(1, len(self.pages)))
        begin = re.search(rf"^{re.escape(start)}$", body, re.MULTILINE)
        assert begin, f"no heading {start!r}"
        stop = re.compile(rf"^{re.escape(end)}$", re.MULTILINE).search(body, begin.end()) if end else None
        return flat(body[begin.start() : stop.start() if stop else len(body)])

    def body(self, page: int) -> str:
        """One page's text without its running header and footer."""
        lines = self.pages[page].splitlines()
        footer = [i for i, line in enumerate(lines) if line.startswith("Board paper \u00b7 printed ")]
        return "\n".join(lines[footer[0] + 1 :] if footer else lines)

    def outline(self) -> list[tuple[str, int, int]]:
        """(title, level, 0-based page) for every bookmark, in order."""
        out: list[tuple[str, int, int]] = []

        def walk(items, level):
            for item in items:
                if isinstance(item, list):
                    walk(item, level + 1)
                else:
                    out.append((item.title, level, self.reader.get_destination_page_number(item)))

        walk(self.reader.outline, 0)
        return out

    def fonts(self) -> dict[str, dict]:
        """Every font named in any page's or form's resources, by base font name."""
        found: dict[str, dict] = {}

        def collect(resources):
            resources = resources.get_object() if resources is not None else {}
            for font in (resources.get("/Font") or {}).values():
                font = font.get_object()
                found[str(font["/BaseFont"])] = font
            for xobject in (resources.get("/XObject") or {}).values():
                xobject = xobject.get_object()
                if "/Resources" in xobject:
                    collect(xobject["/Resources"])

        for page in self.reader.pages:
            collect(page.get("/Resources"))
        return found


class Flat(str):
    """Flattened text. The paper hyphenates long words, and a hyphen at the end of a line may be
    one it added ("de-/cisions") or one the text has ("fitness-to-/practise"): `in` accepts
    either reading of each such break."""

    kept: str = ""

    def __contains__(self, part: object) -> bool:
        return super().__contains__(part) or (isinstance(part, str) and part in self.kept)


def flat(text: str) -> Flat:
    """Text with every run of whitespace made one space, so wrapped lines join up again, and a
    word hyphenated at the end of a line made whole again (see Flat)."""
    out = Flat(" ".join(re.sub(r"(\w)-\n(\w)", r"\1\2", text).split()))
    out.kept = " ".join(re.sub(r"(\w)-\n(\w)", r"\1-\2", text).split())
    return out


def fill(pdf: Pdf, page: int) -> float:
    """How far down the body frame a page's text reaches, from 0 (empty) to 1 (full): the
    lowest line of text between the running header and the footer, as pypdf places it."""
    from reportlab.lib.units import mm

    p = pdf.reader.pages[page]
    height = float(p.mediabox.height)
    top, bottom = height - 20 * mm, 19 * mm
    lowest = [top]

    def visit(text, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5] if cm else tm[5]
        if text.strip() and bottom - 2 <= y <= top:
            lowest.append(y)

    p.extract_text(visitor_text=visit)
    return (top - min(lowest)) / (top - bottom)
