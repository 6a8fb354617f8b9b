"""The board paper and its appendix as plain data: what is said, in what order, and how it is
grouped, with no page-layout library in sight.

Every printed format renders this one model: the PDF (report/pdf_paper.py) and the Word twin
render the same sections, headings, paragraphs, tables and charts in the same order, so
"the same content and order" holds by construction. Text is plain Unicode, never markup:
each renderer escapes it for its own format (a "<b>" typed by a user prints as "<b>").

The shape:

    Paper
      meta: Meta                   title, author, subject, keywords, language, sha256, dates
      parts: (Part, ...)           "board-paper" (at most four pages), then "appendix"
        sections: (Section, ...)   id, title, level, blocks, new_page
          blocks: (Block, ...)     Heading, Para, Items, Fields, Table, Chart, Quote, Keep, Break

Blocks are frozen dataclasses; `Runs` is a tuple of `Run` (text with bold or italic).
The API only grows: new block kinds and new optional fields with defaults, never renamed.
A renderer that meets a block kind it does not know should render its `fallback()` text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

# -- text -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A stretch of plain text in one style. `lang` is set where the text is in someone's own
    words and may be in another language than the paper (a BCP 47 tag, or "")."""

    text: str
    bold: bool = False
    italic: bool = False
    lang: str = ""


Runs = tuple[Run, ...]


def runs(*parts: str | Run) -> Runs:
    """Runs from plain strings and Runs, in order; empty strings are dropped."""
    return tuple(p if isinstance(p, Run) else Run(p) for p in parts if (p.text if isinstance(p, Run) else p))


def bold(text: str) -> Run:
    """A bold run."""
    return Run(text, bold=True)


def plain(r: Runs) -> str:
    """The runs' text as one plain string."""
    return "".join(x.text for x in r)


# -- blocks ---------------------------------------------------------------------------

#: Paragraph styles every renderer knows: body text, a lead-in sentence in larger type, a
#: note in smaller type, a warning that must stand out (not by colour alone: it is bold too),
#: and a fingerprint (a hash, never broken or hyphenated: set small, on the full width).
ParaStyle = Literal["body", "lead", "note", "warning", "fingerprint"]


@dataclass(frozen=True)
class Heading:
    """A heading, kept with what follows it. Level 1 for a section, 2 and 3 below it.
    `bookmark` gives it an entry in the PDF's outline and the Word navigation pane."""

    text: str
    level: int = 1
    bookmark: bool = True

    def fallback(self) -> str:
        return self.text


@dataclass(frozen=True)
class Para:
    """A paragraph of running text."""

    runs: Runs
    style: ParaStyle = "body"

    def fallback(self) -> str:
        return plain(self.runs)


@dataclass(frozen=True)
class Items:
    """A bulleted (or numbered) list; each item is one paragraph."""

    items: tuple[Runs, ...]
    numbered: bool = False

    def fallback(self) -> str:
        return "\n".join(plain(x) for x in self.items)


@dataclass(frozen=True)
class Fields:
    """Label and value pairs, as on a cover sheet. `missing` marks a value that is a gap
    ("not yet named", "not yet set"): renderers may show it in italics, never hide it."""

    rows: tuple[tuple[str, Runs], ...]
    missing: frozenset[str] = frozenset()  # the labels whose value is a gap

    def fallback(self) -> str:
        return "\n".join(f"{label}: {plain(value)}" for label, value in self.rows)


