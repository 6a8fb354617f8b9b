"""Walks every page of the window and prints, as JSON, every text it shows or reads out.

    COPROD_CHECK_LANGUAGE=x-pseudo python -m tests.gui.pseudo_walk FOLDER

Run in a fresh process, because the language is chosen once, when a process first asks for a
word (module-level words are translated as their module is imported). It opens four
assessments that between them have every page: the example (about, every question, results,
plan), the next round (last time's plan, what changed), and two groups (the voices on the
results page). It prints {"texts": [[where, text], ...], "exempt": [...]}, where "exempt" is
every string that comes from a file (the questionnaire and the assessments: the
questionnaire's own words, organisation, names, notes), which the layer never translates.
COPROD_CHECK_HOME must point at a temporary folder.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QProgressBar, QWidget

from coprod_check.app import resources, store
from coprod_check.domain.example import make_example
from coprod_check.gui import dialogs
from coprod_check.gui.app import make_application
from tests.gui.test_voices import every_text
from tests.report.voices import builtin, mixed_group, next_round, shown_group


def strings_in(value: object) -> list[str]:
    """Every string in a parsed YAML or JSON document."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in strings_in(k) + strings_in(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings_in(v)]
    return []


def menu_texts(menu: QMenu, where: str) -> list[list[str]]:
    out = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        out += [[where, action.text()], [where, action.toolTip()], [where, action.statusTip()]]
        if action.menu() is not None:
            out += menu_texts(action.menu(), where)
    return out


def shown(window: QWidget) -> list[str]:
    """every_text, and what it leaves out: a progress bar's words."""
    bars = [bar.text() for bar in window.findChildren(QProgressBar) if bar.isVisibleTo(window)]
    return every_text(window).splitlines() + bars


ASKED: list[list[str]] = []


def record(cls: type, parent: object, *args: object, **kwargs: object) -> None:
    """A dialog's ask(), replaced: its words are kept to be checked, and nothing is shown."""
    words = [a for a in (*args, *kwargs.values()) if isinstance(a, str)]
    words += [w for a in args if isinstance(a, list) for w in a if isinstance(w, str)]
    ASKED.extend([f"dialog {cls.__name__}", w] for w in words)


def walk(folder: Path) -> dict[str, list]:
    from coprod_check.gui import exchange_dialogs, paper_entry
    from coprod_check.gui.about_app import AboutDialog
    from coprod_check.gui.dialogs import ExportDialog
    from coprod_check.gui.main_window import MainWindow

    for cls in (
        dialogs.OpenDialog,
        dialogs.SaveAsDialog,
        dialogs.Confirm,
        dialogs.Inform,
        dialogs.UpdateDialog,
        dialogs.ExportDialog,
        dialogs.ResponsesDialog,
        dialogs.UnsavedDialog,
        dialogs.VersionDialog,
        exchange_dialogs.BlankCopyDialog,
        exchange_dialogs.FormsQuestionsDialog,
        exchange_dialogs.FormsExportDialog,
        exchange_dialogs.FormsPreviewDialog,
        paper_entry.PaperFolderDialog,
    ):
        cls.ask = classmethod(record)  # type: ignore[method-assign]
    app = make_application()
    questionnaire = builtin()
    files = {
        "example": make_example(questionnaire),
        "next round": next_round(),
        "group": shown_group(),
        "mixed group": mixed_group(),
    }
    exempt: list[str] = []
    for path in resources.builtin_questionnaires():
        exempt += strings_in(yaml.safe_load(path.read_text(encoding="utf-8")))
    window = MainWindow(home=folder / "home")
    window.show()
    QTest.qWaitForWindowExposed(window)
    QTest.qWait(50)
    texts: list[list[str]] = [["start page", t] for t in shown(window)]
    for action in window.menuBar().actions():
        texts += [["menu", action.text()]]
        if action.menu() is not None:
            texts += menu_texts(action.menu(), "menu")
    for name, assessment in files.items():
        path = folder / f"{name.replace(' ', '-')}.json"
        store.save(path, assessment)
        exempt += strings_in(json.loads(path.read_text(encoding="utf-8")))
        exempt += [str(path), path.name, str(folder)]
        assert window.open_path(path), name
        session = window.session
        assert session is not None
        for page in session.pages():
            window.go(page)
            QTest.qWait(5)
            texts += [[f"{name}: {page}", t] for t in shown(window)]
        for action in window.menuBar().actions():
            if action.menu() is not None:
                texts += menu_texts(action.menu(), f"{name}: menu")
    # The file commands' dialogs (their ask() is recorded and answers "cancel"), and the PDF's.
    for command in (
        window.save_blank_copy,
        window.start_next_round,
        window.combine_responses,
        window.go_back_to_version,
        window.save_forms_questions,
        window.import_forms,
        window.type_in_paper,
    ):
        command()
    # Taking part without installing: the Forms preview and typing in paper, shown and read.
    from coprod_check.gui.exchange_dialogs import FormsPreviewDialog
    from coprod_check.gui.paper_entry import PaperEntryDialog

    preview = FormsPreviewDialog(window, [], False, 0)
    texts += [["forms preview dialog", t] for t in shown(preview)]
    preview.close()
    entry = PaperEntryDialog(window, files["example"], questionnaire, folder / "paper")
    texts += [["paper entry: about", t] for t in shown(entry)]
    entry.role.setCurrentIndex(1)
    entry.step(1)
    texts += [["paper entry: a question", t] for t in shown(entry)]
    entry.close()
    export = ExportDialog(window, folder / "plan.pdf")
    texts += [["create PDF dialog", t] for t in shown(export)]
    export.close()
    window.show_shortcuts()  # an Inform dialog, recorded
    about = AboutDialog(window)
    texts += [["about coprod-check", t] for t in shown(about)]
    about.close()
    texts += ASKED
    window.close()
    QApplication.processEvents()
    del app
    return {"texts": [t for t in texts if t[1].strip()], "exempt": sorted(set(exempt), key=len, reverse=True)}


if __name__ == "__main__":
    print(json.dumps(walk(Path(sys.argv[1]))))
