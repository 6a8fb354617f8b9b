"""The assessment file format: plain JSON-ready data to and from an Assessment.

`from_dict` accepts exactly what `to_dict` writes (and files from before the
group and round fields, and the plan edits' timescale, critical and suggested
wording, existed), and raises AssessmentError, naming the file
and the problem, for anything else.

Every text is checked once, here, where it enters: text that cannot be written as
UTF-8 (a lone surrogate such as "\\ud800", which JSON allows) is refused with the
field it is in, so nothing is ever held in memory that could not be saved again.
Lists and maps are bounded (MAX_PEOPLE, MAX_OWN_ACTIONS, MAX_ENTRIES), so a file cannot make the window or the PDF
take minutes.
"""

from __future__ import annotations

import re
from typing import Any

from coprod_check.domain.assessment import (
    DEFAULT_MIN_GROUP,
    FORMAT,
    FORMAT_VERSION,
    LIVED_EXPERIENCE,
    MAX_ENTRIES,
    MAX_OWN_ACTIONS,
    MAX_PEOPLE,
    MAX_TEXT,
    REVIEW_OUTCOMES,
    STATUSES,
    ActionEdit,
    Agreement,
    Answer,
    Assessment,
    CustomAction,
    Participant,
    Previous,
    PreviousAction,
    Response,
    Review,
    Suggestion,
)
from coprod_check.domain.errors import AssessmentError
from coprod_check.domain.questionnaire import TIMESCALES, VERSION_PATTERN
from coprod_check.domain.textcheck import savable, savable_text

_TIMESCALE_IDS = tuple(TIMESCALES)


_UNSAVABLE = (
    "holds a character that cannot be stored as text (a lone surrogate such as \\ud800, half "
    "of a pair). The file may have been damaged or made by another program: remove or replace "
    "that character, then open it again"
)


def to_dict(a: Assessment) -> dict[str, Any]:
    """The assessment as JSON-ready data; the inverse of from_dict.

    Group and round fields are written only when used, so a simple assessment
    stays a simple file.
    """
    from coprod_check import __version__

    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "questionnaire": {
            "id": a.questionnaire_id,
            "version": a.questionnaire_version,
            "fingerprints": dict(a.fingerprints),
        },
        "organisation": a.organisation,
        "team": a.team,
        "date": a.date,
        "participants": [p.as_dict() for p in a.participants],
        "answers": _answers_out(a.answers),
        "plan": {
            "edits": {aid: _edit_out(e) for aid, e in a.plan.edits.items()},
            "custom": [_custom_out(c) for c in a.plan.custom],
            "order": list(a.plan.order),
        },
    }
    if a.responses:
        data["responses"] = [
            {
                "id": r.id,
                "participant": r.participant.as_dict(),
                "source": r.source,
                "sha256": r.sha256,
                "date": r.date,
                "answers": _answers_out(r.answers),
            }
            for r in a.responses
        ]
    if a.agreed:
        data["agreed"] = {qid: g.as_dict() for qid, g in a.agreed.items()}
    if a.min_group_size != DEFAULT_MIN_GROUP:
        data["min_group_size"] = a.min_group_size
    if a.previous is not None:
        prev = a.previous.as_dict()
        prev["with"] = prev.pop("with_")
        prev["caps"] = [list(c) for c in a.previous.caps]
        prev["actions"] = [x.as_dict() for x in a.previous.actions]
        data["previous"] = prev
    if a.reviews:
        data["reviews"] = {aid: rv.as_dict() for aid, rv in a.reviews.items()}
    return data


def _edit_out(edit: ActionEdit) -> dict[str, Any]:
    # The fields added after the first release are written only when used, so a file
    # that does not use them stays readable by earlier versions.
    data = edit.as_dict()
    for field in ("timescale", "critical", "suggested"):
        if data[field] is None:
            del data[field]
    if edit.suggested is not None:
        data["suggested"] = edit.suggested.as_dict()
    return data


def _custom_out(custom: CustomAction) -> dict[str, Any]:
    data = custom.as_dict()
    if not custom.critical:
        del data["critical"]
    return data


