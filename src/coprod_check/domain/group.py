"""Several voices: combine individual responses without erasing disagreement.

Rules (also in the README, "Several voices"):

* Every individual answer is kept. Per question the group sees the
  distribution of levels, the median and the range.
* People **disagree** on a question when their levels are two or more steps
  apart (for example "doing for" and "sharing").
* The group's level for a question is the level the lead recorded as agreed,
  with a reason, where there is one; otherwise the median of the levels
  given. With an even number of answers the lower of the two middle levels is
  used, so the group is never rated higher than half of its members rated it.
  When too few gave a level for the group to have one (see "Small numbers")
  and someone said "don't know", the group answer is "don't know": not
  knowing is the group's finding, so it is counted as unknown and becomes
  something to find out. When everyone said "not applicable", it is not
  applicable.
* Per domain, the **lived-experience gap** is the average domain score of
  people with lived experience minus that of people without. People who
  preferred not to say are in neither group.
* **Small numbers**: a group of fewer than `min_group_size` people (3 unless
  set) is never shown separately, so nobody can be identified by their
  answers. Its figures are None and `suppressed` says why. That includes a
  question on which fewer people gave a level ("don't know" is not a level):
  it has no group level, so one or two people's own answer never becomes the
  group's, unless the lead records an agreed level, which is the group's
  decision rather than anyone's own answer. Its "don't know" answers still
  count (above), but only when at least `min_group_size` people answered it
  at all: in a smaller group "don't know" would give away who said it.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from coprod_check.domain.assessment import Answer, Assessment, Response
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE, Questionnaire
from coprod_check.domain.scoring import Result, score

DISAGREEMENT_RANGE = 2
LIVED, NOT_LIVED = "yes", "no"


class QuestionSpread(NamedTuple):
    """How a group answered one question."""

    question_id: str
    counts: dict[str, int]  # level id (and dont-know, not-applicable) -> people; suppressed: {}
    median: str | None  # a level id
    low: str | None
    high: str | None
    spread: int  # levels between the lowest and highest answer
    disagree: bool
    agreed: str | None
    reason: str
    group_choice: str | None  # what scoring uses
    responses: int  # people who answered this question at all
    suppressed: bool  # too few answered, or gave a level, to show (see "Small numbers")
    levels: int = 0  # people who gave a level (not "don't know" or "not applicable")
    dont_know: int = 0  # people who said "don't know"; a report shows it only summed or with enough people


class DomainGap(NamedTuple):
    """The lived-experience gap in one domain. None where a group is too small to show."""

    domain_id: str
    title: str
    lived: float | None
    not_lived: float | None
    gap: float | None
    lived_count: int
    not_lived_count: int
    suppressed: bool


def level_indices(q: Questionnaire, answers: list[str], question: str | None = None) -> list[int]:
    """The positions of the level answers on the question's scale (don't know and n/a left out).

    The scale is looked up once, not once an answer (a group of 500 has 22,000 answers, each
    view of a group works them all out), with the positions `q.level_index` gives.
    """
    positions = {level.id: i for i, level in enumerate(q.levels_for(question))}
    return sorted(positions[a] for a in answers if a in positions)


def lower_median(values: list[int]) -> int:
    """The middle value; with an even count the lower of the two middle values."""
    return values[(len(values) - 1) // 2]


def spread(q: Questionnaire, group: Assessment, question_id: str) -> QuestionSpread:
    """Distribution, median, range and disagreement for one question."""
    question = q.question(question_id)
    answers = (r.answers.get(question_id) for r in group.responses)
    given: list[str] = [a.choice for a in answers if a is not None and a.choice]
    indices = level_indices(q, given, question_id)
    agreed = group.agreed.get(question_id)
    agreed_level = agreed.level if agreed and q.level_index(agreed.level, question_id) >= 0 else None
    levels = q.levels_for(question_id)
    median = levels[lower_median(indices)].id if indices else None
    # Hidden when fewer than min_group_size people answered at all, or when some gave a
    # level but too few did: one or two people's own levels would show through the
    # group's level or the counts. "Don't know" is not a level, so it does not count.
    too_few = len(given) < group.min_group_size or 0 < len(indices) < group.min_group_size
    if agreed_level:
        group_choice: str | None = agreed_level
    elif len(given) < group.min_group_size:
        group_choice = None
    elif len(indices) >= group.min_group_size:
        group_choice = median
    elif DONT_KNOW in given:  # too few gave a level, and not knowing is the group's finding
        group_choice = DONT_KNOW
    elif all(c == NOT_APPLICABLE for c in given) and question and question.not_applicable:
        group_choice = NOT_APPLICABLE
    else:
        group_choice = None
    width = indices[-1] - indices[0] if indices else 0
    return QuestionSpread(
        question_id=question_id,
        counts={} if too_few else dict(Counter(given)),
        median=None if too_few else median,
        low=None if too_few or not indices else levels[indices[0]].id,
        high=None if too_few or not indices else levels[indices[-1]].id,
        spread=0 if too_few else width,
        disagree=not too_few and width >= DISAGREEMENT_RANGE,
        agreed=agreed_level,
        reason=agreed.reason if agreed else "",
        group_choice=group_choice,
        responses=len(given),
        suppressed=too_few,
        levels=len(indices),
        dont_know=given.count(DONT_KNOW),
    )


class GroupUnknowns(NamedTuple):
    """People's own "don't know" answers across the whole questionnaire."""

    answers: int  # individual "don't know" answers, every question together
    questions: int  # questions at least one person did not know
    # (question id, people who did not know, people who answered) for each question someone
    # did not know and at least min_group_size answered, the largest share first.
    ranked: tuple[tuple[str, int, int], ...]

    @property
    def mostly(self) -> tuple[str, ...]:
        """The questions more than half of the people who answered did not know."""
        return tuple(qid for qid, unknown, answered in self.ranked if 2 * unknown > answered)

    @property
    def most_often(self) -> tuple[str, ...]:
        """The questions with the largest share of "don't know" answers (ties included)."""
        if not self.ranked:
            return ()
        _, unknown, answered = self.ranked[0]
        return tuple(qid for qid, u, n in self.ranked if u * answered == unknown * n)


