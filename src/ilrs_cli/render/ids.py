"""One id a line (the first chosen field where rows have no id), for shell loops:
`ilrs payloads --format ids | xargs ilrs cite`. Values are escaped for the terminal."""

from __future__ import annotations

from ..core.safe_text import escape
from ..report.listing import Listing


def render(report: Listing) -> str:
    items = report.selected_items
    key = (
        "id" if "id" in (report.selected or report.names) else (report.selected or report.names)[0]
    )
    return "\n".join(escape(str(item.get(key, ""))) for item in items)
