"""The order of an open assessment's pages, and where to go next: the part of Session that the
window's Back, Next and "next unanswered" use. Page keys are in app/pages.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_check.app.pages import ABOUT_PAGE, PLAN_PAGE, RESULTS_PAGE, REVIEW_PAGE, page_question, question_page
from coprod_check.app.status import UNANSWERED, Status

if TYPE_CHECKING:
    from coprod_check.domain.assessment import Assessment, Review
    from coprod_check.domain.questionnaire import Domain, Questionnaire


class PageNavigation:
    """The pages of an open assessment, in order (Session is one)."""

    questionnaire: Questionnaire
    assessment: Assessment

    if TYPE_CHECKING:

        def status(self, question_id: str) -> Status: ...

        def review(self, action_id: str) -> Review: ...

    # -- pages -----------------------------------------------------------------

    def pages(self) -> list[str]:
        """Every page in order: about, last time's plan (in a later round), each question, results, plan."""
        previous = self.assessment.previous
        review = [REVIEW_PAGE] if previous is not None and previous.actions else []
        return [
            ABOUT_PAGE,
            *review,
            *(question_page(q.id) for q in self.questionnaire.questions()),
            RESULTS_PAGE,
            PLAN_PAGE,
        ]

    def first_page(self) -> str:
        """Where an opened assessment starts: last time's plan while it waits for review and nothing
        is answered yet; else the first unanswered question (the About page before the first)."""
        a = self.assessment
        if (
            a.previous is not None
            and a.previous.actions
            and not any(self.status(q.id) != UNANSWERED for q in self.questionnaire.questions())
            and any(not self.review(x.id).outcome for x in a.previous.actions)
        ):
            return REVIEW_PAGE
        first = self.next_unanswered() or RESULTS_PAGE
        questions = list(self.questionnaire.questions())
        return ABOUT_PAGE if questions and first == question_page(questions[0].id) else first

    def neighbour(self, page: str, step: int) -> str | None:
        """The page `step` places after (or before) `page`, or None at either end."""
        pages = self.pages()
        index = pages.index(page) + step if page in pages else 0
        return pages[index] if 0 <= index < len(pages) else None

    def next_unanswered(self, after: str | None = None) -> str | None:
        """The first unanswered question after page `after`, wrapping round; None when all are done."""
        ids = [q.id for q in self.questionnaire.questions()]
        current = page_question(after or "")
        start = ids.index(current) + 1 if current in ids else 0
        for qid in ids[start:] + ids[:start]:
            if self.status(qid) == UNANSWERED:
                return question_page(qid)
        return None

    def position(self, question_id: str) -> tuple[Domain, int]:
        """The question's domain and its 1-based place in it."""
        question = self.questionnaire.question(question_id)
        if question is None:
            raise KeyError(question_id)
        domain = self.questionnaire.domain(question.domain_id)
        assert domain is not None
        return domain, [q.id for q in domain.questions].index(question_id) + 1
