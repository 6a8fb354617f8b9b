"""An assessment: who took part, their answers, and their edits to the plan.

Stored as JSON (format documented in docs/assessment-format.md, JSON Schema
in coprod_check/schema/assessment.schema.json). `from_dict` accepts exactly
what `to_dict` writes, and raises AssessmentError, naming the problem, for
anything else.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from coprod_check.domain.errors import AssessmentError
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE, Questionnaire

FORMAT = "coprod-check-assessment"
FORMAT_VERSION = 1
LIVED_EXPERIENCE = ("yes", "no", "prefer-not-to-say")
STATUSES = ("not-started", "in-progress", "done")
MAX_TEXT = 200_000


class _Record:
    """Equality and repr from __slots__: the little we need of dataclasses, without
    the start-up cost (dataclasses imports inspect and builds every class with exec)."""

    __slots__: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and all(
            getattr(self, name) == getattr(other, name) for name in self.__slots__)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def as_dict(self) -> dict[str, Any]:
        """The fields as a plain dict."""
        return {name: getattr(self, name) for name in self.__slots__}


class Participant(_Record):
    """Someone taking part. The name is optional; the role is a perspective id."""

    __slots__ = ("role", "lived_experience", "name")

    def __init__(self, role: str, lived_experience: str = "prefer-not-to-say", name: str = ""):
        self.role = role
        self.lived_experience = lived_experience
        self.name = name


class Answer(_Record):
    """One answer: a level id, DONT_KNOW, NOT_APPLICABLE, or None for not yet."""

    __slots__ = ("choice", "note", "evidence", "note_private")

    def __init__(self, choice: str | None = None, note: str = "", evidence: str = "",
                 note_private: bool = False):
        self.choice = choice
        self.note = note
        self.evidence = evidence
        self.note_private = note_private

    def is_empty(self) -> bool:
        """True when there is nothing worth keeping."""
        return self.choice is None and not self.note and not self.evidence


class ActionEdit(_Record):
    """The user's changes to one derived action. None means "as derived"."""

    __slots__ = ("accepted", "title", "why", "how", "owner", "due", "status")

    def __init__(self, accepted: bool = True, title: str | None = None, why: str | None = None,
                 how: str | None = None, owner: str | None = None, due: str | None = None,
                 status: str = "not-started"):
        self.accepted = accepted
        self.title = title
        self.why = why
        self.how = how
        self.owner = owner
        self.due = due
        self.status = status


class CustomAction(_Record):
    """An action the user added themselves."""

    __slots__ = ("id", "title", "why", "how", "owner", "due", "status", "timescale", "accepted")

    def __init__(self, id: str, title: str, why: str = "", how: str = "", owner: str = "",
                 due: str | None = None, status: str = "not-started", timescale: str = "now",
                 accepted: bool = True):
        self.id = id
        self.title = title
        self.why = why
        self.how = how
        self.owner = owner
        self.due = due
        self.status = status
        self.timescale = timescale
        self.accepted = accepted


class Plan(_Record):
    """The user's edits to the derived action plan, kept by action id."""

    __slots__ = ("edits", "custom", "order")

    def __init__(self, edits: dict[str, ActionEdit] | None = None,
                 custom: list[CustomAction] | None = None, order: list[str] | None = None):
        self.edits = {} if edits is None else edits
        self.custom = [] if custom is None else custom
        self.order = [] if order is None else order


