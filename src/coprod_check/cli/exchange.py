"""Commands for taking part without installing coprod-check: `blank` (a copy to answer in the app,
in Excel or LibreOffice, or on paper), `export-forms` (the questions for building a Microsoft
Form) and `import-forms` (that Form's Excel export, as one response file per respondent).

openpyxl, python-docx and reportlab are imported only by the command that needs them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from coprod_check.cli.common import refuse_overwrite


def add_parsers(sub: Any) -> None:
    """Add this module's subcommands to the main parser."""
    p = sub.add_parser(
        "blank",
        help="save a blank copy of an assessment for a colleague to answer",
        description="Save a blank copy for a colleague to answer on their own. The name decides the kind: "
        ".coprod (or .json) to answer in coprod-check, .xlsx to fill in with Excel or LibreOffice, .pdf to "
        "print and fill in by hand.",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="COPY")
    p.add_argument("--large-print", action="store_true", help="for a .pdf: large print (16 pt and bigger boxes)")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="for a .pdf: the paper size")
    p.add_argument(
        "--entered-by",
        default="",
        metavar="WHO",
        help="for a .pdf: who will type the answers in, named on the form (default: the person who gave it out)",
    )

    p = sub.add_parser(
        "export-forms",
        help="write the questions and choices for building a Microsoft Form",
        description="Write the questions and choices for building a Microsoft Form: .docx for Word (and "
        "Forms' Quick import), anything else as plain text. The README says how to build the Form.",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="QUESTIONS")

    p = sub.add_parser(
        "import-forms",
        help="turn a Microsoft Forms Excel export into response files",
        description="Read a Microsoft Forms Excel export (one row per respondent) and write one response "
        "file per row into a folder, ready for `combine`. It prints how every column maps first. If anything "
        "does not map it writes nothing and exits 1, unless --skip-unmapped is given.",
    )
    p.add_argument("export", type=Path, metavar="EXPORT.xlsx")
    p.add_argument(
        "--assessment", type=Path, required=True, metavar="FILE", help="the assessment the Form was built from"
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="RESPONSES", help="the folder to write into")
    p.add_argument("--role-column", metavar="TEXT", help="the header of the column holding each person's role")
    p.add_argument(
        "--lived-experience-column", metavar="TEXT", help="the header of the column holding lived experience"
    )
    p.add_argument("--skip-unmapped", action="store_true", help="leave out what does not map, and write the rest")
    p.add_argument("--dry-run", action="store_true", help="only print how the export maps; write nothing")


def run(args: argparse.Namespace) -> int:
    """Run one of this module's subcommands."""
    from coprod_check.domain.errors import CoprodError

    handler = {"blank": _blank, "export-forms": _export_forms, "import-forms": _import_forms}
    try:
        return handler[args.command](args)
    except CoprodError as exc:
        print(f"coprod-check: {exc}", file=sys.stderr)
        return 1


def _blank(args: argparse.Namespace) -> int:
    from coprod_check.app import store
    from coprod_check.app.files import load_with_questionnaire
    from coprod_check.domain.combine import blank_copy

    assessment, q = load_with_questionnaire(args.file)
    if refuse_overwrite(args.output):
        return 1
    copy = blank_copy(assessment, q)
    suffix = args.output.suffix.lower()
    if suffix == ".xlsx":
        from coprod_check.exchange import workbook

        workbook.write(args.output, copy, q)
        print(
            f"Wrote a response workbook to {args.output}. Each colleague fills it in with Excel or LibreOffice "
            "(their role, and if they wish their name and whether they have lived experience, then the "
            "answers) and gives it back; `coprod-check combine` reads it beside other responses."
        )
        return 0
    if suffix == ".pdf":
        from coprod_check.report import paper

        paper.write(args.output, copy, q, paper=args.paper, large=args.large_print, entered_by=args.entered_by)
        kind = "a large-print paper questionnaire" if args.large_print else "a paper questionnaire"
        print(
            f"Wrote {kind} to {args.output}. Type each filled-in form into coprod-check with the window's "
            "\u201cType in paper responses\u201d, then shred the paper."
        )
        return 0
    if suffix in (".xlsm", ".xls", ".docx", ".txt", ".doc"):
        print(
            f"coprod-check: a blank copy is a .coprod file, an .xlsx workbook or a .pdf to print, not {suffix}. "
            "For the questions of a Microsoft Form use `coprod-check export-forms`",
            file=sys.stderr,
        )
        return 1
    store.save(args.output, copy)
    print(
        f"Wrote a blank copy to {args.output}. Each colleague records their role and, if they wish, "
        "their name and whether they have lived experience."
    )
    return 0


def _export_forms(args: argparse.Namespace) -> int:
    from coprod_check.app.files import load_with_questionnaire
    from coprod_check.domain.combine import blank_copy
    from coprod_check.exchange import forms_export

    assessment, q = load_with_questionnaire(args.file)
    if refuse_overwrite(args.output):
        return 1
    forms_export.write(args.output, blank_copy(assessment, q), q)
    print(
        f"Wrote the questions for a Microsoft Form to {args.output}. The README's \u201cMicrosoft Forms\u201d "
        "section says how to build the Form and bring its answers back with `coprod-check import-forms`."
    )
    return 0


def _import_forms(args: argparse.Namespace) -> int:
    from coprod_check.app.files import load_with_questionnaire
    from coprod_check.exchange import forms_import

    assessment, q = load_with_questionnaire(args.assessment)
    found = forms_import.preview(
        args.export, assessment, q, role_column=args.role_column, lived_column=args.lived_experience_column
    )
    for line in found.lines():
        print(line)
    if args.dry_run:
        print("This was a dry run: nothing was written.")
        return 0 if found.complete else 1
    if not found.complete and not args.skip_unmapped:
        print(
            "coprod-check: not everything maps, so nothing was written. Fix the export, name the columns with "
            "--role-column / --lived-experience-column, or leave out what does not map with --skip-unmapped",
            file=sys.stderr,
        )
        return 1
    written = forms_import.write(found, args.output, skip_unmapped=args.skip_unmapped)
    for line in found.skipped:
        print(f"  {line}")
    print(f"Wrote {len(written)} response {'file' if len(written) == 1 else 'files'} to {args.output}.")
    return 0
