"""The actions as a workbook and as CSV, read back with openpyxl and the csv module."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import pytest
from openpyxl import load_workbook

from coprod_check.domain.assessment import ActionEdit, Answer, CustomAction
from coprod_check.domain.plan import GROUP_TITLES
from coprod_check.report.action_rows import HEADERS
from coprod_check.report.formats import format_for, render_plan
from coprod_check.report.model import prepare
from coprod_check.report.ooxml import SHA256_PROPERTY
from coprod_check.report.spreadsheet import CELL_LIMIT, render_csv, render_xlsx
from tests.domain.test_profiles import profile_assessment
from tests.report.pdf import TODAY, example, readiness

SHA = "0123456789abcdef" * 4


def _report(a=None, **kw):
    return prepare(readiness(), a or example(), assessment_sha256=SHA, today=TODAY, **kw)


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def _sheet_rows(data: bytes, sheet: str = "Actions") -> list[list[object]]:
    wb = load_workbook(io.BytesIO(data))
    return [[c.value for c in row] for row in wb[sheet].iter_rows()]


def test_the_actions_sheet_comes_first_with_the_header_and_every_accepted_action_in_print_order() -> None:
    report = _report()
    data = render_xlsx(report)
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames[0] == "Actions"
    assert "Read me" in wb.sheetnames and "Domains" in wb.sheetnames
    rows = _sheet_rows(data)
    assert tuple(rows[0]) == HEADERS
    assert [r[0] for r in rows[1:]] == [a.id for a in report.accepted]
    assert len(rows) - 1 == len(report.accepted) > 10
    first = report.accepted[0]
    got = dict(zip(HEADERS, rows[1], strict=True))
    assert got["Action"] == first.title
    assert got["Priority group"] == GROUP_TITLES[first.group]
    assert got["Assessment SHA-256"] == SHA
    assert got["Domain"] == readiness().domain(first.domain_id).title
    assert got["Care, partnership or parity"] in ("Builds care", "Builds partnership", "Builds parity")
    # the header row is an Excel table's header and repeats on every printed page
    ws = wb["Actions"]
    assert ws.freeze_panes == "A2"
    assert ws.print_title_rows == "$1:$1"
    assert list(ws.tables) == ["Actions"]


def test_care_or_partnership_follows_the_question() -> None:
    from coprod_check.report.content.words import kind_text

    report = _report()
    q = readiness()
    rows = _sheet_rows(render_xlsx(report))[1:]
    seen = set()
    for action, row in zip(report.accepted, rows, strict=True):
        assert row[5] == kind_text(action)  # the paper's own words for it
        orientation = q.question(action.question_id).orientation
        if orientation in ("care", "with"):
            assert row[5] == {"care": "Builds care", "with": "Builds partnership"}[orientation]
            seen.add(orientation)
    assert seen == {"care", "with"}


def test_the_csv_lists_the_same_as_the_sheet() -> None:
    report = _report()
    sheet = _sheet_rows(render_xlsx(report))
    rows = _csv_rows(render_csv(report))
    assert rows[0] == list(HEADERS)
    assert [r[0] for r in rows] == [r[0] for r in sheet]
    assert [r[1] for r in rows] == [r[1] for r in sheet]
    assert render_csv(report).count(b"\r\n") >= len(rows)


def test_the_hash_is_in_the_readme_and_the_properties() -> None:
    data = render_xlsx(_report())
    wb = load_workbook(io.BytesIO(data))
    readme = {r[0]: r[1] for r in _sheet_rows(data, "Read me")}
    assert readme["Assessment SHA-256"] == SHA
    assert wb.custom_doc_props[SHA256_PROPERTY].value == SHA
    assert wb.properties.identifier == f"sha256:{SHA}"
    assert wb.properties.language == "en-GB"


def test_the_same_bytes_for_the_same_input_and_date() -> None:
    assert render_xlsx(_report()) == render_xlsx(_report())
    assert render_csv(_report()) == render_csv(_report())
    other = prepare(readiness(), example(), assessment_sha256=SHA, today=TODAY + dt.timedelta(days=1))
    assert render_xlsx(other) != render_xlsx(_report())


def test_ids_stay_stable_when_the_plan_is_edited_and_exported_again() -> None:
    a = example()
    before = [r[0] for r in _csv_rows(render_csv(_report(a)))[1:]]
    first = before[0]
    a.plan.edits[first] = ActionEdit(
        title="Our own words", owner="Ward manager", due="2027-03-31", status="in-progress"
    )
    a.plan.custom.append(CustomAction(id="own:1", title="Ask the peer network", timescale="later"))
    rows = _csv_rows(render_csv(_report(a)))[1:]
    after = [r[0] for r in rows]
    assert after[: len(before)] == before or set(before) <= set(after)
    edited = next(r for r in rows if r[0] == first)
    assert edited[1] == "Our own words" and edited[6] == "Ward manager"
    assert edited[8] == "2027-03-31" and edited[9] == "In progress"
    assert "own:1" in after
    sheet = _sheet_rows(render_xlsx(_report(a)))
    row = next(r for r in sheet if r[0] == first)
    assert row[8] == dt.datetime(2027, 3, 31)  # a real date, so the sheet sorts and filters by it


def test_a_suggested_owner_is_never_listed_as_agreed_a_confirmed_one_is() -> None:
    a = example()
    rows = _csv_rows(render_csv(_report(a)))[1:]
    assert {r[7] for r in rows} == {"No"}
    first, second = rows[0][0], rows[1][0]
    a.plan.edits[first] = ActionEdit(owner_agreed=True)
    a.plan.edits[second] = ActionEdit(owner="", owner_agreed=True)  # nobody to agree with
    agreed = {r[0]: r[7] for r in _csv_rows(render_csv(_report(a)))[1:]}
    assert agreed[first] == "Yes" and agreed[second] == "No"


HOSTILE = '=HYPERLINK("http://x","y") <b>bold</b> \u202eשלום 👩🏽‍⚕️ nul\x00 esc\x1b c1\x92 del\x7f'


def test_text_is_kept_literally_controls_shown_and_never_run_as_a_formula() -> None:
    a = example()
    a.plan.custom.append(CustomAction(id="own:x", title=HOSTILE, why="+1", how="@SUM(A1)", owner="-2"))
    data = render_xlsx(_report(a))
    row = next(r for r in _sheet_rows(data) if r[0] == "own:x")
    assert row[1] == ('=HYPERLINK("http://x","y") <b>bold</b> \u202eשלום 👩🏽‍⚕️ nul\\x00 esc\\x1b c1\\x92 del\\x7f')
    assert (row[2], row[3], row[6]) == ("+1", "@SUM(A1)", "-2")
    wb = load_workbook(io.BytesIO(data))
    cells = [c for line in wb["Actions"].iter_rows() for c in line if c.value in (row[1], "+1", "-2")]
    assert len(cells) == 3 and {c.data_type for c in cells} == {"s"}  # text, not a formula
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet1.xml")
    csv_row = next(r for r in _csv_rows(render_csv(_report(a))) if r[0] == "own:x")
    assert csv_row[1] == "'" + row[1]
    assert (csv_row[2], csv_row[3], csv_row[6]) == ("'+1", "'@SUM(A1)", "'-2")


def test_a_cell_too_long_for_excel_is_cut_visibly() -> None:
    a = example()
    a.plan.custom.append(CustomAction(id="own:long", title="Long", why="word " * 10_000))
    row = next(r for r in _sheet_rows(render_xlsx(_report(a))) if r[0] == "own:long")
    assert len(row[2]) == CELL_LIMIT
    assert row[2].endswith("the whole text is in the assessment file]")


def test_private_notes_and_names_never_reach_the_files() -> None:
    a = example()
    q = readiness()
    first = next(iter(q.questions()))
    a.answers[first.id] = Answer("asking", note="PRIVATE-NOTE-TEXT", note_private=True)
    for p in a.people:
        p.name = "Zofia Secretname"
    for fmt in ("xlsx", "csv"):
        data = render_plan(q, a, fmt, assessment_sha256=SHA, today=TODAY)
        text = _all_text(data, fmt)
        assert "PRIVATE-NOTE-TEXT" not in text and "Secretname" not in text


def _all_text(data: bytes, fmt: str) -> str:
    if fmt == "csv":
        return data.decode("utf-8-sig")
    wb = load_workbook(io.BytesIO(data))
    return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)


@pytest.mark.parametrize("name", ["consultation-culture", "honest-dont-know", "group-disagree", "user-led-charity"])
def test_realistic_organisations_list_every_accepted_action(name: str) -> None:
    q = readiness()
    a = profile_assessment(q, name)
    report = prepare(q, a, assessment_sha256=SHA, today=TODAY)
    rows = _sheet_rows(render_xlsx(report))
    assert [r[0] for r in rows[1:]] == [x.id for x in report.accepted]
    assert all(r[11] == SHA for r in rows[1:])
    assert _csv_rows(render_csv(report))[0] == list(HEADERS)


def test_a_plan_with_no_actions_still_has_its_header() -> None:
    q = readiness()
    a = example()
    a.answers = {}
    a.plan.edits = {}
    report = prepare(q, a, assessment_sha256=SHA, today=TODAY)
    for action in report.plan:
        a.plan.edits[action.id] = ActionEdit(accepted=False)
    report = prepare(q, a, assessment_sha256=SHA, today=TODAY)
    assert _sheet_rows(render_xlsx(report)) == [list(HEADERS)]
    assert _csv_rows(render_csv(report)) == [list(HEADERS)]


def test_the_format_follows_the_extension() -> None:
    from pathlib import Path

    assert [format_for(Path(n)) for n in ("a.PDF", "b.docx", "c.xlsx", "d.csv")] == ["pdf", "docx", "xlsx", "csv"]
    with pytest.raises(ValueError, match="can be written as"):
        format_for(Path("plan.odt"))


def test_questions_not_answered_yet_are_listed_only_when_asked() -> None:
    q = readiness()
    a = example()
    report = prepare(q, a, assessment_sha256=SHA, today=TODAY)
    assert report.unanswered  # the example leaves some questions unanswered
    plain = _csv_rows(render_csv(report))
    asked = _csv_rows(render_csv(report, find_out_unanswered=True))
    extra = asked[len(plain) :]
    assert asked[: len(plain)] == plain
    assert [r[0] for r in extra] == [f"find-out:{x.id}" for x in report.unanswered]
    assert all(r[1].startswith("Find out: ") and r[10] == "Still to answer" and r[7] == "No" for r in extra)
    sheet = _sheet_rows(render_plan(q, a, "xlsx", assessment_sha256=SHA, today=TODAY, find_out_unanswered=True))
    assert [r[0] for r in sheet[1:]] == [r[0] for r in asked[1:]]
