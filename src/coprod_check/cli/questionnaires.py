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
    from coprod_check.app.companions import read_document, shipped_companions
    from coprod_check.domain.errors import QuestionnaireError

    paths = args.paths or [
        *resources.builtin_questionnaires(),
        *shipped_companions(resources.data_dir("questionnaires")),
    ]
    if not paths:
        print("No questionnaires to check.", file=sys.stderr)
        return 1
    failed = 0
    for path in paths:
        try:
            doc = read_document(path)
            line = _valid_line(doc)
        except QuestionnaireError as exc:
            failed += 1
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            continue
        print(f"{path}: {line}")
    if failed:
        print(f"{failed} of {len(paths)} file(s) have problems.", file=sys.stderr)
    return 1 if failed else 0


def _valid_line(doc: Any) -> str:
    """What a valid file is, in a line; QuestionnaireError when an update map does not fit."""
    from coprod_check.domain.errors import Problem, QuestionnaireError

    if doc.questionnaire is not None:
        q = doc.questionnaire
        count = sum(len(d.questions) for d in q.domains)
        return f"valid ({q.title} {q.version}: {len(q.domains)} domains, {count} questions)"
    if doc.update is not None:
        from coprod_check.app import catalogue
        from coprod_check.app.companions import previous_version
        from coprod_check.domain.updatemap import check_against

        u = doc.update
        new = catalogue.find(u.questionnaire_id, u.to_version)
        if new is not None and new.version == u.to_version:
            problems = check_against(u, new)
            for version in u.from_versions:
                old = previous_version(new, version)
                problems += check_against(u, new, old) if old is not None else []
            if problems:
                raise QuestionnaireError([Problem(str(doc.path), None, p) for p in dict.fromkeys(problems)])
        versions = ", ".join(u.from_versions)
        return f"valid (update map: {u.questionnaire_id} {versions} to {u.to_version}, {len(u.carries)} questions)"
    return f"recognised ({doc.kind}); its contents are checked where it is used"


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
