"""The main window: start page, navigator, the pages of one assessment, and the bar below.

Only what the start page needs is imported when the window starts; the
session, the navigator, the other pages and the dialogs are imported when
first used, so the window appears sooner. Every change is saved by the
AutoSaver; the window only reports where things stand.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from coprod_check.app import catalogue
from coprod_check.app import pages as p
from coprod_check.app.doctype import EXTENSION
from coprod_check.app.recent import RecentFiles
from coprod_check.app.restore import RestoreFile, RestoreOffer, make_private_folder, offers
from coprod_check.domain.errors import AssessmentError
from coprod_check.gui.start_page import StartPage
from coprod_check.gui.widgets import announce, plain_tooltip, set_tab_chain

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent, QPaintEvent
    from PySide6.QtWidgets import QMenu

    from coprod_check.app.session import Session
    from coprod_check.domain.assessment import Assessment
    from coprod_check.domain.questionnaire import Questionnaire
    from coprod_check.gui.autosave import AutoSaver
    from coprod_check.gui.navigator import Navigator
    from coprod_check.gui.session_bar import SessionBar

APP_TITLE = "coprod-check"
def report_available() -> bool:
    """Whether the PDF renderer is installed, found without importing it."""
    from coprod_check.gui.export import report_available as available

    return available()


class MainWindow(QMainWindow):
    """The whole app in one window. `home` holds the recent list, restore copies and versions.

    Without `home`, restore copies and earlier versions live in the local application-data
    folder (never the roaming profile on Windows, never beside the file), the recent list
    in the user's data folder.
    """

    def __init__(self, home: Path | None = None):
        from coprod_check.app.history import History
        from coprod_check.app.paths import user_local_dir

        super().__init__()
        self.home = home or catalogue.user_data_dir()
        self.recent = RecentFiles(self.home / "recent.json")
        local = home or user_local_dir()
        self.restore_folder = local / "restore"
        self.history = History(local / "versions")
        # Before this version, restore copies lived in the roaming folder on Windows.
        self._old_restore_folder = None if home or local == self.home else self.home / "restore"
        self.session: Session | None = None
        self.saver: AutoSaver | None = None
        self.navigator: Navigator | None = None
        self.bar: SessionBar | None = None
        self.page = ""
        self.pages: dict[str, QWidget] = {}
        self.can_export = report_available()
        self._painted = False

        central = QWidget()
        self.setCentralWidget(central)
        self.outer = QVBoxLayout(central)
        self.row = QHBoxLayout()
        self.outer.addLayout(self.row, 1)
        self.stack = QStackedWidget()
        self.row.addWidget(self.stack, 3)
        self.start = StartPage()
        self.stack.addWidget(self.start)
        self.statusBar()

        self._make_actions()
        self.start.new_requested.connect(self.new_assessment)
        self.start.open_requested.connect(self.open_path)
        self.start.restore_requested.connect(self.restore)
        self.start.discard_requested.connect(self.discard)
        self.start.folder_requested.connect(self.open_questionnaire_folder)

        metrics = self.fontMetrics()
        # An explicit minimum keeps layouts from resizing the window as pages change.
        self.setMinimumSize(QSize(max(640, metrics.averageCharWidth() * 80), max(440, metrics.lineSpacing() * 26)))
        self.resize(max(self.minimumWidth(), metrics.averageCharWidth() * 150),
                    max(self.minimumHeight(), metrics.lineSpacing() * 44))
        self.show_start()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        """After the first paint, set up what the first screen does not need to be seen."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)

    @staticmethod
    def _after_first_paint() -> None:
        from coprod_check.gui import focus_ring

        focus_ring.install(QApplication.instance())  # type: ignore[arg-type]

    # -- menus and shortcuts ---------------------------------------------------

    def _action(self, menu: QMenu, text: str, slot: Callable[[], object], *keys: str) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _make_actions(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action(file, "&New assessment\u2026", self.show_start, "Ctrl+N")
        self._action(file, "&Open\u2026", lambda: self.open_path(None), "Ctrl+O")
        self.recent_menu = file.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.save_as_action = self._action(file, "Save &as\u2026", self.save_as, "Ctrl+Shift+S")
        self.versions_action = self._action(file, "Go back to an &earlier version\u2026", self.go_back_to_version)
        file.addSeparator()
        self.blank_copy_action = self._action(file, "Save a &blank copy for colleagues\u2026", self.save_blank_copy)
        self._action(file, "Co&mbine responses\u2026", self.combine_responses)
        self.next_round_action = self._action(file, "Start the ne&xt round from this assessment\u2026",
                                              self.start_next_round)
        file.addSeparator()
        self.export_action = None
        if self.can_export:
            self.export_action = self._action(file, "Create &PDF action plan\u2026", self.export_pdf, "Ctrl+E")
        file.addSeparator()
        self._action(file, "Open your &questionnaires folder", self.open_questionnaire_folder)
        file.addSeparator()
        self.close_action = self._action(file, "&Close assessment (go to the start page)", self.show_start,
                                         "Ctrl+W", "Ctrl+F4")
        self._action(file, "&Quit", self.close, "Ctrl+Q")
        go = bar.addMenu("&Go")
        self.back_action = self._action(go, "&Back", lambda: self.step(-1), "Ctrl+PgUp", "Alt+Left")
        self.next_action = self._action(go, "&Next", lambda: self.step(1), "Ctrl+PgDown", "Alt+Right")
        self.unanswered_action = self._action(go, "Next &unanswered question", self.next_unanswered, "Ctrl+U")
        self.navigator_action = self._action(go, "&Contents", self.focus_navigator, "F6")
        go.addSeparator()
        self.about_action = self._action(go, "&About this assessment", lambda: self.go(p.ABOUT_PAGE), "Ctrl+1")
        self.results_action = self._action(go, "&Results", lambda: self.go(p.RESULTS_PAGE), "Ctrl+2")
        self.plan_action = self._action(go, "Action &plan", lambda: self.go(p.PLAN_PAGE), "Ctrl+3")
        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Keyboard shortcuts", self.show_shortcuts, "F1")
        self._action(help_menu, "&About coprod-check", self.show_about)
        self.session_actions = [self.save_as_action, self.versions_action, self.blank_copy_action,
                                self.next_round_action,
                                self.close_action, self.back_action, self.next_action,
                                self.unanswered_action, self.navigator_action, self.about_action,
                                self.results_action, self.plan_action,
                                *([self.export_action] if self.export_action else [])]

    @Slot()
    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.recent.load()
        for path in files:
            action = self.recent_menu.addAction(str(path).replace("&", "&&"))  # shown as written, not as a shortcut
            action.triggered.connect(lambda _=False, path=path: self.open_path(path))
        if not files:
            self.recent_menu.addAction("No recent assessments").setEnabled(False)

    def _session_widgets(self) -> tuple[Navigator, SessionBar]:
        """The navigator and the bar below, built the first time an assessment opens."""
        if self.navigator is None or self.bar is None:
            from coprod_check.gui.navigator import Navigator
            from coprod_check.gui.session_bar import SessionBar

            self.navigator = Navigator()
            self.navigator.setMaximumWidth(self.fontMetrics().averageCharWidth() * 48)
            self.navigator.setMinimumWidth(self.fontMetrics().averageCharWidth() * 28)
            self.row.insertWidget(0, self.navigator, 1)
            self.navigator.go.connect(self.go)
            self.navigator.next_unanswered.clicked.connect(self.next_unanswered)
            self.bar = SessionBar()
            self.outer.addWidget(self.bar)
            self.bar.back.clicked.connect(lambda: self.step(-1))
            self.bar.next.clicked.connect(lambda: self.step(1))
        return self.navigator, self.bar

    # -- the start page ----------------------------------------------------------

    @Slot()
    def show_start(self) -> None:
        """Close the assessment (it is saved) and show the start page."""
        if not self._close_session():
            return
        self.start.show_choices(catalogue.discover(), self.recent.load(), self._offers(),
                                catalogue.user_questionnaire_dir())
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

    def _offers(self) -> list[RestoreOffer]:
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
    def open_questionnaire_folder(self) -> None:
        """Create the user's questionnaire folder if needed and open it in the file manager."""
        from coprod_check.gui import dialogs

        folder = catalogue.user_questionnaire_dir()
        try:
            make_private_folder(folder)
        except AssessmentError as exc:
            dialogs.Inform.ask(self, "The folder cannot be created", exc.message, str(folder), problem=True)
            return
        dialogs.Desktop.open(self, folder)

    # -- opening and closing -----------------------------------------------------

    @Slot(object)
    def new_assessment(self, questionnaire: Questionnaire) -> None:
        """Start a new, untitled assessment; it is kept in a restore file until Save As."""
        from coprod_check.app.session import Session
        from coprod_check.domain.assessment import Assessment

        if not self._close_session():
            return
        session = Session(questionnaire, Assessment.new(questionnaire), None, RestoreFile(self.restore_folder),
                          history=self.history)
        self._start_session(session, p.ABOUT_PAGE)

    @Slot(object)
    def open_path(self, path: Path | None) -> bool:
        """Open an assessment file (asking which, if `path` is None). Never changes a file it cannot read."""
        from coprod_check.app.files import load_with_questionnaire, same_file
        from coprod_check.app.session import disk_identity, problem_sentence
        from coprod_check.gui import dialogs

        if path is None:
            folder = self.session.path.parent if self.session and self.session.path else self.documents()
            path = dialogs.OpenDialog.ask(self, folder)
            if path is None:
                return False
        if self.session is not None and self.session.path is not None and same_file(self.session.path, path):
            return True
        # Taken before reading: a change made while the file is read, or while the update
        # question is open, then counts as another program's, and is never overwritten.
        on_disk = disk_identity(path)
        try:
            assessment, questionnaire = load_with_questionnaire(path, for_window=True)
        except AssessmentError as exc:
            dialogs.Inform.ask(self, "This file cannot be opened", f"{path.name} cannot be opened.",
                               f"{problem_sentence(exc.message)}\n\nThe file has not been changed.", problem=True)
            return False
        return self._open(questionnaire, assessment, path, RestoreFile(self.restore_folder), on_disk=on_disk)

    @Slot(object)
    def restore(self, offer: RestoreOffer) -> bool:
        """Carry on with work kept in a restore file."""
        from coprod_check.gui import dialogs

        assessment = offer.assessment
        if assessment is None:
            return False
        questionnaire = catalogue.find(assessment.questionnaire_id, assessment.questionnaire_version)
        if questionnaire is None:
            dialogs.Inform.ask(
                self, "This work cannot be restored yet",
                f"It answers the questionnaire \u201c{assessment.questionnaire_id}\u201d, which is not installed.",
                f"The restore file is kept in {offer.file.path.parent}.", problem=True)
            return False
        return self._open(questionnaire, assessment, offer.target, offer.file, restoring=True)

    @Slot(object)
    def discard(self, offer: RestoreOffer) -> None:
        """Delete a restore file, after asking."""
        from coprod_check.gui import dialogs

        if dialogs.Confirm.ask(self, "Discard this work?",
                               "This work has not been saved as a file. If you discard it, it is deleted.",
                               "&Discard it", "&Keep it"):
            offer.file.discard()
            self.show_start()

    def open_assessment(self, questionnaire: Questionnaire, assessment: Assessment, path: Path,
                        restore_file: RestoreFile) -> bool:
        """Open an assessment just made (a group, a next round) from the file it was saved in."""
        return self._open(questionnaire, assessment, path, restore_file)

    def _open(self, questionnaire: Questionnaire, assessment: Assessment, path: Path | None,
              restore_file: RestoreFile, restoring: bool = False,
              on_disk: tuple[int, int] | None = None, going_back: bool = False) -> bool:
        from coprod_check.app.session import Session
        from coprod_check.domain.update import adopt, check_update
        from coprod_check.gui import dialogs

        report = check_update(questionnaire, assessment)
        # Shown before anything changes; nothing is written unless the person agrees.
        if report.anything and not dialogs.UpdateDialog.ask(self, report.lines(), report.version_changed):
            return False
        if not self._close_session():
            return False
        if report.version_changed:
            adopt(questionnaire, assessment)
        session = Session(questionnaire, assessment, path, restore_file, update=report, on_disk=on_disk,
                          history=self.history)
        if path is not None and not restoring:
            self.recent.add(path)
        self._start_session(session, session.first_page())
        if report.version_changed or restoring or going_back:
            session.changed("opened")  # write the update (or the version), and claim the restore file, at once
            assert self.saver is not None
            self.saver.save_now()
        return True

    def _start_session(self, session: Session, page: str) -> None:
        from coprod_check.gui.autosave import AutoSaver

        navigator, bar = self._session_widgets()
        self.session = session
        self.saver = AutoSaver(session, self)
        self.saver.state_changed.connect(self._update_state)
        session.subscribe(self._session_changed)
        navigator.set_session(session)
        navigator.show()
        bar.show()
        for action in self.session_actions:
            action.setEnabled(True)
        bar.show_progress(*session.progress())
        self._update_state()
        self.go(page)

    def _close_session(self) -> bool:
        """Save and close the assessment; False if the person chose to stay because saving failed."""
        session, saver = self.session, self.saver
        if session is None or saver is None:
            return True
        saver.save_now()
        while session.unsaved:
            # Some work is nowhere on disk: the window stays until it is, or the person says to lose it.
            from coprod_check.gui import dialogs

            choice = dialogs.UnsavedDialog.ask(self, session.last_save.message if session.last_save else "")
            if choice == dialogs.UnsavedDialog.LOSE:
                break
            if choice != dialogs.UnsavedDialog.SAVE_AS:
                return False
            self.save_as()
            saver.save_now()
        if session.path is None and session.is_blank():
            session.restore_file.discard()
        saver.detach()
        saver.deleteLater()
        session.unsubscribe(self._session_changed)
        for widget in self.pages.values():
            detach = getattr(widget, "detach", None)
            if detach:
                detach()
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.pages.clear()
        if self.navigator is not None:
            self.navigator.set_session(None)
        self.session = self.saver = None
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Closing saves; there is no "save changes?" question for work that is safe.

        Anything unexpected keeps the window open: it must never close on work that is nowhere on disk.
        """
        try:
            closing = self._close_session()
        except Exception:  # noqa: BLE001
            import traceback

            traceback.print_exc()
            closing = self.session is None or not self.session.unsaved
        if closing:
            event.accept()
        else:
            event.ignore()

    @Slot()
    def save_as(self) -> None:
        """Save the assessment in a file the person chooses, and keep working there."""
        from coprod_check.app.session import problem_sentence
        from coprod_check.gui import dialogs
        from coprod_check.gui.export import suggested_name

        session = self.session
        if session is None:
            return
        folder = session.path.parent if session.path else self.documents()
        path = dialogs.SaveAsDialog.ask(self, folder / suggested_name(session, EXTENSION))
        if path is None:
            return
        try:
            session.save_as(path)
        except AssessmentError as exc:
            nowhere = session.unsaved and session.last_save is not None and not session.last_save.safe
            after = ("Your latest changes are still not saved anywhere: please choose another place."
                     if nowhere else "Your work is still safe where it was.")
            dialogs.Inform.ask(self, "The assessment could not be saved there",
                               f"It could not be saved as {path.name}.",
                               f"{problem_sentence(exc.message)}\n\n{after}", problem=True)
            return
        self.recent.add(path)
        self.statusBar().showMessage(f"Saved as {path}", 8000)
        self._update_state()

    @Slot()
    def go_back_to_version(self) -> None:
        """Open an earlier version of this file in its place; what the file holds now is kept as a version."""
        from coprod_check.app import store
        from coprod_check.app.session import disk_identity, problem_sentence
        from coprod_check.gui import dialogs
        from coprod_check.gui.start_page import when

        session, saver = self.session, self.saver
        if session is None or saver is None:
            return
        if session.path is None:
            dialogs.Inform.ask(self, "No earlier versions yet",
                               "Earlier versions are kept of assessments saved as a file.",
                               "Use Save As to choose where this one goes; versions are kept from then on.")
            return
        saver.save_now()
        versions = session.history.versions(session.path) if session.history else []
        if not versions:
            dialogs.Inform.ask(self, "No earlier versions yet", f"No earlier version of {session.path.name} "
                               "has been kept on this computer yet.",
                               "A version is kept when you open a file and then every ten minutes while you work.")
            return
        choices = [f"{when(v.kept)} ({v.size:,} bytes)" for v in versions]
        index = dialogs.VersionDialog.ask(self, session.path.name, choices)
        if index is None:
            return
        chosen = versions[index]
        try:
            earlier = store.load(chosen.path)
        except AssessmentError as exc:
            dialogs.Inform.ask(self, "This version cannot be opened", "This version cannot be opened.",
                               problem_sentence(exc.message), problem=True)
            return
        path = session.path
        if session.history is not None:  # what the file holds now, to come back to
            with contextlib.suppress(AssessmentError):
                session.history.keep(path, store.read_bytes(path), force=True)
        questionnaire = catalogue.find(earlier.questionnaire_id, earlier.questionnaire_version)
        if questionnaire is None:
            dialogs.Inform.ask(self, "This version cannot be opened",
                               f"It answers the questionnaire \u201c{earlier.questionnaire_id}\u201d, which is "
                               "not installed.", problem=True)
            return
        if not self._open(questionnaire, earlier, path, RestoreFile(self.restore_folder),
                          on_disk=disk_identity(path), going_back=True):
            return
        message = f"Went back to the version of {path.name} kept {when(chosen.kept)}."
        self.statusBar().showMessage(message, 8000)
        announce(self.statusBar(), message)

    @Slot()
    def save_blank_copy(self) -> None:
        """Save a copy with no answers for colleagues to answer on their own."""
        from coprod_check.gui.group_files import save_blank_copy

        save_blank_copy(self)

    @Slot()
    def combine_responses(self) -> None:
        """Combine colleagues' responses into a group assessment, and open it."""
        from coprod_check.gui.group_files import combine_responses

        combine_responses(self)

    @Slot()
    def start_next_round(self) -> None:
        """Start a new assessment from this one, with its plan to review."""
        from coprod_check.gui.group_files import start_next_round

        start_next_round(self)

    @Slot()
    def export_pdf(self) -> None:
        """Create the PDF action plan (only offered when the renderer is installed)."""
        if not self.can_export or self.session is None or self.saver is None:
            return
        from coprod_check.gui.export import export_pdf

        self.saver.save_now()
        export_pdf(self, self.session, self.documents())

    # -- pages -------------------------------------------------------------------

    def _page(self, kind: str) -> QWidget:
        if kind in self.pages:
            return self.pages[kind]
        assert self.session is not None
        widget: QWidget
        if kind == p.ABOUT_PAGE:
            from coprod_check.gui.about_page import AboutPage

            widget = AboutPage(self.session)
            widget.tab_order_changed.connect(self._fix_tab_order)
        elif kind == "question":
            from coprod_check.gui.question_page import QuestionPage

            widget = QuestionPage(self.session)
        elif kind == p.REVIEW_PAGE:
            from coprod_check.gui.review_page import ReviewPage

            widget = ReviewPage(self.session)
        elif kind == p.RESULTS_PAGE:
            from coprod_check.gui.results_page import ResultsPage

            widget = ResultsPage(self.session)
            widget.go.connect(self.go)
        else:
            from coprod_check.gui.plan_page import PlanPage

            widget = PlanPage(self.session, self.can_export)
            widget.export_requested.connect(self.export_pdf)
        self.pages[kind] = widget
        self.stack.addWidget(widget)
        return widget

    @Slot(str)
    def go(self, page: str) -> None:
        """Show a page of the assessment and put the focus on its first input."""
        if self.session is None or self.navigator is None or self.bar is None or page not in self.session.pages():
            return
        question_id = p.page_question(page)
        widget = self._page("question" if question_id else page)
        if question_id:
            widget.show_question(question_id)  # type: ignore[attr-defined]
        elif page in (p.RESULTS_PAGE, p.PLAN_PAGE):
            widget.refresh()  # type: ignore[attr-defined]
        self.stack.setCurrentWidget(widget)
        self.page = page
        self.navigator.set_current(page)
        previous, following = self.session.neighbour(page, -1), self.session.neighbour(page, 1)
        self.bar.back.setEnabled(previous is not None)
        self.bar.next.setEnabled(following is not None)
        self.back_action.setEnabled(previous is not None)
        self.next_action.setEnabled(following is not None)
        self.bar.next.setToolTip(plain_tooltip(f"Go to {self._page_name(following)} (Alt+N)") if following else "")
        self.bar.back.setToolTip(plain_tooltip(f"Go back to {self._page_name(previous)} (Alt+B)")
                                 if previous else "")
        self._fix_tab_order()
        if question_id:
            widget.focus_answer()  # type: ignore[attr-defined]
        else:
            widget.focus_first()  # type: ignore[attr-defined]

    def _page_name(self, page: str | None) -> str:
        question_id = p.page_question(page or "")
        if question_id and self.session is not None:
            domain, number = self.session.position(question_id)
            return f"{domain.title}, question {number}"
        return {p.ABOUT_PAGE: "About this assessment", p.REVIEW_PAGE: "Last time\u2019s plan",
                p.RESULTS_PAGE: "Results",
                p.PLAN_PAGE: "Action plan"}.get(page or "", "")

    @Slot()
    def _fix_tab_order(self) -> None:
        widget = self.stack.currentWidget()
        if self.session is None or self.navigator is None or self.bar is None or widget is self.start:
            return
        page_inputs: list[QWidget] = getattr(widget, "tab_sequence", list)()
        set_tab_chain([*self.navigator.tab_sequence(), *page_inputs, self.bar.back, self.bar.next])

    def step(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) page."""
        if self.session is not None:
            target = self.session.neighbour(self.page, direction)
            if target is not None:
                self.go(target)

    @Slot()
    def next_unanswered(self) -> None:
        """Go to the next question with no answer, or say that there is none."""
        if self.session is None:
            return
        target = self.session.next_unanswered(self.page)
        if target is None:
            # Said to screen readers too: the status bar is shown, not read out.
            self.statusBar().showMessage("Every question has an answer.", 8000)
            announce(self.statusBar(), "Every question has an answer.")
            return
        self.go(target)

    @Slot()
    def focus_navigator(self) -> None:
        """Move the keyboard focus to the contents."""
        if self.navigator is not None and self.navigator.isVisible():
            from PySide6.QtCore import Qt

            self.navigator.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- state shown to the person -------------------------------------------------

    def _session_changed(self, kind: str) -> None:
        from coprod_check.app.session import CHOICE, REVIEW

        if kind in (CHOICE, REVIEW, "opened") and self.session is not None and self.navigator and self.bar:
            self.navigator.refresh()
            self.bar.show_progress(*self.session.progress())

    @Slot()
    def _update_state(self) -> None:
        if self.session is not None and self.bar is not None:
            self.bar.show_state(self.session)
            self._update_title()

    def _update_title(self) -> None:
        """The file's name, marked only when work is not safe in it: the title never follows each save."""
        from coprod_check.gui.session_bar import work_at_risk

        if self.session is None:
            self.setWindowTitle(APP_TITLE)
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{self.session.display_name()}[*] \u2013 {APP_TITLE}")
        self.setWindowModified(work_at_risk(self.session))

    # -- help ----------------------------------------------------------------------

    @Slot()
    def show_shortcuts(self) -> None:
        """List the keyboard shortcuts."""
        from coprod_check.gui.help import show_shortcuts

        show_shortcuts(self)

    @Slot()
    def show_about(self) -> None:
        """Say what this is."""
        from coprod_check.gui.help import show_about

        show_about(self)

    @staticmethod
    def documents() -> Path:
        """The person's documents folder (or home), where new files are offered first."""
        from PySide6.QtCore import QStandardPaths

        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(location) if location else Path.home()
