"""Which places each timeline event names: what `timeline --country`, `--region` and `--in`
and a country's `show` read.

Events have no field that names a place, so the rule reads the records first and the text
second. An event names a place when

- it is the signing event of an ILRS participant record of that place (the loader makes it
  from the record's signing date, with an id no other record may have: a link), or
- its text (the `event` field: what happens) names the place by the name the data gives it,
  or names one of the place's institutions or ILRS participant records by name, short name
  or alias; as whole words, in any case and with or without accents (`fold`), so "Pakistan's
  rover", "SUPARCO" and "METU" count, "Russian" (an adjective) and "Nigeria" for Niger do
  not. A name in Chinese, Japanese or Thai is found anywhere in the text, as search finds it.

The note is not read: it is commentary, and names the people and sources a fact comes from
(the IKI director who reported Turkey's application) as often as the parties to it.
"""

from __future__ import annotations

from ..core.matching import fold, spaceless
from ..core.records import Dataset, Institution, Member, Place, signing_id
from .index import per_dataset


def places_named(dataset: Dataset) -> dict[str, tuple[Place, ...]]:
    """Event id -> the places (countries and regions) it names, each once, in the order of
    the data's places; built once per dataset."""
    return per_dataset(dataset, "places named", _places_named)


def _names(dataset: Dataset) -> dict[Place, set[str]]:
    """Each country or region, with the folded names its text may be named by."""
    names: dict[Place, set[str]] = {
        place: {fold(place.name)} for place in dataset.places if place.is_country_or_region
    }
    records: tuple[Institution | Member, ...] = (*dataset.institutions, *dataset.members)
    for record in records:
        spellings = (record.name, record.short_name, getattr(record, "name_zh", None))
        names.get(record.place, set()).update(fold(s) for s in (*spellings, *record.aliases) if s)
    return {place: {name for name in found if name} for place, found in names.items()}


def _places_named(dataset: Dataset) -> dict[str, tuple[Place, ...]]:
    names = _names(dataset)
    signings = {signing_id(m.id): m.place for m in dataset.members if m.place.is_country_or_region}
    found: dict[str, tuple[Place, ...]] = {}
    for event in dataset.events:
        text = f" {fold(event.event)} "
        linked = signings.get(event.id)
        found[event.id] = tuple(
            place
            for place, spellings in names.items()
            if place == linked or any(_named(text, name) for name in spellings)
        )
    return found


def _named(text: str, name: str) -> bool:
    """`name` (folded) in `text` (folded, a space at each end) as whole words; anywhere for a
    name in a script written without spaces."""
    return f" {name} " in text or (spaceless(name) and name in text)
