"""The strict camps: --documented and --level, one declaration (report/params.py) read by one
rule (query/camps.py, Counting) in every command that takes them, and the place rule of both
camps: a place counts in a camp through the country it lies in (Hawaii via the United
States, Hong Kong via China), shown as "via". On the two-camps fixture: Thailand and Senegal
are national, signed and signed the Accords themselves; Bahrain's ILRS part is reported;
Hawaii and the UAE take part through entities; Peru is affiliated; Hong Kong has no record
of its own; Germany has no ILRS or Accords record."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import typer

from ilrs_cli import api
from ilrs_cli.query.camps import LIES_IN, country_code
from ilrs_cli.report.commands import COMMANDS
from ilrs_cli.report.params import CAMP_LEVEL, DOCUMENTED

from .conftest import FIXTURES, Outcome, Runner
from .runner import COMMAND

TWO_CAMPS = FIXTURES / "two-camps.toml"
STRICT = ("--documented", "--level", "national")
DOCUMENTED_BOTH = {"Senegal", "Thailand"}
LOOSE_BOTH = {"Bahrain", "Hawaii", "Peru", "Senegal", "Thailand", "United Arab Emirates"}
SVG = "{http://www.w3.org/2000/svg}"


def _commands(group: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    if hasattr(group, "list_commands"):
        context = typer.Context(group)
        for name in group.list_commands(context):
            yield from _commands(group.get_command(context, name), (*path, name))
    else:
        yield path


def _options(path: tuple[str, ...]) -> dict[str, Any]:
    command: Any = COMMAND
    for name in path:
        command = command.get_command(typer.Context(command), name)
    return {flag: p for p in command.params for flag in getattr(p, "opts", ())}


# Every command of the app that takes --documented, found in the app itself: the declared
# list commands and the drawing commands alike.
TAKING = [path for path in _commands(COMMAND) if "--documented" in _options(path)]


def _run(ilrs: Runner, *args: str, env: dict[str, str | None] | None = None) -> Outcome:
    outcome = ilrs("--data", str(TWO_CAMPS), *args, env=env)
    assert outcome.exit_code == 0, outcome.stderr
    return outcome


def _map_both(ilrs: Runner, *options: str) -> set[str]:
    features = _run(ilrs, "map", "--format", "geojson", *options).json()["features"]
    return {
        f["properties"]["name"] for f in features
        if f["properties"]["ilrs"] != "none" and f["properties"]["artemis_accords"]
    }  # fmt: skip


def _growth_ilrs(ilrs: Runner, *options: str) -> set[str]:
    """The growth answer's ILRS total, as a set of one count, to compare like the others."""
    return {str(_run(ilrs, "growth", "--json", *options).json()[-1]["ilrs_total"])}


def _chart_ilrs(ilrs: Runner, *options: str) -> set[str]:
    root = ET.fromstring(_run(ilrs, "chart", "growth", *options).stdout.encode())
    words = " ".join(t.text or "" for t in root.iter(SVG + "text"))
    return {"documented" if "documented national participants" in words else "every"}


def _listed(command: str, key: str) -> Callable[..., set[str]]:
    def read(ilrs: Runner, *options: str) -> set[str]:
        rows = _run(ilrs, command, "--in", "both", "--json", *options).json()
        return {row[key] for row in rows}

    return read


# What each command says of the strict camps, read from its output: with the options given
# (STRICT) and without. A command that takes the options and is missing here fails below.
READERS: dict[tuple[str, ...], tuple[Callable[..., set[str]], set[str], set[str]]] = {
    ("countries",): (_listed("countries", "country"), DOCUMENTED_BOTH, LOOSE_BOTH),
    ("artemis",): (_listed("artemis", "country"), DOCUMENTED_BOTH, LOOSE_BOTH - {"Hawaii"}),
    ("signings",): (_listed("signings", "country"), DOCUMENTED_BOTH, LOOSE_BOTH),
    ("map",): (_map_both, DOCUMENTED_BOTH, LOOSE_BOTH),
    # national participants: Egypt, Thailand and Senegal signed; Turkey and Bahrain reported
    ("growth",): (_growth_ilrs, {"3"}, {"5"}),
    ("chart", "growth"): (_chart_ilrs, {"documented"}, {"every"}),
}


def test_the_commands_that_take_the_options_are_found() -> None:
    declared = {(c.name,) for c in COMMANDS.values() if DOCUMENTED in c.params}
    assert declared == {("countries",), ("artemis",), ("signings",), ("growth",)}
    assert declared < set(TAKING)
    assert {("map",), ("chart", "growth")} < set(TAKING)


