"""Making a group assessment from individual response files, or refusing clearly.

Refused: responses to different questionnaires, from different organisations,
the same response twice (the same file, or the same answers saved again), a
file that is already a group, or a file that does not say who answered.
Different versions of the same questionnaire are refused unless the caller
asks to map them onto the newest (`update=True`), which keeps every answer by
question id, as any questionnaire update does.

Private notes are left out: a note its author marked private was written for
them alone, and the group file is shared. The author's own file still holds it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import NamedTuple

from coprod_check.domain.assessment import (
    DEFAULT_MIN_GROUP,
    Answer,
    Assessment,
    Participant,
    Response,
)
from coprod_check.domain.errors import CoprodError
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.domain.update import check_update
from coprod_check.i18n import _

# The group sizes a group file can hold (domain/fileformat.py reads the same range).
SMALLEST_GROUP_IN_FILE, LARGEST_GROUP = 2, 50


class CombineError(CoprodError):
    """The responses cannot be combined; the message says why and what to do."""


class Source(NamedTuple):
    """One response file: its name, its bytes' hash, and what it holds."""

    name: str
    sha256: str
    assessment: Assessment


def source(name: str, data: bytes, assessment: Assessment) -> Source:
    """A response file read for combining."""
    return Source(name, hashlib.sha256(data).hexdigest(), assessment)


def blank_copy(assessment: Assessment, questionnaire: Questionnaire) -> Assessment:
    """A copy for a colleague to answer on their own: questionnaire, organisation and team
    filled in; no answers, no people, no plan."""
    return Assessment(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        organisation=assessment.organisation,
        team=assessment.team,
        date=assessment.date,
        fingerprints=questionnaire.fingerprints(),
        min_group_size=assessment.min_group_size,
    )


def combine(
    questionnaire: Questionnaire,
    sources: list[Source],
    *,
    update: bool = False,
    min_group_size: int = DEFAULT_MIN_GROUP,
    today: dt.date | None = None,
) -> tuple[Assessment, list[str]]:
    """A group assessment keeping every individual answer, and notes for the person combining."""
    if not sources:
        raise CombineError(_("there are no responses to combine"))
    if not SMALLEST_GROUP_IN_FILE <= min_group_size <= LARGEST_GROUP:
        # A file with any other size could not be opened again.
        raise CombineError(
            _(
                "the smallest group shown should be a whole number from {SMALLEST_GROUP_IN_FILE} "
                "to {LARGEST_GROUP}, not {min_group_size}"
            ).format(
                SMALLEST_GROUP_IN_FILE=SMALLEST_GROUP_IN_FILE,
                LARGEST_GROUP=LARGEST_GROUP,
                min_group_size=min_group_size,
            )
        )
    notes: list[str] = []
    _check_same(questionnaire, sources, update, notes)
    group = Assessment(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        organisation=sources[0].assessment.organisation.strip(),
        team=sources[0].assessment.team.strip(),
        date=(today or dt.date.today()).isoformat(),
        fingerprints=questionnaire.fingerprints(),
        min_group_size=min_group_size,
    )
    left_out = 0
    for i, src in enumerate(sources, 1):
        a = src.assessment
        person = a.participants[0]
        answers, private = _without_private_notes(a.answers)
        left_out += private
        group.responses.append(
            Response(
                id=f"r{i}",
                participant=Participant(person.role, person.lived_experience, person.name),
                answers=answers,
                source=src.name,
                sha256=src.sha256,
                date=a.date,
                # Their own words, kept as they wrote them: nobody combining can reword them.
                statement=a.statement,
            )
        )
        group.participants.append(person)
    if left_out:
        notes.append(_left_out(left_out))
    teams = sorted({s.assessment.team.strip() for s in sources if s.assessment.team.strip()})
    if len(teams) > 1:
        group.team = "; ".join(teams)
        notes.append(
            _("The responses come from {count} teams: {items}.").format(count=len(teams), items=", ".join(teams))
        )
    lived = sum(1 for r in group.responses if r.participant.lived_experience == "yes")
    if not lived:
        notes.append(
            _(
                "Nobody who said they have lived experience took part. An assessment of "
                "co-production without them is itself a finding."
            )
        )
    if len(sources) < min_group_size:
        notes.append(
            _(
                "Fewer than {min_group_size} people responded, so their answers are not shown or "
                "scored, to keep them private. Record the levels you agree together to score them."
            ).format(min_group_size=min_group_size)
        )
    return group, notes


