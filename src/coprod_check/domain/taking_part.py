"""What a response workbook and a paper questionnaire tell the person filling them in: what this
is, who will see what, how small groups are protected, the questionnaire's content note and where
to find support. One place, so that the workbook and the paper form say the same thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coprod_check.domain.assessment import Assessment
    from coprod_check.domain.questionnaire import Question, Questionnaire

#: Said when a questionnaire gives no support text of its own.
DEFAULT_SUPPORT = (
    "If answering brings up something hard, you can stop at any time, and you can talk to someone "
    "you trust, your line manager or peer supervisor, or your employee assistance programme. "
    "Samaritans are there day or night on 116 123 (free from any phone in the UK and Ireland)."
)
DEFAULT_CONTENT_NOTE = (
    "Some questions are about mental health difficulties, stigma, and how people with lived "
    "experience are treated at work. You can leave any question blank, or answer \u201cDon\u2019t know\u201d."
)


def support_text(q: Questionnaire) -> str:
    """Where to find support: the questionnaire's own words (`support`), or a general sentence."""
    return str(getattr(q, "support", "") or "").strip() or DEFAULT_SUPPORT


def content_note(q: Questionnaire) -> str:
    """The questionnaire's content note (`content_note` on the questionnaire), or a general one."""
    return str(getattr(q, "content_note", "") or "").strip() or DEFAULT_CONTENT_NOTE


def question_note(question: Question) -> str:
    """A question's own content note, shown before it; "" when it has none."""
    return str(getattr(question, "content_note", "") or "").strip()


def evidence_hint(question: Question) -> str:
    """What would show the answer (the question's `evidence`); "" when it gives none."""
    return str(getattr(question, "evidence", "") or "").strip()


def glossary(q: Questionnaire) -> list[tuple[str, str]]:
    """The questionnaire's words explained, as (term, meaning), in its own order."""
    return [(entry.term, entry.meaning) for entry in getattr(q, "glossary", ())]


def _organisation(a: Assessment) -> str:
    return a.organisation.strip() or "your organisation"


def who_sees_what(a: Assessment) -> str:
    """Who will see the answers, and what happens to a private note and a name."""
    return (
        f"The person running this assessment for {_organisation(a)} brings everyone's answers "
        "together in coprod-check, on their own computer. Your answers, notes and evidence become part "
        "of the group's results. A note you mark as private is left out of the group's results and "
        "the group's file, but the person you give this to can still read it here, so keep a note that "
        "is only for you somewhere else. Your name is optional. If you give it, it is kept with your "
        "answers and printed only if the person running the assessment chooses to include names."
    )


def who_sees_what_form(a: Assessment) -> str:
    """Who will see answers given in a Microsoft Form, and what happens to a name."""
    return (
        f"The person running this assessment for {_organisation(a)} downloads the Form's answers and brings "
        "them together in coprod-check, on their own computer. Your answers and notes become part of the "
        "group's results, and whoever runs the Form can read them: there are no private notes in a Form. "
        "Your name is optional. If you give it, it is kept with your answers and printed only if the person "
        "running the assessment chooses to include names."
    )


def small_groups(a: Assessment) -> str:
    """How small groups are protected."""
    return (
        "Colleagues with lived experience and colleagues without are shown apart only when each side "
        f"has at least {a.min_group_size} people. With fewer, nobody's answers are shown apart, so "
        "that nobody can be identified, and no single person's answers are ever shown on their own. "
        "Even then, one colleague with lived experience who rates something low can hold the group's "
        "result back: their voice is never outvoted."
    )


def what_this_is(a: Assessment, q: Questionnaire) -> str:
    """What this questionnaire is, in plain words."""
    return (
        f"This is the questionnaire \u201c{q.title}\u201d (version {q.version}) for {_organisation(a)}. "
        "It asks how far the organisation does work with people who have lived experience of mental "
        "health difficulties, rather than only giving care to them. Please answer on your own, and say "
        "what you really see, not what the policy says. \u201cDon\u2019t know\u201d is a useful answer: "
        "it becomes something to find out."
    )


def start_sheet_paragraphs(a: Assessment, q: Questionnaire) -> list[tuple[str, str]]:
    """The response workbook's first sheet, as (kind, text) pairs; kind is "heading" or "text"."""
    return [
        ("heading", "What this is"),
        ("text", what_this_is(a, q)),
        ("text", "You need nothing but Excel or LibreOffice, and nothing is sent anywhere."),
        ("heading", "How to fill it in"),
        (
            "text",
            "1. On the sheet \u201cAbout you\u201d, pick your role and whether you have lived experience "
            "(you may prefer not to say). Your name is optional.",
        ),
        (
            "text",
            "2. On the sheet \u201cAnswers\u201d, each row is one question. Read the question and what each "
            "answer means, then pick your answer in the Answer column. Add a note or evidence if you wish, "
            "and choose Yes under \u201cKeep note private\u201d to keep a note out of the group's results.",
        ),
        ("text", "3. Save the workbook and give it back to the person who sent it to you."),
        ("heading", "Who will see what"),
        ("text", who_sees_what(a)),
        ("heading", "How small groups are protected"),
        ("text", small_groups(a)),
        ("heading", "Before you start"),
        ("text", content_note(q)),
        ("heading", "Support"),
        ("text", support_text(q)),
        *([("heading", "Words used in the questions")] if glossary(q) else []),
        *(("text", f"{term}: {meaning}") for term, meaning in glossary(q)),
    ]
