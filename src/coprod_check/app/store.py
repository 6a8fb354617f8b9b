"""Reading and writing assessment files so that nothing is ever lost.

Writing: a temporary file in the same folder, flushed and fsynced, then
atomically renamed over the old file, whose previous version is kept beside it
as FILE.bak; the folder is fsynced so that the rename itself survives a power
cut. The file is readable by its owner only. A process killed at any moment
leaves either the old file or the new one, never a mixture. Saving through a
symbolic link writes the file it points to, in that file's folder (the link
stays a link); a link to nothing is refused. On Windows, a replace that meets a
sharing violation (antivirus, indexing, sync) is tried again for a few seconds.

Reading: never writes. Only an ordinary file of at most MAX_BYTES is read
(domain/reading.py). A corrupt, truncated, foreign or newer file, one with a
number longer than MAX_DIGITS, or text that could not be saved again gives an
AssessmentError naming the file and the problem.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path

from coprod_check.domain.assessment import Assessment
from coprod_check.domain.errors import AssessmentError
from coprod_check.domain.fileformat import from_dict, to_dict
from coprod_check.domain.reading import ASSESSMENT_LIMIT, ReadRefused, os_reason, read_limited
from coprod_check.i18n import _

MAX_BYTES = ASSESSMENT_LIMIT
BACKUP_SUFFIX = ".bak"
#: The longest whole number read from an assessment. Python refuses to convert numbers
#: over 4,300 digits; nothing in an assessment needs more than a few.
MAX_DIGITS = 15
# Windows' sharing violations, which antivirus, indexing, backup and sync tools cause by
# holding a file open for a moment: ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION and
# ERROR_LOCK_VIOLATION. A replace that meets one is tried again after a pause.
RETRY_WINERRORS = frozenset({5, 32, 33})
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.0)


class _LongNumber(ValueError):
    def __init__(self, digits: int):
        super().__init__(digits)
        self.digits = digits


def _bounded_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        raise _LongNumber(digits)
    return int(text)


#: Python's C encoder (json.dumps with indent falls back to the pure-Python one, ~7x slower), made
#: once: JSONEncoder.encode would make a new one for every line.
_C_ENCODER = getattr(json.encoder, "c_make_encoder", None)
_string = json.encoder.encode_basestring  # C, as the encoder writes a key


def _type_error(value: object) -> object:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


_line_chunks = (
    None if _C_ENCODER is None else _C_ENCODER(None, _type_error, _string, None, ": ", ", ", False, False, True)
)
_py_encoder = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _compact(value: object) -> str:
    """One value as compact JSON on one line (", " and ": " between items, for people)."""
    if _line_chunks is None:  # pragma: no cover (every CPython has the C encoder)
        return _py_encoder.encode(value)
    return "".join(_line_chunks(value, 0))


#: How deep the layout opens containers onto lines of their own (an answer is at depth 4 in a group).
_OPEN_DEPTH = 4


def dumps(assessment: Assessment) -> str:
    """The file's text: stable key order, UTF-8, readable by people."""
    return layout(to_dict(assessment))


def layout(data: object) -> str:
    """JSON text laid out for people, written by the C encoder: one answer (one person, one action)
    a line.

    A container is opened onto lines of its own, indented by two spaces a level, when it is the
    whole file or holds containers itself; a record of plain values (an answer, a participant, a
    fingerprint list) is one line. Each line is one call of the C encoder, so a group of 500 is
    written in tens of milliseconds, and a thread writing it lets the window run between lines.
    """
    out: list[str] = []
    _lay(data, 0, out)
    out.append("\n")
    return "".join(out)


def _lay(value: object, depth: int, out: list[str]) -> None:
    if not _opens(value, depth):
        out.append(_compact(value))
        return
    inner = "\n" + "  " * (depth + 1)
    comma = "," + inner
    lead = inner
    if isinstance(value, dict):
        out.append("{")
        for key, item in value.items():
            out.append(f"{lead}{_string(str(key))}: ")
            _lay(item, depth + 1, out)
            lead = comma
        out.append("\n" + "  " * depth + "}")
    else:
        assert isinstance(value, list)
        out.append("[")
        for item in value:
            out.append(lead)
            _lay(item, depth + 1, out)
            lead = comma
        out.append("\n" + "  " * depth + "]")


def _opens(value: object, depth: int) -> bool:
    """Whether `value` is laid out over lines of its own (see `layout`)."""
    if depth >= _OPEN_DEPTH or not isinstance(value, (dict, list)) or not value:
        return False
    if not depth:
        return True
    items = value.values() if isinstance(value, dict) else value
    return any(isinstance(x, (dict, list)) for x in items)


def encode(assessment: Assessment, source: str = "<assessment>") -> bytes:
    """The file's bytes; AssessmentError if some text cannot be written as UTF-8.

    Text is checked where it enters (see fileformat.savable_text), so this is a last guard
    that turns a surprise into a message instead of a save that fails for ever.
    """
    return encode_data(to_dict(assessment), source)


def encode_data(data: dict[str, object], source: str = "<assessment>") -> bytes:
    """`encode` of an assessment already turned into data (fileformat.to_dict): the part of a
    save that can run on another thread, since the data is a copy nothing else changes."""
    try:
        return layout(data).encode("utf-8")
    except UnicodeEncodeError:
        raise AssessmentError(
            source,
            _("cannot be saved: some text in it holds a character that cannot be written as UTF-8 (a lone surrogate)"),
        ) from None
    except (ValueError, TypeError, RecursionError) as exc:
        raise AssessmentError(source, _("cannot be saved: {exc}").format(exc=exc)) from None


