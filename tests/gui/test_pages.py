"""What each page shows: user text as typed, the navigator's filter, closed actions, the kind note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from coprod_check.app import catalogue
from coprod_check.app import session as s
from coprod_check.app.restore import RestoreFile
from coprod_check.domain.assessment import Assessment
from coprod_check.gui.widgets import PlainLabel
from tests.gui.keys import alt, choose, press


def shown(label) -> str:
    """The text a label puts on screen (rich text rendered to plain)."""
    document = QTextDocument()
    document.setHtml(label.text()) if "<qt>" in label.text() else document.setPlainText(label.text())
    return document.toPlainText()


def test_text_people_type_is_shown_exactly_never_as_markup(qtbot):
    for text in ("Team <b>Alpha</b> & Co", "a &lt; b", "plain & simple", "<img src='/etc/passwd'>"):
        label = PlainLabel(text)
        qtbot.addWidget(label)
        assert shown(label) == text and label.plain_text() == text


def test_restore_offers_show_the_organisation_as_typed(make_window, home):
    q = catalogue.find("coproduction-readiness")
    a = Assessment.new(q)
    a.organisation = "Northfield <Crisis> & Home Treatment"
    RestoreFile(home / "restore").write(a, None)
    window = make_window()
    box = window.start._restore_widgets[1]
    assert "Northfield <Crisis> & Home Treatment" in shown(box.label)


def test_only_unanswered_questions_in_the_navigator(window):
    press(Qt.Key.Key_Return)
    window.go(s.question_page("power-agenda"))
    choose(1)
    navigator = window.navigator
    navigator.unanswered_only.setChecked(True)
    power = navigator.tree.topLevelItem(1)
    hidden = [power.child(i).isHidden() for i in range(power.childCount())]
    assert hidden == [True] + [False] * (power.childCount() - 1) and power.isExpanded()
    alt("x")  # "Go to next unanswered"
    assert window.page == s.question_page("power-timing")


def test_an_edited_action_whose_gap_closes_is_marked_in_the_plan(window):
    press(Qt.Key.Key_Return)
    session = window.session
    session.set_choice("power-agenda", "asking")
    session.set_action_text("gap:power-agenda", "owner", "Priya")
    session.set_choice("power-agenda", "doing-with")
    window.go(s.PLAN_PAGE)
    plan = window.pages[s.PLAN_PAGE]
    texts = [plan.list.item(i).text() for i in range(plan.list.count())]
    (row,) = [i for i, t in enumerate(texts) if "Gap closed" in t]
    plan.list.setCurrentRow(row)
    assert plan.closed.isVisible() and plan.owner.text() == "Priya"


def test_the_note_about_lived_experience_is_said_once_on_the_about_page(window):
    press(Qt.Key.Key_Return)
    about = window.pages[s.ABOUT_PAGE]
    assert not about.finding.isVisible()  # nobody listed yet: nothing to say
    window.session.add_participant()
    about._rebuild()
    assert about.finding.isVisible()
    window.go(s.RESULTS_PAGE)
    results = window.pages[s.RESULTS_PAGE]
    assert "is itself a finding" not in results.people.text()
    assert "0 with lived experience" in results.people.text()


def test_a_new_person_is_not_presumed_to_have_any_role(window):
    press(Qt.Key.Key_Return)
    index = window.session.add_participant()
    assert window.session.assessment.participants[index].role == "other"
