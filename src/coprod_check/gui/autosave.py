"""Saving every change within about a second, without anyone having to ask.

The first change after a save starts a single-shot timer; later changes do
not restart it, so steady typing is still saved every DELAY_MS. The session
decides where the work goes (its file, or a restore file) and writes it
atomically. If saving fails, the saver tries again and says so.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from coprod_check.app.session import SaveOutcome, Session

DELAY_MS = 700
RETRY_MS = 5000


class AutoSaver(QObject):
    """Saves a session shortly after every change; `state_changed` fires when the state changes."""

    state_changed = Signal()

    def __init__(self, session: Session, parent: QObject | None = None, delay_ms: int = DELAY_MS):
        super().__init__(parent)
        self.session = session
        self._delay_ms = delay_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_now)
        session.subscribe(self._changed)

    def _changed(self, kind: str) -> None:
        if not self._timer.isActive():
            self._timer.start(self._delay_ms)
            self.state_changed.emit()  # saved -> waiting; more changes while waiting change nothing shown

    @property
    def pending(self) -> bool:
        """True while a save is waiting to happen."""
        return self._timer.isActive()

    @Slot()
    def save_now(self) -> SaveOutcome | None:
        """Save at once if anything is unsaved; return what happened (None if nothing to do)."""
        self._timer.stop()
        if not self.session.unsaved:
            return None
        outcome = self.session.save()
        if not outcome.safe:
            self._timer.start(RETRY_MS)
        self.state_changed.emit()
        return outcome

    def detach(self) -> None:
        """Stop watching the session (after a final save_now)."""
        self._timer.stop()
        self.session.unsubscribe(self._changed)
