"""The command line. With no subcommand (or with a file) it starts the window.

Paths that need no window never import Qt or reportlab: each subcommand
imports what it needs when it runs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

from coprod_check import __version__
from coprod_check.i18n import N_, _, is_source

# Each group of commands has a module here (questionnaires, assessments, plan, voices, rounds,
# licences) with `add_parsers(sub)` and `run(args)`.
SUBCOMMANDS = (
    "validate",
    "list",
    "example",
    "score",
    "report",
    "blank",
    "export-forms",
    "import-forms",
    "combine",
    "statement",
    "compare",
    "next-round",
    "licences",
)


class _Discard:
    """Stands in for a subcommand's parser that this run will not use."""

    def add_argument(self, *args: object, **kwargs: object) -> None:
        return None

    def add_argument_group(self, *args: object, **kwargs: object) -> _Discard:
        return self


def _formatter() -> type[argparse.HelpFormatter]:
    """argparse's help layout, sized without importing shutil (and with it zlib, bz2 and lzma),
    which argparse does for every argument added, help or not: ~2.5 ms of every start."""
    import argparse

    class _Formatter(argparse.HelpFormatter):
        def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
            super().__init__(prog, indent_increment, max_help_position, width or _columns() - 2)

    return _Formatter


def _columns() -> int:
    """The terminal's width, found as shutil.get_terminal_size finds it."""
    import os

    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _OnlyOne:
    """Adds only the subcommand being run: building all of them costs ~10 ms of every start."""

    def __init__(self, sub: Any, wanted: str | None):
        self.sub = sub
        self.wanted = wanted

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        kwargs.setdefault("formatter_class", _formatter())
        return self.sub.add_parser(name, **kwargs) if self.wanted in (None, name) else _Discard()


# argparse's own words, which it asks Python's gettext for: for a language other than English
# they go through the translation layer instead (see _argparse_speaks), so they are listed here
# for the catalogue.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


def _argparse_speaks() -> None:
    """argparse's own words ("usage:", "options") in the language in force; nothing for English."""
    if is_source():
        return
    import argparse

    from coprod_check import i18n

    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: every subcommand, or only `command` when that is all a run needs."""
    import argparse

    _argparse_speaks()
    parser = argparse.ArgumentParser(
        prog="coprod-check",
        formatter_class=_formatter(),
        description=_(
            "Check whether an organisation gives care to people with lived experience "
            "of mental health difficulties, or does work with them. Run with no command "
            "(or with an assessment file) to open the window."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        help=_("show program's version number and exit"),
        version=_("coprod-check {version}").format(version=__version__),
    )
    sub: Any = _OnlyOne(parser.add_subparsers(dest="command", metavar="COMMAND"), command)

    for group in _groups(command):
        group.add_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(errors="replace")
    if wants_window(argv):
        return _start_window(argv)
    if argv[0] not in SUBCOMMANDS and not argv[0].startswith("-"):
        return unknown_command(argv[0])
    args = quick_args(argv) or build_parser(argv[0] if argv[0] in SUBCOMMANDS else None).parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:
        # The reader stopped early (`coprod-check score --json FILE | head`): nothing
        # is wrong with the file. Point stdout at nothing so the exit flush is quiet.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def quick_args(argv: list[str]) -> argparse.Namespace | None:
    """`score FILE` (with or without `--json`), the commonest command, read without argparse: argparse
    asks gettext for its words as it builds a parser, and gettext imports locale and looks for
    catalogues on disk, about 2.5 ms of a start that has 1.5x `import yaml` to spend. The same
    namespace argparse would give (tests/cli/test_quick_args.py checks it); anything else, even a
    different spelling, returns None and goes to argparse."""
    if not 2 <= len(argv) <= 3 or argv[0] != "score":
        return None
    rest = argv[1:]
    files = [a for a in rest if a != "--json"]
    if len(files) != 1 or files[0].startswith("-") or len(rest) - len(files) > 1:
        return None
    from types import SimpleNamespace

    args: Any = SimpleNamespace(command="score", file=Path(files[0]), json=len(rest) == 2, questionnaire=None)
    return args  # duck-typed as argparse.Namespace: read only by attribute


def wants_window(argv: list[str]) -> bool:
    """Whether these arguments ask for the window (nothing, or files to open) rather than a command.

    A first word that is no command is a file to open when it is one, or looks like one (a name with
    an extension or a folder, which the window then explains); a bare word is a mistyped command.
    """
    if not argv:
        return True
    first = argv[0]
    if first in SUBCOMMANDS or first.startswith("-"):
        return False
    return not _mistyped(first)


def _mistyped(word: str) -> bool:
    """A bare word that names no file: a command mistyped, never a file to open in the window."""
    import os

    if os.path.exists(word) or os.sep in word or (os.altsep and os.altsep in word):
        return False
    return "." not in word.strip(".")


def unknown_command(word: str) -> int:
    """Say that `word` is no command, and which one was probably meant; returns 2 (a usage error)."""
    import difflib

    from coprod_check.i18n import _

    close = difflib.get_close_matches(word.lower(), SUBCOMMANDS, n=1, cutoff=0.6)
    if close:
        said = _("coprod-check: unknown command '{word}': did you mean '{command}'?").format(
            word=word, command=close[0]
        )
    else:
        said = _("coprod-check: unknown command '{word}'").format(word=word)
    print(said, file=sys.stderr)
    print(
        _("The commands are: {commands}. Run 'coprod-check --help' for more.").format(commands=", ".join(SUBCOMMANDS)),
        file=sys.stderr,
    )
    return 2


def _groups(command: str | None) -> list[Any]:
    """The modules of the command groups a run needs: only the one holding `command`, when it is
    known, since importing all of them would cost every start."""
    if command in ("validate", "list"):
        from coprod_check.cli import questionnaires

        return [questionnaires]
    if command in ("example", "score"):
        from coprod_check.cli import assessments

        return [assessments]
    if command == "report":
        from coprod_check.cli import plan

        return [plan]
    if command in ("combine", "statement"):
        from coprod_check.cli import voices

        return [voices]
    if command in ("blank", "export-forms", "import-forms"):
        from coprod_check.cli import exchange

        return [exchange]
    if command in ("compare", "next-round"):
        from coprod_check.cli import rounds

        return [rounds]
    if command == "licences":
        from coprod_check.cli import licences

        return [licences]
    from coprod_check.cli import assessments, exchange, licences, plan, questionnaires, rounds, voices

    return [questionnaires, assessments, plan, exchange, voices, rounds, licences]


def _run(args: argparse.Namespace) -> int:
    (group,) = _groups(args.command)
    result: int = group.run(args)
    return result


def _start_window(files: list[str]) -> int:
    # The window is optional for command-line use: if it cannot start, this says why
    # (on stderr, in a log, and in a dialog where one can be shown) and returns 2.
    from coprod_check.launch import start_window

    return start_window([Path(f) for f in files])
