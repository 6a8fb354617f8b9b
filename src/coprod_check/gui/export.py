"""The "Create PDF action plan" action: present only when the PDF renderer is installed.

The renderer (and reportlab with it) is imported when the person asks for a
PDF, never when the window starts.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coprod_check.app.session import Session
    from coprod_check.domain.assessment import Assessment
    from coprod_check.gui.dialogs import ExportChoice

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


def file_name(a: Assessment, suffix: str) -> str:
    """A file name for an assessment from its organisation, team and date, safe on every system."""
    words = " ".join(x for x in (a.organisation, a.team) if x) or _("Co-production assessment")
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", words)
    safe = " ".join(safe.split())[:80].strip() or "assessment"
    return f"{safe} {a.date}{suffix}".strip() if a.date else f"{safe}{suffix}"


def pdf_target(typed: Path, folder: Path) -> Path:
    """Where a typed name puts the PDF: "~" expanded, relative to `folder`, always ending in .pdf.

    Adding .pdf (rather than trusting the name) means "plan.json" cannot replace an assessment.
    """
    path = typed.expanduser()
    if not path.is_absolute():
        path = folder / path
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def choose_target(parent: QWidget, session: Session, folder: Path) -> ExportChoice | None:
    """Ask where the PDF goes until it is a new file, or one the person agreed to replace (None: cancelled).

    The assessment's own files are never offered for replacing: the PDF would take the answers' place.
    """
    from coprod_check.app.files import same_file
    from coprod_check.gui.dialogs import Confirm, ExportDialog, Inform

    suggested, previous = folder / suggested_name(session, _(" action plan.pdf")), None
    while True:
        choice = ExportDialog.ask(parent, suggested, previous=previous)
        if choice is None:
            return None
        choice.path = pdf_target(choice.path, folder)
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


def export_pdf(parent: QWidget, session: Session, folder: Path) -> Path | None:
    """Ask where, write the PDF, offer to open it; return the path written (None if not)."""
    from coprod_check.gui.dialogs import Confirm, Desktop, Inform

    choice = choose_target(parent, session, session.path.parent if session.path else folder)
    if choice is None:
        return None
    from coprod_check import report  # reportlab is loaded here, only when a PDF is asked for

    digest = None
    if session.path is not None and not session.unsaved and session.path.exists():
        digest = report.file_sha256(session.path)
    try:
        report.write_pdf(
            session.questionnaire,
            session.assessment,
            choice.path,
            paper=choice.paper,
            include_private=choice.include_private,
            include_names=choice.include_names,
            assessment_sha256=digest,
        )
    except Exception as exc:  # noqa: BLE001 (any failure is told to the person, and nothing else changes)
        Inform.ask(
            parent,
            _("The PDF could not be created"),
            _("The PDF could not be created in {path}.").format(path=choice.path),
            _("{exc}\n\nYour assessment is safe and has not been changed.").format(exc=exc),
            problem=True,
        )
        return None
    if Confirm.ask(
        parent,
        _("PDF created"),
        _("The action plan is saved as {name}.").format(name=choice.path.name),
        _("&Open it now"),
        _("&Not now"),
        str(choice.path.parent),
    ):
        Desktop.open(parent, choice.path)
    return choice.path