def _answers_out(answers: dict[str, Answer]) -> dict[str, Any]:
    return {
        qid: {"answer": ans.choice, "note": ans.note, "evidence": ans.evidence, "note_private": ans.note_private}
        for qid, ans in answers.items()
        if not ans.is_empty()
    }


def from_dict(data: Any, source: str) -> Assessment:
    """Check and read assessment data; raise AssessmentError naming the problem."""
    r = _Reader(source)
    top = r.obj(
        data,
        "the file",
        required=("format", "format_version", "questionnaire"),
        optional=(
            "app_version",
            "organisation",
            "team",
            "date",
            "participants",
            "answers",
            "plan",
            "responses",
            "agreed",
            "min_group_size",
            "previous",
            "reviews",
        ),
    )
    if top.get("format") != FORMAT:
        raise AssessmentError(
            source, f'is not a coprod-check assessment (its "format" is {_short(top.get("format"))}, not "{FORMAT}")'
        )
    version = top.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise AssessmentError(source, f"has an invalid format_version {_short(version)}")
    if version > FORMAT_VERSION:
        raise AssessmentError(
            source,
            f"was made by a newer coprod-check (file format {version}; "
            f"this version reads up to {FORMAT_VERSION}). Please update coprod-check; "
            "the file has not been changed.",
        )
    q = r.obj(top["questionnaire"], "questionnaire", required=("id", "version"), optional=("fingerprints",))
    fingerprints = r.obj(q.get("fingerprints", {}), "questionnaire.fingerprints")
    a = Assessment(
        questionnaire_id=r.text(q["id"], "questionnaire.id", empty=False),
        questionnaire_version=r.version(q["version"], "questionnaire.version", empty=False),
        organisation=r.text(top.get("organisation", ""), "organisation"),
        team=r.text(top.get("team", ""), "team"),
        date=r.date(top.get("date", ""), "date"),
        fingerprints={k: r.text(v, f"questionnaire.fingerprints.{k}") for k, v in fingerprints.items()},
        participants=[
            r.participant(p, f"participants[{i}]")
            for i, p in enumerate(r.array(top.get("participants", []), "participants", MAX_PEOPLE))
        ],
        answers=r.answers(top.get("answers", {}), "answers"),
    )
    _read_plan(r, top.get("plan", {}), a)
    _read_group(r, top, a)
    _read_rounds(r, top, a)
    return a


def _read_plan(r: _Reader, value: Any, a: Assessment) -> None:
    plan = r.obj(value, "plan", optional=("edits", "custom", "order"))
    for aid, item in r.obj(plan.get("edits", {}), "plan.edits").items():
        where = f"plan.edits.{aid}"
        e = r.obj(
            item,
            where,
            optional=(
                "accepted",
                "title",
                "why",
                "how",
                "owner",
                "due",
                "status",
                "timescale",
                "critical",
                "suggested",
            ),
        )
        timescale, critical = e.get("timescale"), e.get("critical")
        a.plan.edits[aid] = ActionEdit(
            accepted=r.boolean(e.get("accepted", True), f"{where}.accepted"),
            title=r.optional_text(e.get("title"), f"{where}.title"),
            why=r.optional_text(e.get("why"), f"{where}.why"),
            how=r.optional_text(e.get("how"), f"{where}.how"),
            owner=r.optional_text(e.get("owner"), f"{where}.owner"),
            due=r.optional_date(e.get("due"), f"{where}.due"),
            status=r.choice(e.get("status", "not-started"), STATUSES, f"{where}.status"),
            timescale=None if timescale is None else r.choice(timescale, _TIMESCALE_IDS, f"{where}.timescale"),
            critical=None if critical is None else r.boolean(critical, f"{where}.critical"),
            suggested=r.suggestion(e["suggested"], f"{where}.suggested") if "suggested" in e else None,
        )
    custom_ids: set[str] = set()
    for i, item in enumerate(r.array(plan.get("custom", []), "plan.custom", MAX_OWN_ACTIONS)):
        where = f"plan.custom[{i}]"
        c = r.obj(
            item,
            where,
            required=("id", "title"),
            optional=("why", "how", "owner", "due", "status", "timescale", "accepted", "critical"),
        )
        cid = r.text(c["id"], f"{where}.id", empty=False)
        if cid in custom_ids:
            raise r.fail(f"{where}.id", f"repeats the action id {_short(cid)}, which another action already has")
        custom_ids.add(cid)
        a.plan.custom.append(
            CustomAction(
                id=cid,
                title=r.text(c["title"], f"{where}.title"),
                why=r.text(c.get("why", ""), f"{where}.why"),
                how=r.text(c.get("how", ""), f"{where}.how"),
                owner=r.text(c.get("owner", ""), f"{where}.owner"),
                due=r.optional_date(c.get("due"), f"{where}.due"),
                status=r.choice(c.get("status", "not-started"), STATUSES, f"{where}.status"),
                timescale=r.choice(c.get("timescale", "now"), _TIMESCALE_IDS, f"{where}.timescale"),
                accepted=r.boolean(c.get("accepted", True), f"{where}.accepted"),
                critical=r.boolean(c.get("critical", False), f"{where}.critical"),
            )
        )
    a.plan.order = [r.text(x, "plan.order[]", empty=False) for x in r.array(plan.get("order", []), "plan.order")]


