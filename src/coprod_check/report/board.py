"""One page for the board: the stage and what caps it, care and with, priorities,
decisions, and what "don't know" answers revealed."""

from __future__ import annotations

import io
from typing import NamedTuple

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from coprod_check.domain import headline as h
from coprod_check.domain.plan import GROUP_TITLES
from coprod_check.i18n import _, ngettext
from coprod_check.report import findings
from coprod_check.report.blocks import CELL_FONT, bulleted, numbered, p, t
from coprod_check.report.changes import since_summary, voices_summary
from coprod_check.report.charts import quadrant_chart
from coprod_check.report.document import bookmark
from coprod_check.report.model import Report
from coprod_check.report.styles import Styles
from coprod_check.report.text import one_line

TITLE = _("For the board")


class Limits(NamedTuple):
    """How much text from elsewhere the page quotes. The full wording is always in the
    action plan and the detail by domain; these limits only keep this page to one page."""

    caps: int
    reason: int
    priorities: int
    title: int
    unknowns: int
    prompt: int


# From the fullest page to the sparest; the first that fits the page is used.
LIMITS = (
    Limits(caps=4, reason=200, priorities=5, title=140, unknowns=4, prompt=110),
    Limits(caps=3, reason=150, priorities=5, title=110, unknowns=3, prompt=90),
    Limits(caps=3, reason=110, priorities=4, title=90, unknowns=2, prompt=70),
    Limits(caps=2, reason=90, priorities=3, title=80, unknowns=1, prompt=60),
    Limits(caps=1, reason=90, priorities=3, title=80, unknowns=1, prompt=60),
    Limits(caps=1, reason=70, priorities=3, title=60, unknowns=1, prompt=50),
)


def story(report: Report, styles: Styles, width: float, height: float | None = None) -> list[Flowable]:
    """The board page's flowables: the fullest version that fits `height`, when given.

    The pointers to the later sections ("since the last assessment", "also in this
    plan") go last of all: only when even the sparsest page would not fit with them.
    """
    if height is None:
        return _story(report, styles, width, LIMITS[0])
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO())
    for limits in LIMITS:
        if _height(_story(report, styles, width, limits), canvas, width, height) <= height:
            return _story(report, styles, width, limits)
    return _story(report, styles, width, LIMITS[-1], pointers=False)


def _height(flowables: list[Flowable], canvas: object, width: float, height: float) -> float:
    total = 0.0
    for f in flowables:
        total += f.wrapOn(canvas, width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def _story(report: Report, styles: Styles, width: float, limits: Limits, pointers: bool = True) -> list[Flowable]:
    out: list[Flowable] = [bookmark(p(TITLE, "h1", styles), TITLE)]
    if report.nothing_answered:
        out.append(
            p(
                _(
                    "<b>Nothing has been answered yet</b>, so there is no stage, score or quadrant "
                    "to report. The action plan lists every question as something to find out: "
                    "answering them together, with people who have lived experience, is the first "
                    "step."
                ),
                "tight",
                styles,
            )
        )
    out.append(_position(report, styles, width))
    out += _views(report, styles)
    if pointers and report.comparison is not None:
        out.append(
            p(_("<b>Since the last assessment.</b> {text}").format(text=t(since_summary(report))), "tight", styles)
        )
    out += _caps(report, styles, limits)
    out += _priorities(report, styles, limits)
    out.append(p(_("Decisions asked of the board"), "tight_h2", styles))
    out.append(numbered([t(d) for d in findings.decisions(report)], "tight", styles))
    out += _unknowns(report, styles, limits)
    if pointers and report.is_group:  # a single assessment's people are on the cover already
        out += [
            Spacer(1, 6),
            p(_("<b>Also in this plan:</b> {text}").format(text=t(voices_summary(report))), "tight", styles),
        ]
    return out


def _position(report: Report, styles: Styles, width: float) -> Table:
    r = report.result
    q = report.questionnaire
    right: list[Flowable] = [p(_("Readiness stage"), "tight", styles)]
    # Cut short: this table cell cannot break across pages (the full text is in the method).
    right.append(p(t(one_line(h.stage_title(r), 80)), "stage", styles))
    right.append(p(t(one_line(r.stage.description, 300) if r.stage else h.stage_missing(r)), "tight", styles))
    right.append(p("<br/>".join(t(h.axis_brief(r, axis)) for axis in ("care", "with")), "tight", styles))
    right.append(
        p(
            _("Where this puts you: <b>{text}</b>. {text2}").format(
                text=t(h.place_title(r)), text2=t(h.place_sentence(q, r))
            ),
            "tight",
            styles,
        )
    )
    if warning := h.burn_out_warning(q, r):
        right.append(p(f"<b>{t(warning)}</b>", "tight", styles))
    side = r.views.lived_experience.result if r.views is not None else None
    lived = (side.care, side.with_) if side and side.care is not None and side.with_ is not None else None
    chart = quadrant_chart(q, r.care, r.with_, r.quadrant.id if r.quadrant else None, side=120, lived=lived)
    return Table(
        [[chart, right]],
        colWidths=[chart.width + 12, width - chart.width - 12],
        style=TableStyle(
            [
                *CELL_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (0, 0), 6),
            ]
        ),
        hAlign="LEFT",
    )


