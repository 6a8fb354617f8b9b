"""How this was worked out: the scale, the scores, care and with, stages and caps,
the actions, and privacy, in plain words (the rules of domain/scoring.py)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from coprod_check.domain.group import DISAGREEMENT_RANGE
from coprod_check.domain.headline import scoring_words
from coprod_check.domain.questionnaire import Questionnaire, Requirement
from coprod_check.domain.scoring import MOST_UNKNOWN
from coprod_check.domain.wording import words
from coprod_check.i18n import _, format_list
from coprod_check.report.blocks import bulleted, grid, p, t
from coprod_check.report.document import bookmark
from coprod_check.report.model import Report
from coprod_check.report.styles import Styles

TITLE = _("How this was worked out")


def story(report: Report, styles: Styles, width: float) -> list[Flowable]:
    """The method section's flowables."""
    q = report.questionnaire
    out: list[Flowable] = [bookmark(p(TITLE, "h1", styles), TITLE)]

    used = [sid for sid in q.scales if any(x.scale == sid for x in q.questions())] or [""]
    out.append(p(_("The scale") if len(used) == 1 else _("The scales"), "h2", styles))
    for sid in used:
        levels = q.scales[sid]
        step = 100 / (len(levels) - 1) if len(levels) > 1 else 100
        kinds = sorted({x.orientation for x in q.questions() if x.scale == sid})
        which = (
            _("The {items} questions are").format(items=format_list(kinds)) if len(used) > 1 else _("Each question is")
        )
        out.append(
            p(
                _(
                    "{which} answered on a scale of {count} levels. A level is worth its "
                    "place on the scale, from 0 to 100:"
                ).format(which=which, count=len(levels)),
                "body",
                styles,
            )
        )
        rows = [[_("Level"), _("Worth"), _("What it means")]]
        for i, level in enumerate(levels):
            rows.append([t(level.label), f"{i * step:.0f}", t(level.meaning)])
        out.append(grid(rows, [width * 0.25, width * 0.12, width * 0.63], styles))
    out.append(
        p(
            _(
                "\u201cDon\u2019t know\u201d is not a level and is never scored as one: scores come from "
                "what is known, and each is shown with how much is not known. Where more than "
                "{MOST_UNKNOWN:.0%} of a domain\u2019s (or of the care or with) answers are "
                "\u201cdon\u2019t know\u201d, it has no score: it is \u201cnot known yet\u201d. Every "
                "\u201cdon\u2019t know\u201d becomes an action to find out. \u201cNot applicable\u201d and "
                "questions not yet answered are left out, and the plan says how many there are."
            ).format(MOST_UNKNOWN=MOST_UNKNOWN),
            "body",
            styles,
        )
    )

    weights = sorted({qq.weight for qq in q.questions()})
    weight_text = (
        _(
            " Questions carry weights from {weights:g} to {weights2:g}: the more a "
            "question matters, the more it counts."
        ).format(weights=weights[0], weights2=weights[-1])
        if len(weights) > 1
        else ""
    )
    out.append(p(_("Scores"), "h2", styles))
    out.append(
        p(
            _("A domain scores the weighted mean of its questions answered with a level.")
            + weight_text
            + _(
                " The care and with scores are the weighted means of every such answer of that "
                "kind, across all domains. The overall score is the mean of the domain scores that are "
                "known, so every domain counts the same however many questions it has."
            ),
            "body",
            styles,
        )
    )

    out.append(p(_("Care and with"), "h2", styles))
    out.append(
        p(
            _(
                "Each question is about one of two things. <b>Care</b> is support given to people: "
                "necessary and good, but not partnership. <b>With</b> is work done with people, "
                "sharing the work and the decisions. Showing them apart keeps the difference "
                "visible. Each is cut into bands:"
            ),
            "body",
            styles,
        )
    )
    out.append(bulleted([t(line) for line in scoring_words(q)], styles))
    out.append(
        p(
            _(
                "Partnership counts only where people share decisions; being asked for views is "
                "consultation, a place of its own. Each pair of bands is a place to be:"
            ),
            "body",
            styles,
        )
    )
    names = {axis: {b.id: b.title for b in bands} for axis, bands in q.bands.items()}
    out.append(
        bulleted(
            [
                _("<b>{text}</b> (care: {text2}; with: {text3}): {t4}").format(
                    text=t(x.title),
                    text2=t(names["care"].get(x.care, x.care)),
                    text3=t(names["with"].get(x.with_, x.with_)),
                    t4=t(x.description),
                )
                for x in q.places
            ],
            styles,
        )
    )

    out.append(p(_("Readiness stages"), "h2", styles))
    out.append(
        p(
            _(
                "A stage is reached when the with score reaches its starting point and every thing it "
                "needs is in place (a stage that promises support needs support). A need that is not "
                "known yet is not met."
            ),
            "body",
            styles,
        )
    )
    rows = [[_("Stage"), _("From"), _("What it looks like, and what it needs")]]
    for s in q.stages:
        needs = "".join(_("<br/><i>Needs {need}.</i>").format(need=_need(q, r)) for r in s.requires)
        rows.append([t(s.title), f"{s.start:g}", t(s.description) + needs])
    out.append(grid(rows, [width * 0.25, width * 0.12, width * 0.63], styles))

    critical = [qq for qq in q.questions() if qq.critical is not None]
    out.append(p(_("What can hold the stage back"), "h2", styles))
    if critical:
        out.append(
            p(
                _(
                    "Some questions are critical: an answer below a set level, or \u201cdon\u2019t "
                    "know\u201d, holds the stage down however good the other answers are, because "
                    "nothing else makes up for it. Every such answer is listed with its reason on "
                    "the board page."
                ),
                "body",
                styles,
            )
        )
        rows = [[_("Critical question"), _("An answer below"), _("Holds the stage at")]]
        for qq in critical:
            assert qq.critical is not None
            below = q.level(qq.critical.below, qq)
            rows.append(
                [t(qq.prompt), t(below.label if below else qq.critical.below), t(q.stage(qq.critical.cap).title)]
            )
        out.append(grid(rows, [width * 0.6, width * 0.2, width * 0.2], styles))
    else:
        out.append(p(_("This questionnaire has no critical questions, so nothing caps the stage."), "body", styles))

    out.append(p(_("The actions"), "h2", styles))
    out.append(
        p(
            _(
                "Every gap gets the action that moves it up one level. Critical gaps come first, then "
                "the rest by how much the question matters times how far it has to go. Every "
                "\u201cdon\u2019t know\u201d becomes a find-out action. Where the team edited an action "
                "or added their own, their version is the one printed."
            ),
            "body",
            styles,
        )
    )

    out += _voices_and_rounds(report, styles)

    out.append(p(_("Reading these results"), "h2", styles))
    out.append(
        p(
            _(
                "Rating yourself tends to be optimistic; evidence for each answer, and several "
                "perspectives, correct it. Managers and staff, and people with and without lived "
                "experience, often see the same organisation differently: that difference is a "
                "finding, not noise. The results are for learning, not for ranking teams."
            ),
            "body",
            styles,
        )
    )

    out.append(p(_("Privacy and where this plan came from"), "h2", styles))
    private = (
        _("Private notes are printed, because the team chose to include them.")
        if report.include_private
        else _(
            "Private notes are never printed unless the team chooses to include them, and they are not in this plan."
        )
    )
    named = (
        _(
            "Names of the people who took part are printed in \u201cWho took part\u201d, because the "
            "team chose to include them."
        )
        if report.include_names
        else _("Names of the people who took part are not printed, only how many took part in each role.")
    )
    out.append(p(f"{private} {named}", "body", styles))
    out.append(p(t(source_sentence(report)), "body", styles))
    return out


