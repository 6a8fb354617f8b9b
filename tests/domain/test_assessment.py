"""Assessment files: round trips, clear refusals, and never any other exception."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_check.app import store
from coprod_check.domain.assessment import (
    ActionEdit,
    Answer,
    Assessment,
    CustomAction,
    Participant,
)
from coprod_check.domain.errors import AssessmentError
from coprod_check.domain.fileformat import from_dict, to_dict
from coprod_check.domain.questionnaire import DONT_KNOW
from tests.tiny import tiny


def full_assessment() -> Assessment:
    a = Assessment.new(tiny())
    a.organisation, a.team, a.date = "Ysbyty Gwynedd — ŵ ŷ", "Zespół ł ą", "2026-11-24"
    a.participants = [Participant("manager", "no", "Anna"), Participant("lived-experience-colleague", "yes")]
    a.answers = {"q1": Answer("l3", "a note", "evidence", True), "q4": Answer(DONT_KNOW)}
    a.plan.edits["gap:q1"] = ActionEdit(title="Mine", owner="Me", due="2027-01-31", status="in-progress")
    a.plan.custom.append(CustomAction(id="own:1", title="Tea with the network", timescale="soon"))
    a.plan.order = ["own:1", "gap:q1"]
    return a


def test_round_trip_keeps_everything():
    a = full_assessment()
    again = store.loads(store.dumps(a), "x.json")
    assert again == a


def test_the_file_is_readable_json_with_a_format_name():
    data = json.loads(store.dumps(full_assessment()))
    assert data["format"] == "coprod-check-assessment" and data["format_version"] == 1
    assert data["questionnaire"]["id"] == "tiny"
    assert data["answers"]["q1"] == {"answer": "l3", "note": "a note", "evidence": "evidence", "note_private": True}


def test_empty_answers_are_not_written():
    a = Assessment.new(tiny())
    a.answers["q1"] = Answer()
    assert json.loads(store.dumps(a))["answers"] == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": "something-else", "format_version": 1, "questionnaire": {}}', "is not a coprod-check assessment"),
        ("[1, 2]", "should be an object"),
        (
            '{"format": "coprod-check-assessment", "format_version": 9, "questionnaire": {"id": "x", "version": "1"}}',
            "made by a newer coprod-check",
        ),
        ('{"format": "coprod-check-assessment", "format_ver', "the JSON is broken at line 1"),
        (
            '{"format": "coprod-check-assessment", "format_version": 1, "questionnaire": {"id": "x", "version": "1.0"},'
            ' "participants": [{"role": "manager", "lived_experience": "maybe"}]}',
            "participants[0].lived_experience: should be one of yes, no, prefer-not-to-say",
        ),
        (
            '{"format": "coprod-check-assessment", "format_version": 1, "questionnaire": {"id": "x", "version": "1.0"},'
            ' "date": "24/11/2026"}',
            "date: should be a date such as 2026-11-24",
        ),
        (
            '{"format": "coprod-check-assessment", "format_version": 1, "questionnaire": {"id": "x", "version": "1.0"},'
            ' "answers": {"q1": {"anwser": "l1"}}}',
            "answers.q1: has an unknown field 'anwser'",
        ),
    ],
)
def test_bad_files_give_clear_errors(text, message):
    with pytest.raises(AssessmentError) as info:
        store.loads(text, "team.json")
    assert str(info.value).startswith("team.json: ")
    assert message in str(info.value)


def test_reading_never_changes_a_bad_file(tmp_path):
    path = tmp_path / "broken.json"
    original = store.dumps(full_assessment())[:200]
    path.write_text(original)
    before = path.stat()
    with pytest.raises(AssessmentError, match="broken.json"):
        store.load(path)
    assert path.read_text() == original and path.stat().st_mtime_ns == before.st_mtime_ns
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json"]


def test_binary_empty_missing_and_folder(tmp_path):
    (tmp_path / "bin.json").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "empty.json").write_bytes(b"")
    for name, message in [
        ("bin.json", "not a text file"),
        ("empty.json", "is empty"),
        ("missing.json", "does not exist"),
        (".", "is a folder"),
    ]:
        with pytest.raises(AssessmentError, match=message):
            store.load(tmp_path / name)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=25,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(json_values)
def test_arbitrary_json_gives_an_assessment_or_our_error(value):
    try:
        from_dict(value, "fuzz.json")
    except AssessmentError:
        pass


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.data())
def test_mutated_valid_file_gives_an_assessment_or_our_error(data):
    base = to_dict(full_assessment())
    paths = []

    def walk(node, path):
        paths.append(path)
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, (*path, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, (*path, i))

    walk(base, ())
    target = data.draw(st.sampled_from(paths[1:]))
    replacement = data.draw(json_values)
    node = base
    for part in target[:-1]:
        node = node[part]
    node[target[-1]] = replacement
    text = json.dumps(base)
    cut = data.draw(st.integers(0, len(text)))
    for candidate in (text, text[:cut]):
        try:
            store.loads(candidate, "mut.json")
        except AssessmentError:
            pass


def test_a_file_date_is_checked_as_the_calendar_has_it():
    import datetime as dt

    from coprod_check.domain.fileformat import is_iso_date

    day, end = dt.date(1999, 1, 1), dt.date(2101, 1, 1)
    while day < end:  # every real date is accepted...
        assert is_iso_date(day.isoformat())
        day += dt.timedelta(days=1)
    for text in (
        "2026-02-29",
        "2100-02-29",
        "2026-04-31",
        "2026-13-01",
        "2026-00-10",
        "2026-01-00",
        "2026-1-5",
        "20261124",
        "2026-11-24T10:00",
        " 2026-11-24",
        "2026-11-24\n",
        "２０２６-11-24",
    ):
        assert not is_iso_date(text), text  # ...and nothing else
    assert is_iso_date("2000-02-29") and is_iso_date("2024-02-29")
