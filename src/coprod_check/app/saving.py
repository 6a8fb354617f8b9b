"""Saving an open assessment: to its file while nobody else has changed it, else to a restore copy.

Session (app/session.py) saves through the `Saving` part here: the file is written only while it
is as the session last read or wrote it, and every failure is said in plain words, never raised.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.app import store
from coprod_check.domain.errors import AssessmentError
from coprod_check.i18n import _

if TYPE_CHECKING:
    from coprod_check.app.history import History
    from coprod_check.app.restore import RestoreFile
    from coprod_check.domain.assessment import Assessment

DiskIdentity = tuple[int, int]  # (st_mtime_ns, st_size) of a file as this session last knew it


class SaveOutcome:
    """What the last save did, in words a person can read."""

    def __init__(self, safe: bool, in_file: bool, message: str = "", conflict: bool = False):
        self.safe = safe  # the work is on disk somewhere
        self.in_file = in_file  # ...and in the file the user chose
        self.message = message  # a whole sentence (or two) saying what went wrong, or ""
        self.conflict = conflict  # the file was changed, moved or deleted elsewhere, so it was left alone


def disk_identity(path: Path) -> DiskIdentity | None:
    """The file's modification time and size, or None when it is missing or cannot be looked at."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):  # ValueError: a name no file can have
        return None
    return found.st_mtime_ns, found.st_size


def conflict_words(name: str) -> str:
    """What the window says when another window or program changed the file after it was opened."""
    return _(
        "{name} was changed by another window or program after you opened it here. Nothing has "
        "been overwritten: your work here is kept safe in a restore copy. Use Save As to keep it "
        "as a file of its own."
    ).format(name=name)


def missing_words(name: str) -> str:
    """What the window says when the file was moved, renamed or deleted after it was opened."""
    return _(
        "{name} is no longer where it was: it was moved, renamed or deleted after you opened it here. "
        "Your work here is kept safe in a restore copy. Use Save As to keep it as a file again."
    ).format(name=name)


def file_problem_words(name: str, problem: str) -> str:
    """The file could not be written, but the restore copy was: `problem` is an AssessmentError's message."""
    prefix = _("cannot be saved: ")
    reason = problem[len(prefix) :] if problem.startswith(prefix) else problem
    return _(
        "{name} could not be saved ({reason}). Your work is kept safe in a restore copy: "
        "use Save As to save it somewhere else."
    ).format(name=name, reason=reason)


def problem_sentence(message: str) -> str:
    """An AssessmentError's message as a sentence about the file: "It is empty", or, when the
    message starts with the field it is about, "Its field “team” holds ..."."""
    where, colon, rest = message.partition(": ")
    if colon and where and " " not in where:
        # Translators: {rest} is what is wrong with the field, worded to follow it ("holds a number").
        return _("Its field \u201c{where}\u201d {rest}").format(where=where, rest=rest)
    # Translators: {message} is what is wrong with the file, worded to follow "It" ("is empty").
    return _("It {message}").format(message=message)


def nowhere_words(problem: str) -> str:
    """Nothing could be written at all: `problem` says why."""
    return _(
        "Your latest changes could not be saved, not even in a restore copy ({problem}). "
        "Trying again every few seconds. Please keep this window open."
    ).format(problem=problem)


class Saving:
    """Saving with conflict detection: the part of Session that writes files."""

    assessment: Assessment
    path: Path | None
    on_disk: DiskIdentity | None
    conflict: bool
    missing: bool
    history: History | None
    _kept_opened: bool
    restore_file: RestoreFile
    revision: int
    saved_revision: int
    last_save: SaveOutcome | None

    # -- saving ----------------------------------------------------------------

    def save(self) -> SaveOutcome:
        """Save now: to the file if there is one, else (or if that fails) to the restore file.

        The file is written only while it is as this session last read or wrote it. Once
        another window or program has changed it (or moved it away), every save goes to the
        restore file until Save As gives the work a file of its own. Nothing raises: any
        failure, for any reason, leaves the work in the restore copy if that can be written,
        and says so in the outcome.
        """
        revision = self.revision
        file_problem = ""
        if self.path is not None and not self.conflict:
            self.conflict = self._changed_elsewhere(self.path)
            self.missing = self.conflict and disk_identity(self.path) is None
        if self.path is not None and not self.conflict:
            try:
                self._write_file(self.path)
            except AssessmentError as exc:
                file_problem = exc.message
            except Exception as exc:  # noqa: BLE001 (a save must never end in a traceback)
                file_problem = _("cannot be saved: {name}: {exc}").format(name=type(exc).__name__, exc=exc)
            else:
                self.restore_file.discard()
                self.saved_revision = revision
                self.last_save = SaveOutcome(True, True)
                return self.last_save
        try:
            # A conflict's restore copy is not meant for the file: restoring it must not overwrite
            # the other window's work, so it comes back untitled, for Save As.
            self.restore_file.write(self.assessment, None if self.conflict else self.path)
        except AssessmentError as exc:
            self.last_save = SaveOutcome(False, False, nowhere_words(f"{Path(exc.source).name} {exc.message}"))
            return self.last_save
        except Exception as exc:  # noqa: BLE001
            self.last_save = SaveOutcome(False, False, nowhere_words(f"{type(exc).__name__}: {exc}"))
            return self.last_save
        self.saved_revision = revision
        if self.conflict and self.path is not None:
            words = missing_words if self.missing else conflict_words
            self.last_save = SaveOutcome(True, False, words(self.path.name), conflict=True)
            return self.last_save
        message = file_problem_words(self.path.name, file_problem) if file_problem and self.path else ""
        self.last_save = SaveOutcome(True, False, message)
        return self.last_save

    def _write_file(self, path: Path) -> None:
        """Write the assessment to its file, keeping an earlier version in the history first."""
        data = store.encode(self.assessment, str(path))
        if self.history is not None and not self._kept_opened and self.on_disk is not None:
            # The file as it was opened, before this session changed it: the last version
            # of the session before, to go back to after a mistake.
            with contextlib.suppress(AssessmentError):
                self.history.keep(path, store.read_bytes(path), force=True)
            self._kept_opened = True
        store.write_atomic(path, data)
        self.on_disk = disk_identity(path)
        if self.history is not None:
            self.history.keep(path, data)

    def _changed_elsewhere(self, path: Path) -> bool:
        """Whether the file is no longer as this session last read or wrote it (one stat)."""
        now = disk_identity(path)
        if now == self.on_disk:
            return False
        # A missing folder is a drive taken away, not a file changed: saving fails for now and
        # the work waits in the restore copy until the drive (and the same file) comes back.
        return not (now is None and not path.parent.is_dir())

    def save_as(self, path: Path) -> None:
        """Save to a new file and keep working in it; raise AssessmentError if it cannot be written."""
        revision = self.revision
        store.save(path, self.assessment)
        self.path = path
        self.on_disk = disk_identity(path)
        self._kept_opened = True  # a new file has no earlier version to keep
        if self.history is not None:
            with contextlib.suppress(AssessmentError):
                self.history.keep(path, store.read_bytes(path), force=True)
        self.conflict = self.missing = False
        self.restore_file.discard()
        self.saved_revision = revision
        self.last_save = SaveOutcome(True, True)
