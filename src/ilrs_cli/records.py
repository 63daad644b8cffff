"""Records of every kind by id, and text search across them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from .countries import fold
from .model import Dataset, Event, Fact, Institution, Member, Mission, Payload, Source

Record = Payload | Member | Mission | Event | Institution | Fact | Source

# The order in which kinds are listed, named as users see them.
KINDS: tuple[tuple[str, str], ...] = (
    ("payload", "payloads"),
    ("member", "members"),
    ("mission", "missions"),
    ("event", "events"),
    ("fact", "facts"),
    ("institution", "institutions"),
    ("source", "sources"),
)


def records(dataset: Dataset) -> Iterator[tuple[str, Record]]:
    """Every record with its kind, in KINDS order."""
    for kind, attribute in KINDS:
        for record in getattr(dataset, attribute):
            yield kind, record


def find(dataset: Dataset, record_id: str) -> tuple[str, Record] | None:
    for kind, record in records(dataset):
        if record.id == record_id:
            return kind, record
    return None


def closest_ids(dataset: Dataset, record_id: str, count: int = 3) -> list[str]:
    import difflib

    ids = [record.id for _, record in records(dataset)]
    close = difflib.get_close_matches(record_id, ids, n=count, cutoff=0.5)
    if not close:
        close = [known for known in ids if record_id.lower() in known][:count]
    return close


def searchable_text(record: Record) -> dict[str, str]:
    """The fields of a record that search looks at, by name."""
    fields: dict[str, str | None]
    if isinstance(record, Payload):
        partners = "; ".join(
            " ".join(filter(None, (inst.name, inst.short_name, inst.name_zh)))
            for inst in record.institutions
        )
        fields = {
            "name": record.name,
            "name_zh": record.name_zh,
            "description": record.description,
            "institutions": partners,
        }
    elif isinstance(record, Member):
        fields = {
            "name": record.name,
            "short_name": record.short_name,
            "country": record.place.name,
            "agreement": record.agreement,
            "note": record.note,
        }
    elif isinstance(record, Mission):
        fields = {
            "name": record.name,
            "full_name": record.full_name,
            "name_zh": record.name_zh,
            "note": record.note,
        }
    elif isinstance(record, Event):
        fields = {"event": record.event, "note": record.note}
    elif isinstance(record, Fact):
        fields = {"topic": record.topic, "text": record.text, "note": record.note}
    elif isinstance(record, Institution):
        fields = {
            "name": record.name,
            "short_name": record.short_name,
            "name_zh": record.name_zh,
            "country": record.place.name,
            "note": record.note,
        }
    else:
        fields = {"title": record.title, "publisher": record.publisher, "note": record.note}
    return {name: text for name, text in fields.items() if text}


def title_of(record: Record) -> str:
    if isinstance(record, Event):
        return record.event
    if isinstance(record, Fact):
        return f"{record.mission}: {record.topic}"
    if isinstance(record, Source):
        return record.title
    return record.name


class Hit(NamedTuple):
    kind: str
    record: Record
    field: str
    snippet: str


def search(dataset: Dataset, text: str) -> list[Hit]:
    """Records whose searchable text contains `text`, ignoring case and accents; one hit per
    record (its first matching field), grouped by kind."""
    wanted = fold(text)
    hits = []
    for kind, record in records(dataset):
        for field, value in searchable_text(record).items():
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
