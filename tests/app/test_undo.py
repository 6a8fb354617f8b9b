"""Undo and redo in the session: answers, notes, a group's agreed level and plan edits, each named."""

from __future__ import annotations

import pytest

from coprod_check.app import session as s
from coprod_check.app import store
from coprod_check.app.restore import RestoreFile
from coprod_check.app.undo import SENTENCES, SHORT, short
from coprod_check.domain.assessment import Assessment
from tests.tiny import tiny


@pytest.fixture
def session(tmp_path):
    q = tiny()
    return s.Session(q, Assessment.new(q), tmp_path / "a.json", RestoreFile(tmp_path / "restore"))


def prompt(session, question_id):
    return f"\u201c{short(session.questionnaire.question(question_id).prompt)}\u201d"


def test_every_kind_of_step_has_a_whole_sentence_for_undo_and_for_redo():
    for undo, redo in SENTENCES.values():
        assert undo.startswith("Undo ") and redo.startswith("Redo ") and undo[5:] == redo[5:]


def test_an_answer_is_undone_and_redone_and_named(session):
    session.set_choice("q1", "l1")
    session.set_choice("q1", "l2")
    assert session.undo_log.undo_text() == f"Undo answer to {prompt(session, 'q1')}"
    assert session.undo() == s.question_page("q1")
    assert session.answer("q1").choice == "l1"
    assert session.undo_log.redo_text() == f"Redo answer to {prompt(session, 'q1')}"
    session.undo()
    assert session.answer("q1").choice is None and session.undo() is None
    session.redo()
    session.redo()
    assert session.answer("q1").choice == "l2" and session.redo() is None


def test_typing_a_note_is_one_step_and_another_field_another(session):
    for text in ("W", "We", "We ask"):
        session.set_answer_text("q1", "note", text)
    session.set_answer_text("q1", "evidence", "Minutes")
    assert session.undo_log.undo_text().startswith("Undo evidence for ")
    session.undo()
    assert session.undo_log.undo_text().startswith("Undo note on ")
    session.undo()
    assert session.answer("q1").note == "" and session.answer("q1").evidence == ""


def test_a_new_change_after_an_undo_cannot_be_redone_over(session):
    session.set_choice("q1", "l1")
    session.undo()
    session.set_choice("q2", "l1")
    assert session.redo() is None and session.answer("q1").choice is None


def test_plan_edits_are_undone_and_named_by_the_action(session):
    session.set_choice("q1", "l1")
    action = session.plan()[0]
    session.set_action_text(action.id, "owner", "Pri")
    session.set_action_text(action.id, "owner", "Priya")
    assert session.undo_log.undo_text() == f"Undo owner of \u201c{short(action.title)}\u201d"
    session.set_accepted(action.id, False)
    own = session.add_own_action()
    session.delete_own_action(own)
    assert session.undo_log.undo_text() == "Undo deleting \u201cNew action\u201d"
    assert session.undo() == s.PLAN_PAGE and session.action(own) is not None
    session.undo()
    assert session.action(own) is None
    session.undo()
    assert session.action(action.id).accepted
    session.undo()
    assert session.action(action.id).owner == action.owner


def test_undo_and_redo_are_changes_like_any_other_so_a_redo_after_a_save_saves_again(session):
    heard = []
    session.subscribe(heard.append)
    session.set_choice("q1", "l2")
    session.save()
    assert not session.unsaved
    session.undo()
    assert session.unsaved and heard[-1] == s.CHOICE
    session.save()
    assert store.load(session.path).answers.get("q1") is None or store.load(session.path).answers["q1"].choice is None
    session.redo()
    assert session.unsaved
    session.save()
    assert store.load(session.path).answers["q1"].choice == "l2"


def test_long_names_are_cut_at_a_word():
    text = "Who decides what gets talked about and worked on, for example the topics of meetings?"
    cut = short(text)
    assert len(cut) <= SHORT + 1 and cut.endswith("\u2026") and text.startswith(cut[:-1])
    assert short("Short") == "Short"
