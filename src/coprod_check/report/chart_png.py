"""The paper's charts as PNG pictures, for the Word twin (python-docx takes PNG, not drawings).

Drawn with Pillow, which reportlab already brings, from the same chart data the PDF draws
(`content.model.Chart`): no second chart library. They read in black and white, as the
PDF's do: every bar and point is labelled with its figure, series differ by marker shape
and line style, never by shade alone, and "don't know" is marked in words. The picture is
drawn at twice its size and scaled down, so lines and letters are smooth. The same chart
gives the same bytes (no time or software name is written into the PNG).

A chart kind this module does not know gives None: the renderer then prints the chart's
words (its alternative text) instead of a picture.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from coprod_check.i18n import N_, _, ngettext

DPI = 200
SCALE = 2  # drawn at twice the size, then scaled down
INK = (34, 34, 34)
RULE = (150, 150, 150)
LIGHT = (225, 225, 225)
CARE_FILL = (205, 205, 205)
WITH_FILL = (60, 60, 60)
WHITE = (255, 255, 255)
TEXT_PT = 8.5
POINT_NAMES = {"all": N_("Everyone"), "lived-experience": N_("With lived experience")}
AXIS_WORDS = {"care": N_("care"), "with": N_("with")}


def chart_png(chart: Any, width_mm: float) -> bytes | None:
    """The chart as PNG bytes, `width_mm` wide and `chart.height_mm` high; None for a kind not drawn."""
    draw = {"domains": _domains, "trend": _trend, "quadrant": _quadrant}.get(chart.kind)
    if draw is None:
        return None
    from PIL import Image, ImageDraw

    w, h = _px(width_mm) * SCALE, _px(chart.height_mm) * SCALE
    image = Image.new("RGB", (w, h), WHITE)
    draw(ImageDraw.Draw(image), chart, w, h)
    image = image.reduce(SCALE)  # a box filter: as smooth at half size, and many times faster than Lanczos
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=3, dpi=(DPI, DPI))  # a few % larger, twice as fast
    return out.getvalue()


def _px(mm: float) -> int:
    return max(40, round(mm / 25.4 * DPI))


@lru_cache(maxsize=16)
def _font(bold: bool, size: int) -> Any:
    from PIL import ImageFont

    from coprod_check.app.resources import asset

    return ImageFont.truetype(str(asset("fonts/DejaVuSans-Bold.ttf" if bold else "fonts/DejaVuSans.ttf")), size)


def _size(points: float = TEXT_PT) -> int:
    return round(points / 72 * DPI * SCALE)


def _text(
    d: Any, xy: tuple[float, float], text: str, *, bold: bool = False, anchor: str = "la", pt: float = TEXT_PT
) -> float:
    """Draw text; returns its width in pixels."""
    font = _font(bold, _size(pt))
    d.text(xy, text, fill=INK, font=font, anchor=anchor)
    return float(d.textlength(text, font=font))


def _fit(d: Any, text: str, width: float, pt: float = TEXT_PT, bold: bool = False) -> str:
    """`text` cut with an ellipsis to fit `width` pixels."""
    font = _font(bold, _size(pt))
    if d.textlength(text, font=font) <= width:
        return text
    while text and d.textlength(text + "\u2026", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


def _figure(value: float | None) -> str:
    return _("not known") if value is None else f"{value:.0f}"


def _domains(d: Any, chart: Any, w: int, h: int) -> None:
    """Two bars a domain, care (light, labelled "care") and with (dark, labelled "with"), 0 to 100."""
    categories: Sequence[str] = chart.categories
    series = {s.role or s.name.lower(): s for s in chart.series}
    rows = max(1, len(categories))
    pad = _size() * 1.2
    label_w = w * 0.36
    left, right = label_w + pad, w - pad * 4.5
    top, bottom = pad * 0.5, h - pad * 1.6
    band = (bottom - top) / rows
    bar = band * 0.32
    for value in (0, 50, 100):
        x = left + (right - left) * value / 100
        d.line([(x, top), (x, bottom)], fill=LIGHT, width=SCALE)
        _text(d, (x, bottom + pad * 0.3), str(value), anchor="ma")
    for i, title in enumerate(categories):
        y = top + band * i + band * 0.12
        _text(d, (pad * 0.3, y), _fit(d, title, label_w - pad * 0.5))
        unknown = chart.unknown[i] if i < len(chart.unknown) else 0
        sizes = getattr(chart, "group_sizes", ())
        notes = [
            ngettext("{count} don\u2019t know", "{count} don\u2019t know", unknown).format(count=unknown)
            if unknown
            else "",
            sizes[i] if i < len(sizes) else "",
        ]
        note = ", ".join(n for n in notes if n)
        if note:
            _text(d, (pad * 0.3, y + bar * 1.25), _fit(d, note, label_w - pad * 0.5, TEXT_PT - 1), pt=TEXT_PT - 1)
        for j, (role, fill, word) in enumerate(
            (("care", CARE_FILL, AXIS_WORDS["care"]), ("with", WITH_FILL, AXIS_WORDS["with"]))
        ):
            s = series.get(role)
            score = s.values[i] if s and i < len(s.values) else None
            by = y + j * (bar + SCALE * 2)
            if score is None:
                _text(d, (left + SCALE * 3, by), _("{axis}: not known").format(axis=_(word)), pt=TEXT_PT - 1)
                continue
            x1 = left + (right - left) * max(0.0, min(100.0, score)) / 100
            d.rectangle([(left, by), (max(left + SCALE, x1), by + bar)], fill=fill, outline=INK, width=SCALE)
            _text(
                d, (x1 + SCALE * 3, by), _("{axis} {score}").format(axis=_(word), score=f"{score:.0f}"), pt=TEXT_PT - 1
            )
    d.line([(left, top), (left, bottom)], fill=INK, width=SCALE)


_MARKERS = ("circle", "square", "triangle", "diamond")


def _marker(d: Any, shape: str, x: float, y: float, r: float) -> None:
    if shape == "square":
        d.rectangle([(x - r, y - r), (x + r, y + r)], fill=WHITE, outline=INK, width=SCALE * 2)
    elif shape == "triangle":
        d.polygon(
            [(x, y - r * 1.2), (x - r * 1.1, y + r), (x + r * 1.1, y + r)], fill=WHITE, outline=INK, width=SCALE * 2
        )
    elif shape == "diamond":
        d.polygon([(x, y - r * 1.3), (x + r * 1.3, y), (x, y + r * 1.3), (x - r * 1.3, y)], fill=INK)
    else:
        d.ellipse([(x - r, y - r), (x + r, y + r)], fill=INK)


def _trend(d: Any, chart: Any, w: int, h: int) -> None:
    """Scores by round, 0 to `y_max`: a line a series, told apart by marker and dash, each point labelled."""
    rounds: Sequence[str] = chart.categories
    pad = _size() * 1.3
    left, right = pad * 2.2, w - pad * 1.2
    key_h = pad * 1.2 * max(1, (len(chart.series) + 1) // 2)
    top, bottom = pad * 0.6, h - pad * 1.8 - key_h
    y_max = chart.y_max or 100.0

    def at(i: int, value: float) -> tuple[float, float]:
        x = left + (right - left) * ((i + 0.5) / max(1, len(rounds)))
        return x, bottom - (bottom - top) * max(0.0, min(y_max, value)) / y_max

    for value in (0, y_max / 2, y_max):
        y = bottom - (bottom - top) * value / y_max
        d.line([(left, y), (right, y)], fill=LIGHT, width=SCALE)
        _text(d, (left - pad * 0.3, y), f"{value:.0f}", anchor="rm")
    for i, name in enumerate(rounds):
        x = at(i, 0)[0]
        _text(d, (x, bottom + pad * 0.3), _fit(d, name, (right - left) / max(1, len(rounds))), anchor="ma")
    for b in chart.breaks:
        x = (at(b, 0)[0] + at(b + 1, 0)[0]) / 2
        for y in range(int(top), int(bottom), SCALE * 8):
            d.line([(x, y), (x, y + SCALE * 4)], fill=INK, width=SCALE)
        _text(d, (x + SCALE * 3, top), _("meaning changed"), pt=TEXT_PT - 1.5)
    for k, s in enumerate(chart.series):
        shape = s.marker if s.marker in _MARKERS else _MARKERS[k % len(_MARKERS)]
        points = [(i, v) for i, v in enumerate(s.values) if v is not None]
        for (i0, v0), (i1, v1) in zip(points, points[1:], strict=False):
            if any(i0 <= b < i1 for b in chart.breaks) or i1 != i0 + 1:
                continue  # no line across a change of meaning, nor across a round not known
            _line(d, at(i0, v0), at(i1, v1), dashed=s.dash)
        for i, v in points:
            x, y = at(i, v)
            _marker(d, shape, x, y, SCALE * 4)
            _text(d, (x + SCALE * 6, y - SCALE * 4), f"{v:.0f}", anchor="ld", pt=TEXT_PT - 1)
        col, row = k % 2, k // 2
        kx, ky = left + col * (right - left) / 2, bottom + pad * 1.6 + row * pad * 1.2
        _line(d, (kx, ky), (kx + pad * 1.6, ky), dashed=s.dash)
        _marker(d, shape, kx + pad * 0.8, ky, SCALE * 4)
        _text(d, (kx + pad * 2, ky), _fit(d, s.name, (right - left) / 2 - pad * 2.2), anchor="lm")


def _line(d: Any, a: tuple[float, float], b: tuple[float, float], *, dashed: bool) -> None:
    if not dashed:
        d.line([a, b], fill=INK, width=SCALE * 2)
        return
    steps = 12
    for n in range(0, steps, 2):
        t0, t1 = n / steps, (n + 1) / steps
        d.line(
            [
                (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0),
                (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1),
            ],
            fill=INK,
            width=SCALE * 2,
        )


def _quadrant(d: Any, chart: Any, w: int, h: int) -> None:
    """Care across, with up, 0 to 100, cut into the questionnaire's places (each named, the
    current one shaded and in bold), with each point named in a key: the whole group, and
    colleagues with lived experience where shown; the place's title underneath the key."""
    pad = _size() * 1.3
    side = min(w * 0.58, h - pad * 2.6)
    left, top = pad * 2.2, pad * 0.6
    for c0, c1, w0, w1, place_id, title in getattr(chart, "cells", ()):
        x0, x1 = left + side * c0 / 100, left + side * c1 / 100
        y0, y1 = top + side - side * w1 / 100, top + side - side * w0 / 100
        here = place_id == getattr(chart, "current", "")
        d.rectangle([(x0, y0), (x1, y1)], fill=LIGHT if here else WHITE, outline=RULE, width=SCALE)
        _wrapped(d, (x0 + SCALE * 3, y0 + SCALE * 3), title, x1 - x0 - SCALE * 6, y1 - y0 - SCALE * 6, bold=here)
    d.rectangle([(left, top), (left + side, top + side)], outline=INK, width=SCALE)
    for value in (0, 50, 100):
        _text(d, (left + side * value / 100, top + side + pad * 0.2), str(value), anchor="ma")
        _text(d, (left - pad * 0.3, top + side - side * value / 100), str(value), anchor="rm")
    _text(d, (left + side / 2, top + side + pad * 1.0), _(AXIS_WORDS["care"]), anchor="ma", bold=True)
    key_x = left + side + pad * 0.6
    _text(d, (key_x, top), _("with (up), care (across)"), bold=True)
    for k, (name, care, with_) in enumerate(chart.points):
        shape = "circle" if k == 0 else "square"
        x, y = left + side * care / 100, top + side - side * with_ / 100
        _marker(d, shape, x, y, SCALE * 6)
        label = _("{who}: care {care}, with {with_}").format(
            who=_(POINT_NAMES[name]) if name in POINT_NAMES else name, care=_figure(care), with_=_figure(with_)
        )
        key_y = top + pad * (1.4 + k * 1.3)
        _marker(d, shape, key_x + SCALE * 4, key_y + pad * 0.4, SCALE * 4)
        _wrapped(d, (key_x + pad * 0.8, key_y), label, w - key_x - pad * 1.2, pad * 1.3)
    if chart.place:
        _wrapped(
            d,
            (key_x, top + pad * (1.6 + len(chart.points) * 1.3)),
            chart.place,
            w - key_x - pad * 0.4,
            pad * 3,
            bold=True,
        )


def _wrapped(d: Any, xy: tuple[float, float], text: str, width: float, height: float, *, bold: bool = False) -> None:
    """Text wrapped at spaces to `width`, as many lines as fit in `height` (smaller type if it must)."""
    for pt in (TEXT_PT - 1, TEXT_PT - 2, TEXT_PT - 3):
        font = _font(bold, _size(pt))
        lines: list[str] = []
        for word in text.split():
            if lines and d.textlength(f"{lines[-1]} {word}", font=font) <= width:
                lines[-1] += f" {word}"
            else:
                lines.append(word)
        step = _size(pt) * 1.15
        if len(lines) * step <= height and all(d.textlength(line, font=font) <= width for line in lines):
            break
    for i, line in enumerate(lines[: max(1, int(height // step))]):
        d.text((xy[0], xy[1] + i * step), _fit(d, line, width, pt, bold), fill=INK, font=font)
