"""Reading a file's bytes safely: ordinary files only, and never more than a limit.

Every file coprod-check reads comes through `read_limited`: assessments, responses,
questionnaires, restore copies and the small files beside them. A folder, a named
pipe (FIFO), a device such as /dev/zero, or a link to one of them is refused before
a byte is read, so nothing can hang a command or the window, or fill the memory.
The size is checked on the open file, before reading, and the read itself stops one
byte past the limit, so a file that grows while it is read is refused too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from coprod_check.i18n import _

#: The largest assessment, response or workbook file read (as `score` always allowed).
ASSESSMENT_LIMIT = 64 * 1024 * 1024
#: The largest questionnaire file read.
QUESTIONNAIRE_LIMIT = 5_000_000
#: Small files kept beside restore copies and versions (which file they belong to).
INFO_LIMIT = 64 * 1024

# Windows' ERROR_CLOUD_FILE_* errors, met when a OneDrive or SharePoint file is online only and
# cannot be fetched now: 362 provider not running, 363-366 metadata and property problems,
# 374-383 and 386-398 (authentication failed, insufficient resources, network unavailable,
# unsuccessful, in use, pinned, request aborted, access denied...), 404 provider terminated,
# 426 request timeout.
CLOUD_ERRORS = frozenset({362, 363, 364, 365, 366, *range(374, 384), *range(386, 390), *range(391, 399), 404, 426})


class ReadRefused(Exception):
    """The file was not read; `reason` completes the sentence "FILE ..."."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def size_words(limit: int) -> str:
    """A limit in the unit people read: "64 MiB", "5 MB", "64 KiB"."""
    if limit % (1024 * 1024) == 0:
        return f"{limit // (1024 * 1024)} MiB"
    if limit % 1_000_000 == 0:
        return f"{limit // 1_000_000} MB"
    return f"{limit // 1024} KiB"


def read_limited(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of the ordinary file at `path` (links followed), or ReadRefused saying why.

    `what` names the kind of file in the message, e.g. "an assessment".
    """
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer for ever.
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ReadRefused(_missing(path)) from None
    except IsADirectoryError:
        raise ReadRefused(_("is a folder, not {what}").format(what=what)) from None
    except OSError as exc:
        raise ReadRefused(_("cannot be read: {os_reason}").format(os_reason=os_reason(exc))) from None
    except ValueError:  # a NUL, or a character the file system cannot name (from a damaged list)
        raise ReadRefused(_("cannot be read: its name holds characters no file name can have")) from None
    try:
        found = os.fstat(fd)
        if stat.S_ISDIR(found.st_mode):
            raise ReadRefused(_("is a folder, not {what}").format(what=what))
        if not stat.S_ISREG(found.st_mode):
            raise ReadRefused(
                _(
                    "is not an ordinary file (it is a device, a pipe or a socket), so it cannot be "
                    "{what}; nothing was read from it"
                ).format(what=what)
            )
        if found.st_size > limit:
            raise ReadRefused(
                _(
                    "is larger than {size_words} ({st_size:,} bytes), too large to be {what}; nothing was read from it"
                ).format(size_words=size_words(limit), st_size=found.st_size, what=what)
            )
        chunks = []
        remaining = limit + 1
        while remaining > 0:
            try:
                chunk = os.read(fd, min(remaining, 1 << 20))
            except BlockingIOError:  # only a non-file would do this; it was refused above
                break
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise ReadRefused(
                _("grew larger than {size_words} while it was being read, too large to be {what}").format(
                    size_words=size_words(limit), what=what
                )
            )
        return data
    except OSError as exc:
        raise ReadRefused(_("cannot be read: {os_reason}").format(os_reason=os_reason(exc))) from None
    finally:
        os.close(fd)


def _missing(path: Path) -> str:
    if os.path.islink(path):
        return _("is a link to {readlink}, which does not exist").format(readlink=os.readlink(path))
    return _("does not exist")


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in words, including OneDrive's "online only" files."""
    if getattr(exc, "winerror", None) in CLOUD_ERRORS:
        return _(
            "it is kept online only by OneDrive or SharePoint, and could not be fetched now. "
            "Check that OneDrive is running and signed in, or choose \u201cAlways keep on this device\u201d "
            "for the folder"
        )
    return str(exc.strerror or exc)


def read_questionnaire_bytes(path: Path) -> bytes:
    """A questionnaire file's bytes, or QuestionnaireError saying why they cannot be read.

    Here rather than in loader.py so that a questionnaire found in the parse cache is read
    without importing the loader and its checks (app/qcache.py).
    """
    from coprod_check.domain.errors import Problem, QuestionnaireError

    try:
        return read_limited(Path(path), QUESTIONNAIRE_LIMIT, "a questionnaire")
    except ReadRefused as exc:
        raise QuestionnaireError([Problem(str(path), None, exc.reason)]) from None
