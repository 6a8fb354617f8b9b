"""The board paper: at most four pages, the NHS cover-sheet convention first.

Page by page (the PDF starts each on a new page; a page may have room to spare):
1. cover sheet: title, meeting and date, purpose, executive lead and author, the assurance
   level, the decisions asked (each with a date) and the summary;
2. the assurance level with its basis, the top risks if nothing changes, the trend;
3. in our words: the statement of colleagues with lived experience, verbatim;
4. the top five actions, critical first, with owner, date and status.
"""

from __future__ import annotations

import datetime as dt

from coprod_check.domain import board as b
from coprod_check.domain import headline as h
from coprod_check.domain.assessment import BoardFields, Statement
from coprod_check.domain.headline import grid
from coprod_check.domain.trend import Trend, moves_sentence, snapshot_sentence, suppression_sentence
from coprod_check.domain.wording import long_date, whole
from coprod_check.i18n import _, ngettext
from coprod_check.report import findings
from coprod_check.report.changes import since_summary
from coprod_check.report.content.appendix import ACTION_COLUMNS
from coprod_check.report.content.model import (
    Block,
    Chart,
    Fields,
    Heading,
    Items,
    Keep,
    Para,
    Quote,
    Runs,
    Section,
    Series,
    Table,
    bold,
    runs,
)
from coprod_check.report.content.unknowns import revealed
from coprod_check.report.content.words import (
    NOT_NAMED,
    NOT_SET,
    PURPOSE_LABELS,
    STATUS,
    domain_title,
    due_text,
    kind_text,
    owner_text,
)
from coprod_check.report.model import Report, count_text, lived_experience_counts, role_counts

TOP_ACTIONS = 5


def start_date(report: Report, fields: BoardFields) -> dt.date:
    """The day the decisions' dates count from: the meeting's, else the day it is printed."""
    if fields.meeting_date:
        try:
            return dt.date.fromisoformat(fields.meeting_date)
        except ValueError:
            pass
    return report.today


def sections(report: Report, fields: BoardFields, trend: Trend | None, brief: int = 0) -> tuple[Section, ...]:
    """The board paper's sections, in order; `brief` 1 or 2 says less (see build_paper)."""
    return (
        cover(report, fields, brief),
        assurance_and_risks(report, trend, brief),
        in_our_words(report, brief),
        top_actions(report),
    )


# -- page 1 -------------------------------------------------------------------------------


def cover(report: Report, fields: BoardFields, brief: int = 0) -> Section:
    """Title, the cover-sheet fields, the decisions asked and the summary."""
    a, q, r = report.source, report.questionnaire, report.result
    organisation = " ".join(a.organisation.split()) or _("Organisation not recorded")
    assurance = _assurance(report)
    rows: list[tuple[str, Runs]] = []
    missing: set[str] = set()

    def field(label: str, value: str, gap: str) -> None:
        if value.strip():
            rows.append((label, runs(value)))
        else:
            rows.append((label, runs(gap)))
            missing.add(label)

    field(_("Meeting"), fields.meeting, _(NOT_NAMED))
    field(_("Date of the meeting"), long_date(fields.meeting_date, "") if fields.meeting_date else "", _(NOT_SET))
    field(_("Purpose"), _(PURPOSE_LABELS[fields.purpose]) if fields.purpose in PURPOSE_LABELS else "", _(NOT_SET))
    field(_("Executive lead"), fields.executive_lead, _(NOT_NAMED))
    field(_("Report author"), fields.author, _(NOT_NAMED))
    rows.append(
        (
            _("Assessment"),
            runs(
                _("{date}, {questionnaire} (version {version})").format(
                    date=long_date(a.date, _("undated")), questionnaire=q.title, version=q.version
                )
            ),
        )
    )
    rows.append((_("Assurance level"), runs(bold(assurance.title))))
    blocks: list[Block] = [
        Heading(_("Co-production readiness: board paper"), 1),
        Para(
            runs(bold(organisation)) + (runs(f" \u2013 {' '.join(a.team.split())}") if a.team.strip() else ()), "lead"
        ),
        Fields(tuple(rows), frozenset(missing)),
        Heading(_("Decisions asked of the board"), 2),
        Items(
            tuple(runs(d.text) for d in b.decisions(q, a, r, report.accepted, start_date(report, fields))),
            numbered=True,
        ),
        Heading(_("Summary"), 2),
        *_summary(report, brief),
    ]
    return Section("cover", _("Cover sheet"), tuple(blocks))


