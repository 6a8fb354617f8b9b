"""Every command, given a hostile file, ends with a clear message and exit code 1: never a
traceback, a hang, a half-written output, or a change to the file it read.

In-process through `main` for speed, with a handful of real runs at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from coprod_check.app import store
from coprod_check.cli import main
from coprod_check.domain.assessment import Participant
from tests.tiny import TINY_YAML

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def good(tmp_path, capsys):
    """A response to the built-in questionnaire, from one person."""
    assert main(["example", "-o", str(tmp_path / "good.json")]) == 0
    a = store.load(tmp_path / "good.json")
    a.participants = [Participant("staff", "yes")]
    store.save(tmp_path / "good.json", a)
    capsys.readouterr()
    return tmp_path / "good.json"


def _text_with(good: Path, field: str, raw: str) -> str:
    text = good.read_text(encoding="utf-8")
    data = json.loads(text)
    data[field] = "PLACE"
    return json.dumps(data).replace('"PLACE"', raw)


def hostile_files(good: Path, folder: Path) -> dict[str, Path]:
    """One file per kind of hostile input."""
    folder.mkdir(exist_ok=True)
    made = {}

    def write(name: str, text: str) -> None:
        made[name] = folder / f"{name}.json"
        made[name].write_text(text, encoding="utf-8")

    write("surrogate", _text_with(good, "team", '"East \\ud800 side"'))
    write("surrogate-key", good.read_text().replace('"answers": {', '"answers": {"\\udfff": {}, ', 1))
    write("huge-int", _text_with(good, "min_group_size", "9" * 5000))
    write("huge-negative", _text_with(good, "format_version", "-" + "9" * 5000))
    write("deep", "[" * 100_000 + "]" * 100_000)
    with open(folder / "sparse.json", "wb") as f:
        f.truncate(store.MAX_BYTES + 1)
    made["sparse"] = folder / "sparse.json"
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.json")
        made["fifo"] = folder / "fifo.json"
    if os.path.exists("/dev/zero"):
        (folder / "zero.json").symlink_to("/dev/zero")
        made["zero"] = folder / "zero.json"
    if hasattr(os, "symlink"):
        (folder / "dangling.json").symlink_to(folder / "gone.json")
        made["dangling"] = folder / "dangling.json"
    made["folder"] = folder / "a-folder.json"
    made["folder"].mkdir()
    return made


def commands(bad: Path, good: Path, out: Path) -> list[list[str]]:
    return [
        ["score", str(bad)],
        ["score", "--json", str(bad)],
        ["report", str(bad), "-o", str(out / "plan.pdf")],
        ["blank", str(bad), "-o", str(out / "blank.json")],
        ["next-round", str(bad), "-o", str(out / "next.json")],
        ["compare", str(bad), str(good)],
        ["compare", str(good), str(bad)],
        ["combine", str(good), str(bad), "-o", str(out / "group.json")],
        ["combine", str(bad), str(good), "-o", str(out / "group2.json")],
    ]


def within(seconds: float, work):
    """Run `work` in a thread; fail (instead of hanging the suite) if it takes longer."""
    result: dict[str, object] = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", work()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the command hung"
    return result.get("value")


def test_every_command_refuses_every_hostile_file_with_a_message(good, tmp_path, capsys):
    files = hostile_files(good, tmp_path / "bad")
    out = tmp_path / "out"
    out.mkdir()
    before = {name: (os.lstat(p).st_mtime_ns, os.path.islink(p)) for name, p in files.items()}
    ran = 0
    for name, bad in files.items():
        for argv in commands(bad, good, out):
            code = within(20, lambda argv=argv: main(argv))
            captured = capsys.readouterr()
            assert code == 1, (name, argv, captured.out, captured.err)
            assert captured.err.startswith("coprod-check: "), (name, argv, captured.err)
            assert "Traceback" not in captured.err and len(captured.err) < 2000, (name, argv)
            assert str(bad) in captured.err or bad.name in captured.err, (name, argv, captured.err)
            ran += 1
    assert list(out.iterdir()) == []  # nothing written, not even in part
    assert before == {name: (os.lstat(p).st_mtime_ns, os.path.islink(p)) for name, p in files.items()}
    assert ran >= 9 * 9


def test_the_messages_say_what_is_wrong(good, tmp_path, capsys):
    files = hostile_files(good, tmp_path / "bad")
    expected = {
        "surrogate": "team: holds a character that cannot be stored as text",
        "huge-int": "holds a number 5,000 digits long",
        "sparse": "is larger than 64 MiB",
        "fifo": "is not an ordinary file",
        "zero": "is not an ordinary file",
        "dangling": "which does not exist",
        "folder": "is a folder",
        "deep": "nested too deeply",
    }
    for name, words in expected.items():
        if name in files:
            assert main(["score", str(files[name])]) == 1
            assert words in capsys.readouterr().err, name


def test_combine_refuses_more_responses_than_a_group_holds(good, tmp_path, capsys):
    from coprod_check.domain.assessment import MAX_PEOPLE

    many = [str(good)] * (MAX_PEOPLE + 1)
    assert main(["combine", *many, "-o", str(tmp_path / "g.json")]) == 1
    assert f"a group assessment holds at most {MAX_PEOPLE:,} responses" in capsys.readouterr().err


def _user_questionnaires(tmp_path: Path) -> Path:
    folder = tmp_path / "home" / "questionnaires"
    folder.mkdir(parents=True)
    return folder


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_or_a_device_among_the_questionnaires_never_hangs_a_command(good, tmp_path, capsys):
    folder = _user_questionnaires(tmp_path)
    os.mkfifo(folder / "pipe.yaml")
    if os.path.exists("/dev/zero"):
        (folder / "zero.yaml").symlink_to("/dev/zero")
    assert within(20, lambda: main(["list"])) == 0
    out = capsys.readouterr().out
    assert "(unusable)" in out and "pipe.yaml" in out
    assert within(20, lambda: main(["score", str(good)])) == 0
    capsys.readouterr()
    assert within(20, lambda: main(["validate", str(folder / "pipe.yaml")])) == 1
    assert "not an ordinary file" in capsys.readouterr().err


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_questionnaire_option_refuses_a_device(good, capsys):
    assert within(20, lambda: main(["score", str(good), "--questionnaire", "/dev/zero"])) == 1
    assert "not an ordinary file" in capsys.readouterr().err


def test_a_questionnaire_with_a_huge_version_is_refused_everywhere(good, tmp_path, capsys):
    folder = _user_questionnaires(tmp_path)
    bad = folder / "huge.yaml"
    bad.write_text(TINY_YAML.replace('version: "1.0"', f'version: "1.{"9" * 5000}"'), encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "each part at most 6 digits" in err and len(err) < 1000
    for argv in (
        ["list"],
        ["example", "-o", str(tmp_path / "e.json")],
        ["score", str(good)],
        ["combine", str(good), "-o", str(tmp_path / "g.json")],
    ):
        code = main(argv)
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err and code in (0, 1), argv


def test_markup_in_every_field_is_kept_as_text(good, tmp_path, capsys):
    a = store.load(good)
    markup = '<img src="/etc/passwd"><h1>Call IT on 0800 000 000</h1>&amp;'
    a.organisation = a.team = markup
    for answer in a.answers.values():
        answer.note = answer.evidence = markup
    store.save(good, a)
    assert main(["score", str(good)]) == 0
    assert markup in capsys.readouterr().out
    assert main(["blank", str(good), "-o", str(tmp_path / "blank.json")]) == 0
    assert store.load(tmp_path / "blank.json").organisation == markup


# -- a handful of real runs ---------------------------------------------------------------------


def run(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "COPROD_CHECK_HOME": str(home), "COPROD_CHECK_CACHE": str(home / "cache")}
    return subprocess.run(
        [sys.executable, "-m", "coprod_check", *args], capture_output=True, text=True, env=env, timeout=60, cwd=ROOT
    )


@pytest.mark.parametrize(
    "name,argv",
    [
        ("surrogate", ["blank", "{bad}", "-o", "{out}"]),
        ("surrogate", ["next-round", "{bad}", "-o", "{out}"]),
        ("huge-int", ["combine", "{good}", "{bad}", "-o", "{out}"]),
        ("zero", ["report", "{bad}", "-o", "{out}"]),
        ("fifo", ["score", "{bad}"]),
    ],
)
def test_real_runs_end_with_a_message(good, tmp_path, name, argv):
    files = hostile_files(good, tmp_path / "bad")
    if name not in files:
        pytest.skip(f"no {name} on this system")
    out = tmp_path / "out.json"
    args = [a.format(bad=files[name], good=good, out=out) for a in argv]
    done = run(*args, home=tmp_path / "home")
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("coprod-check: ") and "Traceback" not in done.stderr
    assert not out.exists()


def test_a_huge_group_size_is_refused_in_a_short_sentence(good, tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["combine", str(good), "-o", str(tmp_path / "g.json"), "--min-group-size", "9" * 5000])
    err = capsys.readouterr().err
    assert "should be a whole number from 3 to 50" in err and len(err) < 1500 and "Traceback" not in err
