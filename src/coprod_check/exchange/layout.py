"""Where things are in a response workbook: the sheets, their headers and the hidden sheet that
maps the workbook back to its questionnaire. The writer (`workbook.py`) and the reader
(`workbook_read.py`) both use these names, so they cannot drift apart.
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

#: The hidden sheet's keys, in column A, with their values in column B.
KEYS = ("format", "format_version", "questionnaire", "version", "organisation", "team", "date", "min_group_size")
