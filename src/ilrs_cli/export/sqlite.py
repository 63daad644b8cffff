"""The dataset as an SQLite database: a table per record kind (`members` for the ILRS,
`signatories` for the Artemis Accords), `places`, `standings` (each place's camps), link
tables for lists (partner institutions, citations, aliases), `_meta`, and a view per list
command whose rows are the command's `--json` objects.

The tables (`export_tables`) are built from the schema's field declarations, so the data
package export (export.datapackage) writes the same ones.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import sqlite3
from enum import Enum
from pathlib import Path

from .. import __version__
from ..core.dates import FuzzyDate
from ..core.errors import WriteFailed
from ..core.field_types import DATE
from ..core.kinds import BY_PLURAL, KINDS, Kind
from ..core.records import Dataset, Place, value_of
from ..core.schema import PLACES_HELP, TABLES, DataField
from ..core.tuples import NamedTuple
from ..load.atomic import absolute, check_file_target, failed, temporary_beside
from ..report.items import region_text
from ..report.list_commands import COLUMNS_BY_COMMAND, LIST_COMMANDS

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
        "The other names of each record that has them (its `aliases`), in the record's order.",
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
        *_list_tables(dataset), citations, aliases, meta,
    ]  # fmt: skip


# The list fields the tables above give in their own shape: every record's `sources`
# (citations) and `aliases` (aliases), and each payload's partners (payload_institutions).
_OWN_TABLES = {"sources", "aliases", "payloads.institutions"}


def _list_tables(dataset: Dataset) -> list[Table]:
    """A table for every other list field of every kind (`<plural>_<field>`), a row an
    element in the record's order, typed from the field's declaration: a new list field needs
    no code here."""
    tables = []
    for kind in KINDS:
        for spec in TABLES[kind.plural].fields:
            if not spec.type.many or {spec.name, f"{kind.plural}.{spec.name}"} & _OWN_TABLES:
                continue
            owner = f"{kind.name}_id"
            tables.append(Table(
                f"{kind.plural}_{spec.target}",
                f"The `{spec.name}` of each {kind.name}, one a row: {spec.help}",
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
        "order of the partners (as the `countries` key of `ilrs payloads --json`); "
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
            place.name, standing.camp.value, ilrs_standing_text(dataset, place),
            signatory.id if signatory else None, standing.first,
        ))  # fmt: skip
    return Table(
        "standings",
        "Each place's standing between the ILRS and the Artemis Accords, as `ilrs countries` "
        "gives it (computed from members and signatories).",
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
        ),
        ("place",),
        rows,
    )


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# A date column is declared DATE (an ISO day as text): sqlite3's PARSE_DECLTYPES and
# Datasette read it as a date.
SQL_TYPES = {
    "string": "TEXT",
    "date": "DATE",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
}


def _create_table(table: Table, referenced: set[tuple[str, str]]) -> str:
    parts = []
    for column in table.columns:
        sql = f"{_quote(column.name)} {SQL_TYPES[column.type]}"
        if column.required:
            sql += " NOT NULL"
        if (table.name, column.name) in referenced and table.primary_key != (column.name,):
            sql += " UNIQUE"  # a foreign key's target must be unique
        if column.references:
            sql += f" REFERENCES {_quote(column.references[0])} ({_quote(column.references[1])})"
        parts.append(sql)
    parts.append(f"PRIMARY KEY ({', '.join(_quote(name) for name in table.primary_key)})")
    return f"CREATE TABLE {_quote(table.name)} (\n  " + ",\n  ".join(parts) + "\n)"


def _array(obj: str, rest: str) -> str:
    """A JSON array of `obj` (an SQL expression) over the rows of `rest`, in its order."""
    return f"(SELECT json_group_array(json(o)) FROM (SELECT {obj} AS o {rest}))"


def _object(*keys: str, alias: str) -> str:
    """json_object of `keys`, each the column of that name of `alias` or a 'key=expr'."""
    pairs = []
    for key in keys:
        name, _, expression = key.partition("=")
        pairs.append(f"'{name}', {expression or f'{alias}.{_quote(name)}'}")
    return f"json_object({', '.join(pairs)})"


def _sources(kind: str, alias: str) -> str:
    keys = ("id=s.id", "at=c.at", "title", "publisher", "date", "url", "via")
    return _array(
        _object(*keys, alias="s"),
        "FROM citations AS c JOIN sources AS s ON s.id = c.source_id "
        f"WHERE c.record_kind = '{kind}' AND c.record_id = {alias}.id ORDER BY c.position",
    )


def _aliases(kind: str, alias: str) -> str:
    return (
        "(SELECT json_group_array(a.alias) FROM (SELECT alias FROM aliases "
        f"WHERE record_kind = '{kind}' AND record_id = {alias}.id ORDER BY position) AS a)"
    )


def _via_name(alias: str) -> str:
    return f"(SELECT coalesce(v.short_name, v.name) FROM members AS v WHERE v.id = {alias}.via)"


def _view(
    command: str, table: str, alias: str, where: str = "", order_by: str = "", **special: str
) -> str:
    """SELECT the keys of `command`'s JSON objects, in order: a column of `table` of the same
    name unless `special` gives the SQL expression; rows in file order unless `order_by`."""
    keys = [column.name for column in COLUMNS_BY_COMMAND[command]]
    select = ",\n  ".join(f"{special.get(k, f'{alias}.{_quote(k)}')} AS {_quote(k)}" for k in keys)
    condition = f" WHERE {where}" if where else ""
    order = order_by or f"{alias}.position"
    return f"\nSELECT {select}\nFROM {table} AS {alias}{condition} ORDER BY {order}"


PARTNERS = "FROM payload_institutions AS pi JOIN institutions AS i ON i.id = pi.institution_id "
PAYLOAD_COUNTRIES = f"""(SELECT json_group_array(country) FROM (
    SELECT i.country AS country {PARTNERS}JOIN places AS pl ON pl.name = i.country
    WHERE pi.payload_id = p.id AND pl.code IS NOT NULL
    GROUP BY i.country ORDER BY min(pi.position)))"""


def _artemis_ref(place: str) -> str:
    """The json_object of the Accords signing that a place's standing names, or NULL."""
    keys = ("id=sg.id", "country=sg.country", "date=sg.date", "start=sg.start", "end=sg.\"end\"",
            "order=sg.\"order\"")  # fmt: skip
    return (
        f"(SELECT {_object(*keys, alias='sg')} FROM standings AS st JOIN signatories AS sg "
        f"ON sg.id = st.artemis_id WHERE st.place = {place})"
    )


