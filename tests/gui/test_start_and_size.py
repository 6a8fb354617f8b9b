"""The window opens showing its file, reads only the questionnaire the file needs, and fits the
screen at the size it had last time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QSize

from coprod_check.app import catalogue, qcache, store
from coprod_check.domain.example import make_example
from coprod_check.gui import window_size
from coprod_check.gui.main_window import MainWindow
from tests.gui.test_announcements_and_tab_stops import big_font  # noqa: F401 (a fixture)
from tests.gui.test_app import run_and_look

OTHER = """\
format: coprod-check-questionnaire
id: another-questionnaire
version: "1.0"
title: Another
"""


def test_the_first_paint_shows_the_file_and_only_its_questionnaire_is_read(
    qapp, qtbot, home, asked, tmp_path, monkeypatch
):
    path = tmp_path / "example.json"
    store.save(path, make_example(catalogue.find("coproduction-readiness")))
    own = catalogue.user_questionnaire_dir()
    own.mkdir(parents=True)
    (own / "another.yaml").write_text(OTHER, encoding="utf-8")  # not this file's: never read
    read = []
    real = qcache.load_questionnaire
    monkeypatch.setattr(catalogue, "load_questionnaire", lambda p: read.append(Path(p).name) or real(p))
    shown_while_reading = []
    real_open = MainWindow.open_path
    monkeypatch.setattr(
        MainWindow, "open_path", lambda self, p: shown_while_reading.append(self.isVisible()) or real_open(self, p)
    )
    seen = run_and_look(qtbot, [path])
    assert seen["path"] == path and shown_while_reading == [False]  # shown once the file is open: never black
    assert read == ["coproduction-readiness.yaml"]


def test_the_start_page_lists_every_questionnaire_when_it_is_shown(window, monkeypatch):
    own = catalogue.user_questionnaire_dir()
    own.mkdir(parents=True)
    (own / "another.yaml").write_text(OTHER, encoding="utf-8")
    window.show_start()
    assert window.start.unusable.isVisibleTo(window.start)  # read (and found wanting) for the list


def test_the_window_fits_the_screen_and_remembers_its_size(qtbot, home):
    first = MainWindow(home=home)
    qtbot.addWidget(first)
    area = window_size.available(first)
    assert first.width() <= area.width() and first.height() <= area.height()
    assert first.minimumWidth() <= area.width() and first.minimumHeight() <= area.height()
    chosen = QSize(area.width() - 50, area.height() - 40).expandedTo(first.minimumSize())
    first.resize(chosen)
    first.close()
    assert window_size.settings(first).value(window_size.SIZE_KEY) == chosen
    assert (home / window_size.SETTINGS_FILE).is_file()  # in the app's data folder, never the registry
    second = MainWindow(home=home)
    qtbot.addWidget(second)
    assert second.size() == chosen


def test_a_size_remembered_from_a_larger_screen_is_fitted_to_this_one(qtbot, home):
    home.mkdir(parents=True, exist_ok=True)
    kept = QSettings(str(home / window_size.SETTINGS_FILE), QSettings.Format.IniFormat)
    kept.setValue(window_size.SIZE_KEY, QSize(5000, 4000))
    kept.sync()
    window = MainWindow(home=home)
    qtbot.addWidget(window)
    area = window_size.available(window)
    assert window.width() <= area.width() and window.height() <= area.height()
    assert area.contains(window.geometry().topLeft())


def test_the_contents_pane_can_be_widened_and_keeps_its_width(window, qtbot, tmp_path, home):
    from PySide6.QtCore import Qt

    from tests.gui.keys import press

    press(Qt.Key.Key_Return)
    splitter = window.row
    assert splitter.widget(0) is window.navigator
    total = sum(splitter.sizes())
    splitter.setSizes([total // 2, total - total // 2])
    wide = splitter.sizes()[0]
    assert wide >= total // 2 - 2  # no maximum: long titles can be read whole
    window.close()
    again = MainWindow(home=home)
    qtbot.addWidget(again)
    again.show()
    again.new_assessment(catalogue.find("coproduction-readiness"))
    assert abs(again.row.sizes()[0] - wide) <= 2


def test_ctrl_s_on_unsaved_work_opens_save_as(window, asked, tmp_path):
    from PySide6.QtCore import Qt

    from tests.gui.keys import press

    press(Qt.Key.Key_Return)  # a new assessment: no file yet
    target = tmp_path / "ours.json"
    asked.answers["SaveAsDialog"] = target
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked.names() == ["SaveAsDialog"] and window.session.path == target and target.exists()
    window.session.set_about("team", "East")
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # now it has a file: saved at once, no question
    assert asked.names() == ["SaveAsDialog"] and not window.session.unsaved
    assert store.load(target).team == "East" and "Saved in" in window.statusBar().currentMessage()


def test_the_start_page_shows_folders_as_people_know_them(window, tmp_path, monkeypatch):
    from coprod_check.gui.start_page import friendly_folder

    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Documents" / "Team").mkdir(parents=True)
    path = tmp_path / "Documents" / "Team" / "ours.json"
    store.save(path, make_example(catalogue.find("coproduction-readiness")))
    window.recent.add(path)
    window.show_start()
    shown = window.start.recent.item(0).text()
    assert shown == "ours.json\nin Documents/Team" and str(tmp_path) not in shown
    assert str(catalogue.user_questionnaire_dir()) not in window.start.folder_note.text()
    assert friendly_folder(tmp_path) == "your home folder" and friendly_folder(Path("/srv/share")) == "/srv/share"


def test_the_progress_words_are_never_cut(big_font, make_window):  # noqa: F811
    from PySide6.QtCore import Qt

    from tests.gui.keys import press

    window = make_window()
    press(Qt.Key.Key_Return)
    bar = window.bar.progress
    total = bar.maximum()
    bar.setValue(total)
    words = bar.text()
    assert str(total) in words
    assert bar.width() >= bar.fontMetrics().horizontalAdvance(words) + bar.fontMetrics().averageCharWidth() * 4