def _views(report: Report, styles: Styles) -> list[Flowable]:
    lines = h.views_lines(report.result)
    if gap := findings.largest_gap(report):
        lines.append(gap)
    if not lines:
        return []
    return [
        p(
            _("<b>With and without lived experience.</b> {items}").format(items=" ".join(t(line) for line in lines)),
            "tight",
            styles,
        )
    ]


def _caps(report: Report, styles: Styles, limits: Limits) -> list[Flowable]:
    r = report.result
    out: list[Flowable] = [p(_("What holds the stage back"), "tight_h2", styles)]
    items = h.held_items(report.questionnaire, report.source, r)
    if not items:
        text = (
            _("Nothing yet: no critical question has been answered.")
            if report.nothing_answered
            else _(
                "Nothing: no critical question has an answer below its threshold, and every stage "
                "reached has what it needs."
            )
        )
        out.append(p(text, "tight", styles))
        return out
    binding = [x for x in items if x.binding]
    others = [x for x in items if not x.binding]
    # What holds the stage now comes first, then what would hold it if the rest improved, as room
    # allows; what is left out is counted, so the list always adds up to the sentence above it.
    room = max(limits.caps - len(binding), 0)
    if binding:
        lead = h.held_back_sentence(r) or _("These hold the stage back:")
        out.append(p(t(lead), "tight", styles))
        texts = [t(_brief(report, x, limits)) for x in binding[: max(limits.caps, 1)]]
        if len(binding) > len(texts):
            more = len(binding) - len(texts)
            texts.append(
                t(
                    ngettext(
                        "And {count} more that holds it there: see the detail by domain.",
                        "And {count} more that hold it there: see the detail by domain.",
                        more,
                    ).format(count=more)
                )
            )
        out.append(bulleted(texts, styles, "tight"))
    if others:
        shown = others[:room] if binding else others[: max(limits.caps, 1)]
        if not shown:
            out.append(
                p(
                    t(
                        ngettext(
                            "{count} more thing would also hold it back if the rest improved: "
                            "see the detail by domain.",
                            "{count} more things would also hold it back if the rest improved: "
                            "see the detail by domain.",
                            len(others),
                        ).format(count=len(others))
                    ),
                    "tight",
                    styles,
                )
            )
            return out
        out.append(
            p(
                _("These would also hold it back if the rest improved:")
                if binding
                else _(
                    "These set a ceiling: until they change, the stage can rise no higher than shown, "
                    "whatever else improves."
                ),
                "tight",
                styles,
            )
        )
        texts = [t(_brief(report, x, limits)) for x in shown]
        if len(others) > len(shown):
            texts.append(t(_("And {value} more: see the detail by domain.").format(value=len(others) - len(shown))))
        out.append(bulleted(texts, styles, "tight"))
    return out


def _brief(report: Report, item: h.HeldItem, limits: Limits) -> str:
    """One thing that holds the stage back, cut to fit the page: a question it quotes is cut
    first, so the sentence keeps its point (what to find out, and how high the stage can go)."""
    cap = item.cap
    if cap is None:
        return one_line(item.short, limits.reason + 120)
    words = (
        h.group_level_words(report.questionnaire, report.source, cap.question_id)
        if report.is_group and not cap.source and not cap.unknown
        else ""
    )
    short = h.short_cap_sentence(cap, report.is_group, words, one_line(cap.prompt, limits.prompt))
    return short if cap.unknown or cap.source else one_line(short, limits.reason + 120)


