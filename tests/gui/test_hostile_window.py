"""The window against hostile files: nothing a file holds loses work, crashes the window or
shows markup, and the window never closes while some work is nowhere on disk."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMessageBox, QWidget

from coprod_check.app import catalogue, store
from coprod_check.app import session as s
from coprod_check.app.restore import RestoreFile, offers
from coprod_check.domain.assessment import (
    Answer,
    Assessment,
    CustomAction,
    Participant,
    Previous,
    PreviousAction,
    Response,
)
from coprod_check.domain.errors import AssessmentError
from coprod_check.gui import dialogs, file_commands, page_switching, widgets
from tests.tiny import TINY_YAML

MARK = "<b>MARK</b>"
MARKUP = f'{MARK}<img src="/etc/hosts"><h1>Call IT on 0800 000 000</h1>&amp;'


@pytest.fixture
def announced(monkeypatch):
    said: list[tuple[str, bool]] = []
    fake = lambda widget, text, urgent=False: said.append((text, urgent))  # noqa: E731
    monkeypatch.setattr(widgets, "announce", fake)
    for module in (file_commands, page_switching):  # the window's parts that announce
        monkeypatch.setattr(module, "announce", fake)
    return said


def example_file(folder: Path) -> Path:
    from coprod_check.domain.example import make_example

    path = folder / "files" / "northfield.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    store.save(path, make_example(catalogue.find("coproduction-readiness")))
    return path


# -- markup is always shown as written ------------------------------------------------------------


def markup_questionnaire(home: Path):
    """The tiny questionnaire with markup in its words, installed in the user's folder."""
    text = TINY_YAML.replace("id: tiny", "id: markup", 1)
    for plain in (
        "Question q1?",
        "Question q2?",
        "It matters.",
        "Domain one",
        "Domain two",
        "Move q1 up from l0",
        "Move q2 up from l0",
        "Q2 is too low.",
        "Stage zero",
    ):
        text = text.replace(plain, json.dumps(f"{plain} {MARKUP}"))
    text = text.replace("label: Zero", f"label: {json.dumps('Zero ' + MARKUP)}")
    folder = home / "questionnaires"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "markup.yaml").write_text(text, encoding="utf-8")
    q = catalogue.find("markup")
    assert q is not None and MARKUP in q.question("q1").prompt
    return q


def markup_assessment(q, group: bool) -> Assessment:
    a = Assessment.new(q)
    a.organisation = a.team = MARKUP
    people = [
        Participant("manager", "yes", MARKUP),
        Participant("manager", "no", MARKUP + "2"),
        Participant("manager", "no", MARKUP + "3"),
    ]
    answers = {
        qid: Answer(level, note=MARKUP, evidence=MARKUP)
        for qid, level in (("q1", "l0"), ("q2", "l1"), ("q4", "dont-know"))
    }
    if group:
        a.responses = [Response(f"r{i}", p, dict(answers), source=MARKUP) for i, p in enumerate(people)]
        a.participants = people
    else:
        a.participants = people[:1]
        a.answers = answers
    a.plan.custom.append(CustomAction("own:1", MARKUP, why=MARKUP, how=MARKUP, owner=MARKUP))
    a.previous = Previous(
        "2025-01-01",
        q.version,
        overall=40,
        stage_id="s1",
        stage_title=MARKUP,
        caps=[("q2", MARKUP)],
        actions=[PreviousAction("x", MARKUP, owner=MARKUP)],
        source=MARKUP,
    )
    return a


