"""The bundled Artemis Accords signatories: sourced, numbered as their sources number them,
and the answers to the comparative questions on the bundled data."""

from __future__ import annotations

import pytest

from ilrs_cli import api
from ilrs_cli.core.records import Dataset, Signatory
from ilrs_cli.core.vocab import MemberStatus

OFFICIAL = ("NASA", "U.S. Department of State", "U.S. Embassy")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return api.load()


# Latvia (1.3.0): SpaceNews reports its signature, the official counts leave it out.
DISPUTED = "artemis-latvia"


def counted(dataset: Dataset) -> list[Signatory]:
    """The signatories the official counts number: all but the disputed one."""
    return [s for s in dataset.signatories if s.id != DISPUTED]


def test_latvia_is_a_signatory_with_the_conflict_stated(dataset: Dataset) -> None:
    (latvia,) = [s for s in dataset.signatories if s.id == DISPUTED]
    assert (latvia.place.name, latvia.date.text, latvia.order) == ("Latvia", "2025-10", None)
    assert latvia.signed_by is None and latvia.location is None
    cited = {c.source.id for c in latvia.sources}
    assert {"flyingtomars-spacenews-latvia", "researchlatvia-artemis"} <= cited  # it signed
    assert {"menafn-state-portugal", "starlust-61-countries"} <= cited  # counts without it
    assert "disagree" in (latvia.note or "") and "60th" in (latvia.note or "")


def test_sixty_one_signatories_to_the_as_of_date(dataset: Dataset) -> None:
    assert len(dataset.signatories) == 62
    signatories = counted(dataset)
    assert len(signatories) == 61
    assert sum(s.order is not None for s in signatories) == 49
    assert all(s.date.start <= dataset.info.as_of for s in signatories)
    assert all(s.date.is_day for s in signatories)
    newest = max(signatories, key=lambda s: s.date.start)
    assert (newest.place.name, newest.date.text, newest.order) == ("Oman", "2026-01-26", 61)


def test_every_signatory_cites_a_source_and_all_but_one_an_official_statement(
    dataset: Dataset,
) -> None:
    assert all(s.sources for s in dataset.signatories)
    unofficial = [
        s.place.name
        for s in dataset.signatories
        if not any(c.source.publisher.startswith(OFFICIAL) for c in s.sources)
    ]
    assert unofficial == ["Oman"]


def test_ordinals_agree_with_the_order_of_the_signing_dates(dataset: Dataset) -> None:
    ranked = sorted(
        counted(dataset),  # the ordinals skip Latvia
        key=lambda s: (s.date.start, s.order is None, s.order or 0, s.id),
    )
    for rank, signatory in enumerate(ranked, start=1):
        if signatory.order is not None:
            assert signatory.order == rank, signatory.id
    founders = [s.place.name for s in ranked[:8]]
    assert all(s.date.text == "2020-10-13" and s.order is None for s in ranked[:8]), founders


def test_counts_by_year_agree_with_the_sources_ordinals(dataset: Dataset) -> None:
    rows = api.signatories(dataset=dataset)
    by_year: dict[str, int] = {}
    for row in rows:
        by_year[row["date"][:4]] = by_year.get(row["date"][:4], 0) + 1
    total = 0
    for year, count in sorted(by_year.items()):
        total += count
        numbered = [r["order"] for r in rows if r["date"].startswith(year) and r["order"]]
        assert max(numbered) <= total, year  # the highest ordinal of a year is its total
    growth = api.growth(dataset=dataset)
    assert [(r["year"], r["artemis"], r["artemis_total"]) for r in growth] == [
        ("2020", 9, 9), ("2021", 5, 14), ("2022", 9, 23), ("2023", 10, 33), ("2024", 19, 52),
        ("2025", 8, 60), ("2026", 2, 62), (None, 0, 62),  # 2025 with Latvia
    ]  # fmt: skip
    totals = {r["year"]: r["artemis_total"] for r in growth}
    last_of_year = {"2020": "Ukraine", "2021": "Mexico", "2023": "Angola", "2024": "Liechtenstein"}
    for year, country in last_of_year.items():
        (signatory,) = [s for s in dataset.signatories if s.place.name == country]
        assert signatory.order == totals[year], country


