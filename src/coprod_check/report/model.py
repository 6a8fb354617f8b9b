"""What the plan says, worked out before any page is laid out.

Pure Python: no reportlab here, so tests can check the content precisely.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from coprod_check import __version__
from coprod_check.domain.assessment import Answer, Assessment, Participant
from coprod_check.domain.group import (
    DomainGap,
    GroupUnknowns,
    QuestionSpread,
    disagreements,
    evaluate,
    group_view,
    lived_experience_gaps,
    partly_known,
    unknown_answers,
    who_took_part,
)
from coprod_check.domain.plan import PlannedAction, build_plan, group_plan
from coprod_check.domain.questionnaire import Question, Questionnaire
from coprod_check.domain.rounds import Comparison, compare
from coprod_check.domain.scoring import Result, held_levels
from coprod_check.i18n import _

_HEX64 = re.compile(r"[0-9a-f]{64}")
LIVED_EXPERIENCE_LABELS = {
    "yes": _("with lived experience of mental health difficulties"),
    "no": _("without lived experience"),
    "prefer-not-to-say": _("preferred not to say"),
}


@dataclass(frozen=True)
class Report:
    """Everything one printed plan is made from."""

    questionnaire: Questionnaire
    assessment: Assessment  # for a group: its agreed or median levels, as scoring sees them
    source: Assessment  # the assessment as saved (a group keeps its individual responses)
    result: Result
    plan: tuple[PlannedAction, ...]  # every action, accepted or not, in the plan's order
    groups: dict[str, list[PlannedAction]]  # accepted actions: critical, now, soon, later
    unanswered: tuple[Question, ...]
    include_private: bool
    include_names: bool
    sha256: str | None
    today: dt.date
    version: str = __version__
    # Who took part, as group.who_took_part gives it: counts too small to show are None.
    took_part: dict[str, dict[str, int | None]] = field(default_factory=dict)
    spreads: tuple[QuestionSpread, ...] = ()  # a group's disagreements, widest first
    gaps: tuple[DomainGap, ...] = ()  # a group's lived-experience gaps, largest first
    comparison: Comparison | None = None  # with the previous round, when there is one
    # A group's own "don't know" answers, summed over everyone; None for a single assessment.
    dont_knows: GroupUnknowns | None = None

    @property
    def is_group(self) -> bool:
        """True when the plan combines people's own responses."""
        return self.source.is_group

    @property
    def min_group_size(self) -> int:
        """The smallest group shown separately."""
        return self.source.min_group_size

    @property
    def accepted(self) -> list[PlannedAction]:
        """Accepted actions in the order the plan prints them: by group, then plan order."""
        return [a for group in self.groups.values() for a in group]

    @property
    def set_aside(self) -> int:
        """How many suggested actions the team chose not to take on."""
        return sum(1 for a in self.plan if not a.accepted)

    @property
    def nothing_answered(self) -> bool:
        """True when no question has an answer yet."""
        return self.result.reached == 0

    def note_of(self, answer: Answer) -> str:
        """The note to print for an answer: empty when it is private and not asked for."""
        if answer.note_private and not self.include_private:
            return ""
        return answer.note


def prepare(
    questionnaire: Questionnaire,
    assessment: Assessment,
    *,
    include_private: bool = False,
    include_names: bool = False,
    assessment_sha256: str | None = None,
    today: dt.date | None = None,
) -> Report:
    """Score the assessment and shape its plan for printing.

    A group assessment is printed as the group sees it: its agreed or median
    levels and its own notes. Individual responses and their notes are not printed.
    """
    if assessment_sha256 is not None and not _HEX64.fullmatch(assessment_sha256):
        raise ValueError(_("assessment_sha256 must be 64 hexadecimal digits, as file_sha256 gives"))
    view = group_view(questionnaire, assessment)
    result = evaluate(questionnaire, assessment)
    plan = tuple(build_plan(questionnaire, view, partly_known(questionnaire, assessment), held_levels(result)))
    unanswered = tuple(q for qid in result.unanswered_questions if (q := questionnaire.question(qid)))
    group = assessment.is_group
    return Report(
        questionnaire=questionnaire,
        assessment=view,
        source=assessment,
        result=result,
        plan=plan,
        groups=group_plan(list(plan)),
        unanswered=unanswered,
        include_private=include_private,
        include_names=include_names,
        sha256=assessment_sha256,
        today=today or dt.date.today(),
        took_part=who_took_part(questionnaire, assessment),
        spreads=tuple(disagreements(questionnaire, assessment)) if group else (),
        gaps=tuple(lived_experience_gaps(questionnaire, assessment)) if group else (),
        comparison=(
            compare(questionnaire, assessment.previous, assessment) if assessment.previous is not None else None
        ),
        dont_knows=unknown_answers(questionnaire, assessment) if group else None,
    )


def people(report: Report) -> list[Participant]:
    """Everyone who took part: a group's respondents, or the people who answered together."""
    a = report.source
    return a.people


def role_counts(report: Report) -> list[tuple[str, int | None]]:
    """(role label, count) in the questionnaire's order of perspectives, then any others.

    A count is None where a group is too small to show without identifying people.
    """
    q = report.questionnaire
    counts = report.took_part["roles"]
    known = [p.id for p in q.perspectives if p.id in counts]
    others = [r for r in counts if q.perspective(r) is None]
    return [(_role_label(q, r), counts[r]) for r in known + others]


def lived_experience_counts(report: Report) -> list[tuple[str, int | None]]:
    """(description, count) for each answer to "lived experience?" that someone gave (None: too few to show)."""
    counts = report.took_part["lived_experience"]
    ordered = [k for k in LIVED_EXPERIENCE_LABELS if k in counts] + [
        k for k in counts if k not in LIVED_EXPERIENCE_LABELS
    ]
    return [(LIVED_EXPERIENCE_LABELS.get(k, k), counts[k]) for k in ordered]


def total_people(report: Report) -> int:
    """How many people took part (always shown: it singles nobody out)."""
    return len(people(report))


def count_text(n: int | None, report: Report) -> str:
    """A count as printed: a group too small to show stays hidden, so nobody can be picked out.

    "not shown" rather than "fewer than N", because the domain also hides the next
    smallest count (so none can be worked out from the total), and that one may not be small.
    """
    return _("not shown") if n is None else str(n)


def anyone_with_lived_experience(report: Report) -> bool:
    """True when at least one person who took part said they have lived experience."""
    return any(p.lived_experience == "yes" for p in people(report))


def names(report: Report) -> list[tuple[str, str]]:
    """(name, role label) of everyone named, only when the user chose to print names."""
    if not report.include_names:
        return []
    q = report.questionnaire
    return [(p.name, _role_label(q, p.role)) for p in people(report) if p.name.strip()]


def _role_label(q: Questionnaire, role: str) -> str:
    perspective = q.perspective(role)
    return perspective.label if perspective else role
