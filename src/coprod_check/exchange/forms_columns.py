"""How the columns of a Microsoft Forms export map: to a question, a note on one, the person's role,
lived experience or name, Forms' own columns (ignored), or nothing.

A column is found by its header's text: exactly, or as Forms cuts a long title short, with its
numbering, trailing spaces and ellipsis left out. A cut so short that several questions start with
it is settled by the column's place (a note follows its question; a question follows the one
before it). The role, lived-experience and name columns are found by the app's own wording (in the
language in force and in English) or by the header the lead names.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.exchange import words
from coprod_check.exchange.xlsx import Cell, column_letter
from coprod_check.i18n import _

FORMS_OWN = ("id", "start time", "completion time", "email", "name", "last modified time")
#: The shortest header read as a question cut short by Forms: shorter ones could fit many.
MIN_TRUNCATED = 20
_NUMBERED = re.compile(r"^\d{1,3}\s*[.)]\s+")
_ELLIPSIS = re.compile(r"(\.\.\.|\u2026)\s*$")
# What a person building the Form may leave on a title from the Word file: "(Text) (optional)".
_MARKERS = re.compile(r"(\s*\((?:optional|required|text|choice)\))+\s*$")


class Column(NamedTuple):
    """How one column of the export maps."""

    letter: str
    header: str
    kind: str  # "ignored", "role", "lived", "name", "question", "note" or "unmapped"
    question_id: str = ""
    reason: str = ""

    def line(self) -> str:
        """The column's mapping, in words."""
        said = {
            "ignored": _("ignored (Microsoft Forms' own column)"),
            "role": _("the person's role"),
            "lived": _("whether they have lived experience"),
            "name": _("their name (optional)"),
            "question": _("question {id}").format(id=self.question_id),
            "note": _("a note on question {id}").format(id=self.question_id),
        }.get(self.kind) or _("NOT MAPPED: {reason}").format(reason=self.reason)
        return _("{letter}  \u201c{header}\u201d \u2192 {mapping}").format(
            letter=f"{self.letter:>3}", header=short(self.header, 70), mapping=said
        )


class Mapping(NamedTuple):
    """Every column's mapping, the problems with the header row, and the questions with no column."""

    columns: list[Column]
    problems: list[str]
    unasked: list[str]
    notes: list[str]


def short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def header_key(text: str) -> str:
    """A header as compared: folded, without Forms' numbering, a trailing ellipsis, or the kind and
    "(optional)" the Word file prints after a title."""
    key = _ELLIPSIS.sub("", _NUMBERED.sub("", words.fold(text)))
    return words.fold(_MARKERS.sub("", key))


class _Matcher:
    """Finds the question a header names: exactly, or as Forms cut it short. A header cut so short
    that several questions start with it is settled by its place: a note follows its question, and
    a question follows the one before it in the questionnaire."""

    def __init__(self, q: Questionnaire):
        self.prompts = {header_key(x.prompt): x.id for x in q.questions()}
        self.order = [x.id for x in q.questions()]

    def find(self, header: str, after: str = "", note: bool = False) -> tuple[str, str]:
        """(question id, "") or ("", why not). `after` is the question the column before maps to."""
        key = header_key(header)
        if key in self.prompts:
            return self.prompts[key], ""
        if len(key) >= MIN_TRUNCATED:
            found = [qid for prompt, qid in self.prompts.items() if prompt.startswith(key)]
            if len(found) == 1:
                return found[0], ""
            if len(found) > 1:
                if after and note and after in found:
                    return after, ""
                following = self.order[self.order.index(after) + 1] if after in self.order[:-1] else ""
                if not after and not note:
                    following = self.order[0]
                if following and not note and following in found:
                    return following, ""
                return "", _("it could be any of the questions {ids}").format(ids=", ".join(found))
        return "", _("no question of the questionnaire has this text")


def map_columns(
    header: list[Cell], q: Questionnaire, role_column: str | None = None, lived_column: str | None = None
) -> Mapping:
    """How each column of a header row maps (see the module)."""
    found = Mapping([], [], [], [])
    matcher = _Matcher(q)
    # The app's own wording, in the language in force and in English; or the header the lead names.
    wanted = {
        "role": [header_key(role_column)] if role_column else [header_key(x) for x in words.both(words.ROLE_QUESTION)],
        "lived": [header_key(lived_column)]
        if lived_column
        else [header_key(x) for x in words.both(words.LIVED_EXPERIENCE_QUESTION)],
        "name": [header_key(x) for x in words.both(words.NAME_QUESTION)],
    }
    prefixes = [header_key(x) for x in words.both(words.NOTE_PREFIX)]

    def names(key: str, value: str) -> bool:
        return key == value or (len(key) >= MIN_TRUNCATED and value.startswith(key))

    taken: dict[str, str] = {}
    last = ""  # the question the latest question column maps to
    for i, cell in enumerate(header):
        letter = column_letter(i + 1)
        text = cell.text() if not cell.is_formula() else ""
        if not text:
            found.columns.append(Column(letter, "", "unmapped", reason=_("the column has no header")))
            continue
        key = header_key(text)
        kind, qid, reason = "unmapped", "", ""
        person = next((k for k, values in wanted.items() if any(names(key, v) for v in values)), None)
        prefix = next((p for p in prefixes if key.startswith(p)), None)
        if key in FORMS_OWN:
            kind = "ignored"
        elif person is not None:
            kind = person
        elif prefix is not None:
            qid, reason = matcher.find(key[len(prefix) :], last, note=True)
            kind = "note" if qid else "unmapped"
        else:
            qid, reason = matcher.find(text, last)
            kind = "question" if qid else "unmapped"
            last = qid or last
        slot = f"{kind}:{qid}"
        if kind not in ("ignored", "unmapped") and slot in taken:
            kind, reason = "unmapped", _("column {letter} already holds this").format(letter=taken[slot])
            qid = ""
        elif kind not in ("ignored", "unmapped"):
            taken[slot] = letter
        found.columns.append(Column(letter, text, kind, qid, reason))
    # Trailing columns with neither header nor anything in them are no columns at all.
    while found.columns and found.columns[-1].kind == "unmapped" and not found.columns[-1].header:
        found.columns.pop()
    if "role:" not in taken:
        found.problems.append(
            _(
                "No column holds the role. Name its header with --role-column (the app's own wording is "
                "\u201c{wording}\u201d)"
            ).format(wording=_(words.ROLE_QUESTION))
        )
    if "lived:" not in taken:
        said = _(
            "No column holds lived experience, so everyone counts as preferring not to say, and nobody is in "
            "either view of the group. Name its header with --lived-experience-column (the app's own wording "
            "is \u201c{wording}\u201d)"
        )
        found.notes.append(said.format(wording=_(words.LIVED_EXPERIENCE_QUESTION)))
    asked = {c.question_id for c in found.columns if c.kind == "question"}
    found.unasked.extend(x.id for x in q.questions() if x.id not in asked)
    return found
