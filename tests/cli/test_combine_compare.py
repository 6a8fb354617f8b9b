"""combine and compare refuse what they cannot do well, and score keeps small groups hidden."""

import json

import pytest

from coprod_check.app import store
from coprod_check.cli import main
from coprod_check.cli.assessments import render_summary
from coprod_check.domain.assessment import DEFAULT_MIN_GROUP, Answer, Participant
from coprod_check.domain.combine import combine, source
from coprod_check.domain.update import check_update
from tests.tiny import TINY_YAML, tiny


@pytest.fixture
def blank(tmp_path, capsys):
    """A blank copy of the example, for colleagues to answer."""
    assert main(["example", "-o", str(tmp_path / "lead.json")]) == 0
    assert main(["blank", str(tmp_path / "lead.json"), "-o", str(tmp_path / "blank.json")]) == 0
    capsys.readouterr()
    return tmp_path / "blank.json"


def answer(blank, path, role, lived, level, note="", private=False):
    a = store.load(blank)
    a.participants = [Participant(role, lived)]
    a.answers = {"power-agenda": Answer(level, note=note, note_private=private)}
    store.save(path, a)
    return str(path)


def three(blank, tmp_path):
    return [
        answer(blank, tmp_path / "r1.json", "staff", "yes", "doing-to"),
        answer(blank, tmp_path / "r2.json", "staff", "no", "sharing"),
        answer(blank, tmp_path / "r3.json", "manager", "no", "doing-with"),
    ]


# 2: the same anonymous response saved again


def test_combine_refuses_an_anonymous_response_saved_again_with_other_spacing(blank, tmp_path, capsys):
    files = three(blank, tmp_path)
    copy = tmp_path / "r3copy.json"
    copy.write_text(json.dumps(json.loads((tmp_path / "r3.json").read_text())), encoding="utf-8")
    assert main(["combine", *files, str(copy), "-o", str(tmp_path / "g.json")]) == 1
    err = capsys.readouterr().err
    assert f"{copy} holds exactly the same answers as {files[2]}" in err
    assert not (tmp_path / "g.json").exists()


# 3: --min-group-size


@pytest.mark.parametrize("size", ["1", "2", "51", "x", "2.5"])
def test_combine_refuses_a_group_size_outside_3_to_50(blank, tmp_path, capsys, size):
    with pytest.raises(SystemExit) as exc:
        main(["combine", *three(blank, tmp_path), "-o", str(tmp_path / "g.json"), "--min-group-size", size])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --min-group-size: should be a whole number from 3 to 50, not '{size}'" in err
    assert "fewer than 3 people are never shown separately, so that nobody can be identified" in err
    assert not (tmp_path / "g.json").exists()


@pytest.mark.parametrize("size", ["3", "50"])
def test_combine_accepts_3_to_50_and_the_group_opens_again(blank, tmp_path, size):
    group = tmp_path / "g.json"
    assert main(["combine", *three(blank, tmp_path), "-o", str(group), "--min-group-size", size]) == 0
    assert store.load(group).min_group_size == int(size)
    assert main(["score", str(group)]) == 0


def test_the_command_line_limits_are_the_domain_limits():
    from coprod_check.cli import voices as cli_voices
    from coprod_check.domain.combine import LARGEST_GROUP

    assert (cli_voices.SMALLEST_GROUP, cli_voices.LARGEST_GROUP) == (DEFAULT_MIN_GROUP, LARGEST_GROUP)


# 5: private notes


def test_combine_leaves_private_notes_out_and_says_how_many(blank, tmp_path, capsys):
    files = [
        answer(
            blank, tmp_path / "r1.json", "staff", "yes", "doing-to", note="SECRET-A1 I fear retaliation", private=True
        ),
        answer(blank, tmp_path / "r2.json", "staff", "no", "sharing", note="Said at the away day"),
        answer(blank, tmp_path / "r3.json", "manager", "no", "doing-with", note="SECRET-A3", private=True),
    ]
    group = tmp_path / "g.json"
    assert main(["combine", *files, "-o", str(group)]) == 0
    out = capsys.readouterr().out
    assert "2 private notes were left out: they stay only in their authors' own response files." in out
    assert "SECRET" not in group.read_text(encoding="utf-8")
    saved = store.load(group)
    assert [r.answers["power-agenda"] for r in saved.responses] == [
        Answer("doing-to"),
        Answer("sharing", note="Said at the away day"),
        Answer("doing-with"),
    ]
    assert "SECRET-A1" in (tmp_path / "r1.json").read_text(encoding="utf-8")  # the author's file is untouched


def test_combine_help_says_private_notes_are_left_out(capsys):
    with pytest.raises(SystemExit):
        main(["combine", "--help"])
    assert "Notes marked private are left out of the group file" in " ".join(capsys.readouterr().out.split())


# 4: compare


def rounds(blank, tmp_path, old_changes=None, new_changes=None):
    """Two rounds of the same team's assessment, a year apart, as files OLD and NEW."""
    paths = []
    for name, date, changes in (("old", "2025-11-24", old_changes), ("new", "2026-11-24", new_changes)):
        a = store.load(blank)
        a.participants = [Participant("manager", "no")]
        a.date = date
        a.answers = {"power-agenda": Answer("doing-for" if name == "old" else "sharing")}
        for key, value in (changes or {}).items():
            setattr(a, key, value)
        store.save(tmp_path / f"{name}.json", a)
        paths.append(str(tmp_path / f"{name}.json"))
    return paths


def test_compare_refuses_a_file_with_itself(blank, tmp_path, capsys):
    old, _ = rounds(blank, tmp_path)
    same = str(tmp_path / "." / "old.json")  # another way of writing the same path
    assert main(["compare", old, same]) == 1
    assert f"{old} and {same} are the same file" in capsys.readouterr().err


