"""Loading an assessment with its questionnaire."""

from __future__ import annotations

from pathlib import Path

from coprod_check.app import store
from coprod_check.app.qcache import load_questionnaire
from coprod_check.domain.assessment import Assessment
from coprod_check.domain.errors import AssessmentError
from coprod_check.domain.questionnaire import Questionnaire


def load_with_questionnaire(path: Path, questionnaire_path: Path | None = None) -> tuple[Assessment, Questionnaire]:
    """Read an assessment and find the questionnaire it answers."""
    from coprod_check.app import catalogue

    assessment = store.load(path)
    if questionnaire_path is not None:
        q = load_questionnaire(questionnaire_path)
    else:
        found = catalogue.find(assessment.questionnaire_id, assessment.questionnaire_version)
        if found is None:
            raise AssessmentError(str(path), f"answers the questionnaire {assessment.questionnaire_id!r}, "
                                  "which is not installed; add its file to your questionnaires folder "
                                  "or pass --questionnaire")
        q = found
    if q.id != assessment.questionnaire_id:
        raise AssessmentError(str(path), f"answers {assessment.questionnaire_id!r}, not {q.id!r}")
    return assessment, q
