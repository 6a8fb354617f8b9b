"""Taking part without installing, in the window: a blank workbook or paper form, a workbook among
the responses combined, a Forms export read back after its preview, and paper typed in by keyboard."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from coprod_check.app import store
from coprod_check.domain.example import make_example
from coprod_check.domain.questionnaire import DONT_KNOW
from coprod_check.exchange import layout
from coprod_check.gui.exchange_dialogs import FormsPreviewDialog
from coprod_check.gui.paper_entry import PaperEntryDialog
from tests.exchange.people import Person, fill_workbook, forms_export
from tests.gui.keys import press, type_text
from tests.gui.test_voices import menu_action, response, response_files, save
from tests.report.voices import builtin


@pytest.fixture
def example_file(tmp_path, home):
    return save(tmp_path / "files" / "lead.coprod", make_example(builtin()))


@pytest.mark.parametrize(("kind", "name"), [("xlsx", "copy.xlsx"), ("pdf", "copy.pdf"), ("pdf-large", "large.pdf")])
def test_a_blank_copy_can_be_a_workbook_or_a_paper_form(window, asked, tmp_path, example_file, kind, name):
    window.open_path(example_file)
    target = tmp_path / "out" / name
    target.parent.mkdir()
    asked.answers.update(BlankCopyDialog=(target, kind), Inform=None)
    menu_action(window, "Save a blank copy").trigger()
    assert asked.names() == ["BlankCopyDialog", "Inform"]
    said = asked.shown[1][1][3]
    if kind == "xlsx":
        assert openpyxl.load_workbook(target).sheetnames[:3] == ["Start here", "About you", "Answers"]
        assert "Excel or LibreOffice" in said
    else:
        assert target.read_bytes().startswith(b"%PDF") and "Type in paper responses" in said
    assert window.session.path == example_file


def test_a_filled_workbook_is_combined_beside_json_responses(window, asked, tmp_path, example_file):
    window.open_path(example_file)
    blank = tmp_path / "blank.xlsx"
    asked.answers.update(BlankCopyDialog=(blank, "xlsx"), Inform=None)
    window.save_blank_copy()
    (tmp_path / "lead.coprod").write_bytes(example_file.read_bytes())  # for the helper's questionnaire
    filled = fill_workbook(
        blank, tmp_path / "filled.xlsx", Person("Staff member", "No", "", {"power-agenda": "asking"})
    )
    paths = [*response_files(tmp_path, [response(i, "manager", "no", {}) for i in range(2)]), filled]
    asked.shown.clear()
    asked.answers.update(ResponsesDialog=paths, SaveAsDialog=tmp_path / "g.coprod")
    window.combine_responses()
    group = store.load(tmp_path / "g.coprod")
    assert [r.source for r in group.responses][-1] == "filled.xlsx"
    assert group.responses[-1].answers["power-agenda"].choice == "asking"


def test_a_workbook_with_mistakes_is_explained_cell_by_cell(window, asked, tmp_path, example_file):
    window.open_path(example_file)
    blank = tmp_path / "blank.xlsx"
    asked.answers.update(BlankCopyDialog=(blank, "xlsx"), Inform=None)
    window.save_blank_copy()
    book = openpyxl.load_workbook(blank)
    book[layout.ANSWERS_SHEET]["F12"] = "sort of"
    book.save(tmp_path / "bad.xlsx")
    asked.shown.clear()
    asked.answers.update(ResponsesDialog=[tmp_path / "bad.xlsx"])
    window.combine_responses()
    assert asked.names() == ["ResponsesDialog", "Inform"]
    details = asked.shown[1][1][3]
    assert "Answers!F12: \u201csort of\u201d is not one of the answers" in details
    assert "About you!B2: the role is empty" in details and "Nothing has been written." in details


def test_a_forms_export_shows_how_it_maps_and_writes_only_when_asked(window, asked, tmp_path, example_file):
    window.open_path(example_file)
    (tmp_path / "lead.coprod").write_bytes(example_file.read_bytes())
    people = [Person("Staff member", "No", "", {"power-agenda": "asking"}), Person("Nurse", "Yes", "", {})]
    export = forms_export(tmp_path, people, tmp_path / "export.xlsx")
    out = tmp_path / "from-forms"
    asked.answers.update(FormsExportDialog=(export, out), FormsPreviewDialog="")
    menu_action(window, "Import a Microsoft Forms export").trigger()
    lines, complete, count = asked.shown[1][1][1:4]
    assert not complete and count == 1 and any("\u201cNurse\u201d is not one of the roles" in x for x in lines)
    assert not out.exists()  # cancelled: nothing written
    asked.shown.clear()
    asked.answers.update(FormsPreviewDialog=FormsPreviewDialog.SKIP, Inform=None)
    window.import_forms()
    assert asked.names() == ["FormsExportDialog", "FormsPreviewDialog", "Inform"]
    (made,) = sorted(out.iterdir())
    assert store.load(made).answers["power-agenda"].choice == "asking"


def test_the_preview_dialog_is_read_by_a_screen_reader_and_cancels_by_default(qtbot):
    dialog = FormsPreviewDialog(None, ["A  \u201cId\u201d \u2192 ignored", "Problems:"], False, 3)
    qtbot.addWidget(dialog)
    assert dialog.preview.accessibleName() == "How each column of the export maps"
    default = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
    assert [b.text() for b in default] == ["&Cancel: write nothing"]


# Any dialog shown on its own under the offscreen platform says this; it is about the platform, not the dialog.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_paper_responses_are_typed_in_by_keyboard_alone(qtbot, tmp_path, example_file):
    lead = store.load(example_file)
    q = builtin()
    dialog = PaperEntryDialog(None, lead, q, tmp_path / "paper")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.role
    press(Qt.Key.Key_Return)  # no role yet: it is asked for, not skipped
    assert dialog.index == -1
    dialog.role.setCurrentIndex(dialog.role.findData("lived-experience-colleague"))
    dialog.lived.setCurrentIndex(dialog.lived.findData("yes"))
    press(Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.choice_list
    type_text("3")  # "Asking" on question 1
    press(Qt.Key.Key_Tab)
    type_text("Written in the margin.")
    press(Qt.Key.Key_Return)
    type_text("d")  # Don't know on question 2
    press(Qt.Key.Key_Return)
    type_text("9")  # no such box: nothing ticked
    press(Qt.Key.Key_PageUp)
    assert dialog.index == 1 and dialog.choice_list.currentItem().data(Qt.ItemDataRole.UserRole) == DONT_KNOW
    for _ in range(len(list(q.questions())) - 1):
        press(Qt.Key.Key_Return)
    assert dialog.index == len(list(q.questions()))
    assert "2 questions have a box ticked" in dialog.summary.text()
    press(Qt.Key.Key_Return)  # save, and start the next person
    (saved,) = dialog.saved
    a = store.load(saved)
    assert a.participants[0].role == "lived-experience-colleague" and a.participants[0].lived_experience == "yes"
    assert a.answers["power-agenda"].choice == "asking" and a.answers["power-agenda"].note == "Written in the margin."
    assert a.answers["power-timing"].choice == DONT_KNOW and len(a.answers) == 2
    assert dialog.index == -1 and dialog.role.currentData() == "" and QApplication.focusWidget() is dialog.role
    assert saved.name == "paper-response-001.coprod"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("step", [-1, 0, 44])
def test_every_input_of_the_paper_entry_has_a_name_and_a_unique_mnemonic(qtbot, example_file, tmp_path, step):
    q = builtin()
    dialog = PaperEntryDialog(None, store.load(example_file), q, tmp_path / "paper")
    qtbot.addWidget(dialog)
    dialog.show()
    if step >= 0:
        dialog.role.setCurrentIndex(1)
        for _ in range(step + 1):
            dialog.step(1)
    check_dialog(dialog)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_every_input_of_the_forms_preview_has_a_name_and_a_unique_mnemonic(qtbot):
    dialog = FormsPreviewDialog(None, ["A  \u201cId\u201d \u2192 ignored"], True, 2)
    qtbot.addWidget(dialog)
    dialog.show()
    check_dialog(dialog)


def check_dialog(dialog):
    """test_accessibility's checks, for a dialog (no menu bar): every input named, no Alt+letter twice."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    from tests.gui.test_accessibility import unnamed

    assert unnamed(dialog) == []
    letters = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog) or (isinstance(widget, QLabel) and widget.buddy() is None):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
        match = re.search(r"(?<!&)&([^&\s])", text or "")
        if match:
            letters.append(match.group(1).lower())
    assert len(letters) == len(set(letters)), f"the same Alt+letter twice: {sorted(letters)}"


