"""Workbooks and Forms exports are untrusted: each odd one gets a clear message or is read safely."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest

from coprod_check.cli import main
from coprod_check.exchange import layout, workbook_read, xlsx
from coprod_check.exchange.xlsx import WorkbookError
from tests.exchange.people import blank_workbook, row_of


@pytest.fixture
def blank(tmp_path):
    return blank_workbook(tmp_path)


def filled(blank, out, **cells):
    """The blank workbook with a role and the given Answers cells set ("F2": value)."""
    book = openpyxl.load_workbook(blank)
    book[layout.ABOUT_SHEET]["B2"] = "Staff member"
    for where, value in cells.items():
        book[layout.ANSWERS_SHEET][where] = value
    book.save(out)
    return out


def problems_of(path):
    with pytest.raises(WorkbookError) as exc:
        workbook_read.read(path)
    return exc.value.problems


def test_a_macro_workbook_is_refused_by_name_and_by_content(blank, tmp_path, capsys):
    xlsm = tmp_path / "answers.xlsm"
    xlsm.write_bytes(blank.read_bytes())
    assert main(["combine", str(xlsm), "-o", str(tmp_path / "g.coprod")]) == 1
    assert "is a workbook with macros, which coprod-check never opens" in capsys.readouterr().err
    disguised = tmp_path / "disguised.xlsx"
    with zipfile.ZipFile(blank) as src, zipfile.ZipFile(disguised, "w") as out:
        for item in src.infolist():
            out.writestr(item, src.read(item))
        out.writestr("xl/vbaProject.bin", b"\0" * 100)
    assert problems_of(disguised) == [
        "holds macros, which coprod-check never opens. Save it from Excel as an \u201cExcel Workbook (.xlsx)\u201d "
        "and try again"
    ]


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"", "is not an Excel workbook (.xlsx)"),
        (b"PK\x03\x04 broken", "is not an Excel workbook (.xlsx)"),
        (b'{"format": "coprod-check-assessment"}', "is not an Excel workbook (.xlsx)"),
    ],
)
def test_what_is_not_a_workbook_says_so(tmp_path, data, said):
    (tmp_path / "x.xlsx").write_bytes(data)
    assert said in problems_of(tmp_path / "x.xlsx")[0]


def test_a_zip_that_would_unpack_too_large_is_not_opened(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "UNPACKED_LIMIT", 1_000_000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", b"<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * 2_000_000)
    (tmp_path / "bomb.xlsx").write_bytes(buffer.getvalue())
    assert "would unpack to more than" in problems_of(tmp_path / "bomb.xlsx")[0]


def test_another_programs_workbook_is_not_guessed_at(tmp_path, capsys):
    book = openpyxl.Workbook()
    book.active.append(["Question", "Answer"])
    book.save(tmp_path / "other.xlsx")
    assert main(["combine", str(tmp_path / "other.xlsx"), "-o", str(tmp_path / "g.coprod")]) == 1
    err = capsys.readouterr().err
    assert "is not a coprod-check response workbook" in err and "import-forms" in err


def test_formulas_are_reported_and_never_worked_out(blank, tmp_path):
    book = openpyxl.load_workbook(blank)
    rows = row_of(book)
    r1, r2, r3 = rows["power-agenda"], rows["power-timing"], rows["power-support"]
    path = filled(
        blank,
        tmp_path / "f.xlsx",
        **{
            f"F{r1}": '=IF(TRUE,"Asking","Sharing")',
            f"G{r2}": "='[secret.xlsx]Sheet1'!A1",
            f"I{r3}": '=WEBSERVICE("http://example.invalid")',
        },
    )
    problems = problems_of(path)
    assert any(p.startswith(f"Answers!F{r1}: the answer is a formula") for p in problems)
    assert any(p.startswith(f"Answers!G{r2}: the note is a formula") for p in problems)
    assert any(p.startswith(f"Answers!I{r3}: the evidence is a formula") for p in problems)
    assert len(problems) == 3


def test_merged_cells_wrong_types_and_hidden_sheets_are_read_safely(blank, tmp_path):
    book = openpyxl.load_workbook(blank)
    rows = row_of(book)
    sheet = book[layout.ANSWERS_SHEET]
    sheet.protection.sheet = False
    r = rows["power-agenda"]
    sheet[f"F{r}"] = "Asking"
    sheet.merge_cells(f"F{r}:G{r}")  # an answer merged over the note: the note is empty
    sheet[f"G{rows['power-timing']}"] = dt.datetime(2026, 11, 3, 10, 30)  # a date where a note goes
    sheet[f"H{rows['power-timing']}"] = True  # a real yes/no where the switch goes
    sheet[f"G{rows['power-support']}"] = 42
    hidden = book.create_sheet("Answers (old)")
    hidden["F2"] = "sort of"
    hidden.sheet_state = "hidden"
    book[layout.ABOUT_SHEET]["B2"] = "Staff member"
    book.save(tmp_path / "m.xlsx")
    a, _ = workbook_read.read(tmp_path / "m.xlsx")
    assert a.answers["power-agenda"].choice == "asking" and a.answers["power-agenda"].note == ""
    assert a.answers["power-timing"].note == "2026-11-03T10:30:00" and a.answers["power-timing"].note_private
    assert a.answers["power-support"].note == "42"


def test_a_huge_sheet_is_reported_not_loaded(blank, tmp_path):
    book = openpyxl.load_workbook(blank)
    book[layout.ABOUT_SHEET]["B2"] = "Staff member"
    sheet = book[layout.ANSWERS_SHEET]
    sheet.cell(row=xlsx.MAX_ROWS + 50, column=7, value="far down")
    book.save(tmp_path / "h.xlsx")
    problems = problems_of(tmp_path / "h.xlsx")
    assert problems == [
        f"Answers has more than {xlsx.MAX_ROWS:,} rows; the rows after row {xlsx.MAX_ROWS:,} were not read. "
        "No sheet of answers is that long: check that this is the right file"
    ]


def test_a_sheet_claiming_to_be_vast_is_read_only_as_far_as_the_limit(blank, tmp_path):
    filled(blank, tmp_path / "w.xlsx")
    with zipfile.ZipFile(tmp_path / "w.xlsx") as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    # The Answers sheet, found by the size it says it has.
    size = (
        f'<dimension ref="A1:I{openpyxl.load_workbook(tmp_path / "w.xlsx")[layout.ANSWERS_SHEET].max_row}"/>'.encode()
    )
    for name, data in parts.items():
        if name.startswith("xl/worksheets/sheet") and size in data:
            parts[name] = data.replace(size, b'<dimension ref="A1:XFD1048576"/>')
    with zipfile.ZipFile(tmp_path / "v.xlsx", "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    problems = problems_of(tmp_path / "v.xlsx")
    assert problems == [
        f"Answers is 16,384 columns wide; only the first {xlsx.MAX_COLUMNS:,} were read "
        "(no sheet of answers is that wide)"
    ]


def test_a_forms_export_with_a_formula_for_a_role_makes_no_response_from_that_row(tmp_path, capsys):
    from tests.exchange.people import Person, forms_export, lead

    lead(tmp_path)
    people = [Person("Staff member", "No", "", {"power-agenda": "asking"}), Person("=1+1", "No", "", {})]
    export = forms_export(tmp_path, people, tmp_path / "e.xlsx")
    args = ["import-forms", str(export), "--assessment", str(tmp_path / "lead.coprod"), "-o", str(tmp_path / "o")]
    assert main(args) == 1
    assert (
        "Sheet1!F3 (row 3): holds a formula or an error value, which is never worked out or read"
        in capsys.readouterr().out
    )
    assert not (tmp_path / "o").exists()


def test_control_characters_in_an_organisations_name_make_valid_files_and_map_back(tmp_path, capsys):
    """A workbook and a Word file cannot hold control characters: they show as placeholders
    (report/literal.py), and the workbook still maps back to the very same organisation."""
    import docx

    from coprod_check.app import store
    from tests.exchange.people import json_response, lead

    lead_file, _blank = lead(tmp_path)
    a = store.load(lead_file)
    a.organisation, a.team = "North\x01field <b>Trust</b>\x0b", "East\x07"
    store.save(lead_file, a)
    assert main(["blank", str(lead_file), "-o", str(tmp_path / "blank2.coprod")]) == 0
    assert main(["blank", str(lead_file), "-o", str(tmp_path / "b.xlsx")]) == 0
    assert main(["export-forms", str(lead_file), "-o", str(tmp_path / "q.docx")]) == 0
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "q.docx")).paragraphs)
    start = " ".join(str(c.value) for c in openpyxl.load_workbook(tmp_path / "b.xlsx")["Start here"]["A"] if c.value)
    from coprod_check.report.literal import visible

    shown = visible("North\x01field")  # the placeholder rule of report/literal.py
    assert f"{shown} <b>Trust</b>" in start and shown in text
    filled = tmp_path / "f.xlsx"
    book = openpyxl.load_workbook(tmp_path / "b.xlsx")
    book[layout.ABOUT_SHEET]["B2"] = "Staff member"
    book.save(filled)
    from tests.exchange.people import Person

    other = json_response(
        tmp_path / "blank2.coprod", tmp_path / "j.coprod", Person("Manager or team lead", "No", "", {})
    )
    capsys.readouterr()
    assert main(["combine", str(other), str(filled), "-o", str(tmp_path / "g.coprod")]) == 0
    assert store.load(tmp_path / "g.coprod").organisation == "North\x01field <b>Trust</b>"  # combine strips ends


def test_an_organisation_named_like_a_formula_stays_text(tmp_path, capsys):
    from coprod_check.app import store
    from tests.exchange.people import lead

    lead_file, _blank = lead(tmp_path)
    a = store.load(lead_file)
    a.organisation = '=HYPERLINK("http://example.invalid","Click")'
    store.save(lead_file, a)
    assert main(["blank", str(lead_file), "-o", str(tmp_path / "b.xlsx")]) == 0
    with zipfile.ZipFile(tmp_path / "b.xlsx") as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    book = openpyxl.load_workbook(tmp_path / "b.xlsx")
    book[layout.ABOUT_SHEET]["B2"] = "Staff member"
    book.save(tmp_path / "f.xlsx")
    read, _ = workbook_read.read(tmp_path / "f.xlsx")
    assert read.organisation == a.organisation
