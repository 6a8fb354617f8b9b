"""The list of recently used assessment files, kept in the user's data folder.

No Qt here: a small JSON file, so tests isolate it with COPROD_CHECK_HOME and
nothing depends on where QSettings would put it on each platform.
"""

from __future__ import annotations

import json
from pathlib import Path

from coprod_check.domain.errors import AssessmentError

LIMIT = 10


def _usable_name(name: str) -> bool:
    import os

    try:
        os.fsencode(name)
    except (UnicodeError, ValueError):
        return False
    return bool(name) and "\x00" not in name


class RecentFiles:
    """Most recent first; missing files stay listed (a USB stick may be out) until removed."""

    def __init__(self, path: Path):
        self.path = path

    def load(self) -> list[Path]:
        """The remembered files; an unreadable list is treated as empty."""
        from coprod_check.domain.reading import INFO_LIMIT, ReadRefused, read_limited

        try:
            data = json.loads(read_limited(self.path, INFO_LIMIT).decode("utf-8"))
        except (ReadRefused, ValueError, RecursionError):
            return []
        if not isinstance(data, list):
            return []
        return [Path(p) for p in data if isinstance(p, str) and _usable_name(p)][:LIMIT]

    def add(self, file: Path) -> None:
        """Put `file` first."""
        file = file.resolve()
        self._write([file, *(p for p in self.load() if p != file)])

    def remove(self, file: Path) -> None:
        """Forget `file` (the file itself is not touched)."""
        self._write([p for p in self.load() if p != file])

    def _write(self, files: list[Path]) -> None:
        from coprod_check.app import store
        from coprod_check.app.restore import make_private_folder

        try:
            make_private_folder(self.path.parent)
            store.write_atomic(self.path, json.dumps([str(p) for p in files[:LIMIT]], indent=1).encode(), backup=False)
        except AssessmentError:
            pass  # a list of recent files is a convenience; failing to keep it loses no work
