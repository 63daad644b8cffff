"""`ilrs chart growth --per-year` and a year range (--after/--before) on `ilrs growth` and its
charts, read from the SVG against `ilrs growth --json` on a dataset of both camps."""

from __future__ import annotations

from typing import Any

import pytest

from ilrs_cli.report.params import EVENTS_AFTER, EVENTS_BEFORE, SIGNED_AFTER, SIGNED_BEFORE

from .conftest import FIXTURES, Runner
from .runner import COMMAND
from .test_pictures import draw, elements, ticks

TWO_CAMPS = str(FIXTURES / "two-camps.toml")
RANGES = [(), ("--after", "2022"), ("--before", "2023"), ("--after", "2021", "--before", "2024"),
          ("--after", "2024-06")]  # fmt: skip


def growth(ilrs: Runner, *bounds: str) -> list[dict[str, Any]]:
    """The dated rows of `ilrs growth --json`."""
    outcome = ilrs("--data", TWO_CAMPS, "growth", "--json", *bounds)
    assert outcome.exit_code == 0, outcome.stderr
    return [row for row in outcome.json() if row["year"] is not None]


def _within(years: list[str], bounds: tuple[str, ...]) -> bool:
    given = dict(zip(bounds[::2], bounds[1::2], strict=True))
    first, last = int(given.get("--after", "0")[:4]), int(given.get("--before", "9999")[:4])
    return all(first <= int(year) <= last for year in years)


@pytest.mark.parametrize("bounds", RANGES, ids=" ".join)
def test_per_year_bars_are_each_years_signings_of_both_camps(
    ilrs: Runner, bounds: tuple[str, ...]
) -> None:
    """A group a year of `ilrs growth` (no more, no fewer), each with an ILRS and an Artemis
    bar whose height is that year's count on the value axis."""
    rows = growth(ilrs, *bounds)
    root = draw(ilrs, "--data", TWO_CAMPS, "chart", "growth", "--per-year", *bounds)
    groups = elements(root, "g", "year")
    assert [group.get("data-year") for group in groups] == [row["year"] for row in rows]
    assert rows and _within([row["year"] for row in rows], bounds)
    axis = ticks(root, "y")
    unit = (axis[0] - axis[max(axis)]) / max(axis)
    for group, row in zip(groups, rows, strict=True):
        bars = {bar.get("data-camp"): bar for bar in elements(group, "rect", "bar")}
        assert set(bars) == {"ilrs", "artemis"}
        for camp, bar in bars.items():
            assert int(bar.get("data-count", "")) == row[camp]
            height = float(bar.get("height", ""))
            assert height == pytest.approx(row[camp] * unit, abs=0.02)
            assert float(bar.get("y", "")) + height == pytest.approx(axis[0], abs=0.02)


def test_a_year_range_keeps_each_years_signings_and_totals_from_its_start(
    ilrs: Runner,
) -> None:
    every = {row["year"]: row for row in growth(ilrs)}
    rows = growth(ilrs, "--after", "2022", "--before", "2024")
    assert [row["year"] for row in rows] == ["2022", "2023", "2024"]
    ilrs_total = artemis_total = 0
    for row in rows:
        assert (row["ilrs"], row["artemis"]) == (every[row["year"]]["ilrs"],
                                                 every[row["year"]]["artemis"])  # fmt: skip
        ilrs_total, artemis_total = ilrs_total + row["ilrs"], artemis_total + row["artemis"]
        assert (row["ilrs_total"], row["artemis_total"]) == (ilrs_total, artemis_total)


@pytest.mark.parametrize("bounds", RANGES[1:], ids=" ".join)
def test_chart_growth_draws_the_years_of_the_range(ilrs: Runner, bounds: tuple[str, ...]) -> None:
    rows = growth(ilrs, *bounds)
    root = draw(ilrs, "--data", TWO_CAMPS, "chart", "growth", *bounds)
    for series in elements(root, "g", "series"):
        points = [(dot.get("data-year"), int(dot.get("data-total", ""))) for dot in
                  elements(series, "circle")]  # fmt: skip
        name = series.get("data-series")
        assert points == [(row["year"], row[f"{name}_total"]) for row in rows]
        assert _within([year for year, _ in points if year], bounds)


def test_the_charts_take_the_lists_declarations_of_the_range() -> None:
    def help_of(command: Any, flag: str) -> str:
        return next(p.help for p in command.params if flag in getattr(p, "opts", ()))

    chart = COMMAND.commands["chart"].commands  # type: ignore[attr-defined]
    for name, after, before in (("growth", SIGNED_AFTER, SIGNED_BEFORE),
                                ("timeline", EVENTS_AFTER, EVENTS_BEFORE)):  # fmt: skip
        assert help_of(chart[name], "--after") == after.help
        assert help_of(chart[name], "--before") == before.help
    listing = COMMAND.commands["growth"]  # type: ignore[attr-defined]
    assert help_of(listing, "--after") == SIGNED_AFTER.help


@pytest.mark.parametrize("of", ["members", "timeline"])
@pytest.mark.parametrize("bounds", RANGES, ids=" ".join)
def test_count_charts_take_the_year_range_of_their_list(
    ilrs: Runner, of: str, bounds: tuple[str, ...]
) -> None:
    """`chart count-by ... --of members|timeline --after/--before`: a bar a value of the
    list's own `--count-by` with that range, its count in data-count."""
    field = "level" if of == "members" else "year"
    counted = ilrs("--data", TWO_CAMPS, of, "--count-by", field, "--json", *bounds)
    assert counted.exit_code == 0, counted.stderr
    expected = {str(row[field]) if row[field] is not None else "(none)": row["count"]
                for row in counted.json()}  # fmt: skip
    root = draw(ilrs, "--data", TWO_CAMPS, "chart", "count-by", field, "--of", of, *bounds)
    bars = {bar.get("data-value"): int(bar.get("data-count", "")) for bar in
            elements(root, "rect", "bar")}  # fmt: skip
    assert bars == expected
    if bounds == ("--before", "2023"):  # a range that leaves rows out, so the test can fail
        everything = ilrs("--data", TWO_CAMPS, of, "--count-by", field, "--json").json()
        assert sum(expected.values()) < sum(row["count"] for row in everything)


@pytest.mark.parametrize("of", ["payloads", "countries", "sources"])
def test_a_count_chart_of_undated_rows_refuses_a_year_range(ilrs: Runner, of: str) -> None:
    outcome = ilrs("--data", TWO_CAMPS, "chart", "count-by", "id", "--of", of, "--after", "2022")
    assert outcome.exit_code == 2, outcome.stderr
    assert f"does not apply to --of {of}" in outcome.stderr
