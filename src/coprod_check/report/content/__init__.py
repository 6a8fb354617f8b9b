"""The board paper and its appendix as format-neutral plain data (see `model`).

    from coprod_check.report.content import build_paper, paper_for

    paper = paper_for(questionnaire, assessment, assessment_sha256=sha, today=day)
    for part in paper.parts:            # "board-paper", then "appendix"
        for section in part.sections:   # each with .blocks: Heading, Para, Table, Chart, ...
            ...

Pure Python (no reportlab, no Qt): the PDF renderer (report/pdf_paper.py) and the Word twin
render the same Paper, so both have the same content and order.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from coprod_check.report.content.build import build_paper
from coprod_check.report.content.model import Paper

if TYPE_CHECKING:
    from coprod_check.domain.assessment import Assessment, BoardFields
    from coprod_check.domain.questionnaire import Questionnaire

__all__ = ["build_paper", "paper_for"]


def paper_for(
    questionnaire: Questionnaire,
    assessment: Assessment,
    *,
    board: BoardFields | None = None,
    include_private: bool = False,
    include_names: bool = False,
    find_out_unanswered: bool = False,
    assessment_sha256: str | None = None,
    today: dt.date | None = None,
) -> Paper:
    """The paper for an assessment: scored, planned and laid out as plain data.

    `board` overrides the fields kept in the assessment (as `report --meeting ...` does);
    `find_out_unanswered` lists questions not answered yet as find-out actions rather than
    one line each.
    """
    from coprod_check.report.model import prepare

    report = prepare(
        questionnaire,
        assessment,
        include_private=include_private,
        include_names=include_names,
        assessment_sha256=assessment_sha256,
        today=today,
    )
    return build_paper(report, board=board, find_out_unanswered=find_out_unanswered)
