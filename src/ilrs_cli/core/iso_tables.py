"""pycountry's ISO 3166 records, read from its own JSON files without importing pycountry,
whose import (with importlib.metadata) costs more than a search that asks for a country's
other names. The records are pycountry's, field for field; where pycountry keeps its data
elsewhere, they come from pycountry itself."""

from __future__ import annotations

from functools import cache
from pathlib import Path

Entry = dict[str, str]
_KEYS = {"3166-1": "alpha_2", "3166-2": "code"}


def country(code: str) -> Entry | None:
    """The ISO 3166-1 country of an alpha-2 code, any case, as `pycountry.countries.get`."""
    return _table("3166-1").get(code.lower())


def subdivision(code: str) -> Entry | None:
    """The ISO 3166-2 region of a code, any case, as `pycountry.subdivisions.get`."""
    return _table("3166-2").get(code.lower())


@cache
def _table(standard: str) -> dict[str, Entry]:
    key = _KEYS[standard]
    return {entry[key].lower(): entry for entry in entries(standard)}


def entries(standard: str) -> list[Entry]:
    """Every record of ISO `standard` ("3166-1" or "3166-2"), as pycountry reads them."""
    import importlib.util
    import json

    spec = importlib.util.find_spec("pycountry")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    try:
        path = Path(folders[0]) / "databases" / f"iso{standard}.json"
        found = json.loads(path.read_text(encoding="utf-8"))[standard]
        if isinstance(found, list) and all(isinstance(e, dict) for e in found):
            return found
    except (IndexError, OSError, ValueError, KeyError, TypeError):
        pass
    return from_pycountry(standard)


def from_pycountry(standard: str) -> list[Entry]:
    """The same records through pycountry's own interface."""
    import pycountry

    records = pycountry.countries if standard == "3166-1" else pycountry.subdivisions
    return [dict(record) for record in records]
