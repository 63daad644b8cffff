"""What changed between two datasets: records added, removed and changed, field by field
(sources included), compared through their JSON objects, so that a change is reported as a
user of `--json` would see it."""

from __future__ import annotations

import json
from collections.abc import Callable, KeysView

from ..core.kinds import KINDS, Kind
from ..core.records import Dataset
from .items import dataset_context, record_item
from .listing import ID, Column, Listing

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .listing import Item

DIFF_COLUMNS = (
    Column("change", "Change", "added, removed or changed."),
    Column("kind", "Kind", "The kind of record, or dataset / place."),
    ID,
    Column("field", "Field", "The field that changed (changed rows only).", type="string or null"),
    Column("old", "Old", "The old value, as JSON text.", type="string or null", max_width=40),
    Column("new", "New", "The new value, as JSON text.", type="string or null", max_width=40),
)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _comparable(item: Item) -> Item:
    """An item with its sources as 'id (at)' strings: a source's own details are compared
    where the source itself is listed."""
    found = dict(item)
    if isinstance(found.get("sources"), list):
        found["sources"] = [f"{s['id']} ({s['at']})" for s in found["sources"]]
    found.pop("cited_by", None)
    return found


def _rows(kind: str, old: dict[str, Item], new: dict[str, Item]) -> list[Item]:
    return _changes(kind, old.keys(), new.keys(), lambda key: (old[key], new[key]))


def _changes(
    kind: str,
    old: KeysView[str],
    new: KeysView[str],
    items: Callable[[str], tuple[Item, Item] | None],
) -> list[Item]:
    """Rows of records added, removed and changed (field by field); `items` gives the old
    and new objects of a key in both, or None when they cannot differ."""
    rows: list[Item] = []
    for key in new - old:
        rows.append({"change": "added", "kind": kind, "id": key, "field": None,
                     "old": None, "new": None})  # fmt: skip
    for key in old - new:
        rows.append({"change": "removed", "kind": kind, "id": key, "field": None,
                     "old": None, "new": None})  # fmt: skip
    for key in old & new:
        pair = items(key)
        if pair is None:
            continue
        before, after = pair
        for field in dict.fromkeys([*before, *after]):
            was, now = before.get(field), after.get(field)
            if was != now:
                rows.append({"change": "changed", "kind": kind, "id": key, "field": field,
                             "old": _text(was), "new": _text(now)})  # fmt: skip
    order = {"removed": 0, "added": 1, "changed": 2}
    return sorted(rows, key=lambda row: (order[row["change"]], row["id"], row["field"] or ""))


def _record_rows(kind: Kind, old: Dataset, new: Dataset) -> list[Item]:
    """The rows of one kind. Records are indexed by id; the JSON objects are built only for
    records in both, and not at all for a record equal in both whose object reads the same
    of either dataset (`items.dataset_context`): linear, and cheap when little changed."""
    before = {record.id: record for record in getattr(old, kind.plural)}
    after = {record.id: record for record in getattr(new, kind.plural)}

    def items(key: str) -> tuple[Item, Item] | None:
        was, now = before[key], after[key]
        if was == now and dataset_context(kind, was, old) == dataset_context(kind, now, new):
            return None
        return (
            _comparable(record_item(kind, was, old)),
            _comparable(record_item(kind, now, new)),
        )

    return _changes(kind.name, before.keys(), after.keys(), items)


def diff(old: Dataset, new: Dataset, old_name: str, new_name: str) -> Listing:
    rows: list[Item] = []
    old_info, new_info = old.info._asdict(), new.info._asdict()
    rows += _rows("dataset", {"dataset": _plain(old_info)}, {"dataset": _plain(new_info)})
    rows += _rows(
        "place",
        {p.name: {"code": p.code} for p in old.places if p.code},
        {p.name: {"code": p.code} for p in new.places if p.code},
    )
    for kind in KINDS:
        rows += _record_rows(kind, old, new)
    return Listing(
        heading=f"Changes from {old_name} (old) to {new_name} (new)",
        caption=f"Old: {old_name}, dataset {old.info.version}, as of {old.info.as_of}; "
        f"new: {new_name}, dataset {new.info.version}, as of {new.info.as_of}. Added: only in "
        "the new; removed: only in the old.",
        columns=DIFF_COLUMNS,
        table_columns=("change", "kind", "id", "field", "old", "new"),
        items=rows,
        empty_note="no changes",
        noun=("change", "changes"),
    )


def _plain(info: dict[str, Any]) -> Item:
    return {key: value.isoformat() if hasattr(value, "isoformat") else value
            for key, value in info.items()}  # fmt: skip
