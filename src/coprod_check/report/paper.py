"""The paper questionnaire: a blank response to print, fill in by hand and give back.

Large, clear tick boxes; every level's full sentence; room for a note under each question; the
role and lived-experience questions first; the questionnaire's content note and signposting;
and, on the first page, who will type it in and what happens to the paper. `large_print` sets
everything at least 16 pt with bigger boxes. Each question carries its id in small print, so
the person typing it in (the window's quick data entry) can find it without guessing.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, Paragraph, Spacer, Table, TableStyle

from coprod_check.app.support import own_support
from coprod_check.domain.assessment import Assessment
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.domain.taking_part import (
    content_note,
    evidence_hint,
    glossary,
    question_note,
    small_groups,
    support_text,
    what_this_is,
    who_types_it_in,
)
from coprod_check.i18n import N_, _
from coprod_check.report import fonts
from coprod_check.report.document import PageText, PlanDocument
from coprod_check.report.styles import INK, MUTED, RULE
from coprod_check.report.text import clean, para

DONT_KNOW_LABEL = N_("Don\u2019t know")
NOT_APPLICABLE_LABEL = N_("Not applicable")
RATHER_NOT_LABEL = N_("I\u2019d rather not answer")


@dataclass(frozen=True)
class _Look:
    body: ParagraphStyle
    choice: ParagraphStyle  # beside a tick box: no space after, the table's padding spaces it
    small: ParagraphStyle
    question: ParagraphStyle
    h1: ParagraphStyle
    title: ParagraphStyle
    box: float  # the tick box's side
    note_lines: int
    line_gap: float


def _look(large: bool) -> _Look:
    fonts.register()
    size = 16 if large else 10.5
    lead = size * 1.3
    small = max(10.0, size * 0.85)  # never below 10 pt

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {"fontName": fonts.FAMILY, "fontSize": size, "leading": lead, "textColor": INK}
        return ParagraphStyle(name, **{**base, **kw})

    return _Look(
        body=style("paper-body", spaceAfter=size * 0.5),
        choice=style(
            "paper-choice", spaceAfter=0, fontSize=max(10.0, size * 0.96), leading=max(10.0, size * 0.96) * 1.22
        ),
        small=style("paper-small", fontSize=small, leading=small * 1.3, textColor=MUTED),
        question=style("paper-question", fontName=fonts.BOLD, fontSize=size * 1.1, leading=lead * 1.1, spaceAfter=4),
        h1=style(
            "paper-h1", fontName=fonts.BOLD, fontSize=size * 1.45, leading=lead * 1.4, spaceBefore=8, spaceAfter=6
        ),
        title=style("paper-title", fontName=fonts.BOLD, fontSize=size * 1.9, leading=lead * 1.8, spaceAfter=10),
        box=(10 if large else 6.5) * mm,
        note_lines=4 if large else 2,
        line_gap=(12 if large else 7.5) * mm,
    )


class TickBox(Flowable):
    """An empty square to tick, drawn with a firm line."""

    def __init__(self, side: float):
        super().__init__()
        self.side = side
        self.width = self.height = side

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(1.6)
        self.canv.rect(0, 0, self.side, self.side)


class Lines(Flowable):
    """Ruled lines to write on."""

    def __init__(self, width: float, count: int, gap: float):
        super().__init__()
        self.width = width
        self.count = count
        self.gap = gap
        self.height = count * gap

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.8)
        for i in range(self.count):
            y = i * self.gap
            self.canv.line(0, y, self.width, y)


def _choices(look: _Look, width: float, items: list[tuple[str, str]]) -> Table:
    """A tick box beside each choice: its label in bold and its sentence in full."""
    rows = []
    for label, text in items:
        words = f"<b>{para(label)}</b>" + (f": {para(text)}" if text else "")
        rows.append([TickBox(look.box), Paragraph(words, look.choice)])
    table = Table(rows, colWidths=[look.box + 5 * mm, width - look.box - 5 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def story(assessment: Assessment, q: Questionnaire, width: float, *, large: bool, entered_by: str) -> list[Flowable]:
    """Every flowable of the paper questionnaire."""
    look = _look(large)
    who = entered_by.strip() or _("the person who gave you this form")
    out: list[Flowable] = [NextPageTemplate("body")]
    out.append(Paragraph(para(_("{title}: your answers on paper").format(title=q.title)), look.title))
    out.append(Paragraph(para(what_this_is(assessment, q)), look.body))
    out.append(Paragraph(f"<b>{para(_('Who will type this in, and what happens to it'))}</b>", look.body))
    out.append(Paragraph(para(who_types_it_in(who)), look.body))
    out.append(Paragraph(f"<b>{para(_('How small groups are protected'))}</b>", look.body))
    out.append(Paragraph(para(small_groups(assessment)), look.body))
    out.append(Paragraph(f"<b>{para(_('Before you start'))}</b>", look.body))
    out.append(Paragraph(para(content_note(q)), look.body))
    out.append(Paragraph(f"<b>{para(_('Support'))}</b>", look.body))
    out.append(Paragraph(para(support_text(q, own_support())), look.body))
    out.append(
        Paragraph(
            para(
                _(
                    "Tick one box for each question. \u201cDon\u2019t know\u201d is a useful answer. "
                    "You can leave any question blank."
                )
            ),
            look.body,
        )
    )
    out.append(Paragraph(para(_("About you")), look.h1))
    out.append(Paragraph(para(_("What is your role in this assessment? Tick one.")), look.question))
    out.append(_choices(look, width, [(p.label, p.description) for p in q.perspectives]))
    out.append(Spacer(1, 4 * mm))
    out.append(
        Paragraph(para(_("Do you have lived experience of mental health difficulties? Tick one.")), look.question)
    )
    out.append(_choices(look, width, [(_("Yes"), ""), (_("No"), ""), (_("Prefer not to say"), "")]))
    out.append(Spacer(1, 4 * mm))
    out.append(Paragraph(para(_("Your name (optional: leave it empty to take part without your name)")), look.question))
    out.append(Spacer(1, look.line_gap))
    out.append(Lines(width, 1, look.line_gap))
    number = 0
    for domain in q.domains:
        # The domain's heading travels with its first question, never alone at the foot of a page.
        heading: list[Flowable] = [Paragraph(para(domain.title), look.h1)]
        if domain.description:
            heading.append(Paragraph(para(domain.description), look.body))
        for question in domain.questions:
            number += 1
            block, heading = heading, []
            note = question_note(question)
            if note:
                block.append(Paragraph(para(_("Content note: {note}").format(note=note)), look.small))
            block.append(Paragraph(para(f"{number}. {question.prompt}"), look.question))
            if question.why:
                block.append(Paragraph(para(question.why), look.small))
            hint = evidence_hint(question)
            if hint:
                block.append(Paragraph(para(_("What would show it: {hint}").format(hint=hint)), look.small))
            items = [(x.label, question.levels.get(x.id, x.meaning)) for x in q.levels_for(question)]
            items.append((_(DONT_KNOW_LABEL), ""))
            if question.not_applicable:
                items.append((_(NOT_APPLICABLE_LABEL), ""))
            items.append((_(RATHER_NOT_LABEL), ""))
            block.append(_choices(look, width, items))
            said = _("Note (optional). Question id: {id}").format(id=question.id)
            block.append(Paragraph(para(said), look.small))
            block.append(Spacer(1, look.line_gap * 0.4))
            block.append(Lines(width, look.note_lines, look.line_gap))
            block.append(Spacer(1, 4 * mm))
            out.append(KeepTogether(block))
    words = glossary(q)
    if words:
        out.append(Paragraph(para(_("Words used in the questions")), look.h1))
        out += [Paragraph(f"<b>{para(term)}</b>: {para(meaning)}", look.body) for term, meaning in words]
    out.append(Paragraph(para(_("Thank you")), look.h1))
    out.append(Paragraph(para(_("Please give this form back to {who}.").format(who=who)), look.body))
    return out


def render(
    assessment: Assessment,
    q: Questionnaire,
    *,
    paper: str = "a4",
    large: bool = False,
    entered_by: str = "",
) -> bytes:
    """The paper questionnaire as PDF bytes: the same bytes for the same input and date."""
    try:
        printed = dt.date.fromisoformat(assessment.date)
    except ValueError:
        printed = dt.date.today()
    organisation = clean(assessment.organisation.strip())
    title = clean(_("{title}: your answers on paper").format(title=q.title))
    text = PageText(
        title=title,
        author=organisation,
        subject=clean(_("Questionnaire {id}, version {version}").format(id=q.id, version=q.version)),
        keywords="coprod-check, paper questionnaire",
        creator="coprod-check",
        language=q.language,
        header_left=clean(q.title),
        header_right=organisation,
        footer_right=_("Large print") if large else "",
        footer_line=clean(_("{id} version {version}").format(id=q.id, version=q.version)),
        printed=printed,
    )
    buffer = io.BytesIO()
    doc = PlanDocument(buffer, paper, text)
    doc.build_plan(story(assessment, q, doc.width, large=large, entered_by=entered_by))
    return buffer.getvalue()


def write(path: Path, assessment: Assessment, q: Questionnaire, **options: object) -> None:
    """Write the paper questionnaire atomically to `path`."""
    from coprod_check.app.store import write_atomic

    write_atomic(path, render(assessment, q, **options), backup=False)  # type: ignore[arg-type]
