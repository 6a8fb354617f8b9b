"""What several commands share."""

from __future__ import annotations

import sys
from pathlib import Path

from coprod_check.i18n import _


def refuse_overwrite(path: Path, force: bool | None = None) -> bool:
    """True (with a message) when `path` exists and may not be replaced.

    `force` is None for commands that never replace a file (it may be someone's answers).
    """
    if path.exists() and not force:
        hint = _(" or use --force") if force is not None else ""
        print(_("coprod-check: {path} exists; choose another name{hint}").format(path=path, hint=hint), file=sys.stderr)
        return True
    return False
