"""Fixtures for every test: nothing a test does reaches the real home, config, data or cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Every folder the app finds by itself (app/paths.py, and Qt's QStandardPaths on Linux). HOME
# itself is left alone: pip and the build tools the packaging tests run read their own
# configuration from it.
FOLDERS = {
    "COPROD_CHECK_HOME": "home",
    "COPROD_CHECK_CACHE": "cache",
    "XDG_CONFIG_HOME": "xdg_config_home",
    "XDG_DATA_HOME": "xdg_data_home",
    "XDG_CACHE_HOME": "xdg_cache_home",
    "APPDATA": "appdata",
    "LOCALAPPDATA": "localappdata",
}


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app's home, config, data and cache folders into tmp_path, for every test.

    Returns COPROD_CHECK_HOME. A test that needs another folder sets its own variable after this.
    """
    for name, folder in FOLDERS.items():
        monkeypatch.setenv(name, str(tmp_path / folder))
    return tmp_path / FOLDERS["COPROD_CHECK_HOME"]
