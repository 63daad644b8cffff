"""The tables of the export, with their rows: a table per record kind (`members` for the
ILRS, `signatories` for the Artemis Accords), `places`, `standings` (each place's camps), link
tables for lists (partner institutions, citations, aliases, and a table for every other list
field) and `_meta`. They are built from the schema's field declarations; the SQLite export
(export.sqlite) and the data package (export.datapackage) write the same ones.
"""

from __future__ import annotations

import datetime
from enum import Enum

from .. import __version__
from ..core.dates import FuzzyDate
from ..core.field_types import DATE
from ..core.kinds import KINDS, Kind
from ..core.records import Dataset, Place, value_of
from ..core.schema import PLACES_HELP, TABLES, DataField
from ..core.tuples import NamedTuple
from ..report.items import region_text
from ..report.list_fields import flat_columns

Value = str | int | float | None


class Column(NamedTuple):
    name: str
    type: str  # its Table Schema type: string, integer, number, boolean or date (an ISO day)
    description: str
    required: bool = False
    references: tuple[str, str] | None = None  # (table, column)


class Table(NamedTuple):
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    rows: list[tuple[Value, ...]]
    view: bool = False  # in SQLite a view of the same rows (export.views), not a table


POSITION = Column("position", "integer", "Its place in the dataset (events by date), from 1.", True)


def _value(value: object) -> Value:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, FuzzyDate):
        return value.text
    if isinstance(value, Place):
        return value.name
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float):
        return value
    record_id = getattr(value, "id", None)
    if isinstance(value, tuple) and isinstance(record_id, str):
        return record_id  # a record a list field refers to: its id
    raise TypeError(f"no column type for {type(value).__name__}")


def _column(spec: DataField) -> Column:
    """A field's column: its type and what it refers to, from its declaration."""
    kind = spec.type
    return Column(spec.name, kind.column, spec.help, spec.required, kind.references)


def _record_table(dataset: Dataset, kind: Kind) -> Table:
    fields = [f for f in TABLES[kind.plural].fields if not f.type.many]  # lists: own tables
    columns = [_column(spec) for spec in fields]
    records = getattr(dataset, kind.plural)
    rows = [[_value(value_of(r, spec.target)) for spec in fields] for r in records]
    dated = next((spec for spec in fields if spec.name == "date" and spec.type is DATE), None)
    if dated is not None:  # the span of each date, as the JSON gives it
        at = [c.name for c in columns].index("date") + 1
        columns[at:at] = [
            Column("start", "date", "The first day the date can mean.", dated.required),
            Column("end", "date", "The last day the date can mean.", dated.required),
        ]
        for row, record in zip(rows, records, strict=True):
            when = record.date
            row[at:at] = [when.start.isoformat(), when.end.isoformat()] if when else [None, None]
    description = TABLES[kind.plural].title
    if kind.plural == "events":
        description += " With a signing event for each member with a signing date."
    return Table(
        kind.plural,
        description,
        (*columns, POSITION),
        ("id",),
        [(*row, number) for number, row in enumerate(rows, start=1)],
    )


def _meta(dataset: Dataset) -> list[tuple[Value, ...]]:
    info = dataset.info
    pairs = [("title", info.title), ("version", info.version), ("as_of", info.as_of.isoformat())]
    if info.description:
        pairs.append(("description", info.description))
    return [*pairs, ("tool_version", __version__)]


def export_tables(dataset: Dataset) -> list[Table]:
    """Every table of the export, with its rows, each table after those it refers to."""
    places = Table(
        "places",
        PLACES_HELP + " Also the special places 'international organization' and 'unknown'.",
        (
            Column("name", "string", "The name records use.", True),
            Column("code", "string", "Its ISO 3166 code; empty for the special places."),
            Column("region", "string", "Its UN M49 region and sub-region: 'Asia / Western Asia'."),
            POSITION,
        ),
        ("name",),
        [(p.name, p.code, region_text(p.code), n) for n, p in enumerate(dataset.places, start=1)],
    )
    record_tables = [_record_table(dataset, kind) for kind in KINDS]
    standings = _standings_table(dataset)
    payload_institutions = Table(
        "payload_institutions",
        "The partner institutions of each payload, in the payload's order.",
        (
            Column("payload_id", "string", "The payload.", True, ("payloads", "id")),
            Column("institution_id", "string", "A partner.", True, ("institutions", "id")),
            Column("position", "integer", "Its place in the payload's list, from 1.", True),
        ),
        ("payload_id", "position"),
        [
            (payload.id, institution.id, n)
            for payload in dataset.payloads
            for n, institution in enumerate(payload.institutions, start=1)
        ],
    )
    at = TABLES["citation"].field("at")
    citations = Table(
        "citations",
        "The sources each record cites, and where in them.",
        (
            Column("record_kind", "string", "The kind of record: payload, member, ...", True),
            Column("record_id", "string", "The citing record's id.", True),
            Column("source_id", "string", "The source cited.", True, ("sources", "id")),
            Column("at", "string", at.help if at else "Where in the source.", True),
            Column("position", "integer", "Its place in the record's sources, from 1.", True),
        ),
        ("record_kind", "record_id", "position"),
        [
            (kind.name, record.id, citation.source.id, citation.at, n)
            for kind in KINDS
            for record in getattr(dataset, kind.plural)
            for n, citation in enumerate(getattr(record, "sources", ()), start=1)
        ],
    )
    aliases = Table(
        "aliases",
        "The other names of each record that has them (its aliases), in the record's order.",
        (
            Column("record_kind", "string", "The kind of record: institution or member.", True),
            Column("record_id", "string", "The record's id.", True),
            Column("alias", "string", "One other name.", True),
            Column("position", "integer", "Its place in the record's aliases, from 1.", True),
        ),
        ("record_kind", "record_id", "position"),
        [
            (kind.name, record.id, alias, n)
            for kind in KINDS
            for record in getattr(dataset, kind.plural)
            for n, alias in enumerate(getattr(record, "aliases", ()), start=1)
        ],
    )
    meta = Table(
        "_meta",
        "About the export: the dataset's title, version and as-of date, and the tool version.",
        (Column("key", "string", "What the value is.", True), Column("value", "string", "It.")),
        ("key",),
        _meta(dataset),
    )
    payload_countries = _payload_countries_table(dataset)
    return [
        places, *record_tables, standings, payload_institutions, payload_countries,
        *_list_tables(dataset), citations, aliases, meta, _summary_table(dataset),
    ]  # fmt: skip


