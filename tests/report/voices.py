"""Group and next-round assessments of the built-in questionnaire, with answers chosen so
that every printed figure can be worked out by hand (the working is beside each one).

Answers are written as a position on the ladder ("doing-for", "asking", ...) and given on each
question's own scale at the same position (worth the same 0, 25, 50, 75 or 100): "doing-for" is
"hard-to-get" on a care question and "rarely" on a parity question."""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache

from coprod_check.app import catalogue, store
from coprod_check.domain.assessment import Agreement, Answer, Assessment, Participant, Review
from coprod_check.domain.combine import combine, source
from coprod_check.domain.rounds import start_from
from tests.report.pdf import TODAY

ORGANISATION = "Northfield Community Mental Health Trust"
REASON = "We agreed people join too late & <i>after</i> the options are set."
# Every question of "Power and decisions" (weights: agenda 3, timing 3, disagreement 2, support 2,
# purpose 2, therapy 2, heard 2; 16 in all).
POWER = (
    "power-agenda",
    "power-timing",
    "power-disagreement",
    "power-support",
    "power-purpose",
    "power-therapy",
    "power-heard",
)
LADDER = ("doing-to", "doing-for", "asking", "sharing", "doing-with")


def on_scale(q, question, level: str) -> str:
    """The level at the same position as ladder level `level`, on the question's own scale."""
    if level not in LADDER:
        return level
    return q.levels_for(question)[LADDER.index(level)].id


@lru_cache(maxsize=1)
def builtin():
    """The built-in questionnaire as the app finds it, without touching a real home or cache."""
    with tempfile.TemporaryDirectory() as home:
        saved = {k: os.environ.get(k) for k in ("COPROD_CHECK_HOME", "COPROD_CHECK_CACHE")}
        os.environ["COPROD_CHECK_HOME"], os.environ["COPROD_CHECK_CACHE"] = home, f"{home}/cache"
        try:
            q = catalogue.find("coproduction-readiness")
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    assert q is not None
    return q


def response(i: int, role: str, lived: str, levels: dict[str, str], default: str = "asking") -> Assessment:
    """One person's own answers: `default` everywhere except `levels`, each with a private-looking note."""
    q = builtin()
    a = Assessment.new(q, TODAY)
    a.organisation = ORGANISATION
    a.participants = [Participant(role, lived, f"Person {i}")]
    for question in q.questions():
        a.answers[question.id] = Answer(
            on_scale(q, question, levels.get(question.id, default)), note=f"individual note {i}: only I should see this"
        )
    return a


def group_of(people: list[Assessment], min_group_size: int = 3) -> Assessment:
    """The people's responses combined, as `coprod-check combine` does it."""
    sources = [source(f"r{i}.json", store.dumps(a).encode(), a) for i, a in enumerate(people)]
    group, _ = combine(builtin(), sources, min_group_size=min_group_size, today=TODAY)
    return group


def power(level: str, **overrides: str) -> dict[str, str]:
    """The same level on every question of "Power and decisions", with some overridden."""
    return {**{qid: level for qid in POWER}, **{k.replace("_", "-"): v for k, v in overrides.items()}}


def seven_people() -> list[Assessment]:
    """The seven responses of `mixed_group` (worked through there)."""
    return [
        response(0, "manager", "no", power("sharing", power_agenda="doing-with")),
        response(1, "manager", "no", power("sharing", power_agenda="doing-to")),
        response(2, "manager", "no", power("sharing")),
        response(3, "lived-experience-colleague", "yes", power("doing-for", power_agenda="doing-to")),
        response(4, "lived-experience-colleague", "yes", power("doing-for", power_agenda="doing-with")),
        response(5, "lived-experience-colleague", "yes", power("doing-for")),
        response(6, "partner", "prefer-not-to-say", {"power-support": "doing-with"}),
    ]


