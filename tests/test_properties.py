"""Property-based tests: random argument lists and random dataset files never produce a
traceback, always exit 0, 1 or 2, and --json output always parses."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilrs_cli.core.schema import TABLES

from .conftest import Runner
from .test_loader import VALID

PROPERTY_SETTINGS = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,  # the same examples on every run: the suite stays deterministic
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

COMMANDS = [
    "payloads", "members", "timeline", "mission", "countries",
    "show", "search", "info", "sources", "check",
]  # fmt: skip
OPTIONS = [
    "--json", "--csv", "--country", "-c", "--fields", "--sort", "--limit", "--national",
    "--subnational", "--organization", "--affiliated", "--level", "--status", "--after",
    "--before", "--mission", "-m", "--data",
]  # fmt: skip
VALUES = [
    "Turkey", "tr", "TUR", "France", "Turky", "", " ", "2025", "2025-13", "2028/2029", "2030s",
    "national", "signed", "name,id", "id,,", "-date", "date", "0", "5", "-1", "micro-rovers",
    "ILRS", "CE-8", "\x1b[31m", "[bold]x[/]", "Türkiye", "香港", "/", "nonexistent.toml",
]  # fmt: skip

token = st.one_of(
    st.sampled_from(OPTIONS + VALUES),
    st.text(max_size=12).filter(lambda text: not text.startswith("--install") and text != "--"),
)
argument_lists = st.tuples(st.sampled_from(COMMANDS), st.lists(token, max_size=6)).map(
    lambda parts: [parts[0], *parts[1]]
)


@PROPERTY_SETTINGS
@given(args=argument_lists)
def test_random_arguments(ilrs: Runner, args: list[str]) -> None:
    outcome = ilrs(*args)
    assert outcome.exception is None, (args, outcome.exception)
    assert outcome.exit_code in (0, 1, 2), args
    assert "Traceback" not in outcome.stderr
    if "--json" in args and outcome.exit_code == 0:
        json.loads(outcome.stdout)


any_value = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 1, 1)),
    st.lists(st.text(max_size=8), max_size=3),
)


def record(table: str) -> st.SearchStrategy[dict[str, Any]]:
    """A table whose keys are mostly the schema's (some missing, one maybe unknown)."""
    names = [spec.name for spec in TABLES[table][1]]
    return st.dictionaries(
        st.one_of(st.sampled_from(names), st.text(min_size=1, max_size=6)),
        any_value,
        max_size=len(names) + 1,
    )


documents = st.fixed_dictionaries(
    {"dataset": record("dataset")},
    optional={
        "places": st.dictionaries(
            st.text(min_size=1, max_size=8), st.sampled_from(["TR", "XX", "US-HI", "t"])
        ),
        **{
            name: st.lists(record(name), max_size=3)
            for name in ("sources", "institutions", "payloads", "members", "events", "facts")
        },
    },
)


@PROPERTY_SETTINGS
@given(document=documents)
def test_random_toml_documents(ilrs: Runner, tmp_path: Path, document: dict[str, Any]) -> None:
    path = tmp_path / "random.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    for args in (["check", str(path)], ["--data", str(path), "payloads", "--json"]):
        outcome = ilrs(*args)
        assert outcome.exception is None, outcome.exception
        assert outcome.exit_code in (0, 1)
        if outcome.exit_code == 0 and "--json" in args:
            json.loads(outcome.stdout)


@PROPERTY_SETTINGS
@given(
    cut=st.integers(min_value=0, max_value=len(VALID)),
    length=st.integers(min_value=0, max_value=40),
    insert=st.text(max_size=20),
)
def test_damaged_copies_of_a_valid_file(
    ilrs: Runner, tmp_path: Path, cut: int, length: int, insert: str
) -> None:
    path = tmp_path / "damaged.toml"
    path.write_text(VALID[:cut] + insert + VALID[cut + length :], encoding="utf-8")
    outcome = ilrs("--data", str(path), "members", "--json")
    assert outcome.exception is None, outcome.exception
    assert outcome.exit_code in (0, 1)
    if outcome.exit_code == 0:
        json.loads(outcome.stdout)
    else:
        assert outcome.stderr.startswith(f"ilrs: error: {path}: ")


def _fold_by_the_definition(text: str) -> str:
    """fold's steps for any text: NFKD, no combining marks, casefold, non-alphanumerics to
    spaces, spaces collapsed."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join("".join(c if c.isalnum() else " " for c in letters.casefold()).split())


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_folding_ascii_takes_a_shortcut_to_the_same_text(text: str) -> None:
    from ilrs_cli.core.matching import fold

    assert fold(text) == _fold_by_the_definition(text)


@given(st.text())
def test_folding_any_text_gives_the_definitions_text(text: str) -> None:
    from ilrs_cli.core.matching import fold

    assert fold(text) == _fold_by_the_definition(text)


def test_folding_every_character_of_the_first_two_planes_gives_the_definitions_text() -> None:
    """fold works character by character (NFKD only decomposes, and the marks it reorders are
    all removed), so one text of every character, space-separated, checks each of them."""
    from ilrs_cli.core.matching import fold

    every = " ".join(chr(c) for c in range(0x20000) if not 0xD800 <= c <= 0xDFFF)
    assert fold(every) == _fold_by_the_definition(every)


@given(st.lists(st.text(), max_size=5))
def test_texts_folded_together_are_the_folded_texts_joined(texts: list[str]) -> None:
    """What search relies on to fold a record's fields in one call."""
    from ilrs_cli.core.matching import fold

    assert fold(" ".join(texts)) == " ".join(filter(None, map(fold, texts)))


@given(st.text(), st.text())
def test_a_query_matches_where_each_word_starts_a_word_of_the_text(query: str, text: str) -> None:
    """Each word of the query starts a word of the text, or, holding a letter of a script
    written without spaces (Chinese, Japanese, Thai), is anywhere in it."""
    from ilrs_cli.core.matching import fold, spaceless
    from ilrs_cli.query.search import _matches, _needles

    words, folded = fold(query).split(), fold(text)
    expected = all(q in folded if spaceless(q) else any(w.startswith(q) for w in folded.split())
                   for q in words)  # fmt: skip
    assert _matches(_needles(query), folded) is expected


def test_general_punctuation_folds_as_the_definition_folds_it() -> None:
    from ilrs_cli.core.matching import fold

    for code in range(0x2000, 0x2070):
        for text in (f"a{chr(code)}b", f"é{chr(code)}b", chr(code)):
            assert fold(text) == _fold_by_the_definition(text), hex(code)
