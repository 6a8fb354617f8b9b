"""Where things are in a response workbook: the sheets, their headers and the hidden sheet that
maps the workbook back to its questionnaire. The writer (`workbook.py`) and the reader
(`workbook_read.py`) both use these names, so they cannot drift apart.

These names are how the reader finds its way, so they are identifiers, not sentences: they stay
as they are in every language (the translation layer's rule for what a program reads), and a
workbook made in one language reads in any other. Everything else in the workbook is translated.
"""

from __future__ import annotations

START_SHEET = "Start here"
ABOUT_SHEET = "About you"
ANSWERS_SHEET = "Answers"
#: Hidden: what the workbook answers, and the lists the drop-downs offer. Protected, never shown.
KEY_SHEET = "coprod-check"
FORMAT = "coprod-check-response-workbook"
FORMAT_VERSION = "1"

ROLE, LIVED, NAME = "Role", "Lived experience", "Name"
#: The Answers sheet's columns, in order, by header.
QUESTION_ID = "Question id"
DOMAIN = "Domain"
QUESTION = "Question"
WHY = "Why it matters"
LEVELS = "What each answer means"
ANSWER = "Answer"
NOTE = "Note"
PRIVATE = "Keep note private"
EVIDENCE = "Evidence"
COLUMNS = (QUESTION_ID, DOMAIN, QUESTION, WHY, LEVELS, ANSWER, NOTE, PRIVATE, EVIDENCE)
WIDTHS = (14, 20, 42, 42, 64, 24, 42, 16, 42)

#: The hidden sheet's drop-down lists start in this column: row 1 names the list, the rows below
#: hold what it offers, in the order of the questionnaire (roles), of LIVED_EXPERIENCE, of
#: (No, Yes), or of `words.choices` (answers). The reader maps by place, so a workbook filled in
#: one language reads in another.
LISTS_COLUMN = 4


def list_name(scale: str, not_applicable: bool) -> str:
    """The name of the answer list for questions on `scale` that do (or do not) allow "not applicable"."""
    return f"choices:{scale}:{int(not_applicable)}"


#: The hidden sheet's keys, in column A, with their values in column B.
KEYS = ("format", "format_version", "questionnaire", "version", "organisation", "team", "date", "min_group_size")


def escaped(text: str) -> str:
    """Text for the hidden sheet, exactly recoverable: control characters (which a workbook cannot
    hold) written as JSON escapes, everything else as it is."""
    import json

    return json.dumps(text, ensure_ascii=False)[1:-1]


def unescaped(text: str) -> str:
    """The text `escaped` wrote; text it did not write (typed by hand) is returned as it is."""
    import json

    try:
        found = json.loads(f'"{text}"')
    except ValueError:
        return text
    return found if isinstance(found, str) else text
