"""The two camps side by side: the Artemis Accords signatories beside the ILRS, each of the
five comparative questions asked (command and API) on a small fixture with both camps, and
the year counts, machine formats, regions and exports that go with them."""

from __future__ import annotations

import csv
import datetime
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from ilrs_cli import api
from ilrs_cli.core.dates import parse_dataset_date
from ilrs_cli.core.records import Dataset
from ilrs_cli.export.datapackage import write_datapackage
from ilrs_cli.export.sqlite import write_sqlite
from ilrs_cli.query.camps import first_of

from .conftest import FIXTURES, Runner, ids

TWO_CAMPS = FIXTURES / "two-camps.toml"


@pytest.fixture(autouse=True)
def two_camps(use_dataset: Any) -> None:
    use_dataset(TWO_CAMPS)


@pytest.fixture(scope="module")
def data() -> Dataset:
    return api.load(TWO_CAMPS)


def by(rows: list[dict[str, Any]], *keys: str) -> list[tuple[Any, ...]]:
    return [tuple(row[key] for key in keys) for row in rows]


# --- The five questions -----------------------------------------------------------------


def test_which_payload_partners_signed_the_accords_and_when(ilrs: Runner, data: Dataset) -> None:
    rows = ilrs("artemis", "--partners", "--json").json()
    assert by(rows, "country", "date", "order") == [
        ("Italy", "2020-10-13", 4),
        ("Bahrain", "2022-03-02", 17),
        ("Thailand", "2024-12", None),
    ]
    missions = {ref["mission"] for row in rows for ref in row["payloads"]}
    assert missions == {"Chang'e-7", "Chang'e-8"}
    assert [row["country"] for row in ilrs("artemis", "-m", "CE-8", "--json").json()] == [
        "Thailand"
    ]  # Turkey and Hong Kong are Chang'e-8 partners too, and have not signed
    assert api.signatories(partners=True, dataset=data) == rows
    assert "with a payload partner on Chang'e-7" in ilrs("artemis", "-m", "CE-7").stdout


def test_which_countries_are_in_which_camp_and_which_came_first(
    ilrs: Runner, data: Dataset
) -> None:
    def camp(name: str) -> dict[str, Any]:
        rows = ilrs("countries", "--in", name, "--json").json()
        return {row["country"]: row["first"] for row in rows}

    assert camp("both") == {
        "Bahrain": "unclear",  # its ILRS participation is reported, with no date
        "Hawaii": "artemis",  # through the United States
        "Peru": "unclear",
        "Senegal": "ilrs",
        "Thailand": "ilrs",
        "United Arab Emirates": "artemis",
    }
    # China leads the ILRS; Hong Kong is in it via China
    assert set(camp("ilrs-only")) == {"China", "Egypt", "Hong Kong", "Turkey"}
    assert set(camp("artemis-only")) == {"Italy", "Japan", "United States"}
    assert set(camp("neither")) == {"Germany"}
    assert set(camp("ilrs")) == set(camp("both")) | set(camp("ilrs-only"))
    assert set(camp("artemis")) == set(camp("both")) | set(camp("artemis-only"))
    counts = ilrs("countries", "--count-by", "camps", "--json").json()
    assert {row["camps"]: row["count"] for row in counts} == {
        "both": 6, "ilrs-only": 4, "artemis-only": 3, "neither": 1,
    }  # fmt: skip
    assert (
        api.countries(camp="both", dataset=data)
        == ilrs("countries", "--in", "both", "--json").json()
    )


def test_first_compares_the_spans_of_both_dates() -> None:
    day = parse_dataset_date
    assert first_of(day("2024-04-05"), day("2024-04-05")) == "same day"
    assert first_of(day("2023"), day("2024-01-01")) == "ilrs"
    assert first_of(day("2024-04"), day("2024-04-05")) == "unclear"
    assert first_of(day("2024-05"), day("2024-04-30")) == "artemis"
    assert first_of(None, day("2024-04-30")) == "unclear"


