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
            print(
                f"(unusable) {entry.path}: {len(entry.error.problems) if entry.error else 0} "
                "problem(s); run 'coprod-check validate' on it"
            )
    print(f"Add your own questionnaires to: {catalogue.user_questionnaire_dir()}")
    return 0
