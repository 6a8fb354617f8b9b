"""Charts that read in black and white: every bar and area is labelled in words.

Both charts use a fixed 0 to 100 scale (reportlab's own charts scale to the
largest value, which would make 40 look like a full bar).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit

from coprod_check.domain.headline import grid
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.i18n import _, pgettext
from coprod_check.report import fonts
from coprod_check.report.direction import drawn, shaped, visual
from coprod_check.report.document import fit
from coprod_check.report.styles import INK, LIGHT, RULE, SHADE
from coprod_check.report.text import clean

LABEL_SIZE = 10
CARE_FILL = colors.Color(0.82, 0.82, 0.82)
WITH_FILL = colors.Color(0.22, 0.22, 0.22)
DOMAINS_PER_CHART = 10


def _drawing(width: float, height: float) -> Drawing:
    d = Drawing(width, height)
    # The renderer starts every drawing in Helvetica unless told otherwise, and would
    # name that font (not embedded) in the PDF even though no text uses it.
    d.initialFontName = fonts.FAMILY  # type: ignore[attr-defined]
    d.initialFontSize = LABEL_SIZE  # type: ignore[attr-defined]
    return d


def _width(text: str, size: float = LABEL_SIZE, font: str = fonts.FAMILY) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def quadrant_chart(
    questionnaire: Questionnaire | None,
    care: float | None,
    with_: float | None,
    current: str | None,
    side: float = 150,
    lived: tuple[float, float] | None = None,
    cells: tuple[tuple[float, float, float, float, str, str], ...] | None = None,
) -> Drawing:
    """The care (across) and with (up) axes cut into the questionnaire's bands, each place named,
    the current one shaded, with a dot where you are: the same picture as the window's. In a
    group, `lived` adds a hollow square where colleagues with lived experience put it, and a key."""
    left, top_pad = 30, 6
    bottom = 42 if lived else 30
    d = _drawing(left + side + 8, bottom + side + top_pad)
    assert questionnaire is not None or cells is not None
    for c0, c1, w0, w1, pid, title in cells if cells is not None else grid(questionnaire):  # type: ignore[arg-type]
        x, y = left + side * c0 / 100, bottom + side * w0 / 100
        cw, ch = side * (c1 - c0) / 100, side * (w1 - w0) / 100
        here = pid == current
        d.add(Rect(x, y, cw, ch, fillColor=SHADE if here else colors.white, strokeColor=RULE, strokeWidth=0.8))
        font = fonts.BOLD if here else fonts.FAMILY
        size = 7.0
        lines = simpleSplit(title, font, size, cw - 5)
        while len(lines) * (size + 1) > ch - 3 and size > 5.5:  # a small cell gets smaller words
            size -= 0.5
            lines = simpleSplit(title, font, size, cw - 5)
        for i, line in enumerate(lines[: max(1, int((ch - 3) // (size + 1)))]):
            d.add(
                String(
                    x + 2.5, y + ch - 2 - (size + 1) * (i + 1) + 1.5, line, fontName=font, fontSize=size, fillColor=INK
                )
            )
    d.add(Rect(left, bottom, side, side, fillColor=None, strokeColor=INK, strokeWidth=1))
    for value in (0, 50, 100):
        offset = side * value / 100
        d.add(
            String(
                left + offset,
                bottom - 11,
                str(value),
                fontName=fonts.FAMILY,
                fontSize=8,
                textAnchor="middle",
                fillColor=INK,
            )
        )
        d.add(
            String(
                left - 4,
                bottom + offset - 3,
                str(value),
                fontName=fonts.FAMILY,
                fontSize=8,
                textAnchor="end",
                fillColor=INK,
            )
        )
    d.add(
        String(
            left + side / 2,
            bottom - 24,
            _("Care: support given \u2192"),
            fontName=fonts.BOLD,
            fontSize=8.5,
            textAnchor="middle",
            fillColor=INK,
        )
    )
    with_label = String(
        0,
        0,
        _("With: work done with people \u2192"),
        fontName=fonts.BOLD,
        fontSize=8.5,
        textAnchor="middle",
        fillColor=INK,
    )
    from reportlab.graphics.shapes import Group

    rotated = Group(with_label)
    rotated.rotate(90)
    rotated.translate(bottom + side / 2, -(left - 20))
    d.add(rotated)
    if care is None or with_ is None:
        label = _("Not known yet")
        w = _width(label, 9) + 8
        d.add(
            Rect(
                left + side / 2 - w / 2,
                bottom + side / 2 - 8,
                w,
                16,
                fillColor=colors.white,
                strokeColor=INK,
                strokeWidth=0.6,
            )
        )
        d.add(
            String(
                left + side / 2,
                bottom + side / 2 - 3,
                label,
                fontName=fonts.FAMILY,
                fontSize=9,
                textAnchor="middle",
                fillColor=INK,
            )
        )
    else:
        if lived is not None:
            lx, ly = left + side * lived[0] / 100, bottom + side * lived[1] / 100
            d.add(Rect(lx - 4.5, ly - 4.5, 9, 9, fillColor=colors.white, strokeColor=INK, strokeWidth=1.4))
        x, y = left + side * care / 100, bottom + side * with_ / 100
        d.add(Circle(x, y, 7, fillColor=colors.white, strokeColor=colors.white, strokeWidth=0))
        d.add(Circle(x, y, 5, fillColor=INK, strokeColor=INK, strokeWidth=0))
        if lived is not None:  # the key, in words, below the axis name
            d.add(Circle(left + 3, 4, 3, fillColor=INK, strokeColor=INK, strokeWidth=0))
            d.add(String(left + 9, 1.5, _("the group"), fontName=fonts.FAMILY, fontSize=7, fillColor=INK))
            d.add(Rect(left + 55, 1, 6, 6, fillColor=colors.white, strokeColor=INK, strokeWidth=1))
            d.add(String(left + 64, 1.5, _("with lived experience"), fontName=fonts.FAMILY, fontSize=7, fillColor=INK))
    return d


@dataclass(frozen=True)
class Series:
    """One of the two bars per row: its word on the bar, its legend, its grey."""

    name: str  # printed before the figure on the bar: "Care 75"
    legend: str
    fill: colors.Color


CARE = Series(pgettext("axis", "Care"), _("Care: support given to people"), CARE_FILL)
WITH = Series(pgettext("axis", "With"), _("With: work done with people"), WITH_FILL)


@dataclass(frozen=True)
class BarRow:
    """One row of a paired bar chart (a domain): two figures, or why there is none."""

    title: str
    first: float | None
    second: float | None
    first_missing: str  # shown when first is None, e.g. "no care questions"
    second_missing: str
    note: str = ""  # under the title: how many "don't know", how many people


def domain_charts(rows: list[BarRow], width: float, series: tuple[Series, Series] = (CARE, WITH)) -> list[Drawing]:
    """Two bars per domain (care and with unless told otherwise), ten domains to a drawing
    so none outgrows a page."""
    return [
        _domain_chart(rows[i : i + DOMAINS_PER_CHART], width, series) for i in range(0, len(rows), DOMAINS_PER_CHART)
    ]


def _domain_chart(rows: list[BarRow], width: float, series: tuple[Series, Series]) -> Drawing:
    label_w = width * 0.34
    x0 = label_w + 8
    # Room for the longest label after a full bar ("With 100" needs 62 points).
    x1 = width - max(62, *(_width(f"{s.name} 100", 9, fonts.BOLD) + 10 for s in series))
    scale = (x1 - x0) / 100
    bar, gap, pad = 9, 2, 4
    laid = []
    for row in rows:
        lines = simpleSplit(shaped(clean(row.title)), fonts.FAMILY, LABEL_SIZE, label_w)
        if len(lines) > 3:
            lines = lines[:3]
            lines[2] = lines[2][: max(1, len(lines[2]) - 2)] + "\u2026"
        if row.note:  # "don't know" marked on the chart itself, and how many people
            lines.append(fit(clean(row.note), fonts.ITALIC, 8.5, label_w))
        laid.append((row, lines, max(2 * bar + gap, 12 * len(lines)) + 2 * pad))
    legend_h, axis_h = 18, 16
    height = legend_h + axis_h + sum(h for _, _, h in laid) + 4
    d = _drawing(width, height)
    # Legend: the same words as on the bars.
    top = height - 12
    x = x0
    for s in series:
        d.add(Rect(x, top - 1, 14, 9, fillColor=s.fill, strokeColor=INK, strokeWidth=0.6))
        d.add(String(x + 18, top, drawn(clean(s.legend)), fontName=fonts.FAMILY, fontSize=9, fillColor=INK))
        x += 18 + _width(shaped(clean(s.legend)), 9) + 16
    plot_top = height - legend_h - axis_h
    plot_bottom = 4
    for value in (0, 25, 50, 75, 100):
        x = x0 + value * scale
        d.add(
            Line(
                x,
                plot_bottom,
                x,
                plot_top + 2,
                strokeColor=INK if value in (0, 50) else RULE,
                strokeWidth=0.8 if value in (0, 50) else 0.5,
                strokeDashArray=None if value in (0, 50) else [2, 2],
            )
        )
        d.add(
            String(x, plot_top + 5, str(value), fontName=fonts.FAMILY, fontSize=9, textAnchor="middle", fillColor=INK)
        )
    y = plot_top
    for row, lines, h in laid:
        y -= h
        mid = y + h / 2
        first = mid + (len(lines) - 1) * 6 - 3.5
        for i, line in enumerate(lines):
            noted = bool(row.note) and i == len(lines) - 1
            d.add(
                String(
                    0,
                    first - 12 * i,
                    line if noted else visual(line),
                    fontName=fonts.ITALIC if noted else fonts.FAMILY,
                    fontSize=8.5 if noted else LABEL_SIZE,
                    fillColor=INK,
                )
            )
        one, two = series
        _bar(d, x0, mid + gap / 2, bar, scale, row.first, one.name, row.first_missing, one.fill)
        _bar(d, x0, mid - gap / 2 - bar, bar, scale, row.second, two.name, row.second_missing, two.fill)
        d.add(Line(0, y, width, y, strokeColor=SHADE, strokeWidth=0.5))
    return d


def _bar(
    d: Drawing,
    x0: float,
    y: float,
    h: float,
    scale: float,
    value: float | None,
    name: str,
    missing: str,
    fill: colors.Color,
) -> None:
    if value is None:
        label = f"{name}: {missing}"
        d.add(Rect(x0 + 2, y - 1, _width(label, 9) + 4, h + 2, fillColor=colors.white, strokeColor=None, strokeWidth=0))
        d.add(String(x0 + 4, y + 1.5, label, fontName=fonts.FAMILY, fontSize=9, fillColor=INK))
        return
    w = max(value * scale, 1.5)
    d.add(Rect(x0, y, w, h, fillColor=fill, strokeColor=INK, strokeWidth=0.6))
    label = f"{name} {value:.0f}"
    # A white patch behind the label keeps it readable where it crosses a grid line.
    d.add(
        Rect(
            x0 + w + 2,
            y - 1,
            _width(label, 9, fonts.BOLD) + 4,
            h + 2,
            fillColor=colors.white,
            strokeColor=None,
            strokeWidth=0,
        )
    )
    d.add(String(x0 + w + 4, y + 1.5, label, fontName=fonts.BOLD, fontSize=9, fillColor=INK))


@dataclass(frozen=True)
class Level:
    """One row of a distribution: a level's label, how many gave it, and what it is for the group."""

    label: str
    count: int
    mark: str = ""  # "median", "agreed", "median and agreed", or ""