def shown(text: str, text_format: Qt.TextFormat) -> str:
    """What a label or tooltip really shows: markup is interpreted unless it is plain text."""
    rich = text_format == Qt.TextFormat.RichText or (text_format == Qt.TextFormat.AutoText and Qt.mightBeRichText(text))
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def check_shown_as_written(root: QWidget) -> int:
    """Every label and tooltip under `root` that shows MARK shows the markup around it too."""
    seen = 0
    for label in root.findChildren(QLabel):
        text = shown(label.text(), label.textFormat())
        if "MARK" in text:
            seen += 1
            assert MARK in text, (label.objectName(), label.text()[:200])
    for widget in [root, *root.findChildren(QWidget)]:
        tip = widget.toolTip()
        if "MARK" in tip:
            seen += 1
            assert MARK in shown(tip, Qt.TextFormat.AutoText), tip[:200]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            pending = [QModelIndex()]
            while pending:  # every item, at every depth
                parent = pending.pop()
                try:
                    columns = model.columnCount(parent)
                except TypeError:  # a list model keeps it private: one column
                    columns = 1
                for row in range(model.rowCount(parent)):
                    for column in range(columns):
                        index = model.index(row, column, parent)
                        pending.append(index)
                        tip = index.data(Qt.ItemDataRole.ToolTipRole) or ""
                        if "MARK" in tip:
                            seen += 1
                            assert MARK in shown(tip, Qt.TextFormat.AutoText), tip[:200]
    return seen


@pytest.mark.parametrize("group", [False, True], ids=["one-person", "group"])
def test_markup_in_every_field_is_shown_as_written_on_every_page(window, home, tmp_path, asked, group):
    q = markup_questionnaire(home)
    path = tmp_path / "<i>plan<i>.json"
    store.save(path, markup_assessment(q, group))
    asked.answers["UpdateDialog"] = True
    assert window.open_path(path)
    seen = 0
    for page in window.session.pages():
        window.go(page)
        seen += check_shown_as_written(window)
    assert seen > 30  # the walk really met the file's words on the pages
    window.show_start()
    check_shown_as_written(window)


def test_message_boxes_show_file_text_as_written(qtbot):
    box = dialogs.message_box(QMessageBox.Icon.Warning, "t", f"{MARKUP} cannot be opened.", f"It {MARKUP}")
    qtbot.addWidget(box)
    labels = [label for label in box.findChildren(QLabel) if label.text()]
    assert len(labels) == 2
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert check_shown_as_written(box) == 2


def test_the_cannot_be_opened_message_is_plain(window, tmp_path, asked):
    bad = tmp_path / f"{MARKUP.replace('/', '')}.json"
    bad.write_text(json.dumps({"format": MARKUP, "format_version": 1, "questionnaire": {}}), encoding="utf-8")
    asked.answers["Inform"] = None
    assert not window.open_path(bad)
    ((_, (_, title, text, details)),) = [x for x in asked.shown if x[0] == "Inform"]
    box = dialogs.message_box(QMessageBox.Icon.Warning, title, text, details)
    labels = [label for label in box.findChildren(QLabel) if label.text()]
    assert {shown(label.text(), label.textFormat()) for label in labels} == {text, details}
    assert "<h1>Call IT on 0800 000 000<h1>" in text and '<img src="/etc/hosts"><h1>Call IT' in details
    box.deleteLater()


# -- files the window refuses or repairs ------------------------------------------------------------


