"""The trend across rounds: a small line chart on a fixed 0 to 100 scale.

Series are told apart by marker shape and line style, and named at their last point in
words, never by shade alone. A round whose figure is not known or not shown leaves a gap
in its line. A break in meaning is a dashed upright rule with the word "break".
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from coprod_check.report import fonts
from coprod_check.report.content.model import Chart, Series
from coprod_check.report.styles import INK, RULE

SIZE = 8.5
DASH = [3, 2]


def _marker(d: Drawing, kind: str, x: float, y: float) -> None:
    r = 3.2
    if kind == "square":
        d.add(Rect(x - r, y - r, 2 * r, 2 * r, fillColor=colors.white, strokeColor=INK, strokeWidth=1.1))
    elif kind == "triangle":
        d.add(Polygon([x - r, y - r, x + r, y - r, x, y + r], fillColor=INK, strokeColor=INK, strokeWidth=0.8))
    elif kind == "diamond":
        d.add(Polygon([x, y - r, x + r, y, x, y + r, x - r, y], fillColor=colors.white, strokeColor=INK))
    else:
        d.add(Circle(x, y, r, fillColor=INK, strokeColor=INK, strokeWidth=0.5))


def trend_drawing(chart: Chart, width: float, height: float) -> Drawing:
    """The chart as a drawing `width` by `height` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    d = Drawing(width, height)
    d.initialFontName = fonts.FAMILY  # type: ignore[attr-defined]
    d.initialFontSize = SIZE  # type: ignore[attr-defined]
    key_h = 12 * len(chart.series) + 4
    left, right, bottom, top = 24, 8, 16 + key_h, height - 6
    n = len(chart.categories)
    span = width - left - right
    step = span / max(n - 1, 1)

    def x_of(i: int) -> float:
        return left + (step * i if n > 1 else span / 2)

    def y_of(v: float) -> float:
        return bottom + (top - bottom) * v / chart.y_max

    for v in (0, 25, 50, 75, 100):
        y = y_of(v)
        d.add(Line(left, y, width - right, y, strokeColor=RULE, strokeWidth=0.4 if v else 0.8))
        d.add(String(left - 4, y - 3, str(v), fontName=fonts.FAMILY, fontSize=SIZE - 1, textAnchor="end"))
    for i, label in enumerate(chart.categories):
        d.add(String(x_of(i), bottom - 11, label, fontName=fonts.FAMILY, fontSize=SIZE - 0.5, textAnchor="middle"))
    for i in chart.breaks:
        if 0 < i < n:
            x = (x_of(i - 1) + x_of(i)) / 2
            d.add(Line(x, bottom, x, top, strokeColor=INK, strokeWidth=0.8, strokeDashArray=[1, 2]))
            d.add(String(x + 2, top - 8, "break", fontName=fonts.BOLD, fontSize=SIZE - 1))
    for s in chart.series:
        _line(d, s, x_of, y_of)
    # The key, in words, each with its marker and line style.
    y = 4 + 12 * (len(chart.series) - 1)
    for s in chart.series:
        d.add(
            Line(
                left, y + 3, left + 18, y + 3, strokeColor=INK, strokeWidth=1, strokeDashArray=DASH if s.dash else None
            )
        )
        _marker(d, s.marker, left + 9, y + 3)
        name = s.name
        while name and stringWidth(name, fonts.FAMILY, SIZE) > span - 26:
            name = name[:-2] + "\u2026"
        d.add(String(left + 24, y, name, fontName=fonts.FAMILY, fontSize=SIZE))
        y -= 12
    return d


def _line(d: Drawing, s: Series, x_of: object, y_of: object) -> None:
    points: list[tuple[float, float]] = []
    runs: list[list[tuple[float, float]]] = []
    for i, v in enumerate(s.values):
        if v is None:
            if points:
                runs.append(points)
            points = []
            continue
        points.append((x_of(i), y_of(v)))  # type: ignore[operator]
    if points:
        runs.append(points)
    for run in runs:
        if len(run) > 1:
            flat = [c for p in run for c in p]
            d.add(PolyLine(flat, strokeColor=INK, strokeWidth=1.2, strokeDashArray=DASH if s.dash else None))
        for x, y in run:
            _marker(d, s.marker, x, y)
    for i, v in enumerate(s.values):
        if v is not None:
            x, y = x_of(i), y_of(v)  # type: ignore[operator]
            d.add(Rect(x + 4, y + 2, 14, 9, fillColor=colors.white, strokeColor=None, strokeWidth=0))
            d.add(String(x + 5, y + 3, f"{v:.0f}", fontName=fonts.BOLD, fontSize=SIZE - 1))
