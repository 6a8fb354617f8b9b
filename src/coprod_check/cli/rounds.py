"""Commands for several rounds: compare two rounds, and start the next round from the last."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coprod_check.cli.common import refuse_overwrite
from coprod_check.i18n import _, ngettext

if TYPE_CHECKING:
    from coprod_check.domain.assessment import Assessment


def add_parsers(sub: Any) -> None:
    """Add this module's subcommands to the main parser."""
    p = sub.add_parser(
        "compare",
        help=_("compare an assessment with an earlier one"),
        description=_(
            "Compare two rounds of the same organisation's assessment with the same questionnaire. "
            "If OLD is dated after NEW, the two are swapped, with a note saying so, so that the "
            "comparison always runs from the earlier round to the later one."
        ),
    )
    p.add_argument("old", type=Path, metavar="OLD", help=_("the earlier round"))
    p.add_argument("new", type=Path, metavar="NEW", help=_("the later round"))
    p.add_argument("--json", action="store_true", help=_("print the comparison as JSON"))

    p = sub.add_parser("next-round", help=_("start a new assessment from a previous one, with its plan to review"))
    p.add_argument("previous", type=Path, metavar="PREVIOUS")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="NEW")


def run(args: argparse.Namespace) -> int:
    """Run one of this module's subcommands."""
    from coprod_check.domain.errors import CoprodError

    handler = {"compare": _compare, "next-round": _next_round}
    try:
        return handler[args.command](args)
    except CoprodError as exc:
        print(_("coprod-check: {exc}").format(exc=exc), file=sys.stderr)
        return 1


def _compare(args: argparse.Namespace) -> int:
    from coprod_check.app.files import load_with_questionnaire, same_file
    from coprod_check.domain.rounds import compare, snapshot

    if same_file(args.old, args.new):
        print(
            _(
                "coprod-check: {old} and {new} are the same file: compare an assessment with an earlier round of it"
            ).format(old=args.old, new=args.new),
            file=sys.stderr,
        )
        return 1
    old, q_old = load_with_questionnaire(args.old)
    new, q = load_with_questionnaire(args.new)
    problem = _not_comparable(old, new, str(args.old), str(args.new))
    if problem:
        print(_("coprod-check: {problem}").format(problem=problem), file=sys.stderr)
        return 1
    if _dated_after(old.date, new.date):
        print(
            _(
                "coprod-check: {old} ({date}) is dated after {new} ({date2}), so they are "
                "compared the other way round: from {new} to {old}"
            ).format(old=args.old, date=old.date, new=args.new, date2=new.date),
            file=sys.stderr,
        )
        old, q_old, new, q = new, q, old, q_old
        args.old, args.new = args.new, args.old
    comparison = compare(q, snapshot(q_old, old, str(args.old)), new)
    if args.json:
        print(json.dumps(_comparison_dict(comparison), ensure_ascii=False, indent=2))
        return 0
    print(
        _("Since {value} (now {value2})").format(
            value=comparison.before_date or _("last time"), value2=comparison.after_date or _("undated")
        )
    )
    for change in (comparison.overall, comparison.care, comparison.with_, *comparison.domains):
        print(f"  {change.title:<62} {_num(change.before):>5} -> {_num(change.after):<5} {_delta(change)}")
    print(
        _("Stage: {value} -> {value2}").format(
            value=comparison.stage_before or _("not yet known"), value2=comparison.stage_after or _("not yet known")
        )
    )
    for reason in comparison.reasons:
        print(f"  - {reason}")
    return 0


def _not_comparable(old: Assessment, new: Assessment, old_name: str, new_name: str) -> str | None:
    """Why two assessments cannot be compared as two rounds, or None when they can."""
    if old.questionnaire_id != new.questionnaire_id:
        return _(
            "{old_name} answers the questionnaire {questionnaire_id!r} and {new_name} answers "
            "{questionnaire_id2!r}: only rounds of the same questionnaire can be compared"
        ).format(
            old_name=old_name,
            questionnaire_id=old.questionnaire_id,
            new_name=new_name,
            questionnaire_id2=new.questionnaire_id,
        )
    if " ".join(old.organisation.casefold().split()) != " ".join(new.organisation.casefold().split()):
        return _(
            "{old_name} is for {value!r} and {new_name} for "
            "{value2!r}: only rounds of the same "
            "organisation's assessment can be compared"
        ).format(
            old_name=old_name,
            value=old.organisation.strip() or _("(no organisation)"),
            new_name=new_name,
            value2=new.organisation.strip() or _("(no organisation)"),
        )
    return None


def _dated_after(first: str, second: str) -> bool:
    """True when both dates are known and `first` is later (an unreadable date leaves the order as given)."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(first.strip()) > dt.date.fromisoformat(second.strip())
    except ValueError:
        return False


def _next_round(args: argparse.Namespace) -> int:
    from coprod_check.app import store
    from coprod_check.app.files import load_with_questionnaire
    from coprod_check.domain.rounds import start_from

    previous, q = load_with_questionnaire(args.previous)
    if refuse_overwrite(args.output):
        return 1
    new = start_from(q, previous, str(args.previous))
    store.save(args.output, new)
    print(
        ngettext(
            "Started {output} from {previous}: {count} action(s) from last time to review.",
            "Started {output} from {previous}: {count} action(s) from last time to review.",
            len(new.reviews),
        ).format(output=args.output, previous=args.previous, count=len(new.reviews))
    )
    return 0


def _num(value: float | None) -> str:
    return "--" if value is None else f"{value:.0f}"


def _delta(change: Any) -> str:
    from coprod_check.domain.wording import change_of, signed

    found = change_of(change)
    return "" if found is None else signed(found)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _comparison_dict(c: Any) -> dict[str, Any]:
    def change(x: Any) -> dict[str, Any]:
        r = _rounded
        return {"id": x.id, "title": x.title, "before": r(x.before), "after": r(x.after), "change": r(x.delta)}

    return {
        "before_date": c.before_date,
        "after_date": c.after_date,
        "overall": change(c.overall),
        "care": change(c.care),
        "with": change(c.with_),
        "domains": [change(d) for d in c.domains],
        "stage": {"before": c.stage_before, "after": c.stage_after, "change": c.stage_change},
        "reasons": list(c.reasons),
    }
