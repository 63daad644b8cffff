"""CSL-JSON, as Zotero, Pandoc and citeproc read it."""

from __future__ import annotations

import json
from typing import Any

from ..report.citations import Bibliography, Reference


def render(report: Bibliography) -> str:
    items = [_csl(entry) for entry in report.references]
    return json.dumps(items, ensure_ascii=False, indent=2)


def _csl(entry: Reference) -> dict[str, Any]:
    source = entry.source
    item: dict[str, Any] = {
        "id": source.id,
        "type": "webpage",
        "title": source.title,
        "publisher": source.publisher,
        "container-title": source.publisher,
        "URL": source.url,
        "accessed": {"date-parts": [[entry.accessed.year, entry.accessed.month,
                                     entry.accessed.day]]},
    }  # fmt: skip
    if source.date:
        item["issued"] = {"date-parts": source.date.date_parts()}
    if entry.at:
        item["locator"] = entry.at
    if source.archive_url:
        item["archive_url"] = source.archive_url
    return item
