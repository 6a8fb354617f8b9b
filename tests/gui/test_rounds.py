"""Several rounds in the window: start the next round, review last time's plan, see what changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from coprod_check.app import session as s
from coprod_check.app import store
from coprod_check.domain.example import make_example
from coprod_check.domain.rounds import compare
from tests.gui.keys import focus, press, tab, type_text
from tests.gui.test_accessibility import check_page
from tests.gui.test_voices import every_text, menu_action, save
from tests.report.voices import builtin, next_round


@pytest.fixture
def example_file(tmp_path, home):
    return save(tmp_path / "files" / "northfield.json", make_example(builtin()))


def test_the_next_round_starts_on_last_time_s_plan_and_keeps_the_reviews(window, asked, qtbot, tmp_path, example_file):
    assert not menu_action(window, "Start the next round").isEnabled()  # nothing open yet
    window.open_path(example_file)
    old = window.session
    planned = [a for a in old.plan() if a.accepted and not a.closed]
    target = tmp_path / "files" / "next.json"
    asked.answers["SaveAsDialog"] = target
    menu_action(window, "Start the next round").trigger()
    assert asked.names() == ["SaveAsDialog"]
    session = window.session
    assert session is not old and session.path == target
    previous = session.assessment.previous
    assert [a.id for a in previous.actions] == [a.id for a in planned]
    assert session.assessment.answers == {}
    assert window.page == s.REVIEW_PAGE and session.pages()[1] == s.REVIEW_PAGE

    tree = window.navigator.tree
    item = tree.topLevelItem(1)
    total = len(planned)
    assert item.text(0) == f"0/{total}  Last time\u2019s plan" and tree.columnCount() == 1
    page = window.pages[s.REVIEW_PAGE]
    assert len(page.rows) == total
    first = page.rows[0]
    assert first.outcome.currentText() == "Not reviewed yet"
    assert f"Owner: {planned[0].owner}" in every_text(first)
    assert focus() is first.outcome
    check_page(window)

    press(Qt.Key.Key_Down)  # Done
    assert session.review(first.action_id).outcome == "done"
    tab()
    assert focus() is first.note
    type_text("Agenda set with the network & <partners>.")
    tab()
    assert focus() is page.rows[1].details  # what the action was, read before its review
    tab()
    assert focus() is page.rows[1].outcome
    press(Qt.Key.Key_Down, times=2)  # Partly done
    assert item.text(0).startswith(f"2/{total} ") and item.data(0, Qt.ItemDataRole.AccessibleTextRole) == (
        f"Last time\u2019s plan: 2 of {total} reviewed"
    )
    assert page.summary.text() == f"2 of {total} reviewed (done: 1, partly done: 1)."
    qtbot.waitUntil(lambda: not session.unsaved, timeout=2000)
    saved = store.load(target)
    assert saved.reviews[first.action_id].outcome == "done"
    assert saved.reviews[first.action_id].note == "Agenda set with the network & <partners>."
    assert saved.reviews[page.rows[1].action_id].outcome == "partly"

    window.show_start()
    window.open_path(target)  # reopened: the reviews are there
    window.go(s.REVIEW_PAGE)
    page = window.pages[s.REVIEW_PAGE]
    assert page.rows[0].outcome.currentText() == "Done" and page.rows[1].outcome.currentText() == "Partly done"
    assert page.rows[0].note.toPlainText() == "Agenda set with the network & <partners>."
    outcomes = [page.rows[0].outcome.itemText(i) for i in range(page.rows[0].outcome.count())]
    assert outcomes == ["Not reviewed yet", "Done", "Partly done", "Not done", "Dropped"]
    combos = [w for w in page.tab_sequence() if isinstance(w, QComboBox)]
    assert len(combos) == len(page.rows) and all(w.accessibleName().startswith("How did it go: ") for w in combos)


def test_the_next_round_is_never_saved_over_the_open_file(window, asked, example_file):
    window.open_path(example_file)
    window.saver.save_now()
    before = example_file.read_bytes()
    asked.answers.update(SaveAsDialog=example_file, Inform=None)
    window.start_next_round()
    assert asked.names() == ["SaveAsDialog", "Inform"]
    assert example_file.read_bytes() == before and window.session.path == example_file


def test_since_last_time_shows_every_change_and_reason(window, tmp_path, home):
    path = save(tmp_path / "next.json", next_round())
    window.open_path(path)
    session = window.session
    window.go(s.RESULTS_PAGE)
    since = window.pages[s.RESULTS_PAGE].since
    assert since is not None and since.isVisible()
    table = since.table
    rows = {table.item(r, 0).text(): tuple(table.item(r, c).text() for c in (1, 2, 3)) for r in range(table.rowCount())}
    # By hand (tests/report/voices.py): overall 93 -> 98, power 25 -> 100, payment 100 -> 75.
    assert rows["Overall"] == ("93", "98", "+5")  # 97.7 - 93.2 = 4.5: worked out unrounded, rounded once
    assert rows["Power and decisions"] == ("25", "100", "+75")
    payment = builtin().domain("payment").title
    assert rows[payment] == ("100", "75", "\u221225")
    assert table.rowCount() == 3 + len(builtin().domains)
    assert table.item(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == ("Overall: last time 93, now 98, change +5")
    c = compare(session.questionnaire, session.assessment.previous, session.view())
    assert c.reasons and all(reason in since.reasons.plain_text() for reason in c.reasons)
    assert since.stage.text().startswith("The stage has gone up")
    assert not since.not_comparable.isVisible()
    assert since.reviewed.plain_text().startswith(
        "Last time\u2019s plan: 3 of 7 reviewed (done: 1, partly done: 1, dropped: 1)."
    )
    check_page(window)
