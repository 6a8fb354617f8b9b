"""The appendix's sections about each question: the detail behind every answer, and the
questions not answered yet, one line each. Part of the appendix (appendix.py has the rest)."""

from __future__ import annotations

from coprod_check.domain.group import partly_known
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE, Question
from coprod_check.i18n import N_, _
from coprod_check.report.content.model import Block, Heading, Keep, Para, Run, Section, Table, bold, runs
from coprod_check.report.model import Report

KIND = {
    "care": N_("a care question"),
    "with": N_("a \u201cwith\u201d question"),
    "parity": N_("a parity question"),
}


def detail(report: Report) -> Section:
    """Every answered question with its answer, note (unless private) and evidence; each
    question kept on one page with its answer."""
    q = report.questionnaire
    private = (
        _("Private notes are printed, because the team chose to include them.")
        if report.include_private
        else _("Private notes are not printed.")
    )
    blocks: list[Block] = [
        Heading(_("The detail behind every answer"), 1),
        Para(
            runs(
                _("Every question answered, the answer and what that level means, with notes and evidence."),
                " ",
                private,
            )
        ),
    ]
    partly = partly_known(q, report.source) if report.is_group else frozenset()
    for domain in q.domains:
        answered = [x for x in domain.questions if report.assessment.answer(x.id).choice]
        if not answered:
            continue
        blocks.append(Heading(domain.title, 2))
        for x in answered:
            blocks.append(Keep(tuple(_question(report, x, x.id in partly))))
    if len(blocks) == 2:
        blocks.append(Para(runs(_("No question has an answer yet."))))
    return Section("detail", _("The detail behind every answer"), tuple(blocks), new_page=True)


def _question(report: Report, x: Question, partly: bool) -> list[Block]:
    q = report.questionnaire
    answer = report.assessment.answer(x.id)
    facts = [_(KIND.get(x.orientation, x.orientation))]
    if x.critical is not None:
        below = q.level(x.critical.below, x)
        facts.append(
            _("critical: below \u201c{below}\u201d holds the stage at \u201c{stage}\u201d").format(
                below=below.label if below else x.critical.below, stage=q.stage(x.critical.cap).title
            )
        )
    out: list[Block] = [
        Heading(x.prompt, 3, bookmark=False),
        Para(runs(_("This is {facts}.").format(facts="; ".join(facts))), "note"),
    ]
    choice = answer.choice
    level = q.level(choice, x) if choice else None
    if level is not None:
        out.append(
            Para(runs(bold(_("Answer: {level}. ").format(level=level.label)), x.levels.get(level.id, level.meaning)))
        )
    elif choice == DONT_KNOW:
        who = _("Not enough of the people taking part knew") if partly else _("Nobody taking part knew")
        out.append(
            Para(runs(bold(_("Answer: don\u2019t know. ")), _("{who}. This is now a find-out action.").format(who=who)))
        )
    elif choice == NOT_APPLICABLE:
        out.append(Para(runs(bold(_("Answer: not applicable")), _(" here, so it is left out of the scores."))))
    else:
        out.append(
            Para(
                runs(
                    bold(_("Answer: \u201c{choice}\u201d").format(choice=choice)),
                    _(", which is not on this questionnaire\u2019s scale."),
                )
            )
        )
    agreed = report.source.agreed.get(x.id) if report.is_group else None
    if agreed is not None and level is not None and level.id == agreed.level:
        out.append(Para(runs(bold(_("Agreed by the group")), f": {agreed.reason}" if agreed.reason.strip() else ".")))
    note = report.note_of(answer)
    if note.strip():
        label = _("Private note (printed at the team\u2019s request): ") if answer.note_private else _("Note: ")
        out.append(Para(runs(bold(label), note)))
    if answer.evidence.strip():
        out.append(Para(runs(bold(_("Evidence: ")), answer.evidence)))
    return out


def not_answered(report: Report) -> Section | None:
    """The questions nobody has answered yet, one line each."""
    if not report.unanswered:
        return None
    from coprod_check.report.text import one_line

    q = report.questionnaire
    groups: list[tuple[str, list[str]]] = []
    for domain in q.domains:
        lines = ["\u2013 " + one_line(x.prompt, 44) for x in domain.questions if x in report.unanswered]
        if lines:  # one line each, set close: the question's full wording is in the questionnaire
            groups.append((domain.title, lines))
    by_domain: list[Block] = []
    total = sum(1 + len(lines) for _title, lines in groups)
    if total <= 16:
        by_domain = [Para(runs(bold(title), "\n", "\n".join(lines)), "note") for title, lines in groups]
    else:  # a long list in two columns, each domain whole in one of them
        columns: list[list[Run | str]] = [[], []]
        used = 0
        for title, lines in groups:
            side = 0 if used < total / 2 else 1
            if columns[side]:
                columns[side].append("\n")
            columns[side] += [bold(title), "\n", "\n".join(lines)]
            used += 1 + len(lines)
        by_domain = [
            Table(
                (_("Not answered yet"), _("Not answered yet (continued)")),
                ((runs(*columns[0]), runs(*columns[1])),),
                (0.5, 0.5),
                key="not-answered",
            )
        ]
    return Section(
        "not-answered",
        _("Not answered yet"),
        (
            Heading(_("Not answered yet ({count})").format(count=len(report.unanswered)), 1),
            Para(
                runs(
                    _(
                        "These questions have no answer yet, so they bring no action. Answering them, with colleagues "
                        "who have lived experience, will bring their own actions."
                    )
                )
            ),
            *by_domain,
        ),
        new_page=len(report.unanswered) > 15,
    )
