"""The Word twin and the actions workbook and CSV, against bare python-docx, openpyxl and csv
documents of the same length, built in the same run.

    python benchmarks/run.py twins

"Same length": the bare Word document has as many headings, paragraphs, tables (with the same
rows and columns, text of the same size) and pictures (the same PNGs, made beforehand) as the
twin; the bare workbook and CSV have the same rows and columns of the same text. The twins' time
includes everything the command does after reading the file: scoring, building the paper,
drawing the charts, the template, and making the bytes deterministic. Target: within 1.5x.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import verdict  # noqa: E402
from report_bench import TODAY, all_answered_with_long_notes, peak_mib  # noqa: E402

TARGET = 1.5
SHA = "0" * 64


def shape(paper):  # type: ignore[no-untyped-def]
    """The paper's blocks as the bare document will have them: ("h", text) ("p", text)
    ("t", header, rows) ("i", png)."""
    from coprod_check.report.chart_png import chart_png
    from coprod_check.report.content.model import Chart, Fields, Heading, Items, Para, Quote, Table, plain, walk

    out: list[tuple] = []  # type: ignore[type-arg]
    for section in paper.sections():
        for b in walk(section.blocks):
            if isinstance(b, Heading):
                out.append(("h", b.text, b.level))
            elif isinstance(b, Para):
                out.append(("p", plain(b.runs)))
            elif isinstance(b, Items):
                out += [("p", plain(item)) for item in b.items]
            elif isinstance(b, Quote):
                out.append(("p", b.text))
            elif isinstance(b, Fields):
                out.append(("t", ("", ""), [(label, plain(v)) for label, v in b.rows]))
            elif isinstance(b, Table):
                rows = []
                for i, row in enumerate(b.rows):
                    rows.append(tuple(plain(c) for c in row))
                    if i < len(b.details) and b.details[i]:
                        rows.append((plain(b.details[i]),))  # the details row under it
                out.append(("t", b.header, rows))
            elif isinstance(b, Chart):
                out.append(("i", chart_png(b, 160 * b.width_share) or b"", b.width_share))
    return out


def bare_docx(blocks) -> bytes:  # type: ignore[no-untyped-def]
    """python-docx on its own: the same headings, paragraphs, tables and pictures, saved."""
    from docx import Document
    from docx.shared import Mm

    doc = Document()
    for block in blocks:
        if block[0] == "h":
            doc.add_heading(block[1], min(3, block[2]))
        elif block[0] == "p":
            doc.add_paragraph(block[1])
        elif block[0] == "t":
            header, rows = block[1], block[2]
            table = doc.add_table(rows=1, cols=len(header))
            for cell, text in zip(table.rows[0].cells, header, strict=False):
                cell.text = text
            for row in rows:
                for cell, text in zip(table.add_row().cells, row, strict=False):
                    cell.text = text
        elif block[0] == "i" and block[1]:
            doc.add_picture(io.BytesIO(block[1]), width=Mm(160 * block[2]))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def bare_xlsx(sheets) -> bytes:  # type: ignore[no-untyped-def]
    """openpyxl on its own: the same sheets with the same rows of text, saved."""
    from openpyxl import Workbook

    wb = Workbook()
    for n, rows in enumerate(sheets):
        ws = wb.active if n == 0 else wb.create_sheet()
        for row in rows:
            ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def sheets_of(data: bytes):  # type: ignore[no-untyped-def]
    """Every sheet's rows of the workbook made, as text, to build the bare one from."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    return [[tuple("" if v is None else str(v) for v in row) for row in ws.iter_rows(values_only=True)] for ws in wb]


def bare_csv(rows) -> bytes:  # type: ignore[no-untyped-def]
    """The csv module on its own: the same rows, UTF-8 with a byte-order mark."""
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def paired_ms(first, second, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The fastest of `repeat` runs of each of two functions, run in turn: on a shared machine a
    busy spell slows whichever runs then, and the fastest run is the one it did not touch."""
    import time

    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, out in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            fn()
            out.append((time.perf_counter() - start) * 1000)
    return min(times[0]), min(times[1])


def bench_twins(repeat: int) -> None:
    from coprod_check.domain.example import make_example
    from coprod_check.report.action_rows import action_rows
    from coprod_check.report.content import paper_for
    from coprod_check.report.formats import render_plan
    from coprod_check.report.model import prepare

    q, full = all_answered_with_long_notes()
    cases = [("example assessment", make_example(q, TODAY)), ("all answered, long notes", full)]
    print(f"\nWord and spreadsheet twins (fastest of {repeat} runs each, in turn; peak memory traced while building)")
    for name, a in cases:
        paper = paper_for(q, a, assessment_sha256=SHA, today=TODAY)
        blocks = shape(paper)
        report = prepare(q, a, assessment_sha256=SHA, today=TODAY)
        rows = [tuple(str(v) for v in r) for r in action_rows(report)]
        sheets = sheets_of(render_plan(q, a, "xlsx", assessment_sha256=SHA, today=TODAY))
        for fmt, bare, label in (
            ("docx", lambda b=blocks: bare_docx(b), "bare python-docx"),
            ("xlsx", lambda s=sheets: bare_xlsx(s), "bare openpyxl"),
            ("csv", lambda r=rows: bare_csv(r), "bare csv module"),
        ):

            def twin(a=a, fmt=fmt) -> bytes:  # type: ignore[no-untyped-def]
                return render_plan(q, a, fmt, assessment_sha256=SHA, today=TODAY)

            twin(), bare()  # warm up: modules imported, fonts read
            t_bare, t_twin = paired_ms(bare, twin, repeat)
            m_bare, m_twin = peak_mib(bare), peak_mib(twin)
            size = {
                "docx": f"{len(blocks)} blocks",
                "xlsx": f"{len(sheets)} sheets, {sum(len(x) for x in sheets)} rows",
                "csv": f"{len(rows)} rows",
            }[fmt]
            print(f"  {label + ', ' + size:50s} {t_bare:7.1f} ms  {m_bare:5.1f} MiB peak")
            print(f"  {fmt + ': ' + name:50s} {t_twin:7.1f} ms  {m_twin:5.1f} MiB peak")
            time_ratio = t_twin / t_bare
            print(
                f"    time {time_ratio:4.2f}x bare  {verdict(time_ratio, TARGET)};  memory {m_twin / m_bare:4.2f}x bare"
            )


if __name__ == "__main__":
    bench_twins(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
