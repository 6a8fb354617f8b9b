"""Commands about questionnaires: validate and list."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from coprod_check.i18n import _


def add_parsers(sub: Any) -> None:
    """Add this module's subcommands to the main parser."""
    p = sub.add_parser("validate", help=_("check questionnaire files (all built-in ones if none given)"))
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH")

    sub.add_parser("list", help=_("list the questionnaires available"))


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
        print(_("No questionnaires to check."), file=sys.stderr)
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
        print(
            _("{path}: valid ({title} {version}: {count} domains, {count2} questions)").format(
                path=path, title=q.title, version=q.version, count=len(q.domains), count2=count
            )
        )
    if failed:
        print(_("{failed} of {count} file(s) have problems.").format(failed=failed, count=len(paths)), file=sys.stderr)
    return 1 if failed else 0


def _list(args: argparse.Namespace) -> int:
    from coprod_check.app import catalogue

    for entry in catalogue.discover():
        where = _("built in") if entry.builtin else "yours"
        if entry.questionnaire:
            q = entry.questionnaire
            count = sum(len(d.questions) for d in q.domains)
            print(
                _("{id} {version}  {title}  ({count} questions; {where}: {path})").format(
                    id=q.id, version=q.version, title=q.title, count=count, where=where, path=entry.path
                )
            )
        else:
            print(
                _("(unusable) {path}: {value} problem(s); run 'coprod-check validate' on it").format(
                    path=entry.path, value=len(entry.error.problems) if entry.error else 0
                )
            )
    print(
        _("Add your own questionnaires to: {user_questionnaire_dir}").format(
            user_questionnaire_dir=catalogue.user_questionnaire_dir()
        )
    )
    return 0
