"""Undo and redo in the window: Ctrl+Z, Ctrl+Shift+Z and the Edit menu, each naming the change."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coprod_check.app import session as s
from coprod_check.app.undo import short
from coprod_check.gui import a11y
from tests.gui.keys import choose, ctrl, focus, press, type_text


def edit_menu_texts(window) -> tuple[str, str]:
    return window.undo_action.text(), window.redo_action.text()


def test_an_answer_is_undone_by_ctrl_z_and_redone_by_ctrl_shift_z(window, qtbot):
    press(Qt.Key.Key_Return)  # a new assessment
    session = window.session
    assert not window.undo_action.isEnabled()
    window.go(s.question_page("power-agenda"))
    page = window.pages["question"]
    choose(2)
    chosen = session.answer("power-agenda").choice
    assert chosen is not None
    prompt = short(session.questionnaire.question("power-agenda").prompt)
    assert edit_menu_texts(window) == (f"Undo answer to \u201c{prompt}\u201d", "&Redo")
    window.go(s.RESULTS_PAGE)  # undone from elsewhere: the window goes back to the question
    ctrl(Qt.Key.Key_Z)
    assert window.page == s.question_page("power-agenda") and session.answer("power-agenda").choice is None
    qtbot.wait(20)  # nothing else after it: the same question is not introduced again
    assert a11y.announcer(window).said[-1] == f"Undo answer to \u201c{prompt}\u201d"  # heard, wherever the focus is
    assert page.group.checkedId() < 0
    assert edit_menu_texts(window) == ("&Undo", f"Redo answer to \u201c{prompt}\u201d")
    done_before = window.bar.progress.value()
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert session.answer("power-agenda").choice == chosen and page.group.checkedId() >= 0
    qtbot.wait(20)  # done on the question itself: what was done is heard, not the question again
    assert a11y.announcer(window).said[-1] == f"Redo answer to \u201c{prompt}\u201d"
    assert window.bar.progress.value() == done_before + 1


def test_a_plan_edit_is_undone_from_the_edit_menu(window):
    press(Qt.Key.Key_Return)
    session = window.session
    session.set_choice("power-agenda", "doing-to")
    window.go(s.PLAN_PAGE)
    plan = window.pages[s.PLAN_PAGE]
    action_id = plan.action_id
    before = session.action(action_id).owner
    plan.owner.setFocus()
    plan.owner.selectAll()
    type_text("Deputy director")
    assert session.action(action_id).owner == "Deputy director"
    plan.list.setFocus()
    assert window.undo_action.text().startswith("Undo owner of \u201c")
    window.undo_action.trigger()  # one step for the whole typing
    assert session.action(action_id).owner == before and window.page == s.PLAN_PAGE
    assert plan.owner.text() == before
    assert focus() is not None


def test_ampersands_in_a_name_are_shown_not_taken_for_a_shortcut(window):
    press(Qt.Key.Key_Return)
    session = window.session
    session.set_choice("power-agenda", "doing-to")
    own = session.add_own_action("Pay & thank people")
    session.delete_own_action(own)
    assert window.undo_action.text() == "Undo deleting \u201cPay && thank people\u201d"