def _summary(report: Report, brief: int = 0) -> list[Block]:
    r, q = report.result, report.questionnaire
    if report.nothing_answered:
        return [Para(runs(_("Nothing has been answered yet, so there is no stage, score or place to report.")))]
    out: list[Block] = [
        Para(
            runs(
                _("Readiness stage: "),
                bold(h.stage_title(r)),
                ". ",
                (r.stage.description if r.stage else h.stage_missing(r)),
            )
        ),
        Para(runs(_("Where this puts you: "), bold(h.place_title(r)), ". ", h.place_sentence(q, r))),
        Para(runs("\n".join(h.axis_brief(r, axis) for axis in h.facets(r)))),  # parity too, where asked
    ]
    if warning := h.burn_out_warning(q, r):
        out.append(Para(runs(bold(warning)), "warning"))
    lines = h.views_lines(r)  # never left out: the view of lived experience is never outvoted
    if lines and (gap := findings.largest_gap(report)):
        lines.append(gap)
    if lines:
        out.append(Para(runs(bold(_("With and without lived experience. ")), " ".join(lines))))
    out.append(Para(runs(h.counts_sentence(r)), "note"))
    if report.source.people and not any(p.lived_experience == "yes" for p in report.source.people):
        out.append(
            Para(
                runs(
                    bold(_("Nobody who took part said they had lived experience.")),
                    _(
                        " That is a finding in itself: the answers may describe the organisation as it looks from one "
                        "side only."
                    ),
                ),
                "warning",
            )
        )
    return out


# -- page 2 -------------------------------------------------------------------------------


def _assurance(report: Report) -> b.Assurance:
    return b.assurance(report.questionnaire, report.source, report.assessment, report.result)


def assurance_and_risks(report: Report, trend: Trend | None, brief: int = 0) -> Section:
    """The assurance level with its basis, the top risks, and the trend since earlier rounds."""
    a = _assurance(report)
    basis: list[tuple[Runs, ...]] = []
    total = len(report.source.people)
    basis.append((runs(_("People who took part")), runs(_who(report) if total else _("Not recorded"))))
    if brief:  # each group on one line
        basis.append(
            (runs(_("\u2003by role")), runs("; ".join(f"{x}: {count_text(n, report)}" for x, n in role_counts(report))))
        )
        basis.append(
            (
                runs(_("\u2003by lived experience")),
                runs("; ".join(f"{x}: {count_text(n, report)}" for x, n in lived_experience_counts(report))),
            )
        )
    else:
        for label, n in role_counts(report):
            basis.append((runs("\u2003" + _("by role: {role}").format(role=label)), runs(count_text(n, report))))
        for label, n in lived_experience_counts(report):
            basis.append((runs(f"\u2003{label}"), runs(count_text(n, report))))
    basis.append(
        (runs(_("Answered")), runs(_("{answered} of {total} questions").format(answered=a.answered, total=a.total)))
    )
    hidden = any(n is None for part in ("roles", "lived_experience") for n in report.took_part[part].values())
    basis.append(
        (
            runs(_("Backed by evidence")),
            runs(
                _("{share}% ({evidenced} of {total} answers with a level)").format(
                    share=a.evidence_share, evidenced=a.with_evidence, total=a.with_level
                )
            ),
        )
    )
    basis.append(
        (
            runs(_("Unknown (\u201cdon\u2019t know\u201d)")),
            runs(_("{share}% ({unknown} of {total})").format(share=a.unknown_share, unknown=a.unknown, total=a.total)),
        )
    )
    blocks: list[Block] = [
        Heading(_("Assurance"), 1),
        Para(runs(_("Assurance level: "), bold(a.title), ". ", _assurance_meaning(a.level))),
        Keep(
            (
                Table(
                    (_("The basis"), _("Figure")),
                    tuple(basis),
                    (0.62, 0.38),
                    caption=_("Who took part, by group, and how much of the result rests on evidence"),
                    key="assurance-basis",
                ),
                *(
                    [
                        Para(
                            runs(
                                _(
                                    "Small numbers: where fewer than {min} people are in a group, the number is not "
                                    "shown, and neither is the next smallest, so nobody can be identified."
                                ).format(min=report.min_group_size)
                            ),
                            "note",
                        )
                    ]
                    if hidden
                    else []
                ),
            )
        ),
    ]
    if a.reasons:
        blocks += [Para(runs(bold(_("Why it is not higher:")))), Items(tuple(runs(x) for x in a.reasons))]
    blocks.append(Heading(_("Top risks if nothing changes"), 2))
    risks = b.risks(report.questionnaire, report.source, report.result, most=(4, 3, 2)[brief])
    if risks:
        blocks += [
            Para(runs(b.risks_lead(report.result))),
            Items(tuple(runs(x.text) for x in risks)),
        ]
    else:
        blocks.append(
            Para(runs(_("No critical answer and no unmet stage requirement holds the stage back at present.")))
        )
    blocks += revealed(report, most=(3, 2, 1)[brief])
    blocks += trend_blocks(report, trend, brief)
    return Section("assurance", _("Assurance, risks and trend"), tuple(blocks), new_page=True)


