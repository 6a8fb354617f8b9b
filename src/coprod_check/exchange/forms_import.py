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

import re
from pathlib import Path
from typing import NamedTuple

from coprod_check.domain.assessment import MAX_PEOPLE, Answer, Assessment, Participant
from coprod_check.domain.combine import Source, blank_copy
from coprod_check.domain.errors import CoprodError
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.exchange import words
from coprod_check.exchange.xlsx import Cell, WorkbookError, column_letter, first_visible_sheet, open_workbook, rows
from coprod_check.i18n import _, ngettext

FORMS_OWN = ("id", "start time", "completion time", "email", "name", "last modified time")
#: The shortest header read as a question cut short by Forms: shorter ones could fit many.
MIN_TRUNCATED = 20
_NUMBERED = re.compile(r"^\d{1,3}\s*[.)]\s+")
_ELLIPSIS = re.compile(r"(\.\.\.|\u2026)\s*$")


class ImportError_(CoprodError):
    """The export cannot be imported as it is; the preview says why."""


class Column(NamedTuple):
    """How one column of the export maps."""

    letter: str
    header: str
    kind: str  # "ignored", "role", "lived", "name", "question", "note" or "unmapped"
    question_id: str = ""
    reason: str = ""

    def line(self) -> str:
        """The column's mapping, in words."""
        said = {
            "ignored": _("ignored (Microsoft Forms' own column)"),
            "role": _("the person's role"),
            "lived": _("whether they have lived experience"),
            "name": _("their name (optional)"),
            "question": _("question {id}").format(id=self.question_id),
            "note": _("a note on question {id}").format(id=self.question_id),
        }.get(self.kind) or _("NOT MAPPED: {reason}").format(reason=self.reason)
        return _("{letter}  \u201c{header}\u201d \u2192 {mapping}").format(
            letter=f"{self.letter:>3}", header=_short(self.header, 70), mapping=said
        )


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


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _header_key(text: str) -> str:
    return words.fold(_ELLIPSIS.sub("", _NUMBERED.sub("", words.fold(text))))


class _Matcher:
    """Finds the question a header names: exactly, or as Forms cut it short. A header cut so short
    that several questions start with it is settled by its place: a note follows its question, and
    a question follows the one before it in the questionnaire."""

    def __init__(self, q: Questionnaire):
        self.prompts = {_header_key(x.prompt): x.id for x in q.questions()}
        self.order = [x.id for x in q.questions()]

    def find(self, header: str, after: str = "", note: bool = False) -> tuple[str, str]:
        """(question id, "") or ("", why not). `after` is the question the column before maps to."""
        key = _header_key(header)
        if key in self.prompts:
            return self.prompts[key], ""
        if len(key) >= MIN_TRUNCATED:
            found = [qid for prompt, qid in self.prompts.items() if prompt.startswith(key)]
            if len(found) == 1:
                return found[0], ""
            if len(found) > 1:
                if after and note and after in found:
                    return after, ""
                following = self.order[self.order.index(after) + 1] if after in self.order[:-1] else ""
                if not after and not note:
                    following = self.order[0]
                if following and not note and following in found:
                    return following, ""
                return "", _("it could be any of the questions {ids}").format(ids=", ".join(found))
        return "", _("no question of the questionnaire has this text")


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
        _map_columns(found, header, q, role_column, lived_column)
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


