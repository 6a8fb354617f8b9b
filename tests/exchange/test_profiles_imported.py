"""The group profiles of tests/domain/profiles, answered through workbooks and a Microsoft Form
instead of the app, come out as their expectations say: who is shown apart, what holds the stage
back, how high it can go. Imported voices are never a second-class path."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coprod_check.app import store
from coprod_check.app.files import load_with_questionnaire
from coprod_check.cli import main
from coprod_check.domain.group import evaluate
from tests.domain.test_profiles import answers_for, check
from tests.exchange.people import Person, blank_workbook, fill_workbook, forms_export, lead

PROFILES = sorted(
    p for p in (Path(__file__).parents[1] / "domain" / "profiles").glob("*.yaml") if "group" in p.read_text()
)
WORDS = {"yes": "Yes", "no": "No", "prefer-not-to-say": "Prefer not to say"}


@pytest.mark.parametrize("path", PROFILES, ids=[p.stem for p in PROFILES])
def test_a_group_profile_answered_in_workbooks_and_a_form(tmp_path, capsys, path):
    profile = yaml.safe_load(path.read_text(encoding="utf-8"))
    lead(tmp_path)
    _, q = load_with_questionnaire(tmp_path / "lead.coprod")
    people = []
    for part in profile["group"]:
        answers = {k: v.choice for k, v in answers_for(q, part["answers"]).items()}
        for _ in range(part.get("times", 1)):
            # Named, so that people who answered alike are not taken for one response sent twice.
            people.append(Person("Staff member", WORDS[part["lived_experience"]], f"P{len(people) + 1}", answers))
    blank = blank_workbook(tmp_path)
    files = [
        fill_workbook(blank, tmp_path / f"w{i}.xlsx", p, typed=i % 4 == 0) for i, p in enumerate(people) if i % 2 == 0
    ]
    export = forms_export(tmp_path, [p for i, p in enumerate(people) if i % 2], tmp_path / "forms.xlsx")
    out = tmp_path / "forms"
    assert main(["import-forms", str(export), "--assessment", str(tmp_path / "lead.coprod"), "-o", str(out)]) == 0
    files += sorted(out.iterdir())
    assert main(["combine", *map(str, files), "-o", str(tmp_path / "group.coprod")]) == 0
    group = store.load(tmp_path / "group.coprod")
    assert len(group.responses) == len(people)
    check(q, evaluate(q, group), profile["expect"])
