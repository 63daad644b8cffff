"""Data release 1.1.0 brings the dataset forward: each new fact is tested with its source."""

from __future__ import annotations

import re

import pytest

from ilrs_cli.core.records import Dataset
from ilrs_cli.load import load_dataset

from .test_data import cited, record


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


RUSSIA_TREATY_STEPS = [
    ("russia-agreement-signed", "2022-11-25", "kremlin-2024-06-12"),
    ("russia-ratification-bill-approved", "2024-03-15", "sputnik-cn-2024-03-16"),
    ("russia-ratifies", "2024-05-28", "tass-1794737"),
    ("russia-federation-council-approves", "2024-06-05", "quickread-ria-2024-06-05"),
    ("russia-ratification-law-signed", "2024-06-12", "kremlin-2024-06-12"),
    ("russia-agreement-in-force", "2024-07-18", "leonarddavid-ilrs-agreement"),
]


@pytest.mark.parametrize(("event_id", "day", "source_id"), RUSSIA_TREATY_STEPS)
def test_russia_treaty_step_with_its_source(
    dataset: Dataset, event_id: str, day: str, source_id: str
) -> None:
    event = record(dataset, "events", event_id)
    assert event.date.text == day
    assert event.status.value == "done"
    assert event.mission == "ILRS"
    assert source_id in cited(event)


def test_russia_treaty_steps_are_in_order(dataset: Dataset) -> None:
    days = [
        record(dataset, "events", event_id).date.start for event_id, _, _ in RUSSIA_TREATY_STEPS
    ]
    assert days == sorted(days)


def test_roscosmos_count_2025_tass_1950959(dataset: Dataset) -> None:
    fact = record(dataset, "facts", "ilrs-participation-roscosmos-2025")
    assert {"tass-1950959", "sputnik-africa-2025-04-29"} <= cited(fact)
    listed = fact.text.split(": ", 1)[1].rstrip(".")
    countries = [name.strip() for name in re.split(r",\s*(?:and\s+)?|\s+and\s+", listed)]
    assert len(countries) == 13
    assert "13 countries" in fact.text
    # Every named country is a member record; Kazakhstan and Turkey are missing from the list.
    members = {member.name for member in dataset.members if member.level.value == "national"}
    assert set(countries) <= members
    assert {"Kazakhstan", "Turkey"}.isdisjoint(countries)


@pytest.mark.parametrize("member_id", ["djibouti", "bolivia", "ethiopia"])
def test_named_by_roscosmos_reported_without_date_tass_1950959(
    dataset: Dataset, member_id: str
) -> None:
    member = record(dataset, "members", member_id)
    assert member.level.value == "national"
    assert member.status.value == "reported"
    assert member.date is None
    assert "tass-1950959" in cited(member)


def test_participation_mid_2025_dsel_dawan_cgtn(dataset: Dataset) -> None:
    fact = record(dataset, "facts", "ilrs-participation-mid-2025")
    assert "more than 60" in fact.text and "17 countries" in fact.text
    assert {"dawan-2025-07-01", "miradio-cgtn-2025-07", "bastillepost-2025-07"} <= cited(fact)


SUBNATIONAL = [
    ("switzerland-entities", "2023", "nanoSPACE", "scmp-3226845"),
    ("uae-entities", "2023-11-14", "University of Sharjah", "hk01-sharjah"),
    ("panama-entities", "2024-09-05", "CENACEP", "tencent-2024-09-05"),
    ("indonesia-entities", "2024-09-05", "Universitas Bandar Lampung", "ubl-2024-09"),
    ("kenya-entities", "2024-04-08", "KAIST", "scmp-3259734"),
    ("ethiopia-entities", "2024-04-05", "SSGI", "scmp-3259734"),
    ("croatia-entities", "2023-11-24", "Adriatica Aerospace Association", "a3space-2023-11"),
    ("hawaii-entities", "2023", "ILOA", "iloa-dsel-mou"),
]


@pytest.mark.parametrize(("member_id", "day", "institution", "source_id"), SUBNATIONAL)
def test_subnational_institution_and_dsel_agreement_with_source(
    dataset: Dataset, member_id: str, day: str, institution: str, source_id: str
) -> None:
    member = record(dataset, "members", member_id)
    assert member.level.value == "subnational"
    assert member.status.value == "signed"
    assert member.date.text == day
    assert institution in (member.agreement or "")
    assert "DSEL" in (member.agreement or "")
    assert source_id in cited(member)
    assert "spacenews" in cited(member)


def test_spacetalk_and_uae_company_tencent_2024_09_05(dataset: Dataset) -> None:
    assert "Spacetalk" in (record(dataset, "members", "switzerland-entities").note or "")
    assert "阿联酋轨道空间公司" in (record(dataset, "members", "uae-entities").note or "")
    event = record(dataset, "events", "dsel-ten-partners")
    assert event.date.text == "2024-09-05"
    assert "tencent-2024-09-05" in cited(event)


def test_kenya_date_conflict_kept_in_note_kenyans(dataset: Dataset) -> None:
    kenya = record(dataset, "members", "kenya-entities")
    assert "5 April" in (kenya.note or "")
    assert "kenyans-kaist" in cited(kenya)


