"""The layer between the widgets and the domain, tested without any Qt."""

from __future__ import annotations

import json
import os
import stat

import pytest

from coprod_check.app import session as s
from coprod_check.app import store
from coprod_check.app.files import load_with_questionnaire
from coprod_check.app.recent import RecentFiles
from coprod_check.app.restore import RestoreFile, offers
from coprod_check.domain.assessment import Assessment
from coprod_check.domain.errors import AssessmentError
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE
from tests.tiny import tiny


@pytest.fixture
def session(tmp_path):
    q = tiny()
    return s.Session(q, Assessment.new(q), None, RestoreFile(tmp_path / "restore"))


def test_every_change_is_counted_and_told(session):
    heard = []
    session.subscribe(heard.append)
    session.set_about("organisation", "Northfield")
    session.set_about("organisation", "Northfield")  # no change, no event
    session.set_choice("q1", "l2")
    session.set_answer_text("q1", "note", "A note")
    session.set_note_private("q1", True)
    assert heard == [s.ABOUT, s.CHOICE, s.TEXT, s.TEXT]
    assert session.revision == 4 and session.unsaved


def test_status_and_progress_count_as_scoring_counts(session):
    session.set_choice("q1", "l0")
    session.set_choice("q2", DONT_KNOW)
    session.set_choice("q3", NOT_APPLICABLE)
    assert [session.status(q) for q in ("q1", "q2", "q3", "q4")] == [
        s.ANSWERED,
        s.UNKNOWN,
        s.NOT_APPLICABLE_STATUS,
        s.UNANSWERED,
    ]
    assert session.progress() == (3, 5) == (session.result().reached, session.result().total)
    with pytest.raises(ValueError):
        session.set_choice("q1", NOT_APPLICABLE)  # q1 does not allow it
    session.set_choice("q1", None)
    assert session.status("q1") == s.UNANSWERED


def test_pages_neighbours_and_next_unanswered(session):
    pages = session.pages()
    assert pages[0] == s.ABOUT_PAGE and pages[-2:] == [s.RESULTS_PAGE, s.PLAN_PAGE]
    assert session.neighbour(s.ABOUT_PAGE, -1) is None and session.neighbour(s.PLAN_PAGE, 1) is None
    session.set_choice("q1", "l1")
    session.set_choice("q3", "l1")
    assert session.next_unanswered() == s.question_page("q2")
    assert session.next_unanswered(s.question_page("q2")) == s.question_page("q4")
    assert session.next_unanswered(s.question_page("q5")) == s.question_page("q2")  # wraps round


def test_unnamed_work_goes_to_a_restore_file_that_is_offered(session, tmp_path):
    session.set_choice("q1", "l3")
    outcome = session.save()
    assert outcome.safe and not outcome.in_file and not session.unsaved
    assert store.load(session.restore_file.path).answers["q1"].choice == "l3"
    assert stat.S_IMODE(os.stat(session.restore_file.path).st_mode) == 0o600
    # This process is alive, but a restore file of our own is still offered once we stop using it.
    (offer,) = offers(tmp_path / "restore")
    assert offer.assessment.answers["q1"].choice == "l3" and offer.target is None


def test_a_restore_file_in_use_by_a_live_process_is_not_offered(session, tmp_path):
    session.set_choice("q1", "l3")
    session.save()
    info = json.loads(session.restore_file.info_path.read_text())
    info["pid"] = os.getppid()  # a process that is certainly running
    session.restore_file.info_path.write_text(json.dumps(info))
    assert offers(tmp_path / "restore") == []


def test_a_file_that_cannot_be_written_falls_back_to_a_restore_file(session, tmp_path):
    session.path = tmp_path / "missing-folder" / "a.json"
    session.set_choice("q1", "l1")
    outcome = session.save()
    assert outcome.safe and not outcome.in_file and "a.json" in outcome.message
    (offer,) = offers(tmp_path / "restore")
    assert offer.target == session.path


def _two_windows_on(tmp_path):
    """Two sessions opened on the same file, as two windows would be."""
    q = tiny()
    path = tmp_path / "shared.json"
    store.save(path, Assessment.new(q))
    first = s.Session(q, store.load(path), path, RestoreFile(tmp_path / "restore"))
    second = s.Session(q, store.load(path), path, RestoreFile(tmp_path / "restore"))
    return path, first, second


def test_a_file_changed_by_another_window_is_never_overwritten(tmp_path):
    path, first, second = _two_windows_on(tmp_path)
    first.set_choice("q1", "l1")
    assert first.save().in_file
    first.set_choice("q2", "l2")
    assert first.save().in_file  # its own saves never look like someone else's
    second.set_choice("q1", "l4")
    outcome = second.save()
    assert outcome.safe and not outcome.in_file and outcome.conflict
    assert outcome.message.startswith("shared.json was changed by another window or program")
    assert "Nothing has been overwritten" in outcome.message and "Save As" in outcome.message
    assert store.load(path).answers["q1"].choice == "l1"  # the first window's work is still there
    assert store.load(second.restore_file.path).answers["q1"].choice == "l4"
    (offer,) = offers(tmp_path / "restore")
    assert offer.target is None  # restoring it must not overwrite the first window's work either
    second.set_choice("q2", "l0")
    assert second.save().conflict  # and so on, until Save As
    assert store.load(path).answers["q2"].choice == "l2"
    second.save_as(tmp_path / "mine.json")
    assert not second.conflict and not second.restore_file.exists and second.last_save.in_file
    second.set_choice("q3", "l3")
    assert second.save().in_file and store.load(tmp_path / "mine.json").answers["q3"].choice == "l3"


