"""Every round, comparable: each earlier round's answers scored again with today's rules, the
breaks in meaning marked in words, what was found out told apart from what improved, and the
small-number rule held across rounds.

A file from before rounds were kept in full has only the previous round's snapshot: its
figures are shown as they were worked out then, and the trend says so.
"""

from __future__ import annotations

from typing import NamedTuple

from coprod_check.domain.assessment import Assessment
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE, Questionnaire
from coprod_check.domain.result import Result
from coprod_check.i18n import _, format_date, format_list, ngettext


class RoundScore(NamedTuple):
    """One round's figures. `result` is None for a snapshot kept from an older file."""

    date: str
    questionnaire_version: str
    overall: float | None
    care: float | None
    with_: float | None
    stage: str | None  # its title
    people: int | None  # None: not known (a snapshot)
    lived: int | None  # people with lived experience; None: not known
    # Colleagues with lived experience, scored apart: None when not shown (too few, or too
    # few joined or left since the round before to show it beside that round's).
    lived_with: float | None = None
    lived_care: float | None = None
    rescored: bool = True  # worked out again with today's rules (False: a snapshot's figures)
    result: Result | None = None


class QuestionMove(NamedTuple):
    """How one question's answer moved between two rounds."""

    question_id: str
    before: str | None
    after: str | None
    kind: str  # "found-out", "improved", "fell", "now-unknown", "same", "newly-answered"


class Trend(NamedTuple):
    """Every round, oldest first, the current one last; how answers moved since the round
    before; where the meaning changed."""

    rounds: tuple[RoundScore, ...]
    moves: tuple[QuestionMove, ...]  # between the last two rounds, re-scored rounds only
    breaks: tuple[tuple[int, str], ...]  # (index of the round after the break, in words)
    lived_hidden: bool = False  # a lived-experience figure was withheld across rounds

    def of_kind(self, kind: str) -> list[QuestionMove]:
        """The moves of one kind, in questionnaire order."""
        return [m for m in self.moves if m.kind == kind]


def trend(q: Questionnaire, assessment: Assessment) -> Trend | None:
    """The trend across every round, or None for a first assessment."""
    from coprod_check.domain.group import evaluate

    if not assessment.rounds and assessment.previous is None:
        return None
    earlier: list[RoundScore] = []
    if assessment.rounds:
        earlier = [_scored(q, r, evaluate(q, r)) for r in assessment.rounds]
    elif assessment.previous is not None:
        p = assessment.previous
        earlier = [
            RoundScore(
                p.date, p.questionnaire_version, p.overall, p.care, p.with_, p.stage_title, None, None, rescored=False
            )
        ]
    now = _scored(q, assessment, evaluate(q, assessment))
    scored = [*earlier, now]
    rounds = _suppress(scored, assessment.min_group_size)
    breaks = _breaks(q, [*assessment.rounds, assessment], assessment)
    moves: tuple[QuestionMove, ...] = ()
    if assessment.rounds:
        moves = _moves(q, assessment.rounds[-1], assessment)
    hidden = any(r.lived is not None and r.lived >= assessment.min_group_size and r.lived_with is None for r in rounds)
    return Trend(tuple(rounds), moves, breaks, hidden)


def _scored(q: Questionnaire, a: Assessment, result: Result) -> RoundScore:
    people = a.people
    v = result.views.lived_experience if result.views is not None else None
    side = v.result if v is not None and v.shown else None
    return RoundScore(
        date=a.date,
        questionnaire_version=a.questionnaire_version,
        overall=result.overall,
        care=result.care,
        with_=result.with_,
        stage=result.stage.title if result.stage else None,
        people=len(people),
        lived=sum(1 for p in people if p.lived_experience == "yes"),
        lived_with=side.with_ if side else None,
        lived_care=side.care if side else None,
        result=result,
    )


def _suppress(rounds: list[RoundScore], min_size: int) -> list[RoundScore]:
    """Withhold a side's figure that, beside the last round's shown figure, would give away
    the answers of the one or two people who joined or left it: shown only when the side's
    size is unchanged (those who answered are then compared with themselves, or with as many
    newcomers) or changed by at least `min_size`."""
    out: list[RoundScore] = []
    last_shown: int | None = None  # the side's size in the last round whose figure was shown
    for r in rounds:
        if r.lived_with is not None and r.lived is not None:
            if last_shown is not None and 0 < abs(r.lived - last_shown) < min_size:
                r = r._replace(lived_with=None, lived_care=None)
            else:
                last_shown = r.lived
        out.append(r)
    return out


def _moves(q: Questionnaire, before: Assessment, after: Assessment) -> tuple[QuestionMove, ...]:
    from coprod_check.domain.group import group_view

    b, a = group_view(q, before), group_view(q, after)
    out = []
    for question in q.questions():
        x, y = b.answer(question.id).choice, a.answer(question.id).choice
        kind = _kind(q, question.id, x, y)
        if kind:
            out.append(QuestionMove(question.id, x, y, kind))
    return tuple(out)


