"""Where the PDF goes: never over the assessment, never over another file without asking."""

from __future__ import annotations

from pathlib import Path

from coprod_check.app import catalogue, store
from coprod_check.domain.example import make_example
from coprod_check.gui.dialogs import ExportChoice, ExportDialog
from coprod_check.gui.export import pdf_target
from tests.gui.test_export import export, fake_report  # noqa: F401 (a fixture)


def open_example(window, folder: Path) -> Path:
    path = folder / "mine.json"
    store.save(path, make_example(catalogue.find("coproduction-readiness")))
    assert window.open_path(path)
    return path


def answers(*paths: Path | None):
    """An ExportDialog stand-in giving each path in turn; it records what it was offered."""
    offered = []

    def ask(parent, suggested, previous=None, sections=()):
        offered.append(suggested)
        path = paths[len(offered) - 1]
        return None if path is None else ExportChoice(path, "letter", True, False)

    ask.offered = offered  # type: ignore[attr-defined]
    return ask


def test_typed_names_become_absolute_pdf_paths(tmp_path):
    assert pdf_target(Path("plan"), tmp_path) == tmp_path / "plan.pdf"
    assert pdf_target(Path("plan.json"), tmp_path) == tmp_path / "plan.json.pdf"
    assert pdf_target(Path("Plan.PDF"), tmp_path) == tmp_path / "Plan.PDF"
    assert pdf_target(tmp_path / "a" / "b.pdf", Path("/elsewhere")) == tmp_path / "a" / "b.pdf"


def test_the_pdf_never_replaces_the_assessment(fake_report, window, asked, tmp_path, qtbot):  # noqa: F811
    assessment = open_example(window, tmp_path)
    before = assessment.read_bytes()
    own = assessment.with_suffix(".pdf")
    assessment.rename(own)  # an assessment whose name ends in .pdf: the PDF must not go there either
    window.session.path = own
    asked.answers["ExportDialog"] = answers(Path("mine.pdf"), None)
    asked.answers["Inform"] = None
    export(window, qtbot)
    assert asked.names() == ["ExportDialog", "Inform", "ExportDialog"]
    assert "holds this assessment" in asked.shown[1][1][2]
    assert fake_report == [] and own.read_bytes() == before


def test_a_typed_json_name_gets_pdf_added_in_the_assessments_folder(fake_report, window, asked, tmp_path, qtbot):  # noqa: F811
    assessment = open_example(window, tmp_path)
    before = assessment.read_bytes()
    asked.answers["ExportDialog"] = answers(Path("mine.json"))
    asked.answers["Confirm"] = False  # "Not now" (open it)
    export(window, qtbot)
    ((_, written, _),) = fake_report
    assert written == tmp_path / "mine.json.pdf"
    assert assessment.read_bytes() == before


def test_an_existing_file_is_replaced_only_when_the_person_says_so(fake_report, window, asked, tmp_path, qtbot):  # noqa: F811
    open_example(window, tmp_path)
    board = tmp_path / "board.pdf"
    board.write_bytes(b"%PDF-1.4 the board's signed copy")
    dialog = answers(board, board, Path("new.pdf"))
    replies = iter([False, True, False])  # choose another name; replace it; do not open it now
    asked.answers["ExportDialog"] = dialog
    asked.answers["Confirm"] = lambda *args: next(replies)
    export(window, qtbot)
    assert asked.names() == ["ExportDialog", "Confirm", "ExportDialog", "Confirm", "Confirm"]
    assert asked.shown[1][1][3:5] == ("&Replace it", "C&hoose another name")
    assert b"signed" not in board.read_bytes()
    assert dialog.offered[1] == board  # asked again with the name chosen, to change it

    fake_report.clear()
    asked.shown.clear()
    board.write_bytes(b"%PDF-1.4 the board's signed copy")
    replies = iter([False])
    asked.answers["ExportDialog"] = answers(board, None)
    export(window, qtbot)
    assert fake_report == [] and b"signed" in board.read_bytes()


def test_asking_again_keeps_the_choices_made(qtbot, tmp_path):
    dialog = ExportDialog(None, tmp_path / "x.pdf", ExportChoice(tmp_path / "x.pdf", "letter", True, True))
    qtbot.addWidget(dialog)
    choice = dialog.choice()
    assert (choice.paper, choice.include_private, choice.include_names) == ("letter", True, True)
