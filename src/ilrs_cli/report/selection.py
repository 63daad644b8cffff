"""Which places a map shows, from what a person types: countries, a region, a mission's
payload partners. The map colours the chosen places and greys the rest; a region also
frames the view."""

from __future__ import annotations

from ..core.records import Dataset
from ..core.tuples import NamedTuple
from ..query import filters
from .arguments import Texts, counting_of, countries_of, missions_of, region_of, scope_of

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..core.vocab import Level
    from ..query.camps import Counting


class Selection(NamedTuple):
    codes: frozenset[str] | None  # ISO codes of the places coloured; None: every place
    zoom: frozenset[str] | None  # the country codes the view is framed on; None: the world
    scope: str  # ' in Africa', ' from Egypt', ', payload partners on Chang'e-8'
    counting: Counting | None = None  # what counts toward the camps; None: every record

    def takes(self, code: str | None) -> bool:
        return code is not None and (self.codes is None or code in self.codes)


def map_selection(
    dataset: Dataset,
    country: Texts = None,
    region: str | None = None,
    mission: Texts = None,
    documented: bool = False,
    level: Texts | Sequence[Level] = None,
) -> Selection:
    """Every place, or those from `country` (one or several), in `region`, and with a
    partner institution in a payload of `mission`, all that are given; their camps as
    `documented` and `level` count them."""
    countries, missions = countries_of(dataset, country), missions_of(dataset, mission)
    where, region_codes = region_of(region)
    codes: set[str] | None = None
    if countries:
        codes = {c.code for c in countries}
        codes |= {
            p.code for p in dataset.places if p.code and any(c.includes(p) for c in countries)
        }
    if region_codes is not None:
        inside = set(region_codes) | {
            p.code for p in dataset.places if p.code and p.code.split("-")[0] in region_codes
        }
        codes = inside if codes is None else codes & inside
    if missions:
        partners = {
            place.code
            for payload in filters.payloads_from(dataset, missions=missions)
            for place in payload.places
            if place.code
        }
        codes = partners if codes is None else codes & partners
    scope = scope_of(countries) + where
    if missions:
        scope += ", payload partners on " + " or ".join(missions)
    counting = counting_of(documented, level)
    scope += "".join(f", {words}" for words in counting.words)
    return Selection(
        frozenset(codes) if codes is not None else None,
        region_codes,
        scope,
        counting,
    )
