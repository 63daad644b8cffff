"""--json, --csv, --fields, --sort and --limit on every list command; tables at 80 and 200."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len

from ilrs_cli.report.commands import COLUMNS_BY_COMMAND

from .conftest import Runner
from .test_loader import VALID, write

# Every list command that answers without an argument (search needs its text).
LIST_COMMANDS = sorted(command for command in COLUMNS_BY_COMMAND if command != "search")


def parse_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("command", LIST_COMMANDS)
def test_json_has_the_documented_keys_in_order(ilrs: Runner, command: str) -> None:
    items = ilrs(command, "--json").json()
    assert items
    documented = [column.name for column in COLUMNS_BY_COMMAND[command]]
    for item in items:
        assert list(item) == documented


@pytest.mark.parametrize("command", LIST_COMMANDS)
def test_csv_has_a_header_and_one_row_per_item(ilrs: Runner, command: str) -> None:
    outcome = ilrs(command, "--csv")
    assert outcome.exit_code == 0
    rows = parse_csv(outcome.stdout)
    items = ilrs(command, "--json").json()
    assert len(rows) == len(items)
    assert list(rows[0]) == list(items[0])


def test_csv_joins_lists_with_semicolons(ilrs: Runner) -> None:
    (row,) = parse_csv(ilrs("payloads", "-c", "Turkey", "--csv").stdout)
    assert row["countries"] == "Turkey; China"
    assert row["institutions"].startswith("Middle East Technical University (METU), Turkey; ")


def test_csv_round_trips_commas_quotes_and_newlines(
    tmp_path: Path, ilrs: Runner, use_dataset: Callable[[Path], None]
) -> None:
    tricky = 'Rover, "the small one"'
    use_dataset(write(tmp_path, VALID.replace('name = "A rover"', f"name = '{tricky}'")))
    (row,) = parse_csv(ilrs("payloads", "--csv").stdout)
    assert row["name"] == tricky
    assert ilrs("payloads", "--csv").stdout.splitlines()[1].startswith('rover,"Rover, ""the small')


def test_fields_choose_and_order_keys_and_columns(ilrs: Runner) -> None:
    items = ilrs("members", "--national", "--fields", "date,name", "--json").json()
    assert list(items[0]) == ["date", "name"]
    rows = parse_csv(ilrs("members", "--fields", "name,status", "--csv").stdout)
    assert list(rows[0]) == ["name", "status"]
    table = ilrs("payloads", "--fields", "id,kind").stdout
    assert "micro-rovers" in table and "Partner institutions" not in table


def test_unknown_field_exits_2_and_lists_valid_ones(ilrs: Runner) -> None:
    outcome = ilrs("payloads", "--fields", "id,colour")
    assert outcome.exit_code == 2
    assert "unknown field(s): colour" in outcome.stderr
    assert "valid fields: id, name, name_zh, kind" in outcome.stderr


def test_sort_and_limit(ilrs: Runner) -> None:
    signed = ilrs("members", "--status", "signed", "--sort", "date", "--json").json()
    dates = [item["date"] for item in signed]
    assert dates == sorted(dates)
    latest = ilrs("members", "--sort", "-date", "--limit", "2", "--json").json()
    assert [item["id"] for item in latest] == ["senegal", "kazakhstan"]
    by_name = ilrs("payloads", "--sort", "name", "--limit", "1", "--json").json()
    # "Intelligent exploration robot..." sorts before "Laser..." and "Lunar...".
    assert by_name[0]["id"] == "micro-rovers"


def test_missing_values_sort_last_both_ways(ilrs: Runner) -> None:
    for order in ("date", "-date"):
        items = ilrs("members", "--sort", order, "--json").json()
        dates = [item["date"] for item in items]
        first_missing = dates.index(None)
        assert all(date is None for date in dates[first_missing:])


def test_bad_sort_and_limit_are_usage_errors(ilrs: Runner) -> None:
    assert ilrs("timeline", "--sort", "colour").exit_code == 2
    assert ilrs("timeline", "--limit", "0").exit_code == 2
    both = ilrs("payloads", "--json", "--csv")
    assert both.exit_code == 2
    assert "choose one output format" in both.stderr


def test_show_and_info_in_csv(ilrs: Runner) -> None:
    rows = parse_csv(ilrs("show", "egypt", "--csv").stdout)
    values = {row["field"]: row["value"] for row in rows}
    assert values["date"] == "2023-12-06"
    assert "https://spacenews.com/egypt-joins" in values["sources"]


EVERY_COMMAND = [
    ["payloads"],
    ["members"],
    ["timeline"],
    ["mission"],
    ["countries"],
    ["search", "rover"],
    ["fields"],
    ["show", "micro-rovers"],
    ["info"],
    ["sources", "--fields", "id,publisher,date,title"],  # with URLs, one field a line
]


@pytest.mark.parametrize("width", [80, 200])
@pytest.mark.parametrize("args", EVERY_COMMAND, ids=lambda args: args[0])
def test_tables_fit_and_stay_aligned(ilrs: Runner, width: int, args: list[str]) -> None:
    outcome = ilrs(*args, env={"COLUMNS": str(width)})
    assert outcome.exit_code == 0
    table_lines = [line for line in outcome.stdout.splitlines() if line[:1] in "┏┃┡│├└"]
    assert table_lines
    widths = {cell_len(line.rstrip()) for line in table_lines}
    assert max(widths) <= width
    # Every line of a table is as wide as its top border: nothing pushes a column out.
    tops = [cell_len(line.rstrip()) for line in table_lines if line.startswith("┏")]
    assert widths <= set(tops)


def test_json_is_one_array_for_list_commands_and_one_object_for_show(ilrs: Runner) -> None:
    assert isinstance(json.loads(ilrs("countries", "--json").stdout), list)
    assert isinstance(json.loads(ilrs("show", "egypt", "--json").stdout), dict)


@pytest.mark.parametrize("args", EVERY_COMMAND, ids=lambda args: args[0])
def test_every_command_in_every_format(ilrs: Runner, args: list[str]) -> None:
    table = ilrs(*args)
    assert table.exit_code == 0 and "┃" in table.stdout
    parsed = ilrs(*args, "--json").json()
    assert parsed
    rows = parse_csv(ilrs(*args, "--csv").stdout)
    assert rows and all(None not in row for row in rows)
