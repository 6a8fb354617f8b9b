"""The board paper's fields in the export dialog: labelled, in Tab order, remembered with the
assessment (a change the autosave keeps), and never invented."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel

from coprod_check.app import session as s
from coprod_check.app.restore import RestoreFile
from coprod_check.domain.assessment import Assessment, BoardFields
from coprod_check.gui.export_board import BoardPaperSection, parse_date
from tests.tiny import tiny


class Choice:
    """What the export dialog hands each section (its options by keyword)."""

    def __init__(self) -> None:
        self.extra: dict[str, object] = {}


@pytest.fixture
def session(tmp_path):
    q = tiny()
    return s.Session(q, Assessment.new(q), None, RestoreFile(tmp_path / "restore"))


def _laid_out(qtbot, session):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    section = BoardPaperSection(session)
    inputs = section.add_rows(dialog, form)
    return dialog, form, section, inputs


def test_every_field_has_a_label_tied_to_it_and_an_accessible_name(qtbot, session):
    dialog, form, section, inputs = _laid_out(qtbot, session)
    assert len(inputs) == 6
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    for widget in inputs[:5]:
        assert widget in buddies, widget.accessibleName()
        assert widget.accessibleName()
    assert [w.accessibleName() for w in inputs[:5]] == [
        "Meeting",
        "Date of the meeting",
        "Purpose of the paper",
        "Executive lead",
        "Report author",
    ]
    assert "find-out" in section.find_out.text()


def test_what_is_typed_is_remembered_with_the_assessment_as_a_change(qtbot, session):
    changes = []
    session.subscribe(changes.append)
    dialog, _, section, _ = _laid_out(qtbot, session)
    section.meeting.setText("  Trust board   (public) ")
    section.date.setText("28/01/2027")
    section.purpose.setCurrentIndex(section.purpose.findData("decision"))
    section.lead.setText("Director of nursing")
    choice = Choice()
    section.find_out.setChecked(True)
    assert section.problem() == ""
    section.read(choice)
    assert session.assessment.board == BoardFields(
        "Trust board (public)", "2027-01-28", "decision", "Director of nursing", ""
    )
    assert changes and choice.extra == {"find_out_unanswered": True}
    assert dialog.isWidgetType()
    again = BoardPaperSection(session)  # the next time the dialog is asked, the fields are filled in
    assert again.meeting.text() == "Trust board (public)" and again.date.text() == "28/01/2027"
    assert again.purpose.currentData() == "decision" and again.author.text() == ""


def test_nothing_is_invented_and_a_date_that_is_not_one_keeps_the_dialog_open(qtbot, session):
    dialog, _, section, _ = _laid_out(qtbot, session)
    assert section.purpose.currentData() == "" and not section.meeting.text()
    section.date.setText("next Tuesday")
    assert "28/01/2027" in section.problem()
    section.date.setText("")
    assert section.problem() == ""
    section.read(Choice())
    assert session.assessment.board.is_empty() and dialog.isWidgetType()
    assert not session.unsaved  # reading nothing new is no change


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("2027-01-28", "2027-01-28"),
        ("28/01/2027", "2027-01-28"),
        ("28.1.2027", "2027-01-28"),
        ("", ""),
        ("31/02/2027", None),
        ("soon", None),
    ],
)
def test_dates_as_uk_readers_type_them(typed, iso):
    assert parse_date(typed) == iso


def test_a_dialog_asked_again_gets_fresh_inputs_filled_with_what_was_remembered(qtbot, session):
    first, _, section, _ = _laid_out(qtbot, session)
    section.meeting.setText("Trust board")
    section.find_out.setChecked(True)
    section.read(Choice())
    first.deleteLater()
    qtbot.wait(10)
    again = QDialog()
    qtbot.addWidget(again)
    inputs = section.add_rows(again, QFormLayout(again))
    assert inputs[0].text() == "Trust board" and inputs[-1].isChecked()
    assert all(w.window() is again for w in inputs)


def test_the_export_dialog_lays_the_fields_out_after_the_paper_size_and_reads_them(
    qtbot, session, tmp_path, monkeypatch
):
    from coprod_check.gui.dialogs import ExportDialog

    section = BoardPaperSection(session)
    dialog = ExportDialog(None, tmp_path / "plan.pdf", sections=[section])
    qtbot.addWidget(dialog)
    chain, widget = [], dialog.path_edit
    for _ in range(30):  # Tab order: file, Choose, paper, then the board paper's fields
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain.index(section.meeting) == chain.index(dialog.paper) + 1
    assert chain.index(section.find_out) == chain.index(section.author) + 1
    section.meeting.setText("Trust board")
    section.find_out.setChecked(True)
    choice = dialog.choice()
    assert session.assessment.board.meeting == "Trust board"
    assert choice.extra == {"find_out_unanswered": True}
    section.date.setText("soon")
    asked = []
    from coprod_check.gui import dialogs

    monkeypatch.setattr(dialogs.Inform, "ask", classmethod(lambda cls, *a, **k: asked.append(a)))
    dialog.accept()
    assert asked and not dialog.result()  # a date that is not one keeps the dialog open
