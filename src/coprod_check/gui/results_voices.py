"""The parts of the results page for several voices and several rounds.

"Where we see it differently" (a group only): the questions people disagree on,
widest first, and the gaps between people with and without lived experience,
largest first. "Since last time" (a later round only): each domain then and
now, care and with, and the stage, with every reason. Nothing about a group
smaller than `min_group_size` is shown: the domain leaves its figures out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coprod_check.app import session as s
from coprod_check.domain.group import DISAGREEMENT_RANGE, who_took_part
from coprod_check.domain.rounds import compare
from coprod_check.domain.wording import long_date, not_shown_group, stage_sentence, words
from coprod_check.gui import voices
from coprod_check.gui.widgets import NoteBox, form_label, heading, text_label
from coprod_check.i18n import _, ngettext

NOBODY_WITH_LIVED_EXPERIENCE = _(
    "Nobody who took part said they have lived experience of mental health difficulties. An "
    "assessment of co-production made without them is itself a finding: it is worth noting why, "
    "and inviting colleagues or partners with lived experience next time, paid for their time."
)


def took_part_text(session: s.Session) -> tuple[str, bool]:
    """Who took part in a group, with counts too small to show left out; and whether nobody
    with lived experience did."""
    counts = who_took_part(session.questionnaire, session.assessment)
    total = counts["total"]["people"] or 0
    lived = counts["lived_experience"]
    roles = counts["roles"]
    words = s.LIVED_EXPERIENCE_WORDS
    role_words = []
    for role, count in roles.items():
        perspective = session.questionnaire.perspective(role)
        role_words.append(
            _("{role} ({count})").format(
                role=perspective.label if perspective else role, count=voices.count_words(count)
            )
        )
    text = ngettext(
        "{count} person took part, each answering on their own. Lived experience of mental health "
        "difficulties: {lived}. Roles: {roles}.",
        "{count} people took part, each answering on their own. Lived experience of mental health "
        "difficulties: {lived}. Roles: {roles}.",
        total,
    ).format(
        count=total,
        lived=", ".join(
            _("{answer} ({count})").format(answer=words.get(key, key).lower(), count=voices.count_words(lived[key]))
            for key in words
            if key in lived
        ),
        roles=", ".join(role_words),
    )
    if any(v is None for v in (*lived.values(), *roles.values())):
        text += _(
            " A count is not shown where fewer than {min_group_size} people are in a group "
            "(and neither is the next smallest, so it cannot be worked out from the total)."
        ).format(min_group_size=session.min_group_size)
    return text, bool(total) and "yes" not in lived


class DifferencesSection(QWidget):
    """Where we see it differently; emits `go(page)` when a question is chosen."""

    go = Signal(str)

    def __init__(self, session: s.Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(_("Where we see it differently"), 2))
        layout.addWidget(
            text_label(
                _(
                    "People who do the same work often see it differently, and people with lived experience "
                    "often see it differently again. That difference is a finding, not a mistake to hide."
                )
            )
        )
        self.too_few = text_label()
        layout.addWidget(self.too_few)
        self.questions_intro = text_label()
        layout.addWidget(self.questions_intro)
        self.questions = QListWidget()
        self.questions.setWordWrap(True)
        self.questions.setAccessibleDescription(_("Widest disagreement first. Press Enter to go to the question."))
        self.questions_label = form_label(_("Questions people &disagree on:"), self.questions)
        layout.addWidget(self.questions_label)
        layout.addWidget(self.questions)
        layout.addWidget(heading(_("Between people with and without lived experience"), 3))
        self.gaps = text_label()
        layout.addWidget(self.gaps)
        self.questions.itemActivated.connect(self._go)

    def refresh(self) -> None:
        """Work the differences out again from everyone's answers."""
        session = self.session
        q, group, size = session.questionnaire, session.assessment, session.min_group_size
        few = len(group.responses) < size
        self.too_few.setVisible(few)
        self.too_few.setText(
            _(
                "Fewer than {size} people took part, so how their answers differ is not shown, "
                "to keep each person's answers private."
            ).format(size=size)
        )
        flagged = [] if few else session.disagreements()
        self.questions.clear()
        for found in flagged:
            item = QListWidgetItem(voices.disagreement_line(q, found))
            item.setData(Qt.ItemDataRole.UserRole, s.question_page(found.question_id))
            self.questions.addItem(item)
        apart = _("{DISAGREEMENT_RANGE} or more levels apart").format(DISAGREEMENT_RANGE=words(DISAGREEMENT_RANGE))
        self.questions_intro.setVisible(not few)
        self.questions_intro.setText(
            ngettext(
                "{count} question has answers {apart}, widest first.",
                "{count} questions have answers {apart}, widest first.",
                len(flagged),
            ).format(count=len(flagged), apart=apart)
            if flagged
            else _("No question has answers {apart}.").format(apart=apart)
        )
        for widget in (self.questions_label, self.questions):
            widget.setVisible(bool(flagged))
        if flagged:
            self.questions.setCurrentRow(0)
            self.questions.setFixedHeight(min(len(flagged), 6) * (self.questions.sizeHintForRow(0) + 2) + 8)
        self.gaps.setText(self._gaps_text(few))

    def _gaps_text(self, few: bool) -> str:
        session = self.session
        size = session.min_group_size
        if few:
            return not_shown_group(size) + "."
        if not any(r.participant.lived_experience == "yes" for r in session.assessment.responses):
            return _("Nobody with lived experience took part, so there is nothing to compare.")
        gaps = session.lived_experience_gaps()
        lines = [voices.gap_line(g, size) for g in gaps]
        return _(
            "The average domain score of people with lived experience, and of people without, largest "
            "gap first. People who preferred not to say are in neither group.\n"
        ) + "\n".join(lines)

    def tab_sequence(self) -> list[QWidget]:
        """The section's inputs in tab order."""
        return [self.questions]

    @Slot(QListWidgetItem)
    def _go(self, item: QListWidgetItem) -> None:
        self.go.emit(item.data(Qt.ItemDataRole.UserRole))


