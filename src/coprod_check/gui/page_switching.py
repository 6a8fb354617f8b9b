"""Moving between the pages of an open assessment: one part of MainWindow (gui/main_window.py).

Pages are made the first time they are shown, and the window talks to each only through the
`Page` protocol (gui/page.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot

from coprod_check.app import pages as p
from coprod_check.gui.widgets import announce, plain_tooltip, set_tab_chain
from coprod_check.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coprod_check.gui.main_window import MainWindow
    from coprod_check.gui.page import Page


class PageSwitching:
    """Which page is shown, and going to another."""

    def _page(self: MainWindow, kind: p.PageKind) -> Page:
        """The page of this kind ("question" for every question), made the first time it is shown."""
        if kind in self.page_views:
            return self.page_views[kind]
        assert self.session is not None
        if kind == p.ABOUT_PAGE:
            from coprod_check.gui.about_page import AboutPage

            about = AboutPage(self.session)
            about.tab_order_changed.connect(self._fix_tab_order)
            return self._add_page(kind, about, about)
        if kind == "question":
            from coprod_check.gui.question_page import QuestionPage

            question = QuestionPage(self.session)
            return self._add_page(kind, question, question)
        if kind == p.REVIEW_PAGE:
            from coprod_check.gui.review_page import ReviewPage

            review = ReviewPage(self.session)
            return self._add_page(kind, review, review)
        if kind == p.RESULTS_PAGE:
            from coprod_check.gui.results_page import ResultsPage

            results = ResultsPage(self.session)
            results.go.connect(self.go)
            return self._add_page(kind, results, results)
        from coprod_check.gui.plan_page import PlanPage

        plan = PlanPage(self.session, self.can_export)
        plan.export_requested.connect(self.export_pdf)
        return self._add_page(kind, plan, plan)

    def _add_page(self: MainWindow, kind: p.PageKind, widget: QWidget, page: Page) -> Page:
        """Keep a new page (one object, seen as the widget the stack shows and as the Page the window drives)."""
        self.pages[kind] = widget
        self.page_views[kind] = page
        self.stack.addWidget(widget)
        return page

    @Slot(str)
    def go(self: MainWindow, page: str) -> None:
        """Show a page of the assessment and put the focus on its first input."""
        if self.session is None or self.navigator is None or self.bar is None or page not in self.session.pages():
            return
        kind = p.page_kind(page)
        view = self._page(kind)
        view.enter(page)
        self.stack.setCurrentWidget(self.pages[kind])
        self.page = page
        self.navigator.set_current(page)
        previous, following = self.session.neighbour(page, -1), self.session.neighbour(page, 1)
        self.bar.back.setEnabled(previous is not None)
        self.bar.next.setEnabled(following is not None)
        self.back_action.setEnabled(previous is not None)
        self.next_action.setEnabled(following is not None)
        self.bar.next.setToolTip(
            plain_tooltip(_("Go to {page_name} (Alt+N)").format(page_name=self._page_name(following)))
            if following
            else ""
        )
        self.bar.back.setToolTip(
            plain_tooltip(_("Go back to {page_name} (Alt+B)").format(page_name=self._page_name(previous)))
            if previous
            else ""
        )
        self._fix_tab_order()
        view.focus_first()

    def _page_name(self: MainWindow, page: str | None) -> str:
        question_id = p.page_question(page or "")
        if question_id and self.session is not None:
            domain, number = self.session.position(question_id)
            return _("{domain}, question {number}").format(domain=domain.title, number=number)
        return {
            p.ABOUT_PAGE: _("About this assessment"),
            p.REVIEW_PAGE: _("Last time\u2019s plan"),
            p.RESULTS_PAGE: _("Results"),
            p.PLAN_PAGE: _("Action plan"),
        }.get(page or "", "")

    @Slot()
    def _fix_tab_order(self: MainWindow) -> None:
        widget = self.stack.currentWidget()
        if self.session is None or self.navigator is None or self.bar is None or widget is self.start:
            return
        view = next((self.page_views[kind] for kind, shown in self.pages.items() if shown is widget), None)
        page_inputs = view.tab_sequence() if view is not None else []
        set_tab_chain([*self.navigator.tab_sequence(), *page_inputs, self.bar.back, self.bar.next], loop=True)

    def step(self: MainWindow, direction: int) -> None:
        """Go to the next (1) or previous (-1) page."""
        if self.session is not None:
            target = self.session.neighbour(self.page, direction)
            if target is not None:
                self.go(target)

    @Slot()
    def next_unanswered(self: MainWindow) -> None:
        """Go to the next question with no answer, or say that there is none."""
        if self.session is None:
            return
        target = self.session.next_unanswered(self.page)
        if target is None:
            # Said to screen readers too: the status bar is shown, not read out.
            self.statusBar().showMessage(_("Every question has an answer."), 8000)
            announce(self.statusBar(), _("Every question has an answer."))
            return
        self.go(target)

    @Slot()
    def focus_navigator(self: MainWindow) -> None:
        """Move the keyboard focus to the contents."""
        if self.navigator is not None and self.navigator.isVisible():
            from PySide6.QtCore import Qt

            self.navigator.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
