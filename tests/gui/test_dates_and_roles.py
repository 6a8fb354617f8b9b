"""No surprises: dates typed day first or picked from a calendar, one Tab stop, refused with a
reason when impossible or too early; a lived-experience role with no lived experience pointed out."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coprod_check.app import catalogue, store
from coprod_check.app import session as s
from coprod_check.domain.example import make_example
from coprod_check.gui import a11y
from tests.gui.keys import alt, focus, press, tab, type_text


def open_example(window, folder: Path, date: str = "2027-02-28") -> None:
    path = folder / "files" / "northfield.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    assessment = make_example(catalogue.find("coproduction-readiness"))
    assessment.date = date
    store.save(path, assessment)
    assert window.open_path(path)


def test_typing_a_whole_date_over_another_gives_that_date(window, tmp_path):
    open_example(window, tmp_path)
    window.go(s.ABOUT_PAGE)
    field = window.pages[s.ABOUT_PAGE].date
    assert field.edit.text() == "28 February 2027"
    alt("d")
    assert focus() is field.edit and field.edit.selectedText() == "28 February 2027"
    type_text("31 January 2027")
    tab()
    assert window.session.assessment.date == "2027-01-31"  # not the 3rd, as QDateEdit made it
    assert field.edit.text() == "31 January 2027"
    assert focus() is not field.edit and focus() is not field.pick  # one Tab, and out


def test_an_impossible_date_is_refused_and_said_aloud(window, tmp_path):
    open_example(window, tmp_path)
    window.go(s.ABOUT_PAGE)
    field = window.pages[s.ABOUT_PAGE].date
    alt("d")
    type_text("31 February 2027")
    tab()
    assert window.session.assessment.date == "2027-02-28"
    assert field.problem.isVisible() and "no such date" in field.problem.plain_text()
    assert a11y.announcer(window).said[-1] == field.problem.plain_text()[2:]
    sequence = window.pages[s.ABOUT_PAGE].tab_sequence()
    assert sequence[sequence.index(field.edit) + 1] is field.problem  # read by Tab, just after the date
    alt("d")
    type_text("1/3/2027")
    tab()
    assert window.session.assessment.date == "2027-03-01" and not field.problem.isVisible()


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen platform, about the popup
def test_f4_and_alt_down_open_a_calendar_that_enter_chooses_from(window, tmp_path, qtbot):
    open_example(window, tmp_path)
    window.go(s.ABOUT_PAGE)
    field = window.pages[s.ABOUT_PAGE].date
    for keys in ((Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)):
        field.edit.setFocus()
        press(*keys)
        qtbot.waitUntil(lambda: field.calendar is not None and field.calendar.isVisible())
        assert QApplication.focusWidget() is not None and field.calendar.isAncestorOf(QApplication.focusWidget())
        press(Qt.Key.Key_Right)  # the next day
        press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not field.calendar.isVisible())
        assert focus() is field.edit
    assert window.session.assessment.date == "2027-03-02"


def test_a_due_date_before_the_assessment_is_refused(window, tmp_path):
    open_example(window, tmp_path, date="2026-11-24")
    window.go(s.PLAN_PAGE)
    plan = window.pages[s.PLAN_PAGE]
    action_id = plan.action_id
    alt("d")  # set a due date
    assert plan.has_due.isChecked()
    before = window.session.action(action_id).due
    plan.due.edit.setFocus()
    plan.due.edit.selectAll()
    type_text("1 January 2026")
    tab()
    assert window.session.action(action_id).due == before
    assert "cannot be before the assessment, 24 November 2026" in plan.due.problem.plain_text()
    plan.due.edit.setFocus()
    plan.due.edit.selectAll()
    type_text("31 January 2027")
    tab()
    assert window.session.action(action_id).due == "2027-01-31"


def test_a_lived_experience_role_with_no_lived_experience_is_pointed_out_and_said(window, tmp_path):
    open_example(window, tmp_path)
    window.go(s.ABOUT_PAGE)
    about = window.pages[s.ABOUT_PAGE]
    about.add_button.click()
    row = about.rows[-1]
    assert not row.mismatch.isVisible()
    row.role.setFocus()
    row.role.setCurrentIndex(row.role.findData("lived-experience-colleague"))
    assert not row.mismatch.isVisible()  # "prefer not to say" is theirs to choose
    row.lived.setCurrentIndex(row.lived.findData("no"))
    said = row.mismatch.label.plain_text()
    assert row.mismatch.isVisible() and "\u201cColleague with lived experience\u201d" in said
    assert "set to \u201cNo\u201d" in said
    assert a11y.announcer(window).said[-1] == said
    assert row.mismatch.label in about.tab_sequence()  # read by Tab, after the two choices
    assert window.session.assessment.participants[-1].lived_experience == "no"  # kept as chosen
    row.lived.setCurrentIndex(row.lived.findData("yes"))
    assert not row.mismatch.isVisible()
    row.role.setCurrentIndex(row.role.findData("manager"))
    row.lived.setCurrentIndex(row.lived.findData("no"))
    assert not row.mismatch.isVisible()
