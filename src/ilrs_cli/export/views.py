"""The SQL views of the SQLite export: one per list command, whose rows are the command's
`--json` objects, built from the export's tables (export.tables) with SQLite's JSON
functions."""

from __future__ import annotations

from ..core.kinds import BY_PLURAL
from ..core.schema import TABLES
from ..core.vocab import Level
from ..report.commands import COLUMNS_BY_COMMAND, COMMANDS
from ..report.items import PAYLOAD_COUNTS
from ..report.list_fields import flat_columns


def quote(name: str) -> str:
    """An SQL identifier: `name` in double quotes."""
    return '"' + name.replace('"', '""') + '"'


def _array(obj: str, rest: str) -> str:
    """A JSON array of `obj` (an SQL expression) over the rows of `rest`, in its order."""
    return f"(SELECT json_group_array(json(o)) FROM (SELECT {obj} AS o {rest}))"


def _object(*keys: str, alias: str) -> str:
    """json_object of `keys`, each the column of that name of `alias` or a 'key=expr'."""
    pairs = []
    for key in keys:
        name, _, expression = key.partition("=")
        pairs.append(f"'{name}', {expression or f'{alias}.{quote(name)}'}")
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


def _order_by(command: str, alias: str = "") -> str:
    """ORDER BY the command's `default_sort` (a date by its start, then its end; a missing
    value last), else in file order."""
    prefix = f"{alias}." if alias else ""
    fields = COMMANDS[command].default_sort
    columns = [
        name for field in fields for name in (("start", "end") if field == "date" else (field,))
    ]
    return (
        ", ".join(f"{prefix}{quote(name)} IS NULL, {prefix}{quote(name)}" for name in columns)
        or f"{prefix}position"
    )


def _view(command: str, table: str, alias: str, where: str = "", **special: str) -> str:
    """SELECT the keys of `command`'s JSON objects, in order: a column of `table` of the same
    name unless `special` gives the SQL expression (a list field of a record table: its
    elements, from its own table); rows in the command's default order."""
    keys = [column.name for column in COLUMNS_BY_COMMAND[command]]
    special = {**_list_fields(table, alias), **special}
    select = ",\n  ".join(f"{special.get(k, f'{alias}.{quote(k)}')} AS {quote(k)}" for k in keys)
    condition = f" WHERE {where}" if where else ""
    order = _order_by(command, alias)
    return f"\nSELECT {select}\nFROM {table} AS {alias}{condition} ORDER BY {order}"


def _list_fields(plural: str, alias: str) -> dict[str, str]:
    """Each list field of a kind's records (its sources, its aliases, its other lists) as a
    JSON array from its own table; nothing for a table of no kind."""
    kind = BY_PLURAL.get(plural)
    if kind is None:
        return {}
    found = {"sources": _sources(kind.name, alias)}
    for spec in TABLES[plural].fields:
        if spec.type.many and spec.name not in found:
            found[spec.name] = _aliases(kind.name, alias) if spec.name == "aliases" else (
                f"(SELECT json_group_array(t.value) FROM (SELECT value FROM "
                f"{quote(f'{plural}_{spec.target}')} WHERE {kind.name}_id = {alias}.id "
                "ORDER BY position) AS t)"
            )  # fmt: skip
    return found


PARTNERS = "FROM payload_institutions AS pi JOIN institutions AS i ON i.id = pi.institution_id "
PAYLOAD_COUNTRIES = f"""(SELECT json_group_array(country) FROM (
    SELECT i.country AS country {PARTNERS}JOIN places AS pl ON pl.name = i.country
    WHERE pi.payload_id = p.id AND pl.code IS NOT NULL
    GROUP BY i.country ORDER BY min(pi.position)))"""


def _artemis_ref(place: str) -> str:
    """The json_object of the Accords signing that a place's standing names, or NULL."""
    keys = ("id=sg.id", "country=sg.country", "date=sg.date", "start=sg.start", "end=sg.\"end\"",
            "status=sg.status", "order=sg.\"order\"")  # fmt: skip
    return (
        f"(SELECT {_object(*keys, alias='sg')} FROM standings AS st JOIN signatories AS sg "
        f"ON sg.id = st.artemis_id WHERE st.place = {place})"
    )