def _standing(place: str, key: str) -> str:
    return f"(SELECT st.{_quote(key)} FROM standings AS st WHERE st.place = {place})"


PAYLOAD_REF = _object("id", "name", "mission", alias="p")
PARTICIPATION = ("id", "name", "level", "status", "via={via}", "date")


def _participations(place: str) -> str:
    keys = [key.format(via=_via_name("m")) for key in PARTICIPATION]
    return _array(
        _object(*keys, alias="m"),
        f"FROM members AS m WHERE m.country = {place} ORDER BY m.position",
    )


def _payloads_of(place: str) -> str:
    return _array(
        PAYLOAD_REF,
        f"FROM payloads AS p WHERE EXISTS (SELECT 1 {PARTNERS}"
        f"WHERE pi.payload_id = p.id AND i.country = {place}) ORDER BY p.position",
    )


ORDINAL_SUFFIX = """(CASE WHEN {o} % 100 BETWEEN 10 AND 20 THEN 'th' WHEN {o} % 10 = 1 THEN 'st'
    WHEN {o} % 10 = 2 THEN 'nd' WHEN {o} % 10 = 3 THEN 'rd' ELSE 'th' END)"""


def _signings() -> str:
    """Both camps' signings in date order, as `ilrs signings --json`."""
    order = 'sg."order"'
    accords = (
        "sg.country || ' signs the Artemis Accords' || (CASE WHEN sg.\"order\" IS NULL THEN '' "
        f"ELSE ' as the ' || {order} || {ORDINAL_SUFFIX.format(o=order)} || ' signatory' END)"
        " || coalesce('; signed by ' || sg.signed_by, '')"
    )
    ilrs = "coalesce(m.agreement, m.name || ' signs an ILRS agreement')"
    return f"""
SELECT * FROM (
  SELECT m.id AS id, 'ILRS' AS camp, m.date AS date, m.start AS start, m."end" AS "end",
    m.country AS country, m.name AS name, m.level AS level, NULL AS "order", {ilrs} AS event,
    {_sources("member", "m")} AS sources
  FROM members AS m WHERE m.date IS NOT NULL
  UNION ALL
  SELECT sg.id, 'Artemis Accords', sg.date, sg.start, sg."end", sg.country, sg.country, NULL,
    sg."order", {accords}, {_sources("signatory", "sg")}
  FROM signatories AS sg
) ORDER BY start, "end", camp, "order" IS NULL, coalesce("order", 0), id"""


