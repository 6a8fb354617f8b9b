"""The whole flow, start to action plan, by keyboard alone, with the built-in questionnaire."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QRadioButton

from coprod_check.app import session as s
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE
from tests.gui.keys import alt, choose, ctrl, focus, next_page, press, tab, type_text


@pytest.fixture
def window(make_window, monkeypatch):
    """A window as it is before the PDF renderer is installed."""
    monkeypatch.setattr("coprod_check.gui.main_window.report_available", lambda: False)
    return make_window()


def test_start_to_action_plan_by_keyboard_alone(window, asked, qtbot, tmp_path):
    # Start: the focus is on "Start a new assessment"; Enter presses it.
    assert focus() is window.start.new_button
    press(Qt.Key.Key_Return)
    session = window.session
    assert session is not None and window.page == s.ABOUT_PAGE

    # About this assessment: type, tab, add a person with lived experience.
    about = window.pages[s.ABOUT_PAGE]
    assert focus() is about.organisation
    type_text("Northfield Trust")
    tab()
    assert focus() is about.team
    type_text("East locality")
    tab()
    assert focus() is about.date.edit
    tab()  # one Tab stop: typed as one line, never held for day, month and year
    assert focus() is about.people_intro  # the paragraph above the people, read by Tab
    tab()
    assert focus() is about.add_button
    press(Qt.Key.Key_Space)
    assert focus() is about.rows[0].name
    type_text("Gwen")
    tab()
    assert focus() is about.rows[0].role
    tab()
    assert focus() is about.rows[0].lived
    assert about.finding.isVisible()  # nobody with lived experience yet: said once, here
    press(Qt.Key.Key_Up, times=2)  # prefer not to say -> no -> yes
    assert not about.finding.isVisible()
    a = session.assessment
    assert (a.organisation, a.team) == ("Northfield Trust", "East locality")
    assert [(p.name, p.lived_experience) for p in a.participants] == [("Gwen", "yes")]

    # The questions: focus lands on the answers; arrows move, Space chooses.
    alt("n")  # the Next button's mnemonic
    questions = list(session.questionnaire.questions())
    page = window.pages["question"]
    for number, question in enumerate(questions):
        assert window.page == s.question_page(question.id)
        assert isinstance(focus(), QRadioButton)
        if number == 1:
            alt("d")  # don't know
        elif question.not_applicable and NOT_APPLICABLE not in [x.choice for x in a.answers.values()]:
            alt("a")  # not applicable, offered only where allowed
        elif number == 2:
            choose(1)
            alt("t")  # the note
            assert focus() is page.note
            type_text("We ask, then decide ourselves.")
            alt("p")  # keep it private
            tab()
            if page.extras.evidence_hint.isVisible():  # "What would show this" is read on the way
                assert focus() is page.extras.evidence_hint
                tab()
            assert focus() is page.evidence
            type_text("Minutes, March.")
        elif number == 5:
            pass  # leave one unanswered, to find again below
        else:
            choose(number % 5)
        if number == 0:
            alt("w")  # why this matters, on demand
            from coprod_check.gui.question_extras import why_text

            assert page.why.isVisible() and page.why.text() == why_text(question)  # with its sources
        next_page()
    assert window.page == s.RESULTS_PAGE
    assert a.answers[questions[1].id].choice == DONT_KNOW
    assert a.answers[questions[2].id].note_private and a.answers[questions[2].id].evidence == "Minutes, March."
    assert window.bar.progress.value() == len(questions) - 1

    # The unanswered question is easy to find: Ctrl+U goes straight to it.
    ctrl(Qt.Key.Key_U)
    assert window.page == s.question_page(questions[5].id)
    choose(2)
    assert window.bar.progress.value() == len(questions)

    # The navigator: F6, then keys; Enter goes to the page.
    press(Qt.Key.Key_F6)
    assert focus() is window.navigator.tree
    press(Qt.Key.Key_End)
    press(Qt.Key.Key_Up)  # "Results" (the last item is the action plan)
    press(Qt.Key.Key_Return)
    assert window.page == s.RESULTS_PAGE
    results = window.pages[s.RESULTS_PAGE]
    assert f"{len(questions)} questions" in results.completeness.text()
    assert results.stage_title.text()  # a stage, with its reasons below
    alt("b")
    assert window.page == s.question_page(questions[-1].id)
    next_page()
    next_page()

    # The action plan: drop, reword, owner, due date, status, add one, reorder.
    plan = window.pages[s.PLAN_PAGE]
    assert window.page == s.PLAN_PAGE and focus() is plan.list
    first_id = plan.action_id
    alt("i")  # drop the first action
    assert session.action(first_id).accepted is False
    assert plan.list.item(0).text().startswith("1. Dropped: ")
    press(Qt.Key.Key_Down)
    second_id = plan.action_id
    alt("w")  # owner
    assert focus() is plan.owner
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text("Deputy director")
    alt("t")
    press(Qt.Key.Key_End)
    type_text(" this year")
    alt("d")  # set a due date
    assert plan.has_due.isChecked()
    alt("s")
    press(Qt.Key.Key_Down)  # in progress
    edited = session.action(second_id)
    assert edited.owner == "Deputy director" and edited.title.endswith(" this year")
    assert edited.due and edited.status == "in-progress"
    alt("c")  # add your own action; the focus goes to its title
    assert focus() is plan.title
    type_text("Meet the network chair monthly")
    own_id = plan.action_id
    alt("a")  # back to the list
    assert focus() is plan.list
    ctrl(Qt.Key.Key_Up)
    ids = [x.id for x in session.plan()]
    assert ids.index(own_id) == len(ids) - 2

    # Everything is in the file within about a second; Save As puts it where the person chooses.
    qtbot.waitUntil(lambda: not session.unsaved, timeout=2000)
    saved = json.loads(session.restore_file.path.read_text())
    assert saved["answers"][questions[2].id]["note_private"] is True
    assert saved["plan"]["edits"][second_id]["owner"] == "Deputy director"
    assert any(c["title"] == "Meet the network chair monthly" for c in saved["plan"]["custom"])
    target = tmp_path / "northfield.json"
    asked.answers["SaveAsDialog"] = target
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert session.path == target and json.loads(target.read_text())["organisation"] == "Northfield Trust"
    assert not session.restore_file.exists
    assert "northfield.json" in window.windowTitle() and not window.isWindowModified()
    assert "Take a break: everything is saved." in window.bar.state.text()

    # Without the PDF renderer there is no PDF button or action: absent, not broken.
    assert window.export_action is None and plan.export is None
    assert not [b for b in plan.findChildren(QPushButton) if "PDF" in b.text()]
    assert asked.names() == ["SaveAsDialog"]


def test_back_and_next_everywhere_and_their_keys(window, qtbot):
    press(Qt.Key.Key_Return)
    assert not window.bar.back.isEnabled() and window.bar.next.isEnabled()
    ctrl(Qt.Key.Key_PageDown)
    assert window.page.startswith(s.QUESTION_PREFIX)
    press(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.page == s.ABOUT_PAGE
    press(Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.page == s.PLAN_PAGE and not window.bar.next.isEnabled()
    press(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.page == s.RESULTS_PAGE
    ctrl(Qt.Key.Key_PageUp)
    assert window.page == window.session.pages()[-3]  # the last question
    ctrl(Qt.Key.Key_W)  # close: back to the start page, nothing asked
    assert window.session is None and window.stack.currentWidget() is window.start
    assert QApplication.focusWidget() is not None
