"""Make PNG screenshots of the main screens from the real app, headless.

    python tools/screenshots.py                 # into docs/screenshots/
    python tools/screenshots.py --out DIR

It runs the real window offscreen on a throwaway home folder (nothing of the
user's is read or written), opens the example assessment and visits each
screen. The font is set to DejaVu Sans 10 pt when available so the pictures
look the same on every machine; the app itself always follows the system font.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1180, 800)


def dark_palette():
    """A dark palette like the ones desktops use, to check the window reads well in both."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#eeeeee",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#353535",
        QPalette.ColorRole.Text: "#eeeeee",
        QPalette.ColorRole.Button: "#3a3a3a",
        QPalette.ColorRole.ButtonText: "#eeeeee",
        QPalette.ColorRole.Highlight: "#4a90d9",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#eeeeee",
        QPalette.ColorRole.PlaceholderText: "#aaaaaa",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.Mid: "#777777",
        QPalette.ColorRole.Light: "#505050",
        QPalette.ColorRole.Dark: "#202020",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#888888"))
    return palette


def several_voices(tmp: Path, q, example):
    """Write a group of five colleagues' responses (who disagree on the agenda, and agreed one
    level) and a next round started from the example with part of its plan reviewed."""
    from coprod_check.app import store
    from coprod_check.domain.assessment import Agreement, Answer, Participant, Review
    from coprod_check.domain.combine import blank_copy, combine, source
    from coprod_check.domain.rounds import start_from

    people = [
        ("manager", "no", 1),
        ("lived-experience-colleague", "yes", -2),
        ("staff", "no", 0),
        ("lived-experience-colleague", "yes", -1),
        ("partner", "yes", 2),
        ("staff", "no", 1),
    ]
    sources = []
    for i, (role, lived, shift) in enumerate(people):
        a = blank_copy(example, q)
        a.participants = [Participant(role, lived)]
        for question in q.questions():
            answer = example.answers.get(question.id)
            levels = [lv.id for lv in q.levels_for(question)]  # each question on its own scale
            index = levels.index(answer.choice) if answer and answer.choice in levels else 2
            a.answers[question.id] = Answer(levels[max(0, min(len(levels) - 1, index + shift))])
        sources.append(source(f"colleague {i + 1}.json", store.dumps(a).encode(), a))
    group, _ = combine(q, sources)
    group.agreed["power-timing"] = Agreement("asking", "We agreed we ask people, but only once plans are made.")
    group_path = tmp / "Northfield group.json"
    store.save(group_path, group)

    new = start_from(q, example, "Northfield adult community services.json")
    outcomes = [
        ("done", "Done in March, with the staff network."),
        ("partly", "Started: two meetings so far, the rest planned for spring."),
        ("not-done", ""),
    ]
    for action, (outcome, note) in zip(new.previous.actions, outcomes, strict=False):
        new.reviews[action.id] = Review(outcome, note)
    next_path = tmp / "Northfield next round.json"
    store.save(next_path, new)
    return group_path, next_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["COPROD_CHECK_HOME"] = str(Path(tmp) / "home")
        os.environ["COPROD_CHECK_CACHE"] = str(Path(tmp) / "cache")
        # The files live in a made-up home's Documents, as a person's would: the start page then
        # shows "in Documents", never a temporary folder.
        os.environ["HOME"] = str(Path(tmp) / "person")
        documents = Path(tmp) / "person" / "Documents"
        documents.mkdir(parents=True)
        return shoot(documents, args.out)


def shoot(tmp: Path, out: Path) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from coprod_check.app import catalogue, store
    from coprod_check.app import session as s
    from coprod_check.app.restore import RestoreFile
    from coprod_check.domain.assessment import Assessment
    from coprod_check.domain.example import make_example
    from coprod_check.gui.app import make_application

    app = make_application()
    if "DejaVu Sans" in QFontDatabase.families():
        app.setFont(QFont("DejaVu Sans", 10))
    q = catalogue.find("coproduction-readiness")
    assert q is not None
    example = tmp / "Northfield adult community services.json"
    store.save(example, make_example(q))
    # Work left unsaved by an earlier session, so the start page shows the restore offer.
    unsaved = Assessment.new(q)
    unsaved.organisation, unsaved.team = "Northfield Community Mental Health Trust", "Crisis team"
    for question in list(q.questions())[:7]:
        unsaved.answers[question.id] = type(unsaved.answer(question.id))(choice="asking")
    RestoreFile(catalogue.user_data_dir() / "restore").write(unsaved, None)

    from coprod_check.gui.main_window import MainWindow

    window = MainWindow()
    window.recent.add(example)
    window.resize(*SIZE)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    window.show_start()

    def snap(name: str) -> None:
        QTest.qWait(60)
        path = out / f"{name}.png"
        window.grab().save(str(path))
        print(path)

    snap("01-start")
    window.open_path(example)
    window.go(s.ABOUT_PAGE)
    snap("02-about")
    window.go(s.question_page("power-agenda"))
    page = window.pages["question"]
    page.why_button.click()
    page.focus_answer()
    snap("03-question")
    page.why_button.click()
    window.navigator.unanswered_only.setChecked(True)
    first = window.session.next_unanswered()
    if first:
        window.go(first)
    snap("04-unanswered")
    window.navigator.unanswered_only.setChecked(False)
    window.go(s.RESULTS_PAGE)
    snap("05-results")
    results = window.pages[s.RESULTS_PAGE]
    results.scroller.verticalScrollBar().setValue(results.quadrant_chart.y() - 40)
    snap("06-results-charts")
    window.go(s.PLAN_PAGE)
    plan = window.pages[s.PLAN_PAGE]
    plan.list.setCurrentRow(1)
    plan.owner.setFocus(Qt.FocusReason.TabFocusReason)
    snap("07-action-plan")
    light = app.palette()
    app.setPalette(dark_palette())
    window.go(s.RESULTS_PAGE)
    results.scroller.verticalScrollBar().setValue(results.quadrant_chart.y() - 40)
    snap("08-results-dark")
    window.go(s.question_page("staff-disclosure"))
    snap("09-question-dark")
    app.setPalette(light)

    group_path, next_path = several_voices(tmp, q, store.load(example))
    window.open_path(group_path)
    window.go(s.question_page("power-timing"))
    window.pages["question"].focus_answer()
    snap("10-group-question")
    window.go(s.RESULTS_PAGE)
    snap("12-group-results")
    results = window.pages[s.RESULTS_PAGE]
    results.scroller.verticalScrollBar().setValue(results.quadrant_chart.y() - 40)
    snap("13-group-chart")
    window.open_path(next_path)
    window.go(s.REVIEW_PAGE)
    snap("11-last-time")
    window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