def _record_view(command: str, plural: str) -> str:
    """The view of a list command of one kind's records: its columns, and each list field
    (its sources, its aliases, its other lists) as a JSON array from its own table."""
    kind = BY_PLURAL[plural]
    special = {"sources": _sources(kind.name, "r")}
    for spec in TABLES[plural].fields:
        if spec.type.many and spec.name not in special:
            special[spec.name] = _aliases(kind.name, "r") if spec.name == "aliases" else (
                f"(SELECT json_group_array(t.value) FROM (SELECT value FROM "
                f"{_quote(f'{plural}_{spec.target}')} WHERE {kind.name}_id = r.id "
                "ORDER BY position) AS t)"
            )  # fmt: skip
    return _view(command, plural, "r", **special)


def _views() -> dict[str, str]:
    generated = {f"list_{name}": _record_view(name, spec.lists)
                 for name, spec in LIST_COMMANDS.items() if spec.lists is not None}  # fmt: skip
    fixed = {
        "list_payloads": _view(
            "payloads", "payloads", "p",
            countries=PAYLOAD_COUNTRIES,
            institutions=_array(
                _object("id", "name", "short_name", "country", alias="i"),
                PARTNERS + "WHERE pi.payload_id = p.id ORDER BY pi.position",
            ),
            sources=_sources("payload", "p"),
        ),
        "list_members": _view(
            "members", "members", "m",
            aliases=_aliases("member", "m"), via=_via_name("m"),
            artemis=_artemis_ref("m.country"), sources=_sources("member", "m"),
        ),
        "list_artemis": _view(
            "artemis", "signatories", "sg",
            order_by='sg.start, sg."end", sg."order" IS NULL, coalesce(sg."order", 0), sg.id',
            code="(SELECT pl.code FROM places AS pl WHERE pl.name = sg.country)",
            region="(SELECT pl.region FROM places AS pl WHERE pl.name = sg.country)",
            camps=_standing("sg.country", "camps"),
            ilrs_standing=_standing("sg.country", "ilrs_standing"),
            first=_standing("sg.country", "first"),
            ilrs=_participations("sg.country"),
            payloads=_payloads_of("sg.country"),
            sources=_sources("signatory", "sg"),
        ),
        "list_signings": _signings(),
        "list_timeline": _view("timeline", "events", "e", sources=_sources("event", "e")),
        "list_mission": _view("mission", "facts", "f", sources=_sources("fact", "f")),
        "list_countries": _view(
            "countries", "places", "pl", "pl.code IS NOT NULL",
            country="pl.name",
            camps=_standing("pl.name", "camps"),
            ilrs=_participations("pl.name"),
            ilrs_standing=_standing("pl.name", "ilrs_standing"),
            first=_standing("pl.name", "first"),
            artemis=_artemis_ref("pl.name"),
            payloads=_payloads_of("pl.name"),
            institutions=_array(
                _object("id", "name", "short_name", alias="i"),
                "FROM institutions AS i WHERE i.country = pl.name ORDER BY i.position",
            ),
        ),
    }  # fmt: skip
    return fixed | generated


def _fill(connection: sqlite3.Connection, tables: list[Table]) -> None:
    referenced = {c.references for t in tables for c in t.columns if c.references}
    connection.execute("BEGIN")
    for table in tables:
        connection.execute(_create_table(table, referenced))
        marks = ", ".join("?" * len(table.columns))
        connection.executemany(f"INSERT INTO {_quote(table.name)} VALUES ({marks})", table.rows)
    for name, select in _views().items():
        connection.execute(f"CREATE VIEW {name} AS{select}")
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        shown = ", ".join(f"{table} row {row} -> {parent}" for table, row, parent, _ in broken[:5])
        raise ValueError(f"the dataset's links do not hold in the export: {shown}")
    connection.execute("COMMIT")


def write_sqlite(dataset: Dataset, path: Path, force: bool = False) -> dict[str, int]:
    """Write the dataset to the SQLite database `path`; return each table's row count.
    An existing regular file is replaced only with `force`, anything else never
    (TargetInTheWay); the file appears whole or not at all. WriteFailed when SQLite or the
    system cannot write it (a full disk, a directory that may not be written in)."""
    shown = Path(path)
    path = absolute(shown)
    check_file_target(shown, force)
    if not path.parent.is_dir():
        raise WriteFailed(str(shown), f"there is no directory {path.parent} to write it in")
    tables = export_tables(dataset)
    temporary = temporary_beside(path)
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            _fill(connection, tables)
        finally:
            connection.close()
        os.replace(temporary, path)
    except BaseException as error:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        if isinstance(error, sqlite3.Error):
            raise WriteFailed(str(shown), str(error)) from None
        if isinstance(error, OSError):
            raise failed(shown, error) from None
        raise
    return {table.name: len(table.rows) for table in tables}