def test_the_questions_for_a_form_are_saved_from_the_file_menu(window, asked, tmp_path, example_file):
    import docx

    window.open_path(example_file)
    target = tmp_path / "questions.docx"
    asked.answers.update(FormsQuestionsDialog=target, Inform=None)
    menu_action(window, "Save the questions for a Microsoft Form").trigger()
    assert asked.names() == ["FormsQuestionsDialog", "Inform"]
    assert "does not record names" in asked.shown[1][1][3]
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "What is your role in this assessment?" in text and "Note on: " in text


def test_a_forms_import_into_a_folder_that_holds_its_files_writes_nothing(window, asked, tmp_path, example_file):
    window.open_path(example_file)
    (tmp_path / "lead.coprod").write_bytes(example_file.read_bytes())
    export = forms_export(tmp_path, [Person("Staff member", "No", "", {})], tmp_path / "export.xlsx")
    out = tmp_path / "out"
    out.mkdir()
    (out / "forms-response-001.coprod").write_text("someone's answers")
    asked.answers.update(FormsExportDialog=(export, out), FormsPreviewDialog=FormsPreviewDialog.WRITE, Inform=None)
    window.import_forms()
    assert asked.names() == ["FormsExportDialog", "FormsPreviewDialog", "Inform"]
    assert "already there" in asked.shown[2][1][2] and "Nothing has been written." in asked.shown[2][1][3]
    assert (out / "forms-response-001.coprod").read_text() == "someone's answers"
