"""One view of a mission or a country (`ilrs show`), and the timeline by place (`timeline
--country`, `--region`, `--in`): behaviour on the frozen fixture, then facts of the bundled
data at the end."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from ilrs_cli import api
from ilrs_cli.report.details import COUNTRY_KEYS, MISSION_KEYS

from .conftest import FROZEN, Outcome, Runner


def ids(rows: list[dict[str, Any]]) -> list[str]:
    return [row["id"] for row in rows]


@pytest.fixture(scope="module")
def pakistan() -> dict[str, Any]:
    return api.show("Pakistan", dataset=api.load(FROZEN))


@pytest.mark.parametrize("spelling", ["CE-8", "Chang'e-8", "change8", "嫦娥八号", "chang-e-8"])
def test_show_takes_a_mission_by_any_spelling(ilrs: Runner, spelling: str) -> None:
    shown = ilrs("show", spelling, "--json")
    assert shown.exit_code == 0, shown.stderr
    mission = shown.json()
    assert (mission["type"], mission["id"], mission["name_zh"]) == (
        "mission",
        "chang-e-8",
        "嫦娥八号",
    )
    lists = {key: ilrs(command, "--mission", "CE-8", "--json").json()
             for key, command in (("payloads", "payloads"), ("events", "timeline"),
                                  ("facts", "mission"))}  # fmt: skip
    assert {key: mission[key] for key in lists} == lists
    assert list(mission)[-3:] == [key for key, _, _ in MISSION_KEYS]  # as docs/json.md says
    assert len(mission["payloads"]) == 10 and "ce8-launch" in ids(mission["events"])


def test_a_missions_table_shows_its_payloads_timeline_and_facts(ilrs: Runner) -> None:
    table = ilrs("show", "ce8", env={"COLUMNS": "200"}).stdout
    for title in ("Mission chang-e-8", "International payloads on Chang'e-8: 10 payloads",
                  "Timeline for Chang'e-8:", "Mission facts for Chang'e-8:"):  # fmt: skip
        assert title in table


def test_mission_takes_the_chinese_name_and_the_full_name(ilrs: Runner) -> None:
    assert len(ilrs("payloads", "--mission", "嫦娥八号", "--json").json()) == 10
    events = ilrs("timeline", "-m", "International Lunar Research Station", "--json").json()
    assert events and {event["mission"] for event in events} == {"ILRS"}


def test_show_a_country_lists_each_kind_as_its_list_command_does(
    ilrs: Runner, pakistan: dict[str, Any]
) -> None:
    assert list(pakistan) == [key for key, _, _ in COUNTRY_KEYS]  # as docs/json.md says
    assert (pakistan["type"], pakistan["name"], pakistan["code"]) == ("country", "Pakistan", "PK")
    for key, command in (("countries", "countries"), ("payloads", "payloads"),
                         ("members", "members"), ("signatories", "artemis"),
                         ("events", "timeline")):  # fmt: skip
        assert pakistan[key] == ilrs(command, "--country", "Pakistan", "--json").json(), key
    assert ids(pakistan["payloads"]) == ["pakistan-rover"]
    assert ids(pakistan["members"]) == ["pakistan"]
    assert pakistan["signatories"] == []
    assert ids(pakistan["events"]) == ["pakistan-signs", "pakistan-rover-mou"]
    for spelling in ("PK", "PAK", " PAKISTAN "):  # the codes; the name in another case
        assert ilrs("show", spelling, "--json").json() == pakistan, spelling


def test_a_countrys_accords_signing_and_its_table(ilrs: Runner) -> None:
    senegal = ilrs("show", "Senegal", "--json").json()
    assert ids(senegal["signatories"]) == ["artemis-senegal"]
    assert ids(senegal["members"]) == ["senegal"] and ids(senegal["events"]) == ["senegal-signs"]
    table = ilrs("show", "Senegal", env={"COLUMNS": "200"})
    for title in (
        "Senegal (SN)",
        "Senegal in the two camps",
        "ILRS participants from Senegal",
        "Artemis Accords signatories from Senegal: 1",
        "Timeline naming Senegal: 1",
    ):
        assert title in table.stdout  # fmt: skip
    assert "International payloads" not in table.stdout  # none: no empty table
    assert table.stdout.count("Data as of") == 1


def test_an_id_as_written_wins_and_the_other_reading_is_named(ilrs: Runner) -> None:
    member = ilrs("show", "pakistan")
    assert member.exit_code == 0 and "Member pakistan" in member.stdout
    assert "'pakistan' is also the country Pakistan: `ilrs show PK` shows everything" in (
        member.stderr
    )
    country = ilrs("show", "Pakistan")
    assert "Pakistan (PK)" in country.stdout
    assert "showing country Pakistan; also found: member pakistan (`ilrs show pakistan`)" in (
        country.stderr
    )
    assert ilrs("show", "PK").stderr == ""  # nothing else is named so
    assert ilrs("show", "APSCO", "--json").json()["id"] == "apsco"  # not a place: the id


def test_an_unknown_text_says_what_would_be_right(ilrs: Runner) -> None:
    outcome = ilrs("show", "CE-9")
    assert (outcome.exit_code, outcome.stdout) == (1, "")
    assert (
        "'CE-9' is not a record id, a mission (Chang'e-7, Chang'e-8, ILRS) or a country or region"
    ) in outcome.stderr


def test_a_country_the_data_does_not_name_is_an_empty_view(ilrs: Runner) -> None:
    chad = ilrs("show", "Chad", "--json")
    assert chad.exit_code == 0
    assert chad.json() == {
        "type": "country",
        "name": "Chad",
        "code": "TD",
        "countries": [],
        "payloads": [],
        "members": [],
        "signatories": [],
        "events": [],
    }
    assert "no record of the data is from Chad" in chad.stderr


def test_a_view_as_csv_names_each_listed_record(ilrs: Runner) -> None:
    rows = dict(csv.reader(io.StringIO(ilrs("show", "PK", "--csv").stdout)))
    assert rows["type"] == "country" and rows["payloads"] == "Pakistan lunar rover"
    assert rows["events"] == "pakistan-signs; pakistan-rover-mou"
    assert rows["countries"] == "Pakistan" and rows["signatories"] == ""


def _events(ilrs: Runner, *args: str) -> Outcome:
    return ilrs("timeline", *args, "--json")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # "Turkey's" and METU, an institution in Turkey; not the note of turkey-applies
        (("--country", "Türkiye"), ["turkey-applies", "micro-rover-project-announced"]),
        # russia-signs by its record (its text says "Russian"); turkey-applies' note names
        # Russia's IKI, and notes are not read
        (("--country", "RU"), ["russia-signs", "russia-ratifies"]),
        # STAR.VISION (Star.Vision) and Zhejiang University are institutions in China
        (("-c", "China"), ["russia-ratifies", "ilrs-blueprint", "micro-rover-project-announced",
                           "pakistan-rover-mou"]),
        (("-c", "Turkey", "-c", "Pakistan"), ["pakistan-signs", "turkey-applies",
                                              "micro-rover-project-announced",
                                              "pakistan-rover-mou"]),
        (("--region", "Africa"), ["south-africa-signs", "egypt-signs", "senegal-signs"]),
        (("--in", "artemis"), ["senegal-signs"]),
        (("-c", "China", "--mission", "CE-8"), ["micro-rover-project-announced",
                                                "pakistan-rover-mou"]),
    ],
)  # fmt: skip
def test_timeline_by_the_places_events_name(
    ilrs: Runner, args: tuple[str, ...], expected: list[str]
) -> None:
    outcome = _events(ilrs, *args)
    assert outcome.exit_code == 0, outcome.stderr
    assert ids(outcome.json()) == expected


def test_timeline_says_what_it_was_asked_and_the_api_agrees(ilrs: Runner) -> None:
    assert "Timeline naming Pakistan: 2 events" in ilrs("timeline", "-c", "PK").stdout
    assert "Timeline naming a place in Africa: 3 events" in ilrs("timeline", "-r", "Africa").stdout
    assert (
        "Timeline naming a place (in both camps): 1 event"
        in ilrs("timeline", "--in", "both").stdout
    )
    data = api.load(FROZEN)
    assert api.timeline(country="Pakistan", dataset=data) == _events(ilrs, "-c", "PK").json()
    bad = ilrs("timeline", "--country", "Atlantis")
    assert bad.exit_code == 2 and "unknown country 'Atlantis'" in bad.stderr


# Facts of the bundled data.


@pytest.fixture(scope="module")
def bundled() -> Any:
    return api.load()


def test_bundled_change8_and_pakistan_in_one_view(bundled: Any) -> None:
    mission = api.show("CE-8", dataset=bundled)
    assert mission["id"] == "chang-e-8" and len(mission["payloads"]) == 10
    assert "ce8-payloads-selected" in ids(mission["events"])
    pakistan = api.show("Pakistan", dataset=bundled)
    assert ids(pakistan["events"]) == ["pakistan-signs", "pakistan-rover-mou"]
    assert ids(pakistan["payloads"]) == ["pakistan-rover"] and pakistan["signatories"] == []


def test_bundled_events_named_by_institutions_and_regions(bundled: Any) -> None:
    russia = ids(api.timeline(country="Russia", dataset=bundled))
    assert "ce7-russian-instrument-mou" in russia  # "Roscosmos", an alias of its institutions
    assert "turkey-applies" not in russia  # the note names IKI's director; notes are not read
    # ILOA, an institution in Hawaii, in the United States
    assert "ce7-payloads-announced" in ids(api.timeline(country="US", dataset=bundled))
    thailand = ids(api.timeline(country="Thailand", dataset=bundled))
    assert "ce7-match-handed-over" in thailand  # NARIT
