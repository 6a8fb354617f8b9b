"""Several voices in the window: a blank copy, combining responses, and a group's pages.

The groups come from tests/report/voices.py, whose answers are worked out by hand
there; the figures below follow from them.
"""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QListWidget,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

from coprod_check.app import session as s
from coprod_check.app import store
from coprod_check.domain.example import make_example
from coprod_check.domain.group import evaluate
from coprod_check.gui.widgets import PlainLabel
from tests.gui.keys import alt, choose, focus, press, type_text
from tests.gui.test_accessibility import check_page
from tests.report.voices import POWER, builtin, group_of, mixed_group, power, response, seven_people, shown_group


def save(path, assessment):
    path.parent.mkdir(parents=True, exist_ok=True)
    store.save(path, assessment)
    return path


def menu_action(window, text):
    """A File menu action by its words (without the & of its mnemonic)."""
    file_menu = window.menuBar().actions()[0].menu()
    (action,) = [a for a in file_menu.actions() if a.text().replace("&", "").startswith(text)]
    return action


def every_text(root: QWidget) -> str:
    """Everything the window could show or read out: labels, buttons, names, descriptions, tips, rows."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, PlainLabel):
            texts.append(widget.plain_text())
        elif isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                item = widget.item(row)
                texts += [item.text(), item.data(Qt.ItemDataRole.AccessibleTextRole) or "", item.toolTip()]
        if isinstance(widget, QTreeWidget):
            iterator = QTreeWidgetItemIterator(widget)
            while iterator.value():
                item = iterator.value()
                for column in range(widget.columnCount()):
                    texts += [item.text(column), item.data(column, Qt.ItemDataRole.AccessibleTextRole) or ""]
                iterator += 1
        if isinstance(widget, QTableWidget):
            for row in range(widget.rowCount()):
                for column in range(widget.columnCount()):
                    item = widget.item(row, column)
                    if item is not None:
                        texts += [item.text(), item.data(Qt.ItemDataRole.AccessibleTextRole) or ""]
    return "\n".join(t for t in texts if t)


@pytest.fixture
def example_file(tmp_path, home):
    return save(tmp_path / "files" / "northfield.json", make_example(builtin()))


@pytest.fixture
def group_file(tmp_path, home):
    return save(tmp_path / "files" / "group.json", mixed_group())


@pytest.fixture
def shown_file(tmp_path, home):
    """The group without its one person who preferred not to say, so both sides can be shown."""
    return save(tmp_path / "files" / "shown.json", shown_group())


def response_files(tmp_path, people):
    return [save(tmp_path / "responses" / f"person {i}.json", a) for i, a in enumerate(people)]


def seven(tmp_path):
    """The seven responses of mixed_group, as files."""
    return response_files(tmp_path, seven_people())


# -- 1. a blank copy -------------------------------------------------------------------------


def test_a_blank_copy_for_colleagues_keeps_the_organisation_and_nothing_else(window, asked, tmp_path, example_file):
    assert not menu_action(window, "Save a blank copy").isEnabled()  # nothing open yet
    window.open_path(example_file)
    target = tmp_path / "out" / "copy.json"
    target.parent.mkdir()
    asked.answers["BlankCopyDialog"] = (target, "coprod")
    asked.answers["Inform"] = None
    menu_action(window, "Save a blank copy").trigger()
    assert asked.names() == ["BlankCopyDialog", "Inform"]
    suggested = asked.shown[0][1][1]
    assert suggested.parent == example_file.parent and suggested.name.endswith(" blank copy.coprod")
    assert "Send it to each colleague" in asked.shown[1][1][3]
    copy, original = store.load(target), store.load(example_file)
    assert (copy.organisation, copy.team) == (original.organisation, original.team)
    assert copy.answers == {} and copy.participants == [] and not copy.plan.edits and not copy.is_group
    assert window.session.path == example_file  # still working in the original


def test_a_blank_copy_never_replaces_the_open_file(window, asked, example_file):
    window.open_path(example_file)
    window.saver.save_now()
    before = example_file.read_bytes()
    asked.answers["BlankCopyDialog"] = (example_file, "coprod")
    asked.answers["Inform"] = None
    window.save_blank_copy()
    assert asked.names() == ["BlankCopyDialog", "Inform"] and "another name" in asked.shown[1][1][1]
    assert example_file.read_bytes() == before


# -- 2. combining responses -------------------------------------------------------------------


def test_combining_responses_saves_the_group_and_opens_it(window, asked, tmp_path):
    paths = seven(tmp_path)
    target = tmp_path / "group.json"
    asked.answers["ResponsesDialog"] = paths
    asked.answers["SaveAsDialog"] = target
    menu_action(window, "Combine responses").trigger()
    assert asked.names() == ["ResponsesDialog", "SaveAsDialog"]  # no notes: three with lived experience
    assert asked.shown[1][1][1].parent == paths[0].parent
    group = store.load(target)
    assert group.is_group and [r.source for r in group.responses] == [p.name for p in paths]
    session = window.session
    assert session.path == target and session.is_group
    assert window.page == s.RESULTS_PAGE  # every question has a group level: see where people differ
    assert window.recent.load()[0] == target.resolve()


def test_combine_notes_are_shown_before_saving(window, asked, tmp_path):
    paths = response_files(tmp_path, [response(i, "manager", "no", {}) for i in range(3)])
    asked.answers.update(ResponsesDialog=paths, Inform=None, SaveAsDialog=tmp_path / "g.json")
    window.combine_responses()
    assert asked.names() == ["ResponsesDialog", "Inform", "SaveAsDialog"]
    assert "Nobody who said they have lived experience took part" in asked.shown[1][1][3]
    assert window.session.is_group


@pytest.mark.parametrize(
    "spoil, expected",
    [
        ("twice", "is the same response as"),
        ("organisation", "combine responses from one organisation at a time"),
        ("broken", "cannot be read"),
        ("group", "is already a group assessment"),
    ],
)
def test_responses_that_cannot_be_combined_are_explained_and_nothing_is_written(
    window, asked, tmp_path, spoil, expected
):
    paths = response_files(tmp_path, [response(i, "manager", "no", {}) for i in range(3)])
    if spoil == "twice":
        paths.append(paths[0])
    elif spoil == "organisation":
        other = response(3, "staff", "no", {})
        other.organisation = "Elsewhere Trust"
        paths += response_files(tmp_path / "more", [other])
    elif spoil == "broken":
        paths[1].write_text('{"format": "coprod-check-assessment", "format_ver')
    else:
        paths.append(save(tmp_path / "already.json", group_of([response(i, "staff", "no", {}) for i in range(3)])))
    before = sorted(p for p in tmp_path.rglob("*"))
    asked.answers.update(ResponsesDialog=paths, Inform=None)
    window.combine_responses()
    assert asked.names() == ["ResponsesDialog", "Inform"]
    title, text, details = asked.shown[1][1][1:4]
    assert title == "These responses cannot be combined"
    assert expected in text + details and "Nothing has been written." in details
    assert sorted(p for p in tmp_path.rglob("*")) == before
    assert window.session is None


def test_other_questionnaire_versions_are_mapped_only_when_asked(window, asked, tmp_path):
    paths = response_files(tmp_path, [response(i, "manager", "no", {}) for i in range(3)])
    data = json.loads(paths[1].read_text())
    data["questionnaire"]["version"] = "0.9"
    paths[1].write_text(json.dumps(data))
    asked.answers.update(ResponsesDialog=paths, Confirm=False)
    window.combine_responses()
    assert asked.names() == ["ResponsesDialog", "Confirm"]
    assert "person 1.json: version 0.9" in asked.shown[1][1][5]
    assert window.session is None and not list(tmp_path.glob("*.json"))

    asked.shown.clear()
    asked.answers.update(Confirm=True, Inform=None, SaveAsDialog=tmp_path / "g.json")
    window.combine_responses()
    assert asked.names() == ["ResponsesDialog", "Confirm", "Inform", "SaveAsDialog"]
    assert "person 1.json" in asked.shown[2][1][3]  # what mapping did, among the notes
    group = store.load(tmp_path / "g.json")
    assert group.questionnaire_version == builtin().version and len(group.responses) == 3


def test_the_group_is_never_saved_over_a_response(window, asked, tmp_path):
    paths = seven(tmp_path)
    before = paths[2].read_bytes()
    asked.answers.update(ResponsesDialog=paths, SaveAsDialog=paths[2], Inform=None)
    window.combine_responses()
    assert asked.names() == ["ResponsesDialog", "SaveAsDialog", "Inform"]
    assert "would replace person 2.json" in asked.shown[2][1][2]
    assert paths[2].read_bytes() == before and window.session is None


# -- 3. a group's question page ---------------------------------------------------------------


def test_a_group_question_shows_every_answer_and_records_the_agreed_level(window, asked, qtbot, group_file):
    assert window.open_path(group_file)
    session = window.session
    window.go(s.question_page("power-agenda"))
    page = window.pages["question"]
    lines = page.spread_text.plain_text().splitlines()
    # Agenda: doing to (P1, P3), doing for (P5), asking (P6), sharing (P2), doing with (P0, P4).
    assert lines == [
        "7 people answered this question:",
        "Doing to: 2 people",
        "Doing for: 1 person",
        "Asking: 1 person",
        "Sharing: 1 person",
        "Doing with / led by: 2 people",
        "Median: Asking.",
        "Range: from Doing to to Doing with / led by (4 levels apart).",
    ]
    assert page.disagree.isVisible() and "People disagree here" in page.disagree.label.text()
    assert "two or more levels apart" in page.disagree.label.text()
    assert not page.dont_know.isVisible() and not page.not_applicable.isVisible()
    assert page.answer_box.title() == "The level the group agreed"
    assert "scoring uses the median of everyone's answers: Asking" in page.agreed_state.text()
    assert not page.reason.isEnabled()
    assert isinstance(focus(), QAbstractButton) and focus() is page.level_buttons[0]
    check_page(window)

    choose(3)  # sharing, by keyboard
    assert session.assessment.agreed["power-agenda"].level == "sharing"
    assert session.view().answer("power-agenda").choice == "sharing"
    assert "Agreed by the group: Sharing" in page.agreed_state.text()
    assert "The median of everyone's answers is Asking" in page.agreed_state.text()
    assert page.reason.isEnabled()
    alt("r")
    assert focus() is page.reason
    type_text("We talked it through & <agreed>.")
    alt("t")
    assert focus() is page.note
    type_text("The group's own note.")
    qtbot.waitUntil(lambda: not session.unsaved, timeout=2000)
    saved = store.load(group_file)
    assert saved.agreed["power-agenda"].reason == "We talked it through & <agreed>."
    own = saved.answers["power-agenda"]
    assert own.note == "The group's own note." and own.choice is None
    assert all(r.answers["power-agenda"].note.startswith("individual note") for r in saved.responses)

    page.focus_answer()
    alt("l")  # clear: back to the median, and the page says so
    assert "power-agenda" not in session.assessment.agreed
    assert page.agreed_state.text().startswith(
        "The agreed level is cleared. No level agreed yet, so scoring uses the median of everyone's answers: Asking."
    )
    assert not page.reason.isEnabled() and page.group.checkedId() < 0
    assert session.view().answer("power-agenda").choice == "asking"
    qtbot.waitUntil(lambda: not session.unsaved, timeout=2000)
    assert "power-agenda" not in store.load(group_file).agreed
    choose(1)  # agreed again: the reason typed earlier comes back with it
    assert session.assessment.agreed["power-agenda"].reason == "We talked it through & <agreed>."


def session_view_choice(window, question_id):
    return window.session.view().answer(question_id).choice


def test_a_question_too_few_people_answered_shows_no_figures(window, group_file):
    group = store.load(group_file)
    for r in group.responses[:5]:
        del r.answers["power-support"]  # only P5 (doing for) and P6 (doing with) answer it
    store.save(group_file, group)
    window.open_path(group_file)
    window.go(s.question_page("power-support"))
    page = window.pages["question"]
    assert page.spread_text.plain_text() == (
        "Not shown: fewer than 3 people gave a level for this question, so nobody can be picked out. "
        "It is not scored until the group agrees a level."
    )
    assert session_view_choice(window, "power-support") is None  # P5's and P6's answers do not show through
    assert not page.disagree.isVisible()
    assert page.agreed_state.text().endswith(
        "No level agreed yet. Fewer than 3 people gave a level, so none is shown, and this question is not "
        "scored until the group agrees one."
    )
    shown = every_text(window)
    assert "Median" not in shown and not re.search(r"(Doing for|Doing with / led by): \d", shown)


def test_a_group_is_scored_and_planned_as_its_group_view(window, group_file):
    window.open_path(group_file)
    session = window.session
    q, group = session.questionnaire, session.assessment
    assert session.result() == evaluate(q, group)
    assert session.status("power-timing") == s.ANSWERED  # agreed "doing for" in the file
    window.go(s.PLAN_PAGE)
    plan = window.pages[s.PLAN_PAGE]
    origins = []
    for row in range(plan.list.count()):
        plan.list.setCurrentRow(row)
        origins.append(plan.origin.text())
    assert any("(the group's level, agreed by the group: Doing for)" in o for o in origins)
    assert any("(the group's level, the median of everyone's answers: " in o for o in origins)
    assert not any("your answer" in o for o in origins)


def test_a_group_about_page_lists_nobody(window, group_file):
    window.open_path(group_file)
    window.go(s.ABOUT_PAGE)
    about = window.pages[s.ABOUT_PAGE]
    assert about.rows == [] and not about.add_button.isVisible() and not about.finding.isVisible()
    assert "Person 0" not in every_text(window)  # names stay in the file
    check_page(window)


# -- 4. where we see it differently --------------------------------------------------------------


def test_the_results_of_a_group_show_where_people_differ(window, group_file):
    window.open_path(group_file)
    window.go(s.RESULTS_PAGE)
    results = window.pages[s.RESULTS_PAGE]
    section = results.differences
    assert section is not None and section.isVisible()
    rows = [section.questions.item(i).text() for i in range(section.questions.count())]
    # Widest first: agenda (4 levels), support (3), then the other five power questions (2) in
    # questionnaire order.
    assert [r.split("?")[0] for r in rows] == [
        builtin().question(x).prompt.split("?")[0]
        for x in ("power-agenda", "power-support", "power-timing", "power-disagreement", *POWER[4:])
    ]
    assert "(4 levels apart); median Asking. No level agreed yet." in rows[0]
    assert rows[2].endswith("Agreed by the group: Doing for.")
    # One person preferred not to say: the two sides' figures would give their answers away
    gaps = section.gaps.plain_text()
    assert "points lower" not in gaps and "people with lived experience 28" not in gaps
    # Lived experience: yes 3, no 3, prefer not to say 1 (hidden, and so is the next smallest).
    people = results.people.plain_text()
    assert people.startswith("7 people took part")
    assert "yes (3), no (not shown), prefer not to say (not shown)" in people
    assert "Partner with lived experience (not shown)" in people and "Manager or team lead (3)" in people
    assert "Colleague with lived experience (not shown)" in people
    assert not results.nobody_lived.isVisible()
    stage = results.stage.text()
    assert "The group\u2019s level (agreed by the group: Doing for)." in stage
    # Their side cannot be shown, so anyone's concern on a critical question holds the stage
    assert "Someone who took part rated this below \u201cAsking\u201d" in stage
    assert "cannot be shown apart without identifying someone" in results.views.text()
    check_page(window)
    assert focus() is results.where_heading
    for _ in range(60):
        if focus() is section.questions:
            break
        press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Return)
    assert window.page == s.question_page("power-agenda")


def test_a_group_shows_both_sides_and_reads_them_first(window, shown_file):
    window.open_path(shown_file)
    window.go(s.RESULTS_PAGE)
    results = window.pages[s.RESULTS_PAGE]
    section = results.differences
    gaps = section.gaps.plain_text().splitlines()
    assert gaps[1] == (
        "Power and decisions: people with lived experience 28, people without 71. "
        "With lived experience: 43 points lower."
    )
    assert all(line.endswith("With lived experience: the same.") for line in gaps[2:])
    assert "The group\u2019s level (agreed by the group: Doing for)." in results.stage.text()
    # Patchy support (care 48) is little support on 2.0's support scale: "Excluding", not "Caring for".
    assert "With lived experience (3 people): Excluding, stage \u201cStarting out\u201d" in results.views.text()
    check_page(window)
    # The headline first, named with its heading, so a screen reader says it before anything else;
    # Tab then reads on through the result, both sides of the group, to the widest disagreement.
    assert focus() is results.where_heading
    spoken = []
    while focus() is not section.questions and len(spoken) < 60:
        interface = QAccessible.queryAccessibleInterface(focus())
        spoken.append(interface.text(QAccessible.Text.Name))
        press(Qt.Key.Key_Tab)
    # Patchy support (care 48) is little support on 2.0's support scale: "Excluding", not "Caring for".
    assert spoken[0] == "Where this puts you: Excluding"
    assert spoken[1].startswith("People with lived experience are neither")
    assert spoken[2] == "With and without lived experience"
    assert spoken[3].startswith("With lived experience (3 people): Excluding")
    assert "Readiness stage: Starting out" in spoken and focus() is section.questions


def test_a_group_with_nobody_with_lived_experience_says_so(window, tmp_path, home):
    path = save(tmp_path / "g.json", group_of([response(i, "manager", "no", {}) for i in range(3)]))
    window.open_path(path)
    window.go(s.RESULTS_PAGE)
    results = window.pages[s.RESULTS_PAGE]
    assert results.nobody_lived.isVisible()
    assert "Nobody who took part said they have lived experience" in results.nobody_lived.label.text()
    assert results.differences.gaps.plain_text() == (
        "Nobody with lived experience took part, so there is nothing to compare."
    )
    assert "No question has answers two or more levels apart." in results.differences.questions_intro.text()


def test_a_group_smaller_than_the_minimum_shows_no_differences(window, tmp_path, home):
    people = [response(0, "manager", "no", power("doing-to")), response(1, "manager", "yes", power("doing-with"))]
    path = save(tmp_path / "g.json", group_of(people))
    window.open_path(path)
    window.go(s.RESULTS_PAGE)
    section = window.pages[s.RESULTS_PAGE].differences
    assert section.too_few.isVisible() and not section.questions.isVisible()
    assert section.gaps.plain_text() == "Not shown: fewer than 3 people in a group."


def small_group():
    """Five people; only two with lived experience, and only those two answer "power-support".

    Hidden everywhere: their spread on that question (doing with, sharing), their domain
    average (87.5 on power, against 50), and the counts of 2 (yes), 1 (lived-experience
    colleague, partner) and 3 (no: the next smallest, else 5 - 2 gives it away).
    """
    people = [response(i, "manager", "no", {}) for i in range(3)]
    for person in people:
        del person.answers["power-support"]
    people += [
        response(3, "lived-experience-colleague", "yes", power("doing-with")),
        response(4, "partner", "yes", power("sharing")),
    ]
    return group_of(people)


def test_no_figure_of_a_small_group_is_shown_anywhere(window, tmp_path, home):
    path = save(tmp_path / "small.json", small_group())
    window.open_path(path)
    session = window.session
    assert session.spread("power-support").suppressed
    on_its_page = [  # counts per level, median and range of the two answers to power-support
        re.compile(r"(Missing|Hard to get|Patchy|Reliable|Fits each person): \d"),  # a care question
        re.compile(r"Median: (Reliable|Fits each person)"),
        re.compile(r"Range: from (Reliable|Fits each person)"),
        re.compile(r"\b2 people answered"),
        re.compile(r"median of everyone's answers: (Reliable|Fits each person)"),
    ]
    forbidden = [
        re.compile(r"people with lived experience \d"),
        re.compile(r"people without \d"),
        re.compile(r"\b(8[78]|3[78]) points?"),
        re.compile(r"(lower|higher)\.$", re.M),  # their average, gap
        re.compile(r"yes \(\d"),
        re.compile(r"no \(\d"),
        re.compile(r"\((1|2)\)"),
        re.compile(r"\b2 people took part|\b1 person took part"),
    ]
    seen = []
    for page in session.pages():
        window.go(page)
        if page == s.PLAN_PAGE:
            plan = window.pages[s.PLAN_PAGE]
            for row in range(plan.list.count()):
                plan.list.setCurrentRow(row)
                seen.append(every_text(window))
        seen.append(every_text(window))
        if page == s.question_page("power-support"):
            assert "Not shown: fewer than 3 people gave a level" in seen[-1]
            for pattern in on_its_page:
                assert not pattern.search(seen[-1]), (pattern.pattern, pattern.search(seen[-1]))
    text = "\n".join(seen)
    for pattern in forbidden:
        found = pattern.search(text)
        assert not found, (pattern.pattern, text[max(0, found.start() - 200) : found.end() + 50])
    results = window.pages[s.RESULTS_PAGE]
    assert "yes (not shown), no (not shown)" in results.people.plain_text()
    assert "Power and decisions: Not shown: fewer than 3 people in a group." in (results.differences.gaps.plain_text())


def test_group_pages_are_built_again_for_a_single_assessment(window, group_file, example_file):
    """Pages belong to one assessment: opening a single one after a group shows its own answer box."""
    window.open_path(group_file)
    window.go(s.question_page("power-agenda"))
    window.open_path(example_file)
    window.go(s.question_page("power-agenda"))
    page = window.pages["question"]
    assert page.answer_box.title() == "Your answer" and not page.everyone.isVisible()
    assert page.dont_know.isVisible()
    assert QApplication.activeWindow() is window
