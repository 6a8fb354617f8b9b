"""What a questionnaire update does to an assessment, before anything changes.

Answers are kept by question id. Nothing is ever dropped: answers to
questions that no longer exist, and answers whose level no longer exists, are
kept in the file and reported here, so a person can decide what to do.
"""

from __future__ import annotations

from typing import NamedTuple

from coprod_check.domain.assessment import Assessment, is_answer_choice
from coprod_check.domain.questionnaire import Questionnaire


class UpdateReport(NamedTuple):
    """How an assessment relates to the questionnaire version it is opened with."""

    answered_version: str
    current_version: str
    added: tuple[str, ...]  # questions new since the assessment was made
    removed: tuple[str, ...]  # questions the assessment knew that are gone
    reworded: tuple[str, ...]  # answered questions whose wording changed
    orphaned_answers: tuple[str, ...]  # answers kept in the file but not scored
    invalid_answers: tuple[str, ...]  # answers whose level is not on this scale

    @property
    def version_changed(self) -> bool:
        """True when the assessment was made with another version."""
        return self.answered_version != self.current_version

    @property
    def incompatible(self) -> bool:
        """True when the MAJOR version differs: answers may mean something else now."""
        return self.answered_version.split(".")[0] != self.current_version.split(".")[0]

    @property
    def anything(self) -> bool:
        """True when there is something a person should be told."""
        return bool(self.version_changed or self.added or self.removed or self.reworded
                    or self.orphaned_answers or self.invalid_answers)

    def lines(self) -> list[str]:
        """The report in plain words, one finding a line."""
        out = []
        if self.version_changed:
            out.append(f"This assessment was made with version {self.answered_version} of the "
                       f"questionnaire; this is version {self.current_version}.")
        if self.incompatible:
            out.append("The questionnaire has changed a lot since then: check the answers "
                       "before you compare scores.")
        if self.added:
            out.append(f"{len(self.added)} new question(s) to answer: {', '.join(self.added)}.")
        if self.removed:
            out.append(f"{len(self.removed)} question(s) no longer asked: {', '.join(self.removed)}.")
        if self.reworded:
            out.append(f"{len(self.reworded)} answered question(s) were reworded; please check "
                       f"your answers still fit: {', '.join(self.reworded)}.")
        if self.orphaned_answers:
            out.append(f"{len(self.orphaned_answers)} answer(s) to questions no longer asked are "
                       f"kept in the file but not scored: {', '.join(self.orphaned_answers)}.")
        if self.invalid_answers:
            out.append(f"{len(self.invalid_answers)} answer(s) use a level this version does not "
                       f"have; they are kept but not scored: {', '.join(self.invalid_answers)}.")
        return out


def check_update(questionnaire: Questionnaire, assessment: Assessment) -> UpdateReport:
    """Compare an assessment with the questionnaire it is about to be used with."""
    current = questionnaire.fingerprints()
    known = assessment.fingerprints
    answered = {qid for qid, a in assessment.answers.items() if not a.is_empty()}
    orphaned = sorted(qid for qid in answered if qid not in current)
    invalid = sorted(
        qid for qid in answered
        if qid in current and not is_answer_choice(assessment.answers[qid].choice, questionnaire, qid))
    return UpdateReport(
        answered_version=assessment.questionnaire_version,
        current_version=questionnaire.version,
        added=tuple(q for q in current if known and q not in known),
        removed=tuple(sorted(q for q in known if q not in current)),
        reworded=tuple(q for q in current if q in known and q in answered and known[q] != current[q]),
        orphaned_answers=tuple(orphaned),
        invalid_answers=tuple(invalid),
    )


def adopt(questionnaire: Questionnaire, assessment: Assessment) -> None:
    """Move the assessment onto this questionnaire version, keeping every answer."""
    assessment.questionnaire_version = questionnaire.version
    assessment.fingerprints = questionnaire.fingerprints()
