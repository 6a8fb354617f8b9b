"""The plain words the window and the printed plan share."""

import pytest

from coprod_check.domain.rounds import Change, Comparison
from coprod_check.domain.wording import change_of, long_date, short_date, signed, stage_sentence


def comparison(before, after, moved):
    none = Change("x", "X", None, None)
    return Comparison("2025-11-24", "2026-11-24", none, none, none, (), before, after, moved, ())


@pytest.mark.parametrize(
    ("before", "after", "moved", "sentence"),
    [
        ("Listening", "Involving", 1, "The stage has gone up one stage, from Listening to Involving."),
        ("Sharing power", "Listening", -2, "The stage has gone down two stages, from Sharing power to Listening."),
        ("Listening", "Listening", 0, "The stage is the same as last time: Listening."),
        (
            None,
            "Listening",
            0,
            "The stage cannot be compared: last time it was not yet known, and now it is Listening.",
        ),
        (None, None, 0, "The stage was not yet known last time, and is not yet known now."),
    ],
)
def test_stage_sentences(before, after, moved, sentence):
    assert stage_sentence(comparison(before, after, moved)) == sentence


def test_changes_come_from_the_unrounded_figures_rounded_once():
    # The same in every output: 40.4 to 40.6 is a change of 0.2, so no change (though they print as
    # 40 and 41); 40.6 to 41.4 is 0.8, so +1 (though both print as 41).
    assert change_of(Change("d", "D", 40.4, 40.6)) == 0
    assert change_of(Change("d", "D", 40.6, 41.4)) == 1
    assert change_of(Change("d", "D", 50.0, 25.0)) == -25
    assert change_of(Change("d", "D", None, 25.0)) is None
    assert [signed(x) for x in (5, -25, 0, None)] == ["+5", "\u221225", "no change", "\u2013"]


def test_dates_in_uk_style_whatever_the_locale():
    assert long_date("2026-03-05") == "5 March 2026"
    assert short_date("2026-09-30") == "30 Sept 2026"  # CLDR en_GB, through Babel
    assert long_date("", "not recorded") == "not recorded"
    assert short_date(None) == "Not set"


def test_month_names_ignore_the_machine_locale():
    import locale

    for name in ("cy_GB.UTF-8", "pl_PL.UTF-8", "de_DE.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
            break
        except locale.Error:
            continue
    else:
        pytest.skip("no non-English locale installed to prove it with")
    try:
        assert long_date("2026-03-05") == "5 March 2026"
    finally:
        locale.setlocale(locale.LC_TIME, "C")
