"""Never silent: on every page, every object a person can act on has a name, every heading is a
heading, and every paragraph shown is heard by Tab; status changes, progress and the Contents are
said in words. The walk (tests/gui/a11y_walk.py) is generic, so widgets added later are covered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

from coprod_check.app import catalogue, store
from coprod_check.app import session as s
from coprod_check.domain.example import make_example
from coprod_check.gui import a11y
from coprod_check.gui.dialogs import ExportDialog
from coprod_check.gui.reading import in_layout_order
from tests.gui.a11y_walk import headings_without_role, unnamed_interactive, unreachable_text, walk
from tests.gui.keys import focus, press
from tests.gui.test_voices import mixed_group, save


def example(folder: Path) -> Path:
    path = folder / "files" / "northfield.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    store.save(path, make_example(catalogue.find("coproduction-readiness")))
    return path


def check(window, page_widget=None) -> None:
    assert unnamed_interactive(window) == []
    shown = page_widget if page_widget is not None else window.stack.currentWidget()
    assert headings_without_role(shown) == []
    assert unreachable_text(shown) == []
    assert tab_goes_backwards(window, shown) == []


def tab_goes_backwards(window, page) -> list[str]:
    """Stops where Tab goes back up the page instead of on down it (as it did when paragraphs
    made Tab stops were left out of a page's tab order). One whole round of Tab is taken, read
    from where Tab enters the page."""
    order = [w for w in in_layout_order(page) if w.isVisibleTo(page)]
    place = {id(w): i for i, w in enumerate(order)}
    start = QApplication.focusWidget()
    ring: list[QWidget | None] = []
    for _ in range(len(order) + 40):
        press(Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is start or widget in ring:
            break  # round once
        ring.append(widget)
    if start is not None:
        start.setFocus()
    on_page = [w is not None and page.isAncestorOf(w) and id(w) in place for w in ring]
    entries = [k for k in range(len(ring)) if on_page[k] and not on_page[k - 1]]
    if entries:
        ring = ring[entries[0] :] + ring[: entries[0]]
    stops = [w for w in ring if w is not None and page.isAncestorOf(w) and id(w) in place]
    if not entries and stops:  # Tab never leaves the page (the start page): read from its top
        top = min(range(len(stops)), key=lambda k: place[id(stops[k])])
        stops = stops[top:] + stops[:top]

    def name(w: QWidget) -> str:
        return f"{type(w).__name__} {QAccessible.queryAccessibleInterface(w).text(QAccessible.Text.Name)[:30]!r}"

    return [f"{name(b)} after {name(a)}" for a, b in zip(stops, stops[1:], strict=False) if place[id(b)] < place[id(a)]]


def every_page(window) -> list[str]:
    pages = window.session.pages()
    questions = [p for p in pages if s.page_question(p)]
    return [p for p in pages if not s.page_question(p)] + questions[:3] + questions[-1:]


def test_every_page_of_an_assessment_is_named_and_heard(window, tmp_path):
    from tests.report.voices import next_round

    check(window)  # the start page
    window.open_path(save(tmp_path / "files" / "next.json", next_round()))
    assert s.REVIEW_PAGE in window.session.pages()
    for page in every_page(window):
        window.go(page)
        check(window)
    window.pages[s.PLAN_PAGE]._add()
    check(window)
    dialog = ExportDialog(window, tmp_path / "plan.pdf")
    assert unnamed_interactive(dialog) == []
    dialog.deleteLater()


def test_every_page_of_a_group_is_named_and_heard(window, tmp_path, home):
    window.open_path(save(tmp_path / "files" / "group.json", mixed_group()))
    for page in every_page(window):
        window.go(page)
        check(window)


def test_the_walk_finds_what_is_silent(window, tmp_path):
    """The checks can fail: an unnamed button, a heading drawn but not told, a paragraph not reached."""
    from PySide6.QtWidgets import QPushButton

    from coprod_check.gui.widgets import scaled_font, text_label

    window.open_path(example(tmp_path))
    window.go(s.ABOUT_PAGE)
    page = window.stack.currentWidget()
    layout = page.findChild(type(window.pages[s.ABOUT_PAGE].people))
    silent = QPushButton()
    silent.setIcon(window.windowIcon())
    layout.addWidget(silent)
    hidden_text = text_label("This sentence is shown but no screen reader hears it by Tab.")
    layout.addWidget(hidden_text)
    drawn = text_label("A heading in looks only")
    drawn.setFont(scaled_font(drawn.font(), 1.5, bold=True))
    layout.addWidget(drawn)
    for widget in (silent, hidden_text, drawn):
        widget.show()
    assert unnamed_interactive(window) == ["Button QPushButton named ''"]
    assert unreachable_text(page) == [
        "This sentence is shown but no screen reader hears it by Tab.",
        "A heading in looks only",
    ]
    assert headings_without_role(page) == ["A heading in looks only"]


def test_the_contents_are_a_tree_of_domains_and_their_questions(window, tmp_path):
    window.open_path(example(tmp_path))
    tree = window.navigator.tree
    assert tree.columnCount() == 1
    interface = QAccessible.queryAccessibleInterface(tree)
    assert interface.role() == QAccessible.Role.Tree
    names = [i.text(QAccessible.Text.Name) for i in walk(interface) if i is not interface]
    assert all(name and not name.isdigit() for name in names), names
    first = window.session.questionnaire.domains[0]
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    domain = next(item for item in items if item.text(0).endswith(first.title))
    assert domain.childCount() > 1 and domain.child(0).parent() is domain
    assert domain.data(0, Qt.ItemDataRole.AccessibleTextRole).endswith("answered")
    assert domain.child(0).toolTip(0).endswith(first.questions[0].prompt)  # the full title on hover


def test_progress_is_said_as_answered_out_of_all(window, tmp_path):
    window.open_path(example(tmp_path))
    done, total = window.session.progress()
    interface = QAccessible.queryAccessibleInterface(window.bar.progress)
    assert interface.text(QAccessible.Text.Name) == f"{done} of {total} answered"
    assert interface.role() == QAccessible.Role.ProgressBar
    assert interface.valueInterface() is None  # no "95 percent"


def test_a_save_problem_and_its_end_are_announced_as_a_notification(window, tmp_path):
    path = example(tmp_path)
    window.open_path(path)
    held = path.parent.rename(path.parent.with_name("elsewhere"))
    window.session.set_about("team", "East")
    window.saver.save_now()
    announcer = a11y.announcer(window)
    assert announcer.said == [window.bar.state.text()] and "could not be saved" in announcer.said[0]
    interface = QAccessible.queryAccessibleInterface(announcer)
    assert interface.role() == QAccessible.Role.Notification  # Orca speaks it as it is shown
    assert interface.text(QAccessible.Text.Name) == announcer.said[0] and announcer.isVisible()
    state = QAccessible.queryAccessibleInterface(window.bar.state)
    assert state.text(QAccessible.Text.Description) == window.bar.state.text()  # never a stale "Saved"
    held.rename(path.parent)
    window.session.set_about("team", "East 2")
    window.saver.save_now()
    assert len(announcer.said) == 2 and announcer.said[1].startswith("\u2713 Take a break: everything is saved.")


def test_a_question_is_introduced_once_as_the_focus_enters_its_answers(window, tmp_path):
    window.open_path(example(tmp_path))
    q = window.session.questionnaire
    critical = next(x for x in q.questions() if x.critical is not None)
    window.go(s.question_page(critical.id))
    page = window.pages["question"]
    domain, number = window.session.position(critical.id)
    box = QAccessible.queryAccessibleInterface(page.answers).text(QAccessible.Text.Name)
    assert QAccessible.queryAccessibleInterface(page.answer_box).text(QAccessible.Text.Name) == "Your answer"
    assert box.startswith(f"{domain.title}: question {number} of {len(domain.questions)}. {critical.prompt}")
    assert "This question is about" in box and "holds back the readiness stage" in box
    assert box.count(critical.prompt) == 1
    prompt = QAccessible.queryAccessibleInterface(page.prompt)
    assert not page.prompt.focusPolicy() & Qt.FocusPolicy.TabFocus and prompt.role() == QAccessible.Role.Heading


def test_why_this_matters_is_a_button_whose_text_is_read_at_once(window, tmp_path, qtbot):
    window.open_path(example(tmp_path))
    window.go(s.question_page("power-agenda"))
    page = window.pages["question"]
    button = QAccessible.queryAccessibleInterface(page.why_button)
    assert button.role() == QAccessible.Role.PushButton and not button.state().checkable
    page.why_button.setFocus()
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: focus() is page.why)
    assert page.why.isVisible()
    why = QAccessible.queryAccessibleInterface(page.why)
    assert why.role() == QAccessible.Role.Paragraph
    question = window.session.questionnaire.question("power-agenda")
    from coprod_check.gui.question_extras import why_text

    assert why.text(QAccessible.Text.Name) == " ".join(why_text(question).split())  # with its sources
    page.why_button.setFocus()
    press(Qt.Key.Key_Space)
    assert not page.why.isVisible()


@pytest.mark.parametrize("kind", ["heading", "paragraph", "notification", "progress", "chart", "group"])
def test_a_role_given_is_the_role_screen_readers_get(qtbot, kind):
    from PySide6.QtWidgets import QLabel

    label = QLabel("Some words")
    qtbot.addWidget(label)
    a11y.set_role(label, kind)
    assert QAccessible.queryAccessibleInterface(label).role() == getattr(QAccessible.Role, a11y.ROLE_NAMES[kind])
    assert QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name) == "Some words"


def test_the_next_question_is_introduced_even_though_the_focus_stays_in_the_answers(window, tmp_path, qtbot):
    """Orca names the answers' group only as the focus enters it; from question to question the
    focus stays in it, so the introduction is announced."""
    window.open_path(example(tmp_path))
    window.go(s.ABOUT_PAGE)
    announcer = a11y.announcer(window)
    window.go(s.question_page("power-agenda"))  # the focus comes from outside: heard as it enters
    qtbot.wait(20)
    heard = len(announcer.said)
    window.go(s.question_page("power-timing"))
    page = window.pages["question"]
    qtbot.waitUntil(lambda: len(announcer.said) > heard)
    said = announcer.said[-1]
    assert said.startswith(page.answers.accessibleName()) and "question 2 of" in said
    assert "holds back the readiness stage" in said and said.endswith(focus().accessibleName())


def test_the_start_page_is_read_in_order_by_tab(make_window, home):
    from coprod_check.app import catalogue as c

    folder = c.user_questionnaire_dir()
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("id: [unfinished\n")
    window = make_window()
    start = window.start
    assert start.unusable.isVisible()
    check(window)
    start.intro.setFocus()
    order = []
    for _ in range(8):
        order.append(focus())
        press(Qt.Key.Key_Tab)
    expected = [start.intro, start.questionnaire, start.description, start.unusable.label, start.new_button]
    assert order[: len(expected)] == expected
