"""Regions of the world as sets of ISO 3166 codes, for `--region`: the UN M49 regions,
sub-regions and intermediate regions, common names for them (Latin America, South Asia), and
the groupings of `groupings` (Middle East, MENA, Arab states, Southeast Asia, ...), each from a
membership list or a stated definition."""

from __future__ import annotations

from functools import cache

from .errors import QueryError
from .matching import fold
from .records import Place

# M49 groupings made of several sub-regions, and continent names people use.
GROUPS = {
    "Sub-Saharan Africa": ("Eastern Africa", "Middle Africa", "Southern Africa", "Western Africa"),
    "Latin America and the Caribbean": ("Caribbean", "Central America", "South America"),
    "North America": ("Northern America", "Central America", "Caribbean"),
    "Australia and Oceania": ("Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"),
}
# Common names of M49 regions, folded (see `text.fold`).
ALIASES = {
    "america": "Americas",
    "the americas": "Americas",
    "latin america": "Latin America and the Caribbean",
    "latam": "Latin America and the Caribbean",
    "south asia": "Southern Asia",
    "east asia": "Eastern Asia",
    "west asia": "Western Asia",
    "north africa": "Northern Africa",
    "west africa": "Western Africa",
    "east africa": "Eastern Africa",
    "central africa": "Middle Africa",
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


@cache
def _groupings() -> dict[str, frozenset[str]]:
    from .groupings import GROUPINGS

    return {grouping.name: grouping.codes for grouping in GROUPINGS}


@cache
def _spellings() -> dict[str, str]:
    """Every folded name and alias, M49 and groupings, to the region it names."""
    from .groupings import GROUPINGS

    spellings = {fold(name): name for name in _regions()}
    spellings.update({fold(name): name for name in _groupings()})
    for grouping in GROUPINGS:
        spellings.update({fold(alias): grouping.name for alias in grouping.aliases})
    spellings.update(ALIASES)
    return spellings


def region_names() -> list[str]:
    """The M49 regions, then the common groupings: what completion offers."""
    return [*_regions(), *_groupings()]


def region_help(name: str) -> str:
    """What a region name is, in a few words, for completion."""
    from .groupings import GROUPINGS

    for grouping in GROUPINGS:
        if grouping.name == name:
            return f"{len(grouping.codes)} countries: see docs/regions.md"
    return "UN M49 region"


def region_of(code: str) -> tuple[str, str] | None:
    """(region, sub-region) of a country or of the country a region code lies in."""
    from .regions_data import REGION_OF

    return REGION_OF.get(code.split("-")[0])


def resolve_region(text: str) -> tuple[str, frozenset[str]]:
    """The region named by `text` (any case, with or without accents; an M49 name, a common
    name or a grouping) and its codes; QueryError with suggestions when there is none."""
    key = fold(text)
    spellings = _spellings()
    name = spellings.get(key)
    if name is None:
        close = _close(key, spellings)
        hint = " or ".join(close)
        shown = f"did you mean {hint}?" if hint else "use a UN M49 region such as Africa, Asia, "
        shown += "" if hint else "Western Asia or Latin America and the Caribbean, or a name "
        shown += "" if hint else "such as Middle East, Arab states or Southeast Asia"
        raise QueryError("region", f"unknown region {text!r}; {shown}")
    return name, {**_regions(), **_groupings()}[name]


def _close(key: str, spellings: dict[str, str]) -> list[str]:
    """Regions whose name or alias starts with what was typed, else the closest spellings;
    a loose match is never offered, so "Middle East" cannot be taken for Middle Africa."""
    import difflib

    if len(key) >= 3:
        started = [name for spelling, name in spellings.items() if spelling.startswith(key)]
        if started:
            return list(dict.fromkeys(started))[:3]
    close = difflib.get_close_matches(key, list(spellings), n=3, cutoff=0.75)
    return list(dict.fromkeys(spellings[match] for match in close))


def in_region(place: Place, codes: frozenset[str]) -> bool:
    return place.code is not None and place.code.split("-")[0] in codes