def test_a_file_with_a_lone_surrogate_is_refused_naming_the_field(window, tmp_path, asked):
    path = example_file(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["team"] = "PLACE"
    path.write_text(json.dumps(data).replace('"PLACE"', '"East \\ud800"'), encoding="utf-8")
    before = path.read_bytes()
    asked.answers["Inform"] = None
    assert not window.open_path(path)
    details = asked.shown[0][1][3]
    assert details.startswith("Its field \u201cteam\u201d holds a character that cannot be stored as text")
    assert path.read_bytes() == before and window.session is None


def test_a_file_with_a_huge_number_is_refused_with_a_message(window, tmp_path, asked):
    path = example_file(tmp_path)
    text = path.read_text(encoding="utf-8").replace('"format_version": 1', f'"format_version": {"9" * 5000}')
    path.write_text(text, encoding="utf-8")
    asked.answers["Inform"] = None
    assert not window.open_path(path)
    assert "5,000 digits long" in asked.shown[0][1][3]


def test_typed_lone_surrogates_are_saved_as_replacement_characters(window, tmp_path, qtbot):
    path = example_file(tmp_path)
    assert window.open_path(path)
    session = window.session
    session.set_about("team", "East \ud800 side")
    session.set_answer_text("power-agenda", "note", "half \udfff pair")
    window.saver.save_now()
    assert session.last_save.in_file and not session.unsaved
    saved = store.load(path)
    assert saved.team == "East \ufffd side" and saved.answers["power-agenda"].note == "half \ufffd pair"


def test_any_failure_to_save_keeps_the_work_in_a_restore_copy_and_says_so(window, tmp_path, announced, monkeypatch):
    path = example_file(tmp_path)
    assert window.open_path(path)
    session = window.session
    real = store.write_atomic

    def failing(target, data, backup=True):
        if Path(target) == path:
            raise RuntimeError("something nobody foresaw")
        return real(target, data, backup)

    monkeypatch.setattr(store, "write_atomic", failing)
    session.set_about("team", "kept")
    window.saver.save_now()
    state = window.bar.state.text()
    assert not session.unsaved and session.last_save.safe and not session.last_save.in_file
    assert state.startswith("\u26a0 northfield.json could not be saved (") and "restore copy" in state
    assert "cannot be saved" not in state  # not "could not save ... cannot be saved"
    assert announced == [(state, True)]
    assert store.load(session.restore_file.path).team == "kept"
    assert store.load(path).team != "kept"


def test_a_deleted_file_is_said_to_be_gone_not_changed(window, tmp_path):
    path = example_file(tmp_path)
    assert window.open_path(path)
    path.unlink()
    window.session.set_about("team", "still here")
    window.saver.save_now()
    state = window.bar.state.text()
    assert "is no longer where it was" in state and "changed by another" not in state
    assert not path.exists()
    assert store.load(window.session.restore_file.path).team == "still here"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_saving_through_a_link_updates_the_file_it_points_to(window, tmp_path):
    target = example_file(tmp_path)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert window.open_path(link)
    window.session.set_about("team", "through the link")
    window.saver.save_now()
    assert window.session.last_save.in_file
    assert window.bar.state.text().startswith("\u2713")
    assert link.is_symlink() and store.load(target).team == "through the link"
    window.session.set_about("team", "again")
    window.saver.save_now()  # its own save is not taken for another program's change
    assert window.session.last_save.in_file and store.load(target).team == "again"


# -- the window never closes on work that is nowhere on disk ---------------------------------------------


def _ways_to_close(window):
    questionnaire = catalogue.find("coproduction-readiness")
    return {
        "close": window.close,
        "start page": window.show_start,
        "new": lambda: window.new_assessment(questionnaire),
        "open": lambda: window.open_path(None),
    }


def _nothing_saves(target, data, backup=True):
    raise AssessmentError(str(target), "cannot be saved: No space left on device")


def test_the_window_never_closes_while_work_is_nowhere_on_disk(window, tmp_path, asked, qtbot):
    path = example_file(tmp_path)
    assert window.open_path(path)
    session = window.session
    other = tmp_path / "other.json"
    other.write_bytes(path.read_bytes())
    asked.answers["OpenDialog"] = other
    asked.answers["SaveAsDialog"] = None  # Save As chosen, then cancelled
    with pytest.MonkeyPatch.context() as patch:  # not `monkeypatch`: its undo would bring back real dialogs
        patch.setattr(store, "write_atomic", _nothing_saves)
        session.set_about("team", "typed, and nowhere on disk")
        for answer in (dialogs.UnsavedDialog.STAY, dialogs.UnsavedDialog.SAVE_AS):
            for name, close in _ways_to_close(window).items():
                replies = iter([answer, dialogs.UnsavedDialog.STAY])
                asked.answers["UnsavedDialog"] = lambda *args, replies=replies: next(replies)
                close()
                qtbot.wait(10)
                assert window.isVisible() and window.session is session, (answer, name)
                assert session.unsaved and session.assessment.team == "typed, and nowhere on disk"
        assert asked.names().count("UnsavedDialog") == 12
        # Save As to a place that works: the work is on disk, and the window closes without asking again.
        patch.setattr(store, "write_atomic", _fails_for(path))
        saved_as = tmp_path / "rescued.json"
        asked.answers["SaveAsDialog"] = saved_as
        asked.answers["UnsavedDialog"] = dialogs.UnsavedDialog.SAVE_AS
        window.close()
    assert not window.isVisible()
    assert store.load(saved_as).team == "typed, and nowhere on disk"


REAL_WRITE = store.write_atomic


def _fails_for(path: Path):
    real = REAL_WRITE

    def write(target, data, backup=True):
        if Path(target).parent == path.parent and Path(target).name != "rescued.json":
            raise AssessmentError(str(target), "cannot be saved: No space left on device")
        if "restore" in Path(target).parts:
            raise AssessmentError(str(target), "cannot be saved: No space left on device")
        return real(target, data, backup)

    return write


def test_the_window_closes_on_lost_work_only_when_told_to(window, tmp_path, asked, monkeypatch):
    path = example_file(tmp_path)
    assert window.open_path(path)
    monkeypatch.setattr(store, "write_atomic", _fails_for(path))
    window.session.set_about("team", "to be lost")
    asked.answers["UnsavedDialog"] = dialogs.UnsavedDialog.LOSE
    window.close()
    assert not window.isVisible()
    assert asked.names().count("UnsavedDialog") == 1


def test_an_unexpected_error_while_closing_keeps_the_window_open(window, tmp_path, monkeypatch):
    path = example_file(tmp_path)
    assert window.open_path(path)
    monkeypatch.setattr(store, "write_atomic", _fails_for(path))
    window.session.set_about("team", "kept in memory")

    def broken(*args):
        raise RuntimeError("a dialog that cannot be shown")

    monkeypatch.setattr(dialogs.UnsavedDialog, "ask", classmethod(lambda cls, *a: broken()))
    window.close()
    assert window.isVisible() and window.session.unsaved


# -- the restore folder never stops the window from starting --------------------------------------------


def test_bad_restore_copies_are_set_aside_and_the_window_starts(home, tmp_path, make_window):
    folder = home / "restore"
    folder.mkdir(parents=True)
    good = example_file(tmp_path)
    text = good.read_text(encoding="utf-8")
    (folder / "huge.json").write_text(text.replace('"format_version": 1', f'"format_version": {"9" * 5000}'))
    (folder / "surrogate.json").write_text(text.replace('"date": "', '"date": "\\ud800', 1))
    (folder / "garbage.json").write_bytes(b"\x00\xff" * 100)
    (folder / "huge.info.json").write_text('{"pid": ' + "9" * 5000 + ', "target": "\\ud800"}')
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.json")
    window = make_window()
    assert window.start.isVisible()
    names = sorted(p.name for p in folder.iterdir())
    assert "huge.json.unreadable" in names and "surrogate.json.unreadable" in names
    assert "garbage.json.unreadable" in names and "huge.info.json.unreadable" in names
    assert not [n for n in names if n.endswith(".json")]
    text = " ".join(label.text() for label in window.start.findChildren(QLabel))
    assert "set aside as huge.json.unreadable" in text or "set aside as huge.json.unreadable" in " ".join(
        getattr(label, "plain_text", label.text)() for label in window.start.findChildren(QLabel)
    )
    assert offers(folder) == []  # told once, then left alone


# -- earlier versions -----------------------------------------------------------------------------------


def test_an_earlier_version_can_be_opened_after_a_mistake(window, tmp_path, asked, monkeypatch):
    from coprod_check.app import history

    path = example_file(tmp_path)
    original = store.load(path).answers["power-agenda"].choice
    assert original is not None
    assert window.open_path(path)
    window.session.set_choice("power-agenda", None)  # the accidental "clear answer"
    window.saver.save_now()
    assert store.load(path).answers["power-agenda"].choice is None
    versions = window.history.versions(path)
    assert len(versions) == 1  # the file as opened
    shown_choices: list[list[str]] = []
    asked.answers["VersionDialog"] = lambda parent, name, choices: shown_choices.append(choices) or 0
    window.go_back_to_version()
    assert window.session.path == path
    assert store.load(path).answers["power-agenda"].choice == original
    assert window.session.last_save.in_file
    # What the file held before going back is a version too, so going back can be undone.
    kept = [store.load(v.path).answers.get("power-agenda") for v in window.history.versions(path)]
    assert any(a is None or a.choice is None for a in kept)
    assert history.PER_FILE >= len(window.history.versions(path)) >= 2
    assert "northfield.json" not in {p.name for p in window.history.folder.rglob("*")}


def test_versions_live_in_the_local_folder_never_beside_the_file(window, tmp_path, home):
    path = example_file(tmp_path)
    assert window.open_path(path)
    window.session.set_about("team", "changed")
    window.saver.save_now()
    assert sorted(p.name for p in path.parent.iterdir()) == ["northfield.json", "northfield.json.bak"]
    assert window.history.folder == home / "versions" and window.restore_folder == home / "restore"


def test_restore_files_for_a_new_assessment_work_with_versions(window, home):
    window.new_assessment(catalogue.find("coproduction-readiness"))
    window.session.set_about("team", "untitled")
    window.saver.save_now()
    assert isinstance(window.session.restore_file, RestoreFile) and window.session.restore_file.exists
    assert s.Session is type(window.session)


def test_restore_copies_left_in_the_old_roaming_folder_move_to_the_local_one(qtbot, asked, tmp_path, monkeypatch, home):
    from coprod_check.app import paths
    from coprod_check.gui.main_window import MainWindow

    roaming, local = tmp_path / "Roaming", tmp_path / "Local"
    monkeypatch.setattr(catalogue, "user_data_dir", lambda: roaming)
    monkeypatch.setattr(paths, "user_local_dir", lambda: local)
    (roaming / "restore").mkdir(parents=True)
    name = "20260101-000000-abcdef.json"
    (roaming / "restore" / name).write_bytes(example_file(tmp_path).read_bytes())
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.restore_folder == local / "restore" and window.history.folder == local / "versions"
    assert (local / "restore" / name).exists() and not (roaming / "restore" / name).exists()
    assert len(offers(local / "restore")) == 1 and window.start.restore_buttons


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="POSIX special files")
def test_a_fifo_and_a_device_among_the_questionnaires_never_hang_the_window(home, make_window):
    import signal

    folder = home / "questionnaires"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "pipe.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")

    def hung(*args):
        raise TimeoutError("the window hung on a special file")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)  # a hang fails the test instead of the whole suite
    try:
        window = make_window()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert window.start.isVisible()
    words = " ".join(getattr(label, "plain_text", label.text)() for label in window.start.findChildren(QLabel))
    assert "pipe.yaml" in words and "zero.yaml" in words and "not an ordinary file" in words


