"""The File menu's commands on the open assessment: Save As, going back to an earlier version,
the group and round files, and the PDF. One part of MainWindow (gui/main_window.py)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot

from coprod_check.app import catalogue
from coprod_check.app.doctype import EXTENSION
from coprod_check.app.restore import RestoreFile
from coprod_check.domain.errors import AssessmentError
from coprod_check.gui.widgets import announce
from coprod_check.i18n import _

if TYPE_CHECKING:
    from coprod_check.gui.main_window import MainWindow


class FileCommands:
    """What the File menu does to the assessment that is open."""

    def start_folder(self: MainWindow) -> Path:
        """Where a file chooser opens: the open assessment's folder while it is there (a drive may
        have been taken away), else the documents folder; never the working directory."""
        path = self.session.path if self.session is not None else None
        if path is not None and path.parent.is_dir():
            return path.parent
        return self.documents()

    @staticmethod
    def documents() -> Path:
        """The person's documents folder, where new files are offered first; their home folder when
        there is no documents folder (a file chooser given a folder that does not exist opens in the
        working directory, and writing there fails)."""
        from PySide6.QtCore import QStandardPaths

        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        if location and Path(location).is_dir():
            return Path(location)
        return Path.home()

    @Slot()
    def save(self: MainWindow) -> None:
        """Ctrl+S: everything is saved as it is typed, so this saves at once and says so; an
        assessment with no file yet is given one (Save As), as people expect of Ctrl+S."""
        session, saver = self.session, self.saver
        if session is None or saver is None:
            return
        if session.path is None or session.conflict:
            self.save_as()
            return
        saver.save_now()
        self._update_state()
        if not session.unsaved and session.last_save is not None and session.last_save.in_file:
            message = _("Saved in {path}.").format(path=session.path)
            self.statusBar().showMessage(message, 8000)
            announce(self.statusBar(), message)

    @Slot()
    def save_as(self: MainWindow) -> None:
        """Save the assessment in a file the person chooses, and keep working there."""
        from coprod_check.app.session import problem_sentence
        from coprod_check.gui import dialogs
        from coprod_check.gui.export import suggested_name

        session = self.session
        if session is None:
            return
        folder = self.start_folder()
        path = dialogs.SaveAsDialog.ask(self, folder / suggested_name(session, EXTENSION))
        if path is None:
            return
        if self.saver is not None:
            self.saver.wait()  # the autosave in flight finishes first: one save at a time
        try:
            session.save_as(path)
        except AssessmentError as exc:
            nowhere = session.unsaved and session.last_save is not None and not session.last_save.safe
            after = (
                _("Your latest changes are still not saved anywhere: please choose another place.")
                if nowhere
                else _("Your work is still safe where it was.")
            )
            dialogs.Inform.ask(
                self,
                _("The assessment could not be saved there"),
                _("It could not be saved as {name}.").format(name=path.name),
                f"{problem_sentence(exc.message)}\n\n{after}",
                problem=True,
            )
            return
        self.recent.add(path)
        self.statusBar().showMessage(_("Saved as {path}").format(path=path), 8000)
        self._update_state()

    @Slot()
    def go_back_to_version(self: MainWindow) -> None:
        """Open an earlier version of this file in its place; what the file holds now is kept as a version."""
        from coprod_check.app import store
        from coprod_check.app.files import read_assessment
        from coprod_check.app.session import disk_identity, problem_sentence
        from coprod_check.gui import dialogs
        from coprod_check.gui.start_page import when

        session, saver = self.session, self.saver
        if session is None or saver is None:
            return
        if session.path is None:
            dialogs.Inform.ask(
                self,
                _("No earlier versions yet"),
                _("Earlier versions are kept of assessments saved as a file."),
                _("Use Save As to choose where this one goes; versions are kept from then on."),
            )
            return
        saver.save_now()
        versions = session.history.versions(session.path) if session.history else []
        if not versions:
            dialogs.Inform.ask(
                self,
                _("No earlier versions yet"),
                _("No earlier version of {name} has been kept on this computer yet.").format(name=session.path.name),
                _("A version is kept when you open a file and then every ten minutes while you work."),
            )
            return
        choices = [f"{when(v.kept)} ({v.size:,} bytes)" for v in versions]
        index = dialogs.VersionDialog.ask(self, session.path.name, choices)
        if index is None:
            return
        chosen = versions[index]
        try:
            earlier = read_assessment(chosen.path)
        except AssessmentError as exc:
            dialogs.Inform.ask(
                self,
                _("This version cannot be opened"),
                _("This version cannot be opened."),
                problem_sentence(exc.message),
                problem=True,
            )
            return
        path = session.path
        if session.history is not None:  # what the file holds now, to come back to
            with contextlib.suppress(AssessmentError):
                session.history.keep(path, store.read_bytes(path), force=True)
        questionnaire = catalogue.find(earlier.questionnaire_id, earlier.questionnaire_version)
        if questionnaire is None:
            dialogs.Inform.ask(
                self,
                _("This version cannot be opened"),
                _("It answers the questionnaire \u201c{questionnaire_id}\u201d, which is not installed.").format(
                    questionnaire_id=earlier.questionnaire_id
                ),
                problem=True,
            )
            return
        if not self._open(
            questionnaire, earlier, path, RestoreFile(self.restore_folder), on_disk=disk_identity(path), going_back=True
        ):
            return
        message = _("Went back to the version of {name} kept {when}.").format(name=path.name, when=when(chosen.kept))
        self.statusBar().showMessage(message, 8000)
        announce(self.statusBar(), message)

    @Slot()
    def save_blank_copy(self: MainWindow) -> None:
        """Save a copy with no answers for colleagues to answer on their own."""
        from coprod_check.gui.group_files import save_blank_copy

        save_blank_copy(self)

    @Slot()
    def combine_responses(self: MainWindow) -> None:
        """Combine colleagues' responses into a group assessment, and open it."""
        from coprod_check.gui.group_files import combine_responses

        combine_responses(self)

    @Slot()
    def save_forms_questions(self: MainWindow) -> None:
        """Save the questions and choices for building a Microsoft Form."""
        from coprod_check.gui.exchange_files import save_forms_questions

        save_forms_questions(self)

    @Slot()
    def import_forms(self: MainWindow) -> None:
        """Read a Microsoft Forms export into response files, after showing how it maps."""
        from coprod_check.gui.exchange_files import import_forms

        import_forms(self)

    @Slot()
    def type_in_paper(self: MainWindow) -> None:
        """Type in paper responses, one person at a time, keyboard first."""
        from coprod_check.gui.paper_entry import type_in_paper

        type_in_paper(self)

    @Slot()
    def start_next_round(self: MainWindow) -> None:
        """Start a new assessment from this one, with its plan to review."""
        from coprod_check.gui.group_files import start_next_round

        start_next_round(self)

    @Slot()
    def export_pdf(self: MainWindow) -> None:
        """Create the PDF action plan (only offered when the renderer is installed), in a worker
        process: the window stays free, shows progress, and can cancel it."""
        if not self.can_export or self.session is None or self.saver is None or self.export_running():
            return
        from coprod_check.gui.export import export_pdf

        self.saver.save_now()
        self.export_run = export_pdf(self, self.session, self.start_folder())

    def export_running(self: MainWindow) -> bool:
        """True while a plan is being written."""
        return self.export_run is not None and self.export_run.running

    def cancel_export(self: MainWindow) -> None:
        """Stop a plan being written (the window is closing); its file is left as it was."""
        if self.export_run is not None:
            self.export_run.cancel()
