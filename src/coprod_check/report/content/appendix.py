"""The appendix: everything behind the board paper, in the order a reader checks it.

Its first section's heading is "Appendix" (and a bookmark of that name). Then: results by
domain, every round, last round's plan, who took part (and, for a group, where people see it
differently), the action plan (read by priority, then by care and partnership), the detail
behind every answer and the questions not answered yet (answers.py), how this was worked out, the glossary
(report/glossary.py, when it is there), and the sign-off with the assessment's hash.
"""

from __future__ import annotations

from coprod_check.domain.plan import FIND_OUT_OWNER, GROUP_TITLES, PlannedAction, by_orientation
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE, Question
from coprod_check.domain.result import DomainScore, Result
from coprod_check.domain.trend import Trend
from coprod_check.domain.wording import long_date, whole
from coprod_check.i18n import N_, _, format_list, ngettext
from coprod_check.report.content.model import (
    Block,
    Chart,
    Heading,
    Items,
    Para,
    Run,
    Runs,
    Section,
    Series,
    Table,
    bold,
    runs,
)
from coprod_check.report.content.words import (
    APPENDIX,
    ORIENTATION,
    STATUS,
    domain_title,
    due_text,
    kind_text,
    owner_text,
)
from coprod_check.report.model import Report

DASH = "\u2013"
CLOSED_NOTE = {
    "gap": N_("The gap this was for has since closed."),
    "find-out": N_("The question has since been answered."),
}
FIND_OUT_HOW = N_(
    "Ask the people who would know, including colleagues with lived experience, and look "
    "for evidence rather than assumptions. Then answer the question together."
)


def _fig(value: float | None) -> str:
    n = whole(value)
    return DASH if n is None else str(n)


def opening(report: Report, contents: list[str]) -> Section:
    """The appendix's first page: its heading, and what it holds."""
    return Section(
        "appendix",
        _(APPENDIX),
        (
            Heading(_(APPENDIX), 1),
            Para(
                runs(
                    _(
                        "Everything behind the board paper, for anyone who wants to check it: the figures, "
                        "every answer and the whole action plan."
                    )
                )
            ),
        ),
        new_page=True,
    )


def results(report: Report) -> Section:
    """Results by domain: a chart with "don't know" marked, then the figures in a table."""
    r = report.result
    blocks: list[Block] = [
        Heading(_("Results by domain"), 1),
        Para(
            runs(
                _(
                    "Each domain asks about care (support given to people) and about working with people "
                    "(sharing the work and the decisions), on the same scale from 0 to 100. \u201cDon\u2019t "
                    "know\u201d is never scored as a level: it is counted and marked. Domains are in the "
                    "questionnaire\u2019s order: this is not a ranking."
                )
            )
        ),
    ]
    if report.nothing_answered:
        blocks.append(Para(runs(_("No domain has a score yet, because nothing has been answered."))))
    else:
        sizes: tuple[str, ...] = ()
        if report.is_group:
            n = len(report.source.people)
            size = ngettext("{count} person", "{count} people", n).format(count=n)
            sizes = tuple(size for _d in r.domains)
        alt = _("Care and with by domain. ") + " ".join(
            _("{domain}: care {care}, with {with_}").format(domain=d.title, care=_fig(d.care), with_=_fig(d.with_))
            + (", " + _("{count} \u201cdon\u2019t know\u201d").format(count=d.unknown) if d.unknown else "")
            + "."
            for d in r.domains
        )
        blocks.append(
            Chart(
                "domains",
                _("Care and with by domain"),
                alt,
                categories=tuple(d.title for d in r.domains),
                series=(
                    Series(_("Care: support given"), tuple(d.care for d in r.domains), "square", role="care"),
                    Series(_("With: working with people"), tuple(d.with_ for d in r.domains), "circle", role="with"),
                ),
                unknown=tuple(d.unknown for d in r.domains),
                group_sizes=sizes,
                missing=tuple(_missing(report, d) for d in r.domains),
                height_mm=min(12 + 11 * len(r.domains), 200),
            )
        )
    rows: list[tuple[Runs, ...]] = [
        (
            runs(d.title),
            runs(_fig(d.score)),
            runs(_fig(d.care)),
            runs(_fig(d.with_)),
            runs(_("{count} of {total}").format(count=d.known, total=d.total)),
            runs(str(d.unknown)),
            runs(str(d.not_applicable)),
            runs(str(d.not_answered)),
        )
        for d in r.domains
    ]
    rows.append(
        tuple(
            runs(bold(x))
            for x in (
                _("All domains"),
                _fig(r.overall),
                _fig(r.care),
                _fig(r.with_),
                _("{count} of {total}").format(count=r.known, total=r.total),
                str(r.unknown),
                str(r.not_applicable),
                str(r.not_answered),
            )
        )
    )
    # Not kept together: the table may start under the chart and run on, its header repeated.
    blocks += list(
        (
            Table(
                (
                    _("Domain"),
                    _("Overall"),
                    _("Care"),
                    _("With"),
                    _("With a level"),
                    _("Don\u2019t know"),
                    _("Not applicable"),
                    _("Not answered"),
                ),
                tuple(rows),
                (0.3, 0.09, 0.08, 0.08, 0.11, 0.1, 0.12, 0.12),
                caption=_("Scores and answers by domain"),
                numeric=(False, *([True] * 7)),
                total_rows=1,
                key="domains",
            ),
            Para(
                runs(
                    _(
                        "A dash means there is nothing to score: no answers with a level of that kind, or more "
                        "than half of the answers are \u201cdon\u2019t know\u201d."
                    )
                ),
                "note",
            ),
        )
    )
    blocks.extend(_beside(r))
    return Section("results", _("Results by domain"), tuple(blocks), new_page=True)


