"""pycountry's ISO 3166 records read from its JSON files are pycountry's own, and a place's
other names are what pycountry's own interface gives."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pycountry
import pytest

from ilrs_cli.core import countries, iso_tables
from ilrs_cli.core.records import Place

# The fields ilrs reads (pycountry makes a subdivision's `parent` an object).
READ = ("alpha_2", "alpha_3", "name", "common_name", "official_name", "code")


@pytest.mark.parametrize("standard", ["3166-1", "3166-2"])
def test_the_json_records_are_pycountrys_field_for_field(standard: str) -> None:
    read = iso_tables.entries(standard)
    through_pycountry = iso_tables.from_pycountry(standard)
    assert len(read) == len(through_pycountry) > 200
    for entry, record in zip(read, through_pycountry, strict=True):
        assert {k: entry.get(k) for k in READ} == {k: record.get(k) for k in READ}, entry


def _optional(record: Any, attribute: str) -> str | None:
    value = getattr(record, attribute, None)
    return value if isinstance(value, str) else None


def other_names_through_pycountry(place: Place) -> tuple[str, ...]:
    """other_names as pycountry's objects give it: display name, aliases, alpha-3, name,
    common and official names, the place's own name left out."""
    code = place.code
    assert code is not None
    names: list[str] = []
    if len(code) == 2:
        found = pycountry.countries.get(alpha_2=code)
        if found is not None and found.alpha_2 == code:
            names.append(_optional(found, "common_name") or found.name)
    else:
        region = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]
        if region is not None and region.code == code:
            names.append(region.name)
    names += [alias for alias, aliased in countries.ALIASES.items() if aliased == code]
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is not None:
        names += [country.alpha_3, country.name]
        names += [n for n in (_optional(country, "common_name"),
                              _optional(country, "official_name")) if n]  # fmt: skip
    return tuple(dict.fromkeys(name for name in names if name != place.name))


def test_other_names_are_what_pycountry_gives() -> None:
    codes = [c.alpha_2 for c in pycountry.countries] + ["tr", "US-HI", "us-hi", "GB-SCT", "XX"]
    for code in codes:
        for name in ("Somewhere", "Turkey", "Hawaii"):
            place = Place(name, code)
            assert countries.other_names(place) == other_names_through_pycountry(place), place


def test_a_subdivision_read_alone_is_the_tables_record() -> None:
    """subdivision() reads the one record around its code: right only because the file's
    records are flat and their codes unique, which this checks, with lookups either side."""
    entries = iso_tables.entries("3166-2")
    assert all(all(isinstance(v, str) for v in entry.values()) for entry in entries)
    codes = [entry["code"].lower() for entry in entries]
    assert len(set(codes)) == len(codes)
    table = iso_tables._table("3166-2")
    sample = [*entries[::200], entries[-1], *(e for e in entries if not e["name"].isascii())][:40]
    for entry in sample:
        for code in (entry["code"], entry["code"].lower()):
            assert iso_tables.subdivision(code) == table[code.lower()] == entry
    for absent in ("US-XX", "US", "", "US-H", "S-HI"):
        assert iso_tables.subdivision(absent) is None, absent


@pytest.mark.parametrize("standard", ["3166-1", "3166-2"])
def test_the_file_read_is_the_one_pycountry_reads(standard: str) -> None:
    """Found along sys.path as the import system finds the package: pycountry's own file."""
    own = Path(pycountry.__file__).parent / "databases" / f"iso{standard}.json"
    assert iso_tables._database(standard) == own.read_bytes()


def test_without_pycountry_on_the_path_the_records_come_from_pycountry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "path", [])
    assert iso_tables._database("3166-1") is None
    assert len(iso_tables.entries("3166-1")) == len(iso_tables.from_pycountry("3166-1"))