def _kind(q: Questionnaire, qid: str, before: str | None, after: str | None) -> str:
    question = q.question(qid)
    assert question is not None
    levels = {lv.id: i for i, lv in enumerate(q.levels_for(question))}
    if after is None or after == NOT_APPLICABLE:
        return ""
    if before == DONT_KNOW:
        return "found-out" if after in levels else "same"
    if after == DONT_KNOW:
        return "now-unknown" if before in levels else ("same" if before == DONT_KNOW else "newly-answered")
    if before is None or before == NOT_APPLICABLE or before not in levels:
        return "newly-answered" if after in levels else ""
    if after not in levels:
        return ""
    return "improved" if levels[after] > levels[before] else "fell" if levels[after] < levels[before] else "same"


def _breaks(q: Questionnaire, sources: list[Assessment], now: Assessment) -> tuple[tuple[int, str], ...]:
    """Where the questionnaire's meaning changed between one round and the next, in words."""
    today = q.fingerprints()
    out = []
    offset = 0 if now.rounds else 1  # a snapshot round has no answers to compare wording with
    for i in range(1, len(sources)):
        before, after = sources[i - 1], sources[i]
        reworded = [
            qid
            for qid, mark in after.fingerprints.items()
            if qid in before.fingerprints and before.fingerprints[qid] != mark and qid in today
        ]
        added = [qid for qid in after.fingerprints if before.fingerprints and qid not in before.fingerprints]
        parts = []
        if before.questionnaire_version != after.questionnaire_version:
            parts.append(
                _(
                    "The questionnaire changed from version {before} to {after} between the round of {then} and "
                    "the round of {now}."
                ).format(
                    before=before.questionnaire_version,
                    after=after.questionnaire_version,
                    then=_day(before.date),
                    now=_day(after.date),
                )
            )
        if reworded:
            parts.append(
                ngettext(
                    "{count} question was reworded, so its answers mean something different before and after: read "
                    "the change across this line with care.",
                    "{count} questions were reworded, so their answers mean something different before and after: "
                    "read the change across this line with care.",
                    len(reworded),
                ).format(count=len(reworded))
            )
        if added:
            parts.append(
                ngettext(
                    "{count} question was new, with no answer before.",
                    "{count} questions were new, with no answer before.",
                    len(added),
                ).format(count=len(added))
            )
        if parts:
            out.append((i + offset, " ".join(parts)))
    if not now.rounds and now.previous is not None and now.previous.questionnaire_version != now.questionnaire_version:
        out.append(
            (
                1,
                _(
                    "Last time\u2019s figures were worked out with version {version} and its rules, and could not "
                    "be scored again (this file keeps only their summary)."
                ).format(version=now.previous.questionnaire_version),
            )
        )
    return tuple(out)


def _moves_words(t: Trend) -> list[str]:
    """Each kind of move that happened, counted, in words (each a literal the catalogue extracts)."""
    out = []
    if n := len(t.of_kind("found-out")):
        out.append(ngettext("{count} question was found out", "{count} questions were found out", n).format(count=n))
    if n := len(t.of_kind("improved")):
        out.append(ngettext("{count} answer improved", "{count} answers improved", n).format(count=n))
    if n := len(t.of_kind("fell")):
        out.append(ngettext("{count} answer fell", "{count} answers fell", n).format(count=n))
    if n := len(t.of_kind("now-unknown")):
        out.append(
            ngettext(
                "{count} answer became \u201cdon\u2019t know\u201d",
                "{count} answers became \u201cdon\u2019t know\u201d",
                n,
            ).format(count=n)
        )
    if n := len(t.of_kind("newly-answered")):
        out.append(
            ngettext(
                "{count} question was answered for the first time",
                "{count} questions were answered for the first time",
                n,
            ).format(count=n)
        )
    return out


def moves_sentence(t: Trend) -> str:
    """Found out, improved, fell, newly unknown: one sentence, "found out" apart from "improved"."""
    parts = _moves_words(t)
    if not parts:
        return _("No answer moved since the last round.")
    return _(
        "Since the last round: {moves}. Found out means a \u201cdon\u2019t know\u201d now has an answer: that is "
        "learning, not improvement, and it is counted apart."
    ).format(moves=format_list(parts))


def snapshot_sentence(t: Trend) -> str:
    """Whether every round could be scored again with today's rules."""
    if all(r.rescored for r in t.rounds):
        return _("Every round is scored with today\u2019s rules, so the figures can be compared.")
    return _(
        "The earliest figures are as they were worked out at the time: this file keeps only their summary, not the "
        "answers, so they could not be scored again with today\u2019s rules."
    )


def suppression_sentence(t: Trend, min_size: int) -> str:
    """Why a lived-experience figure is missing from a round (empty when none is)."""
    if not t.lived_hidden:
        return ""
    return _(
        "Some figures for colleagues with lived experience are not shown: fewer than {min} people joined or left "
        "that group between rounds, so the change would reveal their answers."
    ).format(min=min_size)


def _day(iso: str) -> str:
    return format_date(iso) if iso else _("an undated round")
