"""Indexes of a dataset, built once per dataset on first use, so that every report stays
linear: which records cite each source, which payloads each institution is a partner of, and
what is at each place. A question about one record is then a dictionary lookup, never a scan
of every record (which, asked once per record, made `diff` quadratic)."""

from __future__ import annotations

import _thread
from collections.abc import Callable

from ..core.records import Dataset, Institution, Member, Payload, Place, Signatory
from ..core.tuples import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TypeVar

    from ..core.kinds import Kind, Record

    T = TypeVar("T")

_KEPT = 4  # datasets whose indexes are kept: `diff` reads two at a time
_BUILT: dict[int, tuple[Dataset, dict[str, Any]]] = {}
_LOCK = _thread.allocate_lock()  # threading's Lock, without importing threading


def per_dataset(dataset: Dataset, name: str, build: Callable[[Dataset], T]) -> T:
    """The index `name` of `dataset`, built by `build` the first time: the one cache of what
    is derived from a dataset. The dataset itself is kept with its indexes, so its id cannot
    be reused for another while they are; the last few datasets are kept, since `diff` asks
    of two in turn."""
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
    return per_dataset(dataset, "citing", _citing)


def _partners(dataset: Dataset) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for payload in dataset.payloads:
        for institution_id in dict.fromkeys(i.id for i in payload.institutions):
            found.setdefault(institution_id, []).append(payload.id)
    return found


def payloads_with(dataset: Dataset, institution: Institution) -> list[str]:
    """The ids of the payloads `institution` is a partner of, in the data's order."""
    return per_dataset(dataset, "partners", _partners).get(institution.id, [])


class AtPlace(NamedTuple):
    members: list[Member]
    institutions: list[Institution]
    payloads: list[Payload]
    signatories: list[Signatory]


def _places(dataset: Dataset) -> dict[Place, AtPlace]:
    found: dict[Place, AtPlace] = {}

    def at(place: Place) -> AtPlace:
        return found.setdefault(place, AtPlace([], [], [], []))

    for member in dataset.members:
        at(member.place).members.append(member)
    for institution in dataset.institutions:
        at(institution.place).institutions.append(institution)
    for payload in dataset.payloads:
        for place in dict.fromkeys(payload.places):
            at(place).payloads.append(payload)
    for signatory in dataset.signatories:
        at(signatory.place).signatories.append(signatory)
    return found


def at_place(dataset: Dataset, place: Place) -> AtPlace:
    """The members, institutions, payloads (through a partner) and Artemis signatories at
    `place`."""
    return per_dataset(dataset, "places", _places).get(place, AtPlace([], [], [], []))


class ById(NamedTuple):
    exact: dict[str, tuple[Kind, Record]]  # id -> the first record with it
    folded: dict[str, tuple[Kind, Record]]  # casefolded id -> the first record with it


def _ids(dataset: Dataset) -> ById:
    from ..core.kinds import all_records

    exact: dict[str, tuple[Kind, Record]] = {}
    folded: dict[str, tuple[Kind, Record]] = {}
    for kind, record in all_records(dataset):
        exact.setdefault(record.id, (kind, record))
        folded.setdefault(record.id.casefold(), (kind, record))
    return ById(exact, folded)


def by_id(dataset: Dataset) -> ById:
    """Every record by its id, and by its id in any case; the first in `all_records` order."""
    return per_dataset(dataset, "ids", _ids)


def _positions(dataset: Dataset) -> dict[int, int]:
    from ..core.kinds import all_records

    return {id(record): number for number, (_, record) in enumerate(all_records(dataset))}


def at_places(dataset: Dataset, places: list[Place]) -> AtPlace:
    """What is at any of `places`, each record once, in the data's order."""
    if len(places) == 1:
        return at_place(dataset, places[0])
    position = per_dataset(dataset, "positions", _positions)
    found = [at_place(dataset, place) for place in places]

    def merged(lists: list[list[T]]) -> list[T]:
        unique = {id(record): record for records in lists for record in records}
        return sorted(unique.values(), key=lambda record: position[id(record)])

    return AtPlace(
        merged([f.members for f in found]),
        merged([f.institutions for f in found]),
        merged([f.payloads for f in found]),
        merged([f.signatories for f in found]),
    )


def _member_names(dataset: Dataset) -> dict[str, str]:
    return {member.id: member.short_name or member.name for member in dataset.members}


def member_name(dataset: Dataset, member_id: str) -> str:
    """The short name (else the name) of the member with this id, `member_id` itself when there
    is none: one lookup, so naming every affiliated member's organization stays linear."""
    return per_dataset(dataset, "member_names", _member_names).get(member_id, member_id)
