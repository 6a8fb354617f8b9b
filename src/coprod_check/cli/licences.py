"""The command that prints coprod-check's licences and those of everything it ships with."""

from __future__ import annotations

import argparse
from typing import Any

from coprod_check.i18n import _


def add_parsers(sub: Any) -> None:
    """Add this module's subcommand to the main parser."""
    sub.add_parser("licences", help=_("coprod-check's licence, and the licence of everything that ships with it"))


def run(args: argparse.Namespace) -> int:
    """Run one of this module's subcommands."""
    handler = {"licences": _licences}
    return handler[args.command](args)


def _licences(args: argparse.Namespace) -> int:
    from coprod_check.app import notices

    print(notices.summary())
    for notice in notices.shipped():
        texts = notices.licence_texts(notice)
        if not texts:
            print(_("\n{name}: the licence text was not found in this installation").format(name=notice.name))
        for title, text in texts:
            print(f"\n===== {title} =====\n\n{text.strip()}")
    return 0
