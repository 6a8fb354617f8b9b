"""Where this user's files live, by the platform's conventions, without Qt.

Linux follows XDG, macOS Application Support and Caches, Windows APPDATA and
LOCALAPPDATA. COPROD_CHECK_HOME and COPROD_CHECK_CACHE override them (tests
use both, so they never touch a real home).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from coprod_check.i18n import _

APP_NAME = "coprod-check"


def _base(override_env: str, windows_env: str, windows_default: str, mac: str, xdg_env: str, xdg: str) -> Path:
    override = os.environ.get(override_env)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get(windows_env) or Path.home() / "AppData" / windows_default)
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / mac
    else:
        base = Path(os.environ.get(xdg_env) or Path.home() / xdg)
    return base / APP_NAME


def user_data_dir() -> Path:
    """Where this user's questionnaires and restore points live."""
    return _base("COPROD_CHECK_HOME", "APPDATA", "Roaming", _("Application Support"), "XDG_DATA_HOME", ".local/share")


def user_cache_dir() -> Path:
    """Where caches live: anything here can be deleted at any time."""
    return _base("COPROD_CHECK_CACHE", "LOCALAPPDATA", "Local", "Caches", "XDG_CACHE_HOME", ".cache")


def user_local_dir() -> Path:
    """Where restore copies and earlier versions live: on this computer only.

    On Windows that is LOCALAPPDATA, never the roaming profile, which is copied to other
    computers and often to a server; elsewhere it is the same as `user_data_dir`.
    """
    return _base(
        "COPROD_CHECK_HOME", "LOCALAPPDATA", "Local", _("Application Support"), "XDG_DATA_HOME", ".local/share"
    )