def test_how_each_camp_grew_year_by_year_side_by_side(ilrs: Runner, data: Dataset) -> None:
    outcome = ilrs("growth", "--json")
    rows = outcome.json()
    assert by(rows, "year", "ilrs", "ilrs_total", "artemis", "artemis_total") == [
        ("2020", 0, 0, 4, 4),
        ("2021", 0, 0, 0, 4),  # a year with no signing is shown
        ("2022", 0, 0, 1, 5),
        ("2023", 1, 1, 0, 5),
        ("2024", 2, 3, 2, 7),
        ("2025", 0, 3, 1, 8),
        (None, 2, 5, 0, 8),  # national participants with no signing date
    ]
    assert "Turkey (reported), Bahrain (reported)" in outcome.stderr
    table = ilrs("growth").stdout
    assert "undated" in table and "ILRS total" in table and "national participants" in table
    every = ilrs("growth", "--level", "national", "--level", "subnational", "--json").json()
    assert every[3] == {"year": "2023", "ilrs": 3, "ilrs_total": 3, "artemis": 0,
                        "artemis_total": 5}  # fmt: skip
    to_2022 = ilrs("growth", "--as-of", "2022", "--json").json()  # a year: its last day
    assert [row["year"] for row in to_2022] == ["2020", "2021", "2022", None]
    assert api.growth(dataset=data) == rows


def test_one_country_its_ilrs_standing_accords_signing_and_payloads(
    ilrs: Runner, data: Dataset
) -> None:
    (row,) = ilrs("countries", "--country", "Bahrain", "--json").json()
    assert row["camps"] == "both"
    assert row["ilrs_standing"] == "national, reported"
    assert [entry["id"] for entry in row["ilrs"]] == ["bahrain"]
    assert row["artemis"] == {
        "id": "artemis-bahrain", "country": "Bahrain", "date": "2022-03-02",
        "start": "2022-03-02", "end": "2022-03-02", "status": "signed", "order": 17,
    }  # fmt: skip
    assert row["payloads"] == [{"id": "imager", "name": "An imager", "mission": "Chang'e-7"}]
    shown = ilrs("show", "bahrain")
    assert "Bahrain in the two camps" in shown.stdout
    assert "signed 2022-03-02 (17th)" in shown.stdout
    assert "also found: signatory artemis-bahrain, payload imager" in shown.stderr
    assert "'bahrain' is also the country Bahrain: `ilrs show BH`" in shown.stderr
    assert ilrs("show", "bahrain", "--json").json()["artemis"]["order"] == 17
    japan = ilrs("show", "Japan", "--json").json()  # a country with only an Accords record
    assert (japan["type"], japan["countries"][0]["camps"], japan["members"]) == (
        "country",
        "artemis-only",
        [],
    )
    assert [signing["id"] for signing in japan["signatories"]] == ["artemis-japan"]
    assert api.countries(country="BH", dataset=data) == [row]
    (hawaii,) = ilrs("countries", "-c", "Hawaii", "--json").json()
    assert hawaii["artemis"]["country"] == "United States"  # the country it lies in
    table = ilrs("countries", "-c", "Hawaii", "--fields", "country,artemis", env={"COLUMNS": "200"})
    assert "signed 2020-10-13 (1st), via United States" in table.stdout


def test_the_signings_of_both_camps_on_one_timeline(ilrs: Runner, data: Dataset) -> None:
    rows = ilrs("signings", "--json").json()
    assert by(rows, "date", "camp", "name")[:5] == [
        ("2020-10-13", "Artemis Accords", "United States"),  # one day: by ordinal
        ("2020-10-13", "Artemis Accords", "Japan"),
        ("2020-10-13", "Artemis Accords", "United Arab Emirates"),
        ("2020-10-13", "Artemis Accords", "Italy"),
        ("2022-03-02", "Artemis Accords", "Bahrain"),
    ]
    starts = [row["start"] for row in rows]
    assert starts == sorted(starts) and {row["camp"] for row in rows} == {"ILRS", "Artemis Accords"}
    assert "turkey" not in ids(rows)  # no signing date
    assert len(rows) == 6 + 8  # the dated participants and every signatory
    senegal = ilrs("signings", "-c", "Senegal", "--json").json()
    assert by(senegal, "date", "camp") == [
        ("2024-09-05", "ILRS"),
        ("2025-07-24", "Artemis Accords"),
    ]
    before = ilrs("signings", "--as-of", "2024-12-10", "--json")  # Thailand's "2024-12" spans it
    assert "artemis-thailand" not in ids(before.json())
    assert "the signing date spans 2024-12-10: Thailand (2024-12)" in before.stderr
    by_month = ilrs("signings", "--as-of", "2024-06", "--json").json()  # a month: its last day
    assert by_month[-1]["id"] == "artemis-peru"
    assert api.signings(dataset=data) == rows


