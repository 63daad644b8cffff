"""Data release 1.2.0: the points an audit of 1.1.0 found wrong or unsupported, and what
happened after April 2025, each tested with the source that shows it."""

from __future__ import annotations

import pytest

from ilrs_cli.core.records import Dataset
from ilrs_cli.load import load_dataset


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


def record(dataset: Dataset, kind: str, record_id: str):  # noqa: ANN201 - any record type
    (found,) = [item for item in getattr(dataset, kind) if item.id == record_id]
    return found


def cited(item: object) -> set[str]:
    return {citation.source.id for citation in item.sources}  # type: ignore[attr-defined]


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
    assert "agreements or letters of intent" in (member.note or "")


def test_chang_e_7_note_says_why_five_of_six_are_listed(dataset: Dataset) -> None:
    ce7 = [payload for payload in dataset.payloads if payload.mission == "Chang'e-7"]
    assert len(ce7) == 5
    mission = record(dataset, "missions", "chang-e-7")
    assert "six international payloads" in (mission.note or "")
    assert "five are listed here" in (mission.note or "")
    announced = record(dataset, "events", "ce7-payloads-announced")
    assert "spectrometer" in (announced.note or "")
