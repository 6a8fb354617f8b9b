"""The appendix: everything behind the board paper, in the order a reader checks it.

Its first section's heading is "Appendix" (and a bookmark of that name). Then: results by
domain, every round, last round's plan, who took part (and, for a group, where people see it
differently), the action plan (read by priority, then by care and partnership), the detail
behind every answer, the questions not answered yet, how this was worked out, the glossary
(report/glossary.py, when it is there), and the sign-off with the assessment's hash.
"""

from __future__ import annotations

from coprod_check.domain.group import partly_known
from coprod_check.domain.plan import FIND_OUT_OWNER, GROUP_TITLES, PlannedAction, by_orientation
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE, Question
from coprod_check.domain.trend import Trend
from coprod_check.domain.wording import long_date, plural, whole
from coprod_check.report.content.model import (
    Block,
    Chart,
    Heading,
    Items,
    Keep,
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
CLOSED_NOTE = {"gap": "The gap this was for has since closed.", "find-out": "The question has since been answered."}
FIND_OUT_HOW = (
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
        APPENDIX,
        (
            Heading(APPENDIX, 1),
            Para(
                runs(
                    "Everything behind the board paper, for anyone who wants to check it: the figures, "
                    "every answer and the whole action plan."
                )
            ),
            Items(tuple(runs(x) for x in contents)),
        ),
        new_page=True,
    )


def results(report: Report) -> Section:
    """Results by domain: a chart with "don't know" marked, then the figures in a table."""
    r = report.result
    blocks: list[Block] = [
        Heading("Results by domain", 1),
        Para(
            runs(
                "Each domain asks about care (support given to people) and about working with people "
                "(sharing the work and the decisions), on the same scale from 0 to 100. \u201cDon\u2019t "
                "know\u201d is never scored as a level: it is counted and marked. Domains are in the "
                "questionnaire\u2019s order: this is not a ranking."
            )
        ),
    ]
    if report.nothing_answered:
        blocks.append(Para(runs("No domain has a score yet, because nothing has been answered.")))
    else:
        sizes: tuple[str, ...] = ()
        if report.is_group:
            n = len(report.source.people)
            sizes = tuple(plural(n, "person", "people") for _ in r.domains)
        alt = "Care and with by domain. " + " ".join(
            f"{d.title}: care {_fig(d.care)}, with {_fig(d.with_)}"
            + (f", {d.unknown} \u201cdon\u2019t know\u201d" if d.unknown else "")
            + "."
            for d in r.domains
        )
        blocks.append(
            Chart(
                "domains",
                "Care and with by domain",
                alt,
                categories=tuple(d.title for d in r.domains),
                series=(
                    Series("Care: support given", tuple(d.care for d in r.domains), "square", role="care"),
                    Series("With: working with people", tuple(d.with_ for d in r.domains), "circle", role="with"),
                ),
                unknown=tuple(d.unknown for d in r.domains),
                group_sizes=sizes,
                height_mm=min(12 + 11 * len(r.domains), 200),
            )
        )
    rows: list[tuple[Runs, ...]] = [
        (
            runs(d.title),
            runs(_fig(d.score)),
            runs(_fig(d.care)),
            runs(_fig(d.with_)),
            runs(f"{d.known} of {d.total}"),
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
                "All domains",
                _fig(r.overall),
                _fig(r.care),
                _fig(r.with_),
                f"{r.known} of {r.total}",
                str(r.unknown),
                str(r.not_applicable),
                str(r.not_answered),
            )
        )
    )
    blocks.append(
        Keep(
            (
                Table(
                    (
                        "Domain",
                        "Overall",
                        "Care",
                        "With",
                        "With a level",
                        "Don\u2019t know",
                        "Not applicable",
                        "Not answered",
                    ),
                    tuple(rows),
                    (0.3, 0.09, 0.08, 0.08, 0.11, 0.1, 0.12, 0.12),
                    caption="Scores and answers by domain",
                    numeric=(False, *([True] * 7)),
                    total_rows=1,
                    key="domains",
                ),
                Para(
                    runs(
                        "A dash means there is nothing to score: no answers with a level of that kind, or more "
                        "than half of the answers are \u201cdon\u2019t know\u201d."
                    ),
                    "note",
                ),
            )
        )
    )
    return Section("results", "Results by domain", tuple(blocks), new_page=True)