def _beside(r: Result) -> list[Block]:
    """Parity's own line, beside care and with, and the count of "I'd rather not answer" (which
    the table has no column for): both only where there is something to say."""
    from coprod_check.domain import headline as h

    out: list[Block] = []
    if "parity" in r.axes:
        out.append(Para(runs(h.axis_sentence(r, "parity"))))
    if r.rather_not:
        out.append(Para(runs(h.counts_sentence(r)), "note"))
    return out


def _missing(report: Report, d: DomainScore) -> tuple[str, str]:
    """What each bar of a domain says when it has no figure (headline.py words it)."""
    from coprod_check.domain.headline import domain_axis_missing

    domain = report.questionnaire.domain(d.id)
    kinds = {x.orientation for x in domain.questions} if domain else {"care", "with"}
    return (
        domain_axis_missing(d, "care", "care" in kinds),
        domain_axis_missing(d, "with", "with" in kinds),
    )


def rounds(report: Report, trend: Trend | None) -> Section | None:
    """Every round by domain, scored again with today's rules, and how answers moved."""
    if trend is None:
        return None
    q = report.questionnaire
    heads = tuple(long_date(r.date, _("undated"), short=True) for r in trend.rounds)
    rows: list[tuple[Runs, ...]] = []
    for i, d in enumerate(report.result.domains):
        cells = [runs(d.title)]
        for r in trend.rounds:
            score = r.result.domains[i].score if r.result is not None and i < len(r.result.domains) else None
            cells.append(runs(_fig(score)))
        rows.append(tuple(cells))
    for label, value in (
        (_("All domains"), lambda r: r.overall),
        (_("Care: support given"), lambda r: r.care),
        (_("With: work done with people"), lambda r: r.with_),
    ):
        rows.append((runs(bold(label)), *(runs(_fig(value(r))) for r in trend.rounds)))
    n = len(heads)
    share = min(0.14, 0.6 / n)
    blocks: list[Block] = [
        Heading(_("Every round"), 1),
        Para(
            runs(
                _(
                    "The score of each domain in every round, each worked out again with today\u2019s rules, so the "
                    "rounds can be compared (last time\u2019s figures in \u201cSince last time\u201d are as they "
                    "were worked out then). A dash means no score: nothing answered, or too little known."
                )
            )
        ),
        Table(
            (_("Domain"), *heads),
            tuple(rows),
            (1 - share * n, *([share] * n)),
            caption=_("Score by domain, round by round"),
            numeric=(False, *([True] * n)),
            total_rows=3,
            key="rounds-by-domain",
        ),
    ]
    for _at, text in trend.breaks:
        blocks.append(Para(runs(bold(_("A break in meaning. ")), text)))
    for kind, title in (
        ("found-out", _("Found out since the last round (a \u201cdon\u2019t know\u201d now answered)")),
        ("improved", _("Improved since the last round")),
        ("fell", _("Fell since the last round")),
        ("now-unknown", _("Now \u201cdon\u2019t know\u201d")),
    ):
        moved = trend.of_kind(kind)
        if not moved:
            continue
        items = []
        for m in moved:
            question = q.question(m.question_id)
            if question is None:
                continue
            items.append(
                runs(
                    question.prompt,
                    f" ({_level(report, question, m.before)} \u2192 {_level(report, question, m.after)})",
                )
            )
        blocks += [Heading(title, 2), Items(tuple(items))]
    return Section("rounds", _("Every round"), tuple(blocks), new_page=True)


def _level(report: Report, question: Question, choice: str | None) -> str:
    if choice is None:
        return _("not answered")
    if choice == DONT_KNOW:
        return _("don\u2019t know")
    if choice == NOT_APPLICABLE:
        return _("not applicable")
    level = report.questionnaire.level(choice, question)
    return level.label if level else choice


