"""Workbooks and Forms exports come into a group exactly as JSON responses do: the same result, the
same views and disagreements, the same small-number suppression, private notes and names kept out,
and the same refusals."""

from __future__ import annotations

import json

import openpyxl
import pytest

from coprod_check.app import store
from coprod_check.app.files import load_with_questionnaire
from coprod_check.cli import main
from coprod_check.domain.group import disagreements
from coprod_check.domain.questionnaire import DONT_KNOW
from coprod_check.exchange import layout
from tests.exchange.people import Person, blank_workbook, fill_workbook, forms_export, json_response, lead

LIVED = "Colleague with lived experience"
ANSWERS = {
    # question: one answer per person, in PEOPLE's order
    "power-agenda": ["doing-for", "asking", "doing-to", "sharing", "doing-with", "sharing"],
    "power-timing": ["doing-for", "asking", "asking", "sharing", "sharing", "doing-with"],
    "power-disagreement": ["doing-to", DONT_KNOW, "asking", "sharing", "doing-with", "sharing"],
    "payment-paid": ["asking", "asking", "doing-for", "sharing", "sharing", "asking"],
    "power-purpose": ["doing-for", "doing-for", "asking", "asking", "sharing", "asking"],
}


def people(lived=("Yes", "Yes", "Yes", "No", "No", "No")) -> list[Person]:
    roles = [LIVED, "Partner with lived experience", LIVED, "Manager or team lead", "Staff member", "Staff member"]
    out = []
    for i, (role, le) in enumerate(zip(roles, lived, strict=True)):
        notes = {"power-agenda": (f"Person {i} says this openly.", False)}
        if i == 0:
            notes["power-timing"] = ("A private worry of person 0.", True)
        out.append(Person(role, le, "", {k: v[i] for k, v in ANSWERS.items()}, notes))
    return out


