"""The one font family the plan is printed in, registered with reportlab once.

DejaVu Sans ships in assets/fonts with its licence. It covers Welsh (ŵ ŷ),
Polish, Turkish, Greek, Cyrillic, Hebrew and Arabic letters, curly quotes,
dashes and the euro sign; reportlab embeds the subset a document uses.
The oblique faces lack Arabic, so user text is never set in italics.
"""

from __future__ import annotations

import threading
from functools import lru_cache

FAMILY = "CoprodSans"
BOLD = "CoprodSans-Bold"
ITALIC = "CoprodSans-Italic"
BOLD_ITALIC = "CoprodSans-BoldItalic"

_FILES = {
    FAMILY: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

_lock = threading.Lock()
_registered = False


def register() -> None:
    """Register the family with reportlab; cheap after the first call, safe from any thread."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from coprod_check.app.resources import asset

        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(asset(f"fonts/{filename}"))))
        # So that <b> and <i> in our own markup pick the right face.
        addMapping(FAMILY, 0, 0, FAMILY)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD_ITALIC)
        _registered = True


@lru_cache(maxsize=1)
def printable() -> frozenset[int]:
    """Code points that both upright faces (regular and bold) can draw.

    Only the Basic Multilingual Plane: reportlab writes a broken ToUnicode
    entry for characters beyond it, so text could not be copied or searched.
    """
    register()
    from reportlab.pdfbase import pdfmetrics

    faces = [pdfmetrics.getFont(name).face for name in (FAMILY, BOLD)]
    common = set(faces[0].charToGlyph).intersection(faces[1].charToGlyph)
    return frozenset(c for c in common if c <= 0xFFFF)
