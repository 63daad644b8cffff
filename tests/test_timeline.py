"""`ilrs timeline`: dates with their precision, filters on spans, missions."""

from __future__ import annotations

import pytest

from .conftest import Runner, ids


def events(ilrs: Runner, *args: str) -> list[dict[str, str]]:
    outcome = ilrs("timeline", *args, "--json")
    assert outcome.exit_code == 0, outcome.stderr
    items: list[dict[str, str]] = outcome.json()
    return items


def test_key_events_have_the_sources_precision(ilrs: Runner) -> None:
    timeline = {item["id"]: item for item in events(ilrs)}
    expected = {
        "ce8-call-for-partners": ("2023-10-02", "Chang'e-8", "done"),
        "ce8-payloads-selected": ("2025-04-24", "Chang'e-8", "done"),
        "ce7-launch": ("2026", "Chang'e-7", "planned"),
        "ce8-launch": ("2028/2029", "Chang'e-8", "planned"),
        "ilrs-construction-begins": ("2030s", "ILRS", "planned"),
    }
    for key, (date, mission, status) in expected.items():
        item = timeline[key]
        assert (item["date"], item["mission"], item["status"]) == (date, mission, status)
    assert "200 kg" in timeline["ce8-call-for-partners"]["event"]
    assert timeline["ilrs-construction-begins"]["start"] == "2030-01-01"
    assert timeline["ilrs-construction-begins"]["end"] == "2039-12-31"


def test_signing_dates_from_members_are_in_the_timeline(ilrs: Runner) -> None:
    timeline = {item["id"]: item for item in events(ilrs, "--mission", "ILRS")}
    assert timeline["egypt-signs"]["date"] == "2023-12-06"
    assert timeline["russia-signs"]["date"] == "2021-03-09"
    assert timeline["serbia-signs"]["date"] == "2024-05-07/2024-05-08"
    assert timeline["russia-ratifies"]["date"] == "2024-05-28"
    signings = [key for key in timeline if key.endswith("-signs")]
    assert len(signings) == 14  # 12 national signatories, APSCO and the Arab Union


def test_events_are_sorted_by_date(ilrs: Runner) -> None:
    starts = [item["start"] for item in events(ilrs)]
    assert starts == sorted(starts)


def test_after_includes_spans_that_reach_the_date(ilrs: Runner) -> None:
    assert ids(events(ilrs, "--after", "2029")) == [
        "ce8-launch",
        "ilrs-construction-begins",
        "ilrs-basic-station",
        "ilrs-extended-network",
    ]


def test_before_includes_the_whole_given_month(ilrs: Runner) -> None:
    found = ids(events(ilrs, "--before", "2023-10"))
    assert "belarus-signs" in found  # 2023-10-23
    assert "ce8-letters-of-intent-due" not in found  # 2023-12
    assert found[0] == "russia-signs"


def test_after_and_before_together(ilrs: Runner) -> None:
    assert ids(events(ilrs, "--after", "2026-06", "--before", "2026-06")) == ["ce7-launch"]
    assert ids(events(ilrs, "--after", "2025-04-24", "--before", "2025-04-24")) == [
        "ce8-payloads-selected"
    ]


@pytest.mark.parametrize("spelling", ["Chang'e-7", "change-7", "CE-7", "ce7", "CHANG'E 7"])
def test_mission_spellings(ilrs: Runner, spelling: str) -> None:
    assert ids(events(ilrs, "--mission", spelling)) == ["ce7-launch"]


def test_unknown_mission_lists_the_valid_ones(ilrs: Runner) -> None:
    outcome = ilrs("timeline", "--mission", "Apollo")
    assert outcome.exit_code == 2
    assert "Chang'e-7, Chang'e-8, ILRS" in outcome.stderr


@pytest.mark.parametrize("bad", ["2025-13", "April 2025", "25", "2025-02-30"])
def test_bad_dates_are_usage_errors(ilrs: Runner, bad: str) -> None:
    outcome = ilrs("timeline", "--after", bad)
    assert outcome.exit_code == 2
    assert "YYYY, YYYY-MM or YYYY-MM-DD" in outcome.stderr


def test_empty_range_is_ok(ilrs: Runner) -> None:
    assert events(ilrs, "--before", "2020") == []
    outcome = ilrs("timeline", "--before", "2020")
    assert outcome.exit_code == 0
    assert "no events" in outcome.stderr


def test_table_says_statuses_are_judged_at_the_as_of_date(ilrs: Runner) -> None:
    outcome = ilrs("timeline", "--mission", "Chang'e-8", env={"COLUMNS": "300"})
    assert "planned or done) is as of 2026-04-13" in outcome.stdout
    assert "2028 to 2029" in outcome.stdout  # dates keep their precision, said for people
    assert "2028/2029" not in outcome.stdout
