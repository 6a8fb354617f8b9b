"""A realistic, partly answered example assessment.

It tells the story this product exists for: an organisation that is good at
caring for people and not yet good at working with them. It has several
participants, notes, evidence, a private note, a "don't know", a "not
applicable" and some questions still to answer.
"""

from __future__ import annotations

import datetime as dt

from coprod_check.domain.assessment import Answer, Assessment, Participant
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE, Questionnaire
from coprod_check.i18n import _

_NOTES = {
    "power": (
        _("We invite people to the service improvement group, but the agenda is set before they see it."),
        _("Minutes of the improvement group, March to October."),
    ),
    "expertise": (
        _(
            "Peer support workers are on a lower band than colleagues doing similar "
            "work, and their supervision is mostly about caseload."
        ),
        _("Job descriptions; supervision records."),
    ),
    "staff": (
        _("Two colleagues said they would not disclose again after how occupational health handled it."),
        _("Staff survey free text, 2026."),
    ),
    "respect": (
        _("Two colleagues waited months for an answer after reporting harassment about their mental health."),
        _("HR casework log, 2026."),
    ),
    "leadership": (
        _("Our director spoke about her own experience at the staff conference. It mattered a lot to people."),
        _("Conference recording."),
    ),
    "network": (
        _("The network raised the sickness absence policy in May. We have not had an answer."),
        _("Network log, item 14."),
    ),
    "payment": (
        _("Partners get vouchers, not pay. Two people told us vouchers affect their benefits."),
        _("Finance policy F-12."),
    ),
    "inclusion": (_("The same four people come to most meetings."), _("Attendance lists.")),
    "restrictive": (_("Peer support workers on the ward are still on the restraint rota."), _("Ward rota, October.")),
    "sustainability": (_("People often stay late after difficult meetings with nobody to talk to."), ""),
    "learning": (_("We collect feedback but rarely say what we did with it."), _("Feedback log.")),
}
_PRIVATE_NOTE = _(
    "Private: I think the network chair is close to burnout. Talk to her about protected time before the next meeting."
)


def make_example(questionnaire: Questionnaire, today: dt.date | None = None) -> Assessment:
    """Build the example for any questionnaire (the story fits the built-in one best)."""
    a = Assessment.new(questionnaire, today)
    a.organisation = _("Northfield Community Mental Health Trust")
    a.team = _("Adult community services, east locality")
    a.participants = [
        Participant(role=_role(questionnaire, "manager"), lived_experience="no", name="Sam Okafor"),
        Participant(
            role=_role(questionnaire, "lived-experience-colleague"), lived_experience="yes", name="Gwenllïan Price"
        ),
        Participant(role=_role(questionnaire, "staff"), lived_experience="prefer-not-to-say"),
        Participant(role=_role(questionnaire, "partner"), lived_experience="yes", name="Zofia Łukasik"),
    ]
    dont_know_done = na_done = private_done = False
    # "Not applicable" on the board question where there is one (the note is about the board).
    board_id = "leadership-board" if questionnaire.question("leadership-board") else None
    private_domain = "network" if any(d.id == "network" for d in questionnaire.domains) else None
    for d_index, domain in enumerate(questionnaire.domains):
        note, evidence = _NOTES.get(domain.id, ("", ""))
        # Leave the last question of every third domain unanswered: work in progress.
        count = len(domain.questions) - (1 if d_index % 3 == 2 else 0)
        for q_index, q in enumerate(domain.questions[:count]):
            if q.not_applicable and not na_done and board_id in (None, q.id):
                a.answers[q.id] = Answer(NOT_APPLICABLE, note=_("We are a single team; this is for the Trust board."))
                na_done = True
                continue
            if q.orientation == "with" and not dont_know_done and d_index >= 2:
                a.answers[q.id] = Answer(DONT_KNOW, note=_("None of us knew. We should ask HR."))
                dont_know_done = True
                continue
            levels = [lv.id for lv in questionnaire.levels_for(q)]
            high = levels[min(3, len(levels) - 1)]  # care tends to be good...
            mid = levels[min(2, len(levels) - 1)]
            low = levels[1]  # ...partnership less so
            if q.orientation == "care":
                choice = high if (q_index + d_index) % 3 else mid
            else:  # partnership, and parity for colleagues with lived experience, lag behind
                choice = low if (q_index + d_index) % 2 else mid
            answer = Answer(choice)
            if q_index == 0:
                answer.note, answer.evidence = note, evidence
            if q_index == 1 and domain.id == (private_domain or domain.id) and d_index >= 4 and not private_done:
                answer.note, answer.note_private = _PRIVATE_NOTE, True
                private_done = True
            a.answers[q.id] = answer
    return a


def _role(questionnaire: Questionnaire, wanted: str) -> str:
    if questionnaire.perspective(wanted):
        return wanted
    return questionnaire.perspectives[0].id
