"""Check that every page fits a small or zoomed screen, as issue 13 checks it: under Xvfb with no
window manager, the window as `xdotool getwindowgeometry` reports it lies inside the screen, and on
every page the bar below (Back, Next, saved, progress) is fully in sight.

    python tools/fit_check.py                       # both checks, each on its own Xvfb
    python tools/fit_check.py --out DIR             # and keep a screenshot of every page

The two checks: QT_SCALE_FACTOR=1.5 on a 1366x768 screen (a laptop at 150%), and QT_FONT_DPI=192
on a 1920x1080 screen (200% text). Needs Xvfb and xdotool (apt: xvfb xdotool libxcb-cursor0
libxcb-icccm4 libxcb-keysyms1). Exits 1 if any page does not fit.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKS = {
    "150% on 1366x768": ("1366x768", {"QT_SCALE_FACTOR": "1.5"}),
    "200% text on 1920x1080": ("1920x1080", {"QT_FONT_DPI": "192"}),
}

CHILD = r"""
import os, re, subprocess, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from coprod_check.app import catalogue, store
from coprod_check.app import session as s
from coprod_check.domain.example import make_example
from coprod_check.gui.app import make_application
from coprod_check.gui.main_window import MainWindow

out = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else None
width, height = (int(x) for x in os.environ["FIT_SCREEN"].split("x"))
app = make_application([])
example = Path(os.environ["COPROD_CHECK_HOME"]) / "example.json"
store.save(example, make_example(catalogue.find("coproduction-readiness")))
window = MainWindow()
if not window.open_path(example):
    raise SystemExit("the example could not be opened")
window.show()
QTest.qWaitForWindowExposed(window)
problems = []


def xdotool_geometry():
    text = subprocess.run(
        ["xdotool", "getwindowgeometry", str(int(window.winId()))], capture_output=True, text=True, check=True
    ).stdout
    x, y = (int(v) for v in re.search(r"Position: (-?\d+),(-?\d+)", text).groups())
    w, h = (int(v) for v in re.search(r"Geometry: (\d+)x(\d+)", text).groups())
    return x, y, w, h


def check(name, with_bar=True):
    QTest.qWait(150)
    x, y, w, h = xdotool_geometry()
    inside = x >= 0 and y >= 0 and x + w <= width and y + h <= height
    bar = window.bar
    if with_bar:
        corner = bar.mapTo(window, bar.rect().bottomRight())
        bar_seen = bar.isVisible() and window.rect().contains(corner) and bar.height() > 0
        fits = all(b.isVisible() and b.visibleRegion().boundingRect().size() == b.size() for b in (bar.back, bar.next))
    else:  # the start page has no bar: its first button must be in sight
        button = window.start.new_button
        bar_seen = fits = button.visibleRegion().boundingRect().size() == button.size()
    ok = inside and bar_seen and fits
    print(f"  {'ok  ' if ok else 'FAIL'} {name:28s} window {w}x{h} at {x},{y} (screen {width}x{height})"
          f"{'' if bar_seen and fits else ' - the bar below (or the first button) is not fully in sight'}")
    if not ok:
        problems.append(name)
    if out is not None:
        window.grab().save(str(out / f"{re.sub('[^a-z0-9]+', '-', name.lower())}.png"))


pages = [("About", s.ABOUT_PAGE), ("First question", s.question_page("power-agenda")),
         ("Results", s.RESULTS_PAGE), ("Action plan", s.PLAN_PAGE)]
for name, page in pages:
    window.go(page)
    check(name)
window.show_start()
check("Start page", with_bar=False)
window.close()
sys.exit(1 if problems else 0)
"""


def run_check(
    name: str, screen: str, env_extra: dict[str, str], out: Path | None, display: int, src: Path = ROOT / "src"
) -> bool:
    print(f"{name}:")
    xvfb = subprocess.Popen(
        ["Xvfb", f":{display}", "-screen", "0", f"{screen}x24", "-noreset", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        with tempfile.TemporaryDirectory() as tmp:
            env = {
                **os.environ,
                "DISPLAY": f":{display}",
                "QT_QPA_PLATFORM": "xcb",
                "FIT_SCREEN": screen,
                "COPROD_CHECK_HOME": str(Path(tmp) / "home"),
                "COPROD_CHECK_CACHE": str(Path(tmp) / "cache"),
                "XDG_CONFIG_HOME": str(Path(tmp) / "config"),
                "PYTHONPATH": os.pathsep.join(filter(None, [str(src), os.environ.get("PYTHONPATH")])),
                **env_extra,
            }
            Path(env["COPROD_CHECK_HOME"]).mkdir()
            folder = None
            if out is not None:
                folder = out / name.split(" ")[0].replace("%", "pc")
                folder.mkdir(parents=True, exist_ok=True)
            child = subprocess.run(
                [sys.executable, "-c", CHILD, str(folder or "")], env=env, capture_output=True, text=True, timeout=300
            )
            sys.stdout.write(child.stdout)
            if child.returncode != 0 and "FAIL" not in child.stdout:
                sys.stdout.write(child.stderr[-2000:])
            return child.returncode == 0
    finally:
        xvfb.terminate()
        xvfb.wait(10)


def free_display(start: int) -> int:
    """A display number no X server holds (other checks may run on this machine at the same time)."""
    for number in range(start, start + 400):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    raise RuntimeError("no free X display number")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, help="keep a screenshot of every page here")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the source to check (another checkout's)")
    args = parser.parse_args()
    results = [
        run_check(name, screen, extra, args.out, free_display(90 + 7 * i + os.getpid() % 50), args.src)
        for i, (name, (screen, extra)) in enumerate(CHECKS.items())
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
