"""The bar below an open assessment: overall progress, whether it is saved, back and next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from coprod_check.gui import a11y, widgets
from coprod_check.i18n import _

if TYPE_CHECKING:
    from coprod_check.app.session import Session

SAVED = _("\u2713 Take a break: everything is saved.")
SAVING = _("Saving\u2026")
# Saving takes a fraction of a second; saying "Saving" at every pause in typing would only flicker.
SLOW_SAVE_MS = 2000


def progress_words(done: int, total: int) -> str:
    """ "42 of 44 answered", as screen readers say it and the tooltip shows it."""
    from coprod_check.i18n import ngettext

    return ngettext("{done} of {total} answered", "{done} of {total} answered", total).format(done=done, total=total)


def work_at_risk(session: Session) -> bool:
    """Whether the latest changes are missing from the file (or from disk altogether)."""
    outcome = session.last_save
    return outcome is not None and (not outcome.safe or bool(outcome.message))


class SessionBar(QWidget):
    """Always visible while an assessment is open, so progress and safety are never hidden."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.progress.setFormat(_("%v of %m answered"))
        # Seen by screen readers as a progress bar named by its words, with no percentage:
        # Orca would otherwise say "95 percent", not "42 of 44 answered".
        a11y.set_role(self.progress, "progress")
        self.progress.setAccessibleName(_("Overall progress"))
        self.progress.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        # No fixed accessible name: screen readers then hear the state itself, and a change of it.
        self.state = QLabel(SAVED)
        self.state.setWordWrap(True)
        self.back = QPushButton(_("&Back"))
        self.next = QPushButton(_("&Next"))
        for button in (self.back, self.next):
            button.setAutoDefault(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.state, 1)
        layout.addWidget(self.back)
        layout.addWidget(self.next)
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.timeout.connect(lambda: self.state.setText(SAVING))
        self._warned = False
        self._saved_revision = -1

    def show_progress(self, done: int, total: int) -> None:
        """Show how many questions are answered."""
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        words = progress_words(done, total)
        self.progress.setAccessibleName(words)
        self.progress.setToolTip(words)

    def show_state(self, session: Session) -> None:
        """Say whether everything is saved, and where; a new problem is also announced."""
        outcome = session.last_save
        if session.unsaved and (outcome is None or outcome.safe):
            # The last state stays until the save is done, unless it is slow enough to notice. A
            # save finished meanwhile (steady typing outruns each save on its thread) starts the
            # wait again: saving is not slow while saves keep being done.
            progressed = session.saved_revision != self._saved_revision
            self._saved_revision = session.saved_revision
            if (progressed or not self._slow.isActive()) and self.state.text() != SAVING:
                self._slow.start(SLOW_SAVE_MS)
            return
        self._saved_revision = session.saved_revision
        self._slow.stop()
        if outcome is not None and outcome.message:  # the session words every problem in whole sentences
            text = f"\u26a0 {outcome.message}"
        elif outcome is not None and not outcome.safe:
            text = _("\u26a0 Your latest changes could not be saved. Please keep this window open.")
        elif session.path is None:
            text = SAVED + _(" (Use Save As to choose where the file goes.)")
        else:
            text = SAVED
        self.state.setText(text)
        self.state.setAccessibleDescription(text)  # never a stale "Saved" under a warning
        self.state.setToolTip(
            widgets.plain_tooltip(
                _("Saved in {path}").format(path=session.path)
                if session.path
                else _("Kept safe in {path}").format(path=session.restore_file.path)
            )
        )
        self._announce_problem(work_at_risk(session), text)

    def _announce_problem(self, at_risk: bool, text: str) -> None:
        """Interrupt the screen reader once when saving starts to fail, not at every retry, and say
        once when the work is safe again. A save like every other is not announced."""
        if at_risk and not self._warned:
            widgets.announce(self.state, text, urgent=True)
        elif self._warned and not at_risk:
            widgets.announce(self.state, text)
        self._warned = at_risk
