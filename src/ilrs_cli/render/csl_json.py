"""CSL-JSON, as Zotero, Pandoc and citeproc read it: items made of CSL 1.0.2 item variables
only, each in its role.

- `publisher` is who published the text first. `container-title`, the website holding the page
  at `URL`, is given only when that page is a repost's (`via`): otherwise the data names no
  website apart from the publisher, and styles print both ("SpaceNews. SpaceNews.").
- `issued` keeps the date's precision: [[2024, 5]] for a month, two dates for a range.
- Where in the source the records are supported goes in `note` ("Cited for: paragraph 7"), with
  the repost, the archived copy and any caution, which CSL has no variable for: `locator` is a
  variable of a cite, which a document makes, not of an item.
"""

from __future__ import annotations

import json

from ..core.safe_text import json_safe
from ..report.citations import Bibliography, Reference

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime
    from typing import Any


def render(report: Bibliography) -> str:
    items = [csl_item(entry) for entry in report.references]
    return json_safe(json.dumps(items, ensure_ascii=False, indent=2))


def _parts(day: datetime.date) -> dict[str, Any]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_item(entry: Reference) -> dict[str, Any]:
    source = entry.source
    item: dict[str, Any] = {"id": source.id, "type": "webpage", "title": source.title}
    if source.author:
        item["author"] = [{"literal": source.author}]
    item["publisher"] = source.publisher
    if source.via and not source.original_url and source.via != source.publisher:
        item["container-title"] = source.via
    item["URL"] = source.original_url or source.url
    if source.date:
        item["issued"] = {"date-parts": source.date.date_parts()}
    seen = source.accessed or source.checked
    if seen:
        item["accessed"] = _parts(seen)
    notes = []
    if source.untitled:
        notes.append("The page shows no title; the title is a description.")
    if source.is_repost:
        notes.append(f"Read as a repost by {source.via} at {source.url}.")
    if source.archive_url:
        notes.append(f"Archived at {source.archive_url}.")
    if source.reliability:
        notes.append(source.reliability)
    if entry.places:
        notes.append(f"Cited for: {'; '.join(entry.places)}.")
    if notes:
        item["note"] = " ".join(notes)
    return item
