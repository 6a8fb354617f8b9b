"""A questionnaire carries its own translations: a `kind: translation` file in `translations/`
beside it, checked like the rest (every text there, no stray key), never taken for a questionnaire.

tests/fixtures/translation/ holds a small questionnaire and its Welsh words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from coprod_check.app import catalogue, resources
from coprod_check.app.companions import check_translation, in_language, read_document, translations
from coprod_check.app.qcache import load_questionnaire
from coprod_check.cli import main
from coprod_check.domain.errors import QuestionnaireError
from coprod_check.domain.translation import check_against, parse_translation, text_keys

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "translation"
SMALL = FIXTURES / "small.yaml"
WELSH = FIXTURES / "translations" / "small.cy.yaml"


def welsh_text() -> str:
    return WELSH.read_text(encoding="utf-8")


def problems_of(text: str) -> list[str]:
    """What validate would say of a changed Welsh file, shape and fit both."""
    try:
        t = parse_translation(text, "cy.yaml")
    except QuestionnaireError as exc:
        return [p.message for p in exc.problems]
    return check_against(t, yaml.safe_load(SMALL.read_text(encoding="utf-8")), "small", "1.0")


def test_the_welsh_fixture_is_valid_and_says_what_it_is(capsys):
    assert main(["validate", str(WELSH), str(SMALL)]) == 0
    out = capsys.readouterr().out
    assert "small.cy.yaml: valid (translation into cy of small 1.0: 49 texts)" in out


def test_every_prompt_level_action_and_glossary_entry_needs_its_text():
    keys = text_keys(yaml.safe_load(SMALL.read_text(encoding="utf-8")))
    for key in (
        "title",
        "levels.low.label",
        "levels.low.meaning",
        "domains.voice.questions.heard.prompt",
        "domains.voice.questions.heard.levels.high",
        "domains.voice.questions.heard.actions.middle.how",
        "domains.voice.questions.heard.critical.reason",
        "glossary.peer-support.term",
        "glossary.peer-support.meaning",
        "glossary.peer-support.also.0",
        "support",
    ):
        assert key in keys, key
    # identifiers are not texts
    assert not [k for k in keys if k.endswith((".id", ".timescale", ".orientation", ".below", ".cap", "version"))]


@pytest.mark.parametrize(
    "key",
    [
        "domains.voice.questions.heard.prompt",
        "domains.voice.questions.support.levels.middle",
        "domains.voice.questions.heard.actions.low.owner",
        "glossary.peer-support.meaning",
        "levels.high.label",
    ],
)
def test_a_missing_text_is_an_error_that_names_it_and_its_english(key):
    text = "\n".join(line for line in welsh_text().splitlines() if not line.strip().startswith(f"{key}:"))
    found = problems_of(text)
    assert len(found) == 1 and found[0].startswith(f"texts.{key} is missing (in English: "), found


def test_a_stray_key_is_an_error():
    text = welsh_text() + "  domains.voice.questions.heard.prompts: Teipo\n  colour: Glas\n"
    assert problems_of(text) == [
        "texts.domains.voice.questions.heard.prompts: the questionnaire has no such text",
        "texts.colour: the questionnaire has no such text",
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('version: "1.0"', 'version: "1.1"'), "translates version 1.1 of the questionnaire, which is now version 1.0"),
        (("questionnaire: small", "questionnaire: other"), "is a translation of 'other', not of 'small'"),
        (('version: "1.0"', "version: 1.0"), 'version: should be a version MAJOR.MINOR in quotes, such as "1.1"'),
        (("language: cy", "language: 'Welsh please'"), "language: should be a language tag such as cy or pl"),
        (("kind: translation", "kind: update"), "kind: should be 'translation' in a translation, not 'update'"),
        (("  title: Cydweithio", "  title: ''"), "texts.title: is empty"),
        (("  title: Cydweithio", "  title: [Cydweithio]"), "texts.title: should be text, not a list"),
        (("texts:", "text:"), "unknown key 'text' (did you mean 'texts'?)"),
    ],
)
def test_a_translation_that_does_not_fit_says_why(change, message):
    text = welsh_text().replace(*change)
    assert text != welsh_text()
    assert any(message in p for p in problems_of(text)), problems_of(text)


def test_validate_fails_on_a_broken_translation_and_names_the_file(tmp_path, capsys):
    folder = tmp_path / "q"
    (folder / "translations").mkdir(parents=True)
    shutil.copy(SMALL, folder / "small.yaml")
    broken = folder / "translations" / "small.cy.yaml"
    broken.write_text(welsh_text().replace("  stages.start.title: Dechrau\n", ""), encoding="utf-8")
    assert main(["validate", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "small.cy.yaml" in err and "texts.stages.start.title is missing (in English: 'Starting')" in err


def test_the_catalogue_never_takes_a_translation_for_a_questionnaire(home_questionnaires):
    shutil.copy(SMALL, home_questionnaires / "small.yaml")
    shutil.copy(WELSH, home_questionnaires / "small.cy.yaml")  # at the top, where questionnaires are
    (home_questionnaires / "translations").mkdir()
    shutil.copy(WELSH, home_questionnaires / "translations" / "small.cy.yaml")
    entries = catalogue.discover()
    paths = {e.path.name for e in entries if not e.builtin}
    assert paths == {"small.yaml"} and all(e.questionnaire for e in entries if not e.builtin)
    assert read_document(home_questionnaires / "small.cy.yaml").kind == "translation"


def test_the_questionnaire_in_welsh_keeps_its_ids_and_rules():
    english = load_questionnaire(SMALL)
    (found,) = translations(english)
    assert found.language == "cy" and check_translation(found, english) == []
    welsh = in_language(english, "cy_GB")
    assert welsh.title == "Cydweithio" and welsh.language == "cy"
    q_en, q_cy = english.domains[0].questions[0], welsh.domains[0].questions[0]
    assert q_cy.prompt == "A yw pobl â phrofiad bywyd yn cael eu clywed mewn cyfarfodydd?"
    assert q_cy.critical and q_en.critical
    assert (q_cy.id, q_cy.orientation, q_cy.critical.below, q_cy.critical.cap) == (
        q_en.id,
        q_en.orientation,
        q_en.critical.below,
        q_en.critical.cap,
    )
    assert q_cy.critical.reason == "Does neb â phrofiad bywyd yn cael ei holi."
    assert welsh.glossary[0].term == "cymorth gan gymheiriaid"
    assert in_language(english, "pl") is english  # no Polish words beside it: as it is
    # The same assessment in either language: its questions keep their English fingerprints.
    assert welsh.fingerprints() == english.fingerprints()


def test_in_welsh_the_catalogue_gives_the_questionnaire_in_its_own_welsh(home_questionnaires):
    from coprod_check import i18n

    shutil.copy(SMALL, home_questionnaires / "small.yaml")
    (home_questionnaires / "translations").mkdir()
    shutil.copy(WELSH, home_questionnaires / "translations" / "small.cy.yaml")
    assert catalogue.find("small").title == "Working together"  # English: as written
    try:
        i18n.set_language("cy")  # no catalogue for the app's own words: the questionnaire still is
        assert catalogue.find("small").title == "Cydweithio"
    finally:
        i18n.set_language(None)


def test_the_built_in_questionnaire_names_every_text_it_would_need():
    for path in resources.builtin_questionnaires():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        keys = text_keys(data)
        questions = [q for d in data["domains"] for q in d["questions"]]
        for d in data["domains"]:
            for q in d["questions"]:
                assert f"domains.{d['id']}.questions.{q['id']}.prompt" in keys
                for level in q["levels"]:
                    assert f"domains.{d['id']}.questions.{q['id']}.levels.{level}" in keys
        assert len(keys) > 5 * len(questions)


@pytest.fixture
def home_questionnaires(isolated_home: Path) -> Path:
    folder = catalogue.user_questionnaire_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder
