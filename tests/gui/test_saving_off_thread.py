"""Autosave writes on a worker thread: the window keeps running, and no later change is lost."""

from __future__ import annotations

import json
import threading

from coprod_check.app import session as s
from coprod_check.app import store
from tests.gui.keys import press


def _open_saved(window, tmp_path):
    from PySide6.QtCore import Qt

    press(Qt.Key.Key_Return)
    path = tmp_path / "a.json"
    window.session.save_as(path)
    return window.session, path


def test_a_save_in_flight_keeps_the_window_running_and_loses_no_later_change(window, tmp_path, qtbot, monkeypatch):
    session, path = _open_saved(window, tmp_path)
    release, entered = threading.Event(), threading.Event()
    real = store.write_atomic
    threads = []

    def slow_write(target, data, backup=True):
        threads.append(threading.current_thread() is threading.main_thread())
        if target == path and not release.is_set():
            entered.set()
            assert release.wait(10)
        return real(target, data, backup)

    monkeypatch.setattr(store, "write_atomic", slow_write)
    session.set_choice("power-agenda", "asking")
    window.saver.save_in_background()
    assert entered.wait(5)
    # The disk is stuck, yet the window goes on: timers fire and a change is taken.
    beats = []
    from PySide6.QtCore import QTimer

    QTimer.singleShot(10, lambda: beats.append(1))
    qtbot.waitUntil(lambda: beats == [1], timeout=1000)
    window.go(s.question_page("power-timing"))
    session.set_choice("power-timing", "sharing")  # made while the first save is being written
    assert window.saver.busy and session.unsaved
    release.set()
    qtbot.waitUntil(lambda: not window.saver.pending and not session.unsaved, timeout=5000)
    saved = store.load(path)
    assert saved.answers["power-agenda"].choice == "asking"
    assert saved.answers["power-timing"].choice == "sharing"  # the later change, saved by the next save
    assert threads and threads[0] is False  # the file was written off the window's thread


def test_save_now_waits_for_the_save_in_flight(window, tmp_path, monkeypatch):
    session, path = _open_saved(window, tmp_path)
    session.set_about("team", "East")
    window.saver.save_in_background()
    session.set_about("team", "West")
    window.saver.save_now()  # closing, Save As and the PDF need everything on disk now
    assert not window.saver.busy and not session.unsaved
    assert store.load(path).team == "West"


def test_files_are_written_one_answer_a_line_and_read_back_the_same(tmp_path):
    from coprod_check.app import catalogue
    from coprod_check.domain.example import make_example

    q = catalogue.find("coproduction-readiness")
    a = make_example(q)
    path = tmp_path / "example.json"
    store.save(path, a)
    text = path.read_text(encoding="utf-8")
    assert store.load(path) == a
    data = json.loads(text)
    lines = text.splitlines()
    for qid in data["answers"]:
        (line,) = [x for x in lines if x.strip().startswith(json.dumps(qid) + ":")]
        assert json.loads(line.strip().rstrip(",").split(": ", 1)[1]) == data["answers"][qid]
    assert lines[0] == "{" and lines[1].startswith('  "format": ')
