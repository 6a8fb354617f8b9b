"""The file's layout: any JSON value comes back the same, one short line per record."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_check.app import store

values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None, database=None)
@given(values)
def test_any_json_value_reads_back_the_same(value):
    text = store.layout(value)
    assert json.loads(text) == value and text.endswith("\n")


def test_a_group_is_one_line_per_answer_and_written_by_the_c_encoder():
    answers = {
        f"q{i}": {"answer": "asking", "note": "a, b: {c}", "evidence": "", "note_private": False} for i in range(3)
    }
    data = {"format": "x", "responses": [{"id": "r1", "participant": {"role": "other"}, "answers": answers}]}
    lines = store.layout(data).splitlines()
    assert sum(1 for x in lines if '"answer": "asking"' in x) == 3
    assert '      "participant": {"role": "other"},' in lines  # a record of plain values is one line
    assert store._line_chunks is not None  # CPython's C encoder, not the pure-Python one
