"""Companion files (update maps, translations) are recognised by their `kind:` and never listed or
used as questionnaires; update maps are checked, with lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_check.app import catalogue
from coprod_check.app.companions import read_document, update_map_for
from coprod_check.app.qcache import load_questionnaire
from coprod_check.cli import main
from coprod_check.domain.errors import CompanionFile, QuestionnaireError
from coprod_check.domain.loader import parse_questionnaire
from coprod_check.domain.updatemap import check_against, parse_update_map

FIXTURE = Path(__file__).parent.parent / "domain" / "fixtures" / "three-facets.yaml"

UPDATE = """\
kind: update
questionnaire: three-facets
from: ["1.0", "1.1"]
to: "2.0"
what: The care questions moved to a scale of support.
questions:
  w1: keep
  c1:
    renamed-from: old-care
    levels: {doing-to: missing, doing-for: missing, asking: patchy, sharing: reliable, doing-with: reliable}
removed:
  old-wellbeing: Now asked as c1.
"""


def test_an_update_map_is_read():
    u = parse_update_map(UPDATE, "u.yaml")
    assert (u.questionnaire_id, u.from_versions, u.to_version) == ("three-facets", ("1.0", "1.1"), "2.0")
    assert u.carry("c1").source_id == "old-care" and u.carry("c1").levels["asking"] == "patchy"
    assert u.carry("w1").source_id == "w1" and u.carry("w2").levels == {}  # not named: kept
    assert u.removed == {"old-wellbeing": "Now asked as c1."} and u.leads_from("1.0") and not u.leads_from("2.0")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('to: "2.0"', "to: 2.0"), 'to: should be a version MAJOR.MINOR in quotes, such as "1.1"; got 2.0'),
        (("  w1: keep", "  w1: kept"), "questions.w1: should be a mapping of keys to values, not text"),
        (
            ("renamed-from: old-care", "renamed_from: old-care"),
            "unknown key 'renamed_from' (did you mean 'renamed-from'?)",
        ),
        (("asking: patchy", "dont-know: patchy"), "carry over as they are; map levels only"),
        (("old-wellbeing: Now", "old-care: Now"), "'old-care' is carried over to 'c1', so it is not removed"),
    ],
)
def test_a_broken_update_map_says_where(change, message):
    text = UPDATE.replace(*change)
    with pytest.raises(QuestionnaireError) as info:
        parse_update_map(text, "u.yaml")
    found = [str(p) for p in info.value.problems]
    assert any(message in p and p.startswith("u.yaml:") for p in found), found


def test_an_update_map_is_checked_against_the_questionnaires_it_joins():
    new = parse_questionnaire(FIXTURE.read_text())
    u = parse_update_map(UPDATE.replace("asking: patchy", "asking: fine").replace("  w1: keep", "  w9: keep"))
    problems = check_against(u, new)
    assert "questions.w9: version 2.0 has no such question" in problems
    assert "questions.c1.levels.asking: 'fine' is not a level of this question" in problems


def test_the_catalogue_never_lists_a_companion_and_validate_names_it(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "home" / "questionnaires"
    folder.mkdir(parents=True)
    (folder / "three-facets.yaml").write_text(FIXTURE.read_text())
    (folder / "three-facets-update.yaml").write_text(UPDATE)
    (folder / "three-facets-cy.yaml").write_text("kind: translation\nquestionnaire: three-facets\n")
    found = [e for e in catalogue.discover() if not e.builtin]
    assert [e.path.name for e in found] == ["three-facets.yaml"] and found[0].questionnaire is not None
    for _ in range(2):  # the second time from the cache, which remembers the kind
        with pytest.raises(CompanionFile):
            load_questionnaire(folder / "three-facets-update.yaml")
    assert main(["list"]) == 0
    assert "three-facets-update" not in capsys.readouterr().out
    assert main(["validate", str(folder / "three-facets-update.yaml")]) == 0
    out = capsys.readouterr().out
    assert "valid (update map: three-facets 1.0, 1.1 to 2.0, 2 questions)" in out
    # A translation is checked too (tests/app/test_translations.py): this one is only begun.
    assert main(["validate", str(folder / "three-facets-cy.yaml")]) == 1
    assert "the key 'texts' is missing" in capsys.readouterr().err
    q = catalogue.find("three-facets")
    assert update_map_for(q, "1.1") is not None and update_map_for(q, "2.0") is None
    assert read_document(folder / "three-facets.yaml").kind == "questionnaire"


def test_validate_fails_an_update_map_that_does_not_fit_its_questionnaire(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "home" / "questionnaires"
    folder.mkdir(parents=True)
    (folder / "three-facets.yaml").write_text(FIXTURE.read_text())
    (folder / "updates").mkdir()
    (folder / "updates" / "u.yaml").write_text(UPDATE.replace("  w1: keep", "  w9: keep"))
    assert main(["validate", str(folder / "updates" / "u.yaml")]) == 1
    assert "questions.w9: version 2.0 has no such question" in capsys.readouterr().err


def test_an_update_map_from_the_cache_is_the_map_checked(tmp_path):
    from coprod_check.app.qcache import load_update_map

    path = tmp_path / "u.yaml"
    path.write_text(UPDATE)
    first, again = load_update_map(path), load_update_map(path)
    assert first == again == parse_update_map(UPDATE, str(path))


def test_a_hostile_update_map_is_refused_with_reasons_never_a_crash():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=8))
    values = st.recursive(
        scalars, lambda x: st.lists(x, max_size=3) | st.dictionaries(st.text(max_size=6), x, max_size=3)
    )

    @settings(max_examples=150, deadline=None)
    @given(
        st.sampled_from(["kind", "questionnaire", "from", "to", "what", "questions", "removed", "c1", "levels"]), values
    )
    def mutate(key, value):
        import yaml

        data = yaml.safe_load(UPDATE)
        where = data["questions"]["c1"] if key in ("c1", "levels") else data
        where[key if key != "c1" else "renamed-from"] = value
        text = yaml.safe_dump(data, allow_unicode=True)
        try:
            parse_update_map(text, "u.yaml")
        except QuestionnaireError as exc:
            assert exc.problems and all(p.source == "u.yaml" for p in exc.problems)

    mutate()