def _map_columns(
    found: Preview, header: list[Cell], q: Questionnaire, role_column: str | None, lived_column: str | None
) -> None:
    matcher = _Matcher(q)
    # The app's own wording, in the language in force and in English; or the header the lead names.
    wanted = {
        "role": [_header_key(role_column)]
        if role_column
        else [_header_key(x) for x in words.both(words.ROLE_QUESTION)],
        "lived": [_header_key(lived_column)]
        if lived_column
        else [_header_key(x) for x in words.both(words.LIVED_EXPERIENCE_QUESTION)],
        "name": [_header_key(x) for x in words.both(words.NAME_QUESTION)],
    }
    prefixes = [_header_key(x) for x in words.both(words.NOTE_PREFIX)]

    def names(key: str, value: str) -> bool:
        return key == value or (len(key) >= MIN_TRUNCATED and value.startswith(key))

    taken: dict[str, str] = {}
    last = ""  # the question the latest question column maps to
    for i, cell in enumerate(header):
        letter = column_letter(i + 1)
        text = cell.text() if not cell.is_formula() else ""
        if not text:
            found.columns.append(Column(letter, "", "unmapped", reason=_("the column has no header")))
            continue
        key = _header_key(text)
        kind, qid, reason = "unmapped", "", ""
        person = next((k for k, values in wanted.items() if any(names(key, v) for v in values)), None)
        prefix = next((p for p in prefixes if key.startswith(p)), None)
        if key in FORMS_OWN:
            kind = "ignored"
        elif person is not None:
            kind = person
        elif prefix is not None:
            qid, reason = matcher.find(key[len(prefix) :], last, note=True)
            kind = "note" if qid else "unmapped"
        else:
            qid, reason = matcher.find(text, last)
            kind = "question" if qid else "unmapped"
            last = qid or last
        slot = f"{kind}:{qid}"
        if kind not in ("ignored", "unmapped") and slot in taken:
            kind, reason = "unmapped", _("column {letter} already holds this").format(letter=taken[slot])
            qid = ""
        elif kind not in ("ignored", "unmapped"):
            taken[slot] = letter
        found.columns.append(Column(letter, text, kind, qid, reason))
    # Trailing columns with neither header nor anything in them are no columns at all.
    while found.columns and found.columns[-1].kind == "unmapped" and not found.columns[-1].header:
        found.columns.pop()
    if "role:" not in taken:
        found.problems.append(
            _(
                "No column holds the role. Name its header with --role-column (the app's own wording is "
                "\u201c{wording}\u201d)"
            ).format(wording=_(words.ROLE_QUESTION))
        )
    asked = {c.question_id for c in found.columns if c.kind == "question"}
    found.unasked = [x.id for x in q.questions() if x.id not in asked]


def _read_row(
    found: Preview, cells: list[Cell], base: Assessment, q: Questionnaire, readers: dict[str, words.AnswerReader]
) -> None:
    if all(c.value in (None, "") for c in cells):
        found.empty_rows += 1
        return
    number = cells[0].row
    id_column = next(
        (i for i, c in enumerate(found.columns) if c.kind == "ignored" and _header_key(c.header) == "id"), None
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
                problems.append(said.format(cell=_at(cell), text=_short(text, 60)))
        elif column.kind == "lived":
            if text:
                found_lived = words.lived_experience(text)
                if found_lived is None:
                    problems.append(
                        _(
                            "{cell}: \u201c{text}\u201d is not Yes, No or Prefer not to say "
                            "(skipping counts it as prefer not to say)"
                        ).format(cell=_at(cell), text=_short(text, 60))
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
                        cell=_at(cell), text=_short(text, 60), id=column.question_id
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
    names = [t.name for t, _ in targets]
    if len(set(names)) != len(names):
        targets = [(folder / f"forms-response-row-{r.number:04d}{EXTENSION}", r) for r in made]
    clash = [t for t, _ in targets if t.exists() or t.is_symlink()]
    if clash:
        said = ngettext(
            "{file} is already there ({count} of the files to write is). Nothing was written: choose an empty folder",
            "{file} is already there ({count} of the files to write are). Nothing was written: choose an empty folder",
            len(clash),
        )
        raise ImportError_(said.format(file=clash[0], count=len(clash)))
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for target, row in targets:
        assert row.assessment is not None
        # Encoded once, read back as any response file is read (the same checks), then written atomically.
        data = store.encode(row.assessment, str(target))
        store.loads(data.decode("utf-8"), _("{file} row {number}").format(file=found.source, number=row.number))
        store.write_atomic(target, data)
        written.append(target)
    return written