def _priorities(report: Report, styles: Styles, limits: Limits) -> list[Flowable]:
    every = findings.priorities(report)
    chosen = every[: limits.priorities]
    out: list[Flowable] = [p(_("Priorities"), "tight_h2", styles)]
    if not chosen:
        text = (
            _("There are no actions yet. The first priority is to answer the questionnaire together.")
            if report.nothing_answered
            else _(
                "No answer calls for an action: every question answered is at the top level. Check that "
                "this is what colleagues with lived experience see too, with evidence for each answer."
            )
        )
        out.append(p(text, "tight", styles))
        return out
    labels = {**GROUP_TITLES, "critical": _("Critical")}
    items = [
        f"<b>{t(one_line(a.title, limits.title))}</b> ({t(labels.get(a.group, a.group))}; "
        f"{t(one_line(a.owner, 60)) or t(_('owner to agree'))})"
        for a in chosen
    ]
    out.append(numbered(items, "tight", styles))
    if len(every) > len(chosen):
        out.append(
            p(
                ngettext(
                    "And {count} more critical action in the action plan.",
                    "And {count} more critical actions in the action plan.",
                    len(every) - len(chosen),
                ).format(count=len(every) - len(chosen)),
                "tight",
                styles,
            )
        )
    return out


def _unknowns(report: Report, styles: Styles, limits: Limits) -> list[Flowable]:
    r = report.result
    out: list[Flowable] = [p(_("What \u201cdon\u2019t know\u201d answers revealed"), "tight_h2", styles)]
    questions = findings.unknowns(report)
    still = ""
    if report.unanswered and not report.nothing_answered:
        still = ngettext(
            " {count} question of {total} still needs an answer.",
            " {count} questions of {total} still need an answer.",
            len(report.unanswered),
        ).format(count=len(report.unanswered), total=r.total)
    own = findings.own_unknowns(report, limits.unknowns, limits.prompt)
    if not questions:
        if report.nothing_answered:
            text = _("Nothing yet: no question has an answer.")
        elif own:
            text = _(
                "{own} Enough people gave a level to each of these questions for the group to "
                "have one, so none became a find-out action, but it is worth asking why some "
                "did not know."
            ).format(own=own)
        else:
            text = _(
                "Nobody answered \u201cdon\u2019t know\u201d. Check that this reflects what the team "
                "really knows, with evidence for each answer."
            )
        out.append(p(t(text + still), "tight", styles))
        return out
    clusters = findings.unknown_domains(report)
    where = (
        _("across {count} domains").format(count=len(clusters))
        if len(clusters) > 3
        else _("in {domains}").format(
            domains=", ".join(
                title if len(clusters) == 1 else _("{title} ({count})").format(title=title, count=n)
                for title, n in clusters
            )
        )
    )
    if report.is_group:  # the questions most people did not know first; the totals say the rest
        own = findings.own_unknowns(report, 0)
        questions = findings.by_share_unknown(report, questions)
    shown = questions[: limits.unknowns]
    listed = "; ".join(f"\u201c{one_line(q.prompt, limits.prompt)}\u201d" for q in shown)
    if len(questions) > len(shown):
        listed += _("; and {value} more in the action plan").format(value=len(questions) - len(shown))
    if report.is_group:
        which = _(
            "{questions} \u201cdon\u2019t know\u201d as the group\u2019s answer, because fewer than "
            "{min_group_size} people gave a level"
        ).format(
            questions=ngettext("{count} question has", "{count} questions have", len(questions)).format(
                count=len(questions)
            ),
            min_group_size=report.min_group_size,
        )
    else:
        which = ngettext(
            "{count} question was answered \u201cdon\u2019t know\u201d",
            "{count} questions were answered \u201cdon\u2019t know\u201d",
            len(questions),
        ).format(count=len(questions))
    if report.is_group and report.dont_knows and report.dont_knows.mostly:
        where += _(", those most people did not know first")
    text = _(
        "{value}{which}, {where}: {listed}. Not knowing is a finding: it shows "
        "where nobody is looking yet. Each one is now a find-out action.{still}"
    ).format(value=own + " " if own else "", which=which, where=where, listed=listed, still=still)
    out.append(p(t(text), "tight", styles))
    return out
