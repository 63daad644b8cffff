"""No list splits a token that fits its column: every list command of the registry, at widths
from 40 to 200, on the fixtures (tests/test_data_tables.py runs the same on the bundled
data); and what the layout moves out of a table is said under it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ilrs_cli import api
from ilrs_cli.report import answers
from ilrs_cli.report.commands import COLUMNS_BY_COMMAND, COMMANDS
from ilrs_cli.report.listing import Listing, shape

from .conftest import FIXTURES, FROZEN
from .table_tokens import drawn_tables, split_tokens

WIDTHS = (40, 60, 80, 100, 120, 160, 200)
REQUIRED = {"text": "lunar"}  # a value for each argument a list command requires
HEADLINES = ("members --national", "payloads", "artemis", "timeline", "countries", "growth")


def listings(path: str | None) -> Iterator[tuple[str, Listing]]:
    """Each list command's answer with its defaults, and a few answers of note: the national
    members (a headline), and a count."""
    dataset = api.load(path)
    for name in COLUMNS_BY_COMMAND:
        command = COMMANDS[name]
        required = {param.name: REQUIRED[param.name] for param in command.params if param.required}
        yield name, getattr(answers, command.answer)(dataset, **required)
    national = answers.members(dataset, level="national")
    yield "members --national", national
    yield "members --national --count-by year", shape(national, count="year", cumulative=True)


@pytest.fixture(
    scope="module", params=[FROZEN, FIXTURES / "two-camps.toml"], ids=["frozen", "two-camps"]
)
def answered(request: pytest.FixtureRequest) -> list[tuple[str, Listing]]:
    return list(listings(str(request.param)))


def test_no_list_splits_a_token_that_fits_its_column(answered: list[tuple[str, Listing]]) -> None:
    split = {
        (name, width): tokens
        for name, listing in answered
        for width in WIDTHS
        if (tokens := split_tokens(listing, width))
    }
    assert not split


def test_the_headline_answers_are_tables_at_80_columns() -> None:
    """Tables, not one field a line; and growth's five short columns at 60."""
    answered = dict(listings(str(FROZEN)))
    for name in HEADLINES:
        assert drawn_tables(answered[name], 80)[1], name
    assert drawn_tables(answered["growth"], 60)[1]


def test_a_column_of_one_value_is_said_once_under_the_table() -> None:
    national = answers.members(api.load(str(FROZEN)), level="national")
    text, tables = drawn_tables(national, 120)
    assert [column.header for column in tables[0][0]][:2] == ["Participant", "Status"]
    assert "\nLevel: national (all rows)\nData as of" in text
    chosen = shape(national, fields="name,level")  # fields a person chose stay
    assert [column.header for column in drawn_tables(chosen, 120)[1][0][0]] == [
        "Participant",
        "Level",
    ]


def test_what_leaves_a_narrow_table_is_listed_under_it() -> None:
    """At 60 columns the Accords signatories' payloads (a sparse column) are listed row by
    row under the table, and every citation's place is still said."""
    signatories = answers.signatories(api.load(str(FROZEN)))
    text, tables = drawn_tables(signatories, 60)
    assert "Payloads" not in [column.header for column in tables[0][0]]
    assert "\nPayloads (left out of the table at 60 columns):\n" in text
    said = " ".join(text.split())  # lines wrapped at 60 joined again
    for item in signatories.items:
        for payload in item["payloads"]:
            assert f"{item['country']}: {payload['name']} ({payload['mission']})" in said
        for source in item["sources"]:
            assert source["at"] == "page" or source["at"] in said