def unknown_answers(q: Questionnaire, group: Assessment) -> GroupUnknowns:
    """How many "don't know" answers people gave, and on which questions.

    A question joins `ranked` only when at least `min_group_size` people
    answered it: with fewer, "don't know" would give away who said it.
    """
    spreads = [spread(q, group, x.id) for x in q.questions()]
    order = {x.id: i for i, x in enumerate(q.questions())}
    ranked = sorted(
        (s for s in spreads if s.dont_know and s.responses >= group.min_group_size),
        key=lambda s: (-s.dont_know / s.responses, -s.dont_know, order[s.question_id]),
    )
    return GroupUnknowns(
        sum(s.dont_know for s in spreads),
        sum(1 for s in spreads if s.dont_know),
        tuple((s.question_id, s.dont_know, s.responses) for s in ranked),
    )


def group_view(q: Questionnaire, group: Assessment) -> Assessment:
    """The group as one assessment for scoring and planning: agreed or median levels,
    the group's own notes, its plan edits. Individual notes stay with the responses."""
    if not group.is_group:
        return group
    view = Assessment(
        questionnaire_id=group.questionnaire_id,
        questionnaire_version=group.questionnaire_version,
        organisation=group.organisation,
        team=group.team,
        date=group.date,
        participants=group.participants,
        plan=group.plan,
        fingerprints=group.fingerprints,
        previous=group.previous,
        reviews=group.reviews,
        min_group_size=group.min_group_size,
        rounds=group.rounds,
        board=group.board,
        statement=group.statement,
    )
    for question in q.questions():
        choice = spread(q, group, question.id).group_choice
        own = group.answers.get(question.id) or Answer()
        if choice or not own.is_empty():
            view.answers[question.id] = Answer(choice, own.note, own.evidence, own.note_private)
    return view


def partly_known(q: Questionnaire, group: Assessment) -> frozenset[str]:
    """The questions whose group answer is "don't know" although someone did give a level
    (too few for the group to have one). Their "find out" actions say that not enough people
    knew, rather than that nobody did. Empty for an assessment that is not a group's."""
    if not group.is_group:
        return frozenset()
    return frozenset(
        x.id for x in q.questions() if (found := spread(q, group, x.id)).group_choice == DONT_KNOW and found.levels
    )


def disagreements(q: Questionnaire, group: Assessment) -> list[QuestionSpread]:
    """Questions where people disagree, widest first, then in questionnaire order."""
    spreads = [spread(q, group, x.id) for x in q.questions()]
    flagged = [s for s in spreads if s.disagree]
    order = {x.id: i for i, x in enumerate(q.questions())}
    return sorted(flagged, key=lambda s: (-s.spread, order[s.question_id]))


