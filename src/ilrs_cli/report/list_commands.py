"""The registry of list commands: the fields of each. `fields`, completion, the SQLite views,
the data package and the docs take the list commands from here; their options are declared in
report/commands.py."""

from __future__ import annotations

from .list_fields import (
    COUNTRY_COLUMNS,
    EVENT_COLUMNS,
    FACT_COLUMNS,
    GROWTH_COLUMNS,
    MEMBER_COLUMNS,
    PAYLOAD_COLUMNS,
    SEARCH_COLUMNS,
    SIGNATORY_COLUMNS,
    SIGNING_COLUMNS,
    SOURCE_COLUMNS,
)
from .listing import Column

COLUMNS_BY_COMMAND: dict[str, tuple[Column, ...]] = {
    "payloads": PAYLOAD_COLUMNS,
    "members": MEMBER_COLUMNS,
    "artemis": SIGNATORY_COLUMNS,
    "signings": SIGNING_COLUMNS,
    "growth": GROWTH_COLUMNS,
    "timeline": EVENT_COLUMNS,
    "mission": FACT_COLUMNS,
    "countries": COUNTRY_COLUMNS,
    "search": SEARCH_COLUMNS,
    "sources": SOURCE_COLUMNS,
}