def test_a_file_deleted_or_replaced_elsewhere_is_a_conflict_too(tmp_path):
    path, first, second = _two_windows_on(tmp_path)
    path.unlink()
    first.set_choice("q1", "l1")
    assert first.save().conflict and not path.exists()
    store.save(path, Assessment.new(tiny()))  # another program puts a file there
    second.set_choice("q1", "l2")
    assert second.save().conflict and not store.load(path).answers


def test_saving_in_place_looks_at_the_file_once(tmp_path, monkeypatch):
    path, first, _ = _two_windows_on(tmp_path)
    looked = []
    real = s.disk_identity
    monkeypatch.setattr("coprod_check.app.saving.disk_identity", lambda p: looked.append(p) or real(p))
    first.set_choice("q1", "l1")
    assert first.save().in_file
    assert looked == [path, path]  # once before writing, once to remember what was written


def test_saving_to_the_file_removes_the_restore_file(session, tmp_path):
    session.set_choice("q1", "l1")
    session.save()
    assert session.restore_file.exists
    session.save_as(tmp_path / "a.json")
    assert not session.restore_file.exists and session.path == tmp_path / "a.json"
    session.set_choice("q2", "l4")
    assert session.save().in_file
    assert store.load(tmp_path / "a.json").answers["q2"].choice == "l4"
    assert store.backup_path(tmp_path / "a.json").exists()


def test_plan_edits_reword_drop_reorder_and_add(session):
    session.set_choice("q1", "l1")
    session.set_choice("q4", DONT_KNOW)
    ids = [a.id for a in session.plan()]
    assert ids == ["find-out:q4", "gap:q1"]
    session.set_action_text("gap:q1", "owner", "Priya")
    session.set_action_text("gap:q1", "title", "Move q1 up from l1")  # the suggested words: no edit
    session.set_due("gap:q1", "2027-03-31")
    session.set_status("gap:q1", "in-progress")
    session.set_accepted("find-out:q4", False)
    own = session.add_own_action("Meet monthly")
    assert session.move_action(own, -2) and not session.move_action(own, -1)
    plan = session.plan()
    assert [a.id for a in plan] == [own, "find-out:q4", "gap:q1"]
    edit = session.assessment.plan.edits["gap:q1"]
    assert (edit.owner, edit.title, edit.due, edit.status) == ("Priya", None, "2027-03-31", "in-progress")
    assert session.action("find-out:q4").accepted is False
    session.reset_wording("gap:q1")
    assert session.action("gap:q1").owner == "Lead 1" and session.action("gap:q1").due == "2027-03-31"
    session.delete_own_action(own)
    assert own not in [a.id for a in session.plan()] and own not in session.assessment.plan.order
    with pytest.raises(ValueError):
        session.delete_own_action("gap:q1")


def test_an_edited_action_whose_gap_closes_stays_marked(session):
    session.set_choice("q1", "l1")
    session.set_action_text("gap:q1", "owner", "Priya")
    session.set_choice("q1", "l4")
    action = session.action("gap:q1")
    assert action.closed and action.owner == "Priya"
    session.set_accepted("gap:q1", True)  # a no-op edit must not drop it
    assert session.action("gap:q1") is not None
    assert "Question q1?" in session.question_for(action)


def test_an_edit_that_changes_nothing_is_not_kept(session):
    session.set_choice("q1", "l1")
    session.set_accepted("gap:q1", False)
    session.set_accepted("gap:q1", True)
    assert session.assessment.plan.edits == {}


def test_blank_work_is_not_worth_restoring(session):
    assert session.is_blank()
    session.set_answer_text("q1", "note", "")
    assert session.is_blank()
    session.set_about("team", "East")
    assert not session.is_blank()


def test_read_assessment_names_a_missing_questionnaire(tmp_path):
    q = tiny()
    path = tmp_path / "a.json"
    store.save(path, Assessment.new(q))  # "tiny" is not installed
    with pytest.raises(AssessmentError, match="not installed"):
        load_with_questionnaire(path, for_window=True)


def test_recent_files_most_recent_first_and_bounded(tmp_path):
    recent = RecentFiles(tmp_path / "home" / "recent.json")
    assert recent.load() == []
    for i in range(12):
        recent.add(tmp_path / f"{i}.json")
    recent.add(tmp_path / "3.json")
    files = recent.load()
    assert files[0] == (tmp_path / "3.json").resolve() and len(files) == 10
    recent.remove(files[0])
    assert files[0] not in recent.load()
    (tmp_path / "home" / "recent.json").write_text("{not json")
    assert recent.load() == []
