"""Which glossary terms a question uses, so the window can explain them beside it.

A term (or one of its `also` forms) is used when it appears as whole words in the question's
prompt, why, evidence hint, content note or any level text. Case is ignored, except for a form
written all in capitals (an abbreviation such as "OH"), which must appear in capitals: "oh" in a
sentence is not occupational health.
"""

from __future__ import annotations

import re

from coprod_check.domain.questionnaire import GlossaryEntry, Question, Questionnaire


def _pattern(form: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(w) for w in form.split())
    flags = 0 if form.isupper() else re.IGNORECASE
    return re.compile(rf"(?<!\w){words}(?!\w)", flags)


def question_text(question: Question) -> str:
    """Everything a person reads about a question, in one text."""
    return "\n".join(
        [question.prompt, question.why, question.evidence, question.content_note, *question.levels.values()]
    )


def terms_in(questionnaire: Questionnaire, question: Question) -> list[GlossaryEntry]:
    """The glossary entries a question uses, in the glossary's order."""
    text = question_text(question)
    return [g for g in questionnaire.glossary if any(_pattern(f).search(text) for f in (g.term, *g.also))]
