"""The records a successful check built, as JSON data, and back: what the cache keeps of a
dataset file, so that bytes which passed every check are not parsed and checked again.

A record is a row, its fields in order, each written as its annotation in `core.records`
says (read as the text it is, never evaluated): a place by its name, a citation as [source id,
where], an institution by its id, a date as ISO text, a vocabulary word as its value. Reading
rows back looks these up among the records read before them (the kinds are in loading order),
so the Dataset equals the one the check built and shares its objects as that one did. A type
with no codec here is never written, so such a dataset is simply not cached.
"""

from __future__ import annotations

import datetime
import enum
import sys

from ..core.dates import FuzzyDate
from ..core.field_types import FieldType
from ..core.kinds import KINDS
from ..core.records import Citation, Dataset, DatasetInfo, Institution, Place, Source

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    from ..core.records import Extra

    Found = dict[type, dict[str, Any]]  # the records read so far: a place by name, others by id
    Encode = Callable[[Any], Any]
    Decode = Callable[[Any, Found], Any]

_SAME: tuple[Encode, Decode] = (lambda value: value, lambda value, _found: value)


def records_of(dataset: Dataset) -> dict[str, Any]:
    """The records of `dataset` as JSON data; TypeError for a type with no codec."""
    rows = {"info": _rows(DatasetInfo, [dataset.info])[0], "places": _rows(Place, dataset.places)}
    for kind in KINDS:
        rows[kind.plural] = _rows(kind.record_type, getattr(dataset, kind.plural))
    return rows


def dataset_from(rows: dict[str, Any], path: str, bundled: bool) -> Dataset | None:
    """The Dataset that `records_of` wrote, or None when the data is not such rows. The rows
    are used up: each table is let go once its records are made."""
    try:
        found: Found = {}
        (info,) = _records(DatasetInfo, [rows.pop("info")], found)
        places = _records(Place, rows.pop("places"), found)
        found[Place] = {place.name: place for place in places}
        tables = {}
        for kind in KINDS:
            tables[kind.plural] = _records(kind.record_type, rows.pop(kind.plural), found)
            if kind.record_type in (Source, Institution):  # what later rows refer to
                found[kind.record_type] = {record.id: record for record in tables[kind.plural]}
        return Dataset(path=path, bundled=bundled, info=info, places=places, **tables)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError):
        return None


def _rows(record_type: type, records: Iterable[Any]) -> list[list[Any]]:
    """The rows of `records`, all of `record_type`: only the fields written otherwise than
    as they are (not str, bool, int or float) are encoded, as `_records` decodes them."""
    steps = [
        (position, encode)
        for position, (encode, _decode) in enumerate(_codecs(record_type))
        if encode is not _SAME[0]
    ]
    rows = []
    for record in records:
        row = list(record)
        for position, encode in steps:
            if row[position] is not None:
                row[position] = encode(row[position])
        rows.append(row)
    return rows


def _records(record_type: type, rows: list[list[Any]], found: Found) -> tuple[Any, ...]:
    steps = [
        (position, decode)
        for position, (_encode, decode) in enumerate(_codecs(record_type))
        if decode is not _SAME[1]
    ]
    make = record_type._make  # type: ignore[attr-defined]
    records = []
    for row in rows:
        if not isinstance(row, list):
            raise TypeError("not a row")
        for position, decode in steps:
            if row[position] is not None:
                row[position] = decode(row[position], found)
        records.append(make(row))
    return tuple(records)


_FIELD_CODECS: dict[type, tuple[tuple[Encode, Decode], ...]] = {}


def _codecs(record_type: type) -> tuple[tuple[Encode, Decode], ...]:
    """How each field of a record type is written and read, from its annotations."""
    found = _FIELD_CODECS.get(record_type)
    if found is None:
        names = vars(sys.modules[record_type.__module__])
        annotations: dict[str, str] = record_type.__annotations__
        fields: tuple[str, ...] = record_type._fields  # type: ignore[attr-defined]
        found = _FIELD_CODECS[record_type] = tuple(
            _extra_codec(record_type) if name == "extra" else _codec(annotations[name], names)
            for name in fields
        )
    return found


def _extra_codec(record_type: type) -> tuple[Encode, Decode]:
    """A record's `extra`, the declared fields it has no attribute for: each value written as
    JSON gives it and read back by its field type's own reader. A linked field (a place, a
    citation) is resolved by the builder, so a record that kept one here is not cached."""
    from ..core.schema import TABLES

    (kind,) = [kind for kind in KINDS if kind.record_type is record_type]
    table = TABLES[kind.plural]

    def field_type(name: str) -> FieldType:
        field = table.field(name)
        if field is None or field.type.link is not None:
            raise TypeError(f"no cache codec for {kind.plural}.{name}")
        return field.type

    def encode(extra: Extra) -> list[list[Any]]:
        return [[name, field_type(name).json(value)] for name, value in extra]

    def decode(pairs: list[list[Any]], _found: Found) -> Extra:
        return tuple((name, field_type(name).read(value)) for name, value in pairs)

    return encode, decode


def _codec(annotation: str, names: dict[str, Any]) -> tuple[Encode, Decode]:
    """The codec of a field annotated `annotation`, its names looked up in `names` (the
    namespace of the record's module)."""
    annotation = annotation.removesuffix(" | None")  # None is written as null, unchanged
    if annotation.startswith("tuple[") and annotation.endswith(", ...]"):
        item = _CODECS.get(_named(annotation[6:-6], names))
        if item is None:
            raise TypeError(f"no cache codec for {annotation!r}")
        encode, decode = item
        return (
            lambda items: [encode(each) for each in items],
            lambda values, found: tuple([decode(each, found) for each in values]),
        )
    hint = _named(annotation, names)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        members = {member.value: member for member in hint}
        return lambda word: word.value, lambda value, _found: members[value]
    if hint in _CODECS:
        return _CODECS[hint]
    raise TypeError(f"no cache codec for {annotation!r}")


def _named(annotation: str, names: dict[str, Any]) -> Any:
    """What a dotted name such as `datetime.date` names in `names`; None for anything else."""
    head, *attributes = annotation.split(".")
    value = names.get(head, _BUILTINS.get(head))
    for attribute in attributes:
        value = getattr(value, attribute, None)
    return value


def _day(value: str, _found: Found) -> datetime.date:
    return datetime.date.fromisoformat(value)


_BUILTINS: dict[str, type] = {"str": str, "bool": bool, "int": int, "float": float}
_CODECS: dict[Any, tuple[Encode, Decode]] = {
    str: _SAME,
    bool: _SAME,
    int: _SAME,
    float: _SAME,
    datetime.date: (lambda day: day.isoformat(), _day),
    FuzzyDate: (
        lambda date: [date.text, date.start.isoformat(), date.end.isoformat()],
        lambda value, _found: FuzzyDate(value[0], _day(value[1], {}), _day(value[2], {})),
    ),
    Place: (lambda place: place.name, lambda name, found: found[Place][name]),
    Institution: (lambda record: record.id, lambda id_, found: found[Institution][id_]),
    Citation: (
        lambda citation: [citation.source.id, citation.at],
        lambda value, found: Citation(found[Source][value[0]], value[1]),
    ),
}
