"""Text search across records of every kind, over the attributes the registry names."""

from __future__ import annotations

from typing import Any, NamedTuple

from ..core.kinds import Kind, Record, all_records
from ..core.records import Dataset, Institution, Place
from ..core.text import fold


def _as_text(value: Any) -> str | None:
    """What search reads of one attribute: text as it is, a place by its name, partner
    institutions by their names."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, Place):
        return value.name
    if isinstance(value, tuple) and all(isinstance(item, Institution) for item in value):
        return "; ".join(
            " ".join(filter(None, (inst.name, inst.short_name, inst.name_zh))) for inst in value
        )
    return str(value)


def searchable_text(kind: Kind, record: Record) -> dict[str, str]:
    """The attributes of a record that search looks at, by name, where they have text."""
    found = {}
    for attribute in kind.search:
        text = _as_text(getattr(record, attribute, None))
        if text:
            found["country" if attribute == "place" else attribute] = text
    return found


class Hit(NamedTuple):
    kind: Kind
    record: Record
    field: str
    snippet: str


def search(dataset: Dataset, text: str) -> list[Hit]:
    """Records whose searchable text contains `text`, ignoring case and accents; one hit per
    record (its first matching field), grouped by kind."""
    wanted = fold(text)
    hits = []
    for kind, record in all_records(dataset):
        for field, value in searchable_text(kind, record).items():
            if wanted in fold(value):
                hits.append(Hit(kind, record, field, _snippet(value, wanted)))
                break
    return hits


def _snippet(value: str, wanted: str, room: int = 70) -> str:
    """The part of `value` around the first match, at most about `room` characters."""
    if len(value) <= room:
        return value
    folded = fold(value)
    ratio = len(value) / max(len(folded), 1)
    centre = int(folded.find(wanted) * ratio)
    start = max(0, centre - room // 3)
    end = min(len(value), start + room)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(value) else ""
    return prefix + value[start:end].strip() + suffix
