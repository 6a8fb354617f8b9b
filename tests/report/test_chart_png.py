"""The Word twin's chart pictures: drawn from the chart's data, the same bytes every time."""

from __future__ import annotations

import io
from types import SimpleNamespace

from PIL import Image

from coprod_check.report.chart_png import chart_png


def _series(name: str, values: tuple[float | None, ...], role: str, marker: str = "circle", dash: bool = False):
    return SimpleNamespace(name=name, values=values, role=role, marker=marker, dash=dash)


def _chart(kind: str, **kw: object) -> SimpleNamespace:
    base: dict[str, object] = {
        "kind": kind,
        "title": "t",
        "alt": "a",
        "categories": (),
        "series": (),
        "breaks": (),
        "points": (),
        "place": "",
        "unknown": (),
        "group_sizes": (),
        "y_max": 100.0,
        "width_share": 1.0,
        "height_mm": 50.0,
    }
    base.update(kw)
    return SimpleNamespace(**base)


def trend() -> SimpleNamespace:
    return _chart(
        "trend",
        categories=("Round 1", "Round 2", "Round 3"),
        series=(
            _series("With", (20.0, 35.0, 41.0), "with"),
            _series("Care", (50.0, None, 60.0), "care", "square", True),
        ),
        breaks=(1,),
    )


def domains() -> SimpleNamespace:
    return _chart(
        "domains",
        categories=("Power and decisions", "A domain with a title far too long to fit in its column at all"),
        series=(_series("Care", (50.0, 62.0), "care"), _series("With", (41.0, None), "with")),
        unknown=(2, 0),
    )


def quadrant() -> SimpleNamespace:
    return _chart("quadrant", points=(("all", 62.0, 41.0), ("lived-experience", 50.0, 25.0)), place="Consulting")


def test_each_kind_is_a_png_of_the_size_asked_the_same_bytes_each_time() -> None:
    for chart in (trend(), domains(), quadrant()):
        data = chart_png(chart, 160)
        assert data is not None and data == chart_png(chart, 160)
        image = Image.open(io.BytesIO(data))
        assert image.format == "PNG"
        assert abs(image.size[0] - 160 / 25.4 * 200) <= 2
        assert abs(image.size[1] - 50 / 25.4 * 200) <= 2
        assert image.convert("L").getextrema()[0] < 80  # something dark was drawn


def test_different_data_draws_a_different_picture() -> None:
    other = trend()
    other.series = (_series("With", (20.0, 35.0, 90.0), "with"),)
    assert chart_png(other, 160) != chart_png(trend(), 160)


def test_a_kind_it_does_not_know_gives_none() -> None:
    assert chart_png(_chart("radar"), 160) is None
