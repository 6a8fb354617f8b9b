"""Reading every kind of response for combining: a JSON response file (through app/files.py, the
one reader) or a filled response workbook (`workbook_read`). Both become the same `Source`, so
`domain.combine` refuses or maps a workbook exactly as it would a JSON response: another
questionnaire, version or organisation, a group, or the same response twice.
"""

from __future__ import annotations

from pathlib import Path

from coprod_check.domain.combine import Source, source

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltm", ".xlam", ".xls", ".xlsb", ".ods")


def is_workbook(path: Path) -> bool:
    """Whether `path` is named as a spreadsheet (read as a workbook, or refused as one)."""
    return path.suffix.lower() in WORKBOOK_SUFFIXES


def read_any(path: Path, name: str) -> Source:
    """One colleague's response, from a JSON file or a filled workbook, named `name`."""
    if is_workbook(path):
        from coprod_check.exchange import workbook_read

        assessment, data = workbook_read.read(path, name)
        return source(name, data, assessment)
    from coprod_check.app.files import read_response

    return read_response(path, name)
