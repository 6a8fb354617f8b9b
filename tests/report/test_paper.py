"""The paper questionnaire: what a person filling it in by hand needs, read back from the PDF."""

from __future__ import annotations

from coprod_check.cli import main
from coprod_check.domain.combine import blank_copy
from coprod_check.domain.taking_part import support_text
from coprod_check.report import paper
from tests.report.pdf import Pdf, example, flat, readiness


def render(**options):
    q = readiness()
    return Pdf(paper.render(blank_copy(example(), q), q, **options))


def test_every_question_every_level_sentence_and_the_person_questions_are_printed():
    pdf = render()
    q = readiness()
    assert "What is your role in this assessment? Tick one." in pdf.flat
    assert all(flat(p.label) in pdf.flat for p in q.perspectives)
    assert "Do you have lived experience of mental health difficulties? Tick one." in pdf.flat
    assert "Prefer not to say" in pdf.flat and "Your name (optional" in pdf.flat
    for x in q.questions():
        assert flat(x.prompt) in pdf.flat, x.id
        assert all(flat(sentence) in pdf.flat for sentence in x.levels.values()), x.id
        assert f"Question id: {x.id}" in pdf.flat
    assert pdf.flat.count("Note (optional)") == len(list(q.questions()))
    assert pdf.flat.count("Don\u2019t know") >= len(list(q.questions()))


def test_it_says_who_types_it_in_what_happens_to_it_and_where_to_find_support():
    pdf = render(entered_by="Sam Patel (team lead)")
    assert "Give the filled-in form back to Sam Patel (team lead)." in pdf.flat
    assert "shred this paper" in pdf.flat and "Nothing is sent anywhere." in pdf.flat
    assert "There are no private notes on paper" in pdf.flat
    assert flat(support_text(readiness())) in pdf.flat and "at least 3 people" in pdf.flat
    assert "Some questions are about mental health difficulties" in pdf.flat


def test_large_print_is_one_option_away_and_never_below_16_pt():
    normal, large = render(), render(large=True)
    assert len(large.pages) > len(normal.pages) * 1.4
    assert "Large print" in large.pages[-1]
    sizes = set()

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes.add(round(size * tm[0], 1))

    large.reader.pages[2].extract_text(visitor_text=visit)
    body = {s for s in sizes if s > 9}  # the running header and footer are small on every page
    assert min(body) >= 13.5, sizes  # 16 pt text; the muted notes are 13.6 pt


def test_the_same_assessment_prints_the_same_bytes_and_text_is_escaped():
    q = readiness()
    a = blank_copy(example(), q)
    a.organisation = "<b>Trust & Partners</b> \u0175"
    first = paper.render(a, q, entered_by="<img src='/etc/passwd'/>")
    assert paper.render(a, q, entered_by="<img src='/etc/passwd'/>") == first
    pdf = Pdf(first)
    assert "<b>Trust & Partners</b> \u0175" in pdf.text and "<img src='/etc/passwd'/>" in pdf.flat


def test_blank_writes_a_pdf_and_refuses_a_word_file(tmp_path, capsys):
    assert main(["example", "-o", str(tmp_path / "a.coprod")]) == 0
    assert main(["blank", str(tmp_path / "a.coprod"), "-o", str(tmp_path / "p.pdf"), "--large-print"]) == 0
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
    assert main(["blank", str(tmp_path / "a.coprod"), "-o", str(tmp_path / "p.docx")]) == 1
    assert "export-forms" in capsys.readouterr().err and not (tmp_path / "p.docx").exists()
