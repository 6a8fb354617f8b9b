"""coprod-check benchmarks: print figures measured in one run on this machine.

    python benchmarks/run.py            # everything
    python benchmarks/run.py cli scale  # chosen groups

Each group compares coprod-check against a baseline measured in the same run,
because shared machines are noisy: read the ratios, not the absolute times.
Targets (from the issues) are printed beside each ratio.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing
sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import median_ms, verdict  # noqa: E402


def run_process(cmd: list[str], env: dict[str, str]) -> Callable[[], object]:
    def go() -> None:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)

    return go


def bench_cli(repeat: int) -> None:
    """validate and score as whole processes, against `python -c "import yaml"`."""
    exe = shutil.which("coprod-check", path=str(Path(sys.executable).parent))
    base_cmd = [exe] if exe else [sys.executable, "-m", "coprod_check"]
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "COPROD_CHECK_CACHE": str(Path(tmp) / "cache"),
            "COPROD_CHECK_HOME": str(Path(tmp) / "home"),
        }
        # An installed package has its bytecode compiled, as PyYAML's is; a checkout
        # run with PYTHONDONTWRITEBYTECODE would recompile ours on every start.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        example = Path(tmp) / "example.json"
        subprocess.run([*base_cmd, "example", "-o", str(example)], check=True, env=env, stdout=subprocess.DEVNULL)
        cold_env = {**env, "COPROD_CHECK_NO_CACHE": "1"}
        # The translation layer: English (the default) loads no catalogue and no Babel; the
        # pseudo-locale changes every sentence as it is asked for (coprod_check/i18n.py).
        english_env = {**env, "COPROD_CHECK_LANGUAGE": "en_GB"}
        pseudo_env = {**env, "COPROD_CHECK_LANGUAGE": "x-pseudo"}
        rows = [
            ("bare: python -c 'import yaml'", run_process([sys.executable, "-c", "import yaml"], env)),
            ("coprod-check validate", run_process([*base_cmd, "validate"], env)),
            ("coprod-check score FILE", run_process([*base_cmd, "score", str(example)], env)),
            ("coprod-check score FILE --json", run_process([*base_cmd, "score", str(example), "--json"], env)),
            ("validate, no parse cache (cold)", run_process([*base_cmd, "validate"], cold_env)),
            ("score, no parse cache (cold)", run_process([*base_cmd, "score", str(example)], cold_env)),
            ("score, language en_GB (set)", run_process([*base_cmd, "score", str(example)], english_env)),
            ("score, pseudo-locale x-pseudo", run_process([*base_cmd, "score", str(example)], pseudo_env)),
            ("validate, pseudo-locale x-pseudo", run_process([*base_cmd, "validate"], pseudo_env)),
        ]
        for _, fn in rows:  # warm the OS file cache and the parse cache
            fn()
        results = [(name, median_ms(fn, repeat)) for name, fn in rows]
    bare = results[0][1]
    print(f"\nCommand line (median of {repeat} runs; the parse cache is explained in the README)")
    for i, (name, ms) in enumerate(results):
        ratio = ms / bare
        target = i < 4 or name.startswith("score, language")  # English, however it is chosen
        note = "" if i == 0 else f"  {ratio:4.2f}x bare" + (f"  {verdict(ratio, 1.5)}" if target else "  (no target)")
        print(f"  {name:34s} {ms:7.1f} ms{note}")


def generated_questionnaire(questions: int) -> str:
    """YAML for a questionnaire with `questions` questions in 10 domains, valid and realistic in size.

    The built-in questionnaire's rules (scales, stages, bands, places, glossary, support) with
    generated domains: each question is answered on the scale its orientation uses there.
    """
    import yaml

    from coprod_check.app import resources

    built_in = yaml.safe_load((resources.data_dir("questionnaires") / "coproduction-readiness.yaml").read_text())
    header = {k: v for k, v in built_in.items() if k not in ("domains", "changes", "themes")}
    scale_of: dict[str, str] = {}
    for domain in built_in["domains"]:
        for q in domain["questions"]:
            scale_of.setdefault(q["orientation"], q.get("scale", ""))
    # Its stage rules name built-in domains; here they name a generated one.
    for stage in header["stages"]:
        for need in stage.get("requires", []):
            if "domain" in need:
                need["domain"] = "d7"
    levels_of = {sid: [lv["id"] for lv in scale["levels"]] for sid, scale in header.get("scales", {}).items()}
    orientations = [o for o in ("with", "care", "parity") if o in scale_of]
    parts = [yaml.safe_dump(header, sort_keys=False, allow_unicode=True, width=100), "domains:\n"]
    per_domain = questions // 10
    for d in range(10):
        parts.append(f"  - id: d{d}\n    title: Domain {d}\n    description: Generated domain {d}.\n    questions:\n")
        for i in range(per_domain):
            qid = f"d{d}-q{i}"
            orientation = orientations[i % len(orientations)]
            scale = scale_of[orientation]
            levels = levels_of[scale] if scale else [lv["id"] for lv in header["levels"]]
            parts.append(
                f"      - id: {qid}\n        prompt: Generated question {qid}, long enough to look like a real one?\n"
                f"        why: Because generated questions need a reason too, written as a sentence.\n"
                f"        orientation: {orientation}\n"
                + (f"        scale: {scale}\n" if scale else "")
                + f"        weight: {1 + i % 3}\n"
                "        levels:\n"
                + "".join(
                    f"          {lv}: At this level the organisation does thing {j} for {qid}.\n"
                    for j, lv in enumerate(levels)
                )
                + "        actions:\n"
                + "".join(
                    f"          {lv}:\n            title: Move {qid} up from {lv}\n"
                    f"            why: It helps the people involved.\n"
                    f"            how: Meet, agree the change, write it down and review it.\n"
                    f"            owner: Service manager\n            timescale: now\n"
                    for lv in levels[:-1]
                )
            )
    return "".join(parts)


def bench_scale(repeat: int) -> None:
    """Load, check and score 100 against 1,000 questions, in-process."""
    from coprod_check.domain.assessment import Answer, Assessment
    from coprod_check.domain.loader import parse_questionnaire
    from coprod_check.domain.plan import derive_actions
    from coprod_check.domain.scoring import score

    def work(text: str) -> None:
        q = parse_questionnaire(text, "generated.yaml")
        a = Assessment.new(q)
        for i, question in enumerate(q.questions()):
            a.answers[question.id] = Answer(q.levels[i % 5].id)
        score(q, a)
        derive_actions(q, a)

    print(f"\nScale: load, check and score a generated questionnaire (median of {repeat})")
    small, large = generated_questionnaire(100), generated_questionnaire(1000)
    t_small = median_ms(lambda: work(small), repeat)
    t_large = median_ms(lambda: work(large), repeat)
    print(f"  100 questions   {t_small:8.1f} ms  ({len(small) / 1024:.0f} KiB of YAML)")
    print(f"  1,000 questions {t_large:8.1f} ms  ({len(large) / 1024:.0f} KiB of YAML)")
    ratio = t_large / t_small
    print(f"  10x the questions costs {ratio:.1f}x the time  {verdict(ratio, 12)}")


def generated_responses(count: int) -> list[str]:
    """`count` individual response files for the built-in questionnaire, as JSON text."""
    import random

    from coprod_check.app import catalogue, store
    from coprod_check.domain.assessment import Answer, Assessment, Participant

    q = catalogue.find("coproduction-readiness")
    assert q is not None
    rng = random.Random(count)
    roles = [p.id for p in q.perspectives]
    choices = [lv.id for lv in q.levels] + ["dont-know"]
    texts = []
    for i in range(count):
        a = Assessment.new(q)
        a.organisation = "Generated Trust"
        a.participants = [Participant(rng.choice(roles), rng.choice(["yes", "no", "prefer-not-to-say"]), f"P{i}")]
        for question in q.questions():
            if rng.random() < 0.9:
                a.answers[question.id] = Answer(rng.choice(choices), note="A short note." if rng.random() < 0.2 else "")
        texts.append(store.dumps(a))
    return texts


def bench_combine(repeat: int) -> None:
    """Read, combine and analyse 50 against 500 individual responses."""
    from coprod_check.app import catalogue, store
    from coprod_check.domain.combine import combine, source
    from coprod_check.domain.group import disagreements, group_view, lived_experience_gaps
    from coprod_check.domain.scoring import score

    q = catalogue.find("coproduction-readiness")
    assert q is not None

    def work(texts: list[str]) -> None:
        sources = [source(f"r{i}.json", t.encode(), store.loads(t, f"r{i}.json")) for i, t in enumerate(texts)]
        group, _ = combine(q, sources)
        score(q, group_view(q, group))
        disagreements(q, group)
        lived_experience_gaps(q, group)

    print(f"\nSeveral voices: read, combine and analyse responses (median of {max(3, repeat // 3)})")
    small, large = generated_responses(50), generated_responses(500)
    t_small = median_ms(lambda: work(small), max(3, repeat // 3))
    t_large = median_ms(lambda: work(large), max(3, repeat // 3))
    print(f"  50 responses   {t_small:8.1f} ms")
    print(f"  500 responses  {t_large:8.1f} ms  (a person waits about 1,000 ms for a button)")
    ratio = t_large / t_small
    print(f"  10x the responses costs {ratio:.1f}x the time  {verdict(ratio, 12)}")


def bench_exchange(repeat: int) -> None:
    """A 500-row Microsoft Forms export imported and combined, against 500 JSON responses (exchange_bench.py)."""
    import exchange_bench

    exchange_bench.bench_exchange(repeat)


def bench_report(repeat: int) -> None:
    """The PDF plan against a bare reportlab document of the same length (benchmarks/report_bench.py)."""
    import report_bench

    report_bench.bench_report(max(3, repeat // 3))


def bench_twins(repeat: int) -> None:
    """The Word twin, the actions workbook and CSV against bare python-docx, openpyxl and csv (twins_bench.py)."""
    import twins_bench

    twins_bench.bench_twins(max(5, repeat))


def bench_gui(repeat: int) -> None:
    """Time to the first painted window and its peak memory, against a bare QMainWindow (gui_bench.py)."""
    import gui_bench

    gui_bench.bench_gui(max(3, repeat // 3))


def bench_stalls(repeat: int) -> None:
    """The window's longest event-loop stall per action, against 100 ms (stall_bench.py)."""
    import stall_bench

    stall_bench.bench_stalls(max(3, repeat // 5))


def bench_accel(repeat: int) -> None:
    """The PDF plan with reportlab's C accelerator and without (accel_bench.py)."""
    import accel_bench

    accel_bench.bench_accel(max(3, repeat // 2))


GROUPS = {
    "cli": bench_cli,
    "scale": bench_scale,
    "combine": bench_combine,
    "exchange": bench_exchange,
    "report": bench_report,
    "twins": bench_twins,
    "gui": bench_gui,
    "stalls": bench_stalls,
    "accel": bench_accel,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("groups", nargs="*", metavar="GROUP", help=f"any of: {', '.join(GROUPS)}")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    print(f"coprod-check benchmarks on Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    for name in args.groups or GROUPS:
        GROUPS[name](args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
