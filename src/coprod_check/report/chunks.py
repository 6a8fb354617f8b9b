"""Long text as several Paragraphs, so that laying it out stays linear.

reportlab lays out the whole rest of a Paragraph again every time it splits
one across a page, so a 200,000-character note in a single Paragraph takes
minutes. Cut into pieces of a couple of thousand characters, it takes a second.
"""

from __future__ import annotations

import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from coprod_check.report.direction import Para

CHUNK = 1500  # characters of markup; text shorter than this stays one Paragraph
_TOKEN = re.compile(r"<(/?)([bi])>|<br/>|&#?\w+;|.", re.DOTALL)


def split_markup(markup: str, size: int = CHUNK, hard: int | None = None) -> list[str]:
    """Cut our markup into pieces of about `size` characters, each with balanced tags.

    Cuts fall on a line break or a space once a piece is long enough, or
    anywhere (never inside an entity) once it reaches `hard` (twice `size`).
    """
    hard = hard or 2 * size
    if len(markup) <= size:
        return [markup]
    pieces: list[str] = []
    current: list[str] = []
    length = 0
    open_tags: list[str] = []
    for match in _TOKEN.finditer(markup):
        token = match.group(0)
        closing, tag = match.group(1), match.group(2)
        breakable = token in ("<br/>", " ")
        if length >= size and (breakable or length >= hard):
            pieces.append("".join(current) + "".join(f"</{t}>" for t in reversed(open_tags)))
            current = [f"<{t}>" for t in open_tags]
            length = 0
            if breakable:
                continue  # the new paragraph is the break
        if tag:
            if closing and open_tags and open_tags[-1] == tag:
                open_tags.pop()
            elif not closing:
                open_tags.append(tag)
        current.append(token)
        length += len(token)
    if current:
        pieces.append("".join(current))
    return pieces


def paragraphs(markup: str, style: ParagraphStyle) -> list[Paragraph]:
    """One Paragraph per piece of the markup."""
    return [Para(piece, style) for piece in split_markup(markup)]