def _check_same(questionnaire: Questionnaire, sources: list[Source], update: bool, notes: list[str]) -> None:
    seen: dict[str, str] = {}
    org = _norm(sources[0].assessment.organisation)
    for src in sources:
        a = src.assessment
        if a.is_group:
            raise CombineError(
                _("{name} is already a group assessment: combine the individual responses it came from instead").format(
                    name=src.name
                )
            )
        if a.questionnaire_id != questionnaire.id:
            raise CombineError(
                _(
                    "{name} answers the questionnaire {questionnaire_id!r}, not "
                    "{id!r}: only responses to the same questionnaire can be combined"
                ).format(name=src.name, questionnaire_id=a.questionnaire_id, id=questionnaire.id)
            )
        if _norm(a.organisation) != org:
            first = sources[0].assessment.organisation or _("(no organisation)")
            raise CombineError(
                _(
                    "{name} is for {value!r}, but "
                    "{name2} is for {first!r}: "
                    "combine responses from one organisation at a time"
                ).format(
                    name=src.name, value=a.organisation or _("(no organisation)"), name2=sources[0].name, first=first
                )
            )
        if len(a.participants) != 1:
            raise CombineError(
                _(
                    "{name} records {count} people: each response should say "
                    "who answered it (one person, with their role)"
                ).format(name=src.name, count=len(a.participants))
            )
        if src.sha256 in seen:
            raise CombineError(
                _("{name} is the same response as {seen}: each person's response can be combined only once").format(
                    name=src.name, seen=seen[src.sha256]
                )
            )
        seen[src.sha256] = src.name
        if a.questionnaire_version != questionnaire.version:
            if not update:
                raise CombineError(
                    _(
                        "{name} answers version {questionnaire_version} of the questionnaire, and this is "
                        "version {version}. Combine with the update option to map every answer "
                        "onto this version by question id (nothing is dropped), or combine like with like"
                    ).format(
                        name=src.name, questionnaire_version=a.questionnaire_version, version=questionnaire.version
                    )
                )
            notes.extend(f"{src.name}: {line}" for line in check_update(questionnaire, a).lines())
    _check_no_copies(sources)


def _check_no_copies(sources: list[Source]) -> None:
    """Refuse a response saved again (other spacing, another name for the file): same role,
    lived experience, date and every answer, note and evidence. Two different names mean two
    people who happened to answer alike; a name and no name may be the same person."""
    earlier: dict[tuple[object, ...], list[Source]] = {}
    for src in sources:
        key = _content(src.assessment)
        name = _norm(src.assessment.participants[0].name)
        for other in earlier.get(key, []):
            other_name = _norm(other.assessment.participants[0].name)
            if name and other_name and name != other_name:
                continue
            who = _("the same person's same answers") if name and name == other_name else _("exactly the same answers")
            raise CombineError(
                _(
                    "{name} holds {who} as {name2} (same role, lived experience, date, and every "
                    "answer, note and evidence), so it looks like the same response saved twice. Each "
                    "person's response can be combined only once, so leave one of them out. If two people "
                    "really did answer exactly alike, ask them to add their names to their responses"
                ).format(name=src.name, who=who, name2=other.name)
            )
        earlier.setdefault(key, []).append(src)


def _content(a: Assessment) -> tuple[object, ...]:
    person = a.participants[0]
    answers = tuple(
        sorted(
            (qid, x.choice or "", x.note.strip(), x.evidence.strip())
            for qid, x in a.answers.items()
            if not x.is_empty()
        )
    )
    return person.role, person.lived_experience, a.date.strip(), answers


def _without_private_notes(answers: dict[str, Answer]) -> tuple[dict[str, Answer], int]:
    """The answers with private notes taken out, and how many were."""
    kept: dict[str, Answer] = {}
    left_out = 0
    for qid, x in answers.items():
        if x.note_private:
            left_out += bool(x.note.strip())
            x = Answer(x.choice, "", x.evidence)
            if x.is_empty():
                continue
        kept[qid] = x
    return kept, left_out


def _left_out(count: int) -> str:
    if count == 1:
        return _(
            "1 private note was left out: it stays only in its author's own response file. "
            "Every answer, its evidence and the notes that are not private are kept."
        )
    return _(
        "{count} private notes were left out: they stay only in their authors' own response "
        "files. Every answer, its evidence and the notes that are not private are kept."
    ).format(count=count)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())
