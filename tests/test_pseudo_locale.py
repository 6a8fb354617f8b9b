"""The pseudo-locale runs through the window, the command line and the printed plan, and no
English is left that did not go through the translation layer.

COPROD_CHECK_LANGUAGE=x-pseudo accents every letter the layer gives out (coprod_check/i18n.py),
so an ASCII word still on a page is one that skipped the layer, unless it came from a file:
the questionnaire's own words (which carry their own translations), and what people typed.
Each check runs in a fresh process, because the language is chosen once per process.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from coprod_check import i18n
from coprod_check.app import resources

ROOT = Path(__file__).resolve().parents[1]


def strings_in(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in strings_in(k) + strings_in(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings_in(v)]
    return []


def questionnaire_strings() -> list[str]:
    """Every string of the built-in questionnaires, and each of their sentences on its own
    (the result quotes a place's description up to a sentence)."""
    out: list[str] = []
    for path in resources.builtin_questionnaires():
        out += strings_in(yaml.safe_load(path.read_text(encoding="utf-8")))
    return out + [part for text in out for part in re.split(r"(?<=[.?!])\s+", text)]


def english_left(text: str, exempt: list[str]) -> list[str]:
    """The ASCII words of `text` that are not inside any exempt string (longest first)."""
    t = html.unescape(re.sub(r"<[^<>]*>", " ", text))
    t = " ".join(re.sub(r"\S*[/\\]\S+", " ", t).split())  # paths
    # A file's text cut with an ellipsis to fit one line (the appendix's unanswered questions).
    for cut in re.findall(r"([^\u2013\u2026]{12,}?)\u2026", t):
        if any(" ".join(e.split()).casefold().startswith(cut.strip().casefold()) for e in exempt):
            t = t.replace(cut + "\u2026", " ")
    for e in exempt:
        e = " ".join(html.unescape(re.sub(r"<[^<>]*>", " ", e)).split())
        if len(e) > 1 and e.casefold() in t.casefold():  # a title may be shown in lower case
            t = re.sub(re.escape(e), " ", t, flags=re.IGNORECASE)
    t = t.replace("coprod-check", " ")  # the app's name
    # Keys as printed on a keyboard (a shortcut's Ctrl+U, F6) are the keyboard's words.
    t = re.sub(r"\b(?:Ctrl|Alt|Shift)(?:\+(?:Page Up|Page Down|[A-Za-z0-9]+))+|\bF\d+\b", " ", t)
    return re.findall(r"[A-Za-z]{2,}", t)


def leftovers(texts: list[tuple[str, str]], exempt: list[str]) -> list[str]:
    exempt = sorted({" ".join(e.split()) for e in exempt if e and e.strip()}, key=len, reverse=True)
    seen: dict[str, str] = {}
    for where, text in texts:
        seen.setdefault(text, where)
    return [f"{where}: {text!r} -> {words}" for text, where in seen.items() if (words := english_left(text, exempt))]


def pseudo_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env[i18n.ENV] = i18n.PSEUDO
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_the_check_finds_english_and_exempts_the_questionnaire():
    """The check itself can fail: English that skipped the layer is found; file text is not."""
    exempt = ["Doing with / led by", "Northfield Trust"]
    assert english_left("Doing with / led by: 2 people", exempt) == ["people"]
    assert english_left(i18n.pseudo("{n} people").format(n=2), exempt) == []
    assert english_left("Northfield Trust \u2013 " + i18n.pseudo("Results"), exempt) == []
    # A file's text cut to fit one line is the file's; English cut the same way is still found.
    assert english_left("\u2013 Northfield Tr\u2026", ["Northfield Trust of the north"]) == []
    assert english_left("\u2013 Words of our own, cut sh\u2026", exempt) == ["Words", "of", "our", "own", "cut", "sh"]
    assert english_left("<b>Warning:</b> it", []) == ["Warning", "it"]


def test_every_page_of_the_window_is_in_the_pseudo_locale(tmp_path):
    pytest.importorskip("pytestqt")
    proc = subprocess.run(
        [sys.executable, "-m", "tests.gui.pseudo_walk", str(tmp_path)],
        cwd=ROOT,
        env=pseudo_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    found = json.loads(proc.stdout)
    texts = [(where, text) for where, text in found["texts"]]
    pages = {where.split(": ")[-1] for where, _ in texts}
    assert {"start page", "about", "review", "results", "plan"} <= pages and len(pages) > 40
    assert any("\u00e1\u00e1" in text for _, text in texts)  # the pseudo-locale really is on
    left = leftovers(texts, found["exempt"])
    assert not left, "English that did not go through coprod_check.i18n:\n" + "\n".join(left[:40])


def _cli(env: dict[str, str], *args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "coprod_check", *args], env=env, capture_output=True, text=True, timeout=120
    )
    return proc.stdout + proc.stderr


def test_the_command_line_speaks_the_pseudo_locale(tmp_path):
    env = pseudo_env(tmp_path)
    example, blank, later = tmp_path / "example.json", tmp_path / "blank.json", tmp_path / "later.json"
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\ntitle: A broken questionnaire\nversion: '1.0'\ndomains: []\n", encoding="utf-8")
    outputs = [
        ("example", _cli(env, "example", "-o", str(example))),
        ("validate", _cli(env, "validate")),
        ("validate broken", _cli(env, "validate", str(broken))),
        ("list", _cli(env, "list")),
        ("score", _cli(env, "score", str(example))),
        ("blank", _cli(env, "blank", str(example), "-o", str(blank))),
        ("blank workbook", _cli(env, "blank", str(example), "-o", str(tmp_path / "b.xlsx"))),
        ("combine workbook", _cli(env, "combine", str(tmp_path / "b.xlsx"), "-o", str(tmp_path / "w.json"))),
        ("export-forms", _cli(env, "export-forms", str(example), "-o", str(tmp_path / "q.txt"))),
        ("next-round", _cli(env, "next-round", str(example), "-o", str(later))),
        ("compare", _cli(env, "compare", str(example), str(later))),
        ("compare same", _cli(env, "compare", str(example), str(example))),
        ("combine", _cli(env, "combine", str(blank), str(blank), "-o", str(tmp_path / "g.json"))),
        ("score missing", _cli(env, "score", str(tmp_path / "missing.json"))),
        ("help", _cli(env, "--help")),
        ("score help", _cli(env, "score", "--help")),
        ("usage error", _cli(env, "score")),
        ("unknown option", _cli(env, "score", str(example), "--colour")),
    ]
    exempt = questionnaire_strings() + [str(tmp_path)]
    # A response workbook's sheet names and headers are identifiers its reader finds them by, kept in
    # every language (exchange/layout.py); a message naming a cell names its sheet so.
    from coprod_check.exchange import layout

    exempt += [layout.ABOUT_SHEET, layout.ANSWERS_SHEET, layout.START_SHEET, *layout.COLUMNS]
    for path in (example, later):
        exempt += strings_in(json.loads(path.read_text(encoding="utf-8")))
    texts = [(name, line) for name, out in outputs for line in out.splitlines() if line.strip()]
    assert any("\u00e1\u00e1" in text for _, text in texts)
    # Paths, and in the help the command and option names, which are what a person types.
    commands = (
        r"(?<!\S)(?:validate|list|example|score|report|blank|export-forms|import-forms|combine|statement|compare"
        r"|next-round|licences)(?![\w-])"
    )
    typed = commands + r"|(?<![\w-])--?[a-z][a-z-]*|\b(?:COMMAND|FILE|PATH|PLAN\.pdf)\b"
    texts = [
        (n, re.sub(typed, " ", t) if n in ("help", "score help", "usage error", "unknown option") else t)
        for n, t in texts
    ]
    left = leftovers(texts, exempt)
    assert not left, "English that did not go through coprod_check.i18n:\n" + "\n".join(left[:40])


def test_the_printed_plan_is_in_the_pseudo_locale(tmp_path):
    """The PDF read back as text: its own words went through the layer. Table cells and wrapped
    lines break the questionnaire's text apart, so here a word is also let through where it is
    a word of the questionnaire or the file, and only whole lines of the plan's own are checked."""
    pypdf = pytest.importorskip("pypdf")
    env = pseudo_env(tmp_path)
    example, later, pdf = tmp_path / "example.json", tmp_path / "later.json", tmp_path / "plan.pdf"
    _cli(env, "example", "-o", str(example))
    _cli(env, "next-round", str(example), "-o", str(later))
    texts = []
    for source in (example, later):
        out = _cli(env, "report", str(source), "-o", str(pdf), "--force")
        assert pdf.exists(), out
        reader = pypdf.PdfReader(pdf)
        texts += [(f"{source.name} page {n}", page.extract_text()) for n, page in enumerate(reader.pages, 1)]
        pdf.unlink()
    exempt = questionnaire_strings() + [str(tmp_path)]
    for path in (example, later):
        exempt += strings_in(json.loads(path.read_text(encoding="utf-8")))
    # A word the plan hyphenated ("deci-sions") leaves pieces: a piece of a file's word is let through.
    file_words = " ".join({w for text in exempt for w in re.findall(r"[A-Za-z]{2,}", text)})
    page_text = " ".join(text for _, text in texts)
    assert "\u00e1\u00e1" in page_text and len(texts) > 10
    left = [
        f"{where}: {words}"
        for where, text in texts
        if (words := [w for w in english_left(re.sub(r"\w*\d\w*", " ", text), exempt) if w not in file_words])
    ]
    assert not left, "English in the PDF that did not go through coprod_check.i18n:\n" + "\n".join(left[:40])


PAPER_WALK = """
import dataclasses, json, sys
from coprod_check.domain.example import make_example
from coprod_check.domain.fileformat import to_dict
from coprod_check.report.content.build import build_paper
from coprod_check.report.model import prepare
from tests.report.voices import builtin, mixed_group, next_round

def strings(value, out):
    if isinstance(value, str):
        out.append(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            strings(getattr(value, f.name), out)
    elif isinstance(value, tuple) and hasattr(value, "_fields"):
        for v in value:
            strings(v, out)
    elif isinstance(value, (list, tuple)):
        for v in value:
            strings(v, out)
    elif isinstance(value, dict):
        for v in value.values():
            strings(v, out)
    return out

q = builtin()
found = []
for name, a in (("example", make_example(q)), ("next round", next_round()), ("group", mixed_group())):
    found += [[name, s] for s in strings(build_paper(prepare(q, a)), [])]
    found += [["file", s] for s in strings(to_dict(a), [])]
print(json.dumps(found))
"""


def test_the_board_paper_s_words_are_in_the_pseudo_locale(tmp_path):
    """The board paper and its appendix (report/content), the model the PDF and Word twins render."""
    proc = subprocess.run(
        [sys.executable, "-c", PAPER_WALK],
        cwd=ROOT,
        env=pseudo_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    found = json.loads(proc.stdout)
    texts = [(where, text) for where, text in found if where != "file"]
    exempt = questionnaire_strings() + [text for where, text in found if where == "file"]
    assert any("\u00e1\u00e1" in text for _, text in texts) and len(texts) > 200
    # Ids a renderer reads (section keys, roles of series, markers) are not words on the page.
    texts = [(w, t) for w, t in texts if not re.fullmatch(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*", t)]
    left = leftovers(texts, exempt)
    assert not left, "English in the board paper that did not go through coprod_check.i18n:\n" + "\n".join(left[:60])
