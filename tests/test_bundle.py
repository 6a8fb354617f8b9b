"""The one-folder bundle (packaging/build) runs from anywhere, with no Python, and prints the same PDF.

Slow: it builds the bundle with PyInstaller (a minute or two once the build venv exists).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = sys.platform == "win32"
EXE = "coprod-check.exe" if WINDOWS else "coprod-check"
# On Windows coprod-check.exe is windowed (no stdout): the command line is coprod-check.com.
CLI = "coprod-check.com" if WINDOWS else EXE

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "darwin", reason="on macOS the bundle is an .app (built by CI's workflow)"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The bundle, built, then copied away from the repository, the build venv and its first folder."""
    built = tmp_path_factory.mktemp("built")
    env = {**os.environ, "BUNDLE_OUT": str(built)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build")], env=env, capture_output=True, text=True, timeout=1800
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Size:" in result.stdout
    print(result.stdout.splitlines()[-1])
    folder = built / "coprod-check"
    assert (folder / EXE).is_file() and os.access(folder / EXE, os.X_OK)
    assert (folder / CLI).is_file()
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "any name at all"
    shutil.copytree(folder, elsewhere, symlinks=True)
    shutil.rmtree(built)  # nothing may point back at where it was built
    return elsewhere


@pytest.fixture()
def run(bundle, tmp_path):
    """Run the bundle's executable in an empty folder, with no Python on the path and a clean home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "COPROD_CHECK"))}
    system = os.path.join(os.environ.get("SYSTEMROOT", r"C:\Windows"), "System32") if WINDOWS else "/usr/bin:/bin"
    env.update(
        PATH=system,
        COPROD_CHECK_HOME=str(tmp_path / "home"),
        COPROD_CHECK_CACHE=str(tmp_path / "cache"),
        QT_QPA_PLATFORM="offscreen",
    )

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(bundle / CLI), *args], cwd=tmp_path, env={**env, **extra}, capture_output=True, text=True, timeout=120
        )

    return run


def test_the_bundle_runs_every_command_from_anywhere(bundle, run, tmp_path):
    from coprod_check import __version__

    version = run("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"coprod-check {__version__}"

    validate = run("validate")
    assert validate.returncode == 0, validate.stderr
    assert str(bundle) in validate.stdout  # its own questionnaire, not the checkout's

    assert run("example", "-o", "example.coprod").returncode == 0
    scored = run("score", "example.coprod", "--json")
    assert scored.returncode == 0, scored.stderr
    assert '"stage"' in scored.stdout

    report = run("report", "example.coprod", "-o", "bundle.pdf")
    assert report.returncode == 0, report.stderr
    # The same PDF, byte for byte, as this virtual environment's coprod-check prints.
    from coprod_check.cli import main

    assert main(["report", str(tmp_path / "example.coprod"), "-o", str(tmp_path / "venv.pdf")]) == 0
    assert (tmp_path / "bundle.pdf").read_bytes() == (tmp_path / "venv.pdf").read_bytes()

    # The Word twin (its template and python-docx's own files ship), the workbook and the CSV too.
    for name in ("bundle.docx", "bundle.xlsx", "bundle.csv"):
        made = run("report", "example.coprod", "-o", name)
        assert made.returncode == 0, made.stderr
        venv = tmp_path / name.replace("bundle", "venv")
        assert main(["report", str(tmp_path / "example.coprod"), "-o", str(venv)]) == 0
        assert (tmp_path / name).read_bytes() == venv.read_bytes(), name

    bad = run("report", "missing.coprod", "-o", "x.pdf")
    assert bad.returncode == 1 and "missing.coprod" in bad.stderr


def test_the_bundle_opens_its_window_offscreen(run):
    assert run("example", "-o", "mine.coprod").returncode == 0
    opened = run("mine.coprod", COPROD_CHECK_CLOSE_AFTER_START="1")
    assert opened.returncode == 0, opened.stderr
    assert "the window opened: mine.coprod" in opened.stderr


def test_the_bundle_ships_a_licence_for_everything_in_it(run):
    shown = run("licences")
    assert shown.returncode == 0, shown.stderr
    assert "MIT License" in shown.stdout
    for name in ("PySide6-Essentials", "python-bidi", "DejaVu fonts", "reportlab", "PyYAML", "pillow"):
        assert name in shown.stdout
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in shown.stdout
    assert "not found" not in shown.stdout


def test_the_bundle_leaves_out_what_the_app_does_not_use(bundle):
    files = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*")]
    assert not [f for f in files if f.endswith(".qm")], "Qt translations the app never loads"
    assert not [f for f in files if "/tls/" in f or "networkinformation" in f or "Qt6Network" in f]
    assert not [f for f in files if "_ssl." in f or "libssl" in f], "no TLS at all: the app never connects"
    assert not [f for f in files if "Qt6Quick" in f or "Qt6Qml" in f]
    assert [f for f in files if "platforms/" in f and "offscreen" in f]
    # Only what the wheel asks for: rl_accel is an extra (slower for our plans), so it is not here.
    assert not [f for f in files if "rl_accel" in f]


def test_the_bundle_takes_part_without_installing(run, tmp_path):
    """Workbooks, paper, the Forms questions and a Forms export, from the bundle alone (issue 17)."""
    import openpyxl

    assert run("example", "-o", "lead.coprod").returncode == 0
    for out in ("blank.xlsx", "paper.pdf", "questions.docx"):
        command = "export-forms" if out.endswith(".docx") else "blank"
        made = run(command, "lead.coprod", "-o", out)
        assert made.returncode == 0, made.stderr
    assert (tmp_path / "paper.pdf").read_bytes().startswith(b"%PDF")
    book = openpyxl.load_workbook(tmp_path / "blank.xlsx")
    book["About you"]["B2"] = "Staff member"
    book["Answers"]["F2"] = "sort of"
    book.save(tmp_path / "filled.xlsx")
    refused = run("combine", "filled.xlsx", "-o", "group.coprod")
    assert refused.returncode == 1 and "Answers!F2: \u201csort of\u201d is not one of the answers" in refused.stderr
    book["Answers"]["F2"] = "Asking"
    book.save(tmp_path / "filled.xlsx")
    export = openpyxl.Workbook()
    export.active.append(["Id", "Name", "What is your role in this assessment?"])
    export.active.append([1, "Account Holder", "Manager or team lead"])
    export.save(tmp_path / "export.xlsx")
    imported = run("import-forms", "export.xlsx", "--assessment", "lead.coprod", "-o", "responses")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    combined = run("combine", "filled.xlsx", "responses/forms-response-001.coprod", "-o", "group.coprod")
    assert combined.returncode == 0, combined.stderr
