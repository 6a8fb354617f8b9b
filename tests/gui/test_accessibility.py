"""Everyone can use it: names screen readers read, unique mnemonics, visible focus, no colour-only meaning."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from coprod_check.app import catalogue, store
from coprod_check.app import session as s
from coprod_check.domain.example import make_example
from coprod_check.gui.dialogs import ExportDialog
from tests.gui.keys import focus, press

INPUTS = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name).strip()


def visible_inputs(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, INPUTS)
        and w.isVisibleTo(root)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox))
    ]


def unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in visible_inputs(root):
        if not accessible_name(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
        if isinstance(widget, QComboBox) and not widget.accessibleName():
            missing.append(f"combo box named only by its current value {widget.currentText()!r}")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                index = model.index(row, 0)
                text = index.data(Qt.ItemDataRole.AccessibleTextRole) or index.data()
                if not text:
                    missing.append(f"row {row} of {type(widget).__name__}")
    return missing


def mnemonics(window: QWidget) -> list[str]:
    letters = [re.search(r"&([^&])", a.text()).group(1).lower() for a in window.menuBar().actions() if "&" in a.text()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        match = re.search(r"(?<!&)&([^&\s])", text or "")
        if match:
            letters.append(match.group(1).lower())
    return letters


def check_page(window: QWidget) -> None:
    assert unnamed(window) == []
    letters = mnemonics(window)
    assert len(letters) == len(set(letters)), f"the same Alt+letter twice: {sorted(letters)}"


@pytest.fixture
def busy_home(home):
    """A home with a restore offer, a recent file and a broken questionnaire of the user's own."""
    q = catalogue.find("coproduction-readiness")
    folder = catalogue.user_questionnaire_dir()
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("id: [unfinished\n")
    return home, q


def test_every_input_on_every_page_has_a_name_and_a_unique_mnemonic(busy_home, make_window, tmp_path, asked):
    home, q = busy_home
    path = tmp_path / "example.json"
    store.save(path, make_example(q))
    window = make_window()
    window.open_path(path)
    window.session.set_choice("power-agenda", "asking")
    window.show_start()  # a recent file now
    window.new_assessment(q)
    window.session.add_participant()
    window.session.set_about("team", "East")
    window.show_start()  # and a restore offer, and an unusable questionnaire
    assert window.start.restore_buttons and window.start.recent.count() and window.start.unusable.isVisibleTo(window)
    check_page(window)

    window.open_path(path)
    window.go(s.ABOUT_PAGE)
    check_page(window)
    assert len(window.pages[s.ABOUT_PAGE].rows) == 4
    for question in q.questions():
        if question.not_applicable:
            window.go(s.question_page(question.id))
            assert window.pages["question"].not_applicable.isVisible()
            check_page(window)
            break
    window.go(s.question_page("power-agenda"))
    assert not window.pages["question"].not_applicable.isVisible()
    check_page(window)
    window.go(s.RESULTS_PAGE)
    check_page(window)
    window.go(s.PLAN_PAGE)
    window.pages[s.PLAN_PAGE]._add()
    check_page(window)
    dialog = ExportDialog(window, tmp_path / "plan.pdf")
    assert unnamed(dialog) == []
    dialog.deleteLater()


def test_the_levels_are_read_as_full_sentences(window):
    press(Qt.Key.Key_Return)
    window.go(s.question_page("power-agenda"))
    question = window.session.questionnaire.question("power-agenda")
    page = window.pages["question"]
    names = [accessible_name(b) for b in page.level_buttons]
    levels = window.session.questionnaire.levels_for(question)
    assert names == [f"{level.label}: {question.levels[level.id]}" for level in levels]
    assert accessible_name(page.note) == "Note: what you see, in your own words"  # from its visible label
    assert "Don't know" in accessible_name(page.dont_know)


def test_every_navigator_row_says_its_state_in_words(window):
    press(Qt.Key.Key_Return)
    window.go(s.question_page("power-agenda"))
    from tests.gui.keys import choose

    choose(1)
    tree = window.navigator.tree
    domain = tree.topLevelItem(1)
    total = len(window.session.questionnaire.domain("power").questions)
    assert domain.data(0, Qt.ItemDataRole.AccessibleTextRole) == f"Power and decisions: 1 of {total} answered"
    first, second = domain.child(0), domain.child(1)
    assert first.data(0, Qt.ItemDataRole.AccessibleTextRole).startswith("Answered: ")
    assert second.data(0, Qt.ItemDataRole.AccessibleTextRole).startswith("Not answered yet: ")
    assert first.text(0)[0] != second.text(0)[0]  # a different mark, not just a different colour


def test_focus_is_always_visible(window, qtbot):
    press(Qt.Key.Key_Return)
    ring = window.findChild(QWidget, "focus-ring")
    assert ring is not None and ring.isVisible()
    target = focus()
    assert ring.geometry().contains(target.mapTo(window, target.rect().center()))
    press(Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: ring.geometry().contains(focus().mapTo(window, focus().rect().center())))
    assert ring.focusPolicy() == Qt.FocusPolicy.NoFocus


