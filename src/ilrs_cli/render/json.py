"""JSON: plain `json.dumps`, never wrapped, valid whatever the terminal width."""

from __future__ import annotations

import json
import sys

from ..core.safe_text import json_safe
from ..report.details import Detail
from ..report.listing import Listing
from .terminal import encodes_unicode


def render(report: Listing | Detail) -> str:
    """Plain `json.dumps`, UTF-8 text, never wrapped: valid whatever the terminal width.
    A list command gives an array of objects; a single record gives one object."""
    ascii_only = not encodes_unicode(sys.stdout)
    if isinstance(report, Detail):
        return json_safe(json.dumps(report.item, ensure_ascii=ascii_only, indent=2))
    return json_safe(json.dumps(report.selected_items, ensure_ascii=ascii_only, indent=2))
