"""Work done on a worker thread while the window's event loop goes on: `in_background(work)`.

For pure-Python work that takes more than a moment (reading a large assessment and working out
its results): the window keeps repainting and its timers keep running while it is done, because
Python hands its lock from thread to thread every few milliseconds. The caller waits for the
result as if the call were an ordinary one, in a local event loop, with a busy cursor; the work
must not touch Qt widgets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

T = TypeVar("T")
#: How often the waiting loop looks to see whether the work is done.
POLL_MS = 5


def in_background(work: Callable[[], T]) -> T:
    """Run `work()` on a worker thread, keeping the window alive meanwhile; return what it returns
    or raise what it raised."""
    outcome: list[T] = []
    failure: list[BaseException] = []
    done = threading.Event()

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:  # noqa: BLE001 (raised again on the window's thread)
            failure.append(exc)
        finally:
            done.set()

    worker = threading.Thread(target=run, name="coprod-check background")
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        worker.start()
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(POLL_MS)
        timer.timeout.connect(lambda: loop.quit() if done.is_set() else None)
        timer.start()
        if not done.is_set():
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        timer.stop()
        worker.join()
    finally:
        QApplication.restoreOverrideCursor()
    if failure:
        raise failure[0]
    return outcome[0]
