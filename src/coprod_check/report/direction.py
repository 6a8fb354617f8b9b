"""Right-to-left text (Arabic, Urdu, Persian, Hebrew) printed as a reader expects.

A PDF draws glyphs left to right, in the order it is given them. Text is
stored in the order it was typed (logical order), so without help a Hebrew
note prints backwards and Arabic letters print unjoined. Three steps fix it:

1. **Joining.** Arabic letters take a different form at the start, middle and
   end of a word. `shaped` swaps each letter for its joined form (Unicode's
   presentation forms, which DejaVu Sans draws) *before* the text is measured,
   so that line widths are right. The order stays logical.
2. **Wrapping** happens as usual, in logical order, so the first words of a
   note are on its first line and a page break splits it where it should.
3. **Ordering.** Only when a line is drawn does `Para` turn that line into
   visual order (the Unicode bidirectional algorithm, from python-bidi).
   Doing it per line, after wrapping, is what keeps a long right-to-left
   note's lines in the right order top to bottom.

A paragraph whose first letter is right-to-left is set flush right.
Text without right-to-left letters never reaches python-bidi.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

# Blocks holding right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo,
# Samaritan, Mandaic, Arabic Extended, and the presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Arabic letters that join, in any of the Arabic blocks (not the presentation forms).
_JOINING = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_TAG = re.compile(r"<[^>]*>")


def has_rtl(text: str) -> bool:
    """Whether any letter in `text` is written right to left."""
    return _RTL.search(text) is not None


def shaped(text: str) -> str:
    """Arabic letters in their joined forms, still in logical order; other text unchanged."""
    if _JOINING.search(text) is None:
        return text
    return _reshaper().reshape(text)


def rtl_first(text: str) -> bool:
    """Whether the first strong letter of `text` is right-to-left (the paragraph's direction)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


def visual(text: str, rtl: bool | None = None) -> str:
    """One line of (shaped) text in the order its glyphs are drawn, left to right.

    `rtl` is the direction of the paragraph the line belongs to; by default
    the line's own first strong letter decides.
    """
    if not has_rtl(text):
        return text
    from bidi import get_display

    base = rtl_first(text) if rtl is None else rtl
    return str(get_display(text, base_dir="R" if base else "L"))


def drawn(text: str) -> str:
    """A single line for the canvas or a chart: joined, then in visual order."""
    return visual(shaped(text))


# A word with a hyphen of its own ("co-produce"). reportlab's hyphenation (5.x) takes such a word
# apart at a line's end, and when the paragraph is laid out again (a table measures its cells
# more than once) joins it back without its hyphen and breaks it elsewhere: "co-produce" printed
# as "cop-" "roduce". Text that holds one is set without hyphenation, so it prints as typed.
_COMPOUND = re.compile(r"\w-\w")
_UNHYPHENATED: dict[int, ParagraphStyle] = {}


def _unhyphenated(style: ParagraphStyle) -> ParagraphStyle:
    key = id(style)
    if key not in _UNHYPHENATED or _UNHYPHENATED[key].parent is not style:
        _UNHYPHENATED[key] = ParagraphStyle(
            f"{style.name}-unhyphenated", parent=style, hyphenationLang="", embeddedHyphenation=0
        )
    return _UNHYPHENATED[key]


class Para(Paragraph):
    """A Paragraph that draws right-to-left text in visual order, line by line.

    Layout and splitting across pages see the logical order; only drawing
    sees the visual one. Markup given to it must already be shaped (see
    `text.para`).
    """

    def __init__(self, text: str | None, style: ParagraphStyle, *args: Any, **kwargs: Any):
        # None: nothing right-to-left here; else whether the paragraph runs right to left.
        # (reportlab makes the halves of a split with no text; `split` passes this on.)
        self._rtl: bool | None = rtl_first(_TAG.sub("", text)) if text and has_rtl(text) else None
        if self._rtl and style.alignment == TA_LEFT:
            style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
        if text and getattr(style, "hyphenationLang", "") and _COMPOUND.search(text):
            style = _unhyphenated(style)
        super().__init__(text, style, *args, **kwargs)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 (reportlab's names)
        parts = super().split(availWidth, availHeight)
        for part in parts:
            if isinstance(part, Para):
                part._rtl = self._rtl
        return parts

    def drawPara(self, debug: int = 0) -> None:  # noqa: N802 (reportlab's name)
        if self._rtl is None:
            super().drawPara(debug)
            return
        logical: Any = self.blPara  # type: ignore[has-type]  # set by reportlab in wrap
        self.blPara = logical.clone(lines=[_visual_line(line, logical.kind, self._rtl) for line in logical.lines])
        try:
            super().drawPara(debug)
        finally:
            self.blPara = logical


def _visual_line(line: Any, kind: int, rtl: bool) -> Any:
    if kind == 0:  # (spare width, [word, ...]) in one font
        spare, words = line
        text = " ".join(words)
        if not has_rtl(text):
            return line
        reordered = visual(text, rtl).split(" ")
        return (spare, reordered) if len(reordered) == len(words) else line
    frags = [f for f in line.words if isinstance(getattr(f, "text", None), str)]
    if not has_rtl("".join(f.text for f in frags)):
        return line
    if len(frags) == len(line.words) and all(_look(f) == _look(frags[0]) for f in frags):
        # One look across the line (the usual case: a note): reorder it as a whole.
        whole = visual("".join(f.text for f in frags), rtl)
        return line.clone(words=[frags[0].clone(text=whole)])
    # Mixed faces (a bold label before the text): each run in visual order,
    # and the runs themselves right to left in a right-to-left paragraph.
    words = [f.clone(text=visual(f.text, rtl)) if f in frags else f for f in line.words]
    return line.clone(words=words[::-1] if rtl else words)


def _look(frag: Any) -> tuple[Any, ...]:
    return tuple(
        getattr(frag, name, None)
        for name in ("fontName", "fontSize", "textColor", "rise", "underline", "strike", "link", "backColor")
    )


def _reshaper() -> Any:
    import arabic_reshaper

    return arabic_reshaper
