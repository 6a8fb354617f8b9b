"""The one way to read an assessment or response file, to load it with its questionnaire, and to
tell whether two paths are one file: the window and every command use these, so the same bad file
gets the same words wherever it is opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.app import store
from coprod_check.app.qcache import load_questionnaire
from coprod_check.domain.assessment import Assessment
from coprod_check.domain.errors import AssessmentError
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.i18n import _

if TYPE_CHECKING:
    from coprod_check.app.history import History
    from coprod_check.app.restore import RestoreFile
    from coprod_check.app.session import Session
    from coprod_check.domain.combine import Source


def read_assessment(path: Path) -> Assessment:
    """Read an assessment (or one colleague's response) file; AssessmentError in plain words. Never writes.

    One bounded read (app/store.py): an ordinary file of at most 64 MiB, UTF-8, valid JSON, a valid
    assessment.
    """
    return store.load(path)


def read_response(path: Path, name: str) -> Source:
    """One colleague's response read for combining, under `name`: read as `read_assessment` reads it,
    with the bytes kept so that the same response sent twice is recognised."""
    from coprod_check.domain.combine import source

    data = store.read_bytes(path)
    return source(name, data, store.loads(store.decode(data, str(path)), str(path)))


def load_with_questionnaire(
    path: Path, questionnaire_path: Path | None = None, *, for_window: bool = False
) -> tuple[Assessment, Questionnaire]:
    """Read an assessment and find the questionnaire it answers: the installed one of its id and
    version, or the file `questionnaire_path` (the command line's --questionnaire).

    When it is not installed, the AssessmentError says what to do about it: where the window's user
    puts the questionnaire file (`for_window`), or that the command line can be given one.
    """
    from coprod_check.app import catalogue

    assessment = read_assessment(path)
    if questionnaire_path is not None:
        q = load_questionnaire(questionnaire_path)
    else:
        found = catalogue.find(assessment.questionnaire_id, assessment.questionnaire_version)
        if found is None:
            raise AssessmentError(str(path), _not_installed(assessment, for_window))
        q = found
    if q.id != assessment.questionnaire_id:
        raise AssessmentError(
            str(path),
            _("answers {questionnaire_id!r}, not {id!r}").format(questionnaire_id=assessment.questionnaire_id, id=q.id),
        )
    if questionnaire_path is not None and q.version != assessment.questionnaire_version:
        from coprod_check.app.companions import with_companions  # its update maps, beside the file

        q = with_companions(q)
    return assessment, q


def open_for_window(
    path: Path, on_disk: tuple[int, int] | None, restore_file: RestoreFile, history: History | None
) -> Session:
    """Read an assessment and its questionnaire for the window, and work out its first pages: a
    session ready to show. Pure Python and no Qt, so the window runs it on a worker thread
    (gui/background.py) and goes on repainting; AssessmentError as `load_with_questionnaire`.

    The first pages are not worked out when the questionnaire is to be updated first: that changes
    the answers they would come from (the window then makes its session afresh).
    """
    from coprod_check.app.session import Session

    assessment, questionnaire = load_with_questionnaire(path, for_window=True)
    session = Session(questionnaire, assessment, path, restore_file, on_disk=on_disk, history=history)
    if not session.update.version_changed:
        session.warm()
    return session


def _not_installed(assessment: Assessment, for_window: bool) -> str:
    if not for_window:
        return _(
            "answers the questionnaire {questionnaire_id!r}, which is not installed; add its "
            "file to your questionnaires folder or pass --questionnaire"
        ).format(questionnaire_id=assessment.questionnaire_id)
    from coprod_check.app import catalogue

    return _(
        "answers the questionnaire \u201c{questionnaire_id}\u201d (version "
        "{questionnaire_version}), which is not installed here. If someone sent you this "
        "file, ask them for the questionnaire file too and put it in your questionnaires folder: "
        "{user_questionnaire_dir}"
    ).format(
        questionnaire_id=assessment.questionnaire_id,
        questionnaire_version=assessment.questionnaire_version,
        user_questionnaire_dir=catalogue.user_questionnaire_dir(),
    )


def same_file(a: Path, b: Path | None) -> bool:
    """Whether two paths name one file: through links and "..", and, for files that exist, through
    hard links and a case-blind disk too. A path that cannot be looked at names no file."""
    if b is None:
        return False
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False
