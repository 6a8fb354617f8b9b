"""Starting where nobody reads a console: a failure is shown and logged, a command's output is shown."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from coprod_check import __version__, cli, launch

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def shown(monkeypatch, tmp_path):
    """Every dialog launch tries to show, as (title, text, problem)."""
    seen: list[tuple[str, str, bool]] = []
    monkeypatch.setattr(launch.Dialog, "ask", lambda title, text, problem=False: seen.append((title, text, problem)))
    return seen


def test_the_desktop_launcher_is_a_gui_script_beside_the_console_command():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["coprod-check"] == "coprod_check.cli:main"
    assert project["gui-scripts"]["coprod-check-window"] == "coprod_check.launch:window_main"


def test_a_window_that_cannot_be_imported_is_explained_in_a_dialog_and_a_log(shown, monkeypatch, capsys, tmp_path):
    monkeypatch.setitem(sys.modules, "coprod_check.gui.app", None)  # importing it now raises ImportError
    assert launch.window_main(["some.coprod"]) == 2
    ((title, text, problem),) = shown
    assert problem and title == "coprod-check could not start"
    log = tmp_path / "cache" / launch.LOG_NAME
    assert str(log) in text and "coprod-check --help" in text
    assert "Traceback" in log.read_text(encoding="utf-8")  # the whole traceback, for IT
    assert "The window cannot start" in capsys.readouterr().err


def test_a_window_that_fails_while_starting_is_explained_too(shown, monkeypatch):
    import coprod_check.gui.app as app

    def broken(files):
        raise RuntimeError("no screen today")

    monkeypatch.setattr(app, "run", broken)
    assert launch.start_window([]) == 2
    assert "no screen today" in shown[0][1]


def test_the_console_command_explains_a_missing_window_the_same_way(shown, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "coprod_check.gui.app", None)
    assert cli.main([]) == 2
    assert "The command line still works" in capsys.readouterr().err
    assert len(shown) == 1


def test_without_a_console_a_command_shows_its_output_in_a_dialog(shown, monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert not launch.has_console()
    assert launch.bundle_main(["--version"]) == 0
    assert shown[-1] == (
        "coprod-check",
        f"coprod-check {__version__}\n\n(For the command line, run coprod-check.com in a Command Prompt.)",
        False,
    )
    assert launch.bundle_main(["validate", "no-such-questionnaire.yaml"]) == 1
    title, text, problem = shown[-1]
    assert problem and "no-such-questionnaire.yaml" in text


def test_with_a_console_the_bundle_is_the_plain_command_line(shown, capsys):
    with pytest.raises(SystemExit):  # argparse's --help, as from the console command
        launch.bundle_main(["--help"])
    assert "validate" in capsys.readouterr().out
    assert shown == []


def test_the_bundle_and_the_launcher_open_files_in_the_window(monkeypatch):
    opened = []
    monkeypatch.setattr(launch, "start_window", lambda files: opened.append(files) or 0)
    assert launch.bundle_main(["a.coprod"]) == 0
    assert launch.window_main(["b.json", "-psn_0_1234"]) == 0  # macOS may add a process serial number
    assert launch.bundle_main([]) == 0
    assert launch.bundle_main(["-psn_0_99"]) == 0
    assert opened == [[Path("a.coprod")], [Path("b.json")], [], []]


def test_licences_and_the_launch_module_do_not_import_qt():
    code = (
        "import sys; from coprod_check import launch; from coprod_check.app import notices; notices.summary(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'reportlab')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
