"""Combining: the same response saved again is refused whether or not it has a name; private
notes stay out of the group file; a group size the file cannot hold is refused."""

import json

import pytest

from coprod_check.app import store
from coprod_check.domain.assessment import Answer, Assessment, Participant
from coprod_check.domain.combine import CombineError, combine, source
from tests.tiny import tiny


def person(role="manager", lived="no", name="", answers=None, date="2026-11-24", team=""):
    q = tiny()
    a = Assessment.new(q)
    a.organisation, a.team, a.date = "Trust", team, date
    a.participants = [Participant(role, lived, name)]
    a.answers = (
        answers
        if answers is not None
        else {"q1": Answer("l1", note="Public note", evidence="Minutes, May"), "q2": Answer("l2")}
    )
    return a


def as_file(name, a, indent=None):
    """A response file's bytes as the app writes them, or re-saved with other spacing."""
    text = store.dumps(a)
    if indent is not None:
        text = json.dumps(json.loads(text), indent=indent)
    return source(name, text.encode(), store.loads(text, name))


def test_an_anonymous_response_saved_again_with_other_spacing_is_refused_naming_both_files():
    a = person()
    first, again = as_file("b5.json", a), as_file("b5copy.json", a, indent=0)
    assert first.sha256 != again.sha256  # different bytes, so the old check let it through
    with pytest.raises(CombineError, match=r"b5copy.json holds exactly the same answers as b5.json") as exc:
        combine(tiny(), [as_file("b1.json", person(role="lived-experience-colleague", lived="yes")), first, again])
    assert "combined only once" in str(exc.value)


def test_a_named_response_saved_again_says_it_is_the_same_person():
    first = as_file("r1.json", person(name="Aled Jones"))
    again = as_file("copy.json", person(name="  aled  jones "), indent=2)
    with pytest.raises(CombineError, match="copy.json holds the same person's same answers as r1.json"):
        combine(tiny(), [first, again])


def test_a_name_added_to_a_copy_is_still_the_same_response():
    with pytest.raises(CombineError, match="named.json holds exactly the same answers as plain.json"):
        combine(tiny(), [as_file("plain.json", person()), as_file("named.json", person(name="Mary"))])


@pytest.mark.parametrize(
    ("change", "value"),
    [
        ("role", "lived-experience-colleague"),
        ("lived", "prefer-not-to-say"),
        ("date", "2026-11-25"),
        ("answers", {"q1": Answer("l1", note="Public note", evidence="Minutes, June"), "q2": Answer("l2")}),
        ("answers", {"q1": Answer("l1", note="Another note", evidence="Minutes, May"), "q2": Answer("l2")}),
        ("answers", {"q1": Answer("l1", note="Public note", evidence="Minutes, May"), "q2": Answer("l3")}),
    ],
)
def test_two_responses_differing_in_anything_are_two_people(change, value):
    g, _ = combine(tiny(), [as_file("a.json", person()), as_file("b.json", person(**{change: value}))])
    assert len(g.responses) == 2


def test_two_named_people_who_answered_alike_are_both_kept():
    g, _ = combine(
        tiny(),
        [
            as_file("a.json", person(name="Aled")),
            as_file("b.json", person(name="Bethan")),
            as_file("c.json", person(name="Carys")),
        ],
    )
    assert [r.participant.name for r in g.responses] == ["Aled", "Bethan", "Carys"]


def test_private_notes_are_left_out_and_answers_evidence_and_public_notes_kept():
    secret = person(
        role="lived-experience-colleague",
        lived="yes",
        answers={
            "q1": Answer("l0", note="SECRET I fear retaliation", evidence="My diary", note_private=True),
            "q2": Answer(None, note="SECRET only a note", note_private=True),  # nothing left once it goes
            "q3": Answer("l2", note="Said in the team meeting"),
        },
    )
    other = person(answers={"q1": Answer("l3", note="SECRET too", note_private=True), "q2": Answer("l2")})
    sources = [as_file("a1.json", secret), as_file("a2.json", other), as_file("a3.json", person())]
    g, notes = combine(tiny(), sources)
    assert "SECRET" not in store.dumps(g)
    first, second = g.responses[0].answers, g.responses[1].answers
    assert first == {"q1": Answer("l0", evidence="My diary"), "q3": Answer("l2", note="Said in the team meeting")}
    assert second == {"q1": Answer("l3"), "q2": Answer("l2")}
    assert g.responses[2].answers == person().answers  # nothing private: kept exactly
    assert (
        "3 private notes were left out: they stay only in their authors' own response files. Every "
        "answer, its evidence and the notes that are not private are kept."
    ) in notes
    # The authors' own files are untouched.
    assert sources[0].assessment.answers["q1"].note == "SECRET I fear retaliation"


def test_one_private_note_left_out_is_counted_in_the_singular():
    a = person(answers={"q1": Answer("l1", note="Mine alone", note_private=True)})
    _, notes = combine(
        tiny(),
        [
            as_file("a.json", a),
            as_file("b.json", person()),
            as_file("c.json", person(role="lived-experience-colleague", lived="yes")),
        ],
    )
    assert notes == [
        "1 private note was left out: it stays only in its author's own response file. Every "
        "answer, its evidence and the notes that are not private are kept."
    ]


def test_no_note_about_private_notes_when_there_are_none():
    _, notes = combine(
        tiny(),
        [
            as_file("a.json", person()),
            as_file("b.json", person(date="2026-11-01")),
            as_file("c.json", person(role="lived-experience-colleague", lived="yes")),
        ],
    )
    assert notes == []


@pytest.mark.parametrize("size", [1, 0, 51])
def test_a_group_size_the_file_could_not_hold_is_refused(size):
    with pytest.raises(CombineError, match=f"a whole number from 2 to 50, not {size}"):
        combine(tiny(), [as_file("a.json", person())], min_group_size=size)


def test_the_group_size_is_saved_and_the_file_opens_again(tmp_path):
    g, _ = combine(tiny(), [as_file("a.json", person())], min_group_size=50)
    store.save(tmp_path / "g.json", g)
    assert store.load(tmp_path / "g.json").min_group_size == 50
