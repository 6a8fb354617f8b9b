"""Finding questionnaires: the built-in ones and the user's own folder.

No Qt here: the command line uses it too. The user's folder follows the
platform's conventions (XDG on Linux, Application Support on macOS, APPDATA
on Windows) and can be set with COPROD_CHECK_HOME.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

from coprod_check.app import resources
from coprod_check.app.paths import user_data_dir
from coprod_check.app.qcache import load_questionnaire
from coprod_check.domain.errors import CompanionFile, QuestionnaireError
from coprod_check.domain.questionnaire import Questionnaire


def user_questionnaire_dir() -> Path:
    """The folder where a user can add their own questionnaire files."""
    return user_data_dir() / "questionnaires"


class Entry(NamedTuple):
    """A questionnaire file found, and either its contents or why it is unusable."""

    path: Path
    builtin: bool
    questionnaire: Questionnaire | None
    error: QuestionnaireError | None


def discover(include_user: bool = True, wanted: str | None = None) -> list[Entry]:
    """Every questionnaire file available, built-in first, each loaded or with its error; with
    `wanted`, only the files that may hold the questionnaire of that id."""
    paths = [(p, True) for p in resources.builtin_questionnaires()]
    folder = user_questionnaire_dir()
    if include_user and folder.is_dir():
        paths += [(p, False) for p in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))]
    if wanted is not None:
        paths = [(p, builtin) for p, builtin in paths if _may_be(p, wanted)]
    entries = []
    for path, builtin in paths:
        try:
            entries.append(Entry(path, builtin, _in_language(load_questionnaire(path)), None))
        except CompanionFile:
            continue  # an update map or a translation beside the questionnaires: never one itself
        except QuestionnaireError as exc:
            entries.append(Entry(path, builtin, None, exc))
    return entries


#: A top-level "id:" line of a questionnaire file in block style (how every questionnaire is written).
#: (Compiled on first use, by re's own cache: nothing is added to the command line's start.)
_TOP_ID = rb"""^id:[ \t]*["']?([^"'\s#]+)["']?[ \t]*(?:#.*)?$"""


def _may_be(path: Path, questionnaire_id: str) -> bool:
    """False only when the file's own top-level id line names another questionnaire: then it need
    not be read and checked. A file whose id cannot be seen that way is read, to be sure."""
    import stat

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return True  # not an ordinary file: the loader refuses it with its reason, without opening it
        with open(path, "rb") as f:
            head = f.read(_PEEK)
    except OSError:
        return True
    ids = re.findall(_TOP_ID, head, re.MULTILINE)
    return len(ids) != 1 or ids[0] == questionnaire_id.encode("utf-8", "replace")


_PEEK = 64 * 1024


def _in_language(questionnaire: Questionnaire) -> Questionnaire:
    """The questionnaire in its own words for the language in force, where a translation that
    fits is beside it (docs/questionnaire-format.md, "Translations"); as it is for English."""
    from coprod_check import i18n

    wanted = i18n.requested_language()
    if not wanted or wanted == i18n.PSEUDO.replace("-", "_"):
        return questionnaire
    from coprod_check.app.companions import in_language

    return in_language(questionnaire, wanted)


def find(questionnaire_id: str, version: str | None = None) -> Questionnaire | None:
    """The questionnaire with this id; the exact version if available, else the newest.

    Only files that may hold it are read and checked, so opening an assessment does not load every
    questionnaire installed (the start page's list reads them all, when it is shown).
    """
    found = [
        e.questionnaire
        for e in discover(wanted=questionnaire_id)
        if e.questionnaire and e.questionnaire.id == questionnaire_id
    ]
    if not found:
        return None
    exact = [q for q in found if q.version == version]
    if exact:
        return exact[0]
    newest = max(found, key=lambda q: tuple(int(x) for x in q.version.split(".")))
    if version is None:
        return newest
    from coprod_check.app.companions import with_companions  # answers given to `version` may carry over

    return with_companions(newest)
