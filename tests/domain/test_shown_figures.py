"""A figure shown beside a band never contradicts it, and never flatters.

Scores are shown rounded down (wording.whole; one decimal, rounded down, in --json): a with
score of 49.7 is "49 of 100, Deciding for people", never "50 of 100" beside a band that starts
at 50. Differences between two figures are rounded to the nearest (a fall never looks larger).
"""

from __future__ import annotations

import pytest

from coprod_check.domain import headline
from coprod_check.domain.group import DomainGap
from coprod_check.domain.result_json import _r
from coprod_check.domain.scoring import band_for
from coprod_check.domain.wording import rounded, whole
from tests.tiny import builtin


@pytest.fixture(scope="module")
def q():
    return builtin()


VALUES = [i / 20 for i in range(0, 2001)] + [49.7, 49.99, 74.5, 74.9999999, 59.5, 89.6]


def test_the_band_of_every_figure_shown_is_the_band_shown_beside_it(q):
    for axis, bands in q.bands.items():
        assert bands, axis
        for v in VALUES:
            shown = whole(v)
            assert shown is not None and shown <= v + 1e-6, v
            assert band_for(q, axis, shown) == band_for(q, axis, v), (axis, v, shown)
            tenth = _r(v)
            assert tenth is not None and tenth <= v + 1e-6 and band_for(q, axis, tenth) == band_for(q, axis, v)


def test_the_stage_a_figure_reaches_is_the_stage_its_score_reaches(q):
    def stage(value: float) -> str:
        return [s for s in q.stages if value + 1e-9 >= s.start][-1].id

    for v in VALUES:
        assert stage(whole(v)) == stage(v), v


def test_49_7_is_shown_as_49_beside_deciding_for_people(q):
    band = band_for(q, "with", 49.7)
    assert band is not None and band.id == "deciding-for"
    assert headline.out_of_100(49.7) == "49 of 100" and headline.figure(49.7) == "49"
    assert headline.out_of_100(75.0) == "75 of 100" and headline.figure(74.9999999999) == "75"  # float noise in a mean
    assert _r(49.96) == 49.9 and _r(25.0) == 25.0


def test_differences_are_rounded_to_the_nearest_so_a_gap_never_looks_larger():
    assert rounded(-40.4) == -40 and rounded(-40.6) == -41 and rounded(0.3) == 0
    gap = DomainGap("d", "D", 30.0, 70.4, -40.4, 3, 4, False)
    assert headline.gap_words(gap) == "40 points lower"