def _standing(place: str, key: str) -> str:
    return f"(SELECT st.{quote(key)} FROM standings AS st WHERE st.place = {place})"


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
    {_standing("m.country", "first")} AS first, {_sources("member", "m")} AS sources
  FROM members AS m WHERE m.date IS NOT NULL
  UNION ALL
  SELECT sg.id, 'Artemis Accords', sg.date, sg.start, sg."end", sg.country, sg.country, NULL,
    sg."order", {accords}, {_standing("sg.country", "first")}, {_sources("signatory", "sg")}
  FROM signatories AS sg
) ORDER BY {_order_by("signings")}"""


def _summary(place: str) -> dict[str, str]:
    """The flat keys of a place's row (report.items.summary_keys), in SQL."""
    own = f"FROM members AS m WHERE m.country = {place}"
    level = f"(SELECT m.level {own} ORDER BY {LEVEL_RANK}, m.position LIMIT 1)"
    first = (
        f"(SELECT m.{{key}} {own} AND m.date IS NOT NULL "
        'ORDER BY m.start, m."end", m.position LIMIT 1)'
    )
    signing = (
        f"(SELECT sg.{{key}} FROM standings AS st JOIN signatories AS sg ON sg.id = st.artemis_id "
        f"WHERE st.place = {place})"
    )
    found = {
        "ilrs_level": level,
        "ilrs_status": f"(CASE WHEN {level} IS NULL THEN NULL WHEN EXISTS (SELECT 1 {own} AND "
        f"m.level = {level} AND m.status = 'signed') THEN 'signed' ELSE 'reported' END)",
        "ilrs_date": first.format(key="date"),
        "ilrs_start": first.format(key="start"),
        "ilrs_records": f"(SELECT count(*) {own})",
        "artemis_date": signing.format(key="date"),
        "artemis_start": signing.format(key="start"),
        "artemis_order": signing.format(key='"order"'),
    }
    for key, mission in PAYLOAD_COUNTS.items():
        named = "'" + mission.replace("'", "''") + "'"
        found[key] = (
            f"(SELECT count(*) FROM payloads AS p WHERE p.mission = {named} "
            f"AND EXISTS (SELECT 1 {PARTNERS}WHERE pi.payload_id = p.id AND i.country = {place}))"
        )
    return found


LEVEL_RANK = (
    "CASE m.level "
    + " ".join(f"WHEN '{level.value}' THEN {rank}" for rank, level in enumerate(Level))
    + " END"
)


# The list commands with no view, and why; every other has one (tests/test_commands_declared.py).
WITHOUT_VIEW = {
    "growth": "its rows are counts made year by year, not rows of the data",
    "search": "it answers text asked at run time",
    "sources": "the table `sources` holds its rows",
}


def list_views() -> dict[str, str]:
    fixed = {
        "list_payloads": _view(
            "payloads", "payloads", "p",
            countries=PAYLOAD_COUNTRIES,
            institutions=_array(
                _object("id", "name", "short_name", "country", alias="i"),
                PARTNERS + "WHERE pi.payload_id = p.id ORDER BY pi.position",
            ),
        ),
        "list_members": _view(
            "members", "members", "m",
            via=_via_name("m"), artemis=_artemis_ref("m.country"),
            first=_standing("m.country", "first"),
        ),
        "list_artemis": _view(
            "artemis", "signatories", "sg",
            code="(SELECT pl.code FROM places AS pl WHERE pl.name = sg.country)",
            region="(SELECT pl.region FROM places AS pl WHERE pl.name = sg.country)",
            camps=_standing("sg.country", "camps"),
            ilrs_standing=_standing("sg.country", "ilrs_standing"),
            first=_standing("sg.country", "first"),
            camps_via=_standing("sg.country", "camps_via"),
            ilrs=_participations("sg.country"),
            payloads=_payloads_of("sg.country"),
        ),
        "list_signings": _signings(),
        "list_timeline": _view("timeline", "events", "e"),
        "list_mission": _view("mission", "facts", "f"),
        "list_countries": _view(
            "countries", "places", "pl", "pl.code IS NOT NULL",
            country="pl.name",
            camps=_standing("pl.name", "camps"),
            ilrs=_participations("pl.name"),
            ilrs_standing=_standing("pl.name", "ilrs_standing"),
            first=_standing("pl.name", "first"),
            camps_via=_standing("pl.name", "camps_via"),
            artemis=_artemis_ref("pl.name"),
            payloads=_payloads_of("pl.name"),
            institutions=_array(
                _object("id", "name", "short_name", alias="i"),
                "FROM institutions AS i WHERE i.country = pl.name ORDER BY i.position",
            ),
            **_summary("pl.name"),
        ),
    }  # fmt: skip
    return fixed


def all_views() -> dict[str, str]:
    """Every view of the SQLite export: the list commands', and country_summary, the flat
    columns of list_countries (a table of the data package: export.tables)."""
    columns = flat_columns(COLUMNS_BY_COMMAND["countries"])
    flat = ", ".join(quote(column.name) for column in columns)
    return {**list_views(), "country_summary": f"\nSELECT {flat} FROM list_countries"}
