"""Every list with a date gives its rows by date by default (a fuzzy date by its first day,
then its last; undated rows last), as its declaration says (`default_sort`); --sort
overrides it, and --limit cuts after sorting. On the fixtures: the frozen dataset and the one
with both camps (same-day signings, a span, undated participants)."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

from ilrs_cli.core.dates import parse_dataset_date
from ilrs_cli.core.matching import fold
from ilrs_cli.report.commands import COMMANDS

from .conftest import FIXTURES, FROZEN, PINNED_ENV, ids
from .runner import invoke

DATED = sorted(name for name, command in COMMANDS.items() if command.default_sort)
LAST = (datetime.date.max, datetime.date.max)


def span(row: dict[str, Any]) -> tuple[datetime.date, datetime.date]:
    """A row's date as its first and last day; undated rows after every date."""
    if not row.get("date"):
        return LAST
    found = parse_dataset_date(row["date"])
    return found.start, found.end


TWO_CAMPS = FIXTURES / "two-camps.toml"


def rows_of(*args: str) -> Any:
    result = invoke(args, PINNED_ENV)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module", params=[FROZEN, TWO_CAMPS], ids=["frozen", "two-camps"])
def answers(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Each dated list command's rows: by default, with --sort id, and with --limit 3."""
    data = str(request.param)
    return {
        name: {
            "default": rows_of("--data", data, name, "--json"),
            "by_id": rows_of("--data", data, name, "--sort", "id", "--json"),
            "limited": rows_of("--data", data, name, "--limit", "3", "--json"),
        }
        for name in DATED
    }


def test_the_dated_lists_are_those_the_issue_names() -> None:
    assert DATED == ["artemis", "members", "signings", "sources", "timeline"]
    assert all(COMMANDS[name].default_sort[0] == "date" for name in DATED)


@pytest.mark.parametrize("name", DATED)
def test_a_dated_list_is_by_date_by_default_undated_last(
    answers: dict[str, Any], name: str
) -> None:
    rows = answers[name]["default"]
    spans = [span(row) for row in rows]
    assert spans == sorted(spans), name
    # then by the declared fields after the date: ids last, so the order is total
    keys = [(span(row), *(row[field] is None for field in COMMANDS[name].default_sort[1:-1]),
             *(row[field] or 0 for field in COMMANDS[name].default_sort[1:-1]), row["id"])
            for row in rows]  # fmt: skip
    assert keys == sorted(keys), name


@pytest.mark.parametrize("name", DATED)
def test_sort_overrides_and_limit_cuts_after_sorting(answers: dict[str, Any], name: str) -> None:
    rows, by_id = answers[name]["default"], answers[name]["by_id"]
    assert ids(by_id) == sorted(ids(rows), key=fold)
    assert sorted(ids(by_id)) == sorted(ids(rows))
    assert answers[name]["limited"] == rows[:3]


def test_members_of_both_camps_by_date_then_undated() -> None:
    """The fixture lists its members out of date order: the order is made, not the file's."""
    rows = rows_of("--data", str(TWO_CAMPS), "members", "--json")
    dated = [row for row in rows if row["date"]]
    assert rows[: len(dated)] == dated  # every undated row after every dated one
    assert [row["start"] for row in dated] == sorted(row["start"] for row in dated)
    undated = ids(rows[len(dated) :])
    assert undated and undated == sorted(undated)


def test_the_api_gives_the_same_order() -> None:
    from ilrs_cli import api

    data = api.load(TWO_CAMPS)
    for name in DATED:
        given = getattr(api, COMMANDS[name].api)(dataset=data)
        assert ids(given) == ids(rows_of("--data", str(TWO_CAMPS), name, "--json")), name
