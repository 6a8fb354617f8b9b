"""Results: the readiness stage and what holds it back, care and with, each domain, what is unknown.

Written so it reads top to bottom as plain sentences; the charts repeat the
numbers the text gives, so nothing is only in a picture.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from coprod_check.app import session as s
from coprod_check.domain import headline as h
from coprod_check.domain.scoring import Result
from coprod_check.gui.charts import DomainChart, QuadrantChart
from coprod_check.gui.reading import Paragraphs, paragraph, readable_notes, reading_order, section_heading
from coprod_check.gui.results_voices import (
    NOBODY_WITH_LIVED_EXPERIENCE,
    DifferencesSection,
    SinceSection,
    took_part_text,
)
from coprod_check.gui.widgets import NoteBox, form_label, heading, plain_tooltip, scrolled_column
from coprod_check.i18n import _, ngettext


def out_of_100(value: float | None) -> str:
    """ "62 of 100", or "not known yet" (the words every output uses)."""
    return h.out_of_100(value)


class _StageWords:
    """The readiness stage section read as one text (what tests and summaries compare)."""

    def __init__(self, page: ResultsPage):
        self.page = page

    def text(self) -> str:
        """The description, then each paragraph of what holds the stage back."""
        return "\n".join(x for x in (self.page.stage_description.text(), self.page.held.text()) if x)


class ResultsPage(QWidget):
    """Emits `go(page)` when the person picks a question to answer.

    The page reads as a document: each section's heading and each of its paragraphs is a Tab
    stop, in the order they are on the page (gui/reading.py), and each chart is named with
    everything it shows.
    """

    go = Signal(str)

    def __init__(self, session: s.Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.scroller, layout = scrolled_column(self)
        layout.addWidget(heading(_("Results"), 1))
        self.completeness = paragraph()
        self.partial = NoteBox()
        layout.addWidget(self.partial)

        # The headline first: where the two axes put the organisation, both sides of a group,
        # then the stage and everything that holds it back.
        self.where_heading = section_heading(_("Where this puts you"))
        layout.addWidget(self.where_heading)
        self.place_title = heading("", 3)
        layout.addWidget(self.place_title)
        self.quadrant = paragraph()
        layout.addWidget(self.quadrant)
        self.warning = NoteBox()
        layout.addWidget(self.warning)
        self.views_heading = section_heading(_("With and without lived experience"))
        self.views = Paragraphs()
        layout.addWidget(self.views_heading)
        layout.addWidget(self.views)

        layout.addWidget(self.completeness)  # what the result rests on, after the headline
        self.stage_heading = section_heading(_("Readiness stage"))
        layout.addWidget(self.stage_heading)
        self.stage_title = heading("", 3)
        layout.addWidget(self.stage_title)
        self.stage_description = paragraph()
        layout.addWidget(self.stage_description)
        self.held_heading = section_heading(_("What holds it back"), 3)
        layout.addWidget(self.held_heading)
        self.held = Paragraphs()
        layout.addWidget(self.held)

        layout.addWidget(section_heading(_("Care and working with")))
        self.axes = Paragraphs()
        layout.addWidget(self.axes)
        self.quadrant_chart = QuadrantChart()
        self.quadrant_chart.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # named with all it shows
        layout.addWidget(self.quadrant_chart)

        layout.addWidget(section_heading(_("By domain")))
        self.overall = paragraph()
        layout.addWidget(self.overall)
        self.domain_chart = DomainChart()
        self.domain_chart.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # named with every domain's score
        layout.addWidget(self.domain_chart)

        self.since = SinceSection(session) if session.assessment.previous is not None else None
        self.differences = DifferencesSection(session) if session.is_group else None
        for section in (self.since, self.differences):
            if section is not None:
                layout.addWidget(section)
        if self.differences is not None:
            self.differences.go.connect(self.go)

        layout.addWidget(section_heading(_("What is still unknown")))
        self.unknown = paragraph()
        layout.addWidget(self.unknown)
        self.unknown_list = QListWidget()
        self.unknown_list.setAccessibleDescription(_("Press Enter to go to the question selected."))
        self.unknown_label = form_label(_("Come back &to these:"), self.unknown_list)
        layout.addWidget(self.unknown_label)
        layout.addWidget(self.unknown_list)

        layout.addWidget(section_heading(_("Who took part")))
        self.people = paragraph()
        layout.addWidget(self.people)
        self.nobody_lived = NoteBox(NOBODY_WITH_LIVED_EXPERIENCE)
        layout.addWidget(self.nobody_lived)
        self.nobody_lived.setVisible(False)
        row = QHBoxLayout()
        self.plan_button = QPushButton(_("Go to the action &plan"))
        self.plan_button.setAutoDefault(True)
        row.addWidget(self.plan_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        for part in (self.partial, self.warning, self.nobody_lived, self.since, self.differences):
            if part is not None:  # the notes, and the sections' headings and paragraphs, are read too
                readable_notes(part, headings=True)
        self.unknown_list.itemActivated.connect(self._go_to_question)
        self.plan_button.clicked.connect(lambda: self.go.emit(s.PLAN_PAGE))

    def tab_sequence(self) -> list[QWidget]:
        """Every heading, paragraph, chart and input, in the order they are on the page."""
        return reading_order(self.scroller.widget())

    def enter(self, page: str) -> None:
        """Work the results out afresh."""
        self.refresh()

    def focus_first(self) -> None:
        """Focus the headline's heading, "Where this puts you" and the place, so that it is the first
        thing a screen reader says; Tab then reads on, paragraph by paragraph."""
        self.where_heading.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroller.ensureWidgetVisible(self.where_heading)

    def refresh(self) -> None:
        """Work the results out again from the answers as they are now."""
        session = self.session
        q = session.questionnaire
        r = session.result()
        text = h.counts_sentence(r) + _(" Scores count only the answers with a level.")
        if session.is_group:
            text += _(
                " For each question the group's level is the one it agreed, or else the median of everyone's answers."
            )
        self.completeness.setText(text)
        missing = r.not_answered
        self.partial.setVisible(missing > 0)
        self.partial.set_text(
            ngettext(
                "{count} question is not answered yet, so these results may "
                "change. They are listed under \u201cWhat is still unknown\u201d.",
                "{count} questions are not answered yet, so these results may "
                "change. They are listed under \u201cWhat is still unknown\u201d.",
                missing,
            ).format(count=missing)
        )
        self._show_stage(r)
        views = h.views_lines(r)
        self.views_heading.setVisible(bool(views))
        self.views.setVisible(bool(views))
        self.views.setText("\n\n".join(views))
        self.axes.setText("\n".join(h.axis_sentence(r, axis) for axis in h.facets(r)))
        self.quadrant_chart.set_result(q, r)
        self.place_title.setText(h.place_title(r))
        self.where_heading.setAccessibleName(_("Where this puts you: {place}").format(place=h.place_title(r)))
        self.quadrant.setText(h.place_sentence(q, r))
        warning = h.burn_out_warning(q, r)
        self.warning.setVisible(bool(warning))
        self.warning.set_text(_("Warning: {warning}").format(warning=warning))
        self.overall.setText(
            _(
                "Overall: {out_of_100}, the average of the domains that have a "
                "score. Each bar shows a domain's score and how its questions were answered."
            ).format(out_of_100=h.out_of_100(r.overall))
        )
        self.domain_chart.set_domains(r.domains)
        for section in (self.since, self.differences):
            if section is not None:
                section.refresh()
        self._show_unknown(r)
        self._show_people()
        self.scroller.verticalScrollBar().setValue(0)

    def _show_stage(self, r: Result) -> None:
        session = self.session
        self.stage_title.setText(h.stage_title(r))
        self.stage_heading.setAccessibleName(_("Readiness stage: {stage}").format(stage=h.stage_title(r)))
        self.stage_description.setText(r.stage.description if r.stage is not None else h.stage_missing(r))
        # (sentence, is it a bullet): each its own paragraph, so each is heard on its own
        blocks: list[tuple[str, bool]] = []
        items = h.held_items(session.questionnaire, session.assessment, r)
        if lead := h.held_back_sentence(r):
            blocks.append((lead, False))
        elif items and not any(x.binding for x in items):
            blocks.append(
                (_("These set a ceiling: until they change, the stage can rise no higher than shown."), False)
            )
        binding = [x for x in items if x.binding]
        others = [x for x in items if not x.binding]
        blocks += [(x.text, True) for x in binding]
        if others and binding:
            blocks.append((_("These would also hold the stage back if the rest improved:"), False))
        blocks += [(x.text, True) for x in others]
        if not items and r.stage is not None:
            blocks.append((_("Nothing holds the stage back."), False))
        self.held_heading.setVisible(bool(blocks))
        self.held.set_blocks(blocks)

    @property
    def stage(self) -> _StageWords:
        """The stage's words as one text: its description and what holds it back."""
        return _StageWords(self)

    def _show_unknown(self, r: Result) -> None:
        q = self.session.questionnaire
        self.unknown_list.clear()
        for qid, status in [
            *((x, s.UNKNOWN) for x in r.unknown_questions),
            *((x, s.UNANSWERED) for x in r.unanswered_questions),
        ]:
            question = q.question(qid)
            if question is None:
                continue
            item = QListWidgetItem(
                _("{status}: {prompt}").format(status=s.STATUS_WORDS[status], prompt=question.prompt)
            )
            item.setData(Qt.ItemDataRole.UserRole, s.question_page(qid))
            item.setToolTip(plain_tooltip(question.prompt))
            self.unknown_list.addItem(item)
        count = self.unknown_list.count()
        if count:
            self.unknown.setText(
                _(
                    "{unknown} and {unanswered}. Not knowing is a finding: each \u201cdon't know\u201d "
                    "becomes an action to find out."
                ).format(
                    unknown=ngettext(
                        "{count} answer is \u201cdon't know\u201d",
                        "{count} answers are \u201cdon't know\u201d",
                        len(r.unknown_questions),
                    ).format(count=len(r.unknown_questions)),
                    unanswered=ngettext(
                        "{count} question is not answered yet",
                        "{count} questions are not answered yet",
                        len(r.unanswered_questions),
                    ).format(count=len(r.unanswered_questions)),
                )
            )
            self.unknown_list.setCurrentRow(0)
            rows = min(count, 8)
            self.unknown_list.setFixedHeight(self.unknown_list.sizeHintForRow(0) * rows + 8)
        else:
            self.unknown.setText(_("Nothing: every question has an answer."))
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
            self.people.setText(_("Nobody is listed yet. You can add people under \u201cAbout this assessment\u201d."))
            return
        lived = sum(1 for p in people if p.lived_experience == "yes")
        roles: dict[str, int] = {}
        for p in people:
            perspective = self.session.questionnaire.perspective(p.role)
            label = perspective.label if perspective else p.role
            roles[label] = roles.get(label, 0) + 1
        text = ngettext(
            "{count} person took part, {lived} with lived experience of mental health difficulties. Roles: {roles}.",
            "{count} people took part, {lived} with lived experience of mental health difficulties. Roles: {roles}.",
            len(people),
        ).format(
            count=len(people),
            lived=lived,
            roles=", ".join(_("{role} ({count})").format(role=label, count=count) for label, count in roles.items()),
        )
        self.people.setText(text)

    @Slot(QListWidgetItem)
    def _go_to_question(self, item: QListWidgetItem) -> None:
        self.go.emit(item.data(Qt.ItemDataRole.UserRole))
