"""Putting the paper together: the board paper's four pages, then the appendix, in order."""

from __future__ import annotations

import importlib.util

from coprod_check.domain.assessment import BoardFields
from coprod_check.domain.trend import trend as trend_of
from coprod_check.domain.wording import long_date
from coprod_check.i18n import _
from coprod_check.report.content import answers, appendix, board_paper, method, review, voices
from coprod_check.report.content.model import Meta, Paper, Part, Section
from coprod_check.report.content.words import APPENDIX, PAPER_TITLE
from coprod_check.report.model import Report

#: The board paper's most pages, the cover sheet included: the appendix starts by page 5.
BOARD_PAGES = 4


def build_paper(
    report: Report, *, board: BoardFields | None = None, find_out_unanswered: bool = False, brief: int = 0
) -> Paper:
    """The whole paper for a prepared report. `board` overrides the assessment's own fields,
    field by field (an empty override keeps what the assessment holds). `brief` (0 to 2) says
    the board paper more briefly, for when the full one would run over four pages: what it
    leaves out is always in the appendix."""
    fields = merged_fields(report.source.board, board)
    trend = trend_of(report.questionnaire, report.source)
    meta = _meta(report, fields)
    front = Part(
        "board-paper", _(PAPER_TITLE), board_paper.sections(report, fields, trend, brief), max_pages=BOARD_PAGES
    )
    later = [
        review.since(report),
        appendix.results(report),
        appendix.rounds(report, trend),
        voices.took_part(report),
        voices.differences(report),
        appendix.action_plan(report, find_out_unanswered),
        answers.detail(report),
        answers.not_answered(report),
        method.method(report),
        glossary(report),
    ]
    body = [s for s in later if s is not None]
    body.append(appendix.sign_off(report, meta.hash_line))
    opening = appendix.opening(report, [s.title for s in body])
    back = Part("appendix", _(APPENDIX), (opening, *body))
    return Paper(meta, (front, back))


def glossary(report: Report) -> Section | None:
    """The glossary's section, from report/glossary.py when that module is there.

    The hook: `coprod_check.report.glossary.section(report) -> Section | None`, returning a
    format-neutral Section (content.model) or None when the questionnaire has no glossary.
    """
    if importlib.util.find_spec("coprod_check.report.glossary") is None:
        return None
    from coprod_check.report import glossary as g  # type: ignore[attr-defined,unused-ignore]

    section: Section | None = g.section(report)
    return section


def merged_fields(kept: BoardFields, given: BoardFields | None) -> BoardFields:
    """The fields to print: each given one where it is filled in, else the assessment's."""
    if given is None:
        return kept
    return BoardFields(
        meeting=given.meeting or kept.meeting,
        meeting_date=given.meeting_date or kept.meeting_date,
        purpose=given.purpose or kept.purpose,
        executive_lead=given.executive_lead or kept.executive_lead,
        author=given.author or kept.author,
    )


def _meta(report: Report, fields: BoardFields) -> Meta:
    a, q = report.source, report.questionnaire
    organisation = " ".join(a.organisation.split()) or _("Organisation not recorded")
    when = long_date(a.date, "")
    if report.sha256:
        hash_line = _(
            "Made by coprod-check {version} from the assessment file whose SHA-256 fingerprint is below. To check "
            "that a file holds the answers behind this paper, work out its SHA-256 (for example with sha256sum) "
            "and compare."
        ).format(version=report.version)
    else:
        hash_line = _("Made by coprod-check {version} from answers not saved to a file: no fingerprint.").format(
            version=report.version
        )
    fingerprint = f"assessment-sha256:{report.sha256}" if report.sha256 else _("unsaved assessment")
    return Meta(
        title=_("Co-production readiness: {organisation}").format(organisation=organisation),
        author=" ".join(fields.author.split()) or organisation,
        subject=_("{questionnaire} {version}: board paper and action plan from the assessment of {date}").format(
            questionnaire=q.title, version=q.version, date=when or _("an undated assessment")
        ),
        keywords=_("co-production, lived experience, board paper, action plan, {fingerprint}").format(
            fingerprint=fingerprint
        ),
        language=q.language.strip() or "en-GB",
        organisation=organisation,
        assessment_date=a.date,
        printed=report.today,
        sha256=report.sha256,
        creator=f"coprod-check {report.version}",
        header_right=_("Assessment of {date}").format(date=when) if when else _("Assessment date not recorded"),
        footer_right=_("Board paper \u00b7 printed {date}").format(date=long_date(report.today.isoformat())),
        hash_line=hash_line,
    )