def mixed_group() -> Assessment:
    """Seven people, three with lived experience, three without, one who preferred not to say.

    Everyone answers "asking" (or the level at that place on the question's own scale) outside
    "Power and decisions". In that domain (weights: agenda 3, timing 3, disagreement 2,
    support 2, purpose 2, therapy 2, heard 2; 16 in all):

    * without lived experience: P0 "doing with" on the agenda, P1 "doing to" on it, P2
      "sharing" throughout, and "sharing" elsewhere: (100*3+75*13)/16 = 79.7,
      (0*3+75*13)/16 = 60.9 and 75; average 71.9.
    * with lived experience: P3 "doing to" on the agenda, P4 "doing with" on it, P5
      "doing for" throughout, and "doing for" elsewhere: (0*3+25*13)/16 = 20.3,
      (100*3+25*13)/16 = 39.1 and 25; average 28.1. The gap is 28.1 - 71.9: 44 points lower.
    * P6 (preferred not to say, so in neither group): "asking", but "doing with" on support
      ("fits each person", the same place on the support scale).

    So the agenda spans doing to..doing with (4 levels), support doing for..doing with
    (3), the other five doing for..sharing (2). The group agreed "doing for" on timing.
    """
    group = group_of(seven_people())
    group.agreed["power-timing"] = Agreement("doing-for", REASON)
    return group


def shown_group() -> Assessment:
    """`mixed_group` without the one person who preferred not to say: three with lived
    experience and three without, so both sides can be shown (with that one person, the two
    sides' figures set beside the whole group's would give their answers away)."""
    group = group_of(seven_people()[:6])
    group.agreed["power-timing"] = Agreement("doing-for", REASON)
    return group


def small_lived_group(min_group_size: int = 3) -> Assessment:
    """Six people, only two with lived experience: a group too small to show on its own.

    The two answer "doing with" and "sharing" on "Power and decisions": an average of
    87.5 there, 37.5 above the 50 everyone else gives. Those figures must never print.
    """
    people = [
        response(0, "manager", "no", {}),
        response(1, "manager", "no", {}),
        response(2, "manager", "no", {}),
        response(3, "staff", "prefer-not-to-say", {}),
        response(4, "lived-experience-colleague", "yes", power("doing-with")),
        response(5, "partner", "yes", power("sharing")),
    ]
    return group_of(people, min_group_size)


def nobody_lived_group() -> Assessment:
    """Three people, none of whom said they have lived experience; they agree on everything."""
    return group_of(
        [
            response(0, "manager", "no", {}),
            response(1, "manager", "no", {}),
            response(2, "staff", "prefer-not-to-say", {}),
        ]
    )


def previous_round() -> Assessment:
    """Last time: "doing for" (25) on "Power and decisions", "doing with" (100) elsewhere.

    Domains: power 25, every other 100; overall (25 + 10*100)/11 = 93.2, printed 93. Power
    timing is critical below "sharing" (cap Involving) and disagreement below "asking" (cap
    Listening), so the stage is held at Listening.
    The plan: one action for each power question, seven in all.
    """
    q = builtin()
    a = Assessment.new(q, TODAY.replace(year=2025))
    a.organisation = ORGANISATION
    a.participants = [Participant("manager", "no"), Participant("lived-experience-colleague", "yes")]
    for question in q.questions():
        a.answers[question.id] = Answer(on_scale(q, question, "doing-for" if question.id in POWER else "doing-with"))
    return a


REVIEWS = [
    Review("done", "Agenda now set with the network & <b>partners</b>."),
    Review("partly", "Started in March; two meetings so far."),
    Review("dropped", "Replaced by the new terms of reference."),
    Review(),
    Review(),
    Review(),
    Review(),
]


def next_round() -> Assessment:
    """This time: "doing with" everywhere except "sharing" (75) on "Payment, recognition and
    resources". Power 25 -> 100 (+75), payment 100 -> 75 (-25), the rest 100 -> 100;
    overall (75 + 10*100)/11 = 97.7, printed 98: +5 on the printed 93."""
    q = builtin()
    new = start_from(q, previous_round(), "2025.json", TODAY)
    payment = {x.id for x in q.domain("payment").questions}
    for question in q.questions():
        new.answers[question.id] = Answer(on_scale(q, question, "sharing" if question.id in payment else "doing-with"))
    for action, review in zip(new.previous.actions, REVIEWS, strict=True):
        new.reviews[action.id] = review
    return new
