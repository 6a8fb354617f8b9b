"""Earlier versions: kept when a file is opened and every ten minutes, capped per file and in
space, in the local folder; and where restore copies and versions live on each platform."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from coprod_check.app import history, paths
from coprod_check.app.history import History


def test_a_version_is_kept_at_most_every_ten_minutes_unless_forced(tmp_path):
    h = History(tmp_path / "versions")
    file = tmp_path / "team.json"
    assert h.keep(file, b"one", now=1_000_000) is not None
    assert h.keep(file, b"two", now=1_000_000 + history.VERSION_EVERY - 1) is None
    assert h.keep(file, b"three", now=1_000_000 + history.VERSION_EVERY) is not None
    assert h.keep(file, b"forced", force=True, now=1_000_000 + history.VERSION_EVERY + 1) is not None
    assert h.keep(file, b"forced", force=True, now=1_000_000 + history.VERSION_EVERY + 2) is None  # same bytes
    kept = h.versions(file)
    assert [v.path.read_bytes() for v in kept] == [b"forced", b"three", b"one"]  # newest first


def test_each_file_keeps_at_most_per_file_versions(tmp_path):
    h = History(tmp_path / "versions")
    file = tmp_path / "team.json"
    for i in range(history.PER_FILE + 5):
        h.keep(file, f"v{i}".encode(), force=True, now=1_000_000 + i * 60)
    kept = h.versions(file)
    assert len(kept) == history.PER_FILE
    assert kept[0].path.read_bytes() == f"v{history.PER_FILE + 4}".encode()
    assert kept[-1].path.read_bytes() == b"v5"


def test_all_versions_together_stay_under_the_space_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(history, "SPACE_CAP", 10_000)
    h = History(tmp_path / "versions")
    for i in range(30):
        h.keep(tmp_path / f"file{i % 3}.json", bytes([i]) * 1_000, force=True, now=1_000_000 + i)
    assert h.used() <= 10_000
    newest = h.versions(tmp_path / "file2.json")[0]
    assert newest.path.read_bytes() == bytes([29]) * 1_000  # the oldest went first


def test_the_same_file_through_a_link_has_one_history(tmp_path):
    h = History(tmp_path / "versions")
    file = tmp_path / "team.json"
    file.write_text("x")
    link = tmp_path / "link.json"
    if not hasattr(os, "symlink"):
        pytest.skip("needs symlinks")
    link.symlink_to(file)
    h.keep(file, b"a", now=1)
    h.keep(link, b"b", force=True, now=2)
    assert len(h.versions(file)) == 2 == len(h.versions(link))


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_versions_are_private(tmp_path):
    h = History(tmp_path / "versions")
    version = h.keep(tmp_path / "team.json", b"secret answers", now=1)
    assert version is not None and stat.S_IMODE(version.stat().st_mode) == 0o600
    assert stat.S_IMODE(version.parent.stat().st_mode) == 0o700


def test_a_history_that_cannot_be_kept_never_raises(tmp_path):
    blocked = tmp_path / "versions"
    blocked.write_text("a file where the folder should be")
    h = History(blocked)
    assert h.keep(tmp_path / "team.json", b"x") is None
    assert h.versions(tmp_path / "team.json") == []


def test_restore_copies_and_versions_are_local_on_windows_never_roaming(monkeypatch, tmp_path):
    monkeypatch.delenv("COPROD_CHECK_HOME", raising=False)
    monkeypatch.setattr(paths.sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert paths.user_local_dir() == tmp_path / "Local" / "coprod-check"
    assert paths.user_data_dir() == tmp_path / "Roaming" / "coprod-check"


def test_the_override_keeps_everything_in_one_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("COPROD_CHECK_HOME", str(tmp_path / "home"))
    assert paths.user_local_dir() == paths.user_data_dir() == Path(tmp_path / "home")
