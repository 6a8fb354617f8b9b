"""Carrying answers over to a new version of the questionnaire by its update map, losing nothing.

* Every answer is kept by question id. An answer to a question the map says was renamed moves to
  its new id (to each new id, where one question became two); the old entry goes only when the
  answer now lives under the new id(s) and no question of the new version still has the old id.
* An answer to a question answered on a new scale is mapped, level by level, by the map's table.
  "Don't know", "not applicable" and "I'd rather not answer" carry over as they are.
* An answer with a level that was mapped, moved, or given to a question since reworded is marked
  "please check" (Answer.check: where it came from), until the person confirms it.
* Answers to questions no longer asked stay in the file, untouched, and are reported.
* In a group, each person's answers and the levels the group agreed are carried the same way.

`carry_answers` is pure: the update preview runs it on the answers as they are and shows what
would happen, before anything changes; `carry_over` applies it when the person agrees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from coprod_check.domain.assessment import Agreement, Answer, Assessment, Check
from coprod_check.domain.questionnaire import RESERVED_CHOICES, Questionnaire

if TYPE_CHECKING:
    from coprod_check.domain.updatemap import UpdateMap


class Carried(NamedTuple):
    """One answer carried over: to which question, from which, and from what to what."""

    question_id: str  # in the new version
    from_question: str  # in the earlier version
    before: str | None
    after: str | None
    rescaled: bool  # its level was mapped to a level of a new scale
    renamed: bool
    reworded: bool
    to_check: bool  # marked "please check"


def find_map(q: Questionnaire, version: str) -> UpdateMap | None:
    """The update map attached to `q` that carries answers given to `version` over to it."""
    if version == q.version:
        return None
    return next((u for u in q.updates if u.leads_from(version)), None)


def earlier_version(q: Questionnaire, version: str) -> Questionnaire | None:
    """The copy of an earlier version attached to `q`, if one was found beside it."""
    return next((e for e in q.earlier if e.version == version), None)


def carry_answers(
    q: Questionnaire,
    answers: dict[str, Answer],
    umap: UpdateMap,
    version: str,
    fingerprints: dict[str, str],
) -> tuple[dict[str, Answer], list[Carried]]:
    """The answers as they would be in the new version, and what was carried. Changes nothing."""
    out = dict(answers)
    carried: list[Carried] = []
    moved: dict[str, bool] = {}  # an earlier id -> True while every new question took its answer
    current = q.fingerprints()
    for question in q.questions():
        how = umap.carry(question.id)
        source = how.source_id
        old = answers.get(source)
        if old is None or old.is_empty():
            continue
        renamed = source != question.id
        if renamed:
            mine = answers.get(question.id)
            if mine is not None and not mine.is_empty():
                moved[source] = False  # answered under the new id already: the old one stays put
                continue
            moved.setdefault(source, True)
        choice = old.choice
        level = choice is not None and choice not in RESERVED_CHOICES
        after = how.levels.get(choice, choice) if level and choice is not None else choice
        rescaled = level and choice in how.levels
        reworded = fingerprints.get(source) != current.get(question.id) if fingerprints else True
        to_check = level and (rescaled or renamed or reworded)
        if not (renamed or rescaled or to_check):
            continue
        check = Check(version, source, choice) if to_check else old.check
        out[question.id] = Answer(after, old.note, old.evidence, old.note_private, check)
        carried.append(Carried(question.id, source, choice, after, rescaled, renamed, reworded, to_check))
    for source, whole in moved.items():
        if whole and q.question(source) is None:
            del out[source]  # it lives on under the new id(s), each saying where it came from
    return out, carried


def carry_agreed(q: Questionnaire, agreed: dict[str, Agreement], umap: UpdateMap) -> dict[str, Agreement]:
    """A group's agreed levels, carried as its answers are (an agreement the new scale has no
    level for is kept as it was, and reported as an answer this version cannot score)."""
    out = dict(agreed)
    for question in q.questions():
        how = umap.carry(question.id)
        found = agreed.get(how.source_id)
        if found is None or (how.renamed_from and question.id in agreed):
            continue
        out[question.id] = Agreement(how.levels.get(found.level, found.level), found.reason)
    return out


def carry_over(q: Questionnaire, a: Assessment, umap: UpdateMap) -> list[Carried]:
    """Carry an assessment's answers (and, in a group, everyone's and the agreed levels) over to
    `q`; returns what was carried of the assessment's own answers."""
    version = a.questionnaire_version
    a.answers, carried = carry_answers(q, a.answers, umap, version, a.fingerprints)
    for response in a.responses:
        response.answers, _ = carry_answers(q, response.answers, umap, version, a.fingerprints)
    a.agreed = carry_agreed(q, a.agreed, umap)
    for c in carried:  # the plan's edits follow a renamed question
        if c.renamed:
            for kind in ("gap", "find-out"):
                old, new = f"{kind}:{c.from_question}", f"{kind}:{c.question_id}"
                if old in a.plan.edits and new not in a.plan.edits:
                    a.plan.edits[new] = a.plan.edits[old]
    return carried


def to_check(a: Assessment, question_id: str) -> Check | None:
    """Why an answer should be checked: the assessment's own, or (in a group) anyone's."""
    own = a.answers.get(question_id)
    if own is not None and own.check is not None:
        return own.check
    return next(
        (
            r.answers[question_id].check
            for r in a.responses
            if question_id in r.answers and r.answers[question_id].check
        ),
        None,
    )


def confirm(a: Assessment, question_id: str) -> bool:
    """The person has checked the answer: clear "please check" (everyone's, in a group)."""
    changed = False
    for answers in (a.answers, *(r.answers for r in a.responses)):
        found = answers.get(question_id)
        if found is not None and found.check is not None:
            found.check = None
            changed = True
    return changed
