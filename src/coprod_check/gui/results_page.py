"""Results: the readiness stage and what holds it back, care and with, each domain, what is unknown.

Written so it reads top to bottom as plain sentences; the charts repeat the
numbers the text gives, so nothing is only in a picture.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from coprod_check.domain.scoring import Result
from coprod_check.gui import session as s
from coprod_check.gui.charts import DomainChart, QuadrantChart, score_text
from coprod_check.gui.results_voices import (
    NOBODY_WITH_LIVED_EXPERIENCE,
    DifferencesSection,
    SinceSection,
    took_part_text,
)
from coprod_check.gui.widgets import NoteBox, form_label, heading, plain_tooltip, scrolled_column, text_label
from coprod_check.wording import plural


def out_of_100(value: float | None) -> str:
    """"62 out of 100", or "not scored yet"."""
    return score_text(value) if value is None else f"{value:.0f} out of 100"


class ResultsPage(QWidget):
    """Emits `go(page)` when the person picks a question to answer."""

    go = Signal(str)

    def __init__(self, session: s.Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.scroller, layout = scrolled_column(self)
        layout.addWidget(heading("Results", 1))
        self.completeness = text_label()
        layout.addWidget(self.completeness)
        self.partial = NoteBox()
        layout.addWidget(self.partial)

        layout.addWidget(heading("Readiness stage", 2))
        self.stage_title = heading("", 3)
        self.stage = text_label(rich=True)
        layout.addWidget(self.stage_title)
        layout.addWidget(self.stage)

        layout.addWidget(heading("Care and working with", 2))
        self.axes = text_label()
        layout.addWidget(self.axes)
        self.quadrant_chart = QuadrantChart()
        layout.addWidget(self.quadrant_chart)
        self.quadrant = text_label()
        layout.addWidget(self.quadrant)

        layout.addWidget(heading("By domain", 2))
        self.overall = text_label()
        layout.addWidget(self.overall)
        self.domain_chart = DomainChart()
        layout.addWidget(self.domain_chart)

        self.since = SinceSection(session) if session.assessment.previous is not None else None
        self.differences = DifferencesSection(session) if session.is_group else None
        for section in (self.since, self.differences):
            if section is not None:
                layout.addWidget(section)
        if self.differences is not None:
            self.differences.go.connect(self.go)

        layout.addWidget(heading("What is still unknown", 2))
        self.unknown = text_label()
        layout.addWidget(self.unknown)
        self.unknown_list = QListWidget()
        self.unknown_list.setAccessibleDescription("Press Enter to go to the question selected.")
        self.unknown_label = form_label("Come back &to these:", self.unknown_list)
        layout.addWidget(self.unknown_label)
        layout.addWidget(self.unknown_list)

        layout.addWidget(heading("Who took part", 2))
        self.people = text_label()
        layout.addWidget(self.people)
        self.nobody_lived = NoteBox(NOBODY_WITH_LIVED_EXPERIENCE)
        layout.addWidget(self.nobody_lived)
        self.nobody_lived.setVisible(False)
        row = QHBoxLayout()
        self.plan_button = QPushButton("Go to the action &plan")
        self.plan_button.setAutoDefault(True)
        row.addWidget(self.plan_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.unknown_list.itemActivated.connect(self._go_to_question)
        self.plan_button.clicked.connect(lambda: self.go.emit(s.PLAN_PAGE))

    def tab_sequence(self) -> list[QWidget]:
        """The page's inputs in tab order."""
        sections = [w for x in (self.since, self.differences) if x is not None for w in x.tab_sequence()]
        return [*sections, self.unknown_list, self.plan_button]

    def focus_first(self) -> None:
        """Focus the first thing to act on: where people disagree, what is unknown, or the plan."""
        disagreed = self.differences.questions if self.differences is not None else None
        for target in (disagreed, self.unknown_list):
            if target is not None and target.isVisibleTo(self) and target.count():
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.plan_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        """Work the results out again from the answers as they are now."""
        session = self.session
        r = session.result()
        who = "The group has" if session.is_group else "You have"
        self.completeness.setText(
            f"{who} answered {r.answered} of {plural(r.total, 'question')} ({r.completeness:.0%}): "
            f"{r.unknown} \u201cdon't know\u201d and {r.not_applicable} not applicable. "
            "Scores count only the questions answered with a level.")
        if session.is_group:
            self.completeness.setText(
                self.completeness.text() + " For each question the group's level is the one it agreed, "
                "or else the median of everyone's answers.")
        missing = r.total - r.answered
        self.partial.setVisible(missing > 0)
        self.partial.set_text(
            f"{plural(missing, 'question is', 'questions are')} not answered yet, so these results may "
            "change. They are listed under \u201cWhat is still unknown\u201d.")
        self._show_stage(r)
        self.axes.setText(f"Care (the support people are given): {out_of_100(r.care)}. "
                          f"With (working with people, sharing power): {out_of_100(r.with_)}. "
                          "Each is high from 50.")
        self.quadrant_chart.set_result(r)
        if r.quadrant is None:
            self.quadrant.setText("Where this puts you: not known yet. Answer at least one care "
                                  "question and one with question.")
        else:
            self.quadrant.setText(f"Where this puts you: {r.quadrant.title}. {r.quadrant.description}")
        self.overall.setText(f"Overall: {out_of_100(r.overall)}, the average of the domain scores. "
                             "Each bar shows a domain's score and how many of its questions are answered.")
        self.domain_chart.set_domains(r.domains)
        for section in (self.since, self.differences):
            if section is not None:
                section.refresh()
        self._show_unknown(r)
        self._show_people()
        self.scroller.verticalScrollBar().setValue(0)

    def _show_stage(self, r: Result) -> None:
        if r.stage is None:
            self.stage_title.setText("Not worked out yet")
            text = ("The stage comes from the questions about working with people. Answer some of "
                    "them to see it.")
        else:
            self.stage_title.setText(r.stage.title)
            text = escape(r.stage.description)
            if r.stage_before_caps is not None and r.stage_before_caps.id != r.stage.id:
                text += (f"<p>The with score alone would reach \u201c{escape(r.stage_before_caps.title)}\u201d. "
                         "These answers hold it back:</p>")
        binding = [c for c in r.caps if c.binding]
        others = [c for c in r.caps if not c.binding]
        if binding:
            if r.stage is None or r.stage_before_caps is None or r.stage_before_caps.id == r.stage.id:
                text += "<p>These answers hold the stage back:</p>"
            text += self._caps(binding, "holds the stage at")
        if others:
            text += ("<p>These answers would also hold the stage back if the rest improved:</p>"
                     + self._caps(others, "would hold it at"))
        if self.session.is_group:
            text = text.replace("These answers hold", "These questions hold").replace(
                "These answers would", "These questions would")
        if not r.caps and r.stage is not None:
            text += "<p>No answer holds the stage back.</p>"
        self.stage.setText(text)

    def _caps(self, caps: list, verb: str) -> str:
        session = self.session

        def answer(c: object) -> str:
            if session.is_group:
                # Never names a level that fewer than min_group_size people gave.
                words = session.group_level_words(c.question_id)  # type: ignore[attr-defined]
                return f"the group's level ({escape(words)})"
            return f"your answer \u201c{escape(c.answer)}\u201d"  # type: ignore[attr-defined]

        items = "".join(
            f"<li>\u201c{escape(c.prompt)}\u201d: {answer(c)} {verb} "
            f"\u201c{escape(c.stage.title)}\u201d. {escape(c.reason)}</li>" for c in caps)
        return f"<ul>{items}</ul>"

    def _show_unknown(self, r: Result) -> None:
        q = self.session.questionnaire
        self.unknown_list.clear()
        for qid, status in [*((x, s.UNKNOWN) for x in r.unknown_questions),
                            *((x, s.UNANSWERED) for x in r.unanswered_questions)]:
            question = q.question(qid)
            if question is None:
                continue
            item = QListWidgetItem(f"{s.STATUS_WORDS[status]}: {question.prompt}")
            item.setData(Qt.ItemDataRole.UserRole, s.question_page(qid))
            item.setToolTip(plain_tooltip(question.prompt))
            self.unknown_list.addItem(item)
        count = self.unknown_list.count()
        if count:
            self.unknown.setText(
                f"{plural(len(r.unknown_questions), 'answer is', 'answers are')} \u201cdon't know\u201d "
                f"and {plural(len(r.unanswered_questions), 'question is', 'questions are')} not answered "
                "yet. Not knowing is a finding: each \u201cdon't know\u201d becomes an action to find out.")
            self.unknown_list.setCurrentRow(0)
            rows = min(count, 8)
            self.unknown_list.setFixedHeight(self.unknown_list.sizeHintForRow(0) * rows + 8)
        else:
            self.unknown.setText("Nothing: every question has an answer.")
        self.unknown_list.setVisible(bool(count))
        self.unknown_label.setVisible(bool(count))

    def _show_people(self) -> None:
        if self.session.is_group:
            text, nobody = took_part_text(self.session)
            self.people.setText(text)
            self.nobody_lived.setVisible(nobody)
            return
        people = self.session.assessment.participants
        if not people:
            self.people.setText("Nobody is listed yet. You can add people under \u201cAbout this assessment\u201d.")
            return
        lived = sum(1 for p in people if p.lived_experience == "yes")
        roles: dict[str, int] = {}
        for p in people:
            perspective = self.session.questionnaire.perspective(p.role)
            label = perspective.label if perspective else p.role
            roles[label] = roles.get(label, 0) + 1
        text = (f"{plural(len(people), 'person', 'people')} took part, {lived} with lived experience of "
                f"mental health difficulties. Roles: "
                + ", ".join(f"{label} ({count})" for label, count in roles.items()) + ".")
        self.people.setText(text)

    @Slot(QListWidgetItem)
    def _go_to_question(self, item: QListWidgetItem) -> None:
        self.go.emit(item.data(Qt.ItemDataRole.UserRole))