def _who(report: Report) -> str:
    total = len(report.source.people)
    if report.is_group:
        return ngettext(
            "{count} person, answering on their own",
            "{count} people, answering on their own, their answers combined",
            total,
        ).format(count=total)
    if total > 1:
        return _("{count} people, answering together").format(count=total)
    return ngettext("{count} person", "{count} people", total).format(count=total)


def _assurance_meaning(level: str) -> str:
    return {
        "Substantial": _(
            "The answers are complete, mostly backed by evidence, and colleagues with lived experience took part."
        ),
        "Reasonable": _("The board can rely on most of these answers, with the gaps below in mind."),
        "Limited": _(
            "Read these answers as a starting point: too much rests on belief rather than evidence, or is not known."
        ),
        "No assurance yet": _("The board cannot yet rely on these answers."),
    }[level]


def trend_blocks(report: Report, trend: Trend | None, brief: int = 0) -> list[Block]:
    """The trend across every round: a small chart and a table, found out apart from improved."""
    out: list[Block] = [Heading(_("Trend since earlier rounds"), 2)]
    if trend is None:
        out.append(Para(runs(_("This is the first assessment, so there is no trend yet."))))
        return out
    if report.comparison is not None:
        out.append(Para(runs(bold(_("Since the last assessment. ")), since_summary(report))))
    labels = tuple(long_date(r.date, _("undated"), short=True) for r in trend.rounds)
    with_ = tuple(r.with_ for r in trend.rounds)
    care = tuple(r.care for r in trend.rounds)
    lived = tuple(r.lived_with for r in trend.rounds)
    series = [
        Series(_("With (working with people)"), with_, "circle", role="with"),
        Series(_("Care (support given)"), care, "square", dash=True, role="care"),
    ]
    if any(x is not None for x in lived):
        series.append(Series(_("With, colleagues with lived experience"), lived, "triangle", role="lived-experience"))
    alt = _("Trend across rounds. ") + " ".join(
        _("{round}: with {with_}, care {care}, stage {stage}.").format(
            round=label, with_=_fig(r.with_), care=_fig(r.care), stage=r.stage or _("not yet known")
        )
        for label, r in zip(labels, trend.rounds, strict=True)
    )
    out.append(
        Chart(
            "trend",
            _("With and care, round by round"),
            alt,
            categories=labels,
            series=tuple(series),
            breaks=tuple(i for i, _text in trend.breaks),
            width_share=0.6,
            height_mm=(42, 36, 30)[brief],
        )
    )
    rows = []
    for label, r in zip(labels, trend.rounds, strict=True):
        rows.append(
            (
                runs(label),
                runs(r.stage or _("Not yet known")),
                runs(_fig(r.with_)),
                runs(_fig(r.care)),
                runs(_fig(r.lived_with) if r.lived is not None else "\u2013"),
                runs(str(r.people) if r.people is not None else "\u2013"),
            )
        )
    out.append(
        Keep(
            (
                Table(
                    (_("Round"), _("Stage"), _("With"), _("Care"), _("With: lived experience"), _("People")),
                    tuple(rows),
                    (0.16, 0.3, 0.1, 0.1, 0.22, 0.12),
                    caption=_("Every round scored with today\u2019s rules"),
                    numeric=(False, False, True, True, True, True),
                    key="trend",
                ),
            )
        )
    )
    notes = [moves_sentence(trend)] if trend.moves else []
    notes += [text for _at, text in trend.breaks]
    notes.append(snapshot_sentence(trend))
    if s := suppression_sentence(trend, report.min_group_size):
        notes.append(s)
    out += [Para(runs(x), "note") for x in notes if x]
    return out


