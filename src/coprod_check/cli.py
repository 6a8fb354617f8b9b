"""The command line. With no subcommand (or with a file) it starts the window.

Paths that need no window never import Qt or reportlab: each subcommand
imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from coprod_check import __version__

SUBCOMMANDS = ("validate", "list", "example", "score", "report", "blank", "combine", "compare", "next-round",
               "licences")


class _Discard:
    """Stands in for a subcommand's parser that this run will not use."""

    def add_argument(self, *args: object, **kwargs: object) -> None:
        return None


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, sized without importing shutil (and with it zlib, bz2 and lzma),
    which argparse does for every argument added, help or not: ~2.5 ms of every start."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, width or _columns() - 2)


def _columns() -> int:
    """The terminal's width, found as shutil.get_terminal_size finds it."""
    import os

    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _OnlyOne:
    """Adds only the subcommand being run: building all of them costs ~10 ms of every start."""

    def __init__(self, sub: Any, wanted: str | None):
        self.sub = sub
        self.wanted = wanted

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        kwargs.setdefault("formatter_class", _Formatter)
        return self.sub.add_parser(name, **kwargs) if self.wanted in (None, name) else _Discard()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: every subcommand, or only `command` when that is all a run needs."""
    parser = argparse.ArgumentParser(
        prog="coprod-check",
        formatter_class=_Formatter,
        description="Check whether an organisation gives care to people with lived experience "
                    "of mental health difficulties, or does work with them. Run with no command "
                    "(or with an assessment file) to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"coprod-check {__version__}")
    sub: Any = _OnlyOne(parser.add_subparsers(dest="command", metavar="COMMAND"), command)

    p = sub.add_parser("validate", help="check questionnaire files (all built-in ones if none given)")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH")

    sub.add_parser("list", help="list the questionnaires available")

    p = sub.add_parser("example", help="write a realistic, partly answered example assessment")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.add_argument("--questionnaire", default="coproduction-readiness", metavar="ID")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")

    p = sub.add_parser("score", help="score an assessment file")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--questionnaire", type=Path, metavar="PATH",
                   help="score against this questionnaire file instead of the installed one")

    p = sub.add_parser("report", help="print the action plan for the board to a PDF file")
    p.add_argument("file", type=Path, metavar="ASSESSMENT")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="PLAN.pdf")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4",
                   help="paper size (default: a4)")
    p.add_argument("--include-private-notes", action="store_true",
                   help="print notes marked private (left out by default)")
    p.add_argument("--include-names", action="store_true",
                   help="print the names of the people who took part (left out by default)")
    p.add_argument("--questionnaire", type=Path, metavar="PATH",
                   help="use this questionnaire file instead of the installed one")
    p.add_argument("--force", action="store_true",
                   help="replace PLAN.pdf even if it is not a PDF (an earlier plan is always replaced)")

    from coprod_check import cli_voices

    cli_voices.add_parsers(sub)
    sub.add_parser("licences", help="coprod-check's licence, and the licence of everything that ships with it")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(errors="replace")
    if wants_window(argv):
        return _start_window(argv)
    args = build_parser(argv[0] if argv[0] in SUBCOMMANDS else None).parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:
        # The reader stopped early (`coprod-check score --json FILE | head`): nothing
        # is wrong with the file. Point stdout at nothing so the exit flush is quiet.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def wants_window(argv: list[str]) -> bool:
    """Whether these arguments ask for the window (nothing, or files to open) rather than a command."""
    return not argv or (argv[0] not in SUBCOMMANDS and not argv[0].startswith("-"))


def _run(args: argparse.Namespace) -> int:
    command = {"validate": _validate, "list": _list, "example": _example, "score": _score,
               "report": _report, "licences": _licences}
    if args.command in command:
        return command[args.command](args)
    from coprod_check import cli_voices

    return cli_voices.run(args)


def _start_window(files: list[str]) -> int:
    # The window is optional for command-line use: if it cannot start, this says why
    # (on stderr, in a log, and in a dialog where one can be shown) and returns 2.
    from coprod_check.launch import start_window

    return start_window([Path(f) for f in files])


def _validate(args: argparse.Namespace) -> int:
    from coprod_check.app import resources
    from coprod_check.app.qcache import load_questionnaire
    from coprod_check.domain.errors import QuestionnaireError

    paths = args.paths or resources.builtin_questionnaires()
    if not paths:
        print("No questionnaires to check.", file=sys.stderr)
        return 1
    failed = 0
    for path in paths:
        try:
            q = load_questionnaire(path)
        except QuestionnaireError as exc:
            failed += 1
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            continue
        count = sum(len(d.questions) for d in q.domains)
        print(f"{path}: valid ({q.title} {q.version}: {len(q.domains)} domains, {count} questions)")
    if failed:
        print(f"{failed} of {len(paths)} file(s) have problems.", file=sys.stderr)
    return 1 if failed else 0


def _list(args: argparse.Namespace) -> int:
    from coprod_check.app import catalogue

    for entry in catalogue.discover():
        where = "built in" if entry.builtin else "yours"
        if entry.questionnaire:
            q = entry.questionnaire
            count = sum(len(d.questions) for d in q.domains)
            print(f"{q.id} {q.version}  {q.title}  ({count} questions; {where}: {entry.path})")
        else:
            print(f"(unusable) {entry.path}: {len(entry.error.problems) if entry.error else 0} "
                  "problem(s); run 'coprod-check validate' on it")
    print(f"Add your own questionnaires to: {catalogue.user_questionnaire_dir()}")
    return 0


def _example(args: argparse.Namespace) -> int:
    from coprod_check.app import catalogue, store
    from coprod_check.domain.errors import AssessmentError
    from coprod_check.domain.example import make_example

    q = catalogue.find(args.questionnaire)
    if q is None:
        print(f"coprod-check: no questionnaire with the id {args.questionnaire!r}", file=sys.stderr)
        return 1
    if args.output.exists() and not args.force:
        print(f"coprod-check: {args.output} exists; use --force to replace it", file=sys.stderr)
        return 1
    try:
        store.save(args.output, make_example(q))
    except AssessmentError as exc:
        print(f"coprod-check: {exc}", file=sys.stderr)
        return 1
    print(f"Wrote an example assessment to {args.output}")
    return 0


def _score(args: argparse.Namespace) -> int:
    from coprod_check.app.summary import load_with_questionnaire, render_summary
    from coprod_check.domain.errors import CoprodError
    from coprod_check.domain.group import evaluate
    from coprod_check.domain.scoring import result_to_dict
    from coprod_check.domain.update import check_update

    try:
        assessment, q = load_with_questionnaire(args.file, args.questionnaire)
    except CoprodError as exc:
        print(f"coprod-check: {exc}", file=sys.stderr)
        return 1
    update = check_update(q, assessment)
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


def _fail(message: str) -> int:
    """Say what went wrong, on stderr, and give the exit code for it."""
    print(f"coprod-check: {message}", file=sys.stderr)
    return 1


def _refuse_output(output: Path, assessment: Path, force: bool) -> str | None:
    """Why the PDF must not be written to `output`, or None when it may.

    Making the plan again replaces the earlier PDF; anything else, such as
    somebody's answers, is never replaced without --force.
    """
    if not output.exists():
        return None
    if output.is_dir():
        return f"{output} is a folder; give a file name for the PDF, such as {output / 'plan.pdf'}"
    if output.resolve() == assessment.resolve():
        return f"{output} is the assessment itself; choose another name for the PDF"
    if force:
        return None
    try:
        with output.open("rb") as f:
            if f.read(5) == b"%PDF-":
                return None
    except OSError:
        pass  # unreadable: not known to be a plan, so not replaced
    return f"{output} already exists and is not a PDF; choose another name, or add --force to replace it"


def _report(args: argparse.Namespace) -> int:
    from coprod_check.app.summary import load_with_questionnaire
    from coprod_check.domain.errors import CoprodError
    from coprod_check.report import file_sha256, write_pdf

    try:
        refusal = _refuse_output(args.output, args.file, args.force)
        if refusal:
            return _fail(refusal)
        before = file_sha256(args.file) if args.file.is_file() else None
        assessment, q = load_with_questionnaire(args.file, args.questionnaire)
        sha256 = file_sha256(args.file)
        if before != sha256:
            return _fail(f"{args.file} changed while it was being read; please try again")
    except CoprodError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.file} cannot be read: {exc.strerror or exc}")
    try:  # write_pdf reports a failed write as a CoprodError, naming the file
        write_pdf(q, assessment, args.output, paper=args.paper,
                  include_private=args.include_private_notes, include_names=args.include_names,
                  assessment_sha256=sha256)
    except CoprodError as exc:
        return _fail(str(exc))
    print(f"Wrote the action plan to {args.output}")
    if not args.include_private_notes:
        print("Private notes are not printed; add --include-private-notes to print them.")
    return 0


def _licences(args: argparse.Namespace) -> int:
    from coprod_check.app import notices

    print(notices.summary())
    for notice in notices.shipped():
        texts = notices.licence_texts(notice)
        if not texts:
            print(f"\n{notice.name}: the licence text was not found in this installation")
        for title, text in texts:
            print(f"\n===== {title} =====\n\n{text.strip()}")
    return 0
