"""Plain words shared by the window and the printed plan: numbers, dates and changes.

Pure Python, with neither Qt nor reportlab, so that the screen and the paper say
the same thing the same way. Dates are worded by Babel for the language in force
(coprod_check.i18n: UK English unless another is chosen), never by the system locale,
because every sentence around them is in that language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_check.i18n import N_, _, format_date, ngettext

if TYPE_CHECKING:  # annotations only: the start page imports this on the way to its first paint
    from coprod_check.domain.rounds import Change, Comparison

MINUS = "\u2212"
DASH = "\u2013"
NUMBER_WORDS = {
    1: N_("one"),
    2: N_("two"),
    3: N_("three"),
    4: N_("four"),
    5: N_("five"),
    6: N_("six"),
    7: N_("seven"),
    8: N_("eight"),
    9: N_("nine"),
    10: N_("ten"),
}


def words(n: int) -> str:
    """Small numbers in words ("two levels apart"), larger ones in figures."""
    word = NUMBER_WORDS.get(n)
    return str(n) if word is None else _(word)


def long_date(iso: str | None, missing: str | None = None, short: bool = False) -> str:
    """'2026-11-24' as '24 November 2026' (or '24 Nov 2026' when short), as UK readers write it,
    through Babel in the language in force. Text that is not a date comes back as it is; callers
    escape it like any other text."""
    if not iso:
        return _("not set") if missing is None else missing
    import datetime as dt  # only when a date is worded: `score` on its own never needs it

    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return format_date(day, "medium" if short else "long")


def short_date(iso: str | None, missing: str | None = None) -> str:
    """'2026-11-24' as '24 Nov 2026', for narrow columns."""
    return long_date(iso, _("Not set") if missing is None else missing, short=True)


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
            value=before or _("not yet known"), value2=after or _("not yet known")
        )
    if c.stage_change:
        moved = abs(c.stage_change)
        if c.stage_change > 0:
            sentence = ngettext(
                "The stage has gone up {count} stage, from {before} to {after}.",
                "The stage has gone up {count} stages, from {before} to {after}.",
                moved,
            )
        else:
            sentence = ngettext(
                "The stage has gone down {count} stage, from {before} to {after}.",
                "The stage has gone down {count} stages, from {before} to {after}.",
                moved,
            )
        return sentence.format(count=words(moved), before=before, after=after)
    if before != after:
        return _("The stage was {before} and is now {after}.").format(before=before, after=after)
    return _("The stage is the same as last time: {after}.").format(after=after)


def not_shown_group(min_size: int) -> str:
    """What a figure about too small a group says instead of itself."""
    return _("Not shown: fewer than {min_size} people in a group").format(min_size=min_size)
