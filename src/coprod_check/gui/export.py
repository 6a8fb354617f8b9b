"""The "Create PDF action plan" action: present only when the PDF renderer is installed.

The renderer (and reportlab with it) is imported when the person asks for a
PDF, never when the window starts.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coprod_check.domain.assessment import Assessment
    from coprod_check.gui.session import Session

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
    words = " ".join(x for x in (a.organisation, a.team) if x) or "Co-production assessment"
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", words)
    safe = " ".join(safe.split())[:80].strip() or "assessment"
    return f"{safe} {a.date}{suffix}".strip() if a.date else f"{safe}{suffix}"


def export_pdf(parent: QWidget, session: Session, folder: Path) -> Path | None:
    """Ask where, write the PDF, offer to open it; return the path written (None if not)."""
    from coprod_check.gui.dialogs import Confirm, Desktop, ExportDialog, Inform

    start = session.path.parent if session.path else folder
    choice = ExportDialog.ask(parent, start / suggested_name(session, " action plan.pdf"))
    if choice is None:
        return None
    report = importlib.import_module(REPORT_MODULE)  # reportlab is loaded here, only when asked for

    digest = None
    if session.path is not None and not session.unsaved and session.path.exists():
        digest = report.file_sha256(session.path)
    try:
        report.write_pdf(session.questionnaire, session.assessment, choice.path, paper=choice.paper,
                         include_private=choice.include_private, include_names=choice.include_names,
                         assessment_sha256=digest)
    except Exception as exc:  # noqa: BLE001 (any failure is told to the person, and nothing else changes)
        Inform.ask(parent, "The PDF could not be created",
                   f"The PDF could not be created in {choice.path}.",
                   f"{exc}\n\nYour assessment is safe and has not been changed.", problem=True)
        return None
    if Confirm.ask(parent, "PDF created", f"The action plan is saved as {choice.path.name}.",
                   "&Open it now", "&Not now", str(choice.path.parent)):
        Desktop.open(parent, choice.path)
    return choice.path
