"""Small building blocks the sections share: tables that split safely, lists, labels."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import ListFlowable, ListItem, Paragraph, Table, TableStyle

from coprod_check.report import fonts
from coprod_check.report.chunks import split_markup
from coprod_check.report.direction import Para
from coprod_check.report.styles import INK, RULE, SHADE, Styles
from coprod_check.report.text import para

# Tables set their cells in Helvetica unless told otherwise, even empty cells,
# which puts an unembedded font in the PDF.
CELL_FONT = (("FONTNAME", (0, 0), (-1, -1), fonts.FAMILY), ("FONTSIZE", (0, 0), (-1, -1), 10))
PAD_X, PAD_TOP, PAD_BOTTOM = 4, 3, 4
# Rows are never split across pages (reportlab's in-row splitting repeats headers
# in mid-page and re-lays out the rest of a cell at every page, which takes minutes
# for a 200,000-character note). Instead a cell taller than MOST points continues in
# rows of its own, about PIECE points each, with no rule between them. With the
# header row, a row of at most MOST points always fits on a page.
PIECE = 160.0
MOST = 480.0


def grid(
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    styles: Styles,
    *,
    header: bool = True,
    extra: Sequence[tuple] = (),
    spans: frozenset[int] = frozenset(),
) -> Table:
    """A ruled table of (already escaped) markup, its header repeated on every page.

    Very long cells continue in rows below, so the table can break between
    any two rows and never needs to split one. A row whose index is in `spans` is one
    cell on the full width (only its first entry is used), with no rule above it.
    """
    data: list[list[Paragraph | str]] = []
    ends: list[int] = []
    spanned: list[int] = []
    # Text on the full width is running text: at most about 75 characters a line.
    sample = "the organisation shares decisions with people who have lived experience "
    per_char = stringWidth(sample, styles.cell.fontName, styles.cell.fontSize) / len(sample)
    measured = min(sum(widths), 75 * per_char + 2 * PAD_X)
    for i, row in enumerate(rows):
        style = styles.cell_head if header and i == 0 else styles.cell
        if i in spans:
            if ends and ends[-1] == len(data) - 1:
                ends.pop()  # no rule between a row and what is said under it
            for piece in pieces(row[0], style, measured):
                spanned.append(len(data))
                data.append([piece, *([""] * (len(widths) - 1))])
            ends.append(len(data) - 1)
            continue
        cells = [pieces(markup, style, width) for markup, width in zip(row, widths, strict=True)]
        height = max(len(c) for c in cells)
        for line in range(height):
            data.append([c[line] if line < len(c) else "" for c in cells])
        ends.append(len(data) - 1)
    commands = [
        *CELL_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
        *(("LINEBELOW", (0, end), (-1, end), 0.5, RULE) for end in ends),
        *(("SPAN", (0, r), (-1, r)) for r in spanned),
        *(("RIGHTPADDING", (0, r), (-1, r), PAD_X + sum(widths) - measured) for r in spanned),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), SHADE), ("LINEBELOW", (0, 0), (-1, 0), 1, INK)]
    return Table(
        data,
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        splitByRow=1,
        splitInRow=0,
        style=TableStyle([*commands, *extra]),
        hAlign="LEFT",
        spaceBefore=2,
        spaceAfter=8,
    )


def pieces(markup: str, style: ParagraphStyle, width: float) -> list[Paragraph]:
    """The cell as Paragraphs, each short enough to sit in a row that fits on a page."""
    available = width - 2 * PAD_X
    widest = max(stringWidth(ch, fonts.BOLD, style.fontSize) for ch in set(markup)) if markup else 0
    worst_lines = len(markup) * widest / available + markup.count("<br/>") + 1
    if worst_lines * style.leading <= MOST:
        return [Para(markup, style)]  # cannot be too tall: no need to lay it out twice
    whole = Para(markup, style)
    height = whole.wrap(available, 1e9)[1]
    if height <= MOST:
        return [whole]
    # Pieces of about PIECE points; each is at most three quarters of the whole, so
    # every round makes progress, and a piece still too tall is cut again.
    size = max(1, min(int(len(markup) * PIECE / height), len(markup) // 2))
    out: list[Paragraph] = []
    for piece in split_markup(markup, size, hard=size + size // 2 + 1):
        out += pieces(piece, style, width)
    return out


def facts(rows: Sequence[tuple[str, str]], width: float, styles: Styles) -> Table:
    """A two-column table of label and (already escaped) value, without a header."""
    return grid(
        [[f"<b>{label}</b>", value] for label, value in rows], [width * 0.28, width * 0.72], styles, header=False
    )


def numbered(items: Sequence[str], style_name: str, styles: Styles) -> ListFlowable:
    """A numbered list of (already escaped) markup."""
    style = getattr(styles, style_name)
    return ListFlowable(
        [ListItem(Para(m, style), value=i + 1) for i, m in enumerate(items)],
        bulletType="1",
        bulletFontName=style.fontName,
        bulletFontSize=style.fontSize,
        leftIndent=16,
        bulletFormat="%s.",
    )


def bulleted(items: Sequence[str], styles: Styles, style_name: str = "bullet") -> ListFlowable:
    """A bulleted list of (already escaped) markup."""
    style = getattr(styles, style_name)
    return ListFlowable(
        [ListItem(Para(m, style)) for m in items],
        bulletType="bullet",
        start="\u2022",
        leftIndent=14,
        bulletFontName=style.fontName,
        bulletFontSize=style.fontSize,
    )


def score_text(value: float | None) -> str:
    """A score as a whole number, or a dash when there is none."""
    return "\u2013" if value is None else f"{value:.0f}"


def p(markup: str, style_name: str, styles: Styles) -> Paragraph:
    """A Paragraph of markup we wrote ourselves (any user text inside already escaped)."""
    return Para(markup, getattr(styles, style_name))


def t(text: object) -> str:
    """Shorthand for escaping user or questionnaire text (see text.para)."""
    return para(text)