@dataclass(frozen=True)
class Table:
    """A table with one header row (repeated on every page it runs onto).

    `widths` are shares of the text width, summing to 1. `numeric` marks columns to align
    right. `caption` says what the table shows (it is also the table's accessible summary).
    `total_rows` counts the last rows that are totals (drawn after a rule). A row's cells
    are Runs; a row never splits across pages unless one cell is longer than a page.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[Runs, ...], ...]
    widths: tuple[float, ...]
    caption: str = ""
    numeric: tuple[bool, ...] = ()
    total_rows: int = 0
    key: str = ""  # a stable name for tests and renderers ("actions-critical", "trend")
    # Per row (or empty): more about that row, set on the full width under it, with no rule
    # between them (an action's how and why under its title, owner, date and status).
    details: tuple[Runs, ...] = ()

    def fallback(self) -> str:
        lines = [" | ".join(self.header)]
        for i, row in enumerate(self.rows):
            lines.append(" | ".join(plain(c) for c in row))
            if i < len(self.details) and self.details[i]:
                lines.append(plain(self.details[i]))
        return "\n".join(lines)


@dataclass(frozen=True)
class Series:
    """One line or set of bars in a chart. `marker` tells series apart by shape, never by
    shade alone ("circle", "square", "triangle", "diamond"); `dash` by line style."""

    name: str
    values: tuple[float | None, ...]
    marker: str = "circle"
    dash: bool = False
    role: str = ""  # what the series is: "with", "care", "overall", "lived-experience", "before", "now"


@dataclass(frozen=True)
class Chart:
    """A chart, with its data, so every renderer draws the same thing and can say it in words.

    `kind` is one of:
    - "trend": `categories` are the rounds (oldest first), each `Series` a score per round
      (None: not known, or not shown to protect small groups); `breaks` are the indices of
      rounds after which the questionnaire's meaning changed (drawn as a gap with a mark).
    - "quadrant": care across, with up; `points` holds ("all", care, with) and, where shown,
      ("lived-experience", care, with); `place` the place's title.
    - "domains": `categories` are domain titles, series "care" and "with" (None: no score),
      `unknown` the "don't know" count per domain (marked on the chart), `group_sizes` the
      number of people behind each figure where the chart shows a group.
    - "distribution": how many people gave each answer to one question: `categories` are the
      answers in the scale's order ("Don't know" and "Not applicable" last, when given), one
      series of counts, `marks` what a bar is for the group ("median", "agreed", ...), and
      `y_max` everyone who answered (a full bar).
    `alt` is the chart in words, for a screen reader and as the picture's alternative text;
    the same data is always also given as a table next to the chart.
    """

    kind: str
    title: str
    alt: str
    categories: tuple[str, ...] = ()
    series: tuple[Series, ...] = ()
    breaks: tuple[int, ...] = ()
    points: tuple[tuple[str, float, float], ...] = ()
    place: str = ""
    unknown: tuple[int, ...] = ()
    group_sizes: tuple[str, ...] = ()
    y_max: float = 100.0
    # "quadrant": the places as (care from, care to, with from, with to, place id, title),
    # as headline.grid gives them, and the current place's id.
    cells: tuple[tuple[float, float, float, float, str, str], ...] = ()
    current: str = ""
    marks: tuple[str, ...] = ()
    # Per category, per series: what a bar without a figure says instead ("not known yet:
    # mostly \u201cdon\u2019t know\u201d"), so a missing figure is never drawn as a measured zero.
    missing: tuple[tuple[str, ...], ...] = ()
    width_share: float = 1.0  # of the text width
    height_mm: float = 55.0

    def fallback(self) -> str:
        return self.alt


@dataclass(frozen=True)
class Quote:
    """Words that are somebody's own, printed exactly as given: never reworded, never cut.
    `by` says whose they are (already worded: "Peer workers' network, 20 November 2026")."""

    text: str
    by: str = ""
    lang: str = ""

    def fallback(self) -> str:
        return self.text + (f"\n\u2014 {self.by}" if self.by else "")


@dataclass(frozen=True)
class Keep:
    """Blocks that must stay on one page together (a question with its answer, a small
    table with its note). If they cannot fit on one page, they flow normally."""

    blocks: tuple[Block, ...]

    def fallback(self) -> str:
        return "\n".join(b.fallback() for b in self.blocks)


@dataclass(frozen=True)
class Break:
    """A page-break hint. "page": always start a new page here. "if-less": start a new page
    only if less than `space_mm` is left (a heading that should not sit at the foot)."""

    kind: Literal["page", "if-less"] = "page"
    space_mm: float = 0.0

    def fallback(self) -> str:
        return ""


Block = Heading | Para | Items | Fields | Table | Chart | Quote | Keep | Break


@dataclass(frozen=True)
class Section:
    """A titled part of the paper. Its first block is its heading. `new_page` starts it on a
    new page; `id` is stable ("cover", "decisions", "assurance", "actions", "appendix" ...)."""

    id: str
    title: str
    blocks: tuple[Block, ...]
    new_page: bool = False


@dataclass(frozen=True)
class Part:
    """The board paper ("board-paper", `max_pages` 4) or the appendix ("appendix"); each part
    starts on a new page."""

    id: str
    title: str
    sections: tuple[Section, ...]
    max_pages: int | None = None


@dataclass(frozen=True)
class Meta:
    """What the document says about itself (properties, header, footer)."""

    title: str
    author: str  # the report author as entered, else the organisation
    subject: str
    keywords: str
    language: str  # BCP 47, e.g. "en-GB"
    organisation: str
    assessment_date: str  # ISO, or ""
    printed: dt.date
    sha256: str | None  # the assessment file's SHA-256, or None for unsaved answers
    creator: str
    header_right: str = ""
    footer_right: str = ""
    hash_line: str = ""  # the one sentence with the hash, printed once on the last page


@dataclass(frozen=True)
class Paper:
    """The whole document: the board paper, then the appendix."""

    meta: Meta
    parts: tuple[Part, ...]
    notes: tuple[str, ...] = field(default=())  # for the person printing (not printed)

    def part(self, part_id: str) -> Part | None:
        """The part with this id, or None."""
        return next((p for p in self.parts if p.id == part_id), None)

    def sections(self) -> Iterator[Section]:
        """Every section, in order."""
        for part in self.parts:
            yield from part.sections

    def section(self, section_id: str) -> Section | None:
        """The first section with this id, or None."""
        return next((s for s in self.sections() if s.id == section_id), None)

    def text(self) -> str:
        """Everything the paper says, as plain text in order (for tests and search)."""
        out = []
        for part in self.parts:
            for section in part.sections:
                out += [b.fallback() for b in walk(section.blocks)]
        return "\n".join(x for x in out if x)


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block in order, the blocks inside a Keep in its place (the Keep itself left out)."""
    for b in blocks:
        if isinstance(b, Keep):
            yield from walk(b.blocks)
        else:
            yield b
