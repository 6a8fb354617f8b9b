"""Turning any text a person or a questionnaire wrote into safe Paragraph markup.

reportlab reads Paragraph text as markup: "<Anna>" vanishes, "<b>unclosed"
raises, `<img src=...>` reads a local file. Every piece of text that is not
our own markup goes through `para` (or `clean`, for the canvas and metadata).
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from coprod_check.report.direction import shaped
from coprod_check.report.fonts import printable

# C0 and C1 control characters and DEL, except tab and newline (handled below).
_CONTROLS = {c: None for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)] if c not in (0x09, 0x0A)}
_BLANK_LINES = re.compile(r"\n{3,}")
# Parts of emoji sequences that mean nothing once the emoji itself is spelled out.
_EMOJI_PARTS = {0x200D, 0xFE0E, 0xFE0F, *range(0x1F3FB, 0x1F400)}
REPLACEMENT = "\N{REPLACEMENT CHARACTER}"


def clean(text: object) -> str:
    """Plain text the font can print: no control characters, no missing glyphs.

    A character the font cannot draw is spelled out when it is a symbol
    (an emoji becomes "[smiling face]") and shown as U+FFFD otherwise, so no
    letter is silently replaced by an empty box.
    """
    s = str(text).replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS).replace("\t", " ")
    ok = printable()
    if all(ord(ch) in ok or ch == "\n" for ch in s):
        return s
    out: list[str] = []
    spelled = False  # the last character was spelled out: joiners after it mean nothing now
    for ch in s:
        code = ord(ch)
        if code in _EMOJI_PARTS and (spelled or code not in ok):
            continue
        spelled = False
        if code in ok or ch == "\n":
            out.append(ch)
        elif unicodedata.category(ch) in ("Cf", "Mn", "Cs", "Co", "Cn"):
            continue  # invisible, or nothing sensible to show
        elif unicodedata.category(ch).startswith("S"):
            out.append(f"[{unicodedata.name(ch, 'symbol').lower()}]")
            spelled = True
        else:
            out.append(REPLACEMENT)
    return "".join(out)


def para(text: object) -> str:
    """Text as Paragraph markup that shows exactly what was typed: escaped, newlines kept.

    Arabic letters are joined here, before layout measures them (see `direction`).
    """
    s = shaped(_BLANK_LINES.sub("\n\n", clean(text).strip("\n")))
    return escape(s).replace("\n", "<br/>")


def one_line(text: object, limit: int) -> str:
    """Clean text on one line, cut to `limit` characters with an ellipsis (full text elsewhere)."""
    s = " ".join(clean(text).split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"