@pytest.mark.parametrize("path", TAKING, ids=" ".join)
def test_each_takes_both_options_from_their_one_declaration(path: tuple[str, ...]) -> None:
    options = _options(path)
    assert options["--documented"].help == DOCUMENTED.help  # type: ignore[attr-defined]
    assert options["--level"].help == CAMP_LEVEL.help  # type: ignore[attr-defined]
    assert options["--level"].multiple


@pytest.mark.parametrize("path", TAKING, ids=" ".join)
def test_each_counts_only_documented_records_at_the_level(
    ilrs: Runner, path: tuple[str, ...]
) -> None:
    assert path in READERS, f"ilrs {' '.join(path)} takes --documented: say what it answers"
    read, strict, loose = READERS[path]
    assert read(ilrs, *STRICT) == strict
    assert read(ilrs) == loose


@pytest.mark.parametrize("command", ["countries", "artemis", "signings"])
def test_tables_and_csv_say_the_same_as_json(ilrs: Runner, command: str) -> None:
    asked = (command, "--in", "both", *STRICT)
    table = _run(ilrs, *asked, env={"COLUMNS": "200"}).stdout
    assert "(in both camps, documented, national level)" in table.splitlines()[0]
    for name in DOCUMENTED_BOTH:
        assert name in table
    for name in LOOSE_BOTH - DOCUMENTED_BOTH:
        assert name not in table
    rows = list(csv.DictReader(io.StringIO(_run(ilrs, *asked, "--csv").stdout)))
    assert {row["country"] for row in rows} == DOCUMENTED_BOTH


def test_the_api_answers_as_the_command_line() -> None:
    data = api.load(TWO_CAMPS)
    rows = api.countries(camp="both", documented=True, level="national", dataset=data)
    assert [row["country"] for row in rows] == ["Senegal", "Thailand"]
    assert [row["first"] for row in rows] == ["ilrs", "ilrs"]
    signings = api.signings(camp="both", documented=True, level=["national"], dataset=data)
    assert {row["country"] for row in signings} == DOCUMENTED_BOTH
    with pytest.raises(api.QueryError, match="level"):
        api.countries(level="planetary", dataset=data)


# --- Each option alone ----------------------------------------------------------------------


def camps(ilrs: Runner, *options: str) -> dict[str, str]:
    rows = _run(ilrs, "countries", "--json", *options).json()
    return {row["country"]: row["camps"] for row in rows}


def test_documented_drops_reported_parts_and_everything_via_a_country(ilrs: Runner) -> None:
    loose, documented = camps(ilrs), camps(ilrs, "--documented")
    assert loose["Bahrain"] == "both" and documented["Bahrain"] == "artemis-only"  # reported
    assert loose["Hawaii"] == "both" and documented["Hawaii"] == "ilrs-only"  # US signed
    assert loose["Hong Kong"] == "ilrs-only" and documented["Hong Kong"] == "neither"
    assert documented["China"] == "ilrs-only"  # its lead is its own
    assert documented["United Arab Emirates"] == "both"  # its own entities and signing


def test_a_level_narrows_the_ilrs_side_only(ilrs: Runner) -> None:
    subnational = camps(ilrs, "--level", "subnational")
    # Hawaii's entities count, and so does the United States' signing: a level is ILRS only
    assert {c for c, camp in subnational.items() if camp == "both"} == {
        "Hawaii", "United Arab Emirates",
    }  # fmt: skip
    assert subnational["China"] == "neither"  # China's lead is national
    assert subnational["Hong Kong"] == "neither"
    assert camps(ilrs, "--level", "national")["Hong Kong"] == "ilrs-only"
    both = camps(ilrs, "--level", "subnational", "--level", "affiliated")
    assert {c for c, camp in both.items() if camp == "both"} == {
        "Hawaii", "Peru", "United Arab Emirates",
    }  # fmt: skip


# --- Via: one place rule for both camps -------------------------------------------------------


