"""Plan edits through the session and the plan page: words kept when a gap closes, a
"don't know" that hands over to its find-out action, and the "When" control.

The session tests use tests/tiny.py (q1 at l1 suggests "Move q1 up from l1", owner
Lead 1, next 3 months). The window tests use the built-in questionnaire, where
"power-timing" answered "Doing for" suggests "Bring people in while the options
are still open" (owner Service manager, next 3 months) and is critical.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coprod_check.app import session as s
from coprod_check.app.restore import RestoreFile
from coprod_check.domain.assessment import Assessment, Suggestion
from coprod_check.domain.questionnaire import DONT_KNOW
from coprod_check.gui import plan_page
from tests.gui.keys import alt, focus, press, type_text
from tests.gui.test_accessibility import check_page
from tests.tiny import tiny

TIMING = "gap:power-timing"


@pytest.fixture
def session(tmp_path):
    q = tiny()
    return s.Session(q, Assessment.new(q), None, RestoreFile(tmp_path / "restore"))


def test_an_action_whose_gap_closes_keeps_the_words_it_had(session):
    session.set_choice("q1", "l0")
    session.set_action_text("gap:q1", "owner", "Priya")
    session.set_choice("q1", "l1")  # still a gap, with the next step's words
    session.set_status("gap:q1", "in-progress")  # the words at this edit are the ones kept
    session.set_action_text("gap:q1", "how", "Our way")
    session.set_choice("q1", "l4")
    action = session.action("gap:q1")
    assert action.closed
    assert (action.title, action.why, action.how, action.owner, action.status) == (
        "Move q1 up from l1",
        "Because l2 is better.",
        "Our way",
        "Priya",
        "in-progress",
    )
    assert session.assessment.plan.edits["gap:q1"].suggested == Suggestion(
        "Move q1 up from l1", "Because l2 is better.", "Do the thing for q1.", "Lead 1", "now"
    )


def test_dont_know_hands_the_work_over_to_the_find_out_action(session):
    session.set_choice("q1", "l1")
    session.set_action_text("gap:q1", "owner", "Priya")
    session.set_due("gap:q1", "2027-03-01")
    session.set_status("gap:q1", "in-progress")
    session.set_choice("q1", DONT_KNOW)
    gap, found = session.action("gap:q1"), session.action("find-out:q1")
    assert gap.unknown and not gap.closed and gap.title == "Move q1 up from l1"
    assert (found.owner, found.due, found.status) == ("Priya", "2027-03-01", "in-progress")
    # Changing the find-out action starts from what it took over, and keeps it.
    session.set_status("find-out:q1", "not-started")
    found = session.action("find-out:q1")
    assert (found.owner, found.due, found.status) == ("Priya", "2027-03-01", "not-started")
    session.reset_wording("find-out:q1")
    assert session.action("find-out:q1").owner == "Team lead"


def test_when_moves_an_action_and_moving_it_back_leaves_no_edit(session):
    session.set_choice("q1", "l1")  # next 3 months
    heard = []
    session.subscribe(heard.append)
    session.set_when("gap:q1", "later")
    assert session.action("gap:q1").group == "later" and heard == [s.PLAN]
    session.set_when("gap:q1", "critical")
    assert session.action("gap:q1").group == "critical"
    edit = session.assessment.plan.edits["gap:q1"]
    assert (edit.timescale, edit.critical) == ("later", True)
    session.set_when("gap:q1", "now")
    assert session.assessment.plan.edits == {}
    session.set_when("gap:q1", "now")
    assert heard == [s.PLAN, s.PLAN, s.PLAN]  # no change, no event
    own = session.add_own_action("Ours")
    session.set_when(own, "critical")
    assert session.action(own).group == "critical"
    with pytest.raises(ValueError):
        session.set_when(own, "tomorrow")


def rows(plan) -> list[str]:
    return [plan.list.item(i).text() for i in range(plan.list.count())]


def select(plan, action_id: str) -> None:
    (row,) = [i for i in range(plan.list.count()) if plan.list.item(i).data(plan_page.ID_ROLE) == action_id]
    plan.list.setCurrentRow(row)


def test_the_when_control_moves_an_action_by_keyboard(window):
    press(Qt.Key.Key_Return)
    session = window.session
    session.set_choice("power-timing", "doing-for")
    window.go(s.PLAN_PAGE)
    plan = window.pages[s.PLAN_PAGE]
    select(plan, TIMING)
    assert plan.when.currentText() == "Critical: do these first"
    assert plan.when.accessibleName() == "When to take it on"
    order = plan.tab_sequence()
    assert order.index(plan.when) == order.index(plan.owner_agreed) + 1 == order.index(plan.owner) + 2
    check_page(window)
    alt("k")
    assert focus() is plan.when
    press(Qt.Key.Key_Down)
    assert session.action(TIMING).group == "now"
    press(Qt.Key.Key_Down)
    assert session.action(TIMING).group == "soon"
    assert "\n3 to 12 months \u00b7 Service manager" in plan.list.currentItem().text()
    assert session.assessment.plan.edits[TIMING].timescale == "soon"


def test_the_plan_page_says_an_action_waits_for_an_answer_not_that_its_gap_closed(window):
    press(Qt.Key.Key_Return)
    session = window.session
    session.set_choice("power-timing", "doing-for")
    session.set_action_text(TIMING, "owner", "Priya")
    session.set_status(TIMING, "in-progress")
    session.set_choice("power-timing", DONT_KNOW)
    window.go(s.PLAN_PAGE)
    plan = window.pages[s.PLAN_PAGE]
    texts = rows(plan)
    assert not any("Gap closed" in t for t in texts)
    (waiting,) = [t for t in texts if "Waiting for an answer: " in t]
    assert "Bring people in while the options are still open\nNext 3 months \u00b7 Priya" in waiting
    (found,) = [t for t in texts if "Find out: When do people with lived experience first join" in t]
    assert found.endswith("Critical: do these first \u00b7 Priya \u00b7 no due date \u00b7 In progress")
    select(plan, TIMING)
    assert plan.closed.isVisible() and plan.closed.label.text() == plan_page.UNKNOWN
    assert not plan.when.model().item(0).isEnabled()  # never critical while it waits


def test_an_owner_is_agreed_by_keyboard_and_a_typed_one_counts_as_agreed(window):
    press(Qt.Key.Key_Return)
    session = window.session
    session.set_choice("power-timing", "doing-for")
    window.go(s.PLAN_PAGE)
    plan = window.pages[s.PLAN_PAGE]
    select(plan, TIMING)
    assert session.action(TIMING).owner_suggested and not plan.owner_agreed.isChecked()
    alt("v")  # the mnemonic ticks the box, as it clicks any button
    assert focus() is plan.owner_agreed
    assert session.action(TIMING).owner_agreed and session.assessment.plan.edits[TIMING].owner_agreed is True
    press(Qt.Key.Key_Space)
    assert not session.action(TIMING).owner_agreed and session.action(TIMING).owner_suggested
    other = "gap:power-agenda"
    session.set_choice("power-agenda", "doing-for")
    plan.refresh()
    select(plan, other)
    alt("w")
    plan.owner.selectAll()
    type_text("Priya")
    action = session.action(other)
    assert action.owner == "Priya" and action.owner_agreed  # typed over the suggestion: theirs
    assert plan.owner_agreed.isChecked()
