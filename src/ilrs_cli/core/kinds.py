"""The registry of record kinds: the one place where the kinds of record are listed.

The loader reads the tables in this order, search and `show` look through them, `check` and
`info` count them, completion offers their ids, and the schema reference documents them. Adding
a kind is a record type in `records`, its fields in `core.schema` (its JSON object and its
columns follow from them), one entry here, and its list command where it has one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .records import (
    Dataset,
    Event,
    Fact,
    Institution,
    Member,
    Mission,
    Payload,
    Signatory,
    Source,
)
from .tuples import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

Record = Source | Institution | Payload | Member | Mission | Event | Fact | Signatory


class Kind(NamedTuple):
    name: str  # what one record is called: "payload"
    plural: str  # the dataset table ([[payloads]]) and the Dataset attribute
    record_type: type[Any]
    title: Callable[[Any], str]  # a short name for the record, in lists and completion
    search: tuple[str, ...]  # the attributes search reads, in this order
    listed: int  # its place when kinds are listed to users

    def make(self, values: dict[str, Any]) -> Any:
        """The record of these field values; those its type has no attribute for go in its
        `extra` (core.records)."""
        own = _ATTRIBUTES.get(self.record_type)
        if own is None:
            own = _ATTRIBUTES[self.record_type] = frozenset(self.record_type._fields)
        if values.keys() <= own:
            return self.record_type(**values)
        extra = tuple((name, value) for name, value in values.items() if name not in own)
        return self.record_type(**{n: v for n, v in values.items() if n in own}, extra=extra)


_ATTRIBUTES: dict[type[Any], frozenset[str]] = {}


def _name(record: Any) -> str:
    return str(record.name)


KINDS: tuple[Kind, ...] = (  # in loading order: a kind after the kinds it refers to
    Kind("source", "sources", Source, lambda r: r.title,
         ("title", "author", "publisher", "via", "note"), 7),
    Kind("institution", "institutions", Institution, _name,
         ("name", "short_name", "aliases", "name_zh", "place", "note"), 6),
    Kind("payload", "payloads", Payload, _name,
         ("name", "name_zh", "description", "institutions", "mission"), 0),
    Kind("member", "members", Member, _name,
         ("name", "short_name", "aliases", "place", "agreement", "note"), 1),
    Kind("mission", "missions", Mission, _name,
         ("name", "full_name", "name_zh", "note"), 3),
    Kind("event", "events", Event, lambda r: r.event, ("event", "note"), 4),
    Kind("fact", "facts", Fact, lambda r: f"{r.mission}: {r.topic}",
         ("topic", "text", "note"), 5),
    Kind("signatory", "signatories", Signatory, lambda r: r.title,
         ("title", "place", "signed_by", "location", "note"), 2),
)  # fmt: skip

LISTED: tuple[Kind, ...] = tuple(sorted(KINDS, key=lambda kind: kind.listed))
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
BY_PLURAL: dict[str, Kind] = {kind.plural: kind for kind in KINDS}


def kind_of(record: Any) -> Kind:
    for kind in KINDS:
        if isinstance(record, kind.record_type):
            return kind
    raise TypeError(f"not a record: {type(record).__name__}")


def records_of(dataset: Dataset, kind: Kind) -> tuple[Any, ...]:
    return tuple(getattr(dataset, kind.plural))


def all_records(dataset: Dataset) -> Iterator[tuple[Kind, Record]]:
    """Every record with its kind, kinds in the order users see them."""
    for kind in LISTED:
        for record in getattr(dataset, kind.plural):
            yield kind, record


def kind_names() -> str:
    """'payload, member, mission, ...': for help texts and messages."""
    return ", ".join(kind.name for kind in LISTED)
