"""The dataset file's schema: every table and field, declared once.

Each field says its type, whether it is required, what it means and which record attribute it
fills. The loader reads and checks fields from these declarations alone, and the schema
reference in docs is generated from them, so the three cannot drift apart.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from enum import Enum
from typing import Any, NamedTuple

from ..core.dates import DATASET_FORMATS, FuzzyDate, parse_dataset_date
from ..core.records import MAX_ID
from ..core.vocab import EventKind, EventStatus, Level, MemberStatus, PayloadKind

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
DATE_FORMS = "`2025-04-24`, `2023-12`, `2026`, a range `2028/2029`, or a decade `2030s`"


class Link(Enum):
    """What a field's value refers to, resolved by the builder once every table is read."""

    PLACE = "place"  # a name in [places]: becomes the Place
    MISSION = "mission"  # a [[missions]] name: checked, kept as text
    INSTITUTIONS = "institution"  # institution ids: become the records
    CITATIONS = "citations"  # `{ id, at }` tables: become Citations


class FieldType(NamedTuple):
    """How a field's TOML value is read: `read` returns the value or raises ValueError with
    what is wrong. `link` says what the value refers to, resolved once every table is read.
    The exports take the rest from here, with no code per field: `column` is the Table Schema
    type of its column (string, integer, boolean or date), `many` marks a list (a table of its
    own in the exports, a row per element), `references` the (table, column) it refers to."""

    doc: str
    read: Callable[[Any], Any]
    link: Link | None = None
    column: str = "string"
    many: bool = False
    references: tuple[str, str] | None = None


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
    text = _text(value)
    if not text.startswith(("https://", "http://")):
        raise ValueError(f"must start with https:// or http://, not {text!r}")
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


def _choice(kind: type[Enum]) -> FieldType:
    allowed = ", ".join(str(member.value) for member in kind)

    def read(value: Any) -> Enum:
        text = _text(value)
        try:
            return kind(text)
        except ValueError:
            raise ValueError(f"is {text!r}; use one of: {allowed}") from None

    return FieldType(" | ".join(str(member.value) for member in kind), read)


TEXT = FieldType("string", _text)
ID = FieldType("id", _ident)
URL = FieldType("URL", _url)
DATE = FieldType("date", _date)
DAY = FieldType("date (a day)", _day, column="date")
FLAG = FieldType("true or false", _flag, column="boolean")
ORDINAL = FieldType("positive integer", _ordinal, column="integer")
PLACE = FieldType("place", _text, Link.PLACE, references=("places", "name"))
MISSION = FieldType("mission name", _text, Link.MISSION, references=("missions", "name"))
# checked once every member is read (load.rules), so not a link of the builder
MEMBER_ID = FieldType("member id", _text, references=("members", "id"))
INSTITUTION_IDS = FieldType(
    "list of institution ids", _ids, Link.INSTITUTIONS, many=True,
    references=("institutions", "id"),
)  # fmt: skip
NAMES = FieldType("list of strings", _names, many=True)
CITATIONS = FieldType("list of citations", _tables, Link.CITATIONS, many=True)


class DataField(NamedTuple):
    name: str  # the key in the file
    type: FieldType
    required: bool
    help: str
    attribute: str = ""  # the record attribute it fills, when not `name`

    @property
    def target(self) -> str:
        return self.attribute or self.name


def _required(name: str, type_: FieldType, help_: str, attribute: str = "") -> DataField:
    return DataField(name, type_, True, help_, attribute)


def _optional(name: str, type_: FieldType, help_: str, attribute: str = "") -> DataField:
    return DataField(name, type_, False, help_, attribute)


RECORD_ID = _required(
    "id", ID, "Unique across the whole file: lower-case letters, digits, hyphens."
)
SOURCES = _required(
    "sources",
    CITATIONS,
    'The sources behind the record, at least one: `{ id = "source-id", at = "paragraph 9" }`.',
)
COUNTRY = _required(
    "country",
    PLACE,
    'A name from `[places]`, or "international organization", or "unknown".',
    attribute="place",
)
NOTE = _optional("note", TEXT, "Caveats: where sources disagree, what was not found.")
NAME_ZH = _optional("name_zh", TEXT, "Its name in Chinese, where a source gives it.")
ALIASES = _optional(
    "aliases",
    NAMES,
    "Other names people use for it (Roscosmos, CNSA), each seen in a source it cites; "
    "search and `show` find it by any of them.",
)


class Table(NamedTuple):
    title: str
    fields: tuple[DataField, ...]

    def field(self, name: str) -> DataField | None:
        for field in self.fields:
            if field.name == name:
                return field
        return None


