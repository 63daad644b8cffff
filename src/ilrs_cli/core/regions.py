"""Regions of the world (UN M49 regions, sub-regions and intermediate regions, and common
continent names) as sets of ISO 3166 codes, for `--region`."""

from __future__ import annotations

from functools import cache

from .errors import QueryError
from .records import Place
from .text import fold

# M49 groupings made of several sub-regions, and continent names people use.
GROUPS = {
    "Sub-Saharan Africa": ("Eastern Africa", "Middle Africa", "Southern Africa", "Western Africa"),
    "Latin America and the Caribbean": ("Caribbean", "Central America", "South America"),
    "North America": ("Northern America", "Central America", "Caribbean"),
    "Australia and Oceania": ("Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"),
}
ALIASES = {
    "america": "Americas",
    "the americas": "Americas",
    "latin america": "Latin America and the Caribbean",
}


@cache
def _regions() -> dict[str, frozenset[str]]:
    """Each region's name and its countries' codes."""
    from .regions_data import REGION_OF

    found: dict[str, set[str]] = {}
    for code, (region, sub) in REGION_OF.items():
        found.setdefault(region, set()).add(code)
        found.setdefault(sub, set()).add(code)
    for group, parts in GROUPS.items():
        found[group] = set().union(*(found[part] for part in parts))
    return {name: frozenset(codes) for name, codes in sorted(found.items())}


def region_names() -> list[str]:
    return list(_regions())


def region_of(code: str) -> tuple[str, str] | None:
    """(region, sub-region) of a country or of the country a region code lies in."""
    from .regions_data import REGION_OF

    return REGION_OF.get(code.split("-")[0])


def resolve_region(text: str) -> tuple[str, frozenset[str]]:
    """The region named by `text` (any case, with or without accents) and its codes;
    QueryError with suggestions when there is none."""
    key = fold(text)
    regions = _regions()
    by_key = {fold(name): name for name in regions}
    name = by_key.get(key) or ALIASES.get(key)
    if name is None:
        import difflib

        close = difflib.get_close_matches(key, list(by_key), n=3, cutoff=0.6)
        hint = " or ".join(by_key[match] for match in close)
        shown = f"did you mean {hint}?" if hint else "use a UN M49 region such as Africa, Asia, "
        shown += "" if hint else "Western Asia or Latin America and the Caribbean"
        raise QueryError("region", f"unknown region {text!r}; {shown}")
    return name, regions[name]


def in_region(place: Place, codes: frozenset[str]) -> bool:
    return place.code is not None and place.code.split("-")[0] in codes
