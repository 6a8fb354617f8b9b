"""The questions and choices for building a Microsoft Form, as plain text or as a Word document.

Each question becomes a Choice question titled with the question's own text (so that the Forms
export maps back by that text), with one choice per level ("Asking: People are asked for their
views...") and "Don't know", and "Not applicable" where the question allows it; then an optional
long-text question "Note on: <the question>". The person's role, lived experience and optional
name come first, in the app's own words (`words.ROLE_QUESTION`...), so the import finds them.
The Word version is laid out as Forms' "Quick import" reads a document (numbered questions,
each choice on its own line); that import cannot be tried here, so the README says to check it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from coprod_check.app.support import own_support
from coprod_check.domain.assessment import Assessment
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.domain.taking_part import (
    content_note,
    evidence_hint,
    glossary,
    question_note,
    small_groups,
    support_text,
    who_sees_what_form,
)
from coprod_check.exchange import words
from coprod_check.i18n import _


class FormQuestion(NamedTuple):
    """One question of the Form: its title, a subtitle, its kind and its choices."""

    title: str
    subtitle: str
    kind: str  # "choice" or "text"
    required: bool
    choices: tuple[str, ...] = ()


class FormSection(NamedTuple):
    """A section of the Form (Forms' "Add section"), one for each domain."""

    title: str
    description: str
    questions: tuple[FormQuestion, ...]


def sections(assessment: Assessment, q: Questionnaire) -> list[FormSection]:
    """The whole Form, section by section."""
    about = FormSection(
        _("About you"),
        "\n\n".join(
            [
                content_note(q),
                who_sees_what_form(assessment),
                small_groups(assessment),
                support_text(q, own_support()),
                *(_("{term}: {meaning}").format(term=term, meaning=meaning) for term, meaning in glossary(q)),
            ]
        ),
        (
            FormQuestion(_(words.ROLE_QUESTION), "", "choice", True, tuple(p.label for p in q.perspectives)),
            FormQuestion(
                _(words.LIVED_EXPERIENCE_QUESTION),
                _("You may prefer not to say."),
                "choice",
                True,
                tuple(_(x) for x in words.LIVED_EXPERIENCE_LABELS.values()),
            ),
            FormQuestion(_(words.NAME_QUESTION), "", "text", False),
        ),
    )
    out = [about]
    for domain in q.domains:
        items: list[FormQuestion] = []
        for question in domain.questions:
            hint = evidence_hint(question)
            parts = (
                question_note(question),
                question.why,
                _("What would show it: {hint}").format(hint=hint) if hint else "",
            )
            subtitle = " ".join(x for x in parts if x)
            offered = tuple(f"{c.label}: {c.text}" if c.text else c.label for c in words.choices(q, question))
            items.append(FormQuestion(question.prompt, subtitle, "choice", False, offered))
            items.append(
                FormQuestion(
                    _(words.NOTE_PREFIX) + question.prompt,
                    _("Optional. Whoever runs this Form reads it: there are no private notes in a Form."),
                    "text",
                    False,
                )
            )
        out.append(FormSection(domain.title, domain.description, tuple(items)))
    return out


def text(assessment: Assessment, q: Questionnaire) -> str:
    """The Form as plain text: sections, numbered questions, each choice on its own line."""
    lines = [
        _("Questions for a Microsoft Form: {title} (version {version}), {organisation}")
        .format(title=q.title, version=q.version, organisation=assessment.organisation)
        .rstrip(", "),
        "",
        _(
            "Build the Form as the README's \u201cMicrosoft Forms\u201d section says: one Choice question for "
            "each numbered question below, titled exactly as written, with these choices; a Text question "
            "(long answer) for each note; and a section for each heading."
        ),
        "",
    ]
    n = 0
    for i, section in enumerate(sections(assessment, q), 1):
        lines += [_("Section {number}: {title}").format(number=i, title=section.title), ""]
        if section.description:
            lines += [section.description, ""]
        for item in section.questions:
            n += 1
            kind = {
                (True, True): _("(Choice, required)"),
                (True, False): _("(Choice, optional)"),
                (False, True): _("(Text, long answer, required)"),
                (False, False): _("(Text, long answer, optional)"),
            }[(item.kind == "choice", item.required)]
            lines.append(f"{n}. {item.title}")
            lines.append(f"   {kind}")
            if item.subtitle:
                lines.append("   " + _("Subtitle: {text}").format(text=item.subtitle))
            lines += [f"   - {choice}" for choice in item.choices]
            lines.append("")
    return "\n".join(lines)


def docx_bytes(assessment: Assessment, q: Questionnaire) -> bytes:
    """The Form as a Word document, repeatable to the byte (report.ooxml)."""
    from docx import Document

    from coprod_check import __version__
    from coprod_check.report.literal import visible
    from coprod_check.report.ooxml import DocumentProperties, save

    doc = Document()

    # Every text made one Word can hold: a control character shows as a placeholder (report/literal.py).
    def paragraph(text: str) -> None:
        doc.add_paragraph(visible(text))

    def heading(text: str, level: int) -> None:
        doc.add_heading(visible(text), level=level)

    heading(_("Questions for a Microsoft Form: {title}").format(title=q.title), level=0)
    paragraph(
        _(
            "Each numbered line is a question; the lines under it are its choices. Questions marked "
            "\u201cText\u201d are long-answer text questions. Keep every question's wording exactly as it is: "
            "coprod-check reads the Form's answers back by that wording."
        )
    )
    n = 0
    for section in sections(assessment, q):
        heading(section.title, level=1)
        for part in section.description.split("\n\n"):
            if part.strip():
                paragraph(part)
        for item in section.questions:
            n += 1
            # The title alone on its line, exactly as the Form must show it: answers come back by it.
            paragraph(f"{n}. {item.title}")
            kind = {
                (True, True): _("(Choice, required)"),
                (True, False): _("(Choice, optional)"),
                (False, True): _("(Text, long answer, required)"),
                (False, False): _("(Text, long answer, optional)"),
            }[(item.kind == "choice", item.required)]
            paragraph(kind)
            if item.subtitle:
                paragraph(item.subtitle)
            for letter, choice in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", item.choices, strict=False):
                paragraph(f"{letter}. {choice}")
    try:
        printed = dt.date.fromisoformat(assessment.date)
    except ValueError:
        printed = dt.date.today()
    props = DocumentProperties(
        title=_("Questions for a Microsoft Form: {title}").format(title=q.title),
        printed=printed,
        author=f"coprod-check {__version__}",
        language=q.language,
    )
    return save(doc, props)


def write(path: Path, assessment: Assessment, q: Questionnaire) -> None:
    """Write the Form's questions to `path`: Word for .docx, plain UTF-8 text otherwise."""
    from coprod_check.app.store import write_atomic
    from coprod_check.report.literal import visible

    data = docx_bytes(assessment, q) if path.suffix.lower() == ".docx" else visible(text(assessment, q)).encode("utf-8")
    write_atomic(path, data, backup=False)
