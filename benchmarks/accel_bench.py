"""reportlab's C accelerator (rl_accel): how much faster the PDF plan is with it than without.

    python benchmarks/run.py accel

Each case runs in two fresh processes, one with the accelerator and one with it blocked
(sys.modules["_rl_accel"] = None, as reportlab's own timing script does), each warmed up
once and then timed. Both must produce the same bytes. Target: 1.5 to 2 times faster.

It prints, too, what the plan calls most: comparing text fragments (sameFrag) and measuring
TrueType words. With reportlab 5.1 and rl_accel 0.9.1 the C sameFrag is the slower one,
which is why rl_accel is an extra (`accel`), not a dependency: see pyproject.toml.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET = 1.5

CHILD = """
import hashlib, json, sys
if sys.argv[1] == "pure":
    sys.modules["_rl_accel"] = None  # reportlab falls back to its pure-Python functions
sys.path[:0] = [{here!r}, {src!r}]
from measure import median_ms
from report_bench import TODAY, all_answered_with_long_notes
from coprod_check.domain.example import make_example
from coprod_check.report import render_pdf
import reportlab.lib.rl_accel as accel

import timeit
import reportlab.platypus.paragraph as paragraph
from reportlab.pdfbase.pdfmetrics import getFont
from coprod_check.report import fonts

q, full = all_answered_with_long_notes()
case = {{"example": make_example(q, TODAY), "long": full}}[sys.argv[2]]
plan = lambda: render_pdf(q, case, today=TODAY, assessment_sha256="0" * 64)
# The two functions the plan calls most: comparing text fragments, and measuring words.
pairs, same_frag = [], paragraph.sameFrag
paragraph.sameFrag = lambda a, b: (len(pairs) < 2000 and pairs.append((a, b))) or same_frag(a, b)
pdf = plan()
paragraph.sameFrag = same_frag
frag_us = timeit.timeit(lambda: [same_frag(a, b) for a, b in pairs], number=20) / (20 * len(pairs)) * 1e6
font = getFont(fonts.FAMILY)
width_us = timeit.timeit(lambda: font.stringWidth("people with lived experience share", 10), number=20000) / 20000 * 1e6
print(json.dumps({{"ms": median_ms(plan, int(sys.argv[3])), "sha256": hashlib.sha256(pdf).hexdigest(),
                   "c_functions": sorted(accel._c_funcs), "frag_us": frag_us, "width_us": width_us}}))
"""


def measure(mode: str, case: str, repeat: int) -> dict[str, object]:
    code = CHILD.format(here=str(HERE), src=str(ROOT / "src"))
    out = subprocess.run(
        [sys.executable, "-c", code, mode, case, str(repeat)], capture_output=True, text=True, check=True
    ).stdout
    return dict(json.loads(out.splitlines()[-1]))


def bench_accel(repeat: int) -> None:
    print(f"\nreportlab accelerator: the PDF plan with rl_accel's C functions and without (median of {repeat})")
    for case, name in (("example", "example assessment"), ("long", "all answered, long notes")):
        fast, slow = measure("c", case, repeat), measure("pure", case, repeat)
        if not fast["c_functions"]:
            print(f"  {name}: rl_accel is not installed here, so there is nothing to compare")
            return
        same = "same PDF" if fast["sha256"] == slow["sha256"] else "DIFFERENT PDFs"
        ratio = float(slow["ms"]) / float(fast["ms"])  # type: ignore[arg-type]
        verdict = "within" if ratio >= TARGET else "UNDER"
        print(
            f"  {name:<26} C {fast['ms']:7.1f} ms   pure Python {slow['ms']:7.1f} ms   "
            f"speed-up {ratio:.2f}x ({verdict} target {TARGET}x); {same}"
        )
    print(
        f"  per call: sameFrag C {fast['frag_us']:.2f} us, Python {slow['frag_us']:.2f} us; "
        f"TrueType stringWidth C {fast['width_us']:.2f} us, Python {slow['width_us']:.2f} us"
    )


if __name__ == "__main__":
    bench_accel(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