# --- The five questions, on the bundled data -----------------------------------------------


def test_payload_partners_that_signed_the_accords(dataset: Dataset) -> None:
    rows = api.signatories(partners=True, dataset=dataset)
    assert [(r["country"], r["date"], r["order"]) for r in rows] == [
        ("Italy", "2020-10-13", None),  # a founding signatory
        ("Bahrain", "2022-03-02", 17),
        ("Peru", "2024-05-30", 41),
        ("Thailand", "2024-12-16", 51),
    ]
    ce8 = api.signatories(mission="Chang'e-8", dataset=dataset)
    assert [r["country"] for r in ce8] == ["Italy", "Bahrain", "Peru", "Thailand"]


def test_countries_in_each_camp_and_which_came_first(dataset: Dataset) -> None:
    both = {r["country"]: r["first"] for r in api.countries(camp="both", dataset=dataset)}
    assert both == {
        "Argentina": "unclear",  # reported in the ILRS (1.2.0), with no date
        "Bahrain": "unclear",
        "Brazil": "unclear",
        "Hawaii": "artemis",
        "Oman": "ilrs",  # Oman Lens, 2 December 2024; the Accords, 26 January 2026 (1.3.0)
        "Panama": "ilrs",
        "Peru": "unclear",
        "Senegal": "ilrs",
        "Switzerland": "ilrs",
        "Thailand": "ilrs",
        "United Arab Emirates": "artemis",
    }
    counts = {
        camp: len(api.countries(camp=camp, dataset=dataset))
        for camp in ("ilrs-only", "artemis-only", "neither")
    }
    assert counts == {"ilrs-only": 22, "artemis-only": 52, "neither": 0}  # Hong Kong, via China


def test_how_both_camps_grew(dataset: Dataset) -> None:
    rows = api.growth(dataset=dataset)
    assert [(r["year"], r["ilrs"], r["ilrs_total"]) for r in rows] == [
        ("2020", 0, 0), ("2021", 1, 1), ("2022", 0, 1), ("2023", 6, 7), ("2024", 5, 12),
        ("2025", 0, 12), ("2026", 0, 12), (None, 7, 19),
    ]  # fmt: skip


def test_bahrain_in_both_camps(dataset: Dataset) -> None:
    (bahrain,) = api.countries(country="Bahrain", dataset=dataset)
    assert bahrain["ilrs_standing"] == "national, reported"
    assert (bahrain["artemis"]["date"], bahrain["artemis"]["order"]) == ("2022-03-02", 17)
    assert [(p["id"], p["mission"]) for p in bahrain["payloads"]] == [
        ("imaging-system", "Chang'e-8"),
        ("ce7-hyperspectral-imager", "Chang'e-7"),
    ]


def test_both_camps_on_one_timeline(dataset: Dataset) -> None:
    rows = api.signings(dataset=dataset)
    assert len(rows) == 23 + 62  # the dated ILRS participants and every signatory
    assert rows[0]["camp"] == "Artemis Accords" and rows[0]["date"] == "2020-10-13"
    first_ilrs = next(r for r in rows if r["camp"] == "ILRS")
    assert (first_ilrs["id"], first_ilrs["date"]) == ("russia", "2021-03-09")


def test_latvia_is_the_one_signing_reported_the_rest_the_official_count(dataset: Dataset) -> None:
    reported = [s.place.name for s in dataset.signatories if s.status is MemberStatus.REPORTED]
    assert reported == ["Latvia"]
    signed = [s for s in dataset.signatories if s.status is MemberStatus.SIGNED]
    assert len(signed) == max(s.order or 0 for s in dataset.signatories) == 61
    assert len(api.signatories(documented=True, dataset=dataset)) == 61
