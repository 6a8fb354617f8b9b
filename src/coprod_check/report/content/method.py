"""How this was worked out, in plain words (the rules of domain/scoring.py), as plain data."""

from __future__ import annotations

from coprod_check.domain.group import DISAGREEMENT_RANGE
from coprod_check.domain.headline import scoring_words
from coprod_check.domain.questionnaire import Questionnaire, Requirement
from coprod_check.domain.scoring import MOST_UNKNOWN
from coprod_check.domain.wording import words
from coprod_check.i18n import _, format_list
from coprod_check.report.content.model import Block, Heading, Items, Para, Section, Table, bold, runs
from coprod_check.report.model import Report
from coprod_check.report.text import one_line


def method(report: Report) -> Section:
    """The scale, scores, care and with, stages, caps, actions, voices, rounds and privacy."""
    q = report.questionnaire
    blocks: list[Block] = [Heading(_("How this was worked out"), 1)]
    used = [sid for sid in q.scales if any(x.scale == sid for x in q.questions())] or [""]
    blocks.append(Heading(_("The scale") if len(used) == 1 else _("The scales"), 2))
    scales = [q.scales[sid] for sid in used]
    same_size = len({len(levels) for levels in scales}) == 1
    if len(used) > 1 and same_size:  # one table, a column per scale: each level's own sentence is in the detail
        levels_n = len(scales[0])
        step = 100 / (levels_n - 1) if levels_n > 1 else 100
        kinds = [
            format_list([_(k) for k in sorted({x.orientation for x in q.questions() if x.scale == sid})])
            for sid in used
        ]
        blocks.append(
            Para(
                runs(
                    _(
                        "The questions are answered on scales of {count} levels, each worth its place from 0 to 100. "
                        "What each level means for a question is printed with its answer in the detail."
                    ).format(count=levels_n)
                )
            )
        )
        blocks.append(
            Table(
                (_("Worth"), *(_("{kinds} questions").format(kinds=k) for k in kinds)),
                tuple(
                    (runs(f"{i * step:.0f}"), *(runs(levels[i].label) for levels in scales)) for i in range(levels_n)
                ),
                (0.16, *([0.84 / len(scales)] * len(scales))),
                numeric=(True, *([False] * len(scales))),
                key="scales",
            )
        )
    for sid in used if not (len(used) > 1 and same_size) else []:
        levels = q.scales[sid]
        step = 100 / (len(levels) - 1) if len(levels) > 1 else 100
        kinds = sorted({x.orientation for x in q.questions() if x.scale == sid})
        if len(used) > 1:
            text = _(
                "The {kinds} questions are answered on a scale of {count} levels, each worth its place from 0 to 100:"
            ).format(kinds=format_list([_(k) for k in kinds]), count=len(levels))
        else:
            text = _(
                "Each question is answered on a scale of {count} levels, each worth its place from 0 to 100:"
            ).format(count=len(levels))
        blocks.append(Para(runs(text)))
        blocks.append(
            Table(
                (_("Level"), _("Worth"), _("What it means")),
                tuple((runs(lv.label), runs(f"{i * step:.0f}"), runs(lv.meaning)) for i, lv in enumerate(levels)),
                (0.25, 0.12, 0.63),
                numeric=(False, True, False),
                key=f"scale-{sid or 'default'}",
            )
        )
    blocks.append(
        Para(
            runs(
                _(
                    "\u201cDon\u2019t know\u201d is not a level and is never scored as one. Where more than {share} "
                    "of a domain\u2019s (or of the care or with) answers are \u201cdon\u2019t know\u201d, it has no "
                    "score: it is \u201cnot known yet\u201d. Every \u201cdon\u2019t know\u201d becomes an action to "
                    "find out. \u201cNot applicable\u201d and questions not yet answered are left out."
                ).format(share=f"{MOST_UNKNOWN:.0%}")
            )
        )
    )
    blocks += [
        Heading(_("Scores"), 2),
        Para(
            runs(
                _(
                    "A domain scores the weighted mean of its questions "
                    "answered with a level. The care and with scores "
                    "are the weighted means of every such answer of that kind. The overall score is the mean of the "
                    "domain scores that are known."
                )
            )
        ),
        Heading(_("Care and with"), 2),
        Para(
            runs(
                bold(_("Care")),
                _(" is support given to people: necessary and good, but not partnership. "),
                bold(_("With")),
                _(" is work done with people, sharing the work and the decisions. Each is cut into bands:"),
            )
        ),
        Items(tuple(runs(line) for line in scoring_words(q))),
        Heading(_("Readiness stages"), 2),
        Para(
            runs(
                _(
                    "A stage is reached when the with score reaches its starting point and every thing it needs is in "
                    "place. A need that is not known yet is not met."
                )
            )
        ),
        Table(
            (_("Stage"), _("From"), _("What it looks like, and what it needs")),
            tuple(
                (
                    runs(s.title),
                    runs(f"{s.start:g}"),
                    runs(s.description, *("\n" + _("Needs {what}.").format(what=_need(q, r)) for r in s.requires)),
                )
                for s in q.stages
            ),
            (0.25, 0.12, 0.63),
            numeric=(False, True, False),
            key="stages",
        ),
    ]
    critical = [x for x in q.questions() if x.critical is not None]
    blocks.append(Heading(_("What can hold the stage back"), 2))
    if critical:
        rows = []
        for x in critical:
            assert x.critical is not None
            below = q.level(x.critical.below, x)
            rows.append(  # one line each: the question's whole wording is in the detail and the questionnaire
                (
                    runs(one_line(x.prompt, 52)),
                    runs(below.label if below else x.critical.below),
                    runs(q.stage(x.critical.cap).title),
                )
            )
        blocks += [
            Para(
                runs(
                    _(
                        "Some questions are critical: an answer below a set level, or \u201cdon\u2019t know\u201d, "
                        "holds the "
                        "stage down however good the other answers are."
                    )
                )
            ),
            Table(
                (_("Critical question"), _("An answer below"), _("Holds the stage at")),
                tuple(rows),
                (0.6, 0.2, 0.2),
                key="critical",
            ),
        ]
    else:
        blocks.append(Para(runs(_("This questionnaire has no critical questions, so nothing caps the stage."))))
    blocks += [
        Heading(_("The actions"), 2),
        Para(
            runs(
                _(
                    "Every gap gets the action that moves it up one level; "
                    "critical gaps come first, then the rest by how "
                    "much the question matters times how far it has to go. Every \u201cdon\u2019t know\u201d becomes a "
                    "find-out action. Each action builds care or partnership, as its question does. An owner is the "
                    "questionnaire\u2019s suggestion until the team agrees it."
                )
            )
        ),
    ]
    if report.is_group:
        blocks += [
            Heading(_("Several voices"), 2),
            Para(
                runs(
                    _(
                        "Each person answered on their own. For each question the group\u2019s level is the one the "
                        "team agreed, with a reason, where there is one; otherwise it is the median of the levels "
                        "people gave. With an even number of answers it is the lower of the two middle levels, so the "
                        "group is never rated higher than half of its members rated it. Scores, stage and actions all "
                        "come from these group levels. Colleagues with lived experience and those without are also "
                        "scored apart, and shown side by side when each side has at least {min} people. Lived "
                        "experience is never outvoted: where their side rates a critical question below its threshold, "
                        "it holds the stage back, and the group\u2019s stage and place are never set above theirs. "
                        "Where their side is too small to show, any one person\u2019s answer below the threshold of a "
                        "critical question holds the stage back. People who preferred not to say are in neither side. "
                        "People disagree on a question when their answers are {apart} or more levels apart. A group of "
                        "fewer than {min} people is never shown separately, so that nobody can be identified by their "
                        "answers. Individual answers and notes stay in the group\u2019s file and are not printed."
                    ).format(min=report.min_group_size, apart=words(DISAGREEMENT_RANGE))
                )
            ),
        ]
    if report.source.rounds or report.source.previous is not None:
        blocks += [
            Heading(_("Every round"), 2),
            Para(
                runs(
                    _(
                        "Each new round keeps every earlier round\u2019s answers, so each is scored again with "
                        "today\u2019s "
                        "rules. Where a question\u2019s wording changed, the trend "
                        "says so. A \u201cdon\u2019t know\u201d "
                        "answered since is counted as found out, not as an improvement. A figure for colleagues with "
                        "lived experience is not shown beside the last "
                        "round\u2019s when so few joined or left that the "
                        "difference would reveal someone\u2019s answers."
                    )
                )
            ),
        ]
    private = (
        _("Private notes are printed, because the team chose to include them.")
        if report.include_private
        else _(
            "Private notes are never printed unless the team chooses to include them, and they are not in this paper."
        )
    )
    named = (
        _("Names are printed in \u201cWho took part\u201d, because the team chose to include them.")
        if report.include_names
        else _("Names of the people who took part are not printed.")
    )
    blocks += [Heading(_("Privacy"), 2), Para(runs(f"{private} {named}"))]
    return Section("method", _("How this was worked out"), tuple(blocks), new_page=True)


def _need(q: Questionnaire, r: Requirement) -> str:
    domain = q.domain(r.domain) if r.domain else None
    title = domain.title if domain else r.domain
    if r.axis and r.domain:
        return _("a {axis} score of at least {start} in \u201c{domain}\u201d").format(
            axis=_(r.axis), start=f"{r.start:g}", domain=title
        )
    if r.axis:
        return _("a {axis} score of at least {start}").format(axis=_(r.axis), start=f"{r.start:g}")
    return _("at least {start} in \u201c{domain}\u201d").format(start=f"{r.start:g}", domain=title)
