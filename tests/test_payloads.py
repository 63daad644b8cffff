"""`ilrs payloads`: the article's 10 selected projects and every country's query."""

from __future__ import annotations

import pytest

from .conftest import Runner, ids

ALL_PAYLOADS = [
    "multi-functional-robot",
    "pakistan-rover",
    "micro-rovers",
    "radio-astronomy-array",
    "laser-corner-reflector",
    "plasma-dust-sensor",
    "ion-neutral-analyzer",
    "neutron-analyzer",
    "imaging-system",
    "potential-monitor",
]

BY_COUNTRY = {
    "Hong Kong": ["multi-functional-robot"],
    "Pakistan": ["pakistan-rover"],
    "Turkey": ["micro-rovers"],
    "China": ["micro-rovers"],
    "South Africa": ["radio-astronomy-array"],
    "Peru": ["radio-astronomy-array"],
    "Italy": ["laser-corner-reflector"],
    "Russia": ["plasma-dust-sensor", "ion-neutral-analyzer"],
    "Thailand": ["neutron-analyzer"],
    "Bahrain": ["imaging-system"],
    "Egypt": ["imaging-system"],
    "Iran": ["potential-monitor"],
}


def test_all_ten_selected_projects_are_listed(ilrs: Runner) -> None:
    outcome = ilrs("payloads", "--json")
    assert outcome.exit_code == 0, outcome.stderr
    assert ids(outcome.json()) == ALL_PAYLOADS


def test_partners_come_from_eleven_countries_and_regions_and_one_organization(
    ilrs: Runner,
) -> None:
    payloads = ilrs("payloads", "--json").json()
    places = {country for payload in payloads for country in payload["countries"]}
    # The article counts the partners besides China: 11 countries and regions.
    assert sorted(places - {"China"}) == sorted(set(BY_COUNTRY) - {"China"})
    organizations = {
        inst["name"]
        for payload in payloads
        for inst in payload["institutions"]
        if inst["country"] == "international organization"
    }
    assert organizations == {"International Society for Terrain-Vehicle Systems"}


@pytest.mark.parametrize(("country", "expected"), sorted(BY_COUNTRY.items()))
def test_each_country_finds_its_payloads(ilrs: Runner, country: str, expected: list[str]) -> None:
    outcome = ilrs("payloads", "--country", country, "--json")
    assert outcome.exit_code == 0, outcome.stderr
    assert ids(outcome.json()) == expected


def test_turkey_json_has_the_documented_keys_and_every_partner(ilrs: Runner) -> None:
    (rover,) = ilrs("payloads", "--country", "Turkey", "--json").json()
    assert {"id", "name", "kind", "countries", "institutions", "sources"} <= set(rover)
    assert rover["kind"] == "rover"
    assert rover["countries"] == ["Turkey", "China"]
    assert rover["institutions"] == [
        {
            "id": "metu",
            "name": "Middle East Technical University",
            "short_name": "METU",
            "country": "Turkey",
        },
        {"id": "zju", "name": "Zhejiang University", "short_name": None, "country": "China"},
        {
            "id": "star-vision",
            "name": "STAR.VISION Aerospace Group Limited",
            "short_name": "Star.Vision",
            "country": "China",
        },
    ]
    article = rover["sources"][0]
    assert article["id"] == "spacenews"
    assert article["at"] == "paragraphs 3, 9"
    assert article["url"].startswith("https://")


def test_turkey_table_shows_partners_and_sources(ilrs: Runner) -> None:
    outcome = ilrs("payloads", "--country", "Turkey")
    assert outcome.exit_code == 0
    for text in ("Intelligent exploration robot", "METU", "Zhejiang University", "Star.Vision"):
        assert text in outcome.stdout
    # Each row carries short source markers; the caption says what they stand for.
    assert "[1] paragraphs 3, 9" in outcome.stdout
    assert "[1] SpaceNews, 2025-04-24 (spacenews)" in outcome.stdout
    assert "[4] installsat.tv (installsat-ce8)" in outcome.stdout
    assert "Data as of 2026-04-13" in outcome.stdout
    assert "from Turkey on Chang'e-8: 1 payload" in outcome.stdout


@pytest.mark.parametrize("spelling", ["turkey", "TURKEY", "Türkiye", "Turkiye", "tr", "TR", "TUR"])
def test_country_spellings_and_iso_codes(ilrs: Runner, spelling: str) -> None:
    assert ids(ilrs("payloads", "-c", spelling, "--json").json()) == ["micro-rovers"]


@pytest.mark.parametrize("spelling", ["Hong Kong SAR", "HK", "HKG", "hong-kong"])
def test_hong_kong_spellings(ilrs: Runner, spelling: str) -> None:
    assert ids(ilrs("payloads", "-c", spelling, "--json").json()) == ["multi-functional-robot"]


def test_repeated_country_matches_any(ilrs: Runner) -> None:
    outcome = ilrs("payloads", "-c", "Iran", "-c", "Italy", "--json")
    assert ids(outcome.json()) == ["laser-corner-reflector", "potential-monitor"]


def test_real_country_without_payloads_is_an_empty_result(ilrs: Runner) -> None:
    outcome = ilrs("payloads", "--country", "France", "--json")
    assert outcome.exit_code == 0
    assert outcome.json() == []
    table = ilrs("payloads", "--country", "France")
    assert table.exit_code == 0
    assert table.stdout == ""
    assert "no payloads from France" in table.stderr


def test_misspelt_country_is_a_usage_error_with_a_suggestion(ilrs: Runner) -> None:
    outcome = ilrs("payloads", "--country", "Turky")
    assert outcome.exit_code == 2
    assert outcome.stdout == ""
    assert "unknown country 'Turky'" in outcome.stderr
    assert "did you mean Turkey?" in outcome.stderr


def test_gibberish_country_says_what_would_be_right(ilrs: Runner) -> None:
    outcome = ilrs("payloads", "--country", "Qzxv")
    assert outcome.exit_code == 2
    assert "ISO 3166 code" in outcome.stderr


def test_chinese_names_stay_unescaped_in_json(ilrs: Runner) -> None:
    outcome = ilrs("payloads", "-c", "Turkey", "--json")
    assert "挑战性环境智能探索机器人" in outcome.stdout
    assert "\\u" not in outcome.stdout
