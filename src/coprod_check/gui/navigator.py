"""The navigator: every page of the assessment, with how much of each domain is done.

Each question shows its state by a mark and in words (never by colour), and
screen readers hear the words. Enter or a click goes to the page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coprod_check.app import session as s
from coprod_check.domain.rounds import review_summary
from coprod_check.gui.widgets import form_label, plain_tooltip, set_tab_chain
from coprod_check.gui.wrapping_check import WrappingCheckBox
from coprod_check.i18n import _

MARKS = {
    s.ANSWERED: "\u2713",
    s.UNKNOWN: "?",
    s.NOT_APPLICABLE_STATUS: "\u2013",
    s.UNANSWERED: "\u25cb",
    s.Status.RATHER_NOT: "\u00b7",
}
PAGE_ROLE = Qt.ItemDataRole.UserRole


def counted(title: str, done: int, total: int) -> str:
    """A row with its count first ("✓ 4/4  Power and decisions"), so a narrow pane cuts the title,
    never the count; screen readers hear the row in words (its accessible text)."""
    return f"{chr(0x2713) + ' ' if done == total else ''}{done}/{total}  {title}"


class Navigator(QWidget):
    """A tree of pages; emits `go(page)` when the person picks one."""

    go = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.session: s.Session | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # One column: screen readers meet a tree of domains with their questions as children,
        # each item named in words, with no empty cells and no header named "1".
        self.tree = QTreeWidget()
        self.tree.setColumnCount(1)
        self.tree.setHeaderLabels([_("Contents")])
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleDescription(_("Every part of the assessment. Press Enter to go to the one selected."))
        label = form_label(_("Contents (F6)"), self.tree)
        label.setAccessibleName(_("Contents"))
        self.tree.setAccessibleName(_("Contents"))  # as its label's: Orca said "Contents Contents (F6) tree"
        self.unanswered_only = WrappingCheckBox(_("Only &questions not answered yet"))
        self.next_unanswered = QPushButton(_("Go to ne&xt unanswered"))
        self.next_unanswered.setToolTip(_("Go to the next question not answered yet (Ctrl+U)"))
        self.next_unanswered.setAutoDefault(True)
        layout.addWidget(label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.unanswered_only)
        layout.addWidget(self.next_unanswered)
        set_tab_chain([self.tree, self.unanswered_only, self.next_unanswered])
        self._items: dict[str, QTreeWidgetItem] = {}
        self._domain_items: list[tuple[QTreeWidgetItem, str]] = []
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.unanswered_only.toggled.connect(self.refresh)

    def tab_sequence(self) -> list[QWidget]:
        """The navigator's inputs in tab order."""
        return [self.tree, self.unanswered_only, self.next_unanswered]

    def set_session(self, session: s.Session | None) -> None:
        """Show the pages of this session (or nothing)."""
        self.session = session
        self.tree.clear()
        self._items.clear()
        self._domain_items.clear()
        if session is None:
            return
        self._add(None, s.ABOUT_PAGE, _("About this assessment"))
        if s.REVIEW_PAGE in session.pages():
            self._add(None, s.REVIEW_PAGE, _("Last time\u2019s plan"))
        for domain in session.questionnaire.domains:
            item = QTreeWidgetItem(self.tree)
            first = s.question_page(domain.questions[0].id)
            item.setData(0, PAGE_ROLE, "domain:" + domain.id)
            self._domain_items.append((item, first))
            item.setText(0, domain.title)
            item.setToolTip(0, plain_tooltip(domain.title))
            for question in domain.questions:
                self._add(item, s.question_page(question.id), question.prompt)
        self._add(None, s.RESULTS_PAGE, _("Results"))
        self._add(None, s.PLAN_PAGE, _("Action plan"))
        self.refresh()

    def _add(self, parent: QTreeWidgetItem | None, page: str, text: str) -> None:
        item = QTreeWidgetItem(self.tree) if parent is None else QTreeWidgetItem(parent)
        item.setText(0, text)
        item.setToolTip(0, plain_tooltip(text))
        item.setData(0, PAGE_ROLE, page)
        self._items[page] = item

    @Slot()
    def refresh(self) -> None:
        """Bring every mark and count up to date."""
        session = self.session
        if session is None:
            return
        hide_answered = self.unanswered_only.isChecked()
        review = self._items.get(s.REVIEW_PAGE)
        if review is not None:
            counts = review_summary(session.assessment)
            total = sum(counts.values())
            done = total - counts["not-reviewed"]
            review.setText(0, counted(_("Last time\u2019s plan"), done, total))
            reviewed = _("Last time\u2019s plan: {done} of {total} reviewed").format(done=done, total=total)
            review.setData(0, Qt.ItemDataRole.AccessibleTextRole, reviewed)
            review.setToolTip(0, plain_tooltip(reviewed))
        for (item, _item), domain in zip(self._domain_items, session.questionnaire.domains, strict=True):
            done, total = session.domain_progress(domain)
            item.setText(0, counted(domain.title, done, total))
            answered = _("{title}: {done} of {total} answered").format(title=domain.title, done=done, total=total)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, answered)
            item.setToolTip(0, plain_tooltip(answered))
            if hide_answered:
                item.setExpanded(True)
            for question in domain.questions:
                child = self._items[s.question_page(question.id)]
                status = session.status(question.id)
                child.setText(0, f"{MARKS[status]} {question.prompt}")
                child.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{s.STATUS_WORDS[status]}: {question.prompt}")
                child.setToolTip(0, plain_tooltip(f"{s.STATUS_WORDS[status]}: {question.prompt}"))
                child.setHidden(hide_answered and status != s.UNANSWERED)

    def set_current(self, page: str) -> None:
        """Select the item of `page` without going anywhere; open only its domain."""
        item = self._items.get(page)
        if item is not None:
            parent = item.parent() if s.page_question(page) else None
            if not self.unanswered_only.isChecked():
                for domain_item, _item in self._domain_items:
                    domain_item.setExpanded(domain_item is parent)
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
            self.tree.blockSignals(False)

    @Slot(QTreeWidgetItem, int)
    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        page = item.data(0, PAGE_ROLE)
        if isinstance(page, str) and page.startswith("domain:"):
            page = next(first for domain_item, first in self._domain_items if domain_item is item)
            if self.session is not None:
                # Land on the first unanswered question of the domain, if there is one.
                domain = self.session.questionnaire.domain(item.data(0, PAGE_ROLE)[len("domain:") :])
                if domain is not None:
                    for question in domain.questions:
                        if self.session.status(question.id) == s.UNANSWERED:
                            page = s.question_page(question.id)
                            break
        if isinstance(page, str):
            self.go.emit(page)
