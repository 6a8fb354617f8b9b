"""Reading a date as people type it: day, month and year, in that (UK) order.

"31 January 2027", "31 Jan 2027", "31st January 2027", "31/1/2027", "31.01.27" and
"2027-01-31" all mean the same day. Month and weekday names come from the caller (the
window takes them from the locale), so nothing here spells a month. A date that does not
exist, or one earlier than allowed, is refused with a sentence that says why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from coprod_check.i18n import _

_ORDINAL = re.compile(r"^(\d{1,2})(st|nd|rd|th)$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


@dataclass(frozen=True)
class ReadDate:
    """A date read from text, or why it could not be (`problem`, a whole sentence)."""

    day: dt.date | None = None
    problem: str = ""


def _month(token: str, months: Sequence[Sequence[str]]) -> int | None:
    if token.isdigit():
        number = int(token)
        return number if 1 <= number <= 12 else None
    for index, names in enumerate(months, 1):
        for name in names:
            name = name.lower().rstrip(".")
            if token == name or (len(token) >= 3 and name.startswith(token)):
                return index
    return None


def read_date(
    text: str,
    months: Sequence[Sequence[str]],
    weekdays: Sequence[str] = (),
    say: Callable[[dt.date], str] | None = None,
    earliest: dt.date | None = None,
    earliest_reason: str = "",
) -> ReadDate:
    """Read `text` as a date, day first.

    `months` holds, for each month in order, the names it may be typed as (long and short);
    `weekdays` the names of days that may lead ("Sunday 31 January 2027"). `say` writes a date
    as people read it, for the sentences. A date before `earliest` is refused, with
    `earliest_reason` (a whole sentence) as the problem.
    """
    written = say or (lambda d: d.isoformat())
    unread = _(
        "\u201c{text}\u201d is not a date this can read. Type the day, the month and the year, in that "
        "order, for example 31 January 2027."
    ).format(text=text.strip())
    iso = _ISO.match(text)
    if iso:
        year, month, day = (int(x) for x in iso.groups())
    else:
        tokens = [t for t in re.findall(r"[^\W_]+", text.lower()) if t not in {w.lower() for w in weekdays}]
        if len(tokens) != 3:
            return ReadDate(problem=unread)
        first, second, third = tokens
        ordinal = _ORDINAL.match(first)
        first = ordinal.group(1) if ordinal else first
        found = _month(second, months)
        if not first.isdigit() or found is None or not third.isdigit() or len(third) not in (2, 4):
            return ReadDate(problem=unread)
        day, month, year = int(first), found, int(third)
        if len(third) == 2:
            year += 2000
    try:
        read = dt.date(year, month, day)
    except ValueError:
        return ReadDate(
            problem=_("There is no such date as \u201c{text}\u201d. Please check the day and month.").format(
                text=text.strip()
            )
        )
    if earliest is not None and read < earliest:
        return ReadDate(
            problem=earliest_reason or _("The date cannot be before {date}.").format(date=written(earliest))
        )
    return ReadDate(read)
