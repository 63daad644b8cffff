"""CSL-JSON, as Zotero, Pandoc and citeproc read it."""

from __future__ import annotations

import json

from ..core.safe_text import json_safe
from ..report.citations import Bibliography, Reference

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def render(report: Bibliography) -> str:
    items = [_csl(entry) for entry in report.references]
    return json_safe(json.dumps(items, ensure_ascii=False, indent=2))


def _parts(day: Any) -> dict[str, Any]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def _csl(entry: Reference) -> dict[str, Any]:
    source = entry.source
    item: dict[str, Any] = {"id": source.id, "type": "webpage", "title": source.title}
    if source.author:
        item["author"] = [{"literal": source.author}]
    item["publisher"] = source.publisher
    item["container-title"] = source.publisher
    item["URL"] = source.original_url or source.url
    if source.date:
        item["issued"] = {"date-parts": source.date.date_parts()}
    seen = source.accessed or source.checked
    if seen:
        item["accessed"] = _parts(seen)
    if entry.places:
        item["locator"] = "; ".join(entry.places)
    notes = []
    if source.untitled:
        notes.append("The page shows no title; the title is a description.")
    if source.is_repost:
        notes.append(f"Read as a repost by {source.via} at {source.url}.")
    if source.reliability:
        notes.append(source.reliability)
    if notes:
        item["note"] = " ".join(notes)
    if source.archive_url:
        item["archive_url"] = source.archive_url
    return item
