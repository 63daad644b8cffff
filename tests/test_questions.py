"""The questions people asked, each asked and its answer checked, on the frozen fixture."""

from __future__ import annotations

from pathlib import Path

from .conftest import Runner, ids
from .test_loader import VALID, write


def test_who_joined_the_ilrs_in_2024(ilrs: Runner) -> None:
    joined = ilrs("members", "--after", "2024", "--before", "2024", "--json").json()
    assert joined and all(item["date"].startswith("2024") for item in joined)
    every = ilrs("members", "--json").json()
    dated_2024 = [m["id"] for m in every if m["date"] and m["date"].startswith("2024")]
    assert ids(joined) == dated_2024
    outcome = ilrs("members", "--after", "2024-04-24", "--before", "2024-04-24", "--json")
    assert "nicaragua" in ids(outcome.json())  # inclusive at both ends
    assert "not counted, no signing date in the data" in outcome.stderr


def test_timeline_by_kind_and_status(ilrs: Runner) -> None:
    signings = ilrs("timeline", "--kind", "signing", "--after", "2024", "--json").json()
    assert signings and {item["kind"] for item in signings} == {"signing"}
    planned = ilrs("timeline", "--status", "planned", "--json").json()
    assert planned and {item["status"] for item in planned} == {"planned"}
    bad = ilrs("timeline", "--kind", "party")
    assert bad.exit_code == 2


def test_which_payloads_come_from_africa(ilrs: Runner) -> None:
    africa = ilrs("payloads", "--region", "Africa", "--json").json()
    assert ids(africa) == ["radio-astronomy-array", "imaging-system"]
    asia = ilrs("payloads", "--region", "asia", "--json").json()
    assert "micro-rovers" in ids(asia)
    wrong = ilrs("payloads", "--region", "Afrika")
    assert wrong.exit_code == 2 and "did you mean Africa" in wrong.stderr
    region = ilrs("countries", "--country", "Egypt", "--json").json()[0]["region"]
    assert region == "Africa / Northern Africa"


def test_how_many_members_per_level_and_per_year(ilrs: Runner) -> None:
    levels = ilrs("members", "--count-by", "level", "--json").json()
    assert levels[0] == {"level": "national", "count": 14}
    assert sum(row["count"] for row in levels) == len(ilrs("members", "--json").json())
    years = {
        row["year"]: row["count"] for row in ilrs("members", "--count-by", "year", "--json").json()
    }
    assert years["2024"] == 7 and years[None] == 14
    table = ilrs("payloads", "--count-by", "countries").stdout
    assert "Russia" in table and "█" in table


def test_captions_say_how_many_of_how_many(ilrs: Runner) -> None:
    assert "ILRS participants: 3 of 28 entries" in ilrs("members", "--limit", "3").stdout
    assert "ILRS participants: 28 entries" in ilrs("members").stdout


def test_ids_are_forgiving_and_cite_names_what_it_cites(ilrs: Runner) -> None:
    assert ilrs("show", "APSCO", "--json").json()["id"] == "apsco"
    assert ilrs("show", " turkey ", "--json").json()["id"] == "turkey"
    turkey = ilrs("show", " Türkiye ", "--json").json()  # the country: all its records
    assert (turkey["type"], turkey["name"], turkey["code"]) == ("country", "Turkey", "TR")
    assert [member["id"] for member in turkey["members"]] == ["turkey"]
    assert [payload["id"] for payload in turkey["payloads"]] == ["micro-rovers"]
    cited = ilrs("cite", "Egypt")
    assert cited.stdout.startswith("Sources of member egypt (Egypt):")
    assert "also found: payload imaging-system" in cited.stderr


def test_search_finds_by_words_prefixes_links_and_other_names(ilrs: Runner) -> None:
    def found(text: str) -> list[str]:
        return ids(ilrs("search", text, "--json").json())

    assert "imaging-system" in found("Egypt camera")
    assert "imaging-system" in found("imag")
    assert "micro-rovers" in found("turk")
    assert "micro-rovers" in found("Türkiye")
    assert found("Egypt camera zebra") == []


def test_a_csv_id_column_feeds_cite_one_id_a_line(ilrs: Runner) -> None:
    csv_text = ilrs("payloads", "--csv", "--fields", "id").stdout
    assert "\r" not in csv_text
    first = csv_text.splitlines()[1]
    assert ilrs("cite", first + "\r").exit_code == 0  # a stray CR from elsewhere is stripped
    assert ilrs("payloads", "--format", "ids").stdout.splitlines()[0] == first


def test_many_ids_make_one_bibliography_with_each_source_once(ilrs: Runner) -> None:
    one = ilrs("cite", "micro-rovers", "imaging-system", "--format", "bibtex").stdout
    keys = [line.split("{")[1].rstrip(",") for line in one.splitlines() if line.startswith("@")]
    assert len(keys) == len(set(keys)) and "spacenews" in keys
    every = ilrs("cite", "--all", "--format", "csl-json").json()
    assert len(every) == len({item["id"] for item in every})


def test_sources_is_a_list_with_cited_by(ilrs: Runner) -> None:
    rows = ilrs("sources", "--cited-by", "micro-rovers", "--json").json()
    assert ids(rows)[0] == "spacenews"
    assert (
        ilrs("sources", "--count-by", "publisher", "--limit", "1", "--json").json()[0]["publisher"]
        == "SpaceNews"
    )


def test_help_and_data_in_either_place(ilrs: Runner, tmp_path: Path) -> None:
    assert ilrs("-h").exit_code == 0 and ilrs("payloads", "-h").exit_code == 0
    path = write(tmp_path, VALID)
    outcome = ilrs("payloads", "--data", str(path), "--json")
    assert outcome.exit_code == 0 and ids(outcome.json()) == ["rover"]


def test_narrow_terminals_get_one_field_a_line(ilrs: Runner) -> None:
    narrow = ilrs("members", "--national", "--limit", "2", env={"COLUMNS": "40"}).stdout
    assert "Participant: Russia" in narrow
    assert "┃" not in narrow and "|" not in narrow.split("Data as of")[0]
    wide = ilrs("members", "--national", env={"COLUMNS": "200"}).stdout
    assert "note 1" in wide and "Notes:" in wide


def test_check_refuses_twin_records_and_warns_of_unused_sources(
    ilrs: Runner, tmp_path: Path
) -> None:
    spare = VALID.replace(
        "[[institutions]]",
        '[[sources]]\nid = "spare"\ntitle = "T"\npublisher = "P"\nurl = "https://e.org"\n\n'
        "[[institutions]]",
    )
    path = write(tmp_path, spare)
    warned = ilrs("check", str(path))
    assert warned.exit_code == 0
    assert "warning:" in warned.stderr and "'spare' is not cited by any record" in warned.stderr
    assert ilrs("check", "--strict", str(path)).exit_code == 1
