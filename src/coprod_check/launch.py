"""Starting coprod-check where nobody may be reading a console.

Two commands come here rather than to `cli.main` directly:

* `coprod-check-window`, the desktop launcher's command (`[project.gui-scripts]`:
  on Windows a windowed program, so no console window opens behind the app);
* the bundle's executable (packaging/), which on Windows is a windowed program too.

A windowed program on Windows has no standard output or error (`sys.stdout` is
None). So here a start-up failure is also shown in a dialog and written to a log,
and a command run without a console has its output shown in a dialog, not lost.
Nothing here imports Qt unless a dialog is needed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable

# traceback, contextlib and io are imported where a failure or a console-less command needs
# them: on the window's way in they would cost ~5 ms of every start.

LOG_NAME = "start-up-problem.txt"


def has_console() -> bool:
    """Whether anything printed can be read: False in a windowed program on Windows."""
    return sys.stdout is not None and sys.stderr is not None


def window_main(argv: list[str] | None = None) -> int:
    """The desktop launcher's command: open the window, with an assessment file if one is given."""
    argv = sys.argv[1:] if argv is None else argv
    return start_window([Path(a) for a in argv if not a.startswith("-")])


def bundle_main(argv: list[str] | None = None) -> int:
    """The bundle's executable: the whole command line, and the window."""
    from coprod_check import cli

    argv = sys.argv[1:] if argv is None else argv
    argv = [a for a in argv if not a.startswith("-psn_")]  # older macOS adds a process serial number
    if argv == ["--export-job"]:  # the window's export worker (app/export_job.py's WORKER_ARGUMENT)
        from coprod_check.report.job import main as run_export_job

        return run_export_job()
    if cli.wants_window(argv):
        return start_window([Path(a) for a in argv])
    if has_console():
        return cli.main(argv)
    return _shown_in_dialog(lambda: cli.main(argv))


def start_window(files: list[Path]) -> int:
    """Open the window; if it cannot start, say why in a dialog and in a log, never silently."""
    try:
        from coprod_check.gui.app import run
    except ImportError as exc:
        return report_failure(_("The window cannot start: {exc}.").format(exc=exc), _trace())
    try:
        return run(files)
    except Exception as exc:  # anything at all: a failure to start must never be silent
        return report_failure(_("The window stopped while starting: {exc}").format(exc=exc), _trace())


def _trace() -> str:
    import traceback

    return traceback.format_exc()


def report_failure(message: str, details: str) -> int:
    """Say that the window could not start: on stderr, in a log file, and in a dialog. Returns 2."""
    log = _write_log(f"{message}\n\n{details}")
    lines = [message]
    if log is not None:
        lines.append(_("The details are in {log}; your IT service desk may ask for that file.").format(log=log))
    lines.append(_("The command line still works: run 'coprod-check --help' in a terminal."))
    text = "\n\n".join(lines)
    if sys.stderr is not None:
        print(_("coprod-check: {text}").format(text=text), file=sys.stderr)
    Dialog.ask(_("coprod-check could not start"), text, problem=True)
    return 2


def _write_log(text: str) -> Path | None:
    import os

    from coprod_check.app.paths import user_cache_dir

    try:
        folder = user_cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        # Owner only, like every file the app writes: a traceback can name someone's files.
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
            f.write(text)
        return path
    except OSError:
        return None


def _shown_in_dialog(command: Callable[[], int]) -> int:
    """Run a command with its output caught, then show that output in a dialog."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            code = command()
        except SystemExit as exc:  # argparse's --help, --version and usage errors
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    text = out.getvalue().strip() or (_("Done.") if code == 0 else _("That did not work."))
    Dialog.ask(
        "coprod-check",
        _("{text}\n\n(For the command line, run coprod-check.com in a Command Prompt.)").format(text=text),
        problem=code != 0,
    )
    return code


class Dialog:
    """A message box that works even when Qt cannot be imported (tests replace `ask`)."""

    @classmethod
    def ask(cls, title: str, text: str, problem: bool = False) -> None:
        try:
            from PySide6.QtWidgets import QApplication, QMessageBox
        except ImportError:
            _native_message(title, text, problem)
            return
        app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (kept alive for the box)
        icon = QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok)
        box.exec()


def _native_message(title: str, text: str, problem: bool) -> None:
    """Windows' own message box, for when Qt itself is what failed; elsewhere stderr has said it."""
    if sys.platform != "win32":
        return
    import ctypes

    flags = 0x30 if problem else 0x40  # MB_ICONWARNING or MB_ICONINFORMATION, with an OK button
    ctypes.windll.user32.MessageBoxW(None, text, title, flags)  # type: ignore[attr-defined]
