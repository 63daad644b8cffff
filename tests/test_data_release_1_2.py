"""Data release 1.2.0: the points an audit of 1.1.0 found wrong or unsupported, and what
happened after April 2025, each tested with the source that shows it."""

from __future__ import annotations

import pytest

from ilrs_cli.core.records import Dataset
from ilrs_cli.load import load_dataset

from .test_data import cited, record


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


# --- Wrong or unsupported in 1.1.0 ----------------------------------------------------------


def test_hkust_appointment_is_december_2024_not_2025(dataset: Dataset) -> None:
    event = record(dataset, "events", "hk-robot-lead-appointed")
    assert event.date.text == "2024-12"
    assert {
        "modernmechanics24-hkust",  # HKUST's own announcement, copied
        "yibaidns-chinadaily-2024-12-25",  # CNSA's approval reported that week
        "stheadline-2025-12-18",  # "last year", a year later
        "hk3-legco-2025-01-08",  # the January 2025 Legislative Council reply
        "people-2025-03-17",  # Xinhua, March 2025
    } <= cited(event)
    for item in (
        record(dataset, "payloads", "multi-functional-robot"),
        record(dataset, "institutions", "hkust"),
    ):
        assert "December 2024" in (item.note or ""), item.id
        assert "appointed it in December 2025" not in (item.note or ""), item.id


def test_robot_mass_rests_on_the_december_2024_report_not_only_the_ai_summary(
    dataset: Dataset,
) -> None:
    robot = record(dataset, "payloads", "multi-functional-robot")
    assert robot.mass == "about 100 kg"
    assert "yibaidns-chinadaily-2024-12-25" in cited(robot)
    sources = {source.id: source for source in dataset.sources}
    assert "100 kg" in (sources["yibaidns-chinadaily-2024-12-25"].note or "")


def test_blueprint_day_and_place_khabarasia_businesstoday(dataset: Dataset) -> None:
    event = record(dataset, "events", "ilrs-blueprint")
    assert event.date.text == "2024-09-05"
    assert "Tunxi, Huangshan" in event.event
    assert {"khabarasia-2024-09-06", "businesstoday-2024-09-11", "people-2024-09-05"} <= cited(
        event
    )
    assert "not found" not in (event.note or "")


def test_uae_earlier_reports_kept_in_the_note(dataset: Dataset) -> None:
    uae = record(dataset, "members", "uae-entities")
    assert uae.date.text == "2023-11-14"  # still the first agreement found with signer and day
    assert {"chinatechnews-2023-06-20", "instapundit-scmp-2023-04-28"} <= cited(uae)
    assert "June 2023" in (uae.note or "") and "April 2023" in (uae.note or "")


@pytest.mark.parametrize("member_id", ["argentina", "brazil"])
def test_argentina_and_brazil_reported_with_the_hedge_instapundit_scmp(
    dataset: Dataset, member_id: str
) -> None:
    member = record(dataset, "members", member_id)
    assert member.status.value == "reported"
    assert member.date is None
    assert member.level.value == "national"
    assert "instapundit-scmp-2023-04-28" in cited(member)
    assert "a cooperation agreement or a letter of intent" in (member.note or "")  # the hedge


def test_chang_e_7_note_says_why_five_of_six_are_listed(dataset: Dataset) -> None:
    ce7 = [payload for payload in dataset.payloads if payload.mission == "Chang'e-7"]
    assert len(ce7) == 5
    mission = record(dataset, "missions", "chang-e-7")
    assert "six international payloads" in (mission.note or "")
    assert "five are listed here" in (mission.note or "")
    announced = record(dataset, "events", "ce7-payloads-announced")
    assert "spectrometer" in (announced.note or "")


# --- What happened after April 2025 ---------------------------------------------------------

NEW_EVENTS = [
    ("russia-china-power-station-mou", "2025-05-08", "done", "ng-2025-05-08"),
    ("idsea-founded", "2025-07-07", "done", "globaltimes-2025-07-07"),
    ("third-deep-space-conference", "2025-09-05", "done", "itbear-2025-09"),
    ("roscosmos-lavochkin-contract", "2025-12", "done", "inform-kz-2025-12-25"),
    ("russian-lunar-power-station", "2036", "planned", "inform-kz-2025-12-25"),
]


