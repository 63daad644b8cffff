"""The Python API refuses arguments of the wrong type with a QueryError that names the
argument and what it takes (docs/api.md promises IlrsError subclasses only), and takes a
`datetime.date` wherever a date is meant."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ilrs_cli import api
from ilrs_cli.core.records import Dataset

from .conftest import FROZEN


@pytest.fixture(scope="module")
def frozen() -> Dataset:
    return api.load(FROZEN)


WRONG: dict[str, tuple[Callable[[Dataset], Any], str, str]] = {
    "search(None)": (lambda d: api.search(None, dataset=d), "text", "a string"),  # type: ignore[arg-type]
    "search(5)": (lambda d: api.search(5, dataset=d), "text", "a string"),  # type: ignore[arg-type]
    "show(5)": (lambda d: api.show(5, dataset=d), "record_id", "a string"),  # type: ignore[arg-type]
    "payloads(country=b'TR')": (
        lambda d: api.payloads(country=b"TR", dataset=d),
        "country",
        "a string or a list",  # type: ignore[arg-type]
    ),
    "payloads(country=[1])": (
        lambda d: api.payloads(country=[1], dataset=d),
        "country",
        "a string or a list",  # type: ignore[list-item]
    ),
    "payloads(mission=3)": (
        lambda d: api.payloads(mission=3, dataset=d),
        "mission",
        "a string or a list",  # type: ignore[arg-type]
    ),
    "payloads(region=['x'])": (
        lambda d: api.payloads(region=["Asia"], dataset=d),
        "region",
        "a string",  # type: ignore[arg-type]
    ),
    "members(level=1)": (lambda d: api.members(level=1, dataset=d), "level", "a string"),  # type: ignore[arg-type]
    "members(as_of=2024)": (lambda d: api.members(as_of=2024, dataset=d), "as_of", "a date"),  # type: ignore[arg-type]
    "timeline(after=[])": (lambda d: api.timeline(after=[], dataset=d), "after", "a date"),  # type: ignore[arg-type]
    "timeline(kind=5)": (lambda d: api.timeline(kind=5, dataset=d), "kind", "a string or a list"),  # type: ignore[arg-type]
    "sources(cited_by=5)": (lambda d: api.sources(cited_by=5, dataset=d), "cited_by", "a string"),  # type: ignore[arg-type]
    "cite(5)": (lambda d: api.cite(5, dataset=d), "record_id", "a string or a list"),  # type: ignore[arg-type]
    "cite(format=None)": (
        lambda d: api.cite("egypt", format=None, dataset=d),
        "format",
        "a string",
    ),  # type: ignore[arg-type]
    "info(dataset='x')": (lambda d: api.info(dataset="x"), "dataset", "a Dataset"),  # type: ignore[arg-type]
    "load(5)": (lambda d: api.load(5), "path", "a path"),  # type: ignore[arg-type]
    "signatories(as_of=1)": (
        lambda d: api.signatories(as_of=1, dataset=d),
        "as_of",
        "a date",  # type: ignore[arg-type]
    ),
    "signings(country=b'TR')": (
        lambda d: api.signings(country=b"TR", dataset=d),
        "country",
        "a string or a list",  # type: ignore[arg-type]
    ),
    "growth(level=5)": (lambda d: api.growth(level=5, dataset=d), "level", "a string or a list"),  # type: ignore[arg-type]
    "countries(camp=1)": (lambda d: api.countries(camp=1, dataset=d), "camp", "a string"),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("call", WRONG)
def test_a_wrong_type_is_a_query_error_naming_the_argument(frozen: Dataset, call: str) -> None:
    function, argument, wanted = WRONG[call]
    with pytest.raises(api.QueryError) as caught:
        function(frozen)
    assert caught.value.argument == argument
    assert wanted in str(caught.value), str(caught.value)
    assert isinstance(caught.value, api.IlrsError)


def test_a_date_is_taken_where_a_date_is_meant(frozen: Dataset) -> None:
    day = datetime.date(2024, 1, 1)
    assert api.members(as_of=day, dataset=frozen) == api.members(as_of="2024-01-01", dataset=frozen)
    assert api.timeline(after=day, before=datetime.date(2025, 6, 30), dataset=frozen) == (
        api.timeline(after="2024-01-01", before="2025-06-30", dataset=frozen)
    )
    assert api.signatories(as_of=day, dataset=frozen) == (
        api.signatories(as_of="2024-01-01", dataset=frozen)
    )
    assert api.growth(as_of=day, dataset=frozen) == api.growth(as_of="2024-01-01", dataset=frozen)
    moment = datetime.datetime(2024, 1, 1, 12, 0)  # a datetime is a date: its day
    assert api.members(after=moment, dataset=frozen) == api.members(after=day, dataset=frozen)


def test_paths_and_lists_of_every_kind_still_work(frozen: Dataset) -> None:
    assert api.load(Path(FROZEN)).info == frozen.info
    assert api.load(str(FROZEN)).info == frozen.info
    both = api.payloads(country=("Egypt", "IR"), dataset=frozen)
    assert both == api.payloads(country=["Egypt", "IR"], dataset=frozen)
    assert api.cite(("egypt",), dataset=frozen) == api.cite("egypt", dataset=frozen)
