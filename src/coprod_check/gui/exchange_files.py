"""Taking part without installing, in the window: a blank copy as a workbook or on paper, the
questions for a Microsoft Form, and a Forms export read back into response files. The same
modules as the command line (exchange/, report/paper.py) do the work; this only asks and tells.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.domain.errors import CoprodError
from coprod_check.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from coprod_check.domain.assessment import Assessment
    from coprod_check.domain.questionnaire import Questionnaire
    from coprod_check.gui.main_window import MainWindow

WORKBOOK_DONE = N_(
    "Send it to each colleague taking part. They fill it in with Excel or LibreOffice, with nothing to "
    "install: their role and, if they wish, their name and whether they have lived experience on "
    "\u201cAbout you\u201d, then their answers. When they send it back, choose it in \u201cCombine "
    "responses\u201d beside any other responses."
)
PAPER_DONE = N_(
    "Print it for each person who would rather answer on paper. When the forms come back, type each one "
    "in with File, \u201cType in paper responses\u201d, then shred the paper."
)


def write_blank(path: Path, kind: str, copy: Assessment, q: Questionnaire) -> None:
    """Write a blank copy of `kind` ("xlsx", "pdf" or "pdf-large"); CoprodError if it cannot be written."""
    if kind == "xlsx":
        from coprod_check.exchange import workbook

        workbook.write(path, copy, q)
    else:
        from coprod_check.report import paper

        paper.write(path, copy, q, large=kind == "pdf-large")


def done_words(kind: str) -> str:
    """What to do with a blank copy of this kind."""
    return _(WORKBOOK_DONE) if kind == "xlsx" else _(PAPER_DONE)


def save_forms_questions(window: MainWindow) -> Path | None:
    """Save the questions and choices for building a Microsoft Form."""
    from coprod_check.domain.combine import blank_copy
    from coprod_check.exchange import forms_export
    from coprod_check.gui import dialogs
    from coprod_check.gui.exchange_dialogs import FormsQuestionsDialog

    session = window.session
    if session is None:
        return None
    folder = session.path.parent if session.path else window.documents()
    path = FormsQuestionsDialog.ask(window, folder / _("questions for Microsoft Forms.docx"))
    if path is None:
        return None
    try:
        forms_export.write(path, blank_copy(session.assessment, session.questionnaire), session.questionnaire)
    except (CoprodError, OSError) as exc:
        dialogs.Inform.ask(
            window, _("The questions could not be saved"), str(exc), _("Nothing was written."), problem=True
        )
        return None
    dialogs.Inform.ask(
        window,
        _("Questions saved"),
        _("The questions for a Microsoft Form are saved as {name}.").format(name=path.name),
        _(
            "Build the Form from them as the README's \u201cMicrosoft Forms\u201d section says, set it so that it "
            "does not record names, and keep each question's wording as it is. Then use \u201cImport a "
            "Microsoft Forms export\u201d with the Excel file Forms gives you."
        ),
    )
    return path


def import_forms(window: MainWindow) -> list[Path]:
    """Read a Forms export against the open assessment, show how it maps, and write on the person's word."""
    from coprod_check.exchange import forms_import
    from coprod_check.gui import dialogs
    from coprod_check.gui.exchange_dialogs import FormsExportDialog, FormsPreviewDialog

    session = window.session
    if session is None:
        return []
    folder = session.path.parent if session.path else window.documents()
    chosen = FormsExportDialog.ask(window, folder)
    if chosen is None:
        return []
    export, out = chosen
    problem = _("The Forms export cannot be imported")
    try:
        found = forms_import.preview(export, session.assessment, session.questionnaire)
    except CoprodError as exc:
        dialogs.Inform.ask(window, problem, str(exc), _("Nothing has been written."), problem=True)
        return []
    choice = FormsPreviewDialog.ask(window, found.lines(), found.complete, len(found.responses()))
    if not choice:
        return []
    try:
        written = forms_import.write(found, out, skip_unmapped=choice == FormsPreviewDialog.SKIP)
    except (CoprodError, OSError) as exc:
        dialogs.Inform.ask(window, problem, str(exc), _("Nothing has been written."), problem=True)
        return []
    dialogs.Inform.ask(
        window,
        _("Responses written"),
        ngettext(
            "{count} response file is written to {folder}.",
            "{count} response files are written to {folder}.",
            len(written),
        ).format(count=len(written), folder=out),
        _("Choose them in \u201cCombine responses\u201d, beside any other responses, to bring everyone together."),
    )
    said = ngettext("Wrote {count} response file to {folder}", "Wrote {count} response files to {folder}", len(written))
    window.statusBar().showMessage(said.format(count=len(written), folder=out), 8000)
    return written