def distribution_chart(levels: list[Level], total: int, width: float) -> Drawing:
    """How many people gave each level, one bar per level in the scale's order.

    The scale is fixed: a full bar is everyone who answered, so one person in
    six never looks like a majority. Every bar carries its count in words, and
    the median and agreed levels say so in words beside their bars. The columns
    depend only on the labels and the total, so charts of one group line up.
    """
    row, bar = 14, 8
    size, small = LABEL_SIZE, 9
    label_w = min(
        width * 0.3, max(_width(clean(x.label), size, fonts.BOLD) for x in [*levels, Level(_("Not applicable"), 0)])
    )
    count_w = _width(f"{total} people", size, fonts.BOLD)
    mark_w = _width(_("median and agreed"), small, fonts.BOLD)
    x0 = label_w + 10 + count_w + 8
    x1 = max(width - mark_w - 8, x0 + 40)
    height = row * len(levels) + 2
    d = _drawing(width, height)
    for i, level in enumerate(levels):
        y = height - row * (i + 1)
        font = fonts.BOLD if level.mark else fonts.FAMILY
        d.add(
            String(0, y + 3, fit(clean(level.label), font, size, label_w), fontName=font, fontSize=size, fillColor=INK)
        )
        count = f"{level.count} {'person' if level.count == 1 else 'people'}"
        d.add(String(x0 - 8, y + 3, count, fontName=font, fontSize=size, textAnchor="end", fillColor=INK))
        # The track shows the whole scale: everyone who answered.
        d.add(Rect(x0, y + 2, x1 - x0, bar, fillColor=LIGHT, strokeColor=RULE, strokeWidth=0.4))
        if level.count and total:
            w = max((x1 - x0) * level.count / total, 1.5)
            d.add(
                Rect(
                    x0,
                    y + 2,
                    w,
                    bar,
                    fillColor=WITH_FILL if level.mark else CARE_FILL,
                    strokeColor=INK,
                    strokeWidth=0.6,
                )
            )
        if level.mark:
            d.add(String(x1 + 6, y + 3, level.mark, fontName=fonts.BOLD, fontSize=small, fillColor=INK))
    return d
