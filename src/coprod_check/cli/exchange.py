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
    from coprod_check.i18n import _

    p = sub.add_parser(
        "blank",
        help=_("save a blank copy of an assessment for a colleague to answer"),
        description=_(
            "Save a blank copy for a colleague to answer on their own. The name decides the kind: "
            ".coprod (or .json) to answer in coprod-check, .xlsx to fill in with Excel or LibreOffice, .pdf to "
            "print and fill in by hand."
        ),
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="COPY")
    p.add_argument("--large-print", action="store_true", help=_("for a .pdf: large print (16 pt and bigger boxes)"))
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help=_("for a .pdf: the paper size"))
    p.add_argument(
        "--entered-by",
        default="",
        metavar="WHO",
        help=_("for a .pdf: who will type the answers in, named on the form (default: the person who gave it out)"),
    )

    p = sub.add_parser(
        "export-forms",
        help=_("write the questions and choices for building a Microsoft Form"),
        description=_(
            "Write the questions and choices for building a Microsoft Form: .docx for Word (and "
            "Forms' Quick import), anything else as plain text. The README says how to build the Form."
        ),
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="QUESTIONS")

    p = sub.add_parser(
        "import-forms",
        help=_("turn a Microsoft Forms Excel export into response files"),
        description=_(
            "Read a Microsoft Forms Excel export (one row per respondent) and write one response "
            "file per row into a folder, ready for `combine`. It prints how every column maps first. If anything "
            "does not map it writes nothing and exits 1, unless --skip-unmapped is given."
        ),
    )
    p.add_argument("export", type=Path, metavar="EXPORT.xlsx")
    p.add_argument(
        "--assessment", type=Path, required=True, metavar="FILE", help=_("the assessment the Form was built from")
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="RESPONSES", help=_("the folder to write into"))
    p.add_argument("--role-column", metavar="TEXT", help=_("the header of the column holding each person's role"))
    p.add_argument(
        "--lived-experience-column", metavar="TEXT", help=_("the header of the column holding lived experience")
    )
    p.add_argument("--skip-unmapped", action="store_true", help=_("leave out what does not map, and write the rest"))
    p.add_argument("--dry-run", action="store_true", help=_("only print how the export maps; write nothing"))


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
    from coprod_check.i18n import _

    assessment, q = load_with_questionnaire(args.file)
    if refuse_overwrite(args.output):
        return 1
    copy = blank_copy(assessment, q)
    suffix = args.output.suffix.lower()
    if suffix == ".xlsx":
        from coprod_check.exchange import workbook

        workbook.write(args.output, copy, q)
        said = _(
            "Wrote a response workbook to {file}. Each colleague fills it in with Excel or LibreOffice "
            "(their role, and if they wish their name and whether they have lived experience, then the "
            "answers) and gives it back; `coprod-check combine` reads it beside other responses."
        )
        print(said.format(file=args.output))
        return 0
    if suffix == ".pdf":
        from coprod_check.report import paper

        paper.write(args.output, copy, q, paper=args.paper, large=args.large_print, entered_by=args.entered_by)
        if args.large_print:
            said = _(
                "Wrote a large-print paper questionnaire to {file}. Type each filled-in form into coprod-check "
                "with the window's \u201cType in paper responses\u201d, then shred the paper."
            )
        else:
            said = _(
                "Wrote a paper questionnaire to {file}. Type each filled-in form into coprod-check with the "
                "window's \u201cType in paper responses\u201d, then shred the paper."
            )
        print(said.format(file=args.output))
        return 0
    if suffix in (".xlsm", ".xls", ".docx", ".txt", ".doc"):
        said = _(
            "coprod-check: a blank copy is a .coprod file, an .xlsx workbook or a .pdf to print, not {suffix}. "
            "For the questions of a Microsoft Form use `coprod-check export-forms`"
        )
        print(said.format(suffix=suffix), file=sys.stderr)
        return 1
    store.save(args.output, copy)
    said = _(
        "Wrote a blank copy to {file}. Each colleague records their role and, if they wish, "
        "their name and whether they have lived experience."
    )
    print(said.format(file=args.output))
    return 0


def _export_forms(args: argparse.Namespace) -> int:
    from coprod_check.app.files import load_with_questionnaire
    from coprod_check.domain.combine import blank_copy
    from coprod_check.exchange import forms_export
    from coprod_check.i18n import _

    assessment, q = load_with_questionnaire(args.file)
    if refuse_overwrite(args.output):
        return 1
    forms_export.write(args.output, blank_copy(assessment, q), q)
    said = _(
        "Wrote the questions for a Microsoft Form to {file}. The README's \u201cMicrosoft Forms\u201d "
        "section says how to build the Form and bring its answers back with `coprod-check import-forms`."
    )
    print(said.format(file=args.output))
    return 0


def _import_forms(args: argparse.Namespace) -> int:
    from coprod_check.app.files import load_with_questionnaire
    from coprod_check.exchange import forms_import
    from coprod_check.i18n import _, ngettext

    assessment, q = load_with_questionnaire(args.assessment)
    found = forms_import.preview(
        args.export, assessment, q, role_column=args.role_column, lived_column=args.lived_experience_column
    )
    for line in found.lines():
        print(line)
    if args.dry_run:
        print(_("This was a dry run: nothing was written."))
        return 0 if found.complete else 1
    if not found.complete and not args.skip_unmapped:
        said = _(
            "coprod-check: not everything maps, so nothing was written. Fix the export, name the columns with "
            "--role-column / --lived-experience-column, or leave out what does not map with --skip-unmapped"
        )
        print(said, file=sys.stderr)
        return 1
    written = forms_import.write(found, args.output, skip_unmapped=args.skip_unmapped)
    for line in found.skipped:
        print(f"  {line}")
    said = ngettext(
        "Wrote {count} response file to {folder}.", "Wrote {count} response files to {folder}.", len(written)
    )
    print(said.format(count=len(written), folder=args.output))
    return 0
