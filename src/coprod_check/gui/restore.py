"""Restore files: where work not yet saved as a named file is kept safe.

No Qt here. Each open assessment that has no file of its own (or whose file
could not be written) is autosaved to `RESTORE_DIR/ID.json`, a normal
assessment file, beside a small `ID.info.json` that says which process is
using it and which file it was meant for. The next start offers to restore
every restore file whose process is no longer running: after a crash, a
kill, or a window closed before Save As.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.domain.errors import AssessmentError

if TYPE_CHECKING:
    from coprod_check.domain.assessment import Assessment

# The store (and the assessment format with it) is imported only when a restore file is
# written or read: most starts have none, and the start page appears sooner without it.

INFO_SUFFIX = ".info.json"


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
        from coprod_check.domain import store

        make_private_folder(self.folder)
        info: dict[str, object] = {"pid": os.getpid(), "target": str(target) if target else None}
        if info != self._info_written:
            store.write_atomic(self.info_path, json.dumps(info).encode(), backup=False)
            self._info_written = info
        store.write_atomic(self.path, store.dumps(assessment).encode("utf-8"), backup=False)

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

    def __init__(self, file: RestoreFile, target: Path | None, assessment: Assessment | None,
                 error: str | None, modified: float):
        self.file = file
        self.target = target
        self.assessment = assessment
        self.error = error
        self.modified = modified


def make_private_folder(folder: Path) -> None:
    """Create `folder` (and parents) readable by this user only, if it is missing."""
    if not folder.is_dir():
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise AssessmentError(str(folder), f"cannot be created: {exc.strerror}") from None


def offers(folder: Path) -> list[RestoreOffer]:
    """Restore files left by processes that are no longer running, newest first."""
    if not folder.is_dir():
        return []
    from coprod_check.domain import store

    found = []
    for path in folder.glob("*.json"):
        if path.name.endswith(INFO_SUFFIX) or path.name.startswith("."):
            continue
        file = RestoreFile(folder, path.name[: -len(".json")])
        info = _read_info(file.info_path)
        pid = info.get("pid")
        if isinstance(pid, int) and pid != os.getpid() and _running(pid):
            continue  # another window is using it right now
        target = info.get("target")
        try:
            assessment, error = store.load(path), None
        except AssessmentError as exc:
            assessment, error = None, exc.message
        with contextlib.suppress(OSError):
            found.append(RestoreOffer(file, Path(target) if isinstance(target, str) else None,
                                      assessment, error, path.stat().st_mtime))
    return sorted(found, key=lambda o: o.modified, reverse=True)


def _read_info(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
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
