"""Paper responses typed in, one person at a time (the window's quick data entry): what the person
typing has entered so far, and saving it as a response file through the assessment writer.

No Qt here: the window (gui/paper_entry.py) only shows this and passes keys to it.
"""

from __future__ import annotations

from pathlib import Path

from coprod_check.domain.assessment import Answer, Assessment, Participant
from coprod_check.domain.combine import blank_copy
from coprod_check.domain.questionnaire import Question, Questionnaire
from coprod_check.exchange import words

PREFIX = "paper-response-"


class PaperResponse:
    """One person's paper form, as typed in."""

    def __init__(self, assessment: Assessment, q: Questionnaire):
        self.base = blank_copy(assessment, q)
        self.q = q
        self.questions: list[Question] = list(q.questions())
        self.role = ""
        self.lived = "prefer-not-to-say"
        self.name = ""
        self.answers: dict[str, Answer] = {}

    def choices(self, index: int) -> list[words.Choice]:
        """The answers the question at `index` offers, as the paper form lists them."""
        return words.choices(self.q, self.questions[index])

    def set_answer(self, index: int, choice: str | None, note: str = "") -> None:
        """Record the box ticked (None: none) and the note written for the question at `index`."""
        qid = self.questions[index].id
        answer = Answer(choice, note.strip())
        if answer.is_empty():
            self.answers.pop(qid, None)
        else:
            self.answers[qid] = answer

    def answer(self, index: int) -> Answer:
        """What is recorded for the question at `index`."""
        return self.answers.get(self.questions[index].id, Answer())

    def counts(self) -> tuple[int, int]:
        """(questions with a box ticked, questions left blank)."""
        ticked = sum(1 for a in self.answers.values() if a.choice)
        return ticked, len(self.questions) - ticked

    def to_assessment(self) -> Assessment:
        """The response, as a response file holds it. The role must be set first."""
        if not self.role:
            raise ValueError("the role is not set")
        a = blank_copy(self.base, self.q)
        a.participants.append(Participant(self.role, self.lived, " ".join(self.name.split())))
        a.answers.update(self.answers)
        return a

    def save(self, folder: Path) -> Path:
        """Write the response into `folder` as the next free paper-response-NNN.coprod, never over a file."""
        from coprod_check.app import store
        from coprod_check.app.doctype import EXTENSION

        a = self.to_assessment()
        folder.mkdir(parents=True, exist_ok=True)
        n = 1
        while True:
            path = folder / f"{PREFIX}{n:03d}{EXTENSION}"
            if not path.exists() and not path.is_symlink():
                break
            n += 1
        data = store.encode(a, str(path))
        store.loads(data.decode("utf-8"), str(path))  # the checks every response file passes
        store.write_atomic(path, data)
        return path
