"""Commands about questionnaires: validate and list."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parsers(sub: Any) -> None:
    """Add this module's subcommands to the main parser."""
    p = sub.add_parser("validate", help="check questionnaire files (all built-in ones if none given)")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH")

    sub.add_parser("list", help="list the questionnaires available")


def run(args: argparse.Namespace) -> int:
    """Run one of this module's subcommands."""
    handler = {"validate": _validate, "list": _list}
    return handler[args.command](args)


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
            if _is_assessment(path):
                # Its keys are an assessment's, so every one would be "unknown": say what it is instead.
                print(f"{path}: this is an assessment (answers), not a questionnaire.", file=sys.stderr)
                print(f"  To see its result, run: coprod-check score {path}", file=sys.stderr)
                continue
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            continue
        count = sum(len(d.questions) for d in q.domains)
        print(f"{path}: valid ({q.title} {q.version}: {len(q.domains)} domains, {count} questions)")
    if failed:
        print(f"{failed} of {len(paths)} file(s) have problems.", file=sys.stderr)
    return 1 if failed else 0


def _is_assessment(path: Path) -> bool:
    import os
    import stat

    from coprod_check.app.store import looks_like_assessment

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a pipe or a device is never opened: it could hang the command
        with open(path, "rb") as f:
            return looks_like_assessment(f.read(4096))
    except OSError:
        return False


def _list(args: argparse.Namespace) -> int:
    from coprod_check.app import catalogue

    for entry in catalogue.discover():
        where = "built in" if entry.builtin else "yours"
        if entry.questionnaire:
            q = entry.questionnaire
            count = sum(len(d.questions) for d in q.domains)
            print(f"{q.id} {q.version}  {q.title}  ({count} questions; {where}: {entry.path})")
        else:
            print(
                f"(unusable) {entry.path}: {len(entry.error.problems) if entry.error else 0} "
                "problem(s); run 'coprod-check validate' on it"
            )
    print(f"Add your own questionnaires to: {catalogue.user_questionnaire_dir()}")
    return 0
