"""The one stylesheet of the plan: type sizes, spacing and greys.

Body text is never below 10 pt. Only black, white and greys are used, so the
plan prints the same on any printer.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from coprod_check.report import fonts

INK = colors.black
RULE = colors.Color(0.55, 0.55, 0.55)
SHADE = colors.Color(0.88, 0.88, 0.88)  # table headers, the quadrant you are in
LIGHT = colors.Color(0.95, 0.95, 0.95)
MUTED = colors.Color(0.3, 0.3, 0.3)  # still dark enough to read on any printer

BODY_SIZE = 10.5
HYPHENATION = "en_GB"
CELL_SIZE = 10


@dataclass(frozen=True)
class Styles:
    """Every paragraph style the plan uses."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    lead: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    stage: ParagraphStyle
    quote: ParagraphStyle
    note: ParagraphStyle
    tight: ParagraphStyle  # the board page: still 10 pt, closer lines so it stays one page
    tight_h2: ParagraphStyle


def make_styles() -> Styles:
    """Build the stylesheet (fonts are registered first)."""
    fonts.register()
    base = ParagraphStyle(
        "body",
        fontName=fonts.FAMILY,
        fontSize=BODY_SIZE,
        leading=14.5,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=5,
        # A long word breaks with a visible hyphen where the dictionary allows (pyphen, which
        # reportlab uses itself), rather than anywhere and without one.
        hyphenationLang=HYPHENATION,
        embeddedHyphenation=1,
        uriWasteReduce=0.3,
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return Styles(
        title=derive("title", fontName=fonts.BOLD, fontSize=26, leading=32, spaceAfter=10),
        subtitle=derive("subtitle", fontSize=14, leading=19, spaceAfter=18),
        h1=derive("h1", fontName=fonts.BOLD, fontSize=18, leading=23, spaceAfter=8, keepWithNext=1),
        h2=derive("h2", fontName=fonts.BOLD, fontSize=13, leading=17, spaceBefore=10, spaceAfter=4, keepWithNext=1),
        h3=derive(
            "h3", fontName=fonts.BOLD, fontSize=BODY_SIZE, leading=14.5, spaceBefore=8, spaceAfter=2, keepWithNext=1
        ),
        body=base,
        lead=derive("lead", fontSize=12, leading=16.5, spaceAfter=8),
        bullet=derive("bullet", leftIndent=14, bulletIndent=2, spaceAfter=3),
        cell=derive("cell", fontSize=CELL_SIZE, leading=12.5, spaceAfter=0),
        cell_head=derive("cell_head", fontName=fonts.BOLD, fontSize=CELL_SIZE, leading=12.5, spaceAfter=0),
        stage=derive("stage", fontName=fonts.BOLD, fontSize=17, leading=21, spaceAfter=2),
        quote=derive("quote", leftIndent=12, spaceAfter=3),
        note=derive("note", fontSize=10, leading=13, textColor=MUTED, spaceAfter=4),
        tight=derive("tight", fontSize=10, leading=13, spaceAfter=2),
        tight_h2=derive(
            "tight_h2", fontName=fonts.BOLD, fontSize=12, leading=15, spaceBefore=7, spaceAfter=3, keepWithNext=1
        ),
    )