@pytest.mark.parametrize("dark", [False, True])
def test_charts_follow_the_palette(window, dark, qtbot):
    """Light or dark, the chart draws in the palette's colours, so text stays readable."""
    press(Qt.Key.Key_Return)
    session = window.session
    for question in session.questionnaire.questions():
        session.set_choice(question.id, session.questionnaire.levels_for(question)[3].id)  # "sharing" and alike
    window.go(s.RESULTS_PAGE)
    chart = window.pages[s.RESULTS_PAGE].domain_chart
    palette = QPalette(chart.palette())
    if dark:
        palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    chart.setPalette(palette)
    chart.setAutoFillBackground(True)
    image = chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert palette.color(QPalette.ColorRole.WindowText).name() in colours
    assert "not known yet" not in chart.accessibleName()
    assert "Power and decisions: 75, 7 of 7 with a level" in chart.accessibleName()


def test_unscored_domains_say_so_and_never_show_zero(window):
    press(Qt.Key.Key_Return)
    window.go(s.RESULTS_PAGE)
    page = window.pages[s.RESULTS_PAGE]
    assert "not known yet" in page.domain_chart.accessibleName()
    assert ": 0," not in page.domain_chart.accessibleName()
    assert "not known yet" in page.axes.text() and page.stage_title.text() == "Not known yet"


def test_the_font_follows_the_system(make_window, qtbot):
    app = QApplication.instance()
    original = app.font()
    bigger = app.font()
    bigger.setPointSizeF(original.pointSizeF() * 1.6)
    app.setFont(bigger)
    try:
        window = make_window()
        heading = window.start.findChildren(QLabel)[0]
        assert heading.font().pointSizeF() > bigger.pointSizeF()
        assert window.start.new_button.font().pointSizeF() == pytest.approx(bigger.pointSizeF())
    finally:
        app.setFont(original)


def test_starting_the_window_does_not_import_reportlab(home, tmp_path):
    code = (
        "import sys\n"
        "from coprod_check.gui.app import make_application\n"
        "app = make_application()\n"
        "from coprod_check.gui.main_window import MainWindow\n"
        "w = MainWindow(); w.show(); app.processEvents()\n"
        "loaded = [m for m in sys.modules if m.startswith(('reportlab', 'coprod_check.report'))]\n"
        "print(loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_results_read_as_headings_and_paragraphs_by_tab(window, tmp_path):
    """Tab walks the result heading by heading and paragraph by paragraph, in page order, each
    with a heading or paragraph role (Orca says "heading", never "label"), each chart named
    with all it shows, and the burn-out warning among them."""
    import yaml

    from tests.domain.test_profiles import build

    q = catalogue.find("coproduction-readiness")
    profile = yaml.safe_load((s.Path(__file__).parents[1] / "domain" / "profiles" / "burn-out.yaml").read_text())
    path = tmp_path / "burn-out.json"
    store.save(path, build(q, profile))
    window.open_path(path)
    window.go(s.RESULTS_PAGE)
    page = window.pages[s.RESULTS_PAGE]
    assert focus() is page.where_heading
    stops: list[tuple[QAccessible.Role, str]] = []
    while focus() is not page.plan_button and len(stops) < 60:
        interface = QAccessible.queryAccessibleInterface(focus())
        stops.append((interface.role(), interface.text(QAccessible.Text.Name)))
        press(Qt.Key.Key_Tab)
    roles = {role for role, _ in stops}
    assert QAccessible.Role.StaticText not in roles  # no "label" anywhere
    headings = [name for role, name in stops if role == QAccessible.Role.Heading]
    assert headings[:2] == ["Where this puts you: Partnership without support", "Readiness stage: Involving"]
    assert {"What holds it back", "Care and working with", "By domain", "What is still unknown"} <= set(headings)
    texts = [name for role, name in stops if role == QAccessible.Role.Paragraph]
    assert texts[0].startswith("People with lived experience")
    assert texts[1].startswith("Warning: People with lived experience are sharing much of the work without enough")
    assert any(t.startswith("Care (support given to people): 25 of 100") for t in texts)
    assert any(t.startswith("\u2022 ") for t in texts)  # what holds the stage back, one point at a time
    charts = [name for role, name in stops if role == QAccessible.Role.Chart]
    assert len(charts) == 2 and all(": " in name.split(". ", 1)[1] for name in charts)
    assert "Power and decisions: " in charts[1]
    assert not page.domain_chart.accessibleDescription()  # Orca reads it after the name: heard twice
    order = [name for _, name in stops]
    assert order.index("Readiness stage: Involving") < order.index("What holds it back")
    assert order.index("Care and working with") < order.index(charts[0]) < order.index("By domain")


def test_the_focus_ring_outlives_a_deleted_widget(window, qtbot):
    """A page thrown away while it held the focus (an assessment closed) once left the ring
    raising RuntimeError at every later focus change, never drawn again."""
    from PySide6.QtWidgets import QLineEdit

    press(Qt.Key.Key_Return)
    window.go(s.ABOUT_PAGE)
    ring = window.findChild(QWidget, "focus-ring")
    doomed = QLineEdit(window.pages[s.ABOUT_PAGE])
    doomed.show()
    doomed.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is doomed)
    doomed.deleteLater()
    qtbot.wait(10)
    window.pages[s.ABOUT_PAGE].organisation.setFocus()
    target = window.pages[s.ABOUT_PAGE].organisation
    qtbot.waitUntil(lambda: ring.isVisible() and ring.geometry().contains(target.mapTo(window, target.rect().center())))