@pytest.mark.parametrize(("event_id", "day", "status", "source_id"), NEW_EVENTS)
def test_new_event_with_its_source(
    dataset: Dataset, event_id: str, day: str, status: str, source_id: str
) -> None:
    event = record(dataset, "events", event_id)
    assert event.date.text == day
    assert event.status.value == status
    assert event.mission == "ILRS"
    assert source_id in cited(event)


def test_the_power_station_plan_is_older_than_the_november_communique(dataset: Dataset) -> None:
    mou = record(dataset, "events", "russia-china-power-station-mou")
    communique = record(dataset, "events", "russia-china-communique-2025")
    assert mou.date.start < communique.date.start
    assert "russia-china-power-station-mou" in (communique.note or "")
    fact = record(dataset, "facts", "ilrs-power-station")
    assert {"ng-2025-05-08", "inform-kz-2025-12-25"} <= cited(fact)
    assert "working group" in (fact.note or "")  # searched for, not found: said so


def test_apsco_agreement_of_2025_is_the_associations_not_cnsas(dataset: Dataset) -> None:
    event = record(dataset, "events", "third-deep-space-conference")
    assert "not CNSA's" in (event.note or "")
    apsco = record(dataset, "members", "apsco")
    assert "itbear-2025-09" in cited(apsco)
    assert apsco.date.text == "2023-04-25"  # its first ILRS document is unchanged


def test_late_2025_participation_counts_nsn_itbear(dataset: Dataset) -> None:
    fact = record(dataset, "facts", "ilrs-participation-late-2025")
    assert {"nsn-power-station-mou", "itbear-2025-09"} <= cited(fact)
    assert "13 countries" in fact.text and "seven" in fact.text


def test_chang_e_7_still_planned_at_the_as_of_date(dataset: Dataset) -> None:
    event = record(dataset, "events", "ce7-launch")
    assert event.status.value == "planned"
    assert event.date.start > dataset.info.as_of
    assert "searched up to 3 December 2026" in (event.note or "")


# --- Names people search for ------------------------------------------------------------------


def test_search_roscosmos_finds_the_russian_payloads(dataset: Dataset) -> None:
    from ilrs_cli.query.search import search

    payloads = {hit.record.id for hit in search(dataset, "Roscosmos") if hit.kind.name == "payload"}
    assert payloads == {"plasma-dust-sensor", "ion-neutral-analyzer"}
    found = {hit.record.id for hit in search(dataset, "PolyU")}
    assert {"polyu", "multi-functional-robot"} <= found


ALIASES = {
    "russian-state-space-corporation": (("Roscosmos", "Роскосмос"), "ng-2025-05-08"),
    "russian-federal-space-agency": (("Roscosmos",), "natureworldnews-2015-12-29"),
    "polyu": (("PolyU",), "asiaresearchnews-polyu-2018"),
    "metu": (("ODTÜ",), "sputnik-tr-2025-12-18"),
    "hkust": (("香港科技大學",), "stheadline-2025-12-18"),
}


def test_aliases_each_with_a_source_that_shows_the_name(dataset: Dataset) -> None:
    # The aliases 1.2.0 added are all kept; test_data_names checks every alias of the data.
    for record_id, (names, source_id) in ALIASES.items():
        assert set(names) <= set(record(dataset, "institutions", record_id).aliases), record_id
        assert source_id in cited(record(dataset, "institutions", record_id)), record_id


# --- Found when every record was read again -----------------------------------------------------


def test_september_2024_counts_disagree_and_the_note_says_so(dataset: Dataset) -> None:
    event = record(dataset, "events", "dsel-ten-partners")
    assert {"tencent-2024-09-05", "vanbien-sciencenet-2024-09-05"} <= cited(event)
    assert "17 countries" in (event.note or "") and "more than ten" in (event.note or "")
    assert "Tunxi" in event.event


@pytest.mark.parametrize("event_id", ["ilrs-basic-station", "ilrs-extended-network"])
def test_blueprint_years_rest_on_more_than_the_emoji_rewrite(
    dataset: Dataset, event_id: str
) -> None:
    assert "khabarasia-2024-09-06" in cited(record(dataset, "events", event_id))


def test_payload_mass_fact_cites_the_december_2024_robot_report(dataset: Dataset) -> None:
    fact = record(dataset, "facts", "ce8-payload-mass")
    assert "yibaidns-chinadaily-2024-12-25" in cited(fact)
