"""Detail by domain: every question, the level chosen and what it means, the
note (unless private) and the evidence."""

from __future__ import annotations

from reportlab.platypus import Flowable

from coprod_check.domain.group import partly_known
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE, Question
from coprod_check.i18n import _
from coprod_check.report.blocks import p, t
from coprod_check.report.chunks import paragraphs
from coprod_check.report.document import bookmark
from coprod_check.report.model import Report
from coprod_check.report.styles import Styles

TITLE = _("Detail by domain")
KIND = {"care": _("a care question"), "with": _("a \u201cwith\u201d question")}


def story(report: Report, styles: Styles, width: float) -> list[Flowable]:
    """The detail section's flowables."""
    private = (
        _("Private notes are printed, because the team chose to include them.")
        if report.include_private
        else _("Private notes are not printed.")
    )
    out: list[Flowable] = [
        bookmark(p(TITLE, "h1", styles), TITLE),
        p(
            _(
                "Every question, the answer chosen and what that level means, with the team\u2019s notes and "
                "evidence. {private}"
            ).format(private=private),
            "body",
            styles,
        ),
    ]
    # A group's "don't know" where one or two people did give a level: not "nobody knew".
    partly = partly_known(report.questionnaire, report.source) if report.is_group else frozenset()
    for domain in report.questionnaire.domains:
        out.append(bookmark(p(t(domain.title), "h2", styles), domain.title, level=1))
        if domain.description.strip():
            out.append(p(t(domain.description), "note", styles))
        for q in domain.questions:
            out += _question(report, q, styles, q.id in partly)
    return out


def _question(report: Report, q: Question, styles: Styles, partly_known: bool = False) -> list[Flowable]:
    questionnaire = report.questionnaire
    answer = report.assessment.answer(q.id)
    facts = [KIND.get(q.orientation, q.orientation), f"weight {q.weight:g}"]
    if q.critical is not None:
        below = questionnaire.level(q.critical.below, q)
        facts.append(
            _("critical: below \u201c{value}\u201d holds the stage at \u201c{title}\u201d").format(
                value=below.label if below else q.critical.below, title=questionnaire.stage(q.critical.cap).title
            )
        )
    out: list[Flowable] = [p(t(q.prompt), "h3", styles), p(t(_("This is ") + "; ".join(facts) + "."), "note", styles)]
    choice = answer.choice
    level = questionnaire.level(choice, q) if choice else None
    if level is not None:
        sentence = q.levels.get(level.id, level.meaning)
        out.append(
            p(_("<b>Answer: {text}.</b> {text2}").format(text=t(level.label), text2=t(sentence)), "body", styles)
        )
    elif choice == DONT_KNOW:
        who = _("Not enough of the people taking part knew") if partly_known else _("Nobody taking part knew")
        out.append(
            p(
                _("<b>Answer: don\u2019t know.</b> {who}. This is now a find-out action.").format(who=who),
                "body",
                styles,
            )
        )
    elif choice == NOT_APPLICABLE:
        out.append(p(_("<b>Answer: not applicable</b> here, so it is left out of the scores."), "body", styles))
    elif choice:
        out.append(
            p(
                _(
                    "<b>Answer: \u201c{text}\u201d</b>, which is not on this questionnaire\u2019s "
                    "scale, so it is not counted."
                ).format(text=t(choice)),
                "body",
                styles,
            )
        )
    else:
        out.append(p(_("<b>Not answered yet.</b>"), "body", styles))
    agreed = report.source.agreed.get(q.id) if report.is_group else None
    if agreed is not None and level is not None and level.id == agreed.level:
        # The group's own reason; each person's notes stay in the file.
        reason = f": {t(agreed.reason)}" if agreed.reason.strip() else "."
        out += paragraphs(_("<b>Agreed by the group</b>{reason}").format(reason=reason), styles.quote)
    note = report.note_of(answer)
    if note.strip():
        label = _("Private note (printed at the team\u2019s request)") if answer.note_private else _("Note")
        out += paragraphs(f"<b>{label}:</b> {t(note)}", styles.quote)
    if answer.evidence.strip():
        out += paragraphs(f"<b>Evidence:</b> {t(answer.evidence)}", styles.quote)
    return out
