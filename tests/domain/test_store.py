"""Saving never loses data: atomic replace, a backup, owner-only, and kills mid-save."""

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coprod_check.app import store
from coprod_check.domain.assessment import Assessment
from tests.tiny import tiny


def make(org: str) -> Assessment:
    a = Assessment.new(tiny())
    a.organisation = org
    return a


def test_save_keeps_the_previous_version_as_backup(tmp_path):
    path = tmp_path / "team.json"
    store.save(path, make("first"))
    assert not store.backup_path(path).exists()
    store.save(path, make("second"))
    store.save(path, make("third"))
    assert store.load(path).organisation == "third"
    assert store.load(store.backup_path(path)).organisation == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team.json", "team.json.bak"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_files_are_readable_by_their_owner_only(tmp_path):
    path = tmp_path / "team.json"
    store.save(path, make("a"))
    store.save(path, make("b"))
    for p in (path, store.backup_path(path)):
        assert stat.S_IMODE(p.stat().st_mode) == 0o600


def test_a_failed_save_leaves_the_old_file_and_no_debris(tmp_path, monkeypatch):
    path = tmp_path / "team.json"
    store.save(path, make("safe"))

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(store.AssessmentError, match="cannot be saved: No space left on device"):
        store.save(path, make("lost"))
    monkeypatch.undo()
    assert store.load(path).organisation == "safe"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_saving_into_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(store.AssessmentError, match="cannot be saved"):
        store.save(tmp_path / "nope" / "team.json", make("x"))


SAVER = """
import sys
from coprod_check.app import store
from coprod_check.domain.assessment import Answer, Assessment
from tests.tiny import tiny
path = sys.argv[1]
q = tiny()
n = 0
while True:
    n += 1
    a = Assessment.new(q)
    a.organisation = str(n)
    a.team = "x" * (n % 5000) * 20   # sizes vary, so a torn write would show
    a.answers = {"q1": Answer("l1", note="n" * (n % 997))}
    store.save(path, a)
    if n == 3:
        print("ready", flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_killed_during_repeated_saves_leaves_a_whole_file(tmp_path):
    path = tmp_path / "team.json"
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root)])}
    seen = []
    for round_ in range(25):
        with subprocess.Popen([sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE, env=env) as proc:
            assert proc.stdout.readline().strip() == b"ready"
            time.sleep(0.01 + (round_ % 7) * 0.013)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        a = store.load(path)  # must never raise: old or new, never broken
        assert int(a.organisation) >= 3 and len(a.team) == (int(a.organisation) % 5000) * 20
        assert store.load(store.backup_path(path)).organisation.isdigit()
        seen.append(int(a.organisation))
    assert max(seen) > 10  # the kills really landed during saving, not before it
