"""The filters a list command of the records of one kind may take, by name (each command
names its own in report.list_commands): each keeps the records whose field it reads matches
what was asked, and says so in words for the listing's heading."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..core.countries import resolve_country
from ..core.records import Dataset, Place, value_of
from .lookup import resolve_mission

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    Filter = Callable[[Dataset, Sequence[Any], Sequence[str]], tuple[list[Any], str]]


def _by_country(
    dataset: Dataset, records: Sequence[Any], asked: Sequence[str]
) -> tuple[list[Any], str]:
    """Records whose place (`country` in the file) is, or lies in, any of the countries."""
    countries = [resolve_country(text, dataset.places) for text in asked]

    def inside(record: Any) -> bool:
        place = value_of(record, "place")
        return isinstance(place, Place) and any(c.includes(place) for c in countries)

    kept = [record for record in records if inside(record)]
    return kept, " from " + " or ".join(country.name for country in countries)


def _by_mission(
    dataset: Dataset, records: Sequence[Any], asked: Sequence[str]
) -> tuple[list[Any], str]:
    """Records whose `mission` is any of the missions."""
    missions = [resolve_mission(dataset, text) for text in asked]
    kept = [record for record in records if value_of(record, "mission") in missions]
    return kept, " for " + " or ".join(missions)


RECORD_FILTERS: dict[str, Filter] = {"country": _by_country, "mission": _by_mission}
