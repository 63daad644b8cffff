"""Turn what a user types for a country or region into an ISO 3166 code.

Names in the dataset and their codes are tried first, so the common case needs no country
library. Everything else (alpha-3 codes, official and alternative names, countries with no
records) is looked up in pycountry, loaded only then.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache

from . import iso_tables
from .errors import QueryError
from .matching import fold
from .records import Place
from .tuples import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Names people use that ISO 3166 does not list, folded (see `fold`).
ALIASES = {
    "turkey": "TR",
    "russia": "RU",
    "uae": "AE",
    "emirates": "AE",
    "hong kong sar": "HK",
    "hksar": "HK",
    "macau": "MO",
    "macao sar": "MO",
    "usa": "US",
    "america": "US",
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "south korea": "KR",
    "north korea": "KP",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "vietnam": "VN",
    "laos": "LA",
    "syria": "SY",
    "holland": "NL",
    "burma": "MM",
    "swaziland": "SZ",
    "cape verde": "CV",
    "east timor": "TL",
    "vatican": "VA",
    "prc": "CN",
    "mainland china": "CN",
}


class Country(NamedTuple):
    """A resolved country or region: the name to show and its ISO 3166 code."""

    name: str
    code: str

    def includes(self, place: Place) -> bool:
        """True for the place itself and for regions inside it (US includes US-HI)."""
        if place.code is None:
            return False
        return place.code == self.code or place.code.startswith(self.code + "-")


def resolve_country(text: str, places: Iterable[Place], iso: bool = True) -> Country:
    """The country or region meant by `text`; InputError with suggestions when there is none.
    With `iso` False, only the names and codes of `places` are read (no ISO 3166 table)."""
    key = fold(text)
    if not key:
        raise QueryError("country", "a country or region cannot be empty; give a name or ISO code")
    known = [place for place in places if place.code is not None]
    for place in known:
        assert place.code is not None
        if key in (fold(place.name), fold(place.code)):
            return Country(place.name, place.code)
    if not iso:
        raise QueryError("country", f"no place of the data is named {text!r}")
    code = ALIASES.get(key) or _iso_index().get(key)
    if code is None:
        raise QueryError("country", f"unknown country {text!r}{_did_you_mean(key, known)}")
    for place in known:
        if place.code == code:
            return Country(place.name, code)
    return Country(_iso_names()[code], code)


def _did_you_mean(key: str, known: list[Place]) -> str:
    import difflib

    names = {place.code: place.name for place in known if place.code is not None}
    for code, name in _iso_names().items():
        if "-" not in code:
            names.setdefault(code, name)
    spellings = {fold(name): code for code, name in names.items()}
    for alias, code in ALIASES.items():
        spellings.setdefault(alias, code)
    close = difflib.get_close_matches(key, list(spellings), n=5, cutoff=0.7)
    suggested = list(dict.fromkeys(names[spellings[match]] for match in close))[:3]
    if not suggested:
        return "; give a country or region name or an ISO 3166 code such as TR or TUR"
    return "; did you mean " + " or ".join(suggested) + "?"


@cache
def other_names(place: Place) -> tuple[str, ...]:
    """Other names of a place's country: ISO 3166 names, alpha-3 code and common aliases."""
    if place.code is None:
        return ()
    code = place.code
    names = _iso_display(code)
    names += [alias for alias, aliased in ALIASES.items() if aliased == code]
    found = iso_tables.country(code) if len(code) == 2 else None
    if found is not None:
        names += [found["alpha_3"], found["name"]]
        names += [n for n in (found.get("common_name"), found.get("official_name")) if n]
    return tuple(dict.fromkeys(name for name in names if name != place.name))


def _iso_display(code: str) -> list[str]:
    """The display name `_iso_records` gives the country or region of this exact code, looked
    up alone (building every record folds some 5,000 names)."""
    if len(code) == 2:
        country = iso_tables.country(code)
        if country is None or country["alpha_2"] != code:
            return []
        return [country.get("common_name") or country["name"]]
    region = iso_tables.subdivision(code)
    return [region["name"]] if region is not None and region["code"] == code else []


def code_of_name(name: str) -> str | None:
    """The ISO 3166 code of a country or region name (NFC-normalised, any case, aliases
    included), or None when ISO 3166 does not know the name."""
    key = fold(unicodedata.normalize("NFC", name))
    return ALIASES.get(key) or _iso_index().get(key)


def iso_name(code: str) -> str:
    return _iso_names().get(code, code)


def is_iso_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code or an ISO 3166-2 region code."""
    return code in _iso_names()


@cache
def _iso_records() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(code, folded spellings, display name) for every ISO 3166-1 country and -2 region."""
    import pycountry

    records: list[tuple[str, tuple[str, ...], str]] = []
    for country in pycountry.countries:
        spellings = [
            country.alpha_2,
            country.alpha_3,
            country.name,
            *(_optional(country, "common_name"), _optional(country, "official_name")),
        ]
        display = _optional(country, "common_name") or country.name
        records.append((country.alpha_2, tuple(fold(s) for s in spellings if s), display))
    for region in pycountry.subdivisions:
        records.append((region.code, (fold(region.code), fold(region.name)), region.name))
    return tuple(records)


def _optional(record: Any, attribute: str) -> str | None:
    value = getattr(record, attribute, None)
    return value if isinstance(value, str) else None


@cache
def _iso_index() -> dict[str, str]:
    """Folded spelling to code; countries win over regions that share a name."""
    index: dict[str, str] = {}
    for code, spellings, _ in _iso_records():
        for spelling in spellings:
            index.setdefault(spelling, code)
    return index


@cache
def _iso_names() -> dict[str, str]:
    return {code: display for code, _, display in _iso_records()}
