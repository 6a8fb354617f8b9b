"""Runs the real window in a fresh process, driven by keyboard, for tests that need one.

    python -m tests.gui.drive kill        # answer a question every 150 ms until killed
    python -m tests.gui.drive flows N     # the full flow N times; prints None's refcount (and bools')
    python -m tests.gui.drive hostile F   # open F, and save hostile text into it every 40 ms until killed

A fresh process matters: pytest holds so many references to None that the
PySide6 reference-count bug cannot show inside it. COPROD_CHECK_HOME (and
for `flows`, COPROD_CHECK_DATA_DIR) must point at a temporary folder.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from coprod_check.app import session as s
from coprod_check.gui import dialogs
from coprod_check.gui.app import make_application
from tests.gui.keys import choose, ctrl, next_page, press, tab, type_text


def _window():
    from coprod_check.gui.main_window import MainWindow

    window = MainWindow(home=Path(os.environ["COPROD_CHECK_HOME"]))
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    QTest.qWait(20)
    return window


def kill_mode() -> int:
    """Start a new assessment and answer one question every 150 ms, saying so, until killed."""
    app = make_application()
    window = _window()
    press(Qt.Key.Key_Return)  # start a new assessment
    type_text("Killed mid-assessment")
    next_page()
    session = window.session
    assert session is not None

    def answer_one() -> None:
        question_id = s.page_question(window.page)
        if question_id is None:
            return
        choose(2)
        print(f"answered {question_id} {time.monotonic():.3f}", flush=True)
        next_page()

    timer = QTimer()
    timer.timeout.connect(answer_one)
    timer.start(150)
    print(f"restore {session.restore_file.path}", flush=True)
    return app.exec()


def one_flow(window, target: Path) -> None:
    """New assessment to action plan by keyboard, Save As, then back to the start page.

    Tab and Space rather than Alt+letter: a mnemonic's click is animated for 100 ms.
    """
    press(Qt.Key.Key_Return)  # "Start a new assessment"
    type_text("Flow")
    tab(4)  # team, the date (one stop), the paragraph about people, then "Add a person"
    press(Qt.Key.Key_Space)
    type_text("Someone")
    next_page()
    session = window.session
    for number, _ in enumerate(list(session.questionnaire.questions())):
        choose(number % 5)
        next_page()
    next_page()  # results -> plan
    assert window.page == s.PLAN_PAGE
    press(Qt.Key.Key_Down)
    tab(5)  # move up, move down, add, where the action comes from, then "Include this action in the plan"
    press(Qt.Key.Key_Space)  # drop it
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier, times=2)
    press(Qt.Key.Key_Space)  # add one of our own; the focus goes to its title
    type_text(" of ours")
    assert any(a.kind == "own" for a in session.plan()) and not all(a.accepted for a in session.plan())
    dialogs.SaveAsDialog.ask = classmethod(lambda cls, parent, suggested: target)  # type: ignore[method-assign]
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert session.path == target
    ctrl(Qt.Key.Key_W)
    assert window.session is None
    QTest.qWait(1)  # let the event loop run, as it does between a person's actions


# The bug takes references from the objects Qt calls return most: None, True and False.
SINGLETONS = {"None": None, "True": True, "False": False}


def flows_mode(count: int) -> int:
    """Run the flow `count` times; print the singletons' reference counts after the first and the last."""
    app = make_application()
    window = _window()
    target = Path(os.environ["COPROD_CHECK_HOME"]) / "files" / "flow.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    one_flow(window, target)
    gc.collect()
    before = {name: sys.getrefcount(value) for name, value in SINGLETONS.items()}
    start = time.monotonic()
    for _ in range(count - 1):
        one_flow(window, target)
    gc.collect()
    after = {name: sys.getrefcount(value) for name, value in SINGLETONS.items()}
    print(
        json.dumps({"flows": count, "before": before, "after": after, "seconds": round(time.monotonic() - start, 1)}),
        flush=True,
    )
    window.close()
    app.processEvents()
    return 0


HOSTILE = '<b>MARK</b><img src="/etc/hosts"><h1>Call IT on 0800 000 000</h1>&amp;'


def hostile_mode(path: Path) -> int:
    """Open `path` and, every 40 ms, save into it text with markup, a lone surrogate (as typed;
    stored as U+FFFD) and characters outside the BMP, saying "saved N" after each save."""
    app = make_application()
    window = _window()
    assert window.open_path(path), "the file did not open"
    session, saver = window.session, window.saver
    count = 0

    def save_one() -> None:
        nonlocal count
        count += 1
        session.set_about("team", f"{HOSTILE} \ud800 \U0001f600 {count}")
        session.set_answer_text("power-agenda", "note", HOSTILE * (count % 40))
        outcome = saver.save_now()
        print(f"saved {count} {int(bool(outcome and outcome.in_file))}", flush=True)

    timer = QTimer()
    timer.timeout.connect(save_one)
    timer.start(40)
    return app.exec()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "hostile":
        sys.exit(hostile_mode(Path(sys.argv[2])))
    sys.exit(kill_mode() if mode == "kill" else flows_mode(int(sys.argv[2])))