@pytest.mark.parametrize("member_id", ["kyrgyzstan-entities", "sri-lanka-entities"])
def test_no_named_entity_found_stays_reported(dataset: Dataset, member_id: str) -> None:
    member = record(dataset, "members", member_id)
    assert member.status.value == "reported"
    assert "no named entity" in (member.note or "")


PAYLOAD_MASSES = [
    ("pakistan-rover", "about 35 kg", {"southasiatimes-rover", "brecorder-2024-11-18"}),
    ("micro-rovers", "about 5 kg each", {"installsat-ce8", "sputnik-tr-2025-12-18"}),
    ("multi-functional-robot", "about 100 kg", {"yibaidns-chinadaily-2024-12-25"}),
]


@pytest.mark.parametrize(("payload_id", "mass", "source_ids"), PAYLOAD_MASSES)
def test_payload_mass_with_its_source(
    dataset: Dataset, payload_id: str, mass: str, source_ids: set[str]
) -> None:
    payload = record(dataset, "payloads", payload_id)
    assert payload.mass == mass
    assert source_ids <= cited(payload)


def test_only_sourced_payload_masses(dataset: Dataset) -> None:
    with_mass = {payload.id for payload in dataset.payloads if payload.mass}
    assert with_mass == {payload_id for payload_id, _, _ in PAYLOAD_MASSES}


def test_neutron_analyzer_align_mgronline_2025_09_07(dataset: Dataset) -> None:
    payload = record(dataset, "payloads", "neutron-analyzer")
    assert "ALIGN" in (payload.note or "")
    assert "mgronline-2025-09-07" in cited(payload)


def test_hkust_leads_the_robot_hkust_2025_12_18(dataset: Dataset) -> None:
    # The appointment itself is dated December 2024 in 1.2.0 (tests/test_data_release_1_2.py).
    assert "hkust-2025-12-18" in cited(record(dataset, "institutions", "hkust"))
    assert "hkust-2025-12-18" in cited(record(dataset, "payloads", "multi-functional-robot"))


def test_cheri_prototype_finished_sputnik_tr(dataset: Dataset) -> None:
    event = record(dataset, "events", "cheri-prototype-finished")
    assert cited(event) == {"sputnik-tr-2025-12-18"}


def test_ce7_launch_planned_second_half_2026_prime_cosmoscience(dataset: Dataset) -> None:
    event = record(dataset, "events", "ce7-launch")
    assert event.status.value == "planned"
    assert event.date.text == "2026-07/2026-12"
    assert {"prime-2026-02-10", "cosmoscience-2026-04-13", "wam-2026-03-12"} <= cited(event)
    assert "No stored page says it has launched" in (event.note or "")


CE7_PAYLOADS = {
    "ce7-hyperspectral-imager": {"egyptian-space-agency", "bahrain-nssa", "ciomp"},
    "ce7-space-weather-detector": {"narit"},
    "ce7-laser-corner-reflector": {"infn-lnf"},
    "ce7-lunar-dust-instrument": {"iki"},
    "ce7-wide-field-telescope": {"iloa"},
}


def test_ce7_payloads_pressreader_chinadaily_hk(dataset: Dataset) -> None:
    ce7 = {payload.id: payload for payload in dataset.payloads if payload.mission == "Chang'e-7"}
    assert set(ce7) == set(CE7_PAYLOADS)
    for payload_id, institutions in CE7_PAYLOADS.items():
        payload = ce7[payload_id]
        assert {inst.id for inst in payload.institutions} == institutions, payload_id
        assert "pressreader-chinadaily-hk-2024-04-26" in cited(payload), payload_id
    event = record(dataset, "events", "ce7-payloads-announced")
    assert event.date.text == "2024-04-24"


def test_ce7_russian_instrument_mou_interfax(dataset: Dataset) -> None:
    event = record(dataset, "events", "ce7-russian-instrument-mou")
    assert event.date.text == "2025-09-02"
    assert cited(event) == {"interfax-1045299"}
    assert "interfax-1045299" in cited(record(dataset, "payloads", "ce7-lunar-dust-instrument"))


def test_ce7_imager_contract_spacewatch_2024_06(dataset: Dataset) -> None:
    event = record(dataset, "events", "ce7-hyperspectral-imager-contract")
    assert event.date.text == "2024-06"
    assert cited(event) == {"spacewatch-2024-06"}


def test_ce7_match_handover_mgronline_2025_08_30(dataset: Dataset) -> None:
    event = record(dataset, "events", "ce7-match-handed-over")
    assert event.date.text == "2025-08"
    assert cited(event) == {"mgronline-2025-08-30"}


def test_russia_china_communique_ferra(dataset: Dataset) -> None:
    event = record(dataset, "events", "russia-china-communique-2025")
    assert event.date.text == "2025-11"
    assert "ferra-2025-11-04" in cited(event)


def test_ce8_launch_newer_dates_kept_in_note(dataset: Dataset) -> None:
    event = record(dataset, "events", "ce8-launch")
    assert event.date.text == "2028/2029"
    assert {"reportify-2025-07-05", "www1-2025-04-27", "mgronline-2025-09-07"} <= cited(event)
    assert "2030" in (event.note or "")
