"""Never lose an answer: autosave, opening, restoring, updating, and files that cannot be read."""

from __future__ import annotations

import json
import time

import pytest
from PySide6.QtCore import Qt

from coprod_check.app import catalogue, store
from coprod_check.app import session as s
from coprod_check.domain.example import make_example
from coprod_check.gui.autosave import DELAY_MS
from tests.gui.keys import choose, focus, press, rechoose


@pytest.fixture
def questionnaire():
    return catalogue.find("coproduction-readiness")


@pytest.fixture
def example_file(tmp_path, questionnaire):
    path = tmp_path / "files" / "northfield.json"
    path.parent.mkdir()
    store.save(path, make_example(questionnaire))
    return path


def test_every_change_is_saved_within_a_second(window, qtbot):
    press(Qt.Key.Key_Return)
    session = window.session
    window.go(s.question_page("power-agenda"))
    started = time.monotonic()
    choose(3)
    assert session.unsaved and not window.bar.state.text().startswith("Saving")  # too quick to mention
    qtbot.waitUntil(lambda: not session.unsaved, timeout=1500)
    assert time.monotonic() - started < 1.0 + 0.3  # timer plus a loaded machine's slack
    assert store.load(session.restore_file.path).answers["power-agenda"].choice == "sharing"
    assert window.bar.state.text().startswith("\u2713 Take a break: everything is saved.")
    assert window.windowTitle() == "Untitled assessment[*] \u2013 coprod-check" and not window.isWindowModified()


def test_typing_steadily_is_still_saved_every_second(window, qtbot):
    """The timer is not restarted by each key, so a long note cannot postpone the save."""
    press(Qt.Key.Key_Return)
    session = window.session
    window.go(s.question_page("power-agenda"))
    page = window.pages["question"]
    page.note.setFocus()
    deadline = time.monotonic() + (DELAY_MS + 500) / 1000
    while time.monotonic() < deadline:
        qtbot.keyClicks(page.note, "ab")
        qtbot.wait(40)
    saved = store.load(session.restore_file.path).answers["power-agenda"].note
    assert len(saved) >= 10


def test_an_opened_file_is_saved_in_place_with_a_backup(window, asked, qtbot, example_file):
    assert window.open_path(example_file)
    session = window.session
    assert window.windowTitle().startswith("northfield.json[*]") and not window.isWindowModified()
    before = example_file.read_bytes()
    window.go(s.question_page("power-agenda"))
    rechoose(4)
    qtbot.waitUntil(lambda: not session.unsaved, timeout=1500)
    assert store.load(example_file).answers["power-agenda"].choice == "doing-with"
    assert store.backup_path(example_file).read_bytes() == before
    assert asked.names() == []
    assert window.recent.load()[0] == example_file.resolve()


def test_closing_saves_at_once_and_asks_nothing(window, asked, qtbot, example_file):
    window.open_path(example_file)
    window.go(s.question_page("power-agenda"))
    rechoose(1)
    window.close()  # before the autosave timer has fired
    assert store.load(example_file).answers["power-agenda"].choice == "doing-for"
    assert asked.names() == []


def test_opening_lands_on_the_first_unanswered_question(window, example_file):
    window.open_path(example_file)
    first = window.session.next_unanswered()
    assert window.page == first and isinstance(focus().parent(), type(window.pages["question"].answer_box))


@pytest.mark.parametrize(
    "content, expected",
    [
        (b'{"format": "coprod-check-assessment", "format_ver', "JSON is broken"),
        (b'{"hello": "world"}', 'has no field "format"'),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
        (b"", "is empty"),
    ],
)
def test_a_corrupt_or_foreign_file_is_explained_and_never_changed(window, asked, tmp_path, content, expected):
    path = tmp_path / "odd.json"
    path.write_bytes(content)
    asked.answers["Inform"] = None
    assert not window.open_path(path)
    ((name, args),) = asked.shown
    assert name == "Inform" and "odd.json cannot be opened" in args[2]
    assert expected in args[3] and "has not been changed" in args[3]
    assert path.read_bytes() == content and window.session is None
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(("odd", ".odd"))] == ["odd.json"]


def test_an_older_questionnaire_version_shows_the_update_before_changing_anything(
    window, asked, example_file, questionnaire
):
    data = json.loads(example_file.read_text())
    data["questionnaire"]["version"] = "0.9"
    data["questionnaire"]["fingerprints"]["power-agenda"] = "000000000000"  # reworded since
    del data["questionnaire"]["fingerprints"]["learning-accountability"]  # added since
    data["answers"]["retired-question"] = {"answer": "asking", "note": "Keep me", "evidence": "", "note_private": False}
    example_file.write_text(json.dumps(data))
    original = example_file.read_bytes()

    asked.answers["UpdateDialog"] = False  # "Cancel: leave the file as it is"
    assert not window.open_path(example_file)
    ((name, (parent, lines, can_update)),) = asked.shown
    assert can_update and any("version 0.9" in line for line in lines)
    # Questions are named by their text; one no longer asked has only its id left.
    agenda, accountability = (questionnaire.question(x).prompt for x in ("power-agenda", "learning-accountability"))
    assert any("reworded" in line and agenda in line for line in lines)
    assert any("new question" in line and accountability in line for line in lines)
    assert not any("power-agenda" in line or "learning-accountability" in line for line in lines)
    assert any("retired-question" in line for line in lines)
    assert any(line.startswith("What changed in version 1.1:") for line in lines)
    assert example_file.read_bytes() == original and window.session is None

    asked.answers["UpdateDialog"] = True
    assert window.open_path(example_file)
    saved = json.loads(example_file.read_text())
    assert saved["questionnaire"]["version"] == questionnaire.version
    assert saved["answers"]["retired-question"]["note"] == "Keep me"  # every answer kept
    assert saved["answers"].keys() == data["answers"].keys()
    window.go(s.question_page("power-agenda"))
    page = window.pages["question"]
    assert page.reworded.isVisible() and "reworded" in page.reworded.label.text()


