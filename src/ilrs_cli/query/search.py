"""Text search across records of every kind, over the attributes the registry names."""

from __future__ import annotations

from ..core.countries import other_names
from ..core.kinds import Kind, Record, all_records
from ..core.matching import fold, spaceless
from ..core.records import Dataset, Institution, Payload, Place, value_of
from ..core.tuples import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _as_text(value: Any) -> str | None:
    """What search reads of one attribute: text as it is, a place by its name, a list of
    names (aliases) joined, partner institutions by their names, aliases and countries."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, Place):
        return value.name
    if isinstance(value, tuple) and all(isinstance(item, str) for item in value):
        return "; ".join(value) or None
    if isinstance(value, tuple) and all(isinstance(item, Institution) for item in value):
        return "; ".join(
            " ".join(
                filter(
                    None,
                    (inst.name, inst.short_name, *inst.aliases, inst.name_zh, inst.place.name),
                )
            )
            for inst in value
        )
    return str(value)


def _places_of(record: Record) -> list[Place]:
    if isinstance(record, Payload):
        return list(record.places)
    place = getattr(record, "place", None)
    return [place] if isinstance(place, Place) else []


def searchable_text(kind: Kind, record: Record) -> dict[str, str]:
    """The attributes of a record that search looks at, by name, where they have text; a
    record in a country is also found by that country's other names (Türkiye, Turkey, TUR)."""
    found = {}
    for attribute in kind.search:
        text = _as_text(value_of(record, attribute))
        if text:
            found["country" if attribute == "place" else attribute] = text
    names = [name for place in _places_of(record) for name in other_names(place)]
    if names:
        found["country names"] = "; ".join(names)
    return found


class Hit(NamedTuple):
    kind: Kind
    record: Record
    field: str
    snippet: str


def _needles(text: str) -> list[str]:
    """What each word of the query is looked for as in a folded text with a space put
    before it: the word after a space, so that it starts a word ('imag' finds 'imaging'),
    or, in a script written without spaces, the word anywhere ('月球车' finds '巴基斯坦月球车')."""
    return [word if spaceless(word) else " " + word for word in fold(text).split()]


def _matches(needles: list[str], folded: str) -> bool:
    spaced = " " + folded  # folded text has single spaces between words, and words none
    return all(needle in spaced for needle in needles)


def _may_match(needles: list[str], text: str) -> bool:
    """False when `text` cannot match, known without folding it: in ASCII text, folding
    only lower-cases letters and makes the rest spaces, so a word of the query that is not
    in its lower-case form is not in its folded form either."""
    if not text.isascii():
        return True
    lowered = text.lower()
    return all(needle.lstrip(" ") in lowered for needle in needles)


def search(dataset: Dataset, text: str) -> list[Hit]:
    """Records in which every word of `text` starts a word (so 'imag' finds 'imaging'), or,
    in Chinese, Japanese or Thai, is found anywhere, across the record and the records it
    links to, ignoring case and accents; one hit per record, shown at the field where its
    first word matches, grouped by kind."""
    needles = _needles(text)
    hits = []
    for kind, record in all_records(dataset):
        texts = searchable_text(kind, record)
        # folding works character by character, so the fields folded together are the
        # folded fields joined: one fold a record, and one a field only for the hits
        joined = " ".join(texts.values())
        if not (needles and _may_match(needles, joined) and _matches(needles, fold(joined))):
            continue
        fields = {name: fold(value) for name, value in texts.items()}
        first = next((name for name, value in fields.items() if _matches(needles[:1], value)), "id")
        raw = texts.get(first, record.id)
        hits.append(Hit(kind, record, first, _snippet(raw, needles[0])))
    return hits


def _snippet(value: str, wanted: str, room: int = 70) -> str:
    """The part of `value` around the first match, at most about `room` characters."""
    if len(value) <= room:
        return value
    spaced = " " + fold(value)  # a needle's place in it is the match's, to a character
    ratio = len(value) / max(len(spaced) - 1, 1)
    centre = int(spaced.find(wanted) * ratio)
    start = max(0, centre - room // 3)
    end = min(len(value), start + room)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(value) else ""
    return prefix + value[start:end].strip() + suffix
