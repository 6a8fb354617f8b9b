"""Opening a workbook someone sent, safely: it is untrusted input.

* Only an ordinary `.xlsx` file of at most 64 MiB is read (`domain.reading`), and its zip is
  looked at before openpyxl sees it: a macro workbook (`.xlsm`, or a `vbaProject` part under
  another name) is refused, and so is a zip whose parts would unpack to more than
  `UNPACKED_LIMIT` (a "zip bomb") or that holds too many parts.
* openpyxl reads it with formulas kept as text and never worked out (`data_only=False`: a cached
  result someone typed over is not trusted either), external links dropped (`keep_links=False`)
  and macros dropped; nothing is fetched, because openpyxl fetches nothing.
* Sheets are read row by row (`read_only=True`), at most `MAX_ROWS` rows and `MAX_COLUMNS`
  columns, whatever size the sheet says it has: a huge sheet is reported, never loaded.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from coprod_check.domain.errors import CoprodError
from coprod_check.domain.reading import ASSESSMENT_LIMIT, ReadRefused, read_limited
from coprod_check.i18n import _, format_number, ngettext

UNPACKED_LIMIT = 256 * 1024 * 1024
MAX_PARTS = 2_000
MAX_ROWS = 5_000
MAX_COLUMNS = 1_000
MAX_CELL_TEXT = 32_767  # Excel's own limit on a cell


class WorkbookError(CoprodError):
    """A workbook cannot be read; `problems` lists each one, by sheet and cell where there is one."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        listed = "; ".join(problems[:20])
        more = len(problems) - 20
        if more > 0:
            listed += "; " + ngettext("and {count} more problem", "and {count} more problems", more).format(count=more)
        super().__init__(_("{file}: {problems}").format(file=source, problems=listed))


class Cell:
    """One cell's value as read, and where it is ("Answers!F12", worked out only when asked)."""

    __slots__ = ("sheet", "row", "column", "value", "kind")

    def __init__(self, where: str | tuple[str, int, int], value: Any, kind: str):
        if isinstance(where, str):
            sheet, _, ref = where.rpartition("!")
            letters = ref.rstrip("0123456789")
            where = (sheet, int(ref[len(letters) :] or 0), column_index(letters))
        self.sheet, self.row, self.column = where
        self.value = value
        self.kind = kind  # openpyxl's data type: "s", "n", "b", "d", "f" (formula), "e" (error)

    @property
    def where(self) -> str:
        """The cell's place, as Excel names it: "Answers!F12"."""
        return f"{self.sheet}!{column_letter(self.column)}{self.row}"

    def is_formula(self) -> bool:
        """A formula: never worked out, never read as an answer."""
        return self.kind == "f" or (isinstance(self.value, str) and self.kind != "s" and self.value.startswith("="))

    def text(self) -> str:
        """The value as text: numbers, dates and yes/no written out; empty for nothing."""
        v = self.value
        if v is None:
            return ""
        if isinstance(v, bool):
            return _("Yes") if v else _("No")
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        if hasattr(v, "isoformat"):
            return str(v.isoformat())
        return str(v).strip()


def check_suffix(path: Path) -> None:
    """Refuse a file that is not an .xlsx workbook by its name (macros and the old format)."""
    suffix = path.suffix.lower()
    if suffix in (".xlsm", ".xltm", ".xlam"):
        raise WorkbookError(
            str(path),
            [
                _(
                    "is a workbook with macros, which coprod-check never opens. Save it from Excel as an "
                    "\u201cExcel Workbook (.xlsx)\u201d and try again"
                )
            ],
        )
    if suffix in (".xls", ".xlsb", ".ods"):
        raise WorkbookError(
            str(path),
            [
                _("is a {suffix} file. Save it as an \u201cExcel Workbook (.xlsx)\u201d and try again").format(
                    suffix=suffix
                )
            ],
        )