def test_a_place_counts_through_the_country_it_lies_in_in_both_camps(ilrs: Runner) -> None:
    rows = {row["country"]: row for row in _run(ilrs, "countries", "--json").json()}
    hong_kong, hawaii = rows["Hong Kong"], rows["Hawaii"]
    assert (hong_kong["camps"], hong_kong["camps_via"]) == ("ilrs-only", "China")
    assert hong_kong["ilrs_standing"] == "via China, which leads the ILRS"
    assert (hawaii["camps"], hawaii["camps_via"]) == ("both", "United States")
    assert rows["Thailand"]["camps_via"] is None and rows["China"]["camps_via"] is None
    table = _run(ilrs, "countries", "-c", "HK", "-c", "Hawaii", env={"COLUMNS": "200"}).stdout
    assert "via China, which leads the ILRS" in table
    assert "signed 2020-10-13 (1st), via United States" in table
    artemis = {row["country"]: row for row in _run(ilrs, "artemis", "--json").json()}
    assert artemis["United States"]["camps_via"] is None
    assert all(row["camps_via"] is None for row in camps_via_free(ilrs))


def camps_via_free(ilrs: Runner) -> list[dict[str, Any]]:
    return _run(ilrs, "countries", "--documented", "--json").json()  # type: ignore[no-any-return]


def test_the_map_colours_and_explains_a_place_via_its_country(ilrs: Runner) -> None:
    features = _run(ilrs, "map", "--format", "geojson").json()["features"]
    by_code = {f["properties"]["code"]: f["properties"] for f in features}
    assert (by_code["HK"]["ilrs"], by_code["HK"]["via"]) == ("lead", "China")
    assert "in the ILRS via China" in by_code["HK"]["description"]
    assert by_code["US-HI"]["via"] == "United States"
    assert "Artemis Accords signed 2020-10-13 via United States" in by_code["US-HI"]["description"]
    strict = _run(ilrs, "map", "--format", "geojson", "--documented").json()["features"]
    assert {f["properties"]["code"]: f["properties"]["ilrs"] for f in strict}["HK"] == "none"
    root = ET.fromstring(_run(ilrs, "map").stdout.encode())
    legend = [t.text or "" for g in root.iter(SVG + "g") if g.get("class") == "legend"
              for t in g.iter(SVG + "text")]  # fmt: skip
    assert (
        "A place counts in a camp through the country it lies in: Hawaii via United States, "
        "Hong Kong via China"
    ) in legend
    documented = ET.fromstring(_run(ilrs, "map", "--documented").stdout.encode())
    assert not any("through the country" in (t.text or "") for t in documented.iter(SVG + "text"))


def test_only_hong_kong_and_macao_lie_in_another_country_by_a_code_of_their_own() -> None:
    assert LIES_IN == {"HK": "CN", "MO": "CN"}  # ISO 3166-2:CN; no other is inferred
    assert (country_code("US-HI"), country_code("HK"), country_code("TW")) == ("US", "CN", None)
    assert country_code("CN") is None


# --- first, wherever a camp is ----------------------------------------------------------------


def test_first_is_a_field_of_members_and_signings(ilrs: Runner) -> None:
    members = _run(ilrs, "members", "--in", "both", "--json").json()
    assert {row["name"]: row["first"] for row in members}["Entities in Hawaii"] == "artemis"
    assert {row["first"] for row in _run(ilrs, "members", "--in", "ilrs-only", "--json").json()} \
        == {None}  # fmt: skip
    signings = _run(ilrs, "signings", "--in", "both", "--fields", "id,first", "--json").json()
    assert {row["id"]: row["first"] for row in signings}["artemis-senegal"] == "ilrs"
    strict = _run(ilrs, "signings", "--documented", "--fields", "id,first", "--json").json()
    # documented, Hawaii is in the ILRS only: no first, though it is in both camps loosely
    assert {row["id"]: row["first"] for row in strict}["hawaii-entities"] is None
    table = _run(ilrs, "members", "--in", "both", "--fields", "name,first").stdout
    assert "First" in table


def test_the_sqlite_views_hold_first_and_via_as_json_does(ilrs: Runner, tmp_path: Any) -> None:
    import sqlite3

    target = tmp_path / "camps.db"
    _run(ilrs, "export", "sqlite", str(target))
    db = sqlite3.connect(target)
    try:
        via = dict(db.execute("SELECT country, camps_via FROM list_countries"))
        first = dict(db.execute("SELECT id, first FROM list_members"))
        signed = dict(db.execute("SELECT id, first FROM list_signings"))
    finally:
        db.close()
    rows = _run(ilrs, "countries", "--json").json()
    assert via == {row["country"]: row["camps_via"] for row in rows}
    assert first == {row["id"]: row["first"] for row in _run(ilrs, "members", "--json").json()}
    assert signed == {row["id"]: row["first"] for row in _run(ilrs, "signings", "--json").json()}
    assert via["Hong Kong"] == "China"
