"""Reading and writing assessment files so that nothing is ever lost.

Writing: a temporary file in the same folder, flushed and fsynced, then
atomically renamed over the old file, whose previous version is kept beside it
as FILE.bak; the folder is fsynced so that the rename itself survives a power
cut. The file is readable by its owner only. A process killed at any moment
leaves either the old file or the new one, never a mixture.

Reading: never writes. A corrupt, truncated, foreign or newer file gives an
AssessmentError naming the file and the problem.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from coprod_check.domain.assessment import Assessment
from coprod_check.domain.errors import AssessmentError
from coprod_check.domain.fileformat import from_dict, to_dict

MAX_BYTES = 64 * 1024 * 1024
BACKUP_SUFFIX = ".bak"


def dumps(assessment: Assessment) -> str:
    """The file's text: stable key order, UTF-8, readable by people."""
    return json.dumps(to_dict(assessment), ensure_ascii=False, indent=2) + "\n"


def loads(text: str, source: str = "<text>") -> Assessment:
    """Read an assessment from JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AssessmentError(source, f"is not a readable assessment: the JSON is broken at line "
                              f"{exc.lineno}, column {exc.colno} ({exc.msg}). It may be cut short or "
                              f"damaged; if there is a {Path(source).name}{BACKUP_SUFFIX} beside it, "
                              "that holds the previous save.") from None
    except RecursionError:
        raise AssessmentError(source, "is nested too deeply to be an assessment") from None
    return from_dict(data, source)


def load(path: Path) -> Assessment:
    """Read an assessment file. The file is never changed."""
    source = str(path)
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise AssessmentError(source, "does not exist") from None
    except IsADirectoryError:
        raise AssessmentError(source, "is a folder, not an assessment file") from None
    except OSError as exc:
        raise AssessmentError(source, f"cannot be read: {exc.strerror}") from None
    if len(raw) > MAX_BYTES:
        raise AssessmentError(source, f"is larger than {MAX_BYTES // (1024 * 1024)} MiB: not an assessment")
    if not raw.strip():
        raise AssessmentError(source, "is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AssessmentError(source, "is not a text file, so it cannot be an assessment") from None
    return loads(text, source)


def save(path: Path, assessment: Assessment) -> None:
    """Write an assessment atomically, keeping the previous version as FILE.bak."""
    write_atomic(path, dumps(assessment).encode("utf-8"))


def write_atomic(path: Path, data: bytes, backup: bool = True) -> None:
    """Replace `path` with `data` so that a crash leaves the old or the new file."""
    import tempfile  # only when writing: it costs start-up time on every read-only command

    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise AssessmentError(str(path), f"cannot be saved: {exc.strerror}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            with contextlib.suppress(OSError, AttributeError):
                os.fchmod(f.fileno(), 0o600)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if backup and path.is_file():
            _keep_backup(path)
        os.replace(tmp, path)
        _fsync_folder(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise AssessmentError(str(path), f"cannot be saved: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def backup_path(path: Path) -> Path:
    """Where the previous version of `path` is kept."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def _keep_backup(path: Path) -> None:
    # A hard link is instant and atomic; the rename over the old backup is too.
    bak = backup_path(path)
    staging = path.with_name(f".{path.name}.bak.tmp")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    try:
        try:
            os.link(path, staging)
        except OSError:
            staging.write_bytes(path.read_bytes())
        os.replace(staging, bak)
    except OSError:
        with contextlib.suppress(OSError):
            staging.unlink()
        raise


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
