"""Whatever a file holds, reading it gives a clear error or a complete assessment, never a
traceback, a hang, or something in memory that could not be saved again."""

from __future__ import annotations

import json
import os
import sys
import threading

import pytest

from coprod_check.app import store
from coprod_check.domain.assessment import MAX_OWN_ACTIONS, MAX_PEOPLE, Assessment
from coprod_check.domain.errors import AssessmentError, QuestionnaireError
from coprod_check.domain.loader import parse_questionnaire, read_questionnaire_bytes
from coprod_check.domain.reading import ReadRefused, os_reason, read_limited
from coprod_check.domain.textcheck import savable, savable_text
from tests.tiny import TINY_YAML, tiny

HUGE = 10**5000  # past Python's 4,300-digit limit for int <-> str


def full() -> dict:
    """An assessment using every field, as plain data."""
    from coprod_check.domain.example import make_example
    from coprod_check.domain.rounds import start_from

    q = tiny()
    a = start_from(q, make_example(q), "last.json")
    a.organisation, a.team = "Org", "Team"
    a.participants = make_example(q).participants
    for i, qid in enumerate(("q1", "q2")):
        a.answers[qid] = make_example(q).answers.get(qid) or a.answer(qid)
        a.answers[qid].note = f"note {i}"
    data = store.to_dict(a) if hasattr(store, "to_dict") else json.loads(store.dumps(a))
    data["plan"]["custom"] = [{"id": "own:1", "title": "Ours", "why": "w", "how": "h", "owner": "o"}]
    data["plan"]["edits"] = {"q1:l0": {"title": "T", "why": "W"}}
    data["agreed"] = {}
    return data