def test_a_missing_questionnaire_is_explained(window, asked, tmp_path, example_file):
    data = json.loads(example_file.read_text())
    data["questionnaire"]["id"] = "someone-elses"
    example_file.write_text(json.dumps(data))
    asked.answers["Inform"] = None
    assert not window.open_path(example_file)
    assert "not installed" in asked.shown[0][1][3]


def test_unsaved_work_is_offered_on_the_next_start_and_restored(make_window, asked, qtbot):
    first = make_window()
    press(Qt.Key.Key_Return)
    first.go(s.question_page("staff-disclosure"))
    choose(2)
    first.close()  # an untitled assessment: no question asked, the work is kept
    assert asked.names() == []

    second = make_window()
    assert len(second.start.restore_buttons) == 2
    assert focus() is second.start.restore_buttons[0]  # "Carry on with this" comes first
    press(Qt.Key.Key_Return)
    session = second.session
    assert session is not None and session.answer("staff-disclosure").choice == "sometimes"  # the third level
    assert session.path is None
    assert json.loads(session.restore_file.info_path.read_text())["pid"] > 0


def test_discarding_restored_work_asks_first(make_window, asked, home):
    first = make_window()
    press(Qt.Key.Key_Return)
    first.go(s.question_page("staff-disclosure"))
    choose(2)
    first.close()
    second = make_window()
    asked.answers["Confirm"] = False
    second.start.restore_buttons[1].click()
    assert len(list((home / "restore").glob("*.json"))) == 2  # kept: the person said no
    asked.answers["Confirm"] = True
    second.start.restore_buttons[1].click()
    assert list((home / "restore").glob("*")) == []
    assert second.start.restore_buttons == []


def test_a_blank_new_assessment_leaves_nothing_behind(window, home):
    press(Qt.Key.Key_Return)
    window.session.set_about("team", "x")
    window.saver.save_now()
    window.session.set_about("team", "")
    window.close()
    assert list((home / "restore").glob("*.json")) == []


def test_save_as_failure_is_explained_and_work_stays_safe(window, asked, tmp_path, qtbot):
    press(Qt.Key.Key_Return)
    window.session.set_about("team", "East")
    asked.answers["SaveAsDialog"] = tmp_path / "no-such-folder" / "a.json"
    asked.answers["Inform"] = None
    window.save_as()
    assert asked.names() == ["SaveAsDialog", "Inform"]
    assert "still safe" in asked.shown[1][1][3]
    assert window.session.path is None
    qtbot.waitUntil(lambda: not window.session.unsaved, timeout=1500)
    assert window.session.restore_file.exists


def test_a_file_whose_drive_is_removed_is_kept_in_a_restore_copy(window, example_file, qtbot):
    """As when a USB stick is pulled out: the work goes to a restore copy, and back when it returns."""
    window.open_path(example_file)
    session = window.session
    window.go(s.question_page("power-agenda"))
    held = example_file.parent.rename(example_file.parent.with_name("elsewhere"))
    rechoose(4)
    qtbot.waitUntil(lambda: not session.unsaved, timeout=1500)
    assert "northfield.json could not be saved (" in window.bar.state.text()
    assert "restore copy" in window.bar.state.text() and window.isWindowModified()
    assert store.load(session.restore_file.path).answers["power-agenda"].choice == "doing-with"
    held.rename(example_file.parent)
    window.pages["question"].note.setPlainText("Back again")
    qtbot.waitUntil(lambda: not session.unsaved, timeout=1500)
    assert store.load(example_file).answers["power-agenda"].note == "Back again"
    assert not session.restore_file.exists
    assert window.bar.state.text().startswith("\u2713 Take a break")


def test_recent_files_open_from_the_start_page(window, example_file, qtbot):
    window.open_path(example_file)
    window.show_start()
    assert window.start.recent.count() == 1
    window.start.recent.setFocus()
    press(Qt.Key.Key_Return)
    assert window.session is not None and window.session.path == example_file


def test_the_questionnaires_folder_is_created_and_opened(window, asked, home):
    asked.answers["Desktop"] = True
    window.start.folder_button.click()
    ((name, (parent, path)),) = asked.shown
    assert name == "Desktop" and path == catalogue.user_questionnaire_dir() and path.is_dir()
    assert str(path) in window.start.folder_note.toolTip()  # there when needed, never in the page's text
    assert str(path) not in window.start.folder_note.text()