# --- Filters, year counts and dates --------------------------------------------------------


def test_every_list_command_takes_a_camp(ilrs: Runner) -> None:
    assert ids(ilrs("members", "--in", "both", "--json").json()) == [
        "hawaii-entities", "uae-entities", "thailand", "senegal", "bahrain", "peru",
    ]  # fmt: skip
    assert ids(ilrs("members", "--in", "ilrs-only", "--json").json()) == [
        "apsco",
        "egypt",
        "turkey",
    ]
    assert ids(ilrs("payloads", "--in", "neither", "--json").json()) == ["dust-meter"]  # Germany
    assert ids(ilrs("artemis", "--in", "artemis-only", "--json").json()) == [
        "artemis-united-states", "artemis-japan", "artemis-italy",
    ]  # fmt: skip
    assert ilrs("signings", "--in", "ilrs-only", "--json").json()[0]["id"] == "apsco"
    wrong = ilrs("countries", "--in", "nato")
    assert wrong.exit_code == 2 and "ilrs-only" in wrong.stderr
    assert "(in both camps)" in ilrs("countries", "--in", "both").stdout


def test_year_counts_run_in_year_order_with_empty_years_and_undated_last(ilrs: Runner) -> None:
    rows = ilrs("artemis", "--count-by", "year", "--cumulative", "--json").json()
    assert by(rows, "year", "count", "total") == [
        ("2020", 4, 4), ("2021", 0, 4), ("2022", 1, 5), ("2023", 0, 5), ("2024", 2, 7),
        ("2025", 1, 8),
    ]  # fmt: skip
    members = ilrs("members", "--count-by", "year", "--json").json()
    assert by(members, "year", "count") == [("2023", 4), ("2024", 2), (None, 3)]
    assert "(undated)" in ilrs("members", "--count-by", "year").stdout
    spans = ilrs("timeline", "--count-by", "year", "--json").json()
    assert spans[-1] == {"year": None, "count": 1}  # the launch in 2028/2029
    assert "(spanning years)" in ilrs("timeline", "--count-by", "year").stdout
    alone = ilrs("members", "--cumulative")
    assert alone.exit_code == 2 and "--cumulative" in alone.stderr
    assert ilrs("members", "--count-by", "level", "--json").json()[0]["level"] == "national"


def test_as_of_takes_a_year_or_a_month_as_its_last_day(ilrs: Runner) -> None:
    assert ids(ilrs("artemis", "--as-of", "2022", "--json").json())[-1] == "artemis-bahrain"
    assert "signed by 2022-12-31" in ilrs("artemis", "--as-of", "2022").stdout
    assert ids(ilrs("artemis", "--as-of", "2024-05", "--json").json())[-1] == "artemis-peru"
    late = ilrs("artemis", "--as-of", "2026")
    assert late.exit_code == 2 and "as of 2025-08-01" in late.stderr


def test_signing_dates_are_iso_days_in_every_machine_format(ilrs: Runner) -> None:
    for command in ("members", "artemis", "signings"):
        for item in ilrs(command, "--json").json():
            if item["date"] is not None:
                start = datetime.date.fromisoformat(item["start"])
                assert start <= datetime.date.fromisoformat(item["end"]), item["id"]
            else:
                assert item["start"] is None and item["end"] is None
        header = next(csv.reader(io.StringIO(ilrs(command, "--csv").stdout)))
        assert {"date", "start", "end"} <= set(header)
        first = json.loads(ilrs(command, "--format", "ndjson").stdout.splitlines()[0])
        assert first["start"]
    thailand = next(r for r in ilrs("artemis", "--json").json() if r["country"] == "Thailand")
    assert (thailand["start"], thailand["end"]) == ("2024-12-01", "2024-12-31")


# --- Regions, missions, search, completion -------------------------------------------------


def test_regions_people_say_map_to_documented_countries(ilrs: Runner) -> None:
    def countries(region: str, command: str = "countries") -> list[str]:
        rows = ilrs(command, "--region", region, "--json").json()
        return [row["country"] for row in rows]

    assert countries("Middle East") == ["Bahrain", "Egypt", "Turkey", "United Arab Emirates"]
    assert countries("Arab states") == ["Bahrain", "Egypt", "United Arab Emirates"]
    assert countries("gulf states", "artemis") == ["United Arab Emirates", "Bahrain"]
    assert countries("MENA") == countries("Middle East and North Africa")
    assert countries("Southeast Asia") == countries("ASEAN") == ["Thailand"]
    assert countries("Latin America") == ["Peru"]
    assert countries("European Union") == ["Germany", "Italy"]
    wrong = ilrs("countries", "--region", "Middle Eastern")
    assert wrong.exit_code == 2
    assert "did you mean Middle East?" in wrong.stderr and "Africa" not in wrong.stderr