class Assessment(_Record):
    """A (possibly partly) completed questionnaire, as saved in a file."""

    __slots__ = ("questionnaire_id", "questionnaire_version", "organisation", "team", "date",
                 "participants", "answers", "plan", "fingerprints")

    def __init__(self, questionnaire_id: str, questionnaire_version: str, organisation: str = "",
                 team: str = "", date: str = "", participants: list[Participant] | None = None,
                 answers: dict[str, Answer] | None = None, plan: Plan | None = None,
                 fingerprints: dict[str, str] | None = None):
        self.questionnaire_id = questionnaire_id
        self.questionnaire_version = questionnaire_version
        self.organisation = organisation
        self.team = team
        self.date = date
        self.participants = [] if participants is None else participants
        self.answers = {} if answers is None else answers
        self.plan = Plan() if plan is None else plan
        self.fingerprints = {} if fingerprints is None else fingerprints

    @classmethod
    def new(cls, questionnaire: Questionnaire, today: dt.date | None = None) -> Assessment:
        """A blank assessment of `questionnaire`, dated today."""
        return cls(
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            date=(today or dt.date.today()).isoformat(),
            fingerprints=questionnaire.fingerprints(),
        )

    def answer(self, question_id: str) -> Answer:
        """The answer to a question (an empty one if there is none yet)."""
        return self.answers.get(question_id) or Answer()


# -- to and from plain data ----------------------------------------------------


def to_dict(a: Assessment) -> dict[str, Any]:
    """The assessment as JSON-ready data; the inverse of from_dict."""
    from coprod_check import __version__

    return {
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
        "participants": [
            {"name": p.name, "role": p.role, "lived_experience": p.lived_experience}
            for p in a.participants
        ],
        "answers": {
            qid: {"answer": ans.choice, "note": ans.note, "evidence": ans.evidence,
                  "note_private": ans.note_private}
            for qid, ans in a.answers.items() if not ans.is_empty()
        },
        "plan": {
            "edits": {aid: e.as_dict() for aid, e in a.plan.edits.items()},
            "custom": [c.as_dict() for c in a.plan.custom],
            "order": list(a.plan.order),
        },
    }


def from_dict(data: Any, source: str) -> Assessment:
    """Check and read assessment data; raise AssessmentError naming the problem."""
    r = _Reader(source)
    top = r.obj(data, "the file", required=("format", "format_version", "questionnaire"),
                optional=("app_version", "organisation", "team", "date", "participants", "answers", "plan"))
    if top.get("format") != FORMAT:
        raise AssessmentError(source, "is not a coprod-check assessment (its \"format\" is "
                              f"{_short(top.get('format'))}, not \"{FORMAT}\")")
    version = top.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise AssessmentError(source, f"has an invalid format_version {_short(version)}")
    if version > FORMAT_VERSION:
        raise AssessmentError(source, f"was made by a newer coprod-check (file format {version}; "
                              f"this version reads up to {FORMAT_VERSION}). Please update coprod-check; "
                              "the file has not been changed.")
    q = r.obj(top["questionnaire"], "questionnaire", required=("id", "version"), optional=("fingerprints",))
    fingerprints = r.obj(q.get("fingerprints", {}), "questionnaire.fingerprints")
    a = Assessment(
        questionnaire_id=r.text(q["id"], "questionnaire.id", empty=False),
        questionnaire_version=r.text(q["version"], "questionnaire.version", empty=False),
        organisation=r.text(top.get("organisation", ""), "organisation"),
        team=r.text(top.get("team", ""), "team"),
        date=r.date(top.get("date", ""), "date"),
        fingerprints={k: r.text(v, f"questionnaire.fingerprints.{k}") for k, v in fingerprints.items()},
    )
    for i, item in enumerate(r.array(top.get("participants", []), "participants")):
        where = f"participants[{i}]"
        p = r.obj(item, where, required=("role",), optional=("name", "lived_experience"))
        lived = p.get("lived_experience", "prefer-not-to-say")
        r.choice(lived, LIVED_EXPERIENCE, f"{where}.lived_experience")
        a.participants.append(Participant(
            role=r.text(p["role"], f"{where}.role", empty=False),
            lived_experience=lived, name=r.text(p.get("name", ""), f"{where}.name")))
    for qid, item in r.obj(top.get("answers", {}), "answers").items():
        where = f"answers.{qid}"
        ans = r.obj(item, where, optional=("answer", "note", "evidence", "note_private"))
        choice = ans.get("answer")
        if choice is not None:
            choice = r.text(choice, f"{where}.answer", empty=False)
        a.answers[qid] = Answer(
            choice=choice, note=r.text(ans.get("note", ""), f"{where}.note"),
            evidence=r.text(ans.get("evidence", ""), f"{where}.evidence"),
            note_private=r.boolean(ans.get("note_private", False), f"{where}.note_private"))
    plan = r.obj(top.get("plan", {}), "plan", optional=("edits", "custom", "order"))
    for aid, item in r.obj(plan.get("edits", {}), "plan.edits").items():
        where = f"plan.edits.{aid}"
        e = r.obj(item, where, optional=("accepted", "title", "why", "how", "owner", "due", "status"))
        a.plan.edits[aid] = ActionEdit(
            accepted=r.boolean(e.get("accepted", True), f"{where}.accepted"),
            **{k: r.optional_text(e.get(k), f"{where}.{k}") for k in ("title", "why", "how", "owner")},
            due=r.optional_date(e.get("due"), f"{where}.due"),
            status=r.choice(e.get("status", "not-started"), STATUSES, f"{where}.status"))
    custom_ids: set[str] = set()
    for i, item in enumerate(r.array(plan.get("custom", []), "plan.custom")):
        where = f"plan.custom[{i}]"
        c = r.obj(item, where, required=("id", "title"),
                  optional=("why", "how", "owner", "due", "status", "timescale", "accepted"))
        cid = r.text(c["id"], f"{where}.id", empty=False)
        if cid in custom_ids:
            raise AssessmentError(source, f"{where}.id: the action id {_short(cid)} is used twice")
        custom_ids.add(cid)
        a.plan.custom.append(CustomAction(
            id=cid, title=r.text(c["title"], f"{where}.title"),
            **{k: r.text(c.get(k, ""), f"{where}.{k}") for k in ("why", "how", "owner")},
            due=r.optional_date(c.get("due"), f"{where}.due"),
            status=r.choice(c.get("status", "not-started"), STATUSES, f"{where}.status"),
            timescale=r.choice(c.get("timescale", "now"), ("now", "soon", "later"), f"{where}.timescale"),
            accepted=r.boolean(c.get("accepted", True), f"{where}.accepted")))
    a.plan.order = [r.text(x, "plan.order[]", empty=False) for x in r.array(plan.get("order", []), "plan.order")]
    return a