def text_paths(data, path=()):
    """Every (path, key-or-value) place where text sits in the data."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key), "key"
            if isinstance(value, str):
                yield (*path, key), "value"
            else:
                yield from text_paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            if isinstance(value, str):
                yield (*path, i), "value"
            else:
                yield from text_paths(value, (*path, i))


def put(data, path, where, new):
    """A deep copy of `data` with the text at `path` changed by `new` (key or value)."""
    data = json.loads(json.dumps(data))
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if where == "key":
        parent[new(last)] = parent.pop(last)
    else:
        parent[last] = new(parent[last])
    return data


def dump(data) -> str:
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return json.dumps(data)
    finally:
        sys.set_int_max_str_digits(limit)


def test_the_full_assessment_round_trips():
    data = full()
    a = store.loads(json.dumps(data), "full.json")
    assert store.loads(store.dumps(a)) == a
    assert len(list(text_paths(data))) > 60  # the fuzzing below really reaches many fields


def test_a_lone_surrogate_anywhere_is_refused_naming_where_it_is():
    data = full()
    places = list(text_paths(data))
    for path, where in places:
        hostile = put(data, path, where, lambda text: text + "\ud800")
        text = json.dumps(hostile)  # ensure_ascii: the file holds the escape "\ud800", as in the issue
        assert "\\ud800" in text
        try:
            a = store.loads(text, "bad.json")
        except AssessmentError as exc:
            assert savable(str(exc)), path  # the message itself can be shown and printed
            # Free text is refused for the surrogate; a fixed word (a format, a status) for not
            # being one of its words. Either way the message names the field.
            named = str(path[-1]) if where == "value" else str(path[-2] if len(path) > 1 else "file")
            assert "lone surrogate" in exc.message or named in exc.message, (path, exc.message)
        else:
            # Accepted only where the text is not kept (such as a key read into a fixed field):
            # then it must be savable.
            store.encode(a)


def test_huge_numbers_anywhere_are_refused_with_a_message():
    data = full()
    for path, where in list(text_paths(data))[:80]:
        if where != "value":
            continue
        hostile = put(data, path, where, lambda text: HUGE)
        with pytest.raises(AssessmentError, match="digits long"):
            store.loads(dump(hostile), "bad.json")
    for field in ("format_version", "min_group_size"):
        with pytest.raises(AssessmentError, match="5,001 digits long"):
            store.loads(dump({**data, field: HUGE}), "bad.json")
        with pytest.raises(AssessmentError, match="5,001 digits long"):
            store.loads(dump({**data, field: -HUGE}), "bad.json")


def test_numbers_that_are_not_finite_or_out_of_range_are_refused_as_scores():
    data = full()
    data["previous"]["overall"] = "PLACE"
    for value in ("1e999", "NaN", "-Infinity", "1" + "0" * 400 + ".5", "101", "-1", "true"):
        text = json.dumps(data).replace('"PLACE"', value)
        with pytest.raises(AssessmentError, match="previous.overall: should be a score from 0 to 100"):
            store.loads(text, "bad.json")


def test_lists_are_bounded():
    data = full()
    person = {"role": "staff"}
    with pytest.raises(AssessmentError, match=f"at most {MAX_PEOPLE:,}"):
        store.loads(json.dumps({**data, "participants": [person] * (MAX_PEOPLE + 1)}), "big.json")
    own = [{"id": f"own:{i}", "title": "x"} for i in range(MAX_OWN_ACTIONS + 1)]
    with pytest.raises(AssessmentError, match=f"at most {MAX_OWN_ACTIONS:,}"):
        store.loads(json.dumps({**data, "plan": {"custom": own}}), "big.json")
    ok = [{"id": f"own:{i}", "title": "x"} for i in range(MAX_OWN_ACTIONS)]
    assert len(store.loads(json.dumps({**data, "plan": {"custom": ok}})).plan.custom) == MAX_OWN_ACTIONS


def test_text_is_made_savable_where_it_is_typed():
    assert savable("plain") and savable("caf\u00e9 \U0001f600") and not savable("a\ud800b")
    assert savable_text("a\ud800b\udfff") == "a\ufffdb\ufffd"
    assert savable_text("\U0001f600 intact") == "\U0001f600 intact"


def test_a_save_that_meets_unsavable_text_is_a_clear_error_not_a_crash(tmp_path):
    a = Assessment.new(tiny())
    a.team = "x\ud800"
    with pytest.raises(AssessmentError, match="lone surrogate"):
        store.save(tmp_path / "a.json", a)
    assert not list(tmp_path.iterdir())


# -- questionnaires ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        ("weight: 1", f"weight: {'9' * 5000}"),
        ("weight: 1", f"weight: -{'9' * 5000}"),
        ("weight: 1", f"weight: 0x{'f' * 5000}"),
        ('version: "1.0"', f'version: "1.{"9" * 5000}"'),
        ('version: "1.0"', 'version: "1234567.0"'),
        ('version: "1.0"', 'version: "1.0\\n"'),
    ],
)
def test_questionnaire_numbers_are_bounded(change):
    old, new = change
    assert old in TINY_YAML
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(TINY_YAML.replace(old, new, 1), "q.yaml")
    assert all(len(str(p)) < 400 for p in caught.value.problems)


@pytest.mark.parametrize("loader", ["c", "pure"])
def test_a_lone_surrogate_in_a_questionnaire_is_refused(monkeypatch, loader):
    from coprod_check.domain import yamlsource

    if loader == "pure":
        import yaml

        monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    with pytest.raises(QuestionnaireError):
        parse_questionnaire(TINY_YAML.replace("prompt: Question q1?", 'prompt: "Question \\ud800?"', 1), "q.yaml")


# -- reading: only ordinary files, never more than the limit -----------------------------------------


def _within(seconds: float, work):
    """Run `work` in a thread; fail (instead of hanging the suite) if it takes longer."""
    result: dict[str, object] = {}

    def run():
        try:
            result["value"] = work()
        except BaseException as exc:  # noqa: BLE001
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the read hung"
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result.get("value")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "q.yaml"
    os.mkfifo(fifo)
    with pytest.raises(QuestionnaireError, match="not an ordinary file"):
        _within(5, lambda: read_questionnaire_bytes(fifo))
    with pytest.raises(AssessmentError, match="not an ordinary file"):
        _within(5, lambda: store.load(fifo))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_link_to_a_device_is_refused(tmp_path):
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    with pytest.raises(QuestionnaireError, match="not an ordinary file"):
        _within(5, lambda: read_questionnaire_bytes(link))
    with pytest.raises(AssessmentError, match="not an ordinary file"):
        _within(5, lambda: store.load(link))


def test_sizes_are_checked_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate(store.MAX_BYTES + 1)  # sparse: no time or disk spent
    reads: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(AssessmentError, match="larger than 64 MiB"):
        store.load(big)
    q = tmp_path / "big.yaml"
    with open(q, "wb") as f:
        f.truncate(5_000_001)
    with pytest.raises(QuestionnaireError, match="larger than 5 MB"):
        read_questionnaire_bytes(q)
    assert reads == []


def test_a_file_that_grows_while_read_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    path.write_bytes(b"x" * 10)
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: b"y" * n if n > 1 else real_read(fd, n))
    with pytest.raises(ReadRefused, match="grew larger than"):
        read_limited(path, 100)


def test_folders_missing_files_and_dangling_links_are_named(tmp_path):
    with pytest.raises(AssessmentError, match="is a folder"):
        store.load(tmp_path)
    with pytest.raises(AssessmentError, match="does not exist"):
        store.load(tmp_path / "nope.json")
    if hasattr(os, "symlink"):
        (tmp_path / "dangling.json").symlink_to(tmp_path / "gone.json")
        with pytest.raises(AssessmentError, match="is a link to .*gone.json, which does not exist"):
            store.load(tmp_path / "dangling.json")


# -- saving through links, and Windows' sharing violations --------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_saving_through_a_link_updates_its_target_in_the_target_folder(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "team.json"
    store.save(target, Assessment.new(tiny()))
    mine = tmp_path / "mine"
    mine.mkdir()
    link = mine / "team.json"
    link.symlink_to(target)
    a = store.load(link)
    a.organisation = "through the link"
    store.save(link, a)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert store.load(target).organisation == "through the link"
    assert sorted(p.name for p in shared.iterdir()) == ["team.json", "team.json.bak"]
    assert sorted(p.name for p in mine.iterdir()) == ["team.json"]
    # A link to a link is followed to the end.
    second = mine / "again.json"
    second.symlink_to(link)
    a.team = "twice"
    store.save(second, a)
    assert second.is_symlink() and store.load(target).team == "twice"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_saving_through_a_dangling_link_is_refused_and_writes_nothing(tmp_path):
    link = tmp_path / "team.json"
    link.symlink_to(tmp_path / "gone" / "team.json")
    with pytest.raises(AssessmentError, match="which does not exist. Nothing was written"):
        store.save(link, Assessment.new(tiny()))
    assert link.is_symlink() and sorted(p.name for p in tmp_path.iterdir()) == ["team.json"]


def _sharing_violation(winerror: int) -> OSError:
    exc = PermissionError(13, "The process cannot access the file because it is being used by another process")
    exc.winerror = winerror  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize("winerror", [5, 32, 33])
def test_a_replace_is_retried_through_a_passing_sharing_violation(tmp_path, monkeypatch, winerror):
    path = tmp_path / "team.json"
    store.save(path, Assessment.new(tiny()))
    real_replace = os.replace
    failures = iter([_sharing_violation(winerror)] * 3)
    pauses: list[float] = []

    def replace(src, dst):
        error = next(failures, None)
        if error is not None:
            raise error
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(store.time, "sleep", pauses.append)
    a = Assessment.new(tiny())
    a.organisation = "after the antivirus let go"
    store.save(path, a)
    assert store.load(path).organisation == "after the antivirus let go"
    assert len(pauses) == 3


def test_a_lasting_sharing_violation_fails_clearly_after_a_few_seconds(tmp_path, monkeypatch):
    path = tmp_path / "team.json"
    store.save(path, Assessment.new(tiny()))
    pauses: list[float] = []

    def replace(src, dst):
        raise _sharing_violation(32)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(store.time, "sleep", pauses.append)
    with pytest.raises(AssessmentError, match="cannot be saved: The process cannot access"):
        store.save(path, Assessment.new(tiny()))
    assert 1 <= sum(pauses) <= 5
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_other_errors_are_not_retried(tmp_path, monkeypatch):
    path = tmp_path / "team.json"
    pauses: list[float] = []

    def replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(store.time, "sleep", pauses.append)
    with pytest.raises(AssessmentError, match="No space left"):
        store.save(path, Assessment.new(tiny()))
    assert pauses == []


def test_an_online_only_onedrive_file_is_explained():
    exc = OSError(22, "The cloud operation was unsuccessful")
    exc.winerror = 362  # type: ignore[attr-defined]  # ERROR_CLOUD_FILE_PROVIDER_NOT_RUNNING
    assert "OneDrive" in os_reason(exc) and "Always keep on this device" in os_reason(exc)
    assert os_reason(OSError(13, "Permission denied")) == "Permission denied"


# -- fuzzing with hostile values: whatever is accepted can be saved again ---------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

BIG = "__5000 digits__"  # put in after dumping: hypothesis cannot print a number over 4,300 digits
hostile_text = st.text(alphabet=st.characters(codec=None, categories=None), max_size=12) | st.sampled_from(
    ["\ud800", "x\udfff", MARKUP := '<img src="/etc/hosts"><h1>Call IT</h1>', "\x00", "\u202e", "\U0001f600"]
)
hostile_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.just(BIG)
    | st.floats()
    | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=250, suppress_health_check=[HealthCheck.too_slow], deadline=None, database=None)
@given(st.data())
def test_whatever_a_mutated_file_holds_is_refused_or_can_be_saved_again(data):
    base = full()
    places = [p for p, where in text_paths(base) if where == "value"]
    path = data.draw(st.sampled_from(places))
    hostile = put(base, path, "value", lambda old: data.draw(hostile_values))
    text = dump(hostile).replace(json.dumps(BIG), "9" * 5000)
    try:
        a = store.loads(text, "fuzz.json")
    except AssessmentError as exc:
        assert savable(str(exc)) and len(str(exc)) < 1000
        return
    assert store.loads(store.encode(a).decode("utf-8")) == a  # never held in a state that cannot be saved


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None, database=None)
@given(
    st.sampled_from(["weight: 1", 'version: "1.0"', "label: Zero", "from: 25", "prompt: Question q1?"]), hostile_values
)
def test_whatever_a_questionnaire_holds_is_refused_or_usable(key_line, value):
    key = key_line.split(":")[0]
    rendered = json.dumps(value).replace(json.dumps(BIG), "9" * 5000)
    text = TINY_YAML.replace(key_line, f"{key}: {rendered}", 1)
    try:
        q = parse_questionnaire(text, "fuzz.yaml")
    except QuestionnaireError as exc:
        assert all(savable(str(p)) for p in exc.problems)
        return
    assert all(len(part) <= 6 for part in q.version.split("."))
    Assessment.new(q)  # usable: a new assessment of it can be made


def test_an_assessment_names_only_a_version_a_questionnaire_can_have():
    data = full()
    for bad in ("1." + "9" * 5000, "1.0\n", "one", "1.0.0"):
        hostile = json.loads(json.dumps(data))
        hostile["questionnaire"]["version"] = bad
        with pytest.raises(AssessmentError, match="questionnaire.version: should be a questionnaire version"):
            store.loads(json.dumps(hostile), "bad.json")
        hostile = json.loads(json.dumps(data))
        hostile["previous"]["questionnaire_version"] = bad
        with pytest.raises(AssessmentError, match="previous.questionnaire_version: should be"):
            store.loads(json.dumps(hostile), "bad.json")
    assert store.loads(json.dumps(data)).questionnaire_version == "1.0"
