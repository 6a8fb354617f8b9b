"""The export dialog's format choice (issue 11), as a section of issue 13's export dialog:
tested here on a dialog with the same parts (file name, paper size, Create button)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QPushButton, QVBoxLayout

from coprod_check.gui.export_format import FORMATS, FormatSection, target, with_format


class Dialog(QDialog):
    """The parts of the export dialog the section works with."""

    def __init__(self, section: FormatSection, path: str = "/tmp/Northfield 2026-11-24 action plan.pdf"):
        super().__init__()
        self.setWindowTitle("Create PDF action plan")
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.path_edit = QLineEdit(path)
        self.paper = QComboBox()
        self.paper.addItems(["A4", "US Letter"])
        self.form.addRow("Save to:", self.path_edit)
        self.form.addRow("Paper size:", self.paper)
        self.inputs = section.add_rows(self, self.form)
        layout.addLayout(self.form)
        self.ok = QPushButton("&Create PDF")
        layout.addWidget(self.ok)


def test_offers_pdf_word_spreadsheet_and_csv_with_an_accessible_name(qtbot) -> None:
    section = FormatSection()
    dialog = Dialog(section)
    qtbot.addWidget(dialog)
    assert dialog.inputs == [section.combo]
    assert section.combo.accessibleName() == "Format"
    assert [section.combo.itemData(i) for i in range(section.combo.count())] == ["pdf", "docx", "xlsx", "csv"]
    label = dialog.form.labelForField(section.combo)
    assert label.buddy() is section.combo  # reached by Alt+O, and read with its label
    assert [f[0] for f in FORMATS] == ["pdf", "docx", "xlsx", "csv"]


@pytest.mark.parametrize(
    ("fmt", "suffix", "title", "button", "paper"),
    [
        ("docx", ".docx", "Create Word document", "&Create Word document", True),
        ("xlsx", ".xlsx", "Create spreadsheet of actions", "&Create spreadsheet", False),
        ("csv", ".csv", "Create CSV file of actions", "&Create CSV file", False),
        ("pdf", ".pdf", "Create PDF action plan", "&Create PDF", True),
    ],
)
def test_choosing_a_format_changes_the_name_the_words_and_the_paper_size(
    qtbot, fmt: str, suffix: str, title: str, button: str, paper: bool
) -> None:
    section = FormatSection()
    dialog = Dialog(section)
    qtbot.addWidget(dialog)
    section.combo.setFocus()
    section.combo.setCurrentIndex(section.combo.findData("csv"))  # from another format first
    section.combo.setCurrentIndex(section.combo.findData(fmt))
    assert dialog.path_edit.text() == f"/tmp/Northfield 2026-11-24 action plan{suffix}"
    assert dialog.windowTitle() == title and dialog.ok.text() == button
    assert dialog.paper.isEnabled() is paper
    choice = SimpleNamespace(path=Path("/tmp/x.docx.pdf"), format="pdf")
    section.read(choice)
    assert choice.format == fmt and choice.path == Path(f"/tmp/x{suffix}")


def test_by_keyboard_alone(qtbot) -> None:
    section = FormatSection()
    dialog = Dialog(section)
    qtbot.addWidget(dialog)
    section.combo.setFocus()
    qtbot.keyClick(section.combo, Qt.Key.Key_Down)
    assert section.format == "docx" and dialog.path_edit.text().endswith(".docx")


def test_asked_again_keeps_the_format() -> None:
    section = FormatSection()
    section.restore(SimpleNamespace(format="xlsx"))
    assert section.format == "xlsx"
    assert section.problem() == ""


def test_a_typed_name_never_replaces_an_assessment() -> None:
    folder = Path("/home/lead/Documents")
    assert target(Path("plan.json"), folder, "docx") == folder / "plan.json.docx"
    assert target(Path("plan"), folder, "xlsx") == folder / "plan.xlsx"
    assert target(Path("/x/plan.PDF"), folder, "csv") == Path("/x/plan.csv")
    assert with_format(Path("/x/.pdf"), "docx") == Path("/x/.pdf.docx")


@pytest.mark.parametrize(("fmt", "check"), [("docx", "docx"), ("xlsx", "xlsx"), ("csv", "csv")])
def test_the_window_writes_the_format_chosen(
    make_window, asked, tmp_path, monkeypatch, qtbot, fmt: str, check: str
) -> None:
    """Through the window's export: the choice's format picks the renderer, the name its extension."""
    import io

    from coprod_check.app import session as s
    from coprod_check.gui import export
    from coprod_check.gui.dialogs import ExportChoice
    from tests.gui.keys import choose, press

    window = make_window()
    press(Qt.Key.Key_Return)
    window.go(s.question_page("power-agenda"))
    choose(1)
    made: list = []
    sections_for = export.export_sections
    monkeypatch.setattr(export, "export_sections", lambda session: made.extend(sections_for(session)) or made)

    def export_dialog(parent, suggested, *rest):
        choice = ExportChoice(tmp_path / "plan.pdf", "a4", False, False)
        section = next(x for x in made if isinstance(x, FormatSection))
        section.restore(SimpleNamespace(format=fmt))
        section.read(choice)  # as the dialog does when it closes
        return choice

    asked.answers["ExportDialog"] = export_dialog
    asked.answers["Confirm"] = False  # "Not now"
    window.export_pdf()  # the real worker process writes it (report/job.py's RENDERERS)
    qtbot.waitUntil(lambda: not window.export_running(), timeout=60_000)
    written = tmp_path / f"plan.{fmt}"
    data = written.read_bytes()
    if check == "docx":
        from docx import Document

        assert Document(io.BytesIO(data)).paragraphs[0].style.name == "Heading 1"
    elif check == "xlsx":
        from openpyxl import load_workbook

        assert load_workbook(io.BytesIO(data)).sheetnames[0] == "Actions"
    else:
        assert data.startswith(b"\xef\xbb\xbfID,Action")
    assert not (tmp_path / "plan.pdf").exists()


def test_the_real_dialog_offers_the_format_before_the_board_papers_fields(make_window, qtbot) -> None:
    from coprod_check.gui.dialogs import ExportDialog
    from coprod_check.gui.export import export_sections
    from tests.gui.keys import press

    window = make_window()
    press(Qt.Key.Key_Return)
    sections = export_sections(window.session)
    dialog = ExportDialog(window, Path("/tmp/plan.pdf"), sections=sections)
    qtbot.addWidget(dialog)
    combo = next(x for x in sections if isinstance(x, FormatSection)).combo
    combo.setCurrentIndex(combo.findData("xlsx"))
    assert dialog.windowTitle() == "Create spreadsheet of actions"
    assert dialog.path_edit.text() == "/tmp/plan.xlsx" and not dialog.paper.isEnabled()
    assert any(b.text() == "&Create spreadsheet" for b in dialog.findChildren(QPushButton))
    choice = dialog.choice()
    assert choice.format == "xlsx" and choice.path == Path("/tmp/plan.xlsx")
    dialog.deleteLater()
    dialog.close()
    again = ExportDialog(window, Path("/tmp/plan.xlsx"), previous=choice, sections=sections)  # another name
    qtbot.addWidget(again)
    assert again.windowTitle() == "Create spreadsheet of actions"