def open_workbook(path: Path, what: str = "") -> tuple[Any, bytes]:
    """The workbook at `path`, opened safely for reading (see the module), and its bytes. `what` names
    the kind of file in a message about its size (domain.reading's words)."""
    check_suffix(path)
    try:
        data = read_limited(path, ASSESSMENT_LIMIT, what or _("a workbook"))
    except ReadRefused as exc:
        raise WorkbookError(str(path), [exc.reason]) from None
    return load(data, str(path)), data


def load(data: bytes, source: str) -> Any:
    """A workbook from its bytes, after the zip checks; WorkbookError in plain words."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise WorkbookError(
            source, [_("is not an Excel workbook (.xlsx): it may be damaged, or saved in another format")]
        ) from None
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS:
            said = _("holds {count} parts, far more than any workbook of answers")
            raise WorkbookError(source, [said.format(count=format_number(len(parts)))])
        if sum(p.file_size for p in parts) > UNPACKED_LIMIT:
            raise WorkbookError(
                source,
                [_("would unpack to more than 256 MiB, far more than any workbook of answers; nothing was read")],
            )
        names = {p.filename.lower() for p in parts}
        if any(n.endswith("vbaproject.bin") for n in names):
            raise WorkbookError(
                source,
                [
                    _(
                        "holds macros, which coprod-check never opens. Save it from Excel as an "
                        "\u201cExcel Workbook (.xlsx)\u201d and try again"
                    )
                ],
            )
        if "xl/workbook.xml" not in names:
            raise WorkbookError(source, [_("is not an Excel workbook (.xlsx): it has no workbook part")])
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():
            # openpyxl warns about data validation, conditional formats and the like it does not
            # read back: none of it matters for reading values.
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=False, keep_links=False, keep_vba=False, rich_text=False
            )
    except Exception as exc:  # openpyxl raises many kinds on a damaged file; each becomes one sentence
        said = _("could not be read as a workbook ({kind}: {reason})")
        raise WorkbookError(source, [said.format(kind=type(exc).__name__, reason=str(exc)[:200])]) from None


def column_index(letters: str) -> int:
    """A -> 1, AA -> 27."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    out = ""
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def rows(sheet: Any, title: str, problems: list[str], max_rows: int = MAX_ROWS) -> Iterator[list[Cell]]:
    """The rows of a sheet as cells with their places, at most `max_rows` rows of `MAX_COLUMNS` cells.

    Rows past the limit are not read, and one problem says so (so nothing is silently dropped).
    """
    declared = sheet.max_column if isinstance(sheet.max_column, int) else None
    width = declared
    if declared is None or declared > MAX_COLUMNS:
        # A sheet that says it is wider than any sheet of answers (or says nothing) is read up to
        # MAX_COLUMNS; openpyxl would otherwise pad every row to the width it claims.
        sheet.reset_dimensions()
        width = MAX_COLUMNS
        if declared is not None:
            said = _(
                "{sheet} is {width} columns wide; only the first {limit} were read (no sheet of answers is that wide)"
            )
            problems.append(said.format(sheet=title, width=format_number(declared), limit=format_number(MAX_COLUMNS)))
    for r, row in enumerate(sheet.iter_rows(min_row=1, min_col=1, max_col=width), 1):
        if r > max_rows:
            said = _(
                "{sheet} has more than {limit} rows; the rows after row {limit} were not read. "
                "No sheet of answers is that long: check that this is the right file"
            )
            problems.append(said.format(sheet=title, limit=format_number(max_rows)))
            return
        end = len(row)
        while end and getattr(row[end - 1], "value", None) is None:
            end -= 1  # openpyxl pads a row to the sheet's width with empty cells
        yield [Cell((title, r, c), row[c - 1].value, row[c - 1].data_type or "n") for c in range(1, end + 1)]


def sheet_named(book: Any, name: str) -> Any | None:
    """The sheet with this name (whatever its case), or None."""
    for sheet in book.worksheets:
        if sheet.title.casefold() == name.casefold():
            return sheet
    return None


def first_visible_sheet(book: Any) -> Any | None:
    """The first sheet that is not hidden: what a person sees when they open the file."""
    return next((s for s in book.worksheets if getattr(s, "sheet_state", "visible") == "visible"), None)
