"""The main window: start page, navigator, the pages of one assessment, and the bar below.

Only what the start page needs is imported when the window starts; the
session, the navigator, the other pages and the dialogs are imported when
first used, so the window appears sooner. Every change is saved by the
AutoSaver; the window only reports where things stand.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from coprod_check.app import catalogue
from coprod_check.app import pages as p
from coprod_check.app.change import Change
from coprod_check.app.recent import RecentFiles
from coprod_check.app.restore import RestoreFile, RestoreOffer
from coprod_check.domain.errors import AssessmentError
from coprod_check.gui import window_size
from coprod_check.gui.file_commands import FileCommands
from coprod_check.gui.menus import Menus
from coprod_check.gui.page_switching import PageSwitching
from coprod_check.gui.start_commands import StartCommands
from coprod_check.gui.start_page import StartPage
from coprod_check.i18n import _

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent

    from coprod_check.app.pages import PageKind
    from coprod_check.app.session import Session
    from coprod_check.domain.assessment import Assessment
    from coprod_check.domain.questionnaire import Questionnaire
    from coprod_check.gui.autosave import AutoSaver
    from coprod_check.gui.export_runner import ExportRun
    from coprod_check.gui.navigator import Navigator
    from coprod_check.gui.page import Page
    from coprod_check.gui.session_bar import SessionBar

APP_TITLE = "coprod-check"


def report_available() -> bool:
    """Whether the PDF renderer is installed, found without importing it."""
    from coprod_check.gui.export import report_available as available

    return available()


class MainWindow(Menus, StartCommands, FileCommands, PageSwitching, QMainWindow):
    """The whole app in one window. `home` holds the recent list, restore copies and versions.

    Without `home`, restore copies and earlier versions live in the local application-data
    folder (never the roaming profile on Windows, never beside the file), the recent list
    in the user's data folder.
    """

    # Made by Menus._make_actions, used in moving between pages.
    back_action: QAction
    next_action: QAction

    def __init__(self, home: Path | None = None, start_page: bool = True):
        """`start_page` False: a file is about to be opened, so the start page (and the list of
        every questionnaire installed) is not filled until it is shown."""
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
        self.page: str = ""
        self.pages: dict[PageKind, QWidget] = {}  # each page made so far, by kind ("question" for all questions)
        self.page_views: dict[PageKind, Page] = {}  # the same pages, as the window drives them
        self.can_export: bool = report_available()
        self.export_run: ExportRun | None = None  # the plan being written, if any (gui/export_runner.py)
        self._painted = False
        self._opening = False  # a file is being read on a worker thread

        central = QWidget()
        self.setCentralWidget(central)
        self.outer = QVBoxLayout(central)
        # The Contents pane and the page, side by side; the person can widen the Contents.
        self.row = QSplitter(Qt.Orientation.Horizontal)
        self.row.setChildrenCollapsible(False)
        self.outer.addWidget(self.row, 1)
        self.stack: QStackedWidget = QStackedWidget()
        self.row.addWidget(self.stack)
        self.start: StartPage = StartPage()
        self.stack.addWidget(self.start)
        self.statusBar()

        self._make_actions()
        self.start.new_requested.connect(self.new_assessment)
        self.start.open_requested.connect(self.open_path)
        self.start.restore_requested.connect(self.restore)
        self.start.discard_requested.connect(self.discard)
        self.start.folder_requested.connect(self.open_questionnaire_folder)

        # An explicit minimum keeps layouts from resizing the window as pages change; it and the
        # size fit the screen, and the size is the one the window had last time (window_size.py).
        window_size.fit(self)
        if start_page:
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

    def _session_widgets(self) -> tuple[Navigator, SessionBar]:
        """The navigator and the bar below, built the first time an assessment opens."""
        if self.navigator is None or self.bar is None:
            from coprod_check.gui.navigator import Navigator
            from coprod_check.gui.session_bar import SessionBar

            self.navigator = Navigator()
            chars = self.fontMetrics().averageCharWidth()
            self.navigator.setMinimumWidth(chars * 24)
            self.row.insertWidget(0, self.navigator)
            self.row.setStretchFactor(0, 1)
            self.row.setStretchFactor(1, 3)
            contents = min(max(self.width() // 4, chars * 28), chars * 48)
            self.row.setSizes([contents, max(chars * 40, self.width() - contents)])
            window_size.restore_splitter(self, self.row)
            self.navigator.go.connect(self.go)
            self.navigator.next_unanswered.clicked.connect(self.next_unanswered)
            self.bar = SessionBar()
            self.outer.addWidget(self.bar)
            self.bar.back.clicked.connect(lambda: self.step(-1))
            self.bar.next.clicked.connect(lambda: self.step(1))
        return self.navigator, self.bar

    # -- opening and closing -----------------------------------------------------

    @Slot(object)
    def new_assessment(self, questionnaire: Questionnaire) -> None:
        """Start a new, untitled assessment; it is kept in a restore file until Save As."""
        from coprod_check.app.session import Session
        from coprod_check.domain.assessment import Assessment

        if not self._close_session():
            return
        session = Session(
            questionnaire, Assessment.new(questionnaire), None, RestoreFile(self.restore_folder), history=self.history
        )
        self._start_session(session, p.ABOUT_PAGE)

    @Slot(object)
    def open_path(self, path: Path | None) -> bool:
        """Open an assessment file (asking which, if `path` is None). Never changes a file it cannot read."""
        from coprod_check.app.files import open_for_window, same_file
        from coprod_check.app.session import disk_identity, problem_sentence
        from coprod_check.gui import dialogs
        from coprod_check.gui.background import in_background

        if path is None:
            folder = self.start_folder()
            path = dialogs.OpenDialog.ask(self, folder)
            if path is None:
                return False
        if self.session is not None and self.session.path is not None and same_file(self.session.path, path):
            return True
        # Taken before reading: a change made while the file is read, or while the update
        # question is open, then counts as another program's, and is never overwritten.
        on_disk = disk_identity(path)
        if self._opening:
            return False  # a file is being read already (asked again while it was)
        self._opening = True
        try:
            ready = in_background(
                lambda: open_for_window(path, on_disk, RestoreFile(self.restore_folder), self.history)
            )
        except AssessmentError as exc:
            dialogs.Inform.ask(
                self,
                _("This file cannot be opened"),
                _("{name} cannot be opened.").format(name=path.name),
                _("{problem_sentence}\n\nThe file has not been changed.").format(
                    problem_sentence=problem_sentence(exc.message)
                ),
                problem=True,
            )
            return False
        finally:
            self._opening = False
        return self._open(ready.questionnaire, ready.assessment, path, ready.restore_file, on_disk=on_disk, ready=ready)

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
                self,
                _("This work cannot be restored yet"),
                _("It answers the questionnaire \u201c{questionnaire_id}\u201d, which is not installed.").format(
                    questionnaire_id=assessment.questionnaire_id
                ),
                _("The restore file is kept in {parent}.").format(parent=offer.file.path.parent),
                problem=True,
            )
            return False
        return self._open(questionnaire, assessment, offer.target, offer.file, restoring=True)

    @Slot(object)
    def discard(self, offer: RestoreOffer) -> None:
        """Delete a restore file, after asking."""
        from coprod_check.gui import dialogs

        if dialogs.Confirm.ask(
            self,
            _("Discard this work?"),
            _("This work has not been saved as a file. If you discard it, it is deleted."),
            _("&Discard it"),
            _("&Keep it"),
        ):
            offer.file.discard()
            self.show_start()

    def open_assessment(
        self, questionnaire: Questionnaire, assessment: Assessment, path: Path, restore_file: RestoreFile
    ) -> bool:
        """Open an assessment just made (a group, a next round) from the file it was saved in."""
        return self._open(questionnaire, assessment, path, restore_file)

    def _open(
        self,
        questionnaire: Questionnaire,
        assessment: Assessment,
        path: Path | None,
        restore_file: RestoreFile,
        restoring: bool = False,
        on_disk: tuple[int, int] | None = None,
        going_back: bool = False,
        ready: Session | None = None,
    ) -> bool:
        from coprod_check.app.session import Session
        from coprod_check.domain.update import adopt, check_update
        from coprod_check.gui import dialogs

        report = ready.update if ready is not None else check_update(questionnaire, assessment)
        # Shown before anything changes; nothing is written unless the person agrees.
        if report.anything and not dialogs.UpdateDialog.ask(self, report.lines(), report.version_changed):
            return False
        if not self._close_session():
            return False
        if report.version_changed:
            adopt(questionnaire, assessment)
        if ready is not None and not report.version_changed:
            session = ready  # read and worked out on a worker thread (open_path)
        else:
            session = Session(
                questionnaire, assessment, path, restore_file, update=report, on_disk=on_disk, history=self.history
            )
        if path is not None and not restoring:
            self.recent.add(path)
        self._start_session(session, session.first_page())
        if report.version_changed or restoring or going_back:
            session.changed(Change.OPENED)  # write the update (or the version), and claim the restore file, at once
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
        session.undo_log.on_change = self.show_undo
        self.show_undo()
        navigator.set_session(session)
        navigator.show()
        bar.show()
        for action in self.session_actions:
            action.setEnabled(True)
        bar.show_progress(*session.progress())
        window_size.fit_progress_text(bar.progress, session.progress()[1])
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
        session.undo_log.on_change = None
        for widget in self.pages.values():
            detach = getattr(widget, "detach", None)
            if detach:
                detach()
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.pages.clear()
        self.page_views.clear()
        if self.navigator is not None:
            self.navigator.set_session(None)
        self.session = self.saver = None
        self.show_undo()
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
            self.cancel_export()
            window_size.remember(self, self.row if self.navigator is not None else None)
            event.accept()
        else:
            event.ignore()

    # -- pages -------------------------------------------------------------------

    # -- state shown to the person -------------------------------------------------

    def _session_changed(self, kind: str) -> None:
        progress = kind in (Change.CHOICE, Change.REVIEW, Change.OPENED)
        if progress and self.session is not None and self.navigator and self.bar:
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
