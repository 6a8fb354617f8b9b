"""What a response workbook, a Microsoft Form and a paper questionnaire tell the person filling them
in: what this is, who will see what, how small groups are protected, the questionnaire's content
notes, evidence hints, glossary and where to find support. One place, so that they all say the same.
Every sentence goes through the translation layer; the questionnaire's own texts do not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_check.i18n import N_, _

if TYPE_CHECKING:
    from coprod_check.domain.assessment import Assessment
    from coprod_check.domain.questionnaire import Question, Questionnaire

#: Said when a questionnaire gives no support text of its own.
DEFAULT_SUPPORT = N_(
    "If answering brings up something hard, you can stop at any time, and you can talk to someone "
    "you trust, your line manager or peer supervisor, or your employee assistance programme. "
    "Samaritans are there day or night on 116 123 (free from any phone in the UK and Ireland)."
)
DEFAULT_CONTENT_NOTE = N_(
    "Some questions are about mental health difficulties, stigma, and how people with lived "
    "experience are treated at work. You can leave out any question, or answer \u201cDon\u2019t know\u201d."
)


def support_text(q: Questionnaire, own: str = "") -> str:
    """Where to find support: the organisation's own signposting on this computer (`own`, from
    app/support.py), else the questionnaire's (`support`), else a general paragraph."""
    return own.strip() or str(getattr(q, "support", "") or "").strip() or _(DEFAULT_SUPPORT)


def content_note(q: Questionnaire) -> str:
    """The questionnaire's content note (`content_note` on the questionnaire), or a general one."""
    return str(getattr(q, "content_note", "") or "").strip() or _(DEFAULT_CONTENT_NOTE)


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
    return a.organisation.strip() or _("your organisation")


def who_sees_what(a: Assessment) -> str:
    """Who will see the answers, and what happens to a private note and a name."""
    return _(
        "The person running this assessment for {organisation} puts everyone's answers together in "
        "coprod-check, on their own computer. Your answers, notes and evidence become part of the group's "
        "results. A note you mark as private is left out of the group's results and file. But the person "
        "you give this to can still read it here, so keep a note that is only for you somewhere else. "
        "Your name is optional. If you give it, it is kept with your answers. It is printed only if the "
        "person running the assessment chooses to print names."
    ).format(organisation=_organisation(a))


def who_sees_what_form(a: Assessment) -> str:
    """Who will see answers given in a Microsoft Form, and what happens to a name."""
    return _(
        "The person running this assessment for {organisation} downloads the Form's answers and puts them "
        "together in coprod-check, on their own computer. Your answers and notes become part of the group's "
        "results. Whoever runs the Form can read them: there are no private notes in a Form. Your name is "
        "optional. If you give it, it is kept with your answers. It is printed only if the person running "
        "the assessment chooses to print names."
    ).format(organisation=_organisation(a))


def who_types_it_in(who: str) -> str:
    """On a paper form: who will type it in, and what happens to the paper."""
    return _(
        "Give the filled-in form back to {who}. They will type your answers into coprod-check on their own "
        "computer, one person at a time, exactly as you wrote them. Then they will shred this paper. "
        "Nothing is sent anywhere. Your answers and notes become part of the group's results. Your name is "
        "optional. It is printed only if the person running the assessment chooses to print names. There "
        "are no private notes on paper: the person who types it in reads all you write."
    ).format(who=who)


def small_groups(a: Assessment) -> str:
    """How small groups are protected."""
    return _(
        "People with and without lived experience are shown apart only when each side has at least {count} "
        "people. With fewer, nobody's answers are shown apart, so that nobody can be picked out. No one "
        "person's answers are ever shown on their own. Even so, one colleague with lived experience who "
        "rates something low can hold the group's result back. Their voice is never outvoted."
    ).format(count=a.min_group_size)


def what_this_is(a: Assessment, q: Questionnaire) -> str:
    """What this questionnaire is, in plain words."""
    return _(
        "This is the questionnaire \u201c{title}\u201d (version {version}) for {organisation}. It asks how "
        "far the organisation works with people who have lived experience of mental health difficulties, "
        "and does not only give care to them. Please answer on your own. Say what you really see, not what "
        "the policy says. \u201cDon\u2019t know\u201d is a useful answer: it becomes something to find out."
    ).format(title=q.title, version=q.version, organisation=_organisation(a))


def start_sheet_paragraphs(a: Assessment, q: Questionnaire, own_support: str = "") -> list[tuple[str, str]]:
    """The response workbook's first sheet, as (kind, text) pairs; kind is "heading" or "text"."""
    words = glossary(q)
    out = [
        ("heading", _("What this is")),
        ("text", what_this_is(a, q)),
        ("text", _("You need nothing but Excel or LibreOffice, and nothing is sent anywhere.")),
        ("heading", _("How to fill it in")),
        (
            "text",
            _(
                "1. On the sheet \u201cAbout you\u201d, pick your role and whether you have lived experience "
                "(you may prefer not to say). Your name is optional."
            ),
        ),
        (
            "text",
            _(
                "2. On the sheet \u201cAnswers\u201d, each row is one question. Read the question and what each "
                "answer means, then pick your answer in the Answer column. Add a note or evidence if you wish, "
                "and choose Yes under \u201cKeep note private\u201d to keep a note out of the group's results."
            ),
        ),
        ("text", _("3. Save the workbook and give it back to the person who sent it to you.")),
        ("heading", _("Who will see what")),
        ("text", who_sees_what(a)),
        ("heading", _("How small groups are protected")),
        ("text", small_groups(a)),
        ("heading", _("Before you start")),
        ("text", content_note(q)),
        ("heading", _("Support")),
        ("text", support_text(q, own_support)),
    ]
    if words:
        out.append(("heading", _("Words used in the questions")))
        out += [("text", _("{term}: {meaning}").format(term=term, meaning=meaning)) for term, meaning in words]
    return out
