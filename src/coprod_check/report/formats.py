"""One plan, four files: the PDF, its Word twin, and the actions as a workbook or CSV.

    fmt = format_for(Path("plan.docx"))          # "pdf", "docx", "xlsx" or "csv", by extension
    data = render_plan(questionnaire, assessment, fmt, assessment_sha256=digest, today=date)
    write_plan(questionnaire, assessment, Path("plan.xlsx"), assessment_sha256=digest)

Every format is made from the same `model.Report`, so the same content comes out in the same
order, with the same guarantees: private notes and names only when asked for, text shown as
typed, the same bytes for the same input and date, the assessment's SHA-256 inside.
python-docx and openpyxl are imported only when their format is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coprod_check.domain.assessment import Assessment
    from coprod_check.domain.questionnaire import Questionnaire

__all__ = ["FORMATS", "format_for", "render_plan", "write_plan"]

# Extension -> (format, what it is called in a sentence).
FORMATS = {
    ".pdf": ("pdf", "PDF"),
    ".docx": ("docx", "Word document"),
    ".xlsx": ("xlsx", "spreadsheet of actions"),
    ".csv": ("csv", "CSV file of actions"),
}


def format_for(path: Path) -> str:
    """The format a file name asks for, by its extension; ValueError for any other extension."""
    try:
        return FORMATS[Path(path).suffix.lower()][0]
    except KeyError:
        from coprod_check.i18n import _

        message = _("{name}: the plan can be written as {extensions}")
        raise ValueError(message.format(name=Path(path).name, extensions=", ".join(FORMATS))) from None


#: The custom property every .docx and .xlsx plan carries, so that making the plan again may
#: replace the earlier file, and nothing else (a colleague's workbook of responses, say).
KIND_PROPERTY = "CoprodCheckDocument"
KINDS = {"docx": "board-paper", "xlsx": "actions"}


def is_plan(path: Path, fmt: str) -> bool:
    """True when `path` is a plan coprod-check made in format `fmt` (so it may be replaced)."""
    import zipfile

    try:
        with open(path, "rb") as f:
            head = f.read(64)
        if fmt == "pdf":
            return head.startswith(b"%PDF-")
        if fmt == "csv":
            from coprod_check.report.action_rows import headers

            return head.startswith(b"\xef\xbb\xbf" + ",".join(headers()[:3]).encode())
        with zipfile.ZipFile(path) as z:
            custom = z.read("docProps/custom.xml")
        return f'name="{KIND_PROPERTY}"'.encode() in custom and f">{KINDS[fmt]}<".encode() in custom
    except (OSError, KeyError, zipfile.BadZipFile):
        return False  # unreadable, or not ours: not known to be a plan, so not replaced


def render_plan(questionnaire: Questionnaire, assessment: Assessment, fmt: str, **options: Any) -> bytes:
    """The plan in format `fmt` as bytes. `options` are those of `render_pdf`, and `template`
    (a Word template of the trust's own) for the Word twin."""
    return rendered(questionnaire, assessment, fmt, **options)[0]


def rendered(questionnaire: Questionnaire, assessment: Assessment, fmt: str, **options: Any) -> tuple[bytes, list[str]]:
    """The plan in format `fmt` as bytes, and notes for the person making it (such as a
    template's placeholder that coprod-check does not know)."""
    template = options.pop("template", None)
    if fmt == "pdf":
        from coprod_check.report import render_pdf

        return render_pdf(questionnaire, assessment, **options), []
    if fmt == "docx":
        from coprod_check.report.word import docx_for

        data, unknown = docx_for(questionnaire, assessment, template=template, **options)
        return data, [_unknown_note(name) for name in sorted(unknown)]
    if fmt not in ("xlsx", "csv"):
        raise ValueError(f"unknown format {fmt!r}")
    from coprod_check.report.model import prepare
    from coprod_check.report.spreadsheet import render_csv, render_xlsx

    for option in ("paper", "board"):  # the actions list has no pages and no cover sheet
        options.pop(option, None)
    find_out = bool(options.pop("find_out_unanswered", False))
    report = prepare(questionnaire, assessment, **options)
    return (render_xlsx(report, find_out) if fmt == "xlsx" else render_csv(report, find_out)), []


def _unknown_note(name: str) -> str:
    from coprod_check.i18n import _

    return _(
        "The Word template has a placeholder {placeholder} that coprod-check does not know; "
        "it is left as it is. The README lists the names it fills in."
    ).format(placeholder="{{ " + name + " }}")


def write_job(questionnaire: Questionnaire, assessment: Assessment, output: Path, options: dict[str, Any]) -> None:
    """The export worker's renderer for every format (report/job.py's RENDERERS, issue 13): the
    file's extension chooses, as on the command line. A template's unknown placeholders are not
    reported from the window, which offers no template."""
    write_plan(questionnaire, assessment, output, **options)


def write_plan(questionnaire: Questionnaire, assessment: Assessment, output: Path, **options: Any) -> list[str]:
    """Write the plan to `output` atomically, in the format its extension names; returns the notes.

    Raises ValueError for an extension no format has, AssessmentError (a CoprodError) when the
    file cannot be written, TemplateError for a Word template that cannot be used.
    """
    from coprod_check.app.store import write_atomic

    data, notes = rendered(questionnaire, assessment, format_for(output), **options)
    write_atomic(Path(output), data, backup=False)
    return notes