class SinceSection(QWidget):
    """Since last time: what changed, per domain and overall, and the stage with the reasons."""

    def __init__(self, session: s.Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(_("Since last time"), 2))
        self.lead = text_label()
        layout.addWidget(self.lead)
        self.stage = heading("", 3)
        layout.addWidget(self.stage)
        self.reasons = text_label()
        layout.addWidget(self.reasons)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Score"), _("Last time"), _("Now"), _("Change")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleDescription(_("Each row: a score last time, now, and the change."))
        self.table_label = form_label(_("Scores &then and now (out of 100):"), self.table)
        layout.addWidget(self.table_label)
        layout.addWidget(self.table)
        self.not_comparable = NoteBox()
        layout.addWidget(self.not_comparable)
        self.reviewed = text_label()
        layout.addWidget(self.reviewed)

    def refresh(self) -> None:
        """Compare last time's findings with the answers as they are now."""
        session = self.session
        previous = session.assessment.previous
        if previous is None:
            return
        c = compare(session.questionnaire, previous, session.assessment)
        when = (
            _("the assessment of {long_date}").format(long_date=long_date(c.before_date, ""))
            if c.before_date
            else _("last time")
        )
        self.lead.setText(
            _(
                "Compared with {when}. Changes are worked out from the unrounded scores, then "
                "rounded, so one may differ by 1 from the whole numbers shown."
            ).format(when=when)
        )
        self.stage.setText(stage_sentence(c))
        self.reasons.setText(
            "\n".join(f"\u2022 {reason}" for reason in c.reasons)
            if c.reasons
            else _("Nothing holds the stage back now, and nothing did last time.")
        )
        rows = [voices.change_row(x) for x in (c.overall, c.care, c.with_, *c.domains)]
        self.table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            title, before, after, change = values
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    _("{title}: last time {before}, now {after}, change {change}").format(
                        title=title, before=before, after=after, change=change
                    )
                    if column == 0
                    else value,
                )
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        height = sum(self.table.rowHeight(r) for r in range(len(rows)))
        self.table.setFixedHeight(height + self.table.horizontalHeader().height() + self.table.frameWidth() * 2 + 2)
        self.table.setCurrentCell(0, 0)
        self.reviewed.setText(
            _(
                "Last time\u2019s plan: {reviewed_words} The reviews are on the page \u201cLast time\u2019s plan\u201d."
            ).format(reviewed_words=voices.reviewed_words(session.assessment))
            if previous.actions
            else _("Last time\u2019s plan had no actions to review.")
        )
        version = previous.questionnaire_version
        self.not_comparable.setVisible(version != session.questionnaire.version)
        self.not_comparable.set_text(
            _(
                "Last time used version {version} of the questionnaire, and this time uses version "
                "{version2}. Questions that changed may account for some of the difference."
            ).format(version=version, version2=session.questionnaire.version)
        )

    def tab_sequence(self) -> list[QWidget]:
        """The section's inputs in tab order."""
        return [self.table]
