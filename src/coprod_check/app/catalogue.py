"""Finding questionnaires: the built-in ones and the user's own folder.

No Qt here: the command line uses it too. The user's folder follows the
platform's conventions (XDG on Linux, Application Support on macOS, APPDATA
on Windows) and can be set with COPROD_CHECK_HOME.
"""

from __future__ import annotations

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


def discover(include_user: bool = True) -> list[Entry]:
    """Every questionnaire file available, built-in first, each loaded or with its error."""
    paths = [(p, True) for p in resources.builtin_questionnaires()]
    folder = user_questionnaire_dir()
    if include_user and folder.is_dir():
        paths += [(p, False) for p in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))]
    entries = []
    for path, builtin in paths:
        try:
            entries.append(Entry(path, builtin, _in_language(load_questionnaire(path)), None))
        except CompanionFile:
            continue  # an update map or a translation beside the questionnaires: never one itself
        except QuestionnaireError as exc:
            entries.append(Entry(path, builtin, None, exc))
    return entries


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
    """The questionnaire with this id; the exact version if available, else the newest."""
    found = [e.questionnaire for e in discover() if e.questionnaire and e.questionnaire.id == questionnaire_id]
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
