"""Commands about one assessment: example, and score with the plain-text summary it prints."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coprod_check.domain.assessment import Assessment
from coprod_check.domain.group import who_took_part
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.domain.scoring import Result
from coprod_check.domain.update import UpdateReport
from coprod_check.i18n import _, ngettext

if TYPE_CHECKING:
    import argparse


def add_parsers(sub: Any) -> None:
    """Add this module's subcommands to the main parser."""
    p = sub.add_parser("example", help=_("write a realistic, partly answered example assessment"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.add_argument("--questionnaire", default="coproduction-readiness", metavar="ID")
    p.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))

    p = sub.add_parser("score", help=_("score an assessment file"))
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    p.add_argument(
        "--questionnaire",
        type=Path,
        metavar="PATH",
        help=_("score against this questionnaire file instead of the installed one"),
    )


def run(args: argparse.Namespace) -> int:
    """Run one of this module's subcommands."""
    handler = {"example": _example, "score": _score}
    return handler[args.command](args)


def _example(args: argparse.Namespace) -> int:
    from coprod_check.app import catalogue, store
    from coprod_check.domain.errors import AssessmentError
    from coprod_check.domain.example import make_example

    q = catalogue.find(args.questionnaire)
    if q is None:
        print(
            _("coprod-check: no questionnaire with the id {questionnaire!r}").format(questionnaire=args.questionnaire),
            file=sys.stderr,
        )
        return 1
    if args.output.exists() and not args.force:
        print(_("coprod-check: {output} exists; use --force to replace it").format(output=args.output), file=sys.stderr)
        return 1
    try:
        store.save(args.output, make_example(q))
    except AssessmentError as exc:
        print(_("coprod-check: {exc}").format(exc=exc), file=sys.stderr)
        return 1
    print(_("Wrote an example assessment to {output}").format(output=args.output))
    return 0


def _score(args: argparse.Namespace) -> int:
    from coprod_check.app.files import load_with_questionnaire
    from coprod_check.domain.errors import CoprodError
    from coprod_check.domain.group import evaluate
    from coprod_check.domain.scoring import result_to_dict
    from coprod_check.domain.update import check_update

    try:
        assessment, q = load_with_questionnaire(args.file, args.questionnaire)
    except CoprodError as exc:
        print(_("coprod-check: {exc}").format(exc=exc), file=sys.stderr)
        return 1
    update = check_update(q, assessment)
    if update.carried or update.people_carried:  # scored as carried over; the file is never changed
        from coprod_check.domain.update import adopt

        adopt(q, assessment)
    result = evaluate(q, assessment)  # a group: its agreed or median levels, and both views
    if args.json:
        data = result_to_dict(result)
        data["questionnaire"] = {"id": q.id, "version": q.version}
        data["update"] = update.lines()
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        # The file as saved, so the summary knows a group and hides its small numbers.
        print(render_summary(q, assessment, result, update))
    return 0


def _bar(value: float | None, width: int = 20) -> str:
    if value is None:
        return "." * width
    filled = round(value / 100 * width)
    return "#" * filled + "." * (width - filled)


def taking_part(q: Questionnaire, a: Assessment) -> list[str]:
    """Who took part, in a line or two: in a group, counts too small to show are "not shown",
    as in the printed plan's "Who took part", so nobody can be identified."""
    counts = who_took_part(q, a)
    total = counts["total"]["people"] or 0
    lived = counts["lived_experience"].get("yes", 0)
    if not a.is_group:
        if not total:
            return [
                _(
                    "Taking part: nobody is recorded yet (add who took part, and whether they have lived "
                    "experience, so readers can see whose views these are)."
                )
            ]
        return [
            ngettext(
                "Taking part: {count} person, {lived} with lived experience.",
                "Taking part: {count} people, {lived} with lived experience.",
                total,
            ).format(count=total, lived=lived)
        ]
    out = [
        ngettext(
            "Taking part: {count} person, answering on their own; with lived experience: {lived}.",
            "Taking part: {count} people, answering on their own; with lived experience: {lived}.",
            total,
        ).format(count=total, lived=_("not shown") if lived is None else lived)
    ]
    if any(n is None for part in ("roles", "lived_experience") for n in counts[part].values()):
        out.append(
            _(
                "  Where fewer than {min_group_size} people are in a group, the number is not shown, "
                "and neither is the next smallest, so nobody can be identified."
            ).format(min_group_size=a.min_group_size)
        )
    return out


def render_summary(q: Questionnaire, a: Assessment, r: Result, update: UpdateReport) -> str:
    """A readable summary for the terminal, in plain words (worded by headline.py, as the
    window and the printed plan are).

    `a` is the assessment as saved: for a group, with its responses (not the group's view),
    so that who took part is counted with the group's small-number rule."""
    from coprod_check.domain import headline as h

    who = ", ".join(x for x in (a.organisation, a.team, a.date) if x) or _("(no organisation recorded)")
    out = [f"{q.title} {q.version}: {who}", ""]
    if update.anything:  # first: the answers were given to another version, so read on with care
        out.extend(update.lines())
        out.append("")
    out.append(h.counts_sentence(r))
    out.extend(taking_part(q, a))
    if a.people and not any(p.lived_experience == "yes" for p in a.people):
        out.append(_("Nobody with lived experience took part. That is itself a finding."))
    out.append("")
    out.append(
        _("Where this puts you: {place_title}. {place_sentence}").format(
            place_title=h.place_title(r), place_sentence=h.place_sentence(q, r)
        )
    )
    if warning := h.burn_out_warning(q, r):
        out.append(_("  Warning: {warning}").format(warning=warning))
    out.append(_("Readiness stage: {stage_title}").format(stage_title=h.stage_title(r)))
    if r.stage is None:
        out.append(f"  {h.stage_missing(r)}")
    for line in h.views_lines(r):
        out.append(f"  {line}")
    if lead := h.held_back_sentence(r):
        out.append(f"  {lead}")
    items = h.held_items(q, a, r)
    binding = [x for x in items if x.binding]
    others = [x for x in items if not x.binding]
    out.extend(f"  - {x.text}" for x in binding)  # exactly as many as the sentence above counts
    if others:
        out.append(
            _("  These would also hold the stage back if the rest improved:")
            if binding
            else _("  These set a ceiling: until they change, the stage can rise no higher than shown.")
        )
        out.extend(f"  - {x.text}" for x in others)
    for axis in h.facets(r):  # parity too, beside care and with, where it is asked
        out.append(h.axis_sentence(r, axis))
    out.append(
        _("Overall: {out_of_100} (the average of the domains that have a score)").format(
            out_of_100=h.out_of_100(r.overall)
        )
    )
    out.append("")
    out.append(_("By domain"))
    width = max(len(d.title) for d in r.domains) if r.domains else 0
    for d in r.domains:
        score = f"{h.domain_score(d):>4}" if d.score is not None else "  --"
        out.append(
            f"  {d.title:<{width}}  {score}  {_bar(d.score)}  {h.domain_counts(d)}"
            + (_("; not known yet: more than half “don’t know”") if d.not_known_yet else "")
        )
    if r.unknown_questions:
        out.append("")
        out.append(
            _("Still unknown ({count}; each becomes a 'find out' action):").format(count=len(r.unknown_questions))
        )
        for qid in r.unknown_questions:
            question = q.question(qid)
            out.append(f"  - {question.prompt if question else qid}")
    return "\n".join(out)
