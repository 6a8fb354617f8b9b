"""Answers given to an earlier version carry over to the new one by its update map, and nothing
is lost: moved, mapped, marked "please check", or kept and reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from coprod_check.app import catalogue, resources, store
from coprod_check.app.qcache import load_questionnaire
from coprod_check.cli import main
from coprod_check.domain.assessment import ActionEdit, Agreement, Answer, Assessment, Participant, Response
from coprod_check.domain.carry import confirm, to_check
from coprod_check.domain.update import adopt, check_update

FIXTURES = Path(__file__).parent.parent / "domain" / "fixtures"


@pytest.fixture
def folder(isolated_home: Path) -> Path:
    """The user's questionnaires folder with 2.0, its update map and a copy of 1.1."""
    folder = isolated_home / "questionnaires"
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES / "three-facets.yaml", folder)
    shutil.copytree(FIXTURES / "migration" / "updates", folder / "updates")
    shutil.copytree(FIXTURES / "migration" / "previous", folder / "previous")
    return folder


def earlier_assessment(folder: Path) -> Assessment:
    old = load_questionnaire(folder / "previous" / "three-facets-1.1.yaml")
    a = Assessment.new(old)
    a.answers = {
        "old-care": Answer("asking", note="Depends who you ask."),
        "w1": Answer("sharing"),
        "w2": Answer("dont-know"),
        "old-wellbeing": Answer("doing-for", evidence="The 2024 survey."),
        "old-language": Answer("doing-with"),
    }
    a.plan.edits["gap:old-care"] = ActionEdit(owner="Sam")
    return a


def test_only_the_new_version_is_offered(folder):
    mine = [e for e in catalogue.discover() if not e.builtin]
    assert [(e.path.name, e.questionnaire.version) for e in mine] == [("three-facets.yaml", "2.0")]
    q = catalogue.find("three-facets", "1.1")
    assert q.version == "2.0" and len(q.updates) == 1 and [e.version for e in q.earlier] == ["1.1"]


def test_the_preview_lists_every_carried_answer_before_anything_changes(folder):
    a = earlier_assessment(folder)
    before = store.dumps(a)
    q = catalogue.find(a.questionnaire_id, a.questionnaire_version)
    report = check_update(q, a)
    assert store.dumps(a) == before  # the preview changes nothing
    carried = {c.question_id: c for c in report.carried}
    assert set(carried) == {"c1", "p1", "w1"}  # w2 is "don't know": nothing to check
    assert (carried["c1"].before, carried["c1"].after, carried["c1"].renamed) == ("asking", "patchy", True)
    assert carried["w1"].after == "sharing" and carried["w1"].reworded and not carried["w1"].rescaled
    lines = report.lines()
    text = "\n".join(lines)
    assert "3 answers carried over to a reworded question or a new scale are marked \u201cplease check\u201d" in text
    assert (
        "\u201cCan staff get occupational health support when they need it?\u201d (asked before as old-care): "
        "\u201cAsking\u201d becomes \u201cPatchy\u201d." in text
    )
    assert "\u201cWho decides?\u201d: \u201cSharing\u201d, kept; the question was reworded." in text
    assert report.orphaned_answers == ("old-wellbeing",) and "  old-wellbeing: Now part of c1." in lines
    assert report.invalid_answers == ()  # mapped answers are valid answers of the new scales
    assert "p1" not in report.added


