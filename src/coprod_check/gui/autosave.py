"""Saving every change within about a second, without anyone having to ask, and without the
window ever waiting for the disk.

The first change after a save starts a single-shot timer; later changes do
not restart it, so steady typing is still saved every DELAY_MS. The session
decides where the work goes (its file, or a restore file) and writes it
atomically (app/saving.py). If saving fails, the saver tries again and says so.

An autosave runs in two parts. On the window's thread the session takes a snapshot of the
assessment (plain data, a few milliseconds for a group of 500). A worker thread then encodes
and writes it, so neither the encoding nor a slow disk (a network drive, a USB stick, an fsync)
holds up the window: the encoder is called once per line, so the thread gives the window its
turn between lines. One save runs at a time; a change made while it runs is saved by the next.
`save_now` (closing, Save As, a PDF) waits for a save in flight, then saves what is left at once,
still on the worker thread, the window waiting for it with its event loop running.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from coprod_check.app.session import SaveOutcome, SaveSnapshot, Session

DELAY_MS = 700
RETRY_MS = 5000


class AutoSaver(QObject):
    """Saves a session shortly after every change; `state_changed` fires when the state changes."""

    state_changed = Signal()
    _written = Signal()  # from the worker thread: its save is done (queued to the window's thread)

    def __init__(self, session: Session, parent: QObject | None = None, delay_ms: int = DELAY_MS):
        super().__init__(parent)
        self.session = session
        self._delay_ms = delay_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_in_background)
        self._worker: threading.Thread | None = None
        self._outcome: SaveOutcome | None = None
        self._snapshot: SaveSnapshot | None = None
        self._written.connect(self._collect)
        session.subscribe(self._changed)

    def _changed(self, kind: str) -> None:
        if not self._timer.isActive() and self._worker is None:
            self._timer.start(self._delay_ms)
            self.state_changed.emit()  # saved -> waiting; more changes while waiting change nothing shown

    @property
    def pending(self) -> bool:
        """True while a save is waiting to happen or being written."""
        return self._timer.isActive() or self._worker is not None

    @property
    def busy(self) -> bool:
        """True while a save is being written on the worker thread."""
        return self._worker is not None

    @Slot()
    def save_in_background(self) -> None:
        """Take a snapshot now and write it on a worker thread (the timer's way of saving)."""
        if self._worker is not None or not self.session.unsaved:
            return
        snapshot = self.session.snapshot()
        self._worker = threading.Thread(target=self._write, args=(snapshot,), name="coprod-check autosave")
        self._worker.start()

    def _write(self, snapshot: SaveSnapshot) -> None:
        """On the worker thread: write the snapshot; the session's save never raises. What it did
        is recorded on the window's thread (`_collect`), so the window never sees the work saved
        before it has been told."""
        try:
            self._outcome = self.session.write_and_release(snapshot)
            self._snapshot = snapshot
        finally:
            self._written.emit()

    @Slot()
    def _collect(self) -> None:
        """On the window's thread: the worker is done; say so, and save again if more changed."""
        worker = self._worker
        if worker is None:  # already collected by save_now
            return
        worker.join()
        self._worker = None
        outcome, self._outcome = self._outcome, None
        snapshot, self._snapshot = self._snapshot, None
        if outcome is not None and snapshot is not None:
            self.session.record_save(snapshot, outcome)
        if outcome is not None and not outcome.safe:
            self._timer.start(RETRY_MS)
        elif self.session.unsaved and not self._timer.isActive():
            self._timer.start(self._delay_ms)  # a change made while the worker wrote
        self.state_changed.emit()

    def wait(self) -> None:
        """Wait for a save in flight to finish (the window's thread only)."""
        if self._worker is not None:
            self._worker.join()
            self._collect()

    @Slot()
    def save_now(self) -> SaveOutcome | None:
        """Save at once if anything is unsaved; return what happened (None if nothing to do)."""
        self._timer.stop()
        self.wait()
        self._timer.stop()
        if not self.session.unsaved:
            return None
        from coprod_check.gui.background import in_background

        # Written on a worker thread all the same, while the window waits for it here (repainting,
        # its timers running): a save at a close or before a PDF must not freeze it either.
        snapshot = self.session.snapshot()
        outcome = in_background(lambda: self.session.write_and_release(snapshot))
        self.session.record_save(snapshot, outcome)
        if not outcome.safe:
            self._timer.start(RETRY_MS)
        self.state_changed.emit()
        return outcome

    def detach(self) -> None:
        """Stop watching the session (after a final save_now)."""
        self.wait()
        self._timer.stop()
        self.session.unsubscribe(self._changed)
