"""One reader: the same bad file gets the same words from score, combine, compare, next-round and the window."""

from __future__ import annotations

import os

import pytest

from coprod_check.app.files import load_with_questionnaire, read_assessment, same_file
from coprod_check.cli import main
from coprod_check.domain.errors import AssessmentError

BAD = {
    "empty.json": b"  \n",
    "binary.json": b"\xff\xfe{bad",
    "broken.json": b'{"x": ',
    "not-an-assessment.json": b"[1, 2, 3]",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_every_command_and_the_window_say_the_same_about_a_bad_file(tmp_path, capsys, name):
    bad = tmp_path / name
    bad.write_bytes(BAD[name])
    with pytest.raises(AssessmentError) as caught:
        read_assessment(bad)
    expected = f"coprod-check: {caught.value}"
    with pytest.raises(AssessmentError) as window:
        load_with_questionnaire(bad, for_window=True)
    assert str(window.value) == str(caught.value)
    for argv in (
        ["score", str(bad)],
        ["combine", str(bad), str(bad), "-o", str(tmp_path / "group.json")],
        ["compare", str(bad), str(tmp_path / "missing.json")],
        ["next-round", str(bad), "-o", str(tmp_path / "next.json")],
    ):
        assert main(argv) == 1
        assert capsys.readouterr().err.strip() == expected, argv


def test_same_file_sees_through_links_dots_and_hard_links(tmp_path):
    a = tmp_path / "a.json"
    a.write_text("{}")
    (tmp_path / "sub").mkdir()
    assert same_file(a, tmp_path / "sub" / ".." / "a.json")
    link = tmp_path / "link.json"
    link.symlink_to(a)
    assert same_file(link, a)
    hard = tmp_path / "hard.json"
    os.link(a, hard)
    assert same_file(hard, a)
    assert not same_file(a, tmp_path / "b.json")
    assert not same_file(a, None)
    assert same_file(tmp_path / "missing.json", tmp_path / "sub" / ".." / "missing.json")