def loads(text: str, source: str = "<text>") -> Assessment:
    """Read an assessment from JSON text."""
    try:
        data = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise AssessmentError(source, not_json_words(text, source, exc)) from None
    except _LongNumber as exc:
        raise AssessmentError(
            source,
            _(
                "holds a number {digits:,} digits long; no number in an "
                "assessment has more than {MAX_DIGITS} digits, so the file is damaged "
                "or is not an assessment"
            ).format(digits=exc.digits, MAX_DIGITS=MAX_DIGITS),
        ) from None
    except RecursionError:
        raise AssessmentError(source, _("is nested too deeply to be an assessment")) from None
    except ValueError as exc:  # anything else json refuses, said in its words
        raise AssessmentError(source, _("is not a readable assessment ({exc})").format(exc=exc)) from None
    return from_dict(data, source)


def not_json_words(text: str, source: str, exc: json.JSONDecodeError) -> str:
    """Why text that is not JSON is not an assessment, in words that fit what it is: a
    questionnaire, some other text, or an assessment cut short or damaged. (Each follows the file's
    name: "notes.txt is not an assessment: ...".)"""
    start = text.lstrip("\ufeff \t\r\n")
    if looks_like_questionnaire(text):
        return _(
            "is a questionnaire (the questions), not an assessment (the answers to them). "
            "To check a questionnaire, run: coprod-check validate FILE"
        )
    if not start.startswith(("{", "[")):
        shown = "".join(c if c.isprintable() else " " for c in start[:40])
        shown = " ".join(shown.split()) + ("\u2026" if len(start) > 40 else "")
        return _(
            "is not an assessment: an assessment is a JSON file that starts with \u201c{{\u201d, "
            "and this one starts \u201c{start}\u201d"
        ).format(start=shown)
    return _(
        "is not a readable assessment: the JSON is broken at line "
        "{lineno}, column {colno} ({msg}). It may be cut short or "
        "damaged; if there is a {name}{BACKUP_SUFFIX} beside it, "
        "that holds the previous save."
    ).format(lineno=exc.lineno, colno=exc.colno, msg=exc.msg, name=Path(source).name, BACKUP_SUFFIX=BACKUP_SUFFIX)


def looks_like_questionnaire(text: str) -> bool:
    """Whether text is laid out as a questionnaire file is: top-level "id:" and "domains:" lines."""
    lines = text[: 1 << 20].splitlines()
    return any(x.startswith("id:") for x in lines) and any(x.rstrip() == "domains:" for x in lines)


def looks_like_assessment(raw: bytes) -> bool:
    """Whether a file's first bytes are those of an assessment (its "format" names one)."""
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b'"format"' in head and b'"coprod-check-assessment"' in head


def read_bytes(path: Path) -> bytes:
    """An assessment file's bytes: an ordinary file of at most MAX_BYTES, else AssessmentError."""
    try:
        return read_limited(path, MAX_BYTES, _("an assessment"))
    except ReadRefused as exc:
        raise AssessmentError(str(path), exc.reason) from None


def decode(raw: bytes, source: str) -> str:
    """An assessment file's text; AssessmentError if it is empty or not UTF-8."""
    if not raw.strip():
        raise AssessmentError(source, _("is empty"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AssessmentError(source, _("is not a text file, so it cannot be an assessment")) from None


def load(path: Path) -> Assessment:
    """Read an assessment file. The file is never changed."""
    return loads(decode(read_bytes(path), str(path)), str(path))


def save(path: Path, assessment: Assessment) -> None:
    """Write an assessment atomically, keeping the previous version as FILE.bak."""
    write_atomic(path, encode(assessment, str(path)))


def save_target(path: Path) -> Path:
    """The file a save to `path` really writes: the target of a link (of links), else `path`.

    A link is followed, so saving through it updates the file it points to, in that file's
    own folder, rather than replacing the link with a file of its own.
    """
    path = Path(path)
    if not os.path.islink(path):
        return path
    target = Path(os.path.realpath(path))
    if not target.exists():
        raise AssessmentError(
            str(path),
            _(
                "cannot be saved: it is a link to {readlink}, which does "
                "not exist. Nothing was written; use Save As to choose a file"
            ).format(readlink=os.readlink(path)),
        )
    if not target.is_file():
        raise AssessmentError(
            str(path),
            _("cannot be saved: it is a link to {target}, which is not an ordinary file. Nothing was written").format(
                target=target
            ),
        )
    return target


def write_atomic(path: Path, data: bytes, backup: bool = True) -> None:
    """Replace `path` (or the file it links to) with `data` so that a crash leaves the old or the new file."""
    import tempfile  # only when writing: it costs start-up time on every read-only command

    shown = str(path)
    path = save_target(Path(path))
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise AssessmentError(shown, _("cannot be saved: {os_reason}").format(os_reason=os_reason(exc))) from None
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
        replace(tmp, path)
        _fsync_folder(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise AssessmentError(shown, _("cannot be saved: {os_reason}").format(os_reason=os_reason(exc))) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def replace(source: Path, target: Path) -> None:
    """os.replace, tried again for a few seconds while Windows reports a sharing violation."""
    for delay in (*RETRY_DELAYS, None):
        try:
            os.replace(source, target)
            return
        except OSError as exc:
            if delay is None or getattr(exc, "winerror", None) not in RETRY_WINERRORS:
                raise
        time.sleep(delay)


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
        replace(staging, bak)
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
