"""The export worker: a process of its own that writes one printed plan for the window.

    python -m coprod_check.report.job < job.json

It reads an export job (app/export_job.py) from standard input, writes the file atomically, and
reports on standard output, one JSON object a line: progress while reportlab lays the plan out,
then "done" or "error". It runs in its own process because reportlab holds Python's lock for most
of a render: in the window's process, any thread doing it would freeze the window.
Killing the process cancels the job; the file it was writing is then left as it was (the write
is atomic), and nothing else is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from coprod_check.app.export_job import ExportJob, done_line, error_line, progress_line
from coprod_check.i18n import _

Renderer = Callable[[Any, Any, Path, dict[str, Any]], None]


def _pdf(questionnaire: Any, assessment: Any, output: Path, options: dict[str, Any]) -> None:
    from coprod_check.report import write_pdf

    write_pdf(questionnaire, assessment, output, **options)


#: How each format is written: (questionnaire, assessment, output, options). The Word and
#: spreadsheet twins (issue 11) add theirs here.
def _plan(questionnaire: Any, assessment: Any, output: Path, options: dict[str, Any]) -> None:
    """The Word twin, the workbook or the CSV (issue 11): the output's extension chooses."""
    from coprod_check.report.formats import write_job

    write_job(questionnaire, assessment, output, options)


RENDERERS: dict[str, Renderer] = {"pdf": _pdf, "docx": _plan, "xlsx": _plan, "csv": _plan}


def run(job: ExportJob, report: Callable[[bytes], object]) -> bool:
    """Write the job's file, reporting progress and the outcome through `report`; True if written."""
    from coprod_check.domain.errors import CoprodError
    from coprod_check.domain.fileformat import from_dict
    from coprod_check.domain.questionnaire import Questionnaire
    from coprod_check.report import document

    renderer = RENDERERS.get(job.format)
    if renderer is None:
        report(error_line(_("This version of coprod-check cannot write a {format} file.").format(format=job.format)))
        return False
    total, shown = [0], [0.0]

    def progress(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            total[0] = max(total[0], value, 1)  # reportlab estimates again as flowables split
        elif kind == "PROGRESS" and total[0]:
            fraction = min(value / total[0], 0.99)
            if fraction >= shown[0] + 0.01:  # never backwards, and not a line for every flowable
                shown[0] = fraction
                report(progress_line(fraction))

    document.on_progress = progress
    try:
        questionnaire = Questionnaire.from_plain(job.questionnaire)
        assessment = from_dict(job.assessment, str(job.output))
        renderer(questionnaire, assessment, job.output, job.options)
    except CoprodError as exc:
        report(error_line(str(exc)))
        return False
    except Exception as exc:  # noqa: BLE001 (any failure is said to the window, never lost)
        report(error_line(f"{type(exc).__name__}: {exc}"))
        return False
    finally:
        document.on_progress = None
    report(done_line(job.output))
    return True


def main(stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> int:
    """Run the job on standard input; 0 when the file is written, 1 when not."""
    _yield_to_the_window()
    source = stdin if stdin is not None else _stream(sys.stdin, 0, "rb")
    out = stdout if stdout is not None else _stream(sys.stdout, 1, "wb")

    def report(line: bytes) -> None:
        out.write(line)
        out.flush()

    try:
        job = ExportJob.from_bytes(source.read())
    except (ValueError, KeyError, TypeError) as exc:
        report(error_line(_("The export job could not be read ({reason}).").format(reason=exc)))
        return 1
    return 0 if run(job, report) else 1


def _yield_to_the_window() -> None:
    """Run below the window's priority: on a busy machine (two cores, other programs) the render
    must not take the processor from the window the person is using."""
    import contextlib
    import os

    with contextlib.suppress(AttributeError, OSError):  # os.nice exists on POSIX only
        os.nice(NICENESS)


NICENESS = 10


def _stream(stream: Any, fd: int, mode: str) -> BinaryIO:
    """The binary stream under `stream`; in a windowed bundle on Windows Python gives no sys.stdin
    or sys.stdout, though the window handed the worker its pipes, so they are opened by number."""
    if stream is not None and hasattr(stream, "buffer"):
        return stream.buffer  # type: ignore[no-any-return]
    import os

    return os.fdopen(fd, mode, closefd=False)  # type: ignore[return-value]


if __name__ == "__main__":
    raise SystemExit(main())
