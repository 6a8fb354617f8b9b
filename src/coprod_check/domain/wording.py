"""Plain words shared by the window and the printed plan: numbers, dates and changes.

Pure Python, with neither Qt nor reportlab, so that the screen and the paper say
the same thing the same way. Month names are fixed English words, not the
system locale's, because every sentence around them is English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_check.i18n import _

if TYPE_CHECKING:  # annotations only: the start page imports this on the way to its first paint
    from coprod_check.domain.rounds import Change, Comparison

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MINUS = "\u2212"
DASH = "\u2013"
NUMBER_WORDS = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
}


def words(n: int) -> str:
    """Small numbers in words ("two levels apart"), larger ones in figures."""
    return NUMBER_WORDS.get(n, str(n))


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 question', '3 questions'."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def long_date(iso: str | None, missing: str = _("not set"), short: bool = False) -> str:
    """'2026-11-24' as '24 November 2026' (or '24 Nov 2026' when short), as UK readers write it.
    Text that is not a date comes back as it is; callers escape it like any other text."""
    if not iso:
        return missing
    import datetime as dt  # only when a date is worded: `score` on its own never needs it

    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    month = MONTHS[day.month - 1]
    return f"{day.day} {month[:3] if short else month} {day.year}"


def short_date(iso: str | None, missing: str = _("Not set")) -> str:
    """'2026-11-24' as '24 Nov 2026', for narrow columns."""
    return long_date(iso, missing, short=True)


def whole(value: float | None) -> int | None:
    """A score as the whole number shown and printed."""
    return None if value is None else int(f"{value:.0f}")


def signed(value: int | None) -> str:
    """+12, \u221212, "no change", or a dash when there is nothing to compare."""
    if value is None:
        return DASH
    if value == 0:
        return _("no change")
    return f"+{value}" if value > 0 else f"{MINUS}{-value}"


def change_of(change: Change) -> int | None:
    """After minus before, worked out from the unrounded figures and rounded once, the same in
    every output (a row may then differ by one from the difference of its rounded figures)."""
    return whole(change.delta)


def stage_sentence(c: Comparison) -> str:
    """The stage then and now, in one sentence."""
    before, after = c.stage_before, c.stage_after
    if before is None and after is None:
        return _("The stage was not yet known last time, and is not yet known now.")
    if before is None or after is None:
        return _("The stage cannot be compared: last time it was {value}, and now it is {value2}.").format(
            value=before or "not yet known", value2=after or "not yet known"
        )
    if c.stage_change:
        moved = abs(c.stage_change)
        way = "up" if c.stage_change > 0 else "down"
        return _("The stage has gone {way} {moved} {value}, from {before} to {after}.").format(
            way=way, moved=words(moved), value="stage" if moved == 1 else "stages", before=before, after=after
        )
    if before != after:
        return _("The stage was {before} and is now {after}.").format(before=before, after=after)
    return _("The stage is the same as last time: {after}.").format(after=after)


def not_shown_group(min_size: int) -> str:
    """What a figure about too small a group says instead of itself."""
    return _("Not shown: fewer than {min_size} people in a group").format(min_size=min_size)
