"""pycountry's ISO 3166 records, read from its own JSON files without importing pycountry,
whose import (with importlib.metadata) costs more than a search that asks for a country's
other names. The records are pycountry's, field for field; where pycountry keeps its data
elsewhere, they come from pycountry itself."""

from __future__ import annotations

import os
import sys
from functools import cache

Entry = dict[str, str]
_KEYS = {"3166-1": "alpha_2", "3166-2": "code"}


def country(code: str) -> Entry | None:
    """The ISO 3166-1 country of an alpha-2 code, any case, as `pycountry.countries.get`."""
    return _table("3166-1").get(code.lower())


def subdivision(code: str) -> Entry | None:
    """The ISO 3166-2 region of a code, any case, as `pycountry.subdivisions.get`. Its
    record alone is read from the file when it can be: the file's records are flat and their
    codes unique (tests check both), so the record around the code is the one the whole
    table would give, for a tenth of the cost of reading every record."""
    data = _database("3166-2")
    at = data.find(f'"{code.upper()}"'.encode()) if data is not None and code.isascii() else -1
    if data is not None and at >= 0:  # the file writes codes in capitals
        start, end = data.rfind(b"{", 0, at), data.find(b"}", at)
        entry = _flat_entry(data[start : end + 1])
        if entry is not None and entry.get("code", "").lower() == code.lower():
            return entry
    return _table("3166-2").get(code.lower())


def _flat_entry(text: bytes) -> Entry | None:
    import json

    try:
        entry = json.loads(text)
    except ValueError:
        return None
    if isinstance(entry, dict) and all(isinstance(value, str) for value in entry.values()):
        return entry
    return None


@cache
def _table(standard: str) -> dict[str, Entry]:
    key = _KEYS[standard]
    return {entry[key].lower(): entry for entry in entries(standard)}


def entries(standard: str) -> list[Entry]:
    """Every record of ISO `standard` ("3166-1" or "3166-2"), as pycountry reads them."""
    import json

    data = _database(standard)
    try:
        found = json.loads(data)[standard] if data is not None else None
        if isinstance(found, list) and all(isinstance(e, dict) for e in found):
            return found
    except (ValueError, KeyError, TypeError):
        pass
    return from_pycountry(standard)


def _database(standard: str) -> bytes | None:
    """pycountry's JSON file of ISO `standard` (UTF-8), or None where it has none. The
    package is looked for as the import system looks for a package in a folder, along
    sys.path (importlib.util, which would find it, costs a search a fortieth of its time);
    where pycountry is anywhere else (a zip, an import hook), this finds nothing and the
    records come from pycountry itself."""
    for entry in sys.path:
        folder = os.path.join(entry or os.curdir, "pycountry")
        if not os.path.isfile(os.path.join(folder, "__init__.py")):
            continue
        try:
            with open(os.path.join(folder, "databases", f"iso{standard}.json"), "rb") as file:
                return file.read()
        except (OSError, ValueError):
            return None
    return None


def from_pycountry(standard: str) -> list[Entry]:
    """The same records through pycountry's own interface."""
    import pycountry

    records = pycountry.countries if standard == "3166-1" else pycountry.subdivisions
    return [dict(record) for record in records]