def score_json(path, capsys) -> dict:
    capsys.readouterr()
    assert main(["score", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def mixed_sources(tmp_path, group_people, capsys):
    """Two people answer in JSON, two in workbooks (one picking, one typing ids), two in a Form."""
    _, blank_json = lead(tmp_path)
    blank = blank_workbook(tmp_path)
    files = [json_response(blank_json, tmp_path / f"p{i}.coprod", p) for i, p in enumerate(group_people[:2])]
    files.append(fill_workbook(blank, tmp_path / "p2.xlsx", group_people[2]))
    files.append(fill_workbook(blank, tmp_path / "p3.xlsx", group_people[3], typed=True))
    export = forms_export(tmp_path, group_people[4:], tmp_path / "forms.xlsx")
    out = tmp_path / "from-forms"
    assert main(["import-forms", str(export), "--assessment", str(tmp_path / "lead.coprod"), "-o", str(out)]) == 0
    files += sorted(out.iterdir())
    capsys.readouterr()
    return files


def all_json(tmp_path, group_people):
    _, blank_json = lead(tmp_path)
    return [json_response(blank_json, tmp_path / f"j{i}.coprod", p) for i, p in enumerate(group_people)]


@pytest.mark.parametrize("lived", [("Yes", "Yes", "Yes", "No", "No", "No"), ("Yes", "No", "No", "No", "No", "Yes")])
def test_a_mixed_group_scores_exactly_as_the_same_people_in_json(tmp_path, capsys, lived):
    group_people = people(lived)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    mixed = mixed_sources(tmp_path / "a", group_people, capsys)
    plain = all_json(tmp_path / "b", group_people)
    assert main(["combine", *map(str, mixed), "-o", str(tmp_path / "mixed.coprod")]) == 0
    assert main(["combine", *map(str, plain), "-o", str(tmp_path / "plain.coprod")]) == 0
    mixed_result, plain_result = (
        score_json(tmp_path / "mixed.coprod", capsys),
        score_json(tmp_path / "plain.coprod", capsys),
    )
    assert mixed_result == plain_result
    views = mixed_result["views"]
    if lived.count("Yes") == 3:
        assert views["lived_experience"]["n"] == 3 and views["others"]["n"] == 3
    else:  # two with lived experience: their side is never shown apart
        assert views["lived_experience"]["n"] is None
    _, q = load_with_questionnaire(tmp_path / "mixed.coprod")
    found = [s.question_id for s in disagreements(q, store.load(tmp_path / "mixed.coprod"))]
    assert found == [s.question_id for s in disagreements(q, store.load(tmp_path / "plain.coprod"))]
    assert "power-agenda" in found


def test_private_notes_and_account_names_never_reach_the_group(tmp_path, capsys):
    group_people = people()
    group_people[4] = group_people[4]._replace(name="Robin Ahmed")  # gave a name in the name question
    mixed = mixed_sources(tmp_path, group_people, capsys)
    assert main(["combine", *map(str, mixed), "-o", str(tmp_path / "g.coprod")]) == 0
    assert "1 private note was left out" in capsys.readouterr().out
    text = (tmp_path / "g.coprod").read_text(encoding="utf-8")
    assert "A private worry" not in text and "Person 2 says this openly." in text
    assert "Account Holder" not in text  # Forms' own Name column is never read
    names = [r.participant.name for r in store.load(tmp_path / "g.coprod").responses]
    assert names.count("Robin Ahmed") == 1 and names.count("") == 5


def test_a_workbook_from_another_organisation_is_refused_as_json_would_be(tmp_path, capsys):
    mixed = mixed_sources(tmp_path, people(), capsys)
    book = openpyxl.load_workbook(mixed[2])
    key = book[layout.KEY_SHEET]
    row = layout.KEYS.index("organisation") + 1
    key[f"B{row}"] = "Another Trust"
    book.save(mixed[2])
    assert main(["combine", *map(str, mixed), "-o", str(tmp_path / "g.coprod")]) == 1
    assert f"{mixed[2]} is for 'Another Trust'" in capsys.readouterr().err
    assert not (tmp_path / "g.coprod").exists()


def test_the_same_workbook_twice_or_saved_again_is_refused(tmp_path, capsys):
    mixed = mixed_sources(tmp_path, people(), capsys)
    again = tmp_path / "again.xlsx"
    book = openpyxl.load_workbook(mixed[2])
    book.properties.lastModifiedBy = "Excel on another laptop"  # the same answers, saved again: other bytes
    book.save(again)
    assert again.read_bytes() != mixed[2].read_bytes()
    assert main(["combine", *map(str, mixed), str(mixed[2]), "-o", str(tmp_path / "g.coprod")]) == 1
    assert "is the same response as" in capsys.readouterr().err
    assert main(["combine", *map(str, mixed), str(again), "-o", str(tmp_path / "g.coprod")]) == 1
    assert f"{again} holds exactly the same answers as {mixed[2]}" in capsys.readouterr().err


def test_a_workbook_of_an_older_version_is_refused_unless_mapped(tmp_path, capsys, isolated_home):
    lead(tmp_path)
    _, q = load_with_questionnaire(tmp_path / "lead.coprod")
    folder = isolated_home / "questionnaires"
    folder.mkdir(parents=True)
    from pathlib import Path

    yaml_text = Path(q.source).read_text(encoding="utf-8")
    old = f"{q.major - 1}.9"  # an earlier version, with the same questions
    assert f'version: "{q.version}"' in yaml_text
    (folder / "old.yaml").write_text(
        yaml_text.replace(f'version: "{q.version}"', f'version: "{old}"', 1), encoding="utf-8"
    )
    old_lead = store.load(tmp_path / "lead.coprod")
    old_lead.questionnaire_version = old
    store.save(tmp_path / "old-lead.coprod", old_lead)
    assert main(["blank", str(tmp_path / "old-lead.coprod"), "-o", str(tmp_path / "old.xlsx")]) == 0
    fill_workbook(tmp_path / "old.xlsx", tmp_path / "old-filled.xlsx", people()[0])
    new = json_response(tmp_path / "blank.coprod", tmp_path / "new.coprod", people()[3])
    args = ["combine", str(new), str(tmp_path / "old-filled.xlsx"), "-o", str(tmp_path / "g.coprod")]
    capsys.readouterr()
    assert main(args) == 1
    assert f"answers version {old} of the questionnaire, and this is version {q.version}" in capsys.readouterr().err
    assert main([*args, "--update"]) == 0
    assert store.load(tmp_path / "g.coprod").responses[1].answers["power-agenda"].choice == "doing-for"


def test_a_workbook_of_another_questionnaire_is_refused_as_json_would_be(tmp_path, capsys, isolated_home):
    from coprod_check.domain.assessment import Assessment
    from tests.tiny import TINY_YAML, tiny

    folder = isolated_home / "questionnaires"
    folder.mkdir(parents=True)
    (folder / "tiny.yaml").write_text(TINY_YAML, encoding="utf-8")
    other = Assessment.new(tiny())
    other.organisation = store.load(lead(tmp_path)[0]).organisation
    store.save(tmp_path / "tiny-lead.coprod", other)
    assert main(["blank", str(tmp_path / "tiny-lead.coprod"), "-o", str(tmp_path / "tiny.xlsx")]) == 0
    book = openpyxl.load_workbook(tmp_path / "tiny.xlsx")
    book[layout.ABOUT_SHEET]["B2"] = "Manager"
    book[layout.ANSWERS_SHEET]["F2"] = "Two"
    book.save(tmp_path / "tiny-filled.xlsx")
    mine = json_response(tmp_path / "blank.coprod", tmp_path / "mine.coprod", people()[0])
    capsys.readouterr()
    assert main(["combine", str(mine), str(tmp_path / "tiny-filled.xlsx"), "-o", str(tmp_path / "g.coprod")]) == 1
    assert "tiny-filled.xlsx answers the questionnaire 'tiny', not 'coproduction-readiness'" in capsys.readouterr().err
    assert not (tmp_path / "g.coprod").exists()