def test_compare_refuses_two_organisations(blank, tmp_path, capsys):
    old, new = rounds(blank, tmp_path, new_changes={"organisation": "Southfield Trust"})
    assert main(["compare", old, new]) == 1
    err = capsys.readouterr().err
    assert f"{old} is for 'Northfield Community Mental Health Trust' and {new} for 'Southfield Trust'" in err
    assert "only rounds of the same organisation's assessment can be compared" in err


def test_compare_sees_the_same_organisation_in_other_case_and_spacing(blank, tmp_path, capsys):
    old, new = rounds(blank, tmp_path, new_changes={"organisation": "  northfield   COMMUNITY mental health trust "})
    assert main(["compare", old, new]) == 0
    assert capsys.readouterr().out.startswith("Since 2025-11-24 (now 2026-11-24)")


def test_compare_refuses_two_questionnaires(blank, tmp_path, capsys):
    folder = tmp_path / "home" / "questionnaires"
    folder.mkdir(parents=True)
    (folder / "tiny.yaml").write_text(TINY_YAML, encoding="utf-8")
    old, _ = rounds(blank, tmp_path)
    a = store.load(blank)
    a.questionnaire_id, a.questionnaire_version, a.fingerprints = "tiny", "1.0", tiny().fingerprints()
    a.participants, a.answers = [Participant("manager", "no")], {"q1": Answer("l2")}
    store.save(tmp_path / "tiny.json", a)
    assert main(["compare", old, str(tmp_path / "tiny.json")]) == 1
    err = capsys.readouterr().err
    assert (
        f"{old} answers the questionnaire 'coproduction-readiness' and {tmp_path / 'tiny.json'} answers "
        "'tiny': only rounds of the same questionnaire can be compared"
    ) in err


def test_compare_swaps_old_dated_after_new_and_says_so(blank, tmp_path, capsys):
    old, new = rounds(blank, tmp_path)
    assert main(["compare", new, old, "--json"]) == 0
    captured = capsys.readouterr()
    assert (
        f"{new} (2026-11-24) is dated after {old} (2025-11-24), so they are compared the other way "
        f"round: from {old} to {new}"
    ) in captured.err
    comparison = json.loads(captured.out)  # the note leaves the JSON whole
    assert (comparison["before_date"], comparison["after_date"]) == ("2025-11-24", "2026-11-24")
    # Only power-agenda is answered: doing for (25) last year, sharing (75) now.
    assert comparison["overall"]["before"] == 25 and comparison["overall"]["after"] == 75
    assert main(["compare", old, new, "--json"]) == 0
    assert capsys.readouterr().err == ""


def test_compare_help_says_what_happens_when_old_is_dated_after_new(capsys):
    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    assert "If OLD is dated after NEW, the two are swapped, with a note saying so" in " ".join(
        capsys.readouterr().out.split()
    )


# 1: score keeps small groups hidden


def tiny_group(lived: list[str]):
    q = tiny()
    sources = []
    for i, le in enumerate(lived):
        a = store.loads(store.dumps(_person(q, le, i)), f"r{i}.json")
        sources.append(source(f"r{i}.json", store.dumps(a).encode(), a))
    return q, combine(q, sources)[0]


def _person(q, lived, i):
    from coprod_check.domain.assessment import Assessment

    a = Assessment.new(q)
    a.organisation = "Trust"
    a.participants = [Participant("lived-experience-colleague" if lived == "yes" else "manager", lived)]
    a.answers = {"q1": Answer(f"l{i % 5}")}
    return a


def summary_lines(q, a):
    from coprod_check.domain.group import group_view
    from coprod_check.domain.scoring import score

    text = render_summary(q, a, score(q, group_view(q, a)), check_update(q, a))
    return [line for line in text.splitlines() if "Taking part" in line or "Where fewer" in line]


def test_score_hides_a_group_of_two_with_lived_experience():
    # 2 with lived experience (fewer than 3: hidden), 3 without (the only count left: hidden too,
    # or 5 - 3 would give the 2 away).
    q, g = tiny_group(["yes", "yes", "no", "no", "no"])
    assert summary_lines(q, g) == [
        "Taking part: 5 people, answering on their own; with lived experience: not shown.",
        "  Where fewer than 3 people are in a group, the number is not shown, and neither is the next "
        "smallest, so nobody can be identified.",
    ]


def test_score_hides_a_group_of_two_people():
    q, g = tiny_group(["yes", "no"])
    assert summary_lines(q, g)[0] == "Taking part: 2 people, answering on their own; with lived experience: not shown."


def test_score_shows_groups_big_enough_to_show():
    q, g = tiny_group(["yes", "yes", "yes", "no", "no", "no"])
    assert summary_lines(q, g) == ["Taking part: 6 people, answering on their own; with lived experience: 3."]


def test_score_of_a_team_answering_together_shows_every_count():
    q = tiny()
    a = _person(q, "yes", 1)
    a.participants.append(Participant("manager", "no"))
    assert summary_lines(q, a) == ["Taking part: 2 people, 1 with lived experience."]
    a.participants.pop()
    assert summary_lines(q, a) == ["Taking part: 1 person, 1 with lived experience."]


def test_score_command_hides_a_group_of_two(blank, tmp_path, capsys):
    files = [
        answer(blank, tmp_path / "r1.json", "staff", "yes", "doing-to"),
        answer(blank, tmp_path / "r2.json", "staff", "no", "sharing"),
    ]
    assert main(["combine", *files, "-o", str(tmp_path / "g.json")]) == 0
    capsys.readouterr()
    assert main(["score", str(tmp_path / "g.json")]) == 0
    assert "Taking part: 2 people, answering on their own; with lived experience: not shown." in capsys.readouterr().out