def lived_experience_gaps(q: Questionnaire, group: Assessment) -> list[DomainGap]:
    """Per domain, the gap between people with and without lived experience, largest first.

    A domain where either group has fewer than `min_group_size` people who
    answered is kept in the list with its figures suppressed.
    """
    by_group: dict[str, list[dict[str, float]]] = {"yes": [], "no": []}
    shown = sides_shown(group)
    for response in group.responses:
        key = response.participant.lived_experience
        if key in by_group:
            result = score(q, _as_assessment(group, response))
            by_group[key].append({d.id: d.score for d in result.domains if d.score is not None})
    gaps = []
    for domain in q.domains:
        lived = [s[domain.id] for s in by_group["yes"] if domain.id in s]
        not_lived = [s[domain.id] for s in by_group["no"] if domain.id in s]
        too_few = min(len(lived), len(not_lived)) < group.min_group_size or not all(shown.values())
        a = None if too_few else sum(lived) / len(lived)
        b = None if too_few else sum(not_lived) / len(not_lived)
        gaps.append(
            DomainGap(
                domain.id,
                domain.title,
                a,
                b,
                None if a is None or b is None else a - b,
                len(lived),
                len(not_lived),
                too_few,
            )
        )
    return sorted(gaps, key=lambda g: (g.gap is None, -abs(g.gap or 0)))


def who_took_part(q: Questionnaire, group: Assessment) -> dict[str, dict[str, int | None]]:
    """Counts by role and by lived experience.

    In a group, where each count stands for people's own answers, a count below
    min_group_size is None. Because the total is always shown, a single hidden
    count could be worked out by subtraction, so the next smallest count is
    hidden with it. An assessment answered together has no individual answers
    to reveal, so its counts are all shown.
    """
    people = group.people
    roles = Counter(p.role for p in people)
    lived = Counter(p.lived_experience for p in people)
    smallest = group.min_group_size if group.is_group else 1

    def shown(counter: Counter[str]) -> dict[str, int | None]:
        out: dict[str, int | None] = {k: (v if v >= smallest else None) for k, v in counter.items()}
        visible = sorted((v, k) for k, v in out.items() if v is not None)
        if len(out) - len(visible) == 1 and visible:
            out[visible[0][1]] = None  # secondary suppression: no hidden count by subtraction
        return out

    return {"total": {"people": len(people)}, "roles": shown(roles), "lived_experience": shown(lived)}


def _as_assessment(group: Assessment, response: Response) -> Assessment:
    return Assessment(
        questionnaire_id=group.questionnaire_id,
        questionnaire_version=group.questionnaire_version,
        answers=response.answers,
    )


def evaluate(q: Questionnaire, assessment: Assessment) -> Result:
    """The result of any assessment: a group's through `views.score_group` (both sides, lived
    experience never outvoted), anything else scored as it is. Every output (window, command
    line, PDF) gets its result from here."""
    if not assessment.is_group:
        return score(q, assessment)
    from coprod_check.domain.views import score_group

    return score_group(q, assessment)


def side(group: Assessment, lived_experience: str) -> Assessment:
    """One side of a group, as a group of its own: the responses of people who said they have
    lived experience ("yes"), or that they have not ("no"). Without the levels the whole
    group agreed: those are the group's decision, not either side's answer."""
    return Assessment(
        questionnaire_id=group.questionnaire_id,
        questionnaire_version=group.questionnaire_version,
        responses=[r for r in group.responses if r.participant.lived_experience == lived_experience],
        min_group_size=group.min_group_size,
    )


def sides_shown(group: Assessment) -> dict[str, bool]:
    """Which sides of a group can be shown apart without identifying anyone.

    A side ("yes": colleagues with lived experience; "no": those without) is shown only when it
    has at least `min_group_size` people, and so do the people outside it (or there are none):
    otherwise its figures, set beside the whole group's, would give theirs away. And only when
    those who preferred not to say are none or at least `min_group_size` too, or the two sides'
    figures would give away theirs.
    """
    m = group.min_group_size
    counts = Counter(r.participant.lived_experience for r in group.responses)
    total = len(group.responses)

    def ok(n: int) -> bool:
        return n == 0 or n >= m

    private = total - counts[LIVED] - counts[NOT_LIVED]
    return {key: counts[key] >= m and ok(total - counts[key]) and ok(private) for key in (LIVED, NOT_LIVED)}
