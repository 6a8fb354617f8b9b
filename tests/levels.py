"""Answers at the same step on any scale, for tests written with the participation ladder in mind:
version 2 of the built-in questionnaire answers care questions on a scale of support and parity
questions on a scale of how often, each with five levels like the ladder."""

from __future__ import annotations

from coprod_check.domain.questionnaire import Question, Questionnaire

LADDER = ("doing-to", "doing-for", "asking", "sharing", "doing-with")


def same_step(q: Questionnaire, question: Question | str, ladder_id: str) -> str:
    """The question's level at the same step as `ladder_id` on the ladder (any other answer as is)."""
    if ladder_id not in LADDER:
        return ladder_id
    levels = q.levels_for(question)
    return levels[min(LADDER.index(ladder_id), len(levels) - 1)].id
