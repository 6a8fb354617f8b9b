"""Restore files: where work not yet saved as a named file is kept safe.

No Qt here. Each open assessment that has no file of its own (or whose file
could not be written) is autosaved to `RESTORE_DIR/ID.json`, a normal
assessment file, beside a small `ID.info.json` that says which process is
using it and which file it was meant for. The next start offers to restore
every restore file whose process is no longer running: after a crash, a
kill, or a window closed before Save As.

A restore file that cannot be read is set aside: renamed to `ID.json.unreadable` (its
information file likewise), kept for rescue, reported once on the start page, and never
offered again, so no file in this folder can stop the window from starting.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coprod_check.domain.errors import AssessmentError
from coprod_check.i18n import _

if TYPE_CHECKING:
    from coprod_check.domain.assessment import Assessment

# The store (and the assessment format with it) is imported only when a restore file is
# written or read: most starts have none, and the start page appears sooner without it.

INFO_SUFFIX = ".info.json"
SET_ASIDE_SUFFIX = ".unreadable"


class RestoreFile:
    """One restore file and its information file (neither exists until written)."""

    def __init__(self, folder: Path, restore_id: str | None = None):
        self.folder = folder
        self.id = restore_id or f"{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
        self.path = folder / f"{self.id}.json"
        self.info_path = folder / f"{self.id}{INFO_SUFFIX}"
        self._info_written: dict[str, object] | None = None

    def write(self, assessment: Assessment, target: Path | None) -> None:
        """Write the assessment atomically; raise AssessmentError if it cannot be kept."""
        from coprod_check.domain.fileformat import to_dict

        self.write_data(to_dict(assessment), target)

    def write_data(self, data: dict[str, Any], target: Path | None) -> None:
        """`write` of an assessment already turned into data (a save's snapshot)."""
        from coprod_check.app import store

        make_private_folder(self.folder)
        info: dict[str, object] = {"pid": os.getpid(), "target": str(target) if target else None}
        if info != self._info_written:
            store.write_atomic(self.info_path, json.dumps(info).encode(), backup=False)
            self._info_written = info
        store.write_atomic(self.path, restore_data_bytes(data), backup=False)

    @property
    def exists(self) -> bool:
        """Whether anything has been written."""
        return self.path.exists()

    def discard(self) -> None:
        """Delete the restore file and its information (nothing else)."""
        for path in (self.path, self.info_path):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        self._info_written = None


class RestoreOffer:
    """A restore file found at start-up, with what it holds or why it cannot be read."""

    def __init__(
        self, file: RestoreFile, target: Path | None, assessment: Assessment | None, error: str | None, modified: float
    ):
        self.file = file
        self.target = target
        self.assessment = assessment
        self.error = error
        self.modified = modified


def restore_bytes(assessment: Assessment) -> bytes:
    """The restore copy's bytes. Text that cannot be written as UTF-8 (which the store
    refuses) is repaired here, each bad character becoming U+FFFD, so the work is kept."""
    from coprod_check.domain.fileformat import to_dict

    return restore_data_bytes(to_dict(assessment))


def restore_data_bytes(data: dict[str, Any]) -> bytes:
    """`restore_bytes` of an assessment already turned into data."""
    from coprod_check.app import store
    from coprod_check.domain.textcheck import savable_text

    try:
        return store.encode_data(data)
    except AssessmentError:
        return savable_text(store.layout(data)).encode("utf-8")


def make_private_folder(folder: Path) -> None:
    """Create `folder` (and parents) readable by this user only, if it is missing."""
    if not folder.is_dir():
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise AssessmentError(
                str(folder), _("cannot be created: {strerror}").format(strerror=exc.strerror)
            ) from None


def offers(folder: Path) -> list[RestoreOffer]:
    """Restore files left by processes that are no longer running, newest first.

    One that cannot be read is set aside (see the module's docstring) and offered with its
    error, so the start page can say so once; nothing here raises.
    """
    try:
        if not folder.is_dir():
            return []
        names = sorted(p.name for p in folder.glob("*.json"))
    except OSError:
        return []
    found = []
    for name in names:
        if name.endswith(INFO_SUFFIX) or name.startswith("."):
            continue
        offer = _offer(RestoreFile(folder, name[: -len(".json")]))
        if offer is not None:
            found.append(offer)
    return sorted(found, key=lambda o: o.modified, reverse=True)


def _offer(file: RestoreFile) -> RestoreOffer | None:
    from coprod_check.app import store

    info = _read_info(file.info_path)
    pid = info.get("pid")
    if isinstance(pid, int) and not isinstance(pid, bool) and pid != os.getpid() and _running(pid):
        return None  # another window is using it right now
    target = info.get("target")
    try:
        modified = file.path.stat().st_mtime
    except OSError:
        return None  # gone since the folder was listed
    try:
        assessment, error = store.load(file.path), None
    except AssessmentError as exc:
        assessment, error = None, exc.message
    except Exception as exc:  # noqa: BLE001 (no file may stop the window from starting)
        assessment, error = None, _("could not be read ({name})").format(name=type(exc).__name__)
    if assessment is None:
        set_aside(file)
    target_path = Path(target) if isinstance(target, str) and target and _usable_name(target) else None
    return RestoreOffer(file, target_path, assessment, error, modified)


def _usable_name(name: str) -> bool:
    """Whether `name` can name a file here (a damaged information file may hold anything)."""
    try:
        os.fsencode(name)
    except (UnicodeError, ValueError):
        return False
    return "\x00" not in name


def set_aside(file: RestoreFile) -> None:
    """Rename an unreadable restore file (and its information) so it is kept but never read again."""
    for attr in ("path", "info_path"):
        path: Path = getattr(file, attr)
        aside = path.with_name(path.name + SET_ASIDE_SUFFIX)
        with contextlib.suppress(OSError):
            if os.path.lexists(path):
                os.replace(path, aside)
                setattr(file, attr, aside)


def _read_info(path: Path) -> dict[str, object]:
    from coprod_check.domain.reading import INFO_LIMIT, ReadRefused, read_limited

    try:
        data = json.loads(read_limited(path, INFO_LIMIT).decode("utf-8"))
    except (ReadRefused, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _running(pid: int) -> bool:
    if sys.platform == "win32":
        # os.kill cannot test a process there. At worst a file another open window is
        # using is offered too; restoring it copies the work, it never deletes any.
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True