def _schema_type(described: str) -> str:
    """The Table Schema type of a listing's column, from its type as `ilrs fields` says it."""
    return next((kind for start, kind in (("integer", "integer"), ("ISO date", "date"))
                 if described.startswith(start)), "string")  # fmt: skip


def _summary_table(dataset: Dataset) -> Table:
    """`country_summary`: the rows of `ilrs countries` with their flat columns, one a place."""
    from ..report.answers import countries

    listing = countries(dataset)
    columns = flat_columns(listing.columns)
    return Table(
        "country_summary",
        "One row a country or region, as the command ilrs countries gives it, with only its "
        "flat columns: its highest ILRS level and that level's status, its first ILRS date, "
        "its Artemis Accords date and order (its own or its country's), its payloads by "
        "mission. A place with several ILRS records (Ethiopia: national and subnational) is "
        "one row; ilrs_records counts them.",
        tuple(Column(c.name, _schema_type(c.type), c.help, c.name == "country") for c in columns),
        ("country",),
        [tuple(item[c.name] for c in columns) for item in listing.items],
        view=True,
    )


# The list fields the tables above give in their own shape: every record's `sources`
# (citations) and `aliases` (aliases), and each payload's partners (payload_institutions).
OWN_TABLES = {"sources", "aliases", "payloads.institutions"}


def _list_tables(dataset: Dataset) -> list[Table]:
    """A table for every other list field of every kind (`<plural>_<field>`), a row an
    element in the record's order, typed from the field's declaration: a new list field needs
    no code here."""
    tables = []
    for kind in KINDS:
        for spec in TABLES[kind.plural].fields:
            if not spec.type.many or {spec.name, f"{kind.plural}.{spec.name}"} & OWN_TABLES:
                continue
            owner = f"{kind.name}_id"
            tables.append(Table(
                f"{kind.plural}_{spec.target}",
                f"The {spec.name} of each {kind.name}, one a row: {spec.help}",
                (
                    Column(owner, "string", f"The {kind.name}.", True, (kind.plural, "id")),
                    Column("value", spec.type.column, f"One of its {spec.name}.", True,
                           spec.type.references),
                    Column("position", "integer", f"Its place in the {kind.name}'s list, from 1.",
                           True),
                ),
                (owner, "position"),
                [
                    (record.id, _value(element), n)
                    for record in getattr(dataset, kind.plural)
                    for n, element in enumerate(value_of(record, spec.target) or (), start=1)
                ],
            ))  # fmt: skip
    return tables


def _payload_countries_table(dataset: Dataset) -> Table:
    """Each payload's partner countries and regions, each once: join through this, not
    through institutions, to count payloads by country without repeating one."""
    return Table(
        "payload_countries",
        "The countries and regions of each payload's partner institutions, each once, in the "
        "order of the partners (as the countries key of ilrs payloads in JSON); "
        "international organizations are not places.",
        (
            Column("payload_id", "string", "The payload.", True, ("payloads", "id")),
            Column("country", "string", "A partner's country or region.", True,
                   ("places", "name")),
            Column("position", "integer", "Its place in the payload's list, from 1.", True),
        ),
        ("payload_id", "country"),
        [
            (payload.id, place.name, n)
            for payload in dataset.payloads
            for n, place in enumerate(payload.places, start=1)
        ],
    )  # fmt: skip


def _standings_table(dataset: Dataset) -> Table:
    from ..query.camps import standing_of
    from ..report.items import ilrs_standing_text
    from ..report.list_fields import CAMPS_HELP

    rows: list[tuple[Value, ...]] = []
    for place in dataset.places:
        standing = standing_of(dataset, place)
        signatory = standing.signatory
        rows.append((
            place.name, standing.camp.value, ilrs_standing_text(dataset, standing),
            signatory.id if signatory else None, standing.first, standing.via,
        ))  # fmt: skip
    return Table(
        "standings",
        "Each place's standing between the ILRS and the Artemis Accords, as the command ilrs "
        "countries gives it (computed from members and signatories).",
        (
            Column("place", "string", "The place.", True, ("places", "name")),
            Column("camps", "string", CAMPS_HELP, True),
            Column("ilrs_standing", "string", "Its ILRS standing in words."),
            Column(
                "artemis_id",
                "string",
                "Its Accords signing, or that of the country it lies in.",
                references=("signatories", "id"),
            ),
            Column("first", "string", "For both camps: which it joined first."),
            Column(
                "camps_via",
                "string",
                "The country it lies in, when it counts in a camp through it.",
            ),
        ),
        ("place",),
        rows,
    )
