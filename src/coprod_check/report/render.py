"""Putting the sections together, in the order the issue sets, into PDF bytes."""

from __future__ import annotations

import io

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from coprod_check.domain.wording import long_date
from coprod_check.i18n import _
from coprod_check.report import (
    actions,
    board,
    cover,
    detail,
    differences,
    method,
    results,
    signoff,
    since,
    took_part,
)
from coprod_check.report.document import PageText, PlanDocument
from coprod_check.report.model import Report
from coprod_check.report.styles import make_styles
from coprod_check.report.text import clean, one_line

# After the cover and the board page, each entry starts a new page and its sections
# follow one another. A section with nothing to say (no previous round, not a group)
# gives no flowables and no page.
PAGES = ((since,), (results,), (took_part, differences), (actions,), (detail,), (method,), (signoff,))


def render(report: Report, paper: str = "a4") -> bytes:
    """The plan as PDF bytes; the same report and paper always give the same bytes."""
    styles = make_styles()
    buffer = io.BytesIO()
    doc = PlanDocument(buffer, paper, page_text(report))
    # Every page after the first has the running header, even if the cover runs over.
    story: list[Flowable] = [NextPageTemplate("body"), *cover.story(report, styles, doc.width)]
    story += [PageBreak(), *board.story(report, styles, doc.width, doc.height)]
    for sections in PAGES:
        flowables = [f for section in sections for f in section.story(report, styles, doc.width)]
        if flowables:
            story += [PageBreak(), *flowables]
    doc.build_plan(story)
    return buffer.getvalue()


def page_text(report: Report) -> PageText:
    """Metadata, running header and footer, as clean plain text."""
    a, q = report.assessment, report.questionnaire
    organisation = one_line(a.organisation, 300) or _("Organisation not recorded")
    when = long_date(a.date, "")
    fingerprint = f"assessment-sha256:{report.sha256}" if report.sha256 else _("unsaved assessment")
    footer = (
        _("coprod-check {version} \u00b7 assessment file SHA-256 {sha256}").format(
            version=report.version, sha256=report.sha256
        )
        if report.sha256
        else _("coprod-check {version} \u00b7 made from unsaved answers").format(version=report.version)
    )
    return PageText(
        title=f"{cover.TITLE}: {organisation}",
        author=organisation,
        subject=clean(
            _("{title} {version}: {lower} from the assessment of {value}").format(
                title=q.title, version=q.version, lower=cover.TITLE.lower(), value=when or _("an undated assessment")
            )
        ),
        keywords=_("co-production, lived experience, action plan, {fingerprint}").format(fingerprint=fingerprint),
        creator=_("coprod-check {version}").format(version=report.version),
        language=clean(q.language).strip() or "en-GB",
        header_left=organisation,
        header_right=_("Assessment of {when}").format(when=when) if when else _("Assessment date not recorded"),
        footer_right=f"{cover.TITLE} \u00b7 printed {long_date(report.today.isoformat())}",
        footer_line=clean(footer),
        printed=report.today,
    )