def _fig(value: float | None) -> str:
    n = whole(value)
    return "\u2013" if n is None else str(n)


# -- page 3 -------------------------------------------------------------------------------


def statements(report: Report) -> list[Statement]:
    """The statements of colleagues with lived experience, in the order they came: a group's
    from their own response files, a team's from its file."""
    a = report.source
    found = [r.statement for r in a.responses if r.statement is not None and r.participant.lived_experience == "yes"]
    if a.statement is not None:
        found.insert(0, a.statement)
    return [s for s in found if s.text.strip()]


def in_our_words(report: Report, brief: int = 0) -> Section:
    """The statement of the colleagues with lived experience who took part, verbatim."""
    blocks: list[Block] = [Heading(_("In our words: colleagues with lived experience"), 1)]
    found = statements(report)
    if not found:
        blocks.append(
            Para(
                runs(
                    _(
                        "No statement was given. Colleagues with lived experience who take part can give a short "
                        "statement of their own in their response; it is printed here in their words, unchanged."
                    )
                )
            )
        )
    else:
        blocks.append(
            Para(
                runs(
                    _("In their own words, as they gave them: nobody else has changed them."),
                ),
                "note",
            )
        )
        lang = report.questionnaire.language
        for s in found:
            by = ", ".join(
                x for x in (s.by.strip() if report.include_names or s.by else "", long_date(s.date, "")) if x
            )
            blocks.append(Quote(s.text, by, lang if lang else ""))
    r, q = report.result, report.questionnaire
    if r.care is not None and r.with_ is not None and not brief:  # the summary says where, in words, too
        points: list[tuple[str, float, float]] = [("all", r.care, r.with_)]
        side = r.views.lived_experience.result if r.views is not None else None
        if side is not None and side.care is not None and side.with_ is not None:
            points.append(("lived-experience", side.care, side.with_))
        alt = _("Care across, with up. The organisation: care {care}, with {with_}: {place}.").format(
            care=_fig(r.care), with_=_fig(r.with_), place=h.place_title(r)
        )
        if len(points) > 1:
            alt += " " + _("Colleagues with lived experience: care {care}, with {with_}.").format(
                care=_fig(points[1][1]), with_=_fig(points[1][2])
            )
        blocks += [
            Heading(_("Care and working with people"), 2),
            Chart(
                "quadrant",
                _("Care and with, and where they put the organisation"),
                alt,
                points=tuple(points),
                place=h.place_title(r),
                cells=tuple(grid(q)),
                current=r.quadrant.id if r.quadrant else "",
                width_share=0.45,
                height_mm=60,
            ),
            Para(runs(h.place_sentence(q, r)), "note"),
        ]
    return Section("in-our-words", _("In our words"), tuple(blocks), new_page=True)


# -- page 4 -------------------------------------------------------------------------------


def top_actions(report: Report) -> Section:
    """The top five actions, critical first, with owner, date and status; the undated counted."""
    accepted = report.accepted
    chosen = accepted[:TOP_ACTIONS]
    blocks: list[Block] = [Heading(_("The top five actions"), 1)]
    if not chosen:
        blocks.append(Para(runs(_("There are no actions yet."))))
    else:
        rows = tuple(
            (
                runs(bold(a.title)),
                runs(domain_title(report.questionnaire, a), "\n", kind_text(a)),
                runs(owner_text(a)),
                runs(due_text(a)),
                runs(_(STATUS.get(a.status, a.status))),
            )
            for a in chosen
        )
        blocks.append(
            Table(
                (_("Action"), _("Domain and kind"), _("Owner"), _("Due"), _("Status")),
                rows,
                ACTION_COLUMNS,
                caption=_("The five actions to start with, critical first"),
                key="top-actions",
            )
        )
    blocks += [Para(runs(bold(b.undated_sentence(accepted))))]
    if owners := b.owners_sentence(accepted):
        blocks.append(Para(runs(owners)))
    if len(accepted) > len(chosen):
        blocks.append(
            Para(
                runs(
                    ngettext(
                        "The other {count} action is in the appendix.",
                        "The other {count} actions are in the appendix.",
                        len(accepted) - len(chosen),
                    ).format(count=len(accepted) - len(chosen))
                ),
                "note",
            )
        )
    return Section("top-actions", _("The top five actions"), tuple(blocks), new_page=True)
