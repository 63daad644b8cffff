"""The arguments of the answers as a person types them, read: countries, missions, regions,
camps, dates and choices, each raising QueryError naming its argument; and the words that
say in a listing's heading what was asked."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from ..core.countries import Country, resolve_country
from ..core.dates import FuzzyDate, parse_point
from ..core.errors import QueryError
from ..core.records import Dataset
from ..core.vocab import Camp, Level
from ..query.lookup import resolve_mission

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..query.camps import Counting

Texts = str | Sequence[str] | None


def many(value: Texts) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def countries_of(dataset: Dataset, given: Texts) -> list[Country]:
    return [resolve_country(text, dataset.places) for text in many(given)]


def missions_of(dataset: Dataset, given: Texts) -> list[str]:
    return [resolve_mission(dataset, text) for text in many(given)]


def scope_of(countries: list[Country]) -> str:
    return " from " + " or ".join(country.name for country in countries) if countries else ""


def point(text: str | None, argument: str) -> FuzzyDate | None:
    if text is None:
        return None
    try:
        return parse_point(text)
    except ValueError as error:
        raise QueryError(argument, str(error)) from None


def as_of_day(dataset: Dataset, text: str | None) -> datetime.date | None:
    """The last day of `as_of`; it cannot be later than the data's own as-of date."""
    when = point(text, "as_of")
    if when is None:
        return None
    if when.end > dataset.info.as_of:
        limit = dataset.info.as_of.isoformat()
        raise QueryError(
            "as_of",
            f"the data is as of {limit} and cannot say what held on "
            f"{when.end.isoformat()}; give a date on or before {limit}",
        )
    return when.end


def reversed_note(
    start: FuzzyDate | None, end: FuzzyDate | None, after: Any, before: Any
) -> list[str]:
    """A note when `after` is later than `before`: not an error, since a date that is a span
    can reach into both (2024/2025 is on or after 2025 and on or before 2024), but never a
    silently empty answer."""
    if start is None or end is None or start.start <= end.end:
        return []
    return [
        f"after {after} is later than before {before}: only a date spanning from {before} or "
        f"earlier to {after} or later matches both; swap them for the dates between"
    ]


def choice(kind: type[Any], value: Any, argument: str) -> Any:
    if value is None or isinstance(value, kind):
        return value
    try:
        return kind(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise QueryError(
            argument, f"{value!r} is not a {argument}; use one of: {allowed}"
        ) from None


def region_of(text: str | None) -> tuple[str, frozenset[str] | None]:
    """' in Africa' and the region's codes, or ('', None) when no region is asked for."""
    if text is None:
        return "", None
    from ..core.regions import resolve_region

    name, codes = resolve_region(text)
    return f" in {name}", codes


def camp_of(value: Camp | str | None, counting: Counting | None = None) -> tuple[str, Camp | None]:
    """' (in both camps)' and the camp, or ('', None) when no camp is asked for; the words
    say what `counting` counts toward the camps too (' (in both camps, documented)')."""
    camp: Camp | None = choice(Camp, value, "camp")
    words = {
        Camp.ILRS: "in the ILRS", Camp.ARTEMIS: "in the Artemis Accords",
        Camp.BOTH: "in both camps", Camp.ILRS_ONLY: "in the ILRS only",
        Camp.ARTEMIS_ONLY: "in the Artemis Accords only", Camp.NEITHER: "in neither camp",
    }  # fmt: skip
    parts = ([words[camp]] if camp else []) + (counting.words if counting else [])
    return (f" ({', '.join(parts)})" if parts else ""), camp


def counting_of(documented: bool = False, level: Texts | Sequence[Level] = None) -> Counting:
    """What counts toward the camps (query.camps.Counting): --documented and --level, as
    every command that takes them reads them."""
    from ..query.camps import Counting

    chosen = {choice(Level, value, "level") for value in many(level)}
    return Counting(bool(documented), tuple(lv for lv in Level if lv in chosen))


def camps_of(
    camp: Camp | str | None, documented: bool = False, level: Texts | Sequence[Level] = None
) -> tuple[str, Camp | None, Counting]:
    """The words of `camp_of`, the camp, and what counts toward the camps (`counting_of`)."""
    counting = counting_of(documented, level)
    words, chosen = camp_of(camp, counting)
    return words, chosen, counting
