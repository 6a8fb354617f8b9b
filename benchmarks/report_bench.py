"""Report benchmark: building the board paper, and the whole plan, against a bare reportlab
document of the same length.

    python -c "import sys; sys.path.insert(0, 'benchmarks'); import report_bench; report_bench.bench_report(5)"

Each plan is compared with a bare reportlab document of the same number of
pages (tables of paragraphs in the same TrueType font, built in the same run),
for time and for peak memory traced while building. Target: within 1.5 times.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import median_ms, verdict  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

TARGET = 1.5
TODAY = dt.date(2026, 11, 24)
_WORDS = [
    "people",
    "with",
    "lived",
    "experience",
    "share",
    "the",
    "work",
    "and",
    "the",
    "decisions",
    "about",
    "what",
    "changes",
    "next",
    "while",
    "the",
    "board",
    "hears",
    "directly",
    "from",
    "the",
    "staff",
    "network",
    "about",
    "policies",
    "pay",
    "and",
    "rest",
]


def peak_mib(fn: Callable[[], object]) -> float:
    """Peak memory allocated by Python while `fn` runs (tracemalloc), in MiB."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page[^s]", pdf))


def words(count: int, seed: int) -> str:
    return " ".join(_WORDS[(seed * 7 + i * 3) % len(_WORDS)] for i in range(count)).capitalize() + "."


def all_answered_with_long_notes():  # type: ignore[no-untyped-def]
    """Every question answered, each with a note of about 1,500 characters and evidence."""
    from coprod_check.app import resources
    from coprod_check.domain.assessment import Answer
    from coprod_check.domain.example import make_example
    from coprod_check.domain.loader import load_questionnaire_file

    q = load_questionnaire_file(resources.data_dir("questionnaires") / "coproduction-readiness.yaml")
    a = make_example(q, TODAY)
    for i, question in enumerate(q.questions()):
        a.answers[question.id] = Answer(q.levels[i % len(q.levels)].id, note=words(220, i), evidence=words(40, i + 1))
    return q, a


def bare_document(rows: int) -> bytes:
    """A plain reportlab document: tables of twelve paragraph rows, headers repeated, same font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from coprod_check.report import fonts

    fonts.register()  # the same TrueType family the plan embeds (Helvetica cannot print ŵ)
    style = ParagraphStyle("cell", fontName=fonts.FAMILY, fontSize=10, leading=12.5)
    bold = ParagraphStyle("head", parent=style, fontName=fonts.BOLD)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, invariant=1)
    widths = [doc.width * 0.45, doc.width * 0.35, doc.width * 0.2]
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "grey"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    story = []
    for start in range(0, rows, 12):
        data = [[Paragraph(h, bold) for h in ("Action", "Why", "Owner")]]
        for i in range(start, min(rows, start + 12)):
            data.append(
                [
                    Paragraph(f"<b>{words(6, i)}</b> {words(40, i)}", style),
                    Paragraph(words(25, i + 1), style),
                    Paragraph("Service manager", style),
                ]
            )
        story += [Paragraph(f"Part {start // 12 + 1}", bold), Table(data, colWidths=widths, repeatRows=1, style=grid)]
    doc.build(story)
    return buffer.getvalue()


def bare_rows_for(target_pages: int) -> int:
    """How many table rows make a bare document of `target_pages` pages."""
    per_page = 120 / pages(bare_document(120))
    rows = round(target_pages * per_page)
    while pages(bare_document(rows)) < target_pages:
        rows += max(1, round(per_page / 4))
    return rows


def board_paper_only(q, a) -> bytes:  # type: ignore[no-untyped-def]
    """The board paper on its own (its four pages at most): scored, built and laid out."""
    from coprod_check.report.content import build_paper
    from coprod_check.report.content.model import Paper
    from coprod_check.report.model import prepare
    from coprod_check.report.paper_pdf import render_paper

    paper = build_paper(prepare(q, a, assessment_sha256="0" * 64, today=TODAY))
    return render_paper(Paper(paper.meta, paper.parts[:1]), "a4")[0]


def bench_report(repeat: int) -> None:
    """The board paper, and the whole plan for the example and for a fully answered assessment
    with long notes, each against a bare document of as many pages."""
    from coprod_check.domain.example import make_example
    from coprod_check.report import render_pdf

    q, full = all_answered_with_long_notes()
    example = make_example(q, TODAY)
    cases = [
        ("board paper (example)", example, board_paper_only),
        ("example assessment", example, None),
        ("all answered, long notes", full, None),
    ]
    print(f"\nReport: build the PDF plan (median of {repeat} runs; peak memory traced while building)")
    for name, assessment, only in cases:

        def plan(a=assessment, only=only) -> bytes:  # type: ignore[no-untyped-def]
            if only is not None:
                return only(q, a)  # type: ignore[no-any-return]
            return render_pdf(q, a, today=TODAY, assessment_sha256="0" * 64)

        n = pages(plan())  # also warms up: fonts registered, modules imported
        rows = bare_rows_for(n)

        def bare(rows: int = rows) -> bytes:
            return bare_document(rows)

        bare_pages = pages(bare())
        t_bare, t_plan = median_ms(bare, repeat), median_ms(plan, repeat)
        m_bare, m_plan = peak_mib(bare), peak_mib(plan)
        time_ratio, memory_ratio = t_plan / t_bare, m_plan / m_bare
        bare_label = f"bare reportlab, {bare_pages} pages of paragraph tables"
        plan_label = f"plan: {name}, {n} pages"
        print(f"  {bare_label:50s} {t_bare:7.1f} ms  {m_bare:5.1f} MiB peak")
        print(f"  {plan_label:50s} {t_plan:7.1f} ms  {m_plan:5.1f} MiB peak")
        print(
            f"    time {time_ratio:4.2f}x bare  {verdict(time_ratio, TARGET)};  "
            f"memory {memory_ratio:4.2f}x bare  {verdict(memory_ratio, TARGET)}"
        )


if __name__ == "__main__":
    bench_report(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
