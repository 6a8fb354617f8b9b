"""A tiny questionnaire whose scores are easy to work out by hand.

Levels l0..l4 are worth 0, 25, 50, 75, 100. Stages s0 (from 0), s1 (25),
s2 (50), s3 (75).
"""

from coprod_check.domain.loader import parse_questionnaire


def _question(qid: str, orientation: str, weight: int = 1, extra: str = "") -> str:
    actions = "".join(
        f"""
          l{i}:
            title: Move {qid} up from l{i}
            why: Because l{i + 1} is better.
            how: Do the thing for {qid}.
            owner: Lead {i}
            timescale: {"now" if i < 2 else "soon"}"""
        for i in range(4)
    )
    levels = "".join(f"\n          l{i}: {qid} is at level {i}." for i in range(5))
    return f"""
      - id: {qid}
        prompt: Question {qid}?
        why: It matters.
        orientation: {orientation}
        weight: {weight}{extra}
        levels:{levels}
        actions:{actions}"""


TINY_YAML = f"""\
id: tiny
title: Tiny
version: "1.0"
language: en-GB
description: A tiny questionnaire for tests.
levels:
  - {{id: l0, label: Zero, meaning: Level zero.}}
  - {{id: l1, label: One, meaning: Level one.}}
  - {{id: l2, label: Two, meaning: Level two.}}
  - {{id: l3, label: Three, meaning: Level three.}}
  - {{id: l4, label: Four, meaning: Level four.}}
perspectives:
  - {{id: manager, label: Manager, description: Manages.}}
  - {{id: lived-experience-colleague, label: Colleague with lived experience, description: Brings experience.}}
stages:
  - {{id: s0, title: Stage zero, from: 0, description: Zero.}}
  - {{id: s1, title: Stage one, from: 25, description: One.}}
  - {{id: s2, title: Stage two, from: 50, description: Two.}}
  - {{id: s3, title: Stage three, from: 75, description: Three.}}
domains:
  - id: d1
    title: Domain one
    description: The first domain.
    questions:{_question("q1", "care")}{
    _question(
        "q2",
        "with",
        2,
        '''
        critical:
          below: l2
          cap: s0
          reason: Q2 is too low.''',
    )
}{
    _question(
        "q3",
        "with",
        1,
        '''
        not_applicable: true''',
    )
}
  - id: d2
    title: Domain two
    description: The second domain.
    questions:{_question("q4", "care")}{_question("q5", "with")}
"""


def tiny():
    return parse_questionnaire(TINY_YAML, "tiny.yaml")


def builtin():
    """The built-in questionnaire, as shipped."""
    from coprod_check.app import resources
    from coprod_check.domain.loader import load_questionnaire_file

    return load_questionnaire_file(resources.data_dir("questionnaires") / "coproduction-readiness.yaml")