def test_damaged_recent_list_and_restore_information_never_stop_the_window(home, tmp_path, make_window, asked):
    home.mkdir(parents=True, exist_ok=True)
    good = example_file(tmp_path)
    (home / "recent.json").write_text(json.dumps(["\ud800.json", "a\x00b.json", "", str(good)]))
    folder = home / "restore"
    folder.mkdir()
    (folder / "20260101-000000-abcdef.json").write_bytes(good.read_bytes())
    (folder / "20260101-000000-abcdef.info.json").write_text('{"pid": 1.5, "target": "\\ud800/x\\u0000.json"}')
    window = make_window()
    assert window.recent.load() == [good]
    (offer,) = offers(folder)
    assert offer.target is None and offer.assessment is not None
    assert window.restore(offer)  # comes back untitled, for Save As
    assert window.session.path is None and window.session.assessment.organisation


def test_a_file_name_with_an_ampersand_is_listed_as_written(window, tmp_path):
    path = example_file(tmp_path)
    named = path.with_name("Mind & Body <b>.json")
    path.rename(named)
    assert window.open_path(named)
    window._fill_recent()
    (action,) = window.recent_menu.actions()
    assert action.text().replace("&&", "&") == str(named.resolve()) and "&&" in action.text()


def test_going_back_says_plainly_when_there_is_nothing_to_go_back_to(window, tmp_path, asked):
    window.new_assessment(catalogue.find("coproduction-readiness"))
    asked.answers["Inform"] = None
    window.go_back_to_version()
    assert asked.shown[-1][1][1] == "No earlier versions yet" and "Save As" in asked.shown[-1][1][3]
    path = tmp_path / "new.json"
    window.session.save_as(path)  # a new file: its first version is the file as saved
    asked.answers["VersionDialog"] = None  # looked, and cancelled
    window.go_back_to_version()
    (choices,) = [args[2] for name, args in asked.shown if name == "VersionDialog"]
    assert len(choices) == 1 and choices[0].startswith("today at ")
    assert window.session.path == path and not window.session.unsaved
