"""The start page's side of the window: closing the assessment to show it, the restore copies it
offers, and the questionnaires folder it opens. One part of MainWindow (gui/main_window.py)."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot

from coprod_check.app import catalogue
from coprod_check.app.restore import RestoreOffer, make_private_folder, offers
from coprod_check.domain.errors import AssessmentError
from coprod_check.gui.widgets import set_tab_chain
from coprod_check.i18n import _

if TYPE_CHECKING:
    from coprod_check.gui.main_window import MainWindow


class StartCommands:
    """Showing the start page, with what it offers."""

    @Slot()
    def show_start(self: MainWindow) -> None:
        """Close the assessment (it is saved) and show the start page."""
        if not self._close_session():
            return
        from coprod_check.gui.background import in_background

        # Every questionnaire installed is read (and checked, or taken from the cache) for the list:
        # on a worker thread, as the window goes on repainting.
        entries = in_background(catalogue.discover)
        self.start.show_choices(entries, self.recent.load(), self._offers(), catalogue.user_questionnaire_dir())
        self.stack.setCurrentWidget(self.start)
        self.page = ""
        for widget in (self.navigator, self.bar):
            if widget is not None:
                widget.hide()
        for action in self.session_actions:
            action.setEnabled(False)
        self._update_title()
        set_tab_chain(self.start.tab_sequence())
        self.start.focus_first()

    def _offers(self: MainWindow) -> list[RestoreOffer]:
        """Restore copies to offer; any left in the old roaming folder are moved to the local one first."""
        old = self._old_restore_folder
        if old is not None and old.is_dir():
            import os

            with contextlib.suppress(OSError, AssessmentError):
                make_private_folder(self.restore_folder)
                for path in old.glob("*.json"):
                    os.replace(path, self.restore_folder / path.name)
        return offers(self.restore_folder)

    @Slot()
    def open_questionnaire_folder(self: MainWindow) -> None:
        """Create the user's questionnaire folder if needed and open it in the file manager."""
        from coprod_check.gui import dialogs

        folder = catalogue.user_questionnaire_dir()
        try:
            make_private_folder(folder)
        except AssessmentError as exc:
            dialogs.Inform.ask(self, _("The folder cannot be created"), exc.message, str(folder), problem=True)
            return
        dialogs.Desktop.open(self, folder)