def action_plan(report: Report, find_out_unanswered: bool = False) -> Section:
    """The whole plan by priority, each action with its domain and kind; then the same actions
    read the other way, by care and partnership."""
    q = report.questionnaire
    intro = _(
        "Actions come from the answers: each gap gets the step that moves it up one level, and each "
        "\u201cdon\u2019t know\u201d becomes something to find out. Each says its domain and whether it "
        "builds care or partnership. An owner the team has not yet agreed is shown as a suggestion."
    )
    if report.set_aside:
        intro += " " + ngettext(
            "The team set aside {count} suggested action, not printed.",
            "The team set aside {count} suggested actions, not printed.",
            report.set_aside,
        ).format(count=report.set_aside)
    blocks: list[Block] = [Heading(_("The action plan"), 1), Para(runs(intro))]
    empty = [_(GROUP_TITLES[g]) for g, actions in report.groups.items() if not actions]
    for group, actions in report.groups.items():
        if actions:
            title = _("{group} ({count})").format(group=_(GROUP_TITLES[group]), count=len(actions))
            blocks += [Heading(title, 2), _actions_table(report, actions, f"actions-{group}")]
    if empty:  # said once, not a heading each
        blocks.append(Para(runs(_("Nothing in: {groups}.").format(groups=format_list(empty))), "note"))
    if find_out_unanswered and report.unanswered:
        rows = tuple(
            (runs(bold(_("Find out: ")), x.prompt), runs(x.find_out or _(FIND_OUT_HOW)), runs(FIND_OUT_OWNER))
            for x in report.unanswered
        )
        blocks += [
            Heading(_("Still to answer ({count})").format(count=len(report.unanswered)), 2),
            Table((_("Find out"), _("How"), _("Owner")), rows, (0.42, 0.42, 0.16), key="actions-unanswered"),
        ]
    either = by_orientation(report.accepted)
    blocks += [
        Heading(_("The same actions, by care and partnership"), 2),
        Para(
            runs(
                _(
                    "Care is support given to people: necessary and good, but not partnership. Partnership is work "
                    "done with people, sharing decisions. Read this way, the plan shows which the organisation "
                    "is building."
                )
            )
        ),
    ]
    kinds = tuple((k, _(ORIENTATION[k])) for k in ("with", "care", "parity"))
    for key, title in (*kinds, ("", _("Not placed"))):
        acts = either[key]
        if not acts and key in ("", "parity"):  # parity only where the questionnaire asks about it
            continue
        if len(report.accepted) <= 10:  # a short plan: a line of titles for each kind
            listed = "; ".join(a.title for a in acts) if acts else _("none yet")
            blocks.append(Para(runs(bold(_("{kind} ({count}): ").format(kind=title, count=len(acts))), listed)))
            continue
        blocks.append(Heading(_("{kind} ({count})").format(kind=title, count=len(acts)), 3, bookmark=False))
        if not acts:
            blocks.append(Para(runs(_("None yet."))))
            continue
        rows = tuple(
            (runs(a.title), runs(domain_title(q, a)), runs(_(GROUP_LABEL.get(a.group, a.group)))) for a in acts
        )
        blocks.append(
            Table((_("Action"), _("Domain"), _("When")), rows, (0.56, 0.26, 0.18), key=f"by-kind-{key or 'none'}")
        )
    return Section("actions", _("The action plan"), tuple(blocks), new_page=True)


GROUP_LABEL = {**GROUP_TITLES, "critical": N_("Critical")}
#: Shares of the width for Action, Domain and kind, Owner, Due and Status: Due is wide enough
#: for "No date yet" and Status for "Not started" and "In progress", each on one line, on A4
#: and US Letter.
ACTION_COLUMNS = (0.34, 0.19, 0.17, 0.15, 0.15)


def _actions_table(report: Report, actions: list[PlannedAction], key: str) -> Table:
    """One row per action (title, domain and kind, owner, due, status), its how and why on the
    full width under it."""
    q = report.questionnaire
    rows, details = [], []
    for a in actions:
        more: list[str | Run] = []
        if a.how.strip():
            more += [bold(_("How: ")), a.how]
        if a.why.strip():
            more += ["\n" if more else "", bold(_("Why: ")), a.why]
        if a.unknown:
            more += [
                "\n" if more else "",
                _("The answer is now \u201cdon\u2019t know\u201d: this waits until it is known."),
            ]
        elif a.closed:
            more += ["\n" if more else "", _(CLOSED_NOTE.get(a.kind, CLOSED_NOTE["gap"]))]
        rows.append(
            (
                runs(bold(a.title)),
                runs(domain_title(q, a), "\n", kind_text(a)),
                runs(owner_text(a)),
                runs(due_text(a)),
                runs(_(STATUS.get(a.status, a.status))),
            )
        )
        details.append(runs(*more))
    return Table(
        (_("Action"), _("Domain and kind"), _("Owner"), _("Due"), _("Status")),
        tuple(rows),
        ACTION_COLUMNS,
        key=key,
        details=tuple(details),
    )


def sign_off(report: Report, hash_line: str) -> Section:
    """Lines for the board to sign, then the one place the assessment's hash is printed (on a
    line of its own, so it is never broken)."""
    fingerprint = (Para(runs(bold(_("SHA-256: ")), report.sha256), "fingerprint"),) if report.sha256 else ()
    return Section(
        "sign-off",
        _("Sign-off"),
        (
            Heading(_("Sign-off"), 1),
            Para(runs(_("Signed for the board when it has agreed this plan and its decisions."))),
            Table(
                (_("Name"), _("Role"), _("Date")),
                tuple((runs(""), runs(""), runs("")) for _row in range(2)),  # the chair and the executive lead
                (0.42, 0.38, 0.2),
                key="sign-off",
            ),
            Para(runs(hash_line), "note"),
            *fingerprint,
        ),
        new_page=False,
    )