def _voices_and_rounds(report: Report, styles: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    if report.is_group:
        out.append(p(_("Several voices"), "h2", styles))
        out.append(
            p(
                _(
                    "Each person answered on their own. For each question the group\u2019s level is the one the "
                    "team agreed, with a reason, where there is one; otherwise it is the median of the levels "
                    "people gave. With an even number of answers it is the lower of the two middle levels, so "
                    "the group is never rated higher than half of its members rated it. Scores, stage and "
                    "actions all come from these group levels. Colleagues with lived experience and those "
                    "without are also scored apart, and shown side by side when each side has at least "
                    "{min_group_size} people. Lived experience is never outvoted: where their side "
                    "rates a critical question below its threshold, it holds the stage back, and the "
                    "group\u2019s stage and place are never set above theirs. Where their side is too small to "
                    "show, any one person\u2019s answer below the threshold of a critical question holds the "
                    "stage back, so that one or two colleagues with lived experience are never outvoted. People "
                    "who preferred not to say are in neither side. "
                    "People disagree on a question when their "
                    "answers are {DISAGREEMENT_RANGE} or more levels apart. The lived-experience gap in "
                    "a domain is the average score of people with lived experience minus that of people "
                    "without. A group of fewer than {min_group_size} people is never shown "
                    "separately, so that nobody can be identified by their answers. Individual answers and "
                    "notes stay in the group\u2019s file and are not printed."
                ).format(min_group_size=report.min_group_size, DISAGREEMENT_RANGE=words(DISAGREEMENT_RANGE)),
                "body",
                styles,
            )
        )
    if report.comparison is not None:
        out.append(p(_("Since last time"), "h2", styles))
        out.append(
            p(
                _(
                    "When an assessment starts from the one before, it keeps what that one found (its scores, "
                    "stage and what held the stage back) and the actions it agreed. The comparison sets those "
                    "beside this time\u2019s results; the team records how each action went."
                ),
                "body",
                styles,
            )
        )
    return out


def source_sentence(report: Report) -> str:
    """The sentence that ties the printed plan to the file it was made from."""
    if report.sha256:
        return _(
            "This plan was made by coprod-check {version} from the assessment file whose "
            "SHA-256 fingerprint is {sha256}. To check that a file holds the answers "
            "behind this plan, work out its SHA-256 (for example with sha256sum) and compare."
        ).format(version=report.version, sha256=report.sha256)
    return _(
        "This plan was made by coprod-check {version} from answers that had not been "
        "saved to a file, so it carries no file fingerprint."
    ).format(version=report.version)


def _need(q: Questionnaire, r: Requirement) -> str:
    domain = q.domain(r.domain) if r.domain else None
    title = t(domain.title if domain else r.domain)
    if r.axis and r.domain:
        return _("a {axis} score of at least {start:g} in \u201c{title}\u201d").format(
            axis=r.axis, start=r.start, title=title
        )
    if r.axis:
        return _("a {axis} score of at least {start:g}").format(axis=r.axis, start=r.start)
    return _("at least {start:g} in \u201c{title}\u201d").format(start=r.start, title=title)