def _read_group(r: _Reader, top: dict[str, Any], a: Assessment) -> None:
    ids: set[str] = set()
    for i, item in enumerate(r.array(top.get("responses", []), "responses", MAX_PEOPLE)):
        where = f"responses[{i}]"
        x = r.obj(item, where, required=("id", "participant"), optional=("answers", "source", "sha256", "date"))
        rid = r.text(x["id"], f"{where}.id", empty=False)
        if rid in ids:
            raise r.fail(f"{where}.id", f"repeats the response id {_short(rid)}, which another response already has")
        ids.add(rid)
        a.responses.append(
            Response(
                id=rid,
                participant=r.participant(x["participant"], f"{where}.participant"),
                answers=r.answers(x.get("answers", {}), f"{where}.answers"),
                source=r.text(x.get("source", ""), f"{where}.source"),
                sha256=r.text(x.get("sha256", ""), f"{where}.sha256"),
                date=r.date(x.get("date", ""), f"{where}.date"),
            )
        )
    for qid, item in r.obj(top.get("agreed", {}), "agreed").items():
        g = r.obj(item, f"agreed.{qid}", required=("level",), optional=("reason",))
        a.agreed[qid] = Agreement(
            level=r.text(g["level"], f"agreed.{qid}.level", empty=False),
            reason=r.text(g.get("reason", ""), f"agreed.{qid}.reason"),
        )
    size = top.get("min_group_size", DEFAULT_MIN_GROUP)
    if not isinstance(size, int) or isinstance(size, bool) or not 2 <= size <= 50:
        raise r.fail("min_group_size", f"should be a whole number from 2 to 50, not {_short(size)}")
    a.min_group_size = size


def _read_rounds(r: _Reader, top: dict[str, Any], a: Assessment) -> None:
    if "previous" in top:
        p = r.obj(
            top["previous"],
            "previous",
            required=("date", "questionnaire_version"),
            optional=("overall", "care", "with", "stage_id", "stage_title", "domains", "caps", "actions", "source"),
        )
        a.previous = Previous(
            date=r.date(p["date"], "previous.date"),
            questionnaire_version=r.version(p["questionnaire_version"], "previous.questionnaire_version"),
            overall=r.score(p.get("overall"), "previous.overall"),
            care=r.score(p.get("care"), "previous.care"),
            with_=r.score(p.get("with"), "previous.with"),
            stage_id=r.optional_text(p.get("stage_id"), "previous.stage_id"),
            stage_title=r.optional_text(p.get("stage_title"), "previous.stage_title"),
            domains={
                k: r.score(v, f"previous.domains.{k}")
                for k, v in r.obj(p.get("domains", {}), "previous.domains").items()
            },
            caps=[r.pair(c, f"previous.caps[{i}]") for i, c in enumerate(r.array(p.get("caps", []), "previous.caps"))],
            actions=[
                r.previous_action(x, f"previous.actions[{i}]")
                for i, x in enumerate(r.array(p.get("actions", []), "previous.actions"))
            ],
            source=r.text(p.get("source", ""), "previous.source"),
        )
    for aid, item in r.obj(top.get("reviews", {}), "reviews").items():
        v = r.obj(item, f"reviews.{aid}", optional=("outcome", "note"))
        outcome = v.get("outcome")
        a.reviews[aid] = Review(
            outcome=None if outcome is None else r.choice(outcome, REVIEW_OUTCOMES, f"reviews.{aid}.outcome"),
            note=r.text(v.get("note", ""), f"reviews.{aid}.note"),
        )


