"""Indexes of a dataset, built once per dataset on first use, so that every report stays
linear: which records cite each source, which payloads each institution is a partner of, and
what is at each place. A question about one record is then a dictionary lookup, never a scan
of every record (which, asked once per record, made `diff` quadratic)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from ..core.records import Dataset, Institution, Member, Payload, Place

T = TypeVar("T")

_KEPT = 4  # datasets whose indexes are kept: `diff` reads two at a time
_BUILT: dict[int, tuple[Dataset, dict[str, Any]]] = {}
_LOCK = threading.Lock()


def _kept(dataset: Dataset, name: str, build: Callable[[Dataset], T]) -> T:
    """The index `name` of `dataset`, built by `build` the first time. The dataset itself is
    kept with its indexes, so its id cannot be reused for another while they are."""
    with _LOCK:
        entry = _BUILT.get(id(dataset))
        if entry is None or entry[0] is not dataset:
            while len(_BUILT) >= _KEPT:
                del _BUILT[next(iter(_BUILT))]
            entry = _BUILT[id(dataset)] = (dataset, {})
        indexes = entry[1]
    if name not in indexes:
        indexes[name] = build(dataset)
    found: T = indexes[name]
    return found


def _citing(dataset: Dataset) -> dict[str, list[str]]:
    from ..core.kinds import all_records

    found: dict[str, list[str]] = {}
    for _, record in all_records(dataset):
        for source_id in dict.fromkeys(c.source.id for c in getattr(record, "sources", ())):
            found.setdefault(source_id, []).append(record.id)
    return found


def citing(dataset: Dataset) -> dict[str, list[str]]:
    """Source id -> the ids of the records that cite it, each once, in the order of
    `all_records`."""
    return _kept(dataset, "citing", _citing)


def _partners(dataset: Dataset) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for payload in dataset.payloads:
        for institution_id in dict.fromkeys(i.id for i in payload.institutions):
            found.setdefault(institution_id, []).append(payload.id)
    return found


def payloads_with(dataset: Dataset, institution: Institution) -> list[str]:
    """The ids of the payloads `institution` is a partner of, in the data's order."""
    return _kept(dataset, "partners", _partners).get(institution.id, [])


class AtPlace(NamedTuple):
    members: list[Member]
    institutions: list[Institution]
    payloads: list[Payload]


def _places(dataset: Dataset) -> dict[Place, AtPlace]:
    found: dict[Place, AtPlace] = {}

    def at(place: Place) -> AtPlace:
        return found.setdefault(place, AtPlace([], [], []))

    for member in dataset.members:
        at(member.place).members.append(member)
    for institution in dataset.institutions:
        at(institution.place).institutions.append(institution)
    for payload in dataset.payloads:
        for place in dict.fromkeys(payload.places):
            at(place).payloads.append(payload)
    return found


def at_place(dataset: Dataset, place: Place) -> AtPlace:
    """The members, institutions and payloads (through a partner) at `place`."""
    return _kept(dataset, "places", _places).get(place, AtPlace([], [], []))