def rounds(report: Report, trend: Trend | None) -> Section | None:
    """Every round by domain, scored again with today's rules, and how answers moved."""
    if trend is None:
        return None
    q = report.questionnaire
    heads = tuple(long_date(r.date, "undated", short=True) for r in trend.rounds)
    rows: list[tuple[Runs, ...]] = []
    for i, d in enumerate(report.result.domains):
        cells = [runs(d.title)]
        for r in trend.rounds:
            score = r.result.domains[i].with_ if r.result is not None and i < len(r.result.domains) else None
            cells.append(runs(_fig(score)))
        rows.append(tuple(cells))
    n = len(heads)
    share = min(0.14, 0.6 / n)
    blocks: list[Block] = [
        Heading("Every round", 1),
        Para(
            runs(
                "The with score of each domain in every round, each worked out again with today\u2019s rules, so "
                "the rounds can be compared. A dash means no score: nothing answered, or too little known."
            )
        ),
        Table(
            ("Domain", *heads),
            tuple(rows),
            (1 - share * n, *([share] * n)),
            caption="With score by domain, round by round",
            numeric=(False, *([True] * n)),
            key="rounds-by-domain",
        ),
    ]
    for _, text in trend.breaks:
        blocks.append(Para(runs(bold("A break in meaning. "), text)))
    for kind, title in (
        ("found-out", "Found out since the last round (a \u201cdon\u2019t know\u201d now answered)"),
        ("improved", "Improved since the last round"),
        ("fell", "Fell since the last round"),
        ("now-unknown", "Now \u201cdon\u2019t know\u201d"),
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
    return Section("rounds", "Every round", tuple(blocks), new_page=True)


def _level(report: Report, question: Question, choice: str | None) -> str:
    if choice is None:
        return "not answered"
    if choice == DONT_KNOW:
        return "don\u2019t know"
    if choice == NOT_APPLICABLE:
        return "not applicable"
    level = report.questionnaire.level(choice, question)
    return level.label if level else choice


def action_plan(report: Report, find_out_unanswered: bool = False) -> Section:
    """The whole plan by priority, each action with its domain and kind; then the same actions
    read the other way, by care and partnership."""
    q = report.questionnaire
    intro = (
        "Actions come from the answers: each gap gets the step that moves it up one level, and each "
        "\u201cdon\u2019t know\u201d becomes something to find out. Each says its domain and whether it "
        "builds care or partnership. An owner the team has not yet agreed is shown as a suggestion."
    )
    if report.set_aside:
        intro += f" The team set aside {plural(report.set_aside, 'suggested action')}, not printed."
    blocks: list[Block] = [Heading("The action plan", 1), Para(runs(intro))]
    for group, actions in report.groups.items():
        title = f"{GROUP_TITLES[group]} ({len(actions)})"
        if not actions:
            blocks += [Heading(title, 2), Para(runs("Nothing in this group."))]
            continue
        blocks += [Heading(title, 2), _actions_table(report, actions, f"actions-{group}")]
    if find_out_unanswered and report.unanswered:
        rows = tuple(
            (runs(bold("Find out: "), x.prompt), runs(x.find_out or FIND_OUT_HOW), runs(FIND_OUT_OWNER))
            for x in report.unanswered
        )
        blocks += [
            Heading(f"Still to answer ({len(report.unanswered)})", 2),
            Table(("Find out", "How", "Owner"), rows, (0.42, 0.42, 0.16), key="actions-unanswered"),
        ]
    either = by_orientation(report.accepted)
    blocks += [
        Heading("The same actions, by care and partnership", 2),
        Para(
            runs(
                "Care is support given to people: necessary and good, but not partnership. Partnership is work "
                "done with people, sharing decisions. Read this way, the plan shows which the organisation "
                "is building."
            )
        ),
    ]
    for key, title in (("with", ORIENTATION["with"]), ("care", ORIENTATION["care"]), ("", "Not placed")):
        acts = either[key]
        if not acts and key == "":
            continue
        blocks.append(Heading(f"{title} ({len(acts)})", 3, bookmark=False))
        if not acts:
            blocks.append(Para(runs("None yet.")))
            continue
        rows = tuple((runs(a.title), runs(domain_title(q, a)), runs(GROUP_LABEL.get(a.group, a.group))) for a in acts)
        blocks.append(Table(("Action", "Domain", "When"), rows, (0.56, 0.26, 0.18), key=f"by-kind-{key or 'none'}"))
    return Section("actions", "The action plan", tuple(blocks), new_page=True)


GROUP_LABEL = {**GROUP_TITLES, "critical": "Critical"}


def _actions_table(report: Report, actions: list[PlannedAction], key: str) -> Table:
    q = report.questionnaire
    rows = []
    for a in actions:
        what: list[str | Run] = [bold(a.title)]
        if a.how.strip():
            what += ["\n", bold("How: "), a.how]
        if a.why.strip():
            what += ["\n", bold("Why: "), a.why]
        if a.unknown:
            what += ["\n", "The answer is now \u201cdon\u2019t know\u201d: this waits until the answer is known."]
        elif a.closed:
            what += ["\n", CLOSED_NOTE.get(a.kind, CLOSED_NOTE["gap"])]
        rows.append(
            (
                runs(*what),
                runs(domain_title(q, a), "\n", kind_text(a)),
                runs(owner_text(a)),
                runs(due_text(a)),
                runs(STATUS.get(a.status, a.status)),
            )
        )
    return Table(
        ("Action", "Domain and kind", "Owner", "Due", "Status"),
        tuple(rows),
        (0.42, 0.2, 0.16, 0.11, 0.11),
        key=key,
    )


KIND = {"care": "a care question", "with": "a \u201cwith\u201d question"}


def detail(report: Report) -> Section:
    """Every answered question with its answer, note (unless private) and evidence; each
    question kept on one page with its answer."""
    q = report.questionnaire
    private = (
        "Private notes are printed, because the team chose to include them."
        if report.include_private
        else "Private notes are not printed."
    )
    blocks: list[Block] = [
        Heading("The detail behind every answer", 1),
        Para(
            runs(f"Every question answered, the answer and what that level means, with notes and evidence. {private}")
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
        blocks.append(Para(runs("No question has an answer yet.")))
    return Section("detail", "The detail behind every answer", tuple(blocks), new_page=True)


def _question(report: Report, x: Question, partly: bool) -> list[Block]:
    q = report.questionnaire
    answer = report.assessment.answer(x.id)
    facts = [KIND.get(x.orientation, x.orientation)]
    if x.critical is not None:
        below = q.level(x.critical.below, x)
        facts.append(
            f"critical: below \u201c{below.label if below else x.critical.below}\u201d holds the stage at "
            f"\u201c{q.stage(x.critical.cap).title}\u201d"
        )
    out: list[Block] = [Heading(x.prompt, 3, bookmark=False), Para(runs("This is " + "; ".join(facts) + "."), "note")]
    choice = answer.choice
    level = q.level(choice, x) if choice else None
    if level is not None:
        out.append(Para(runs(bold(f"Answer: {level.label}. "), x.levels.get(level.id, level.meaning))))
    elif choice == DONT_KNOW:
        who = "Not enough of the people taking part knew" if partly else "Nobody taking part knew"
        out.append(Para(runs(bold("Answer: don\u2019t know. "), f"{who}. This is now a find-out action.")))
    elif choice == NOT_APPLICABLE:
        out.append(Para(runs(bold("Answer: not applicable"), " here, so it is left out of the scores.")))
    else:
        out.append(
            Para(runs(bold(f"Answer: \u201c{choice}\u201d"), ", which is not on this questionnaire\u2019s scale."))
        )
    agreed = report.source.agreed.get(x.id) if report.is_group else None
    if agreed is not None and level is not None and level.id == agreed.level:
        out.append(Para(runs(bold("Agreed by the group"), f": {agreed.reason}" if agreed.reason.strip() else ".")))
    note = report.note_of(answer)
    if note.strip():
        label = "Private note (printed at the team\u2019s request): " if answer.note_private else "Note: "
        out.append(Para(runs(bold(label), note)))
    if answer.evidence.strip():
        out.append(Para(runs(bold("Evidence: "), answer.evidence)))
    return out


def not_answered(report: Report) -> Section | None:
    """The questions nobody has answered yet, one line each."""
    if not report.unanswered:
        return None
    q = report.questionnaire
    items = []
    for domain in q.domains:
        for x in domain.questions:
            if x in report.unanswered:
                items.append(runs(x.prompt, f" ({domain.title}): not answered yet."))
    return Section(
        "not-answered",
        "Not answered yet",
        (
            Heading(f"Not answered yet ({len(report.unanswered)})", 1),
            Para(
                runs(
                    "These questions have no answer yet, so they bring no action. Answering them, with colleagues "
                    "who have lived experience, will bring their own actions."
                )
            ),
            Items(tuple(items)),
        ),
        new_page=len(report.unanswered) > 15,
    )


def sign_off(report: Report, hash_line: str) -> Section:
    """Lines for the board to sign, then the one place the assessment's hash is printed."""
    return Section(
        "sign-off",
        "Sign-off",
        (
            Heading("Sign-off", 1),
            Para(runs("Signed for the board when it has agreed this plan and the decisions asked of it.")),
            Table(
                ("Name", "Role", "Date"),
                tuple((runs(""), runs(""), runs("")) for _ in range(3)),
                (0.42, 0.38, 0.2),
                key="sign-off",
            ),
            Para(runs(hash_line), "note"),
        ),
        new_page=False,
    )
