"""The words a workbook, a Form and a paper form share, and how typed answers are matched to them.

An answer is read when it is, after folding case, spaces and typographic quotes, a level's label,
its id, its full sentence for that question, or the label and sentence together ("Asking: People
are asked..."): what a person picks from a list, types by hand, or what Microsoft Forms exports.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from coprod_check.domain.assessment import LIVED_EXPERIENCE
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE, RATHER_NOT, Question, Questionnaire
from coprod_check.i18n import N_, _

# The words below are marked for the catalogue and translated where they are shown; what people
# type or a Form exports is matched against both the language in force and English, so a file
# made in one language still reads in another.
DONT_KNOW_LABEL = N_("Don\u2019t know")
NOT_APPLICABLE_LABEL = N_("Not applicable")
RATHER_NOT_LABEL = N_("I\u2019d rather not answer")
#: Lived experience: the file format's values and the words people pick.
LIVED_EXPERIENCE_LABELS = dict(zip(LIVED_EXPERIENCE, (N_("Yes"), N_("No"), N_("Prefer not to say")), strict=True))
YES, NO = N_("Yes"), N_("No")

#: The questions a Form and a paper form ask about the person, in the app's own words. The Forms
#: import finds its columns by these (or by --role-column / --lived-experience-column).
ROLE_QUESTION = N_("What is your role in this assessment?")
LIVED_EXPERIENCE_QUESTION = N_("Do you have lived experience of mental health difficulties?")
NAME_QUESTION = N_("Your name (optional: leave it empty to take part without your name)")
NOTE_PREFIX = N_("Note on: ")


def both(message: str) -> tuple[str, ...]:
    """A marked message in the language in force, and in English when that differs."""
    shown = _(message)
    return (shown,) if shown == message else (shown, message)


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"'})
_DASHES = re.compile(r"\s*[\u2010-\u2015:\-]+\s*")
_SPACES = re.compile(r"\s+")


def fold(text: object) -> str:
    """Text as compared: NFKC, case folded, typographic quotes made plain, spaces collapsed."""
    s = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES).casefold()
    return _SPACES.sub(" ", s).strip()


def _loose(text: str) -> str:
    """Folded, with dashes, colons and hyphens between words treated alike ("doing-to" = "doing to")."""
    return _DASHES.sub(" ", fold(text)).strip()


class Choice(NamedTuple):
    """One answer a question offers: what is stored, and what is shown."""

    id: str
    label: str
    text: str  # the full sentence for this question; "" for don't know and not applicable


def choices(q: Questionnaire, question: Question) -> list[Choice]:
    """The answers a question offers, in order: its levels, then don't know, not applicable (where the
    question allows it) and "I'd rather not answer" (always allowed: counted, never scored)."""
    out = [Choice(x.id, x.label, question.levels.get(x.id, x.meaning)) for x in q.levels_for(question)]
    out.append(Choice(DONT_KNOW, _(DONT_KNOW_LABEL), ""))
    if question.not_applicable:
        out.append(Choice(NOT_APPLICABLE, _(NOT_APPLICABLE_LABEL), ""))
    out.append(Choice(RATHER_NOT, _(RATHER_NOT_LABEL), ""))
    return out


class AnswerReader:
    """Reads a typed or picked answer to one question as a choice id, or None if it is no answer."""

    def __init__(self, q: Questionnaire, question: Question, shown: list[str] | None = None):
        """`shown`: the labels a workbook's own drop-down offered, in the order of `choices` (they may be
        in another language than the one in force)."""
        self.question = question
        self.offered = choices(q, question)
        table: dict[str, str] = {}
        for label, c in zip(shown or [], self.offered, strict=False):
            table.setdefault(_loose(label), c.id)
        for c in self.offered:
            for form in (c.label, c.id):
                table.setdefault(_loose(form), c.id)
            if c.text:
                table.setdefault(_loose(c.text), c.id)
                table.setdefault(_loose(f"{c.label}: {c.text}"), c.id)
        for label, choice in ((DONT_KNOW_LABEL, DONT_KNOW), (RATHER_NOT_LABEL, RATHER_NOT)):
            table.setdefault(_loose(label), choice)  # the English, when another language is in force
        if question.not_applicable:
            table.setdefault(_loose(NOT_APPLICABLE_LABEL), NOT_APPLICABLE)
        table.setdefault(_loose("dont know"), DONT_KNOW)
        table.setdefault(_loose("do not know"), DONT_KNOW)
        for said in ("I would rather not answer", "rather not answer", "rather not say", "prefer not to answer"):
            table.setdefault(_loose(said), RATHER_NOT)
        if question.not_applicable:
            table.setdefault(_loose("n/a"), NOT_APPLICABLE)
        self._table = table
        self._seen: dict[str, str | None] = {}  # the same few answers come again and again

    def read(self, value: str) -> str | None:
        """The choice id `value` names, or None."""
        try:
            return self._seen[value]
        except KeyError:
            found = self._seen[value] = self._table.get(_loose(value))
            return found

    def labels(self) -> list[str]:
        """What the person may pick, as shown."""
        return [c.label for c in self.offered]


def lived_experience(value: str) -> str | None:
    """ "yes", "no" or "prefer-not-to-say" for what a person picked or typed, or None."""
    found = fold(value).rstrip(".")
    for key, label in LIVED_EXPERIENCE_LABELS.items():
        if found in (*(fold(x) for x in both(label)), key, _loose(key)):
            return key
    return {"y": "yes", "n": "no", "prefer not to answer": "prefer-not-to-say"}.get(found)


def role(q: Questionnaire, value: str) -> str | None:
    """The perspective id a person's role names, by its label or id, or None."""
    found = _loose(value)
    for p in q.perspectives:
        if found in (_loose(p.label), _loose(p.id)):
            return p.id
    return None


def switch(value: object) -> bool | None:
    """A yes / no switch (the private-note column): True, False, or None if it is neither."""
    if isinstance(value, bool):
        return value
    found = fold(value)
    if found in ("", "no", "n", "false", "0", "not private", *(fold(x) for x in both(NO))):
        return False
    if found in ("yes", "y", "true", "1", "private", "keep private", *(fold(x) for x in both(YES))):
        return True
    return None
