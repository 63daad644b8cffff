"""Facts of the bundled data about the strict camps and the place rule: which states
documented both camps, and Hong Kong in the ILRS via China. A data release changes these
tests and no others."""

from __future__ import annotations

from typing import Any

import pytest

from ilrs_cli import api
from ilrs_cli.core.records import Dataset


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return api.load()


def names(rows: list[dict[str, Any]]) -> list[str]:
    return [row["country"] for row in rows]


def test_only_thailand_and_senegal_documented_both_as_states(dataset: Dataset) -> None:
    loose = api.countries(camp="both", dataset=dataset)
    assert len(loose) == 11  # Oman since 1.3.0 (Oman Lens, a company)
    strict = api.countries(camp="both", documented=True, level="national", dataset=dataset)
    assert names(strict) == ["Senegal", "Thailand"]
    assert [row["first"] for row in strict] == ["ilrs", "ilrs"]
    # national, but only reported: Argentina, Bahrain, Brazil
    national = api.countries(camp="both", level="national", dataset=dataset)
    assert names(national) == ["Argentina", "Bahrain", "Brazil", "Senegal", "Thailand"]
    documented = api.countries(camp="both", documented=True, dataset=dataset)
    assert names(documented) == [
        "Oman", "Panama", "Senegal", "Switzerland", "Thailand", "United Arab Emirates",
    ]  # fmt: skip


def test_hong_kong_is_in_the_ilrs_via_china(dataset: Dataset) -> None:
    (hong_kong,) = api.countries(country="Hong Kong", dataset=dataset)
    assert (hong_kong["camps"], hong_kong["camps_via"]) == ("ilrs-only", "China")
    assert hong_kong["ilrs_standing"] == "via China, which leads the ILRS"
    assert hong_kong["payloads"]  # it flies a Chang'e-8 payload
    (strict,) = api.countries(country="Hong Kong", documented=True, dataset=dataset)
    assert strict["camps"] == "neither"
    (hawaii,) = api.countries(country="Hawaii", dataset=dataset)
    assert (hawaii["camps"], hawaii["camps_via"]) == ("both", "United States")


def test_the_strict_signings_are_those_of_thailand_and_senegal(dataset: Dataset) -> None:
    rows = api.signings(camp="both", documented=True, level="national", dataset=dataset)
    assert sorted((row["country"], row["camp"]) for row in rows) == [
        ("Senegal", "Artemis Accords"), ("Senegal", "ILRS"),
        ("Thailand", "Artemis Accords"), ("Thailand", "ILRS"),
    ]  # fmt: skip
