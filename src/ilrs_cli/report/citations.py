"""The references behind records: each source a record cites, where in it, and the date it
was accessed (its own `accessed`, else the dataset's as-of date)."""

from __future__ import annotations

import datetime
from typing import Any, NamedTuple

from ..core.records import Citation, Dataset, Source


class Reference(NamedTuple):
    """One source as cited by one record: `at` says where in the source, when known."""

    source: Source
    at: str | None
    accessed: datetime.date


def references(dataset: Dataset, record: Any) -> list[Reference]:
    """The sources behind `record` (or the source itself, when `record` is a Source)."""
    as_of = dataset.info.as_of
    if isinstance(record, Source):
        return [Reference(record, None, record.accessed or as_of)]
    citations: tuple[Citation, ...] = record.sources
    return [Reference(c.source, c.at, c.source.accessed or as_of) for c in citations]


class Bibliography(NamedTuple):
    """The references behind some records, each source once: what `cite` prints."""

    cited: tuple[str, ...]  # the ids of the records cited
    references: tuple[Reference, ...]


def bibliography(dataset: Dataset, records: list[Any]) -> Bibliography:
    entries = [entry for record in records for entry in references(dataset, record)]
    return Bibliography(tuple(record.id for record in records), tuple(entries))
