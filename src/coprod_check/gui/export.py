"""The "Create PDF action plan" action: present only when the PDF renderer is installed.

The renderer (and reportlab with it) is imported when the person asks for a
PDF, never when the window starts.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import TYPE_CHECKING, cast

from coprod_check.i18n import N_, _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coprod_check.app.export_job import ExportJob
    from coprod_check.app.session import Session
    from coprod_check.domain.assessment import Assessment
    from coprod_check.gui.dialogs import ExportChoice, ExportSection
    from coprod_check.gui.export_runner import ExportRun

REPORT_MODULE = "coprod_check.report"


def report_available() -> bool:
    """Whether the PDF renderer is installed (without importing it)."""
    try:
        return importlib.util.find_spec(REPORT_MODULE) is not None
    except (ImportError, ValueError):
        return False


def suggested_name(session: Session, suffix: str) -> str:
    """A file name from the organisation, team and date, safe on every system."""
    return file_name(session.assessment, suffix)


#: The longest a suggested name's words run (before the date and the extension).
NAME_LIMIT = 80


def file_name(a: Assessment, suffix: str) -> str:
    """A file name for an assessment from its organisation, team and date, safe on every system.

    A long name is cut at the last whole word that fits, never in the middle of one.
    """
    words = " ".join(x for x in (a.organisation, a.team) if x) or _("Co-production assessment")
    safe = " ".join(re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", words).split())
    if len(safe) > NAME_LIMIT:
        cut = safe[: NAME_LIMIT + 1].rsplit(" ", 1)[0] if " " in safe[: NAME_LIMIT + 1] else safe[:NAME_LIMIT]
        safe = cut.rstrip(" ,;.-\u2013\u2014")
    safe = safe.strip(" .") or "assessment"  # Windows drops a trailing dot
    return f"{safe} {a.date}{suffix}".strip() if a.date else f"{safe}{suffix}"


def pdf_target(typed: Path, folder: Path) -> Path:
    """Where a typed name puts the PDF: "~" expanded, relative to `folder`, always ending in .pdf.

    Adding .pdf (rather than trusting the name) means "plan.json" cannot replace an assessment.
    """
    path = typed.expanduser()
    if not path.is_absolute():
        path = folder / path
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def export_sections(session: Session) -> list[ExportSection]:
    """The groups of fields the export dialog shows besides the file, paper and check boxes:
    the format (issue 11: PDF, Word, spreadsheet or CSV), then the board paper's cover-sheet
    fields (issue 10). See gui/export_dialog.py and NOTES-export-dialog.md.
    """
    from coprod_check.gui.export_board import BoardPaperSection
    from coprod_check.gui.export_format import FormatSection

    # The format section follows ExportSection's methods without deriving from it.
    return cast("list[ExportSection]", [FormatSection(), BoardPaperSection(session)])


def choose_target(parent: QWidget, session: Session, folder: Path) -> ExportChoice | None:
    """Ask where the PDF goes until it is a new file, or one the person agreed to replace (None: cancelled).

    The assessment's own files are never offered for replacing: the PDF would take the answers' place.
    """
    from coprod_check.app.files import same_file
    from coprod_check.gui.dialogs import Confirm, ExportDialog, Inform
    from coprod_check.gui.export_format import target

    suggested, previous = folder / suggested_name(session, _(" action plan.pdf")), None
    sections = export_sections(session)
    while True:
        choice = ExportDialog.ask(parent, suggested, previous, sections)
        if choice is None:
            return None
        choice.path = target(choice.path, folder, choice.format)  # the format's extension, always
        suggested, previous = choice.path, choice
        if same_file(choice.path, session.path) or same_file(choice.path, session.restore_file.path):
            Inform.ask(
                parent,
                _("Choose another name"),
                _("{name} is the file that holds this assessment.").format(name=choice.path.name),
                _("Creating the PDF there would replace your answers. Please choose another name for the PDF."),
                problem=True,
            )
        elif not choice.path.exists() or Confirm.ask(
            parent,
            _("Replace the file?"),
            _("There is already a file called {name}.").format(name=choice.path.name),
            _("&Replace it"),
            _("C&hoose another name"),
            _("It is in {parent}. Replacing it deletes what is in it now.").format(parent=choice.path.parent),
        ):
            return choice


def export_job(session: Session, choice: ExportChoice) -> ExportJob:
    """The job the worker runs: a copy of the assessment and its questionnaire, and the options.

    The assessment's SHA-256 is that of its file, when the file holds exactly what is shown (it has
    just been saved), so the plan can be tied to the answers it came from.
    """
    from coprod_check.app.export_job import ExportJob

    options = choice.options()
    options["assessment_sha256"] = _file_sha256(session.path) if session.path and not session.unsaved else None
    snapshot = session.snapshot()  # a copy; a group's responses are added as the job is written out
    questionnaire = session.questionnaire.to_plain()
    return ExportJob(choice.path, questionnaire, snapshot.data, options, choice.format, complete=snapshot.complete)


def _file_sha256(path: Path) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def export_pdf(parent: QWidget, session: Session, folder: Path) -> ExportRun | None:
    """Ask where, then write the PDF in a worker process while the window stays free; when it is
    written, offer to open it. Returns the run (None when the person cancelled the dialog)."""
    from coprod_check.gui.export_runner import ExportRun

    choice = choose_target(parent, session, folder)
    if choice is None:
        return None
    run = ExportRun(
        parent,
        export_job(session, choice),
        _(OUTCOME.get(choice.format, OUTCOME["pdf"])[3]),
        _("Creating {name}\u2026").format(name=choice.path.name),
    )
    run.finished.connect(lambda error: _finished(parent, choice.path, error, choice.format))
    run.start()
    return run


# For each format: the title when it could not be made, the sentence, the title when it was, and
# the progress dialog's title (marked for translation, translated where shown).
OUTCOME = {
    "pdf": (
        N_("The PDF could not be created"),
        N_("The PDF could not be created in {path}."),
        N_("PDF created"),
        N_("Creating the PDF"),
    ),
    "docx": (
        N_("The Word document could not be created"),
        N_("The Word document could not be created in {path}."),
        N_("Word document created"),
        N_("Creating the Word document"),
    ),
    "xlsx": (
        N_("The spreadsheet could not be created"),
        N_("The spreadsheet could not be created in {path}."),
        N_("Spreadsheet created"),
        N_("Creating the spreadsheet"),
    ),
    "csv": (
        N_("The CSV file could not be created"),
        N_("The CSV file could not be created in {path}."),
        N_("CSV file created"),
        N_("Creating the CSV file"),
    ),
}


def _finished(parent: QWidget, path: Path, error: str | None, fmt: str = "pdf") -> None:
    """Say how the export went: offer to open the file, explain a failure, or note a cancel."""
    from coprod_check.gui.dialogs import Confirm, Desktop, Inform

    failed, failed_in, created, _creating = OUTCOME.get(fmt, OUTCOME["pdf"])
    if error is None:
        return  # cancelled by the person: nothing to say, and nothing was changed
    if error:
        Inform.ask(
            parent,
            _(failed),
            _(failed_in).format(path=path),
            _("{exc}\n\nYour assessment is safe and has not been changed.").format(exc=error),
            problem=True,
        )
        return
    if Confirm.ask(
        parent,
        _(created),
        _("The action plan is saved as {name}.").format(name=path.name),
        _("&Open it now"),
        _("&Not now"),
        str(path.parent),
    ):
        Desktop.open(parent, path)
