"""What a session works out about a group's answers, kept until they change: one part of Session.

The figures come from domain/group.py (which owns every number of the result); the session keeps
them so that the window does not work them out again on every repaint, and can work them out on
a worker thread before the first page is shown (`warm`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_check.domain.group import DomainGap, QuestionSpread, disagreements, lived_experience_gaps, spread

if TYPE_CHECKING:
    from coprod_check.domain.assessment import Assessment
    from coprod_check.domain.questionnaire import Questionnaire
    from coprod_check.domain.scoring import Result


class GroupViews:
    """A group's spreads, disagreements and lived-experience gaps, cached."""

    questionnaire: Questionnaire
    assessment: Assessment
    _cache: dict[str, object]  # emptied by every change
    _gaps: tuple[tuple[int, int, int], list[DomainGap]] | None

    if TYPE_CHECKING:  # Session's own

        @property
        def is_group(self) -> bool: ...

        def view(self) -> Assessment: ...

        def result(self) -> Result: ...

    def warm(self) -> None:
        """Work out now what the first pages ask for (the group's view, the result, each question's
        spread), so a window opening the file on another thread does not wait for it later."""
        self.view()
        self.result()
        if self.is_group:
            for question in self.questionnaire.questions():
                self.spread(question.id)
            self.disagreements()
            self.lived_experience_gaps()

    def spread(self, question_id: str) -> QuestionSpread:
        """How the group answered a question; its figures are hidden when too few answered."""
        key = "spread:" + question_id
        if key not in self._cache:
            self._cache[key] = spread(self.questionnaire, self.assessment, question_id)
        return self._cache[key]  # type: ignore[return-value]

    def disagreements(self) -> list[QuestionSpread]:
        """The group's questions whose answers lie far apart, widest first (domain/group.py)."""
        if "disagreements" not in self._cache:
            self._cache["disagreements"] = disagreements(self.questionnaire, self.assessment)
        return self._cache["disagreements"]  # type: ignore[return-value]

    def lived_experience_gaps(self) -> list[DomainGap]:
        """Where people with and without lived experience answered apart (domain/group.py)."""
        # Worked out from the people's own responses only, which nothing in the window changes
        # (the group's agreed levels and notes are its own): kept across changes, unless the
        # responses or the smallest group shown are not the ones it was worked out from.
        key = (id(self.assessment.responses), len(self.assessment.responses), self.assessment.min_group_size)
        if self._gaps is None or self._gaps[0] != key:
            self._gaps = (key, lived_experience_gaps(self.questionnaire, self.assessment))
        return self._gaps[1]
