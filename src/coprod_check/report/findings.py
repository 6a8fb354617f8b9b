"""What the board page says: priorities, decisions and what "don't know" revealed.

Pure Python, worked out from the Report; the wording is plain and kind, and
treats lived experience as expertise.
"""

from __future__ import annotations

from coprod_check.domain.plan import PlannedAction
from coprod_check.domain.questionnaire import Question
from coprod_check.domain.scoring import Cap
from coprod_check.report.model import Report, anyone_with_lived_experience, people
from coprod_check.wording import plural

MOST_PRIORITIES = 5
LEAST_PRIORITIES = 3
MOST_CAPS = 4

_QUADRANT_DECISIONS = {
    "excluding": "Agree first steps to make it safe for people with lived experience to take part "
                 "and be heard, including colleagues who have not said they have it.",
    "caring-for": "Agree where people with lived experience will share decisions from the start, "
                  "not only receive support: good care is not yet partnership.",
    "involving-without-support": "Agree the pay, support and rest that people with lived "
                                 "experience need to keep sharing the work without wearing out.",
    "working-with": "Agree how the board will keep hearing directly from people with lived "
                    "experience, and protect the time and budget this work needs.",
}


def priorities(report: Report) -> list[PlannedAction]:
    """Three to five actions for the board: every critical one (up to five), topped up to three."""
    chosen = list(report.groups["critical"][:MOST_PRIORITIES])
    for group in ("now", "soon", "later"):
        for action in report.groups[group]:
            if len(chosen) >= LEAST_PRIORITIES:
                return chosen
            chosen.append(action)
    return chosen


def caps_to_show(report: Report, most: int = MOST_CAPS) -> tuple[list[Cap], int]:
    """The caps for the board page, those holding the stage first, and how many more there are."""
    caps = sorted(report.result.caps, key=lambda c: not c.binding)
    return caps[:most], max(0, len(caps) - most)


def decisions(report: Report) -> list[str]:
    """The decisions asked of the board, most important first."""
    r = report.result
    out = []
    if report.accepted:
        out.append("Agree this plan, and give each owner the time, authority and budget to carry "
                   "out their actions.")
    binding = [c for c in r.caps if c.binding]
    if binding and r.stage is not None:
        verb = "it holds" if len(binding) == 1 else "they hold"
        out.append(f"Make the {plural(len(binding), 'critical finding')} the first priority: {verb} "
                   f"the organisation at \u201c{r.stage.title}\u201d whatever else improves.")
    if r.quadrant is not None and r.quadrant.id in _QUADRANT_DECISIONS:
        out.append(_QUADRANT_DECISIONS[r.quadrant.id])
    if report.nothing_answered:
        out.append("Ask the team to answer the questionnaire together, with colleagues and partners "
                   "who have lived experience, and to bring the results back to the board.")
    else:
        asks = []
        if r.unknown:
            asks.append(f"find out what nobody knew ({plural(r.unknown, 'question')})")
        if report.unanswered:
            asks.append(f"answer the {plural(len(report.unanswered), 'question')} still open")
        if asks:
            out.append(f"Ask the team to {' and to '.join(asks)} within three months, and to report "
                       "back to the board.")
    if not people(report):
        out.append("Ask the team to record who takes part, by role and lived experience, so the "
                   "board can see whose views these answers reflect.")
    elif not anyone_with_lived_experience(report):
        out.append("Ask for the next assessment to be done with colleagues and partners who have "
                   "lived experience: nobody who took part this time said they had it.")
    out.append("Set a date to review progress on this plan (we suggest three months from now), "
               "and agree to repeat the assessment together in a year.")
    return out


def unknowns(report: Report) -> list[Question]:
    """Questions answered "don't know", in questionnaire order."""
    q = report.questionnaire
    return [question for qid in report.result.unknown_questions if (question := q.question(qid))]


def unknown_domains(report: Report) -> list[tuple[str, int]]:
    """(domain title, count) of the domains with "don't know" answers, in questionnaire order."""
    return [(d.title, d.unknown) for d in report.result.domains if d.unknown]
