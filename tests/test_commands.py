"""mission, countries, show, search and info: the answers a reader of the story asks for."""

from __future__ import annotations

import pytest

from .conftest import Runner, ids


def test_mission_fact_sheet_has_each_fact_with_sources(ilrs: Runner) -> None:
    outcome = ilrs("mission", "--json")
    assert outcome.exit_code == 0
    facts = {item["id"]: item for item in outcome.json()}
    for key in (
        "ce8-landing-site",
        "ce8-launch-window",
        "ce8-payload-mass",
        "ce8-isru",
        "ce8-rovers",
        "ce8-precursor",
        "ilrs-participation",
        "ilrs-targets",
    ):
        assert facts[key]["sources"], key
    assert facts["ce8-payload-mass"]["sources"][0]["url"].startswith("https://")
    table = ilrs("mission").stdout
    assert "Mons Mouton" in table and "200 kg" in table


def test_mission_filter(ilrs: Runner) -> None:
    missions = {item["mission"] for item in ilrs("mission", "-m", "ILRS", "--json").json()}
    assert missions == {"ILRS"}


def test_countries_answers_what_is_egypts_part(ilrs: Runner) -> None:
    (egypt,) = ilrs("countries", "--country", "Egypt", "--json").json()
    assert egypt["code"] == "EG"
    assert [(m["level"], m["status"], m["date"]) for m in egypt["ilrs"]] == [
        ("national", "signed", "2023-12-06")
    ]
    assert [p["id"] for p in egypt["payloads"]] == ["imaging-system"]
    assert [i["id"] for i in egypt["institutions"]] == ["egyptian-space-agency"]


def test_countries_lists_every_place_once(ilrs: Runner) -> None:
    places = [item["country"] for item in ilrs("countries", "--json").json()]
    assert len(places) == len(set(places)) == 29
    assert {"China", "Hong Kong", "Hawaii", "Turkey", "Iran"} <= set(places)


def test_countries_shows_affiliation_and_china_without_ilrs_role(ilrs: Runner) -> None:
    rows = {item["country"]: item for item in ilrs("countries", "--json").json()}
    assert rows["Iran"]["ilrs"][0]["via"] == "APSCO"
    assert rows["China"]["ilrs"] == []
    assert [p["id"] for p in rows["China"]["payloads"]] == ["micro-rovers"]
    table = ilrs("countries", "-c", "Iran", env={"COLUMNS": "200"}).stdout
    assert "affiliated via APSCO, reported" in table


def test_show_a_payload_in_full_with_urls(ilrs: Runner) -> None:
    outcome = ilrs("show", "micro-rovers")
    assert outcome.exit_code == 0
    for text in ("Intelligent exploration robot", "METU", "https://", "paragraphs 3, 9"):
        assert text in outcome.stdout
    item = ilrs("show", "micro-rovers", "--json").json()
    assert item["type"] == "payload"
    assert item["id"] == "micro-rovers"


@pytest.mark.parametrize(
    ("record_id", "kind"),
    [
        ("egypt", "member"),
        ("ce8-launch", "event"),
        ("egypt-signs", "event"),
        ("ce8-isru", "fact"),
        ("metu", "institution"),
        ("spacenews", "source"),
    ],
)
def test_show_every_kind(ilrs: Runner, record_id: str, kind: str) -> None:
    item = ilrs("show", record_id, "--json").json()
    assert item["type"] == kind
    assert item["id"] == record_id


def test_show_a_source_lists_what_cites_it(ilrs: Runner) -> None:
    item = ilrs("show", "spacenews-egypt", "--json").json()
    assert item["cited_by"] == ["egypt", "egypt-signs", "egyptian-space-agency"]


def test_show_a_source_says_its_checked_day_is_not_the_data_date(ilrs: Runner) -> None:
    said = "`checked` is the day this source was last compared with its page"
    source = " ".join(ilrs("show", "spacenews-egypt", env={"COLUMNS": "200"}).stdout.split())
    assert "Data as of 2026-04-13 (dataset" in source and said in source
    member = " ".join(ilrs("show", "egyptian-space-agency", env={"COLUMNS": "200"}).stdout.split())
    assert "Data as of 2026-04-13 (dataset" in member and said not in member


def test_show_unknown_id_exits_1_with_suggestions(ilrs: Runner) -> None:
    outcome = ilrs("show", "micro-rover")
    assert outcome.exit_code == 1
    assert outcome.stdout == ""
    assert (
        "'micro-rover' is not a record id, a mission (Chang'e-7, Chang'e-8, ILRS) or a country "
        "or region; did you mean micro-rovers"
    ) in outcome.stderr


def test_search_is_case_and_accent_insensitive_and_grouped(ilrs: Runner) -> None:
    hits = ilrs("search", "ZHEJIANG", "--json").json()
    kinds = [hit["type"] for hit in hits]
    assert kinds == sorted(
        kinds, key=["payload", "member", "event", "fact", "institution", "source"].index
    )
    assert ("institution", "zju") in {(hit["type"], hit["id"]) for hit in hits}
    assert ids(ilrs("search", "Türkiye", "--json").json()) == ids(
        ilrs("search", "turkiye", "--json").json()
    )


def test_search_finds_notes_and_chinese_names(ilrs: Runner) -> None:
    assert "turkey" in ids(ilrs("search", "understood to have signed", "--json").json())
    assert ids(ilrs("search", "月球中子", "--json").json()) == ["neutron-analyzer"]


def test_search_miss_is_empty_not_an_error(ilrs: Runner) -> None:
    outcome = ilrs("search", "Artemis II")
    assert outcome.exit_code == 0
    assert "nothing matches 'Artemis II'" in outcome.stderr
    assert ilrs("search", "Artemis II", "--json").json() == []


def test_search_needs_text(ilrs: Runner) -> None:
    outcome = ilrs("search", "  ")
    assert outcome.exit_code == 2


def test_info_counts_and_figures_are_computed(ilrs: Runner) -> None:
    info = ilrs("info", "--json").json()
    assert info["as_of"] == "2026-04-13"
    assert info["counts"]["payloads"] == 10
    figures = info["figures"]
    # The article: 10 projects from 11 countries and regions and one international organization.
    assert figures["payload_projects"] == 10
    assert figures["partner_countries_and_regions_besides_china"] == 11
    assert figures["partner_international_organizations"] == 1
    assert figures["ilrs_national_signed"] == 12
    assert len(info["sources"]) == info["counts"]["sources"]
    assert all(source["url"].startswith("http") for source in info["sources"])


def test_sources_lists_sources_and_info_summarises(ilrs: Runner) -> None:
    listed = ilrs("sources", "--json").json()
    in_info = {source["id"]: source for source in ilrs("info", "--json").json()["sources"]}
    assert listed == [in_info[source["id"]] for source in listed] and len(listed) == len(in_info)
    table = ilrs("sources", env={"COLUMNS": "200"}).stdout
    assert f"Sources: {len(listed)} sources" in table and "spacenews" in table
    rows = ilrs("sources", "--csv").stdout.splitlines()
    assert len(rows) == len(listed) + 1  # a row each, not one cell
    cited = ilrs("sources", "--cited-by", "EGYPT", "--format", "ids").stdout.split()
    assert cited == ["spacenews", "spacenews-egypt"]
