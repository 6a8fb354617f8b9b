"""The window's menus and their shortcuts: one part of MainWindow (gui/main_window.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction, QKeySequence

from coprod_check.app import pages as p
from coprod_check.i18n import N_, _

EDIT_MENU = N_("&Edit")

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMenu

    from coprod_check.gui.main_window import MainWindow


class Menus:
    """File, Go and Help, built once when the window is made."""

    def _action(self: MainWindow, menu: QMenu, text: str, slot: Callable[[], object], *keys: str) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _make_actions(self: MainWindow) -> None:
        bar = self.menuBar()
        file = bar.addMenu(_("&File"))
        self._action(file, _("&New assessment\u2026"), self.show_start, "Ctrl+N")
        self._action(file, _("&Open\u2026"), lambda: self.open_path(None), "Ctrl+O")
        self.recent_menu = file.addMenu(_("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.save_action = self._action(file, _("&Save"), self.save, "Ctrl+S")
        self.save_as_action = self._action(file, _("Save &as\u2026"), self.save_as, "Ctrl+Shift+S")
        self.versions_action = self._action(file, _("Go back to an &earlier version\u2026"), self.go_back_to_version)
        file.addSeparator()
        self.blank_copy_action = self._action(file, _("Save a &blank copy for colleagues\u2026"), self.save_blank_copy)
        self._action(file, _("Co&mbine responses\u2026"), self.combine_responses)
        self.forms_questions_action = self._action(
            file, _("Save the questions for a Microsoft &Form\u2026"), self.save_forms_questions
        )
        self.forms_import_action = self._action(file, _("&Import a Microsoft Forms export\u2026"), self.import_forms)
        self.paper_entry_action = self._action(file, _("&Type in paper responses\u2026"), self.type_in_paper)
        self.next_round_action = self._action(
            file, _("Start the ne&xt round from this assessment\u2026"), self.start_next_round
        )
        file.addSeparator()
        self.export_action = None
        if self.can_export:
            self.export_action = self._action(file, _("Create &PDF action plan\u2026"), self.export_pdf, "Ctrl+E")
        file.addSeparator()
        self._action(file, _("Open your &questionnaires folder"), self.open_questionnaire_folder)
        file.addSeparator()
        self.close_action = self._action(
            file, _("&Close assessment (go to the start page)"), self.show_start, "Ctrl+W", "Ctrl+F4"
        )
        self._action(file, _("&Quit"), self.close, "Ctrl+Q")
        edit = bar.addMenu(_(EDIT_MENU))
        self.undo_action = self._action(edit, _("&Undo"), self.undo, "Ctrl+Z")
        self.redo_action = self._action(edit, _("&Redo"), self.redo, "Ctrl+Shift+Z", "Ctrl+Y")
        for action in (self.undo_action, self.redo_action):
            action.setEnabled(False)
        go = bar.addMenu(_("&Go"))
        self.back_action = self._action(go, _("&Back"), lambda: self.step(-1), "Ctrl+PgUp", "Alt+Left")
        self.next_action = self._action(go, _("&Next"), lambda: self.step(1), "Ctrl+PgDown", "Alt+Right")
        self.unanswered_action = self._action(go, _("Next &unanswered question"), self.next_unanswered, "Ctrl+U")
        self.navigator_action = self._action(go, _("&Contents"), self.focus_navigator, "F6")
        go.addSeparator()
        self.about_action = self._action(go, _("&About this assessment"), lambda: self.go(p.ABOUT_PAGE), "Ctrl+1")
        self.results_action = self._action(go, _("&Results"), lambda: self.go(p.RESULTS_PAGE), "Ctrl+2")
        self.plan_action = self._action(go, _("Action &plan"), lambda: self.go(p.PLAN_PAGE), "Ctrl+3")
        help_menu = bar.addMenu(_("&Help"))
        self._action(help_menu, _("&Keyboard shortcuts"), self.show_shortcuts, "F1")
        self._action(help_menu, _("&Support and signposting\u2026"), self.show_support)
        self._action(help_menu, _("&About coprod-check"), self.show_about)
        self.session_actions = [
            self.save_action,
            self.save_as_action,
            self.versions_action,
            self.blank_copy_action,
            self.forms_questions_action,
            self.forms_import_action,
            self.paper_entry_action,
            self.next_round_action,
            self.close_action,
            self.back_action,
            self.next_action,
            self.unanswered_action,
            self.navigator_action,
            self.about_action,
            self.results_action,
            self.plan_action,
            *([self.export_action] if self.export_action else []),
        ]

    @Slot()
    def undo(self: MainWindow) -> None:
        """Undo the latest change to an answer, a note or the plan, and show where it was made."""
        if self.session is not None:
            done = self.session.undo_log.undo_text()
            page = self.session.undo()
            if page is not None:
                self.go(page)
                self._say_done(done)

    @Slot()
    def redo(self: MainWindow) -> None:
        """Redo the change undone last, and show where it was made."""
        if self.session is not None:
            done = self.session.undo_log.redo_text()
            page = self.session.redo()
            if page is not None:
                self.go(page)
                self._say_done(done)

    def _say_done(self: MainWindow, sentence: str) -> None:
        """Say what was undone or redone: the page shows it, a screen reader hears it."""
        from coprod_check.gui.widgets import announce

        self.statusBar().showMessage(sentence, 8000)
        announce(self.statusBar(), sentence)

    def show_undo(self: MainWindow) -> None:
        """Name in the Edit menu what Undo and Redo would do ("Undo answer to “…”")."""
        log = self.session.undo_log if self.session is not None else None
        for action, plain, sentence in (
            (self.undo_action, _("&Undo"), log.undo_text() if log else ""),
            (self.redo_action, _("&Redo"), log.redo_text() if log else ""),
        ):
            action.setEnabled(bool(sentence))
            # A name's "&" is shown, not taken for a shortcut letter; Ctrl+Z and Ctrl+Shift+Z stay.
            action.setText(sentence.replace("&", "&&") if sentence else plain)
            action.setStatusTip(sentence)

    @Slot()
    def _fill_recent(self: MainWindow) -> None:
        self.recent_menu.clear()
        files = self.recent.load()
        for path in files:
            action = self.recent_menu.addAction(str(path).replace("&", "&&"))  # shown as written, not as a shortcut
            action.triggered.connect(lambda _=False, path=path: self.open_path(path))
        if not files:
            self.recent_menu.addAction(_("No recent assessments")).setEnabled(False)

    @Slot()
    def show_shortcuts(self: MainWindow) -> None:
        """List the keyboard shortcuts."""
        from coprod_check.gui.help import show_shortcuts

        show_shortcuts(self)

    @Slot()
    def show_about(self: MainWindow) -> None:
        """Say what this is."""
        from coprod_check.gui.help import show_about

        show_about(self)

    @Slot()
    def show_support(self: MainWindow) -> None:
        """Where to get support if a question is hard, and the place to change it (gui/support_dialog.py)."""
        from coprod_check.app import catalogue
        from coprod_check.gui.support_dialog import SupportDialog

        questionnaire = self.session.questionnaire if self.session else catalogue.find("coproduction-readiness")
        if questionnaire is not None:
            SupportDialog.ask(self, questionnaire)
