"""Commands about questionnaires: validate and list."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from coprod_check.i18n import _, ngettext


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
    from coprod_check.app.companions import read_document, shipped_companions
    from coprod_check.domain.errors import QuestionnaireError

    paths = args.paths or [
        *resources.builtin_questionnaires(),
        *shipped_companions(resources.data_dir("questionnaires")),
    ]
    if not paths:
        print(_("No questionnaires to check."), file=sys.stderr)
        return 1
    failed = 0
    seen: dict[tuple[str, str], Any] = {}  # questionnaires checked in this run, by id and version
    for path in paths:
        try:
            doc = read_document(path)
            if doc.questionnaire is not None:
                seen.setdefault((doc.questionnaire.id, doc.questionnaire.version), doc.questionnaire)
            line = _valid_line(doc, seen)
        except QuestionnaireError as exc:
            failed += 1
            if _is_assessment(path):
                # Its keys are an assessment's, so every one would be "unknown": say what it is instead.
                print(
                    _("{path}: this is an assessment (answers), not a questionnaire.").format(path=path),
                    file=sys.stderr,
                )
                print(_("  To see its result, run: coprod-check score {path}").format(path=path), file=sys.stderr)
                continue
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            continue
        print(f"{path}: {line}")
    if failed:
        print(_("{failed} of {count} file(s) have problems.").format(failed=failed, count=len(paths)), file=sys.stderr)
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


def _valid_line(doc: Any, seen: dict[tuple[str, str], Any] | None = None) -> str:
    """What a valid file is, in a line; QuestionnaireError when an update map does not fit. An update
    map is checked against the questionnaires `seen` in this run where it can (no second read)."""
    seen = seen or {}
    from coprod_check.domain.errors import Problem, QuestionnaireError

    if doc.questionnaire is not None:
        q = doc.questionnaire
        count = sum(len(d.questions) for d in q.domains)
        return _("valid ({title} {version}: {count} domains, {count2} questions)").format(
            title=q.title, version=q.version, count=len(q.domains), count2=count
        )
    if doc.update is not None:
        from coprod_check.app import catalogue
        from coprod_check.app.companions import previous_version
        from coprod_check.domain.updatemap import check_against

        u = doc.update
        new = seen.get((u.questionnaire_id, u.to_version)) or catalogue.find(u.questionnaire_id, u.to_version)
        if new is not None and new.version == u.to_version:
            problems = check_against(u, new)
            for version in u.from_versions:
                old = seen.get((u.questionnaire_id, version)) or previous_version(new, version)
                problems += check_against(u, new, old) if old is not None else []
            if problems:
                raise QuestionnaireError([Problem(str(doc.path), None, p) for p in dict.fromkeys(problems)])
        versions = ", ".join(u.from_versions)
        return _("valid (update map: {questionnaire_id} {versions} to {to_version}, {count} questions)").format(
            questionnaire_id=u.questionnaire_id, versions=versions, to_version=u.to_version, count=len(u.carries)
        )
    if doc.translation is not None:
        from coprod_check.app.companions import check_translation, translated_questionnaire

        t = doc.translation
        q = translated_questionnaire(doc.path)
        if q is None:
            raise QuestionnaireError(
                [
                    Problem(
                        str(doc.path),
                        None,
                        _("translates {id!r}, but no questionnaire with that id is beside it or installed").format(
                            id=t.questionnaire_id
                        ),
                    )
                ]
            )
        problems = check_translation(t, q)
        if problems:
            raise QuestionnaireError([Problem(str(doc.path), None, p) for p in problems])
        return ngettext(
            "valid (translation into {language} of {id} {version}: {count} text)",
            "valid (translation into {language} of {id} {version}: {count} texts)",
            len(t.texts),
        ).format(language=t.language, id=t.questionnaire_id, version=t.version, count=len(t.texts))
    return _("recognised ({kind}); its contents are checked where it is used").format(kind=doc.kind)


def _list(args: argparse.Namespace) -> int:
    from coprod_check.app import catalogue

    for entry in catalogue.discover():
        where = _("built in") if entry.builtin else _("yours")
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
