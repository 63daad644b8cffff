"""`ilrs members`: levels, statuses and the places where sources disagree."""

from __future__ import annotations

import pytest

from .conftest import Runner

SIGNED_NATIONAL = {
    "russia": "2021-03-09",
    "venezuela": "2023-07-17",
    "belarus": "2023-10-23",
    "pakistan": "2023-10-18",
    "azerbaijan": "2023-10-03",
    "south-africa": "2023-09-01",
    "egypt": "2023-12-06",
    "nicaragua": "2024-04-24",
    "thailand": "2024-04-05",
    "serbia": "2024-05-07/2024-05-08",
    "kazakhstan": "2024-07-03",
    "senegal": "2024-09-05",
}

SUBNATIONAL_PLACES = [
    "Switzerland",
    "United Arab Emirates",
    "Panama",
    "Indonesia",
    "Kenya",
    "Ethiopia",
    "Kyrgyzstan",
    "Croatia",
    "Sri Lanka",
    "Hawaii",
]


def by_id(ilrs: Runner, *args: str) -> dict[str, dict[str, object]]:
    outcome = ilrs("members", *args, "--json")
    assert outcome.exit_code == 0, outcome.stderr
    return {item["id"]: item for item in outcome.json()}


def test_national_level_lists_the_twelve_signatories_with_their_dates(ilrs: Runner) -> None:
    national = by_id(ilrs, "--national")
    signed = {key: item["date"] for key, item in national.items() if item["status"] == "signed"}
    assert signed == SIGNED_NATIONAL
    assert set(national) == set(SIGNED_NATIONAL) | {"turkey", "bahrain"}


def test_turkey_is_reported_not_signed(ilrs: Runner) -> None:
    turkey = by_id(ilrs, "--national")["turkey"]
    assert turkey["status"] == "reported"
    assert turkey["date"] is None
    assert "understood to have signed up" in str(turkey["note"])
    assert "application" in str(turkey["note"])


def test_bahrain_keeps_both_facts_from_the_article(ilrs: Runner) -> None:
    bahrain = by_id(ilrs, "--national")["bahrain"]
    assert bahrain["status"] == "reported"
    note = str(bahrain["note"])
    assert "paragraph 5" in note and "paragraph 19" in note
    assert "No ILRS agreement was found" in note


def test_iran_and_peru_are_affiliated_via_apsco(ilrs: Runner) -> None:
    affiliated = by_id(ilrs, "--affiliated")
    assert set(affiliated) == {"iran", "peru"}
    for member in affiliated.values():
        assert member["via"] == "APSCO"
        assert member["status"] == "reported"


def test_apsco_is_a_signed_organization(ilrs: Runner) -> None:
    organizations = by_id(ilrs, "--organization")
    assert organizations["apsco"]["status"] == "signed"
    assert organizations["apsco"]["date"] == "2024-04-24"


def test_subnational_entities_from_the_article(ilrs: Runner) -> None:
    subnational = ilrs("members", "--subnational", "--json").json()
    assert sorted(item["country"] for item in subnational) == sorted(SUBNATIONAL_PLACES)
    assert {item["status"] for item in subnational} == {"reported"}


def test_level_option_equals_the_flag(ilrs: Runner) -> None:
    assert by_id(ilrs, "--level", "national") == by_id(ilrs, "--national")


def test_status_filter(ilrs: Runner) -> None:
    reported_national = by_id(ilrs, "--national", "--status", "reported")
    assert set(reported_national) == {"turkey", "bahrain"}


def test_country_filter_uses_the_shared_resolution(ilrs: Runner) -> None:
    assert list(by_id(ilrs, "--country", "EGY")) == ["egypt"]
    assert list(by_id(ilrs, "--country", "UAE")) == ["uae-entities"]
    assert list(by_id(ilrs, "--country", "United States")) == ["hawaii-entities"]
    assert by_id(ilrs, "--country", "France") == {}


def test_json_keys_are_stable(ilrs: Runner) -> None:
    for item in ilrs("members", "--json").json():
        assert {"name", "level", "status", "sources", "via", "date"} <= set(item)
        assert item["sources"], item["id"]


def test_every_article_participant_is_present(ilrs: Runner) -> None:
    names = {item["country"] for item in ilrs("members", "--json").json()}
    article = {"Russia", "South Africa", "Thailand", "Turkey", "Pakistan", "Bahrain", "Egypt"}
    article |= {"Iran", "Peru", "Venezuela", "Belarus", "Azerbaijan", "Nicaragua", "Serbia"}
    article |= {"Kazakhstan", "Senegal", *SUBNATIONAL_PLACES}
    assert article <= names


@pytest.mark.parametrize(
    "flags", [["--national", "--subnational"], ["--organization", "--level", "affiliated"]]
)
def test_contradictory_levels_are_a_usage_error(ilrs: Runner, flags: list[str]) -> None:
    outcome = ilrs("members", *flags)
    assert outcome.exit_code == 2
    assert "choose one level" in outcome.stderr


def test_unknown_level_lists_the_valid_ones(ilrs: Runner) -> None:
    outcome = ilrs("members", "--level", "global")
    assert outcome.exit_code == 2
    assert "national" in outcome.stderr and "affiliated" in outcome.stderr


def test_table_shows_status_and_the_caption(ilrs: Runner) -> None:
    outcome = ilrs("members", "--national")
    assert outcome.exit_code == 0
    assert "reported" in outcome.stdout and "signed" in outcome.stdout
    assert "Data as of 2026-04-13" in outcome.stdout
    assert "14 entries" in outcome.stdout
