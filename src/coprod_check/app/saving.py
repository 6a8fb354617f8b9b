"""Saving an open assessment: to its file while nobody else has changed it, else to a restore copy.

Session (app/session.py) saves through the `Saving` part here: the file is written only while it
is as the session last read or wrote it, and every failure is said in plain words, never raised.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coprod_check.app import store
from coprod_check.domain.errors import AssessmentError
from coprod_check.domain.fileformat import responses_out, to_dict
from coprod_check.i18n import _

if TYPE_CHECKING:
    from coprod_check.app.history import History
    from coprod_check.app.restore import RestoreFile
    from coprod_check.domain.assessment import Assessment, Response

DiskIdentity = tuple[int, int]  # (st_mtime_ns, st_size) of a file as this session last knew it


class SaveSnapshot:
    """The assessment at one revision, as JSON-ready data (fileformat.to_dict) that is a copy.

    A group's responses (thousands of answers, which nothing in the window changes: the group's own
    levels, notes and plan are its own) are turned into data by `complete`, on the thread that
    writes, so that taking a snapshot stays quick on the window's thread.
    """

    def __init__(self, revision: int, data: dict[str, Any], responses: list[Response] | None = None):
        self.revision = revision
        self.data = data
        self._responses = responses

    def release(self) -> None:
        """Let go of the data, on the thread that wrote it: freeing a group's tens of thousands of
        records takes tens of milliseconds, which the window's thread must not spend."""
        self.data, self._responses = {}, None

    def complete(self) -> dict[str, Any]:
        """The whole data, the responses included (on any thread; once)."""
        if self._responses is not None:
            self.data["responses"] = responses_out(self._responses)
            self._responses = None
        return self.data


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

    def snapshot(self) -> SaveSnapshot:
        """The assessment as it is now, as data no later change touches: what a save writes.

        Taken on the thread that changes the assessment (a few milliseconds for a group of 500);
        `save_snapshot` can then write it on another thread while the person goes on working.
        """
        responses = list(self.assessment.responses) or None
        return SaveSnapshot(self.revision, to_dict(self.assessment, responses_later=bool(responses)), responses)

    def save(self) -> SaveOutcome:
        """Save now, on this thread (see `save_snapshot`)."""
        return self.save_snapshot(self.snapshot())

    def save_snapshot(self, snapshot: SaveSnapshot) -> SaveOutcome:
        """Save a snapshot and record the outcome (`write_snapshot`, then `record_save`)."""
        outcome = self.write_snapshot(snapshot)
        self.record_save(snapshot, outcome)
        return outcome

    def write_and_release(self, snapshot: SaveSnapshot) -> SaveOutcome:
        """`write_snapshot`, then let go of the snapshot's data on this (worker) thread."""
        try:
            return self.write_snapshot(snapshot)
        finally:
            snapshot.release()

    def write_snapshot(self, snapshot: SaveSnapshot) -> SaveOutcome:
        """Write a snapshot: to the file if there is one, else (or if that fails) to the restore file.

        The file is written only while it is as this session last read or wrote it. Once
        another window or program has changed it (or moved it away), every save goes to the
        restore file until Save As gives the work a file of its own. Nothing raises: any
        failure, for any reason, leaves the work in the restore copy if that can be written,
        and says so in the outcome.

        It may run on a worker thread: it changes only what saving alone uses (where the file
        stands, the restore copy, the versions kept), never what the window reads to show the
        state; `record_save`, on the window's thread, does that. Only one save runs at a time
        (gui/autosave.py waits for one before the next). A change made while it runs is not
        lost: the session's revision is then ahead of the snapshot's, so the work is still
        `unsaved` and saved again.
        """
        data = snapshot.complete()
        file_problem = ""
        if self.path is not None and not self.conflict:
            self.conflict = self._changed_elsewhere(self.path)
            self.missing = self.conflict and disk_identity(self.path) is None
        if self.path is not None and not self.conflict:
            try:
                self._write_file(self.path, data)
            except AssessmentError as exc:
                file_problem = exc.message
            except Exception as exc:  # noqa: BLE001 (a save must never end in a traceback)
                file_problem = _("cannot be saved: {name}: {exc}").format(name=type(exc).__name__, exc=exc)
            else:
                self.restore_file.discard()
                return SaveOutcome(True, True)
        try:
            # A conflict's restore copy is not meant for the file: restoring it must not overwrite
            # the other window's work, so it comes back untitled, for Save As.
            self.restore_file.write_data(data, None if self.conflict else self.path)
        except AssessmentError as exc:
            return SaveOutcome(False, False, nowhere_words(f"{Path(exc.source).name} {exc.message}"))
        except Exception as exc:  # noqa: BLE001
            return SaveOutcome(False, False, nowhere_words(f"{type(exc).__name__}: {exc}"))
        if self.conflict and self.path is not None:
            words = missing_words if self.missing else conflict_words
            return SaveOutcome(True, False, words(self.path.name), conflict=True)
        message = file_problem_words(self.path.name, file_problem) if file_problem and self.path else ""
        return SaveOutcome(True, False, message)

    def record_save(self, snapshot: SaveSnapshot, outcome: SaveOutcome) -> None:
        """Record what a save did: the work is saved up to the snapshot's revision if it is safe."""
        if outcome.safe:
            self.saved_revision = snapshot.revision
        self.last_save = outcome

    def _write_file(self, path: Path, snapshot_data: dict[str, Any]) -> None:
        """Write the assessment to its file, keeping an earlier version in the history first."""
        data = store.encode_data(snapshot_data, str(path))
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
