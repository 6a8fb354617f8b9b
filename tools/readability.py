"""How hard the built-in questionnaire is to read, text by text.

    python tools/readability.py                  # the built-in questionnaire
    python tools/readability.py FILE.yaml [--worst 20]

Scores every prompt and every level text on its own with textstat 0.7.3's
``flesch_kincaid_grade`` (the measure issue 9 names, so that everyone gets the
same figures; 0.7.3 counts syllables with pyphen and needs no download), and
prints the distribution, the share above grade 6 and the worst texts. A grade
is roughly a UK reading age minus five: grade 6 is a reading age of about 11.

textstat is a development dependency only (the ``dev`` extra); the app never
imports it. ``tests/domain/test_readiness_content.py`` holds the same limits
as a test: median at most 6, none above 9.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = ROOT / "questionnaires" / "coproduction-readiness.yaml"
MEDIAN_LIMIT = 6.0
MAX_LIMIT = 9.0


def scored_texts(data: dict) -> Iterator[tuple[str, str]]:
    """(where, text) for every prompt and level text of a questionnaire's parsed YAML."""
    for domain in data.get("domains", []):
        for question in domain.get("questions", []):
            qid = question.get("id", "?")
            yield f"{qid}: prompt", " ".join(str(question.get("prompt", "")).split())
            for level, text in (question.get("levels") or {}).items():
                yield f"{qid}: {level}", " ".join(str(text).split())


def grades(data: dict) -> list[tuple[float, str, str]]:
    """(grade, where, text) for every scored text, in file order."""
    import textstat  # dev-only: imported here so the module can be read without it

    return [(float(textstat.flesch_kincaid_grade(text)), where, text) for where, text in scored_texts(data)]


def report(scores: list[tuple[float, str, str]], worst: int = 10) -> str:
    """The distribution, the share above grade 6, and the hardest texts, as plain text."""
    values = [g for g, _, _ in scores]
    lines = [
        f"texts scored: {len(values)} (prompts and level texts, each on its own)",
        f"median grade: {statistics.median(values):.1f} (limit {MEDIAN_LIMIT:g})",
        f"mean grade:   {statistics.fmean(values):.1f}",
        f"max grade:    {max(values):.1f} (limit {MAX_LIMIT:g})",
        f"above grade 6: {sum(v > 6 for v in values) / len(values):.0%}",
        f"above grade 9: {sum(v > 9 for v in values)}",
        "",
        "grade   texts",
    ]
    low = int(min(0, min(values)))
    for g in range(low, int(max(values)) + 1):
        n = sum(g <= v < g + 1 for v in values)
        lines.append(f"{g:>3}-{g + 1:<3} {n:>5} {'#' * n}")
    lines += ["", f"the {worst} hardest:"]
    for g, where, text in sorted(scores, key=lambda s: -s[0])[:worst]:
        lines.append(f"{g:5.1f}  {where}: {text}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=BUILTIN)
    parser.add_argument("--worst", type=int, default=10)
    args = parser.parse_args(argv)
    data = yaml.safe_load(args.file.read_text(encoding="utf-8"))
    scores = grades(data)
    print(report(scores, args.worst))
    values = [g for g, _, _ in scores]
    return 0 if statistics.median(values) <= MEDIAN_LIMIT and max(values) <= MAX_LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
