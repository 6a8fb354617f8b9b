"""Commands for several voices: combine (a group assessment, from response files and filled response
workbooks) and statement (colleagues with lived experience put their own words in their own file).
`blank` lives in cli/exchange.py, with the other ways of taking part."""

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

    p = sub.add_parser(
        "statement",
        help=_("add a statement in your own words, as a colleague with lived experience, to your file"),
        description=_(
            "Add a short statement in your own words to your own response (or to your team's file), as a "
            "colleague with lived experience. It is kept exactly as written, travels with your response when "
            "responses are combined, and is printed word for word on the board paper under your heading."
        ),
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--text", type=Path, required=True, metavar="TEXT.txt", help=_("a UTF-8 text file with the words"))
    p.add_argument("--by", default="", metavar="TEXT", help=_("how you want to be described, for example a network"))
    p.add_argument("--replace", action="store_true", help=_("replace a statement the file already holds"))


def run(args: argparse.Namespace) -> int:
    """Run one of this module's subcommands."""
    from coprod_check.domain.errors import CoprodError

    handler = {"combine": _combine, "statement": _statement}
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


def _statement(args: argparse.Namespace) -> int:
    """Put a statement in the file, word for word: refused for a group file (its statements come from
    the responses it combines) and for a file where nobody said they have lived experience."""
    import datetime as dt

    from coprod_check.app import store
    from coprod_check.domain.assessment import MAX_TEXT, Statement
    from coprod_check.domain.textcheck import savable

    assessment = store.load(args.file)
    if assessment.is_group:
        print(
            _(
                "coprod-check: {file} combines several responses: a statement goes in its author's own response, "
                "and combining keeps it."
            ).format(file=args.file),
            file=sys.stderr,
        )
        return 1
    if not any(p.lived_experience == "yes" for p in assessment.participants):
        print(
            _(
                "coprod-check: nobody in {file} says they have lived experience. This statement is the voice of "
                "colleagues with lived experience: record that in the file first."
            ).format(file=args.file),
            file=sys.stderr,
        )
        return 1
    if assessment.statement is not None and not args.replace:
        print(
            _("coprod-check: {file} already holds a statement; add --replace to replace it.").format(file=args.file),
            file=sys.stderr,
        )
        return 1
    try:
        text = args.text.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        print(
            _("coprod-check: {file} cannot be read as UTF-8 text: {exc}").format(file=args.text, exc=exc),
            file=sys.stderr,
        )
        return 1
    if not text.strip() or len(text) > MAX_TEXT or not savable(text) or not savable(args.by):
        print(_("coprod-check: {file} holds no text that can be kept.").format(file=args.text), file=sys.stderr)
        return 1
    assessment.statement = Statement(text.strip("\n"), " ".join(args.by.split()), dt.date.today().isoformat())
    store.save(args.file, assessment)
    print(_("Kept your statement in {file}, word for word.").format(file=args.file))
    return 0
