"""Text exactly as it was typed, in a form every file format can hold.

The rule for every printed format (Word, spreadsheet, CSV): markup, right-to-left
letters and emoji are kept as they are (Word and spreadsheets draw them with the
reader's own fonts). Control characters, which XML cannot hold and which would
otherwise vanish or break the file, are shown as visible placeholders, never
dropped silently:

- C0 controls and DEL become their Unicode "control pictures": NUL shows as ␀,
  ESC as ␛, DEL as ␡ (one glyph each, in the fonts Word and LibreOffice use);
- C1 controls (often a Windows apostrophe read the wrong way), lone surrogates and
  the non-characters U+FFFE and U+FFFF are spelled as ``\\x92`` or ``\\ud800``;
- tab and newline are kept; a Windows or old Mac line ending becomes a newline.

Pure Python: no python-docx, openpyxl or reportlab here.
"""

from __future__ import annotations

import re

__all__ = ["placeholder", "visible", "visible_line"]

# Everything the rule touches, in one pass: C0 but tab and newline, DEL, C1, surrogates, U+FFFE/F.
_SHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_PICTURES = {**{c: chr(0x2400 + c) for c in range(0x20)}, 0x7F: "\u2421"}


def placeholder(ch: str) -> str:
    """What one control character is shown as: a control picture, or an escape such as ``\\x92``."""
    code = ord(ch)
    if code in _PICTURES:
        return _PICTURES[code]
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: object) -> str:
    """`text` as a string with every control character shown (see the module); newlines kept."""
    s = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return _SHOWN.sub(lambda m: placeholder(m.group()), s)


def visible_line(text: object) -> str:
    """As `visible`, on one line: each tab and newline becomes a space (for titles and one-line cells)."""
    return visible(text).replace("\t", " ").replace("\n", " ")
