"""Earlier versions of assessment files, to go back to after a mistake.

The `.bak` beside a file is only the previous autosave, under a second old. Here are
older ones, kept in this user's local application-data folder (never beside the file,
where colleagues on a shared drive could read old answers):

- the file as it was when it was opened, before the first change of each session, and
- one version every VERSION_EVERY seconds while someone works on it.

Each file keeps at most PER_FILE versions, and all versions together take at most
SPACE_CAP bytes: the oldest go first. A version is a complete assessment file, written
atomically and readable by its owner only, named by when it was kept. No Qt here.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path
from typing import NamedTuple

from coprod_check.domain.digest import sha256
from coprod_check.domain.errors import AssessmentError

PER_FILE = 20
SPACE_CAP = 200 * 1024 * 1024
VERSION_EVERY = 10 * 60
_INFO = "file.json"


class Version(NamedTuple):
    """One kept version: where it is, when it was kept (seconds since the epoch), its size."""

    path: Path
    kept: float
    size: int


class History:
    """The versions kept under `folder` (one sub-folder per assessment file)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _folder_for(self, file: Path) -> Path:
        key = _key(file)
        return self.folder / key

    def versions(self, file: Path) -> list[Version]:
        """The versions kept of `file`, newest first."""
        found = []
        try:
            entries = list(os.scandir(self._folder_for(file)))
        except OSError:
            return []
        for entry in entries:
            if entry.name.endswith(".json") and entry.name != _INFO and not entry.name.startswith("."):
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    found.append(Version(Path(entry.path), info.st_mtime, info.st_size))
        return sorted(found, key=lambda v: (v.kept, v.path.name), reverse=True)

    def keep(self, file: Path, data: bytes, *, force: bool = False, now: float | None = None) -> Path | None:
        """Keep `data` as a version of `file` if the newest is older than VERSION_EVERY (or `force`).

        Returns the version written, or None. Never raises: history is a safety net, and a
        net that cannot be kept must not stop the save it follows.
        """
        now = time.time() if now is None else now
        try:
            existing = self.versions(file)
            if existing and not force and now - existing[0].kept < VERSION_EVERY:
                return None
            if existing and _same_bytes(existing[0].path, data):
                return None  # nothing new to keep
            from coprod_check.app.store import write_atomic

            folder = self._folder_for(file)
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            info = folder / _INFO
            if not info.exists():
                write_atomic(info, json.dumps({"file": str(_resolved(file))}).encode(), backup=False)
            stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
            target = folder / f"{stamp}.json"
            number = 1
            while target.exists():
                number += 1
                target = folder / f"{stamp}-{number}.json"
            write_atomic(target, data, backup=False)
            os.utime(target, (now, now))
            self.prune(file)
            return target
        except (AssessmentError, OSError):
            return None

    def prune(self, file: Path | None = None) -> None:
        """Keep PER_FILE versions of `file`, and SPACE_CAP bytes of versions altogether."""
        if file is not None:
            for old in self.versions(file)[PER_FILE:]:
                with contextlib.suppress(OSError):
                    old.path.unlink()
        everything: list[Version] = []
        try:
            folders = [Path(e.path) for e in os.scandir(self.folder) if e.is_dir(follow_symlinks=False)]
        except OSError:
            return
        for folder in folders:
            with contextlib.suppress(OSError):
                for entry in os.scandir(folder):
                    if entry.name.endswith(".json") and entry.name != _INFO:
                        info = entry.stat(follow_symlinks=False)
                        everything.append(Version(Path(entry.path), info.st_mtime, info.st_size))
        everything.sort(key=lambda v: v.kept, reverse=True)
        total = 0
        for version in everything:
            total += version.size
            if total > SPACE_CAP:
                with contextlib.suppress(OSError):
                    version.path.unlink()

    def used(self) -> int:
        """The bytes all versions take now."""
        total = 0
        with contextlib.suppress(OSError):
            for folder in os.scandir(self.folder):
                with contextlib.suppress(OSError):
                    total += sum(
                        e.stat(follow_symlinks=False).st_size
                        for e in os.scandir(folder.path)
                        if e.name.endswith(".json") and e.name != _INFO
                    )
        return total


def _resolved(file: Path) -> Path:
    try:
        return Path(file).resolve()
    except OSError:
        return Path(os.path.abspath(file))


def _key(file: Path) -> str:
    # The same file reached through a link or another spelling of its path keeps one history.
    text = str(_resolved(file))
    if os.name == "nt":
        text = text.casefold()
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]  # digest.py: no OpenSSL at start


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False
