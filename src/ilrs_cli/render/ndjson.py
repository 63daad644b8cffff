"""NDJSON: one JSON object a line, for `while read` loops and streaming tools."""

from __future__ import annotations

import json

from ..core.safe_text import json_safe
from ..report.listing import Listing


def render(report: Listing) -> str:
    lines = (json.dumps(item, ensure_ascii=False) for item in report.selected_items)
    return json_safe("\n".join(lines))