# Record tables are named by the registry's plural (core.kinds); "dataset" and "citation" are
# the file's header and the entries of every `sources` list.
TABLES: dict[str, Table] = {
    "dataset": Table(
        "`[dataset]`: about the file.",
        (
            _required("title", TEXT, "The dataset's title."),
            _required("version", TEXT, "The dataset's version."),
            _required(
                "as_of",
                DAY,
                "The day the data describes; `planned` and `done` are judged at this date.",
            ),
            _optional("description", TEXT, "What the dataset holds."),
        ),
    ),
    "sources": Table(
        "`[[sources]]`: every source records cite.",
        (
            RECORD_ID,
            _required("title", TEXT, "The page's own title, as the page shows it."),
            _optional(
                "untitled",
                FLAG,
                "`true` when the page shows no title: `title` is then a [bracketed] description.",
            ),
            _optional("author", TEXT, "The author or byline, where the page names one."),
            _required(
                "publisher", TEXT, "Who published the text first (for a repost, the original)."
            ),
            _required("url", URL, "Where it was read (http:// or https://)."),
            _optional("via", TEXT, "When `url` is a repost: the site that reposted it."),
            _optional("original_url", URL, "When `url` is a repost: the original, where known."),
            _optional("date", DATE, f"When it was published: {DATE_FORMS}."),
            _optional("checked", DAY, "The day a maintainer last checked it against the page."),
            _optional("accessed", DAY, "The day it was read, where that is recorded."),
            _optional("archive_url", URL, "An archived copy (a Wayback Machine link)."),
            _optional(
                "reliability",
                TEXT,
                "For a rewrite, aggregator or content farm: what it is, and a better source.",
            ),
            _optional("note", TEXT, "About the source: datelines, numbering, what it covers."),
        ),
    ),
    "citation": Table(
        "A citation, in any record's `sources` list.",
        (
            _required("id", TEXT, "The `id` of a `[[sources]]` entry."),
            _required("at", TEXT, "Where in the source: `paragraph 9`, `paragraphs 3, 9`, `page`."),
        ),
    ),
    "institutions": Table(
        "`[[institutions]]`: the partner institutions behind the payloads.",
        (
            RECORD_ID,
            _required("name", TEXT, "Its full name."),
            COUNTRY,
            _optional("short_name", TEXT, "A common abbreviation (METU, SUPARCO)."),
            ALIASES,
            NAME_ZH,
            NOTE,
            SOURCES,
        ),
    ),
    "payloads": Table(
        "`[[payloads]]`: the selected projects, one record each.",
        (
            RECORD_ID,
            _required("name", TEXT, "The payload's name."),
            _required("kind", _choice(PayloadKind), "What it is."),
            _required("description", TEXT, "What it does, in the dataset's own words."),
            _required("institutions", INSTITUTION_IDS, "Its partners, at least one."),
            _optional("mission", MISSION, "The `[[missions]]` name of the mission it flies on."),
            NAME_ZH,
            _optional("mass", TEXT, "Its mass as a source gives it: `about 35 kg`."),
            NOTE,
            SOURCES,
        ),
    ),
    "members": Table(
        "`[[members]]`: ILRS participants.",
        (
            RECORD_ID,
            _required("name", TEXT, "The participant's name."),
            COUNTRY,
            _required(
                "level",
                _choice(Level),
                "How it takes part; `affiliated` is through the organization in `via`.",
            ),
            _required(
                "status",
                _choice(MemberStatus),
                "`signed` only where a source documents an agreement; else `reported`.",
            ),
            _optional("short_name", TEXT, "A common abbreviation (APSCO)."),
            ALIASES,
            _optional(
                "date",
                DATE,
                f'The signing date ({DATE_FORMS}); needs `status = "signed"`; adds a timeline '
                "event `<id>-signs`.",
            ),
            _optional("via", MEMBER_ID, "For `affiliated`: the organization (a member id)."),
            _optional("agreement", TEXT, "What was signed, and by whom."),
            NOTE,
            SOURCES,
        ),
    ),
    "signatories": Table(
        "`[[signatories]]`: Artemis Accords signatories, one record a country.",
        (
            RECORD_ID,
            _required(
                "country",
                PLACE,
                "The signatory: a country or region name from `[places]`.",
                attribute="place",
            ),
            _required(
                "date", DATE, f"The signing date, at the precision the source gives: {DATE_FORMS}."
            ),
            _optional(
                "order",
                ORDINAL,
                "Its ordinal among the signatories where a source numbers it (Bahrain: 17); "
                "unique, and in date order.",
            ),
            _optional("signed_by", TEXT, "Who signed, where a source says."),
            _optional("location", TEXT, "Where it was signed, where a source says."),
            NOTE,
            SOURCES,
        ),
    ),
    "missions": Table(
        "`[[missions]]`: the missions that events and facts name.",
        (
            RECORD_ID,
            _required("name", TEXT, "The name events and facts use in `mission`."),
            _optional("full_name", TEXT, "The name in full, where `name` is short (ILRS)."),
            NAME_ZH,
            NOTE,
            SOURCES,
        ),
    ),
    "events": Table(
        "`[[events]]`: the timeline.",
        (
            RECORD_ID,
            _required("date", DATE, f"When: {DATE_FORMS}."),
            _required("mission", MISSION, "A `[[missions]]` name: Chang'e-7, ILRS."),
            _required(
                "status",
                _choice(EventStatus),
                "At the as-of date; `done` needs a source saying it happened.",
            ),
            _required("event", TEXT, "What happens."),
            _optional("kind", _choice(EventKind), "What kind of step it is."),
            NOTE,
            SOURCES,
        ),
    ),
    "facts": Table(
        "`[[facts]]`: mission facts, one a record.",
        (
            RECORD_ID,
            _required("mission", MISSION, "The `[[missions]]` name the fact is about."),
            _required("topic", TEXT, "A short label: Landing site, Launch."),
            _required("text", TEXT, "The fact, in the dataset's own words."),
            NOTE,
            SOURCES,
        ),
    ),
}

PLACES_HELP = (
    "`[places]` maps each country or region name that records use to its ISO 3166 code "
    '(`"Turkey" = "TR"`; a region inside a country takes its ISO 3166-2 code, '
    '`"Hawaii" = "US-HI"`).'
)


def schema_markdown() -> str:
    """The schema as Markdown tables, for the dataset reference."""
    parts = [PLACES_HELP, "", f"Dates: {DATASET_FORMATS}.", ""]
    for table in TABLES.values():
        parts += [
            table.title,
            "",
            "| field | type | required | meaning |",
            "| --- | --- | --- | --- |",
        ]
        for spec in table.fields:
            required = "yes" if spec.required else "no"
            cells = (f"`{spec.name}`", spec.type.doc, required, spec.help)
            parts.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
        parts.append("")
    return "\n".join(parts)
