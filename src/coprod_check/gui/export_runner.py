"""Running an export job in a worker process, with a busy state, progress and a way to cancel.

The window stays free while the plan is written: the worker (report/job.py) is another process,
so reportlab never holds the window's Python lock. While it runs, the window shows a busy cursor
and, once the job has taken more than a moment, a progress dialog with a Cancel button. Closing
the window cancels the job.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QProcess, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from coprod_check.app import export_job
from coprod_check.app.export_job import ExportJob
from coprod_check.i18n import _

#: How long a job runs before its progress dialog appears: a quick export only shows the busy cursor.
SHOW_PROGRESS_MS = 400
#: How long the worker may take before it is given up as stuck (a real plan takes seconds).
GIVE_UP_MS = 10 * 60 * 1000


class ExportRun(QObject):
    """One export job in its worker process. `finished(error)` is emitted once: "" when the file is
    written, a sentence when it is not, and None when the person cancelled."""

    finished = Signal(object)

    def __init__(self, parent: QWidget, job: ExportJob, title: str, label: str):
        super().__init__(parent)
        self.job = job
        self._parent = parent
        self._buffer = b""
        self._error: str | None = None
        self._done = False
        self._over = False
        self.fraction = 0.0
        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.finished.connect(self._ended)
        self.process.errorOccurred.connect(self._failed_to_start)
        self.progress = QProgressDialog(label, _("Cancel"), 0, 1000, parent)
        self.progress.setWindowTitle(title)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(SHOW_PROGRESS_MS)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setAccessibleName(title)
        self.progress.canceled.connect(self.cancel)  # its Cancel button
        self.progress.rejected.connect(self.cancel)  # Escape
        self.progress.setValue(0)
        self._give_up = QTimer(self)
        self._give_up.setSingleShot(True)
        self._give_up.timeout.connect(self._stuck)

    def start(self) -> None:
        """Start the worker and hand it the job; the window shows it is busy until `finished`."""
        from coprod_check.gui.background import in_background

        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        payload = in_background(self._payload)  # megabytes of JSON for a large group
        program, *arguments = export_job.worker_command()
        self.process.start(program, arguments)
        self.process.write(payload)
        self.process.closeWriteChannel()
        self._give_up.start(GIVE_UP_MS)

    def _payload(self) -> bytes:
        """On a worker thread: the job as bytes; its data is let go of there too (freeing a
        group's records would hold the window's thread for tens of milliseconds)."""
        payload = self.job.to_bytes()
        self.job.release()
        return payload

    @property
    def running(self) -> bool:
        """True until `finished` has been emitted."""
        return not self._over

    @Slot()
    def cancel(self) -> None:
        """Stop the worker; the file it was writing is left as it was."""
        if self._over:
            return
        self._error = None
        self._finish(None)
        self.process.kill()
        self.process.waitForFinished(2000)

    @Slot()
    def _read(self) -> None:
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            report = export_job.read_line(line)
            if "progress" in report:
                self.fraction = float(report["progress"])
                if not self._over:
                    self.progress.setValue(int(self.fraction * 1000))
            elif "done" in report:
                self._done = True
            elif "error" in report:
                self._error = str(report["error"])

    @Slot(int, QProcess.ExitStatus)
    def _ended(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read()
        if self._over:
            return
        if self._done and code == 0:
            self._finish("")
            return
        if self._error is None:
            details = bytes(self.process.readAllStandardError().data()).decode("utf-8", "replace").strip()
            last = details.splitlines()[-1] if details else _("it stopped with exit code {code}").format(code=code)
            self._error = _("The program writing it stopped unexpectedly ({reason}).").format(reason=last)
        self._finish(self._error)

    @Slot(QProcess.ProcessError)
    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and not self._over:
            self._finish(
                _("The program that writes it could not be started ({reason}).").format(
                    reason=self.process.errorString()
                )
            )

    @Slot()
    def _stuck(self) -> None:
        if not self._over:
            self._finish(_("It took more than ten minutes, so it was stopped."))
            self.process.kill()

    def _finish(self, error: str | None) -> None:
        self._over = True
        self._give_up.stop()
        self.progress.reset()
        self.progress.hide()
        self.progress.deleteLater()
        QApplication.restoreOverrideCursor()
        self.finished.emit(error)
        self.deleteLater()  # its process has ended (or been killed): nothing is kept per export
