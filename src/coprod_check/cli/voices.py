"""Combining several voices into a group assessment: JSON responses and filled response workbooks
(`blank` lives in cli/exchange.py, with the other ways of taking part)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from coprod_check.cli.common import refuse_overwrite
from coprod_check.i18n import _

# Groups of fewer than 3 people are never shown separately, so nobody can be identified.
# The same numbers as DEFAULT_MIN_GROUP (domain/assessment.py) and LARGEST_GROUP (domain/combine.py),
# written out so that building the parser needs no domain import.
SMALLEST_GROUP, LARGEST_GROUP = 3, 50


def add_parsers(sub: Any) -> None:
    """Add this module's subcommands to the main parser."""
    p = sub.add_parser(
        "combine",
        help=_("combine colleagues' responses into a group assessment"),
        description=_(
            "Combine colleagues' responses (response files, and filled .xlsx response workbooks) into a group "
            "assessment, keeping every answer, its evidence and its note. Notes marked private are left out of "
            "the group file: they stay only in their authors' own files."
        ),
    )
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="GROUP")
    p.add_argument(
        "--update",
        action="store_true",
        help=_("map responses to older questionnaire versions onto this one (nothing is dropped)"),
    )
    p.add_argument(
        "--min-group-size",
        type=_group_size,
        default=SMALLEST_GROUP,
        metavar="N",
        help=_(
            "never show a group smaller than N separately: a whole number from {SMALLEST_GROUP} "
            "to {LARGEST_GROUP} (default {SMALLEST_GROUP})"
        ).format(SMALLEST_GROUP=SMALLEST_GROUP, LARGEST_GROUP=LARGEST_GROUP),
    )
    p.add_argument("--force", action="store_true", help=_("replace GROUP if it exists"))


def run(args: argparse.Namespace) -> int:
    """Run one of this module's subcommands."""
    from coprod_check.domain.errors import CoprodError

    handler = {"combine": _combine}
    try:
        return handler[args.command](args)
    except CoprodError as exc:
        print(_("coprod-check: {exc}").format(exc=exc), file=sys.stderr)
        return 1


def _group_size(text: str) -> int:
    """--min-group-size: a whole number the product's small-number rule and the file format both allow."""
    try:
        size = int(text)
    except ValueError:
        size = None
    if size is None or not SMALLEST_GROUP <= size <= LARGEST_GROUP:
        raise argparse.ArgumentTypeError(
            _(
                "should be a whole number from {SMALLEST_GROUP} to {LARGEST_GROUP}, not "
                "{text!r}{value}. Groups of "
                "fewer than {SMALLEST_GROUP} people are never shown separately, so that nobody can be identified"
            ).format(
                SMALLEST_GROUP=SMALLEST_GROUP,
                LARGEST_GROUP=LARGEST_GROUP,
                text=text[:20],
                value="..." if len(text) > 20 else "",
            )
        )
    return size


def _combine(args: argparse.Namespace) -> int:
    from coprod_check.app import catalogue, store
    from coprod_check.domain.assessment import MAX_PEOPLE
    from coprod_check.domain.combine import CombineError, combine
    from coprod_check.exchange.responses import read_any

    if len(args.files) > MAX_PEOPLE:
        raise CombineError(
            _("{count:,} files were given; a group assessment holds at most {MAX_PEOPLE:,} responses").format(
                count=len(args.files), MAX_PEOPLE=MAX_PEOPLE
            )
        )
    sources = []
    for path in args.files:  # each read as `score` reads a file: ordinary files, at most 64 MiB
        sources.append(read_any(path, str(path)))
    first = sources[0].assessment
    q = catalogue.find(first.questionnaire_id)  # the newest installed version
    if q is None:
        raise CombineError(
            _("the questionnaire {questionnaire_id!r} is not installed").format(questionnaire_id=first.questionnaire_id)
        )
    if refuse_overwrite(args.output, args.force):
        return 1
    group, notes = combine(q, sources, update=args.update, min_group_size=args.min_group_size)
    store.save(args.output, group)
    print(_("Combined {count} responses into {output}.").format(count=len(sources), output=args.output))
    for note in notes:
        print(f"  {note}")
    return 0
