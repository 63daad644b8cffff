"""The types of the dataset's fields: how each is read from TOML and checked, what it
refers to, how the exports store it and how JSON gives it (core.schema declares the fields)."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from enum import Enum

from .dates import FuzzyDate, parse_dataset_date
from .records import MAX_ID
from .tuples import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
DATE_FORMS = (
    "a day (2025-04-24), a month (2023-12), a year (2026), a range (2028/2029) or a decade (2030s)"
)


class Link(Enum):
    """What a field's value refers to, resolved by the builder once every table is read."""

    PLACE = "place"  # a name in [places]: becomes the Place
    MISSION = "mission"  # a [[missions]] name: checked, kept as text
    INSTITUTIONS = "institution"  # institution ids: become the records
    CITATIONS = "citations"  # `{ id, at }` tables: become Citations


def _span(text: str) -> tuple[datetime.date, datetime.date]:
    """A date's order: its first day, then its last (2024 before 2024-06, 2024-06 before
    2024/2025)."""
    found = parse_dataset_date(text)
    return found.start, found.end


def same(value: Any) -> Any:
    """A value as it is: JSON's default for a field type."""
    return value


class FieldType(NamedTuple):
    """How a field's TOML value is read: `read` returns the value or raises ValueError with
    what is wrong. `link` says what the value refers to, resolved once every table is read.
    The exports take the rest from here, with no code per field: `column` is the Table Schema
    type of its column (string, integer, number, boolean or date), `many` marks a list (a
    table of its own in the exports, a row per element), `references` the (table, column) it
    refers to. JSON gives a value as `json` makes it (never called on a missing value), `ilrs
    fields` describes it as `described`, and `--sort` orders JSON values by `order` (None:
    by their text, folded)."""

    doc: str
    read: Callable[[Any], Any]
    link: Link | None = None
    column: str = "string"
    many: bool = False
    references: tuple[str, str] | None = None
    json: Callable[[Any], Any] = same
    described: str = "string"
    order: Callable[[Any], Any] | None = None


def _describe(value: Any) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "true/false"}
    names.update({list: "a list", dict: "a table"})
    if isinstance(value, str) and not value.strip():
        return "an empty string"
    if isinstance(value, datetime.datetime | datetime.time):
        return "a date-time"
    return names.get(type(value), type(value).__name__)


MAX_TEXT = 5_000  # characters in one field: a long note is a few hundred


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"must be a non-empty string, not {_describe(value)}")
    if len(value) > MAX_TEXT:
        raise ValueError(f"is {len(value):,} characters long; the limit is {MAX_TEXT:,}")
    return value.strip()


def _ident(value: Any) -> str:
    text = _text(value)
    if len(text) > MAX_ID:
        raise ValueError(f"is {len(text):,} characters long; an id is at most {MAX_ID}")
    if not ID_PATTERN.fullmatch(text):
        raise ValueError(f"{text!r} must be lower-case letters, digits and hyphens")
    return text


def _url(value: Any) -> str:
    """An http(s) URL with a host, and no space or control, bidi or invisible character
    anywhere (percent-encode them): parsed, not matched by its start."""
    text = _text(value)
    if not text.startswith(("https://", "http://")):
        raise ValueError(f"must start with https:// or http://, not {text!r}")
    odd = next((char for char in text if char.isspace() or not char.isprintable()), None)
    if odd is not None:
        raise ValueError(
            f"holds {odd!r} (U+{ord(odd):04X}), which a URL cannot: percent-encode it, in "
            f"{text!r}"
        )  # fmt: skip
    from urllib.parse import urlsplit  # only when a file is read and checked, not from the cache

    try:
        host = urlsplit(text).hostname
    except ValueError as error:
        raise ValueError(f"is not a URL ({error}): {text!r}") from None
    if not host:
        raise ValueError(f"names no host after the scheme: {text!r}")
    return text


def _date(value: Any) -> FuzzyDate:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"must be a date string, not {_describe(value)}")
    try:
        return parse_dataset_date(value.strip())
    except ValueError as error:
        raise ValueError(f": {error}") from None


def _day(value: Any) -> datetime.date:
    when = _date(value)
    if not when.is_day:
        raise ValueError(f"must be a single day (YYYY-MM-DD), not {when.text!r}")
    return when.start


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false, not {_describe(value)}")
    return value


MAX_ORDINAL = 10_000  # far above any count of signatories


def _ordinal(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"must be a whole number such as 17, not {_describe(value)}")
    if not 1 <= value <= MAX_ORDINAL:
        raise ValueError(f"is {value}; an ordinal counts from 1 (1st, 2nd, ...)")
    return value


