"""The window's start-up: time to the first painted main window, and peak memory.

Each run is a whole process, started the way a person starts the app. It
reports when the main window has finished its first paint; the parent takes
the time from just before starting the process to that report, and the
child's peak resident memory (ru_maxrss) from the operating system when it
exits. The baseline is a bare PySide6 QMainWindow shown and timed the same
way, in the same run, on the same Qt platform.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.5

APP = """
import sys
from PySide6.QtWidgets import QApplication
from coprod_check.gui.app import run

def painted():
    print("painted", flush=True)
    QApplication.instance().quit()

sys.exit(run([], after_first_paint=painted))
"""

# With a file: the first paint must already show it (the window is shown only once it is open).
APP_FILE = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from coprod_check.gui.app import run
from coprod_check.gui.main_window import MainWindow

def painted():
    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    print("painted" if window.session is not None else "painted-empty", flush=True)
    QApplication.instance().quit()

sys.exit(run([Path(sys.argv[1])], after_first_paint=painted))
"""

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def painted():
    print("painted", flush=True)
    app.quit()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
            self.seen = True
            QTimer.singleShot(0, painted)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
first = FirstPaint()
window.installEventFilter(first)
window.show()
sys.exit(app.exec())
"""


def _one(code: str, env: dict[str, str], *args: str) -> tuple[float, int]:
    """(seconds to the first paint, peak memory in KiB) of one process."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    line = child.stdout.readline() if child.stdout else ""
    elapsed = time.perf_counter() - start
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.stdout:
        child.stdout.close()
    if line.strip() != "painted" or child.returncode != 0:  # "painted-empty": the file was not shown
        raise RuntimeError(f"the benchmark child failed (exit code {child.returncode})")
    kib = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
    return elapsed, kib


def bench_gui(repeat: int) -> None:
    """coprod-check's window against a bare QMainWindow: first paint and peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        # Compiled bytecode, as an installed package has, kept out of the source tree.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env = {
            **env,
            "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache"),
            "COPROD_CHECK_HOME": str(Path(tmp) / "home"),
            "COPROD_CHECK_CACHE": str(Path(tmp) / "cache"),
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
        }
        _one(BARE, env)  # warm the OS file cache, the bytecode, the font cache and the parse cache
        _one(APP, env)
        group = _group_file(Path(tmp), env)
        _one(APP_FILE, env, str(group))
        bare_runs, app_runs, file_runs = [], [], []
        for _ in range(repeat):  # interleaved, so drift on a shared machine hits both alike
            bare_runs.append(_one(BARE, env))
            app_runs.append(_one(APP, env))
            file_runs.append(_one(APP_FILE, env, str(group)))
    platform = env["QT_QPA_PLATFORM"]
    print(f"\nWindow start-up: process start to first painted main window (median of {repeat}, Qt platform {platform})")
    bare_ms = statistics.median(t for t, _ in bare_runs) * 1000
    app_ms = statistics.median(t for t, _ in app_runs) * 1000
    bare_mib = statistics.median(m for _, m in bare_runs) / 1024
    app_mib = statistics.median(m for _, m in app_runs) / 1024
    verdict = lambda ratio: f"{'within' if ratio <= TARGET else 'OVER'} target {TARGET}x"  # noqa: E731
    print(f"  {'bare PySide6 QMainWindow':34s} {bare_ms:7.1f} ms  {bare_mib:6.1f} MiB peak")
    print(f"  {'coprod-check window':34s} {app_ms:7.1f} ms  {app_mib:6.1f} MiB peak")
    time_ratio, memory_ratio = app_ms / bare_ms, app_mib / bare_mib
    print(f"  time   {time_ratio:4.2f}x bare  {verdict(time_ratio)}")
    print(f"  memory {memory_ratio:4.2f}x bare  {verdict(memory_ratio)}")
    file_ms = statistics.median(t for t, _ in file_runs) * 1000
    print(
        f"  {'opening a group of 500':34s} {file_ms:7.1f} ms  (no target; the first paint shows the file, "
        "never an empty window)"
    )


def _group_file(folder: Path, env: dict[str, str]) -> Path:
    """A group of 500 saved in `folder` (made in a child process, with the benchmark's home)."""
    path = folder / "group of 500.json"
    code = (
        "import sys; sys.path.insert(0, sys.argv[2]); from pathlib import Path; import stall_bench; "
        "made = stall_bench._group_file(Path(sys.argv[1]), 500); made.rename(Path(sys.argv[1]) / 'group of 500.json')"
    )
    subprocess.run([sys.executable, "-c", code, str(folder), str(Path(__file__).parent)], env=env, check=True)
    return path


if __name__ == "__main__":
    bench_gui(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
