"""`score FILE` is read without argparse (cli.quick_args), to keep the command line's start
within 1.5x of `import yaml`. It must give exactly the namespace argparse gives, and leave every
other spelling to argparse."""

import subprocess
import sys

import pytest

from coprod_check.cli import build_parser, quick_args


@pytest.mark.parametrize(
    "argv",
    [
        ["score", "a.coprod"],
        ["score", "a.coprod", "--json"],
        ["score", "--json", "a.coprod"],
        ["score", "folder/with space/a.json"],
        ["score", ""],
    ],
)
def test_the_quick_reading_is_what_argparse_reads(argv):
    quick = quick_args(argv)
    assert quick is not None
    assert vars(quick) == vars(build_parser("score").parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["score"],
        ["score", "-h"],
        ["score", "--help"],
        ["score", "a.coprod", "--js"],  # argparse's abbreviation: its reading, and its errors
        ["score", "a.coprod", "b.coprod"],
        ["score", "a.coprod", "--json", "--json"],
        ["score", "a.coprod", "--questionnaire", "q.yaml"],
        ["score", "-", "--json"],
        ["validate"],
        ["report", "a.coprod"],
    ],
)
def test_anything_else_goes_to_argparse(argv):
    assert quick_args(argv) is None


def test_score_starts_without_argparse_gettext_or_locale(tmp_path):
    example = tmp_path / "e.coprod"
    subprocess.run([sys.executable, "-m", "coprod_check", "example", "-o", str(example)], check=True, timeout=120)
    code = (
        "import sys, runpy; sys.argv = ['coprod-check', 'score', sys.argv[1]]\n"
        "try:\n    runpy.run_module('coprod_check', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print('LOADED', sorted(m for m in ('argparse', 'gettext', 'locale') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(example)], capture_output=True, text=True, timeout=120)
    assert "LOADED []" in proc.stdout, proc.stdout + proc.stderr
