"""Text exactly as it was typed, in a form every file format can hold.

The rule for every printed format (Word, spreadsheet, CSV): markup, right-to-left
letters and emoji are kept as they are (Word and spreadsheets draw them with the
reader's own fonts). Control characters, which XML cannot hold and which would
otherwise vanish or break the file, are shown as visible placeholders, never
dropped silently: each is spelled as its code, ``\\x00`` for NUL, ``\\x1b`` for
ESC, ``\\x92`` for a C1 control (often a Windows apostrophe read the wrong way),
``\\ud800`` for a lone surrogate or the non-characters U+FFFE and U+FFFF. Tab and
newline are kept; a Windows or old Mac line ending becomes a newline.

Spelled, not drawn: Unicode's control pictures (␀, ␛) were tried first, but Arial and
Liberation Sans have no glyph for them, so Word and LibreOffice showed an empty box or
nothing at all, which is the silent loss this rule is there to prevent.

Pure Python: no python-docx, openpyxl or reportlab here.
"""

from __future__ import annotations

import re

__all__ = ["placeholder", "visible", "visible_line"]

# Everything the rule touches, in one pass: C0 but tab and newline, DEL, C1, surrogates, U+FFFE/F.
_SHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def placeholder(ch: str) -> str:
    """What one control character is shown as: its code, such as ``\\x00`` or ``\\ud800``."""
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: object) -> str:
    """`text` as a string with every control character shown (see the module); newlines kept."""
    s = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return _SHOWN.sub(lambda m: placeholder(m.group()), s)


def visible_line(text: object) -> str:
    """As `visible`, on one line: each tab and newline becomes a space (for titles and one-line cells)."""
    return visible(text).replace("\t", " ").replace("\n", " ")
