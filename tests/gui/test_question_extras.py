"""A question page's care and help: content notes, signposting, "I'd rather not answer", "please
check", words explained, the evidence hint, sources and the time left."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_check.app import session as s
from coprod_check.app import support
from coprod_check.app.restore import RestoreFile
from coprod_check.domain.assessment import Answer, Assessment, Check, Participant, Response
from coprod_check.domain.loader import parse_questionnaire
from coprod_check.domain.questionnaire import RATHER_NOT
from coprod_check.gui.question_extras import time_left_words
from coprod_check.gui.question_page import QuestionPage
from coprod_check.gui.support_dialog import SupportDialog

FIXTURE = Path(__file__).parent.parent / "domain" / "fixtures" / "three-facets.yaml"


@pytest.fixture
def q():
    return parse_questionnaire(FIXTURE.read_text(), str(FIXTURE))


def page_for(qtbot, q, tmp_path, assessment=None):
    session = s.Session(q, assessment or Assessment.new(q), None, RestoreFile(tmp_path / "restore"))
    page = QuestionPage(session)
    qtbot.addWidget(page)  # never shown on its own: what shows is what the page would show
    return page, session


def shown(widget) -> bool:
    return not widget.isHidden()


def test_time_left_says_its_basis():
    assert time_left_words(0) == "Every question has an answer."
    assert time_left_words(1) == "About 1 minute left: 1 question is not answered yet, at about 40 seconds each."
    assert time_left_words(66) == "About 44 minutes left: 66 questions are not answered yet, at about 40 seconds each."


def test_words_used_here_the_evidence_hint_and_the_sources(qtbot, q, tmp_path):
    page, _ = page_for(qtbot, q, tmp_path)
    x = page.extras
    page.show_question("c1")
    assert shown(x.words_button) and x.words_button.text() == "Words &used here"
    assert x.words_button.accessibleName() == "Words used here: 2 explained"
    assert not shown(x.words)
    x.words_button.click()
    assert shown(x.words) and x.words_button.text() == "Hide the &words used here"
    assert x.words.accessibleName().startswith("Words used here: occupational health: A service")
    assert x.words in page.tab_sequence() and x.content_note.label in page.tab_sequence()
    assert x.words.text() == (
        "occupational health: A service that helps staff stay well at work.\n"
        "protected time: Time set aside that nobody can take for other work."
    )
    assert x.evidence_hint.text() == "What would show this: The last three referrals were seen within two weeks."
    assert page.why.text().endswith("Draws on: Think Local Act Personal; NHS England.")
    assert x.time_left.text().startswith("About 3 minutes left: 4 questions")
    page.show_question("w1")  # no terms, no hint: nothing shown for them
    assert not shown(x.words_button) and not shown(x.words) and not shown(x.evidence_hint)
    assert page.why.text() == "It matters.\n\nDraws on: Ladder of participation."


def test_a_content_note_comes_before_the_question_with_the_way_to_support(qtbot, q, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(
        SupportDialog, "ask", classmethod(lambda cls, parent, questionnaire: opened.append(questionnaire))
    )
    page, _ = page_for(qtbot, q, tmp_path)
    page.show_question("p1")
    x = page.extras
    assert shown(x.content_note)
    assert x.content_note.label.text().startswith("This question asks about harassment at work.")
    layout = page.scroller.widget().layout()
    assert layout.indexOf(x.content_note) < layout.indexOf(page.prompt)
    assert shown(x.support_button) and x.support_button in page.tab_sequence()
    x.support_button.click()
    assert opened == [q]
    page.show_question("w1")
    assert not shown(x.content_note) and shown(x.support_button)  # signposting on every page


def test_rather_not_answer_is_a_choice_of_its_own(qtbot, q, tmp_path):
    page, session = page_for(qtbot, q, tmp_path)
    page.show_question("w1")
    assert shown(page.rather_not) and page.rather_not in page.tab_sequence()
    assert "never scored" in page.rather_not.accessibleName()
    page.rather_not.click()
    assert session.answer("w1").choice == RATHER_NOT and session.status("w1") == s.Status.RATHER_NOT
    assert page.extras.time_left.text().startswith("About 2 minutes left: 3 questions")
    page.show_question("c1")
    page.show_question("w1")
    assert page.rather_not.isChecked() and not page.dont_know.isChecked()


def test_please_check_until_confirmed_or_answered_again(qtbot, q, tmp_path):
    a = Assessment.new(q)
    a.answers["c1"] = Answer("patchy", check=Check("1.1", "old-care", "asking"))
    a.answers["w1"] = Answer("asking", check=Check("1.1", "w1", "asking"))
    page, session = page_for(qtbot, q, tmp_path, a)
    x = page.extras
    page.show_question("c1")
    assert shown(x.check) and x.confirm in page.tab_sequence()
    assert "carried over from version 1.1" in x.check.label.text() and "now \u201cPatchy\u201d" in x.check.label.text()
    revision = session.revision
    x.confirm.click()
    assert session.answer("c1").check is None and session.revision > revision
    assert not shown(x.check) and page.group.checkedButton().text() == "Patchy"
    assert session.answer("c1").choice == "patchy"
    page.show_question("w1")
    assert shown(x.check)
    page.level_buttons[2].click()  # choosing another answer is checking it
    assert session.answer("w1").check is None and not shown(x.check)


def test_a_group_has_no_rather_not_choice_and_its_check_names_nobody(qtbot, q, tmp_path):
    a = Assessment(q.id, q.version)
    for i in range(3):
        answers = {"c1": Answer("patchy", check=Check("1.1", "old-care", "asking"))}
        a.responses.append(Response(f"r{i}", Participant("staff", "no"), answers))
    page, _ = page_for(qtbot, q, tmp_path, a)
    page.show_question("c1")
    assert not shown(page.rather_not)
    text = page.extras.check.label.text()
    assert "the answers to this question were carried over from version 1.1" in text and "Patchy" not in text


def test_an_organisation_replaces_the_signposting_on_this_computer(qtbot, q):
    dialog = SupportDialog(q)
    qtbot.addWidget(dialog)
    assert "Samaritans" in dialog.text.toPlainText() and dialog.text.isReadOnly()
    assert not dialog.reset.isEnabled()
    dialog.change.click()
    assert not dialog.text.isReadOnly()
    dialog.text.setPlainText("Call Mind on 0300 123 3393, or talk to Sam in the wellbeing team.")
    dialog.save.click()
    assert support.own_support() == "Call Mind on 0300 123 3393, or talk to Sam in the wellbeing team."
    assert support.support_text(q).startswith("Call Mind") and dialog.text.isReadOnly()
    assert "kept on this computer" in dialog.whose.text() and dialog.reset.isEnabled()
    dialog.reset.click()
    assert support.own_support() == "" and support.support_text(q) == q.support
    assert not support.support_file().exists()
