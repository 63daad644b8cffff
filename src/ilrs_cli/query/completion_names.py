"""The names a person types for a dataset's records: countries and regions with their codes,
record ids with short titles, and mission names. Completion offers them, and keeps them in
the cache (as plain JSON) so that a Tab does not rebuild the whole dataset."""

from __future__ import annotations

from ..core.tuples import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:  # a Tab that finds the names kept in the cache imports no record types
    from typing import Any

    from ..core.records import Dataset


class Names(NamedTuple):
    places: list[tuple[str, str]]  # (name, ISO code) of the countries and regions, in order
    records: list[tuple[str, str, str]]  # (kind, id, title), in the order users see them
    missions: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"places": self.places, "records": self.records, "missions": self.missions}

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Names | None:
        """The names in a cache entry, or None unless every part has the expected shape."""
        places, records, missions = (value.get(k) for k in ("places", "records", "missions"))
        if not (_rows(places, 2) and _rows(records, 3) and isinstance(missions, list)):
            return None
        if not all(isinstance(name, str) for name in missions):
            return None
        return cls([(a, b) for a, b in places], [(a, b, c) for a, b, c in records], missions)  # type: ignore[union-attr]


def _rows(value: Any, width: int) -> bool:
    return isinstance(value, list) and all(
        isinstance(row, list) and len(row) == width and all(isinstance(x, str) for x in row)
        for row in value
    )


def names_of(dataset: Dataset) -> Names:
    from ..core.kinds import all_records
    from .lookup import mission_names

    return Names(
        places=[(p.name, p.code) for p in dataset.places if p.code is not None],
        records=[(k.name, r.id, k.title(r)) for k, r in all_records(dataset)],
        missions=mission_names(dataset),
    )