def test_the_payload_list_says_which_missions_it_covers(ilrs: Runner) -> None:
    assert "International payloads on Chang'e-7 and Chang'e-8: 4 payloads" in (
        ilrs("payloads").stdout
    )
    assert "on Chang'e-8: 2 payloads" in ilrs("payloads", "-m", "CE-8").stdout
    assert "Chang'e-7" in ilrs("payloads", "--help").stdout
    figures = ilrs("info", "--json").json()["figures"]
    assert figures["payloads_all_missions"] == 4
    assert (figures["payload_projects"], figures["payload_projects_mission"]) == (2, "Chang'e-8")
    assert figures["artemis_signatories"] == 8
    assert figures["countries_and_regions_in_both_camps"] == 6


def test_search_show_and_cite_know_signatories(ilrs: Runner) -> None:
    hits = ilrs("search", "artemis", "--json").json()
    assert {hit["type"] for hit in hits} == {"signatory"} and len(hits) == 8
    assert ilrs("show", "artemis-peru", "--json").json()["order"] == 41
    assert "NASA" in ilrs("cite", "artemis-peru").stdout
    assert "8 signatories" in ilrs("check").stdout


# --- Exports -------------------------------------------------------------------------------

VIEWS = {"list_members": "members", "list_artemis": "artemis", "list_signings": "signings",
         "list_countries": "countries"}  # fmt: skip


def test_sqlite_has_a_table_per_camp_and_views_equal_to_json(
    ilrs: Runner, data: Dataset, tmp_path: Path
) -> None:
    path = tmp_path / "two-camps.db"
    counts = write_sqlite(data, path)
    assert counts["signatories"] == 8 and counts["members"] == 9
    db = sqlite3.connect(path)
    try:
        spans = db.execute("SELECT start, \"end\" FROM signatories WHERE id = 'artemis-thailand'")
        assert spans.fetchone() == ("2024-12-01", "2024-12-31")
        camps = dict(db.execute("SELECT place, camps FROM standings"))
        assert camps["Hawaii"] == "both" and camps["Hong Kong"] == "ilrs-only"
        for view, command in VIEWS.items():
            cursor = db.execute(f"SELECT * FROM {view}")
            keys = [column[0] for column in cursor.description]
            rows = [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]
            expected = ilrs(command, "--json").json()
            for row, item in zip(rows, expected, strict=True):
                for key, value in item.items():
                    cell = json.loads(row[key]) if isinstance(value, list | dict) else row[key]
                    assert cell == value, (view, item.get("id"), key)
            assert len(rows) == len(expected)
    finally:
        db.close()


def test_datapackage_has_the_signatories_resource(data: Dataset, tmp_path: Path) -> None:
    write_datapackage(data, tmp_path / "package")
    descriptor = json.loads((tmp_path / "package" / "datapackage.json").read_text("utf-8"))
    resources = {resource["name"]: resource for resource in descriptor["resources"]}
    fields = {f["name"]: f["type"] for f in resources["signatories"]["schema"]["fields"]}
    assert (fields["start"], fields["end"], fields["order"]) == ("date", "date", "integer")
    members = {f["name"]: f["type"] for f in resources["members"]["schema"]["fields"]}
    assert (members["start"], members["end"]) == ("date", "date")
    assert "standings" in resources
    rows = list(csv.DictReader((tmp_path / "package" / "signatories.csv").open(encoding="utf-8")))
    assert [row["order"] for row in rows][:2] == ["1", "2"]


def test_camps_regions_and_the_new_commands_complete() -> None:
    from .test_completion import complete_bash

    assert complete_bash("ilrs countries --in b") == ["both"]
    assert complete_bash("ilrs artemis --in ilrs") == ["ilrs", "ilrs-only"]
    assert complete_bash("ilrs payloads --region Middle") == ["Middle Africa", "Middle East"]
    assert complete_bash("ilrs fields gr") == ["growth"]
    assert complete_bash("ilrs show artemis-pe") == ["artemis-peru"]
    assert "artemis" in complete_bash("ilrs a")
