"""Reading an assessment file's fields: small typed accessors that raise AssessmentError naming
the file and the field, with the bounds every list, map and text must keep. Used by fileformat.py."""

from __future__ import annotations

import re
from typing import Any

from coprod_check.domain.assessment import (
    LIVED_EXPERIENCE,
    MAX_ENTRIES,
    MAX_TEXT,
    STATUSES,
    ActionStatus,
    Answer,
    Check,
    Participant,
    PreviousAction,
    Statement,
    Suggestion,
)
from coprod_check.domain.errors import AssessmentError
from coprod_check.domain.questionnaire import TIMESCALES, VERSION_PATTERN
from coprod_check.domain.textcheck import savable, savable_text
from coprod_check.i18n import _

_TIMESCALE_IDS = tuple(TIMESCALES)

_UNSAVABLE = _(
    "holds a character that cannot be stored as text (a lone surrogate such as \\ud800, half "
    "of a pair). The file may have been damaged or made by another program: remove or replace "
    "that character, then open it again"
)


class FieldReader:
    """Small typed accessors that raise AssessmentError with a path."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, where: str, message: str) -> AssessmentError:
        if where == "the file":  # the message already reads "FILE has no field ..."
            return AssessmentError(self.source, message)
        return AssessmentError(self.source, f"{where}: {message}")

    def obj(
        self, value: Any, where: str, required: tuple[str, ...] = (), optional: tuple[str, ...] | None = None
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, _("should be an object, not {found}").format(found=_short(value)))
        if len(value) > MAX_ENTRIES:
            raise self.fail(
                where,
                _("has {count:,} entries; an assessment has at most {MAX_ENTRIES:,}").format(
                    count=len(value), MAX_ENTRIES=MAX_ENTRIES
                ),
            )
        for key in value:
            if not savable(key):
                raise self.fail(where, _("has a field name that {UNSAVABLE}").format(UNSAVABLE=_UNSAVABLE))
        for key in required:
            if key not in value:
                raise self.fail(where, _('has no field "{key}"').format(key=key))
        if optional is not None:
            unknown = [k for k in value if k not in required + optional]
            if unknown:
                raise self.fail(where, _("has an unknown field {found}").format(found=_short(unknown[0])))
        return value

    def array(self, value: Any, where: str, limit: int | None = None) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, _("should be a list, not {found}").format(found=_short(value)))
        limit = MAX_ENTRIES if limit is None else limit
        if len(value) > limit:
            raise self.fail(
                where,
                _("has {count:,} entries; an assessment has at most {limit:,} here").format(
                    count=len(value), limit=limit
                ),
            )
        return value

    def text(self, value: Any, where: str, empty: bool = True) -> str:
        if not isinstance(value, str):
            raise self.fail(where, _("should be text, not {found}").format(found=_short(value)))
        if not empty and not value.strip():
            raise self.fail(where, _("is empty"))
        if len(value) > MAX_TEXT:
            raise self.fail(where, _("is longer than {MAX_TEXT:,} characters").format(MAX_TEXT=MAX_TEXT))
        if not savable(value):
            raise self.fail(where, _UNSAVABLE)
        return value

    def version(self, value: Any, where: str, empty: bool = True) -> str:
        # As a questionnaire's own version is checked (domain/loader.py): a number over 4,300
        # digits cannot even be compared, and "1.999..." would fill every message it is in.
        text = self.text(value, where, empty)
        if text and not VERSION_PATTERN.fullmatch(text):
            raise self.fail(
                where,
                _("should be a questionnaire version such as 1.0 (each part at most 6 digits), not {found}").format(
                    found=_short(text)
                ),
            )
        return text

    def optional_text(self, value: Any, where: str) -> str | None:
        return None if value is None else self.text(value, where)

    def boolean(self, value: Any, where: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(where, _("should be true or false, not {found}").format(found=_short(value)))
        return value

    def optional_boolean(self, value: Any, where: str) -> bool | None:
        return None if value is None else self.boolean(value, where)

    def statement(self, value: Any, where: str) -> Statement:
        """A lived-experience statement: its text (kept exactly as written), who by, and when."""
        x = self.obj(value, where, required=("text",), optional=("by", "date"))
        return Statement(
            text=self.text(x["text"], f"{where}.text"),
            by=self.text(x.get("by", ""), f"{where}.by"),
            date=self.date(x.get("date", ""), f"{where}.date"),
        )

    def choice(self, value: Any, allowed: tuple[str, ...], where: str) -> str:
        if value not in allowed:
            raise self.fail(
                where, _("should be one of {items}, not {found}").format(items=", ".join(allowed), found=_short(value))
            )
        return str(value)

    def action_status(self, value: Any, where: str) -> ActionStatus:
        """An action's status: one of STATUSES, as `choice` checks it."""
        return STATUSES[STATUSES.index(self.choice(value, STATUSES, where))]

    def date(self, value: Any, where: str) -> str:
        text = self.text(value, where)
        if text and not is_iso_date(text):
            raise self.fail(where, _("should be a date such as 2026-11-24, not {found}").format(found=_short(text)))
        return text

    def optional_date(self, value: Any, where: str) -> str | None:
        return None if value is None or value == "" else self.date(value, where)

    def score(self, value: Any, where: str) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            raise self.fail(where, _("should be a score from 0 to 100, not {found}").format(found=_short(value)))
        return float(value)

    def pair(self, value: Any, where: str) -> tuple[str, str]:
        items = self.array(value, where)
        if len(items) != 2:
            raise self.fail(where, _("should be a pair of question id and reason"))
        return self.text(items[0], f"{where}[0]"), self.text(items[1], f"{where}[1]")

    def participant(self, value: Any, where: str) -> Participant:
        p = self.obj(value, where, required=("role",), optional=("name", "lived_experience"))
        return Participant(
            role=self.text(p["role"], f"{where}.role", empty=False),
            lived_experience=self.choice(
                p.get("lived_experience", "prefer-not-to-say"), LIVED_EXPERIENCE, f"{where}.lived_experience"
            ),
            name=self.text(p.get("name", ""), f"{where}.name"),
        )

    def answers(self, value: Any, where: str) -> dict[str, Answer]:
        out = {}
        for qid, item in self.obj(value, where).items():
            here = f"{where}.{qid}"
            ans = self.obj(item, here, optional=("answer", "note", "evidence", "note_private", "check"))
            choice = ans.get("answer")
            out[qid] = Answer(
                choice=None if choice is None else self.text(choice, f"{here}.answer", empty=False),
                note=self.text(ans.get("note", ""), f"{here}.note"),
                evidence=self.text(ans.get("evidence", ""), f"{here}.evidence"),
                note_private=self.boolean(ans.get("note_private", False), f"{here}.note_private"),
                check=self.check(ans["check"], f"{here}.check") if "check" in ans else None,
            )
        return out

    def check(self, value: Any, where: str) -> Check:
        x = self.obj(value, where, required=("version", "question"), optional=("answer",))
        answer = x.get("answer")
        return Check(
            version=self.version(x["version"], f"{where}.version", empty=False),
            question=self.text(x["question"], f"{where}.question", empty=False),
            answer=None if answer is None else self.text(answer, f"{where}.answer", empty=False),
        )

    def suggestion(self, value: Any, where: str) -> Suggestion:
        x = self.obj(value, where, required=("title",), optional=("why", "how", "owner", "timescale"))
        return Suggestion(
            title=self.text(x["title"], f"{where}.title"),
            why=self.text(x.get("why", ""), f"{where}.why"),
            how=self.text(x.get("how", ""), f"{where}.how"),
            owner=self.text(x.get("owner", ""), f"{where}.owner"),
            timescale=self.choice(x.get("timescale", "now"), _TIMESCALE_IDS, f"{where}.timescale"),
        )

    def previous_action(self, value: Any, where: str) -> PreviousAction:
        x = self.obj(value, where, required=("id", "title"), optional=("owner", "due", "status", "group"))
        return PreviousAction(
            id=self.text(x["id"], f"{where}.id", empty=False),
            title=self.text(x["title"], f"{where}.title"),
            owner=self.text(x.get("owner", ""), f"{where}.owner"),
            due=self.optional_date(x.get("due"), f"{where}.due"),
            status=self.action_status(x.get("status", "not-started"), f"{where}.status"),
            group=self.choice(x.get("group", "now"), ("critical", "now", "soon", "later"), f"{where}.group"),
        )


def _short(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        # repr() of a number over 4,300 digits raises ValueError; never needed to say it.
        return _("a number too long to show")
    text = savable_text(repr(value))
    return text if len(text) <= 60 else text[:57] + "..."


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_iso_date(text: str) -> bool:
    """True for a real calendar date written YYYY-MM-DD (the only form the file format allows),
    worked out without importing datetime: reading a file is on the path of every command, and
    importing datetime costs about a millisecond there."""
    if not _ISO_DATE.fullmatch(text):
        return False
    year, month, day = int(text[:4]), int(text[5:7]), int(text[8:])
    if not (year >= 1 and 1 <= month <= 12 and 1 <= day <= _DAYS[month - 1]):
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return not (month == 2 and day == 29 and not leap)