def is_answer_choice(choice: str | None, questionnaire: Questionnaire, question_id: str) -> bool:
    """Whether `choice` is a valid answer to that question in that questionnaire."""
    question = questionnaire.question(question_id)
    if question is None:
        return False
    if choice is None or choice == DONT_KNOW:
        return True
    if choice == NOT_APPLICABLE:
        return question.not_applicable
    return questionnaire.level_index(choice) >= 0


class _Reader:
    """Small typed accessors that raise AssessmentError with a path."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, where: str, message: str) -> AssessmentError:
        return AssessmentError(self.source, f"{where}: {message}")

    def obj(self, value: Any, where: str, required: tuple[str, ...] = (),
            optional: tuple[str, ...] | None = None) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"should be an object, not {_short(value)}")
        for key in required:
            if key not in value:
                raise self.fail(where, f"the field \"{key}\" is missing")
        if optional is not None:
            unknown = [k for k in value if k not in required + optional]
            if unknown:
                raise self.fail(where, f"has an unknown field {_short(unknown[0])}")
        return value

    def array(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, f"should be a list, not {_short(value)}")
        return value

    def text(self, value: Any, where: str, empty: bool = True) -> str:
        if not isinstance(value, str):
            raise self.fail(where, f"should be text, not {_short(value)}")
        if not empty and not value.strip():
            raise self.fail(where, "is empty")
        if len(value) > MAX_TEXT:
            raise self.fail(where, f"is longer than {MAX_TEXT:,} characters")
        return value

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
        if text:
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                raise self.fail(where, f"should be a date such as 2026-11-24, not {_short(text)}") from None
        return text

    def optional_date(self, value: Any, where: str) -> str | None:
        return None if value is None or value == "" else self.date(value, where)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
