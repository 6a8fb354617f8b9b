"""Importing a Microsoft Forms export of 500 respondents and combining it, against combining the same
500 people's JSON response files, in one run (issue 17: within 1.5x).

Both sides start from files on disk and end with the group file saved:
* JSON: read 500 response files (the one reader), combine, save the group;
* Forms: read the export, map it (`forms_import.preview`), write 500 response files through the
  assessment writer, read them back, combine, save: what `import-forms` then `combine` do;
* Forms, straight: the same export mapped and combined without the 500 files in between.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from measure import median_ms, verdict


def _people(q, count: int):
    from coprod_check.exchange import words

    rng = random.Random(count)
    out = []
    for i in range(count):
        role = rng.choice(q.perspectives).label
        lived = rng.choice(list(words.LIVED_EXPERIENCE_LABELS.values()))
        answers = {}
        notes = {}
        for question in q.questions():
            if rng.random() < 0.9:
                answers[question.id] = rng.choice(words.choices(q, question))
            if rng.random() < 0.2:
                notes[question.id] = f"A short note from respondent {i}."
        out.append((role, lived, answers, notes))
    return out


def _files(tmp: Path, count: int):
    from openpyxl import Workbook

    from coprod_check.app import catalogue, store
    from coprod_check.domain.assessment import Answer, Assessment, Participant
    from coprod_check.exchange import words

    q = catalogue.find("coproduction-readiness")
    lead = Assessment.new(q)
    lead.organisation = "Generated Trust"
    lead.date = "2026-11-30"
    store.save(tmp / "lead.coprod", lead)
    people = _people(q, count)
    json_dir = tmp / "json"
    json_dir.mkdir()
    questions = list(q.questions())
    book = Workbook()  # shared strings, as Excel (and so Forms) writes them
    sheet = book.active
    sheet.title = "Sheet1"
    header = ["Id", "Start time", "Completion time", "Email", "Name", words.ROLE_QUESTION]
    header += [words.LIVED_EXPERIENCE_QUESTION, words.NAME_QUESTION]
    for x in questions:
        header += [x.prompt, words.NOTE_PREFIX + x.prompt]
    sheet.append(header)
    for i, (role, lived, answers, notes) in enumerate(people, 1):
        a = Assessment.new(q)
        a.organisation, a.date = lead.organisation, lead.date
        perspective = next(p.id for p in q.perspectives if p.label == role)
        a.participants = [Participant(perspective, words.lived_experience(lived) or "no")]
        row = [i, None, None, "anonymous", "", role, lived, ""]
        for x in questions:
            choice = answers.get(x.id)
            if choice is not None or x.id in notes:
                a.answers[x.id] = Answer(choice.id if choice else None, notes.get(x.id, ""))
            row.append(None if choice is None else (f"{choice.label}: {choice.text}" if choice.text else choice.label))
            row.append(notes.get(x.id))
        sheet.append(row)
        store.save(json_dir / f"r{i:03d}.coprod", a)
    book.save(tmp / "forms.xlsx")
    _as_excel_writes_it(tmp / "forms.xlsx")
    return q, lead


def _as_excel_writes_it(path: Path) -> None:
    """openpyxl writes every string inline; Excel, and so Forms, writes them once in a shared table,
    which reads faster. LibreOffice, where it is installed, saves the export the way Excel does."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        print("  (LibreOffice not found: the export keeps openpyxl's inline strings, which read slower)")
        return
    out = path.parent / "lo"
    subprocess.run(
        [soffice, "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=300,
    )
    (out / path.name).replace(path)


def bench_exchange(repeat: int, count: int = 500) -> None:
    from coprod_check.app import store
    from coprod_check.app.files import read_response
    from coprod_check.domain.combine import combine
    from coprod_check.exchange import forms_import

    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        q, lead = _files(tmp, count)
        json_files = sorted((tmp / "json").iterdir())
        runs = {"n": 0}

        def by_json() -> None:
            sources = [read_response(p, p.name) for p in json_files]
            group, _ = combine(q, sources)
            store.save(tmp / "group-json.coprod", group)

        def by_forms() -> None:
            runs["n"] += 1
            folder = tmp / f"forms-{runs['n']}"
            found = forms_import.preview(tmp / "forms.xlsx", lead, q)
            assert found.complete and len(found.responses()) == count, found.lines()[-3:]
            written = forms_import.write(found, folder)
            sources = [read_response(p, p.name) for p in written]
            group, _ = combine(q, sources)
            store.save(tmp / "group-forms.coprod", group)

        def import_only() -> None:
            runs["n"] += 1
            forms_import.write(forms_import.preview(tmp / "forms.xlsx", lead, q), tmp / f"import-{runs['n']}")

        def by_forms_straight() -> None:
            found = forms_import.preview(tmp / "forms.xlsx", lead, q)
            group, _ = combine(q, forms_import.sources(found))
            store.save(tmp / "group-straight.coprod", group)

        times = max(3, repeat // 3)
        print(f"\nTaking part without installing: {count} respondents (median of {times})")
        t_json = median_ms(by_json, times)
        t_import = median_ms(import_only, times)
        t_forms = median_ms(by_forms, times)
        t_straight = median_ms(by_forms_straight, times)
        print(f"  combine {count} JSON responses                    {t_json:8.1f} ms")
        print(f"  import-forms ({count} files written) + combine    {t_forms:8.1f} ms  ", end="")
        print(f"{t_forms / t_json:.2f}x  {verdict(t_forms / t_json, 1.5)}")
        print(f"    of which import-forms alone (500 files, each fsynced, as every save is) {t_import:8.1f} ms")
        print(f"  Forms export mapped and combined directly      {t_straight:8.1f} ms  ", end="")
        print(f"{t_straight / t_json:.2f}x  {verdict(t_straight / t_json, 1.5)}")
        a = store.load(tmp / "group-json.coprod")
        b = store.load(tmp / "group-forms.coprod")
        same = [(r.participant, r.answers) for r in a.responses] == [(r.participant, r.answers) for r in b.responses]
        print(f"  the two groups hold the same people and answers: {same}")
