"""What a screen reader hears, a steady title, Tab stops, wording, and larger system fonts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible, QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget

from coprod_check.app import catalogue, store
from coprod_check.app import session as s
from coprod_check.domain.assessment import PreviousAction
from coprod_check.domain.example import make_example
from coprod_check.gui import file_commands, page_switching, session_bar, widgets
from coprod_check.gui.review_page import details
from tests.gui.keys import ctrl, focus, press, tab


def open_example(window, folder: Path) -> Path:
    path = folder / "files" / "northfield.json"
    path.parent.mkdir()
    store.save(path, make_example(catalogue.find("coproduction-readiness")))
    assert window.open_path(path)
    return path


def accessible(widget: QWidget, text: QAccessible.Text = QAccessible.Text.Name) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(text)


@pytest.fixture
def announced(monkeypatch):
    """Every screen-reader announcement, as (text, urgent)."""
    said: list[tuple[str, bool]] = []
    fake = lambda widget, text, urgent=False: said.append((text, urgent))  # noqa: E731
    monkeypatch.setattr(widgets, "announce", fake)
    for module in (file_commands, page_switching):  # the window's parts that announce
        monkeypatch.setattr(module, "announce", fake)
    return said


# -- what the save state says -------------------------------------------------------------------


def test_screen_readers_hear_the_save_state_shown_and_a_new_problem_once(window, tmp_path, qtbot, announced):
    path = open_example(window, tmp_path)
    state = window.bar.state
    assert accessible(state) == state.text() == session_bar.SAVED

    held = path.parent.rename(path.parent.with_name("elsewhere"))  # as when a USB stick is pulled out
    window.session.set_about("team", "East")
    window.saver.save_now()
    assert "northfield.json could not be saved (" in state.text()
    assert accessible(state) == state.text()
    assert announced == [(state.text(), True)]
    window.session.set_about("team", "East 2")
    window.saver.save_now()
    assert len(announced) == 1  # still the same problem: not repeated at every save

    held.rename(path.parent)
    window.session.set_about("team", "East 3")
    window.saver.save_now()
    assert accessible(state) == state.text() == session_bar.SAVED


def test_a_file_changed_by_another_window_is_left_alone_and_said_aloud(window, tmp_path, announced):
    path = open_example(window, tmp_path)
    state = window.bar.state
    other = store.load(path)
    other.team = "Changed in another window"
    store.save(path, other)
    window.session.set_about("team", "East")
    window.saver.save_now()
    assert state.text().startswith("\u26a0 northfield.json was changed by another window or program")
    assert "Save As" in state.text() and window.isWindowModified()
    assert announced == [(state.text(), True)]
    assert store.load(path).team == "Changed in another window"
    assert store.load(window.session.restore_file.path).team == "East"


# -- a steady title -------------------------------------------------------------------------------


def test_typing_changes_neither_the_title_nor_the_save_state(window, qtbot):
    press(Qt.Key.Key_Return)
    session = window.session
    window.go(s.question_page("power-agenda"))
    note = window.pages["question"].note
    note.setFocus()
    title = window.windowTitle()
    titles, states, saves = [], set(), []
    window.windowTitleChanged.connect(titles.append)
    save = session.write_snapshot  # every save, on the worker thread or not, writes a snapshot
    session.write_snapshot = lambda snapshot: saves.append(1) or save(snapshot)
    for letter in "We talked about it at length":
        QTest.keyClicks(note, letter)
        QTest.qWait(100)
        states.add(window.bar.state.text())
        assert not window.isWindowModified()
    qtbot.waitUntil(lambda: not session.unsaved, timeout=1500)
    assert len(saves) >= 3  # saved all along...
    assert titles == [] and window.windowTitle() == title  # ...without the title saying so each time
    assert states == {window.bar.state.text()}
    assert store.load(session.restore_file.path).answers["power-agenda"].note == "We talked about it at length"


def test_saving_is_mentioned_only_when_it_is_slow(window, qtbot, monkeypatch):
    monkeypatch.setattr(session_bar, "SLOW_SAVE_MS", 50)
    press(Qt.Key.Key_Return)
    window.saver._delay_ms = 60_000  # a save that does not come
    window.session.set_about("team", "East")
    qtbot.waitUntil(lambda: window.bar.state.text() == session_bar.SAVING, timeout=1000)
    window.saver.save_now()
    assert window.bar.state.text().startswith(session_bar.SAVED)


# -- Tab stops ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page", [s.ABOUT_PAGE, s.question_page("power-agenda"), s.RESULTS_PAGE, s.PLAN_PAGE, s.REVIEW_PAGE, ""]
)
def test_tab_never_stops_on_an_unnamed_widget(window, tmp_path, page):
    if page:
        open_example(window, tmp_path)
        window.go(page)
    stops = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        stops.append(widget)
        tab()
    assert not [w for w in stops if isinstance(w, QScrollArea)]
    assert [f"{type(w).__name__}" for w in stops if not accessible(w).strip()] == []


def test_page_down_scrolls_the_page_from_an_input(window, tmp_path):
    open_example(window, tmp_path)
    window.resize(window.minimumSize())
    window.go(s.ABOUT_PAGE)
    QTest.qWait(20)
    scroll_bar = window.pages[s.ABOUT_PAGE].findChild(QAbstractScrollArea).verticalScrollBar()
    assert scroll_bar.maximum() > 0 and scroll_bar.value() == 0
    assert focus() is window.pages[s.ABOUT_PAGE].organisation
    press(Qt.Key.Key_PageDown)
    assert scroll_bar.value() > 0


# -- people on the About page ---------------------------------------------------------------------


def enclosing_groups(widget: QWidget) -> list[str]:
    names = []
    interface = QAccessible.queryAccessibleInterface(widget)
    while interface is not None and interface.isValid():
        if interface.role() == QAccessible.Role.Grouping:
            names.append(interface.text(QAccessible.Text.Name))
        interface = interface.parent()
    return names


def test_each_persons_role_is_heard_with_the_person(window, tmp_path):
    open_example(window, tmp_path)
    window.go(s.ABOUT_PAGE)
    rows = window.pages[s.ABOUT_PAGE].rows
    assert len(rows) >= 2
    for number, row in enumerate(rows, 1):
        for combo in (row.role, row.lived):
            assert f"Person {number}" in enclosing_groups(combo)


# -- wording --------------------------------------------------------------------------------------


def test_an_answer_no_longer_offered_is_named_as_people_saw_it(window):
    press(Qt.Key.Key_Return)
    session = window.session
    session.set_choice("power-agenda", "asking")
    session.assessment.answers["power-agenda"].choice = "doing-with-old"  # from a later or earlier version
    window.go(s.question_page("power-agenda"))
    note = window.pages["question"].reworded.label.plain_text()
    assert "doing-with-old" not in note and "no longer has" in note

    fixed = next(q for q in session.questionnaire.questions() if not q.not_applicable)
    session.set_choice(fixed.id, "asking")
    session.assessment.answers[fixed.id].choice = "not-applicable"
    window.go(s.question_page(fixed.id))
    note = window.pages["question"].reworded.label.plain_text()
    assert "\u201cNot applicable\u201d, is not one of the choices" in note


def test_last_times_critical_actions_are_called_a_priority():
    critical = details(PreviousAction("a", "Pay people", group="critical"))
    assert "Priority: do these first." in critical and "Critical" not in critical
    assert "When: Next 3 months." in details(PreviousAction("b", "Ask", group="now"))


def test_every_question_answered_is_said_aloud(window, announced):
    press(Qt.Key.Key_Return)
    session = window.session
    for question in session.questionnaire.questions():
        session.set_choice(question.id, session.questionnaire.levels_for(question)[0].id)
    window.go(s.ABOUT_PAGE)
    ctrl(Qt.Key.Key_U)
    assert announced == [("Every question has an answer.", False)]
    assert window.statusBar().currentMessage() == "Every question has an answer."


# -- larger system fonts ----------------------------------------------------------------------------


@pytest.fixture
def big_font():
    app = QApplication.instance()
    before = app.font()
    app.setFont(QFont("DejaVu Sans", 16))
    yield
    app.setFont(before)


def fully_shown(widget: QWidget, viewport: QWidget) -> bool:
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return viewport.rect().contains(QRect(top_left, widget.size()))


def test_a_16_point_font_at_the_smallest_window(big_font, make_window, tmp_path, qtbot):
    window = make_window()
    window.resize(window.minimumSize())
    start = window.start
    qtbot.waitUntil(lambda: fully_shown(start.new_button, start.scroller.viewport()), timeout=1000)
    assert start.new_button.hasFocus()

    open_example(window, tmp_path)
    window.go(s.ABOUT_PAGE)
    QTest.qWait(20)
    about = window.pages[s.ABOUT_PAGE]
    assert about.findChild(QAbstractScrollArea).horizontalScrollBar().maximum() == 0  # no sideways scrolling
    row = about.rows[0]
    for upper, lower in ((row.name, row.role), (row.role, row.lived)):
        assert upper.mapTo(about, upper.rect().bottomLeft()).y() < lower.mapTo(about, lower.rect().topLeft()).y()

    box = window.navigator.unanswered_only
    words = box.words
    assert words.height() >= words.heightForWidth(words.width()) > words.fontMetrics().height()  # wrapped, whole
    assert box.geometry().right() <= window.navigator.width() and box.text() == "Only &questions not answered yet"
    assert accessible(box) == "Only questions not answered yet"
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=words.geometry().center())
    assert box.isChecked()