def test_adopting_carries_marks_and_keeps_everything(folder, tmp_path):
    a = earlier_assessment(folder)
    earlier = {k: v.choice for k, v in a.answers.items()}
    q = catalogue.find(a.questionnaire_id, a.questionnaire_version)
    adopt(q, a)
    assert a.questionnaire_version == "2.0" and a.fingerprints == q.fingerprints()
    c1 = a.answers["c1"]
    assert (c1.choice, c1.note, c1.check.as_dict()) == (
        "patchy",
        "Depends who you ask.",
        {"version": "1.1", "question": "old-care", "answer": "asking"},
    )
    assert "old-care" not in a.answers  # moved, and the new answer says where from
    assert a.answers["old-wellbeing"].evidence == "The 2024 survey."  # no longer asked: kept
    assert a.answers["w2"].check is None and a.answers["w2"].choice == "dont-know"
    assert a.plan.edits["gap:c1"].owner == "Sam" and "gap:old-care" in a.plan.edits
    # Every earlier answer can still be found: under its id, or named by a carried answer's check.
    for qid, choice in earlier.items():
        found = a.answers.get(qid)
        named = [x for x in a.answers.values() if x.check and x.check.question == qid]
        assert (found is not None and found.choice == choice) or [x.check.answer for x in named] == [choice], qid
    path = tmp_path / "a.json"
    store.save(path, a)
    data = json.loads(path.read_text())
    jsonschema.validate(data, json.loads(resources.assessment_schema().read_text()))
    again = store.load(path)
    assert again.answers["c1"].check == c1.check and again.answers["w1"].check.question == "w1"
    assert "check" not in data["answers"]["w2"]  # written only while set
    assert to_check(again, "c1") is not None and confirm(again, "c1") and to_check(again, "c1") is None
    assert again.answers["c1"].choice == "patchy"


def test_a_group_carries_everyones_answers_and_its_agreed_levels(folder):
    a = earlier_assessment(folder)
    a.answers = {}
    for i, level in enumerate(["asking", "sharing", "doing-for"]):
        a.responses.append(Response(f"r{i}", Participant("staff", "no"), {"old-care": Answer(level)}))
    a.agreed["old-care"] = Agreement("sharing", "We talked it through.")
    q = catalogue.find(a.questionnaire_id, a.questionnaire_version)
    report = check_update(q, a)
    assert report.people_carried == 3 and report.carried == ()
    assert "3 answers given by the people in this group are carried over the same way" in "\n".join(report.lines())
    adopt(q, a)
    assert [r.answers["c1"].choice for r in a.responses] == ["patchy", "reliable", "missing"]
    assert a.agreed["c1"].level == "reliable" and a.agreed["c1"].reason == "We talked it through."
    assert to_check(a, "c1").answer == "asking"  # the first person's: the marker names nobody's level


def test_the_command_line_scores_the_carried_answers_and_says_what_to_check(folder, tmp_path, capsys):
    a = earlier_assessment(folder)
    path = tmp_path / "old.json"
    store.save(path, a)
    saved = path.read_bytes()
    assert main(["score", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["care"] == 50.0  # "Asking" carried to "Patchy", the middle of the support scale
    assert any("please check" in line for line in data["update"])
    assert path.read_bytes() == saved  # scoring never changes the file


def test_validate_checks_the_map_against_the_earlier_copy(folder, capsys):
    assert main(["validate", str(folder / "updates" / "three-facets-2.0.yaml")]) == 0
    assert "valid (update map: three-facets 1.0, 1.1 to 2.0, 4 questions)" in capsys.readouterr().out
    path = folder / "updates" / "three-facets-2.0.yaml"
    path.write_text(path.read_text().replace("  old-wellbeing: Now part of c1.\n", ""))
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "'old-wellbeing' (version 1.1) is neither carried over nor listed as removed" in err


def test_validate_wants_every_earlier_level_to_land_somewhere(folder, capsys):
    path = folder / "updates" / "three-facets-2.0.yaml"
    path.write_text(path.read_text().replace("doing-to: missing, ", ""))
    assert main(["validate", str(path)]) == 1
    assert "questions.c1: the earlier level 'doing-to' is not a level of this question" in capsys.readouterr().err


def test_a_groups_please_check_is_kept_in_each_response_in_the_file(folder, tmp_path):
    a = earlier_assessment(folder)
    a.answers = {}
    for i in range(3):
        a.responses.append(Response(f"r{i}", Participant("staff", "no"), {"old-care": Answer("asking")}))
    q = catalogue.find(a.questionnaire_id, a.questionnaire_version)
    adopt(q, a)
    path = tmp_path / "group.json"
    store.save(path, a)
    jsonschema.validate(json.loads(path.read_text()), json.loads(resources.assessment_schema().read_text()))
    again = store.load(path)
    assert [r.answers["c1"].check.answer for r in again.responses] == ["asking"] * 3
