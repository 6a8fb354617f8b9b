"""Reading a Microsoft Forms Excel export as response files, one per respondent.

Forms exports one row per respondent and one column per question, headed by the question's text.
Columns are mapped to questions by that text (Forms' truncation, numbering and trailing spaces
tolerated), answers to levels by label, id or full sentence (`words.AnswerReader`), and the role
and lived-experience columns by the wording the app's own export uses (`words.ROLE_QUESTION`...)
or by the header text the lead names. Forms' own columns (Id, Start time, Completion time,
Email, Name, Last modified time) are ignored: a name is only ever taken from the app's own name
question, never from the account Forms recorded.

`preview` maps everything and says how; `write` writes one response file per row through the
assessment writer (app/store.py), and only when everything maps, unless told to skip what does not.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from coprod_check.domain.assessment import MAX_PEOPLE, Answer, Assessment, Participant
from coprod_check.domain.combine import Source, blank_copy
from coprod_check.domain.errors import CoprodError
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.exchange import words
from coprod_check.exchange.forms_columns import Column, header_key, map_columns, short
from coprod_check.exchange.xlsx import Cell, WorkbookError, first_visible_sheet, open_workbook, rows
from coprod_check.i18n import _, ngettext


class ImportError_(CoprodError):
    """The export cannot be imported as it is; the preview says why."""


class Row(NamedTuple):
    """One respondent as read: their response, or None when it cannot be made."""

    number: int  # the row in the sheet
    label: str  # the Forms Id, or the row number
    assessment: Assessment | None


class Preview:
    """How an export maps: its columns, the responses it makes, and every problem by cell."""

    def __init__(self, source: str, sheet: str, sha256: str = ""):
        self.source = source
        self.sheet = sheet
        self.sha256 = sha256  # the export's own bytes
        self.columns: list[Column] = []
        self.rows: list[Row] = []
        self.problems: list[str] = []  # each makes the import refuse, unless skipping
        self.skipped: list[str] = []  # what skipping would leave out
        self.empty_rows = 0
        self.unasked: list[str] = []  # question ids with no column
        self.notes: list[str] = []  # worth knowing, but nothing to refuse

    @property
    def unmapped(self) -> list[Column]:
        """Columns that map to nothing."""
        return [c for c in self.columns if c.kind == "unmapped"]

    @property
    def complete(self) -> bool:
        """Every column maps and every answer is read."""
        return not self.unmapped and not self.problems

    def responses(self) -> list[Row]:
        """The rows that make a response."""
        return [r for r in self.rows if r.assessment is not None]

    def lines(self) -> list[str]:
        """The whole preview, in words, one line each."""
        out = [_("Columns of {file} (sheet \u201c{sheet}\u201d):").format(file=self.source, sheet=self.sheet)]
        out += [f"  {c.line()}" for c in self.columns]
        n = len(self.responses())
        out.append(
            ngettext("Rows: {count} response can be made.", "Rows: {count} responses can be made.", n).format(count=n)
        )
        if self.empty_rows:
            said = ngettext(
                "{count} empty row was passed over.", "{count} empty rows were passed over.", self.empty_rows
            )
            out.append("  " + said.format(count=self.empty_rows))
        if self.unasked:
            said = ngettext(
                "{count} question has no column and stays unanswered: {ids}",
                "{count} questions have no column and stay unanswered: {ids}",
                len(self.unasked),
            )
            out.append("  " + said.format(count=len(self.unasked), ids=", ".join(self.unasked)))
        if self.notes:
            out.append(_("Please note:"))
            out += [f"  {n}" for n in self.notes]
        if self.problems:
            out.append(_("Problems:"))
            out += [f"  {p}" for p in self.problems]
        return out


def preview(
    path: Path,
    assessment: Assessment,
    q: Questionnaire,
    *,
    role_column: str | None = None,
    lived_column: str | None = None,
    name: str | None = None,
) -> Preview:
    """How the export at `path` maps onto `q`, and the responses it makes (see the module)."""
    source = name or str(path)
    import hashlib

    book, data = open_workbook(path, "a Microsoft Forms export")
    try:
        sheet = first_visible_sheet(book)
        if sheet is None:
            raise WorkbookError(source, [_("has no sheet that is not hidden")])
        found = Preview(source, sheet.title, hashlib.sha256(data).hexdigest())
        table = rows(sheet, sheet.title, found.problems, max_rows=MAX_PEOPLE + 1)
        header = next(table, None)
        if header is None:
            raise WorkbookError(source, [_("{sheet} is empty: there is no header row").format(sheet=sheet.title)])
        mapping = map_columns(header, q, role_column, lived_column)
        found.columns.extend(mapping.columns)
        found.problems.extend(mapping.problems)
        found.unasked.extend(mapping.unasked)
        found.notes.extend(mapping.notes)
        base = blank_copy(assessment, q)
        readers = {x.id: words.AnswerReader(q, x) for x in q.questions()}
        for cells in table:
            _read_row(found, cells, base, q, readers)
    finally:
        book.close()
    _same_answers(found)
    return found


def _same_answers(found: Preview) -> None:
    """Rows that hold exactly the same person and answers: `combine` takes them for one response sent
    twice (as it would two such files), so the preview says so before anything is written."""
    seen: dict[tuple[object, ...], int] = {}
    for row in found.responses():
        a = row.assessment
        assert a is not None
        person = a.participants[0]
        key = (
            person.role,
            person.lived_experience,
            " ".join(person.name.casefold().split()),
            tuple(sorted((k, v.choice or "", v.note.strip()) for k, v in a.answers.items())),
        )
        if key in seen:
            said = _(
                "Rows {first} and {second} hold exactly the same role, lived experience and answers. "
                "Combining takes them for one response sent twice and refuses the second; if two people "
                "really answered alike, leave one of them out or keep both files apart."
            )
            found.notes.append(said.format(first=seen[key], second=row.number))
        else:
            seen[key] = row.number


def _read_row(
    found: Preview, cells: list[Cell], base: Assessment, q: Questionnaire, readers: dict[str, words.AnswerReader]
) -> None:
    if all(c.value in (None, "") for c in cells):
        found.empty_rows += 1
        return
    number = cells[0].row
    id_column = next(
        (i for i, c in enumerate(found.columns) if c.kind == "ignored" and header_key(c.header) == "id"), None
    )
    label = cells[id_column].text() if id_column is not None and id_column < len(cells) else ""
    label = label if label.isdigit() and len(label) < 10 else str(number)
    role, lived, name = None, "prefer-not-to-say", ""
    answers: dict[str, Answer] = {}
    problems: list[str] = []
    row_ok = True
    role_said = False
    for column, cell in zip(found.columns, cells, strict=False):
        if column.kind in ("ignored", "unmapped"):
            continue
        if cell.is_formula() or cell.kind == "e":
            problems.append(
                _("{cell}: holds a formula or an error value, which is never worked out or read").format(cell=_at(cell))
            )
            if column.kind == "role":
                row_ok, role_said = False, True
            continue
        text = cell.text()
        if column.kind == "role":
            role = words.role(q, text)
            if role is None:
                row_ok, role_said = False, True
                if text:
                    said = _("{cell}: \u201c{text}\u201d is not one of the roles, so this row cannot be a response")
                else:
                    said = _("{cell}: the role is empty, so this row cannot be a response")
                problems.append(said.format(cell=_at(cell), text=short(text, 60)))
        elif column.kind == "lived":
            if text:
                found_lived = words.lived_experience(text)
                if found_lived is None:
                    problems.append(
                        _(
                            "{cell}: \u201c{text}\u201d is not Yes, No or Prefer not to say "
                            "(skipping counts it as prefer not to say)"
                        ).format(cell=_at(cell), text=short(text, 60))
                    )
                else:
                    lived = found_lived
        elif column.kind == "name":
            name = " ".join(text.split())
        elif column.kind == "question" and text:
            choice = readers[column.question_id].read(text)
            if choice is None:
                problems.append(
                    _("{cell}: \u201c{text}\u201d is not one of the answers to {id}").format(
                        cell=_at(cell), text=short(text, 60), id=column.question_id
                    )
                )
            else:
                old = answers.get(column.question_id, Answer())
                answers[column.question_id] = Answer(choice, old.note, old.evidence)
        elif column.kind == "note" and text:
            old = answers.get(column.question_id, Answer())
            answers[column.question_id] = Answer(old.choice, text, old.evidence)
    found.problems.extend(problems)
    if not row_ok or role is None:
        if not role_said and any(c.kind == "role" for c in found.columns):
            found.problems.append(
                _("Row {number}: there is no role, so this row cannot be a response").format(number=number)
            )
        found.skipped.append(
            _("Row {number} is left out: it has no role that coprod-check knows").format(number=number)
        )
        found.rows.append(Row(number, label, None))
        return
    a = Assessment(
        questionnaire_id=base.questionnaire_id,
        questionnaire_version=base.questionnaire_version,
        organisation=base.organisation,
        team=base.team,
        date=base.date,
        fingerprints=dict(base.fingerprints),
        min_group_size=base.min_group_size,
    )
    a.participants.append(Participant(role, lived, name))
    a.answers.update(answers)
    found.rows.append(Row(number, label, a))


def sources(found: Preview) -> list[Source]:
    """The rows as responses to combine straight away, each named "EXPORT row N" and told apart by
    the export's hash and its row, without writing a file for each (the benchmark's direct path)."""
    import hashlib

    return [
        Source(
            _("{file} row {number}").format(file=found.source, number=r.number),
            hashlib.sha256(f"{found.sha256}:{r.number}".encode()).hexdigest(),
            r.assessment,
        )
        for r in found.responses()
        if r.assessment is not None
    ]


def _at(cell: Cell) -> str:
    return _("{cell} (row {number})").format(cell=cell.where, number=cell.row)


def write(found: Preview, folder: Path, *, skip_unmapped: bool = False) -> list[Path]:
    """Write one response file per row into `folder`, or nothing (ImportError_) when something does
    not map and `skip_unmapped` is not given, or when a file of the same name is already there."""
    if not found.complete and not skip_unmapped:
        raise ImportError_(
            _(
                "not everything in the export maps onto the questionnaire, so nothing was written. Fix the "
                "export (or name the role and lived-experience columns), or leave out what does not map "
                "with --skip-unmapped"
            )
        )
    made = found.responses()
    if not made:
        raise ImportError_(_("the export holds no response that can be written, so nothing was written"))
    from coprod_check.app import store
    from coprod_check.app.doctype import EXTENSION

    width = max(3, len(max((r.label for r in made), key=len)))
    targets = [(folder / f"forms-response-{r.label.zfill(width)}{EXTENSION}", r) for r in made]
    names = [t.name for t, row in targets]
    if len(set(names)) != len(names):
        targets = [(folder / f"forms-response-row-{r.number:04d}{EXTENSION}", r) for r in made]
    clash = [t for t, row in targets if t.exists() or t.is_symlink()]
    if clash:
        said = ngettext(
            "{file} is already there ({count} of the files to write is). Nothing was written: choose an empty folder",
            "{file} is already there ({count} of the files to write are). Nothing was written: choose an empty folder",
            len(clash),
        )
        raise ImportError_(said.format(file=clash[0], count=len(clash)))
    # Every file encoded, and read back as any response file is read (the same checks), before any
    # is written: a row the format refuses stops the import with nothing written.
    encoded = []
    for target, row in targets:
        assert row.assessment is not None
        data = store.encode(row.assessment, str(target))
        store.loads(data.decode("utf-8"), _("{file} row {number}").format(file=found.source, number=row.number))
        encoded.append((target, data))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        said = _("the folder {folder} cannot be made or used ({reason}). Nothing was written")
        raise ImportError_(said.format(folder=folder, reason=exc.strerror or exc)) from None
    return _write_all(encoded)


def _write_all(encoded: list[tuple[Path, bytes]]) -> list[Path]:
    """Write each file atomically (store.write_atomic: flushed to the disk before it is in place),
    several at once: the disk then confirms them together, where one after another each waits for
    its own confirmation. If any cannot be written, those already written are taken away again."""
    from concurrent.futures import ThreadPoolExecutor

    from coprod_check.app import store

    written: list[Path] = []

    def one(item: tuple[Path, bytes]) -> Path:
        store.write_atomic(item[0], item[1], backup=False)
        written.append(item[0])
        return item[0]

    try:
        with ThreadPoolExecutor(max_workers=32) as pool:
            return list(pool.map(one, encoded))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
