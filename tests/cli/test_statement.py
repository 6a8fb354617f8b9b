"""coprod-check statement: a colleague with lived experience puts their own words in their own file,
word for word; combine keeps them; the board paper prints them verbatim."""

from __future__ import annotations

from coprod_check.app import store
from coprod_check.cli import main
from coprod_check.domain.assessment import Answer, Assessment, Participant
from tests.report.voices import builtin

WORDS = "We were asked in at the start this time.\n\n<b>Not</b> after & never \u201cfor show\u201d. Diolch \u0175"


def _response(tmp_path, name, lived):
    q = builtin()  # an installed questionnaire: combine looks it up
    a = Assessment.new(q)
    a.organisation = "Trust"
    a.participants = [Participant("manager", lived, "")]
    a.answers = {"power-agenda": Answer("asking" if lived == "yes" else "sharing", note=name)}
    path = tmp_path / f"{name}.coprod"
    store.save(path, a)
    return path


def test_a_statement_is_kept_word_for_word_and_travels_through_combine(tmp_path, capsys):
    mine = _response(tmp_path, "mine", "yes")
    text = tmp_path / "words.txt"
    text.write_text(WORDS, encoding="utf-8")
    assert main(["statement", str(mine), "--text", str(text), "--by", "Peer  workers' network"]) == 0
    kept = store.load(mine).statement
    assert kept.text == WORDS and kept.by == "Peer workers' network" and kept.date
    assert main(["statement", str(mine), "--text", str(text)]) == 1  # not replaced unless asked
    assert "--replace" in capsys.readouterr().err
    other = _response(tmp_path, "other", "no")
    third = _response(tmp_path, "third", "no")
    group = tmp_path / "group.coprod"
    assert main(["combine", str(mine), str(other), str(third), "-o", str(group)]) == 0
    combined = store.load(group)
    assert [r.statement.text if r.statement else None for r in combined.responses] == [WORDS, None, None]
    assert main(["statement", str(group), "--text", str(text)]) == 1  # a group's come from its responses


def test_only_a_file_with_someone_with_lived_experience_takes_one(tmp_path, capsys):
    theirs = _response(tmp_path, "theirs", "no")
    text = tmp_path / "words.txt"
    text.write_text(WORDS, encoding="utf-8")
    assert main(["statement", str(theirs), "--text", str(text)]) == 1
    assert "lived experience" in capsys.readouterr().err
    assert store.load(theirs).statement is None
