"""The printed board paper and action plan (PDF). Knows reportlab and the domain, not Qt.

    write_pdf(questionnaire, assessment, Path("plan.pdf"), assessment_sha256=file_sha256(path))

What it says is built first as format-neutral data (report/content), then laid out
(report/paper_pdf.py); the Word twin renders the same data.

The domain and the other commands never import this package; reportlab is
only loaded when a plan is rendered.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coprod_check.domain.assessment import Assessment, BoardFields
    from coprod_check.domain.questionnaire import Questionnaire

__all__ = ["file_sha256", "render_pdf", "write_pdf"]


def render_pdf(
    questionnaire: Questionnaire,
    assessment: Assessment,
    *,
    paper: str = "a4",
    include_private: bool = False,
    include_names: bool = False,
    assessment_sha256: str | None = None,
    today: dt.date | None = None,
    board: BoardFields | None = None,
    find_out_unanswered: bool = False,
) -> bytes:
    """The board paper and action plan as PDF bytes. Same input and same `today` give the
    same bytes.

    `paper` is "a4" or "letter" (ValueError otherwise). Private notes and the names of
    participants are printed only when asked for. `board` fills in the cover sheet's fields
    (over those kept in the assessment); `find_out_unanswered` lists questions not answered
    yet as find-out actions instead of one line each.
    """
    from coprod_check.report.content import build_paper
    from coprod_check.report.document import page_size
    from coprod_check.report.model import prepare
    from coprod_check.report.paper_pdf import render_paper

    page_size(paper)  # fail on a bad paper size before any work is done
    report = prepare(
        questionnaire,
        assessment,
        include_private=include_private,
        include_names=include_names,
        assessment_sha256=assessment_sha256,
        today=today,
    )
    data = b""
    for brief in range(3):  # the board paper runs to four pages at most: shorter if it must
        built = build_paper(report, board=board, find_out_unanswered=find_out_unanswered, brief=brief)
        data, appendix = render_paper(built, paper.lower())
        if appendix <= 5:
            break
    return data


def write_pdf(
    questionnaire: Questionnaire,
    assessment: Assessment,
    output: Path,
    *,
    paper: str = "a4",
    include_private: bool = False,
    include_names: bool = False,
    assessment_sha256: str | None = None,
    today: dt.date | None = None,
    board: BoardFields | None = None,
    find_out_unanswered: bool = False,
) -> None:
    """Write the action plan to `output` atomically: a crash leaves the old file or the new one.

    Raises AssessmentError (a CoprodError) when the file cannot be written.
    """
    from coprod_check.app.store import write_atomic

    data = render_pdf(
        questionnaire,
        assessment,
        paper=paper,
        include_private=include_private,
        include_names=include_names,
        assessment_sha256=assessment_sha256,
        today=today,
        board=board,
        find_out_unanswered=find_out_unanswered,
    )
    write_atomic(Path(output), data, backup=False)


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, as 64 lowercase hex digits."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()
