"""Search in every script: a word of a script written without spaces (Chinese, Japanese,
Thai) is found anywhere in a field, any other word where a word starts; on a small dataset
written here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilrs_cli import api
from ilrs_cli.core.matching import fold
from ilrs_cli.core.records import Dataset
from ilrs_cli.load import load_dataset
from ilrs_cli.query.search import _matches, _may_match, _needles, search

from .conftest import Runner, ids
from .test_loader import VALID, write

FILLER = "Rolls on the regolith, " * 4  # a description longer than a snippet
SPACELESS = "月面ローバーです。つきのくるま。รถสำรวจดวงจันทร์"  # "lunar rover": Japanese, Thai
IN_SCRIPTS = VALID.replace(
    'name = "Middle East Technical University"\n',
    'name = "Middle East Technical University"\nname_zh = "中东科技大学"\n',
).replace(
    'name = "A rover"\n', 'name = "A rover"\nname_zh = "土耳其月球车"\n'
).replace(
    'description = "Rolls."', f'description = "{FILLER}{SPACELESS}"'
)  # fmt: skip


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("scripts"), IN_SCRIPTS)


@pytest.fixture(scope="module")
def dataset(path: Path) -> Dataset:
    return load_dataset(path)


def found(dataset: Dataset, text: str) -> list[tuple[str, str, str]]:
    return [(hit.kind.name, hit.record.id, hit.field) for hit in search(dataset, text)]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("月球车", "name_zh"),  # Han, ending a name
        ("其月", "name_zh"),  # Han, across the words 土耳其 and 月球车
        ("ローバー", "description"),  # Katakana, after Han
        ("のくる", "description"),  # Hiragana, inside a word
        ("สำรวจ", "description"),  # Thai, inside a phrase
    ],
)
def test_a_word_written_without_spaces_is_found_anywhere(
    dataset: Dataset, text: str, field: str
) -> None:
    assert found(dataset, text) == [("payload", "rover", field)]


def test_it_is_found_in_a_partners_name_and_the_partner_too(dataset: Dataset) -> None:
    assert found(dataset, "科技") == [
        ("payload", "rover", "institutions"),
        ("institution", "metu", "name_zh"),
    ]


def test_other_words_still_start_a_word_beside_it(dataset: Dataset) -> None:
    assert found(dataset, "月球车 rov") == [("payload", "rover", "name_zh")]
    assert found(dataset, "月球车 over") == []  # "over" is inside "rover", not a word of it
    assert found(dataset, "egolith") == []
    assert found(dataset, "regolith ローバー") == [("payload", "rover", "description")]


def test_the_snippet_shows_the_match_inside_a_long_field(dataset: Dataset) -> None:
    (hit,) = search(dataset, "ローバー")
    assert hit.snippet.startswith("…") and "月面ローバー" in hit.snippet


def test_the_command_and_the_api_find_the_same(
    path: Path, use_dataset: Callable[[Path], None], ilrs: Runner
) -> None:
    use_dataset(path)
    outcome = ilrs("search", "月球车", "--json")
    assert outcome.exit_code == 0, outcome.stderr
    assert ids(outcome.json()) == ["rover"]
    assert api.search("月球车", dataset=api.load(path)) == outcome.json()


@given(
    text=st.text(st.sampled_from("Ab c-é1’月z\u0301İ"), max_size=12),
    query=st.text(st.sampled_from("ab c1éz月İ"), max_size=5),
)
def test_skipping_a_text_before_folding_it_never_loses_a_match(text: str, query: str) -> None:
    """search skips an ASCII text whose lower-case form lacks a word of the query, without
    folding it: only ever a text that folding would not have matched either."""
    needles = _needles(query)
    if not _may_match(needles, text):
        assert not _matches(needles, fold(text))