# what SQLite's INTEGER holds: a larger whole number could not be exported
INTEGER_LIMIT = 2**63 - 1


def _whole(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        if isinstance(value, float):
            raise ValueError(f"must be a whole number such as 42, not the decimal {value!r}")
        raise ValueError(f"must be a whole number such as 42, not {_describe(value)}")
    if abs(value) > INTEGER_LIMIT:
        raise ValueError(f"is {value}; a whole number is at most {INTEGER_LIMIT:,} either way")
    return value


def _number(value: Any) -> int | float:
    """A TOML integer or float, kept as it is (12.5 stays 12.5, 35 stays 35)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return _whole(value)
    if not isinstance(value, float):
        raise ValueError(f"must be a number such as 12.5, not {_describe(value)}")
    if not math.isfinite(value):
        raise ValueError(f"must be a finite number, not {value!r}")
    return value


def _ids(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"must be a list of ids, not {_describe(value)}")
    if not value:
        raise ValueError("is empty")
    return tuple(item.strip() for item in value)


def _names(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(f"must be a list of names, not {_describe(value)}")
    if not value:
        raise ValueError("is empty; leave the field out instead")
    names: list[str] = []
    for number, item in enumerate(value, start=1):
        try:
            name = _text(item)
        except ValueError as error:
            raise ValueError(f"item {number} {error}") from None
        if name.casefold() in (seen.casefold() for seen in names):
            raise ValueError(f"lists {name!r} twice")
        names.append(name)
    return tuple(names)


def _tables(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ValueError(f"must be a list of tables, not {_describe(value)}")
    return value


def choice(kind: type[Enum]) -> FieldType:
    allowed = ", ".join(str(member.value) for member in kind)

    def read(value: Any) -> Enum:
        text = _text(value)
        try:
            return kind(text)
        except ValueError:
            raise ValueError(f"is {text!r}; use one of: {allowed}") from None

    return FieldType(" | ".join(str(member.value) for member in kind), read, json=_value)


def _value(member: Enum) -> Any:
    return member.value


def _iso(day: datetime.date) -> str:
    return day.isoformat()


def _text_of(date: FuzzyDate) -> str:
    return date.text


def _name_of(place: Any) -> str:
    return str(place.name)


def _ids_of(records: tuple[Any, ...]) -> list[str]:
    return [record.id for record in records]


TEXT = FieldType("string", _text)
ID = FieldType("id", _ident)
URL = FieldType("URL", _url)
DATE = FieldType("date", _date, json=_text_of, described="date text", order=_span)
DAY = FieldType("date (a day)", _day, column="date", json=_iso, described="ISO date")
FLAG = FieldType("true or false", _flag, column="boolean", described="true/false")
ORDINAL = FieldType("positive integer", _ordinal, column="integer", described="integer", order=same)
INTEGER = FieldType("integer", _whole, column="integer", described="integer", order=same)
DECIMAL = FieldType(
    "number (12.5, or whole: 35)", _number, column="number", described="number", order=same
)
PLACE = FieldType("place", _text, Link.PLACE, references=("places", "name"), json=_name_of)
MISSION = FieldType("mission name", _text, Link.MISSION, references=("missions", "name"))
# checked once every member is read (load.rules), so not a link of the builder
MEMBER_ID = FieldType("member id", _text, references=("members", "id"))
INSTITUTION_IDS = FieldType(
    "list of institution ids", _ids, Link.INSTITUTIONS, many=True,
    references=("institutions", "id"), json=_ids_of, described="list of ids",
)  # fmt: skip
NAMES = FieldType("list of strings", _names, many=True, json=list, described="list of strings")
# JSON gives each citation as an object of the report layer (report.items)
CITATIONS = FieldType(
    "list of citations", _tables, Link.CITATIONS, many=True, described="list of objects"
)

# Every field type, by name: the schema's fields are of these (and of `choice` types, one a
# vocabulary), and the tests check each through JSON, CSV, sorting and the exports.
FIELD_TYPES: dict[str, FieldType] = {
    "text": TEXT,
    "id": ID,
    "url": URL,
    "date": DATE,
    "day": DAY,
    "flag": FLAG,
    "ordinal": ORDINAL,
    "integer": INTEGER,
    "decimal": DECIMAL,
    "place": PLACE,
    "mission": MISSION,
    "member_id": MEMBER_ID,
    "institution_ids": INSTITUTION_IDS,
    "names": NAMES,
    "citations": CITATIONS,
}