class _Reader:
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
            raise self.fail(where, f"should be an object, not {_short(value)}")
        if len(value) > MAX_ENTRIES:
            raise self.fail(where, f"has {len(value):,} entries; an assessment has at most {MAX_ENTRIES:,}")
        for key in value:
            if not savable(key):
                raise self.fail(where, f"has a field name that {_UNSAVABLE}")
        for key in required:
            if key not in value:
                raise self.fail(where, f'has no field "{key}"')
        if optional is not None:
            unknown = [k for k in value if k not in required + optional]
            if unknown:
                raise self.fail(where, f"has an unknown field {_short(unknown[0])}")
        return value

    def array(self, value: Any, where: str, limit: int | None = None) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, f"should be a list, not {_short(value)}")
        limit = MAX_ENTRIES if limit is None else limit
        if len(value) > limit:
            raise self.fail(where, f"has {len(value):,} entries; an assessment has at most {limit:,} here")
        return value

    def text(self, value: Any, where: str, empty: bool = True) -> str:
        if not isinstance(value, str):
            raise self.fail(where, f"should be text, not {_short(value)}")
        if not empty and not value.strip():
            raise self.fail(where, "is empty")
        if len(value) > MAX_TEXT:
            raise self.fail(where, f"is longer than {MAX_TEXT:,} characters")
        if not savable(value):
            raise self.fail(where, _UNSAVABLE)
        return value

    def version(self, value: Any, where: str, empty: bool = True) -> str:
        # As a questionnaire's own version is checked (domain/loader.py): a number over 4,300
        # digits cannot even be compared, and "1.999..." would fill every message it is in.
        text = self.text(value, where, empty)
        if text and not VERSION_PATTERN.fullmatch(text):
            raise self.fail(
                where, f"should be a questionnaire version such as 1.0 (each part at most 6 digits), not {_short(text)}"
            )
        return text

    def optional_text(self, value: Any, where: str) -> str | None:
        return None if value is None else self.text(value, where)

    def boolean(self, value: Any, where: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(where, f"should be true or false, not {_short(value)}")
        return value

    def choice(self, value: Any, allowed: tuple[str, ...], where: str) -> str:
        if value not in allowed:
            raise self.fail(where, f"should be one of {', '.join(allowed)}, not {_short(value)}")
        return str(value)

    def date(self, value: Any, where: str) -> str:
        text = self.text(value, where)
        if text and not is_iso_date(text):
            raise self.fail(where, f"should be a date such as 2026-11-24, not {_short(text)}")
        return text

    def optional_date(self, value: Any, where: str) -> str | None:
        return None if value is None or value == "" else self.date(value, where)

    def score(self, value: Any, where: str) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            raise self.fail(where, f"should be a score from 0 to 100, not {_short(value)}")
        return float(value)

    def pair(self, value: Any, where: str) -> tuple[str, str]:
        items = self.array(value, where)
        if len(items) != 2:
            raise self.fail(where, "should be a pair of question id and reason")
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
            ans = self.obj(item, here, optional=("answer", "note", "evidence", "note_private"))
            choice = ans.get("answer")
            out[qid] = Answer(
                choice=None if choice is None else self.text(choice, f"{here}.answer", empty=False),
                note=self.text(ans.get("note", ""), f"{here}.note"),
                evidence=self.text(ans.get("evidence", ""), f"{here}.evidence"),
                note_private=self.boolean(ans.get("note_private", False), f"{here}.note_private"),
            )
        return out

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
            status=self.choice(x.get("status", "not-started"), STATUSES, f"{where}.status"),
            group=self.choice(x.get("group", "now"), ("critical", "now", "soon", "later"), f"{where}.group"),
        )


def _short(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        # repr() of a number over 4,300 digits raises ValueError; never needed to say it.
        return "a number too long to show"
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
