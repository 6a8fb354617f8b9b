"""The command that prints the board's action plan: report.

The output's extension chooses the format: .pdf (the board paper and appendix), .docx (its
Word twin, optionally on a trust's own template), .xlsx or .csv (the actions as a spreadsheet).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from coprod_check.i18n import N_, _


def add_parsers(sub: Any) -> None:
    """Add this module's subcommands to the main parser."""
    p = sub.add_parser(
        "report",
        help=_("print the board paper and action plan: PDF, Word (.docx), or the actions as .xlsx or .csv"),
    )
    p.add_argument("file", type=Path, metavar="ASSESSMENT")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="PLAN.pdf|PLAN.docx|PLAN.xlsx|PLAN.csv",
        help=_("the file to write; its extension chooses the format"),
    )
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help=_("paper size (default: a4)"))
    p.add_argument(
        "--include-private-notes", action="store_true", help=_("print notes marked private (left out by default)")
    )
    p.add_argument(
        "--include-names",
        action="store_true",
        help=_("print the names of the people who took part (left out by default)"),
    )
    p.add_argument(
        "--questionnaire", type=Path, metavar="PATH", help=_("use this questionnaire file instead of the installed one")
    )
    p.add_argument(
        "--force",
        action="store_true",
        help=_("replace the output even if it is not a plan coprod-check made (an earlier plan is always replaced)"),
    )
    p.add_argument(
        "--template",
        type=Path,
        metavar="TEMPLATE.docx",
        help=_("for a .docx: your own Word template, with placeholders such as {example} (see the README)").format(
            example="{{ meeting }}"
        ),
    )
    _board_options(p)


def _board_options(p: Any) -> None:
    """The board paper's cover-sheet fields: given here, they are printed over those kept in
    the assessment (the file is not changed). Left out, the paper says "not yet named"."""
    from coprod_check.domain.assessment import PURPOSES

    g = p.add_argument_group(_("the board paper's cover sheet (never asked for: a gap prints as 'not yet named')"))
    g.add_argument("--meeting", metavar="TEXT", default="", help=_("the meeting the paper goes to"))
    g.add_argument("--meeting-date", metavar="YYYY-MM-DD", default="", help=_("the date of that meeting"))
    g.add_argument("--purpose", choices=PURPOSES, help=_("what the paper is for"))
    g.add_argument(
        "--executive-lead", metavar="TEXT", default="", help=_("the executive lead (as they are to be named)")
    )
    g.add_argument("--author", metavar="TEXT", default="", help=_("the report's author"))
    g.add_argument(
        "--find-out-unanswered",
        action="store_true",
        help=_("list questions not answered yet as find-out actions (default: one line each in the appendix)"),
    )


def _board_fields(args: argparse.Namespace) -> Any:
    """The cover-sheet fields given as options, or a message saying what is wrong."""
    from coprod_check.domain.assessment import BoardFields
    from coprod_check.domain.fieldreader import is_iso_date

    if args.meeting_date and not is_iso_date(args.meeting_date):
        return _("--meeting-date should be a date such as 2027-01-28, not {typed!r}").format(typed=args.meeting_date)
    return BoardFields(
        meeting=" ".join(args.meeting.split()),
        meeting_date=args.meeting_date,
        purpose=args.purpose,
        executive_lead=" ".join(args.executive_lead.split()),
        author=" ".join(args.author.split()),
    )


def run(args: argparse.Namespace) -> int:
    """Run one of this module's subcommands."""
    handler = {"report": _report}
    return handler[args.command](args)


def _fail(message: str) -> int:
    """Say what went wrong, on stderr, and give the exit code for it."""
    print(_("coprod-check: {message}").format(message=message), file=sys.stderr)
    return 1


def _refuse_output(output: Path, assessment: Path, force: bool, fmt: str) -> str | None:
    """Why the plan must not be written to `output`, or None when it may.

    Making the plan again replaces the earlier one (a file coprod-check made in the same
    format); anything else, such as somebody's answers or a workbook of responses, is never
    replaced without --force.
    """
    from coprod_check.app.files import same_file
    from coprod_check.report.formats import is_plan

    if not output.exists():
        return None
    if same_file(output, assessment):
        return _("{output} is the assessment itself; choose another name for the plan").format(output=output)
    if force or is_plan(output, fmt):
        return None
    return _(
        "{output} already exists and is not a plan coprod-check made; choose another name, or add --force to replace it"
    ).format(output=output)


WROTE = {
    "pdf": N_("Wrote the board paper and action plan to {path}"),
    "docx": N_("Wrote the board paper and action plan as a Word document to {path}"),
    "xlsx": N_("Wrote the actions as a spreadsheet to {path}"),
    "csv": N_("Wrote the actions as a CSV file to {path}"),
}


def _report(args: argparse.Namespace) -> int:
    from coprod_check.app.files import load_with_questionnaire
    from coprod_check.domain.errors import CoprodError
    from coprod_check.i18n import _
    from coprod_check.report import file_sha256
    from coprod_check.report.formats import format_for, write_plan

    if args.output.is_dir():
        return _fail(
            _("{output} is a folder; give a file name for the plan, such as {value}").format(
                output=args.output, value=args.output / "plan.pdf"
            )
        )
    try:
        fmt = format_for(args.output)
    except ValueError as exc:
        return _fail(str(exc))
    if args.template is not None and fmt != "docx":
        return _fail(_("--template is for a Word document: give an output ending in .docx"))
    board = _board_fields(args)
    if isinstance(board, str):
        return _fail(board)
    try:
        refusal = _refuse_output(args.output, args.file, args.force, fmt)
        if refusal:
            return _fail(refusal)
        before = file_sha256(args.file) if args.file.is_file() else None
        assessment, q = load_with_questionnaire(args.file, args.questionnaire)
        sha256 = file_sha256(args.file)
        if before != sha256:
            return _fail(_("{file} changed while it was being read; please try again").format(file=args.file))
    except CoprodError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(_("{file} cannot be read: {value}").format(file=args.file, value=exc.strerror or exc))
    options: dict[str, Any] = {
        "include_private": args.include_private_notes,
        "include_names": args.include_names,
        "assessment_sha256": sha256,
    }
    options["find_out_unanswered"] = args.find_out_unanswered
    if fmt in ("pdf", "docx"):
        options.update(paper=args.paper, board=board)
    if fmt == "docx":
        options["template"] = args.template
    try:  # a failed write, or a Word template that cannot be used, is a CoprodError naming the file
        notes = write_plan(q, assessment, args.output, **options)
    except CoprodError as exc:
        return _fail(str(exc))
    print(_(WROTE[fmt]).format(path=args.output))
    for note in notes:
        print(note)
    if not args.include_private_notes:
        print(_("Private notes are not printed; add --include-private-notes to print them."))
    return 0
