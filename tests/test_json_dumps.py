"""render/json.py's `dumps` gives exactly the text of `json.dumps(indent=2)`, or raises what
it raises, for any value: generated ones, and the values it leaves to `json.dumps`."""

from __future__ import annotations

import enum
import json
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilrs_cli.render.json import dumps, indented


class Text(str):
    pass


class Number(enum.IntEnum):
    ONE = 1


CHARACTERS = st.characters(codec=None, categories=None)  # surrogates and controls too
SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(CHARACTERS)
    | st.builds(Text, st.text(CHARACTERS)) | st.just(Number.ONE)
)  # fmt: skip
KEYS = st.text(CHARACTERS) | st.builds(Text, st.text()) | st.integers() | st.none() | st.floats()
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.lists(inner, max_size=5).map(tuple)
        | st.dictionaries(KEYS, inner, max_size=5)
        | st.dictionaries(st.text(CHARACTERS), inner, max_size=5)
    ),
    max_leaves=40,
)


def outcome(encode: Any, value: Any, ascii_only: bool) -> tuple[str, str]:
    try:
        return "text", encode(value, ascii_only)
    except Exception as error:  # the same exception, with the same message
        return type(error).__name__, str(error)


def standard(value: Any, ascii_only: bool) -> str:
    return json.dumps(value, ensure_ascii=ascii_only, indent=2)


def assert_same(value: Any) -> None:
    for ascii_only in (True, False):
        assert outcome(indented, value, ascii_only) == outcome(standard, value, ascii_only)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(VALUES)
def test_the_same_text_as_json_dumps_with_indent(value: Any) -> None:
    assert_same(value)


def nested(depth: int) -> Any:
    value: Any = "leaf"
    for level in range(depth):
        value = [value] if level % 2 else {"key": value}
    return value


cycle: list[Any] = []
cycle.append(cycle)


LEFT_TO_JSON = {
    "99 deep": nested(99), "150 deep": nested(150), "5000 deep": nested(5000), "a cycle": cycle,
    "an object": {"a": object()}, "a set": [1, {2}], "a tuple key": {(1, 2): 3},
    "keys not strings": {1: "x", 2.5: "y", None: "z", False: "f"}, "nan": float("nan"),
    "infinity": [float("-inf")], "a string": "é\u2028\x1b", "empty": [[], {}, (), ""],
}  # fmt: skip


@pytest.mark.parametrize("value", LEFT_TO_JSON.values(), ids=LEFT_TO_JSON)
def test_what_it_leaves_to_json_dumps(value: Any) -> None:
    assert_same(value)


def test_it_does_not_call_json_dumps_for_an_answers_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    value = [{"id": "a", "n": 1, "x": 1.5, "ok": True, "no": None, "list": ["b", {"c": []}]}]
    expected = json.dumps(value, ensure_ascii=False, indent=2)
    monkeypatch.setattr(json, "dumps", None)
    assert indented(value, False) == expected


def test_from_python_3_13_it_is_json_dumps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the standard library's C encoder indents, it writes the JSON."""
    called = []
    monkeypatch.setattr(json, "dumps", lambda value, **options: called.append(options) or "x")
    text = dumps([1], True)
    if sys.version_info >= (3, 13):
        assert text == "x" and called == [{"ensure_ascii": True, "indent": 2}]
    else:
        assert text == "[\n  1\n]" and not called
