"""The fields of each list command: what its JSON objects hold (a public contract, see
README), and how tables and CSV show each field. A listing of records has a column for each
key of their JSON objects, in order: the columns given here, and for each other key the
column its field declares (core.schema)."""

from __future__ import annotations

from operator import itemgetter

from ..core.dates import display_date
from ..core.kinds import BY_PLURAL, kind_names
from ..core.schema import TABLES, DataField
from .cells import (
    ARTEMIS_CAMP,
    ILRS_CAMP,
    artemis_cell,
    artemis_words,
    level_cell,
    ordinal,
    participation_words,
)
from .items import PAYLOAD_COUNTS
from .listing import ID, SOURCES, Column, institution_text


def field_column(table: str, spec: DataField) -> Column:
    """The column of a declared field, as its `shown` says (else by its name and help); a
    value it may lack is null."""
    shown = spec.shown
    kind = BY_PLURAL[table]
    absent = kind.record_type._field_defaults.get(spec.target, () if spec.type.many else None)
    null = " or null" if not spec.required and absent is None else ""
    order, name = spec.type.order, spec.name
    return Column(
        name,
        shown.header if shown else name.replace("_", " ").capitalize(),
        shown.help if shown else spec.help,
        type=spec.type.described + null,
        sort_key=(lambda item: order(item[name])) if order else None,
        max_width=shown.max_width if shown else None,
    )


def record_columns(table: str, *given: Column) -> tuple[Column, ...]:
    """The columns of a listing of the table's records: one for each key of their JSON
    objects, in order (core.schema), the column given for it or else its field's (`id`
    and `sources` as every listing of records shows them)."""
    fields = {spec.name: spec for spec in TABLES[table].fields}
    keys = TABLES[table].json_keys or tuple(fields)
    if unknown := {column.name for column in given} - set(keys):
        raise ValueError(f"{table}: columns of no key: {', '.join(sorted(unknown))}")
    by_name = {"id": ID, "sources": SOURCES, **{column.name: column for column in given}}
    return tuple(by_name.get(key) or field_column(table, fields[key]) for key in keys)


def dated(
    header: str, help_: str, what: str = "date", optional: bool = False
) -> tuple[Column, Column, Column]:
    """The `date` column (the source's precision, sorted by its span) and its `start` and
    `end` days, of a listing whose items have all three."""
    null = " or null" if optional else ""
    return (
        Column("date", header, help_, type=f"date text{null}",
               table_cell=lambda item: display_date(item["date"]) if item["date"] else "",
               sort_key=lambda item: (item["start"], item["end"])),
        Column("start", "Start", f"The first day the {what} can mean (ISO 8601).",
               type=f"ISO date{null}"),
        Column("end", "End", f"The last day the {what} can mean (ISO 8601).",
               type=f"ISO date{null}"),
    )  # fmt: skip


PAYLOAD_COLUMNS = record_columns(
    "payloads",
    Column(
        "countries",
        "Countries",
        "The partners' countries and regions, each once.",
        type="list of strings",
    ),
    Column(
        "institutions",
        "Partner institutions",
        "The partners: {id, name, short_name, country}; country may be "
        "'international organization' or 'unknown'.",
        type="list of objects",
        show=institution_text,
    ),
)


ARTEMIS_REF = Column(
    "artemis",
    "Artemis Accords",
    "Its Artemis Accords signing, or that of the country it lies in: {id, country, date, "
    "start, end, order}; null when none is in the data.",
    type="object or null",
    show=lambda ref: artemis_words(ref),
    table_cell=lambda item: artemis_cell(item),
)


FIRST = Column(
    "first",
    "First",
    "For a country in both camps, which it joined first: ilrs, artemis, same day, or "
    "unclear (an ILRS date is missing or the two dates overlap); null otherwise. For a "
    "participant or a signing, that of its country.",
    type="string or null",
)


MEMBER_COLUMNS = record_columns(
    "members",
    Column(
        "level",
        "Level",
        "national, subnational, organization, or affiliated (through the organization in via).",
        table_cell=level_cell,
    ),
    *dated(
        "Signed",
        "The signing date, with the precision the source gives.",
        "signing date",
        optional=True,
    ),
    ARTEMIS_REF._replace(
        help="Its country's Artemis Accords signing: {id, country, date, start, end, order}; "
        "null when it has not signed (or for an organization)."
    ),
    FIRST,
)


# The default order of each dated list (a command's `default_sort`, its rows when --sort is not
# given): by date (its first day, then its last), undated rows last, then by the fields after.
MEMBER_ORDER = ("date", "id")
SIGNATORY_ORDER = ("date", "order", "id")
SIGNING_ORDER = ("date", "camp", "order", "id")
EVENT_ORDER = ("date", "id")
SOURCE_ORDER = ("date", "id")


EVENT_COLUMNS = record_columns(
    "events",
    *dated("Date", "The date as the source gives it: 2025-04-24, 2023-12, 2026, 2028/2029, 2030s."),
)


FACT_COLUMNS = record_columns("facts")


CAMPS_HELP = (
    "both, ilrs-only, artemis-only or neither: its ILRS participation in the data (national, "
    "subnational entities or affiliated, signed or reported; China leads the ILRS) and its "
    "Artemis Accords signing, its own or via the country it lies in (--documented and "
    "--level narrow what counts)."
)


STANDING_COLUMNS = (
    Column("camps", "Camps", CAMPS_HELP),
    Column(
        "ilrs_standing",
        "ILRS",
        "Its ILRS standing in words: each participation that counts (level, status, date), "
        "its country's where it lies in one ('via China, which leads the ILRS'), or 'leads "
        "the ILRS'; null when none.",
        type="string or null",
    ),
    FIRST,
    Column(
        "camps_via",
        "Via",
        "The country it lies in, when it counts in a camp through it (Hawaii via United "
        "States, Hong Kong via China); null when its camps are its own.",
        type="string or null",
    ),
)


PAYLOAD_REFS = Column(
    "payloads",
    "Payloads",
    "Payloads (of every mission: Chang'e-7 and Chang'e-8) with a partner from there: "
    "{id, name, mission}.",
    type="list of objects",
    show=lambda ref: f"{ref['name']} ({ref['mission']})" if ref.get("mission") else ref["name"],
)


def flat_columns(columns: tuple[Column, ...]) -> tuple[Column, ...]:
    """The columns of one value each (no list or object): a listing's flat table, as the
    exports' `country_summary` holds the countries'."""
    return tuple(c for c in columns if not c.type.startswith(("list", "object")))


# A place's row, flat: one value a key (the exports' country_summary).
SUMMARY_COLUMNS = (
    Column(
        "ilrs_level",
        "ILRS level",
        "The highest level of its own ILRS participation "
        "records (national, subnational, organization, affiliated); null when it has "
        "none (China leads the ILRS and has none).",
        type="string or null",
    ),
    Column(
        "ilrs_status",
        "ILRS status",
        "signed when any of its records at that level "
        "documents an agreement, else reported; null when it has none.",
        type="string or null",
    ),
    Column(
        "ilrs_date",
        "ILRS date",
        "The date of its first dated ILRS participation "
        "record, of any level, with the precision the source gives.",
        type="date text or null",
        sort_key=lambda item: item["ilrs_start"],
    ),
    Column(
        "ilrs_start",
        "ILRS start",
        "The first day that date can mean (ISO 8601).",
        type="ISO date or null",
    ),
    Column(
        "ilrs_records",
        "ILRS records",
        "How many ILRS participation records it has "
        "(the entries of ilrs); the row is one a place however many.",
        type="integer",
        sort_key=lambda item: item["ilrs_records"],
    ),
    Column(
        "artemis_date",
        "Artemis date",
        "The Artemis Accords signing date, its own or "
        "that of the country it lies in, with the precision the source gives.",
        type="date text or null",
        sort_key=lambda item: item["artemis_start"],
    ),
    Column(
        "artemis_start",
        "Artemis start",
        "The first day that date can mean (ISO 8601).",
        type="ISO date or null",
    ),
    Column(
        "artemis_order",
        "Artemis order",
        "That signatory's ordinal, where a source numbers it.",
        type="integer or null",
        sort_key=lambda item: item["artemis_order"],
    ),
    *(
        Column(
            key,
            f"{mission} payloads",
            f"How many {mission} payloads have a partner from there.",
            type="integer",
            sort_key=itemgetter(key),
        )
        for key, mission in PAYLOAD_COUNTS.items()
    ),
)


COUNTRY_COLUMNS = (
    Column("country", "Country or region", "The country or region's name in the dataset."),
    Column("code", "ISO", "Its ISO 3166 code (3166-2 for a region inside a country)."),
    Column(
        "region",
        "Region",
        "Its UN M49 region and sub-region: 'Asia / Western Asia'.",
        type="string or null",
    ),  # fmt: skip
    STANDING_COLUMNS[0],
    Column(
        "ilrs",
        "ILRS participation",
        "Its ILRS participation: {id, name, level, status, via, date}.",
        type="list of objects",
        show=participation_words,
    ),
    *STANDING_COLUMNS[1:],
    ARTEMIS_REF,
    PAYLOAD_REFS,
    Column(
        "institutions",
        "Institutions",
        "Partner institutions from there: {id, name, short_name}.",
        type="list of objects",
        show=institution_text,
    ),
    *SUMMARY_COLUMNS,
)


SIGNATORY_COLUMNS = record_columns(
    "signatories",
    Column("code", "ISO", "Its ISO 3166 code."),
    Column("region", "Region", "Its UN M49 region and sub-region.", type="string or null"),
    *dated("Signed", "The signing date, with the precision the source gives."),
    Column(
        "order",
        "Order",
        "Its ordinal among the signatories where a source numbers it (Bahrain 17th).",
        type="integer or null",
        sort_key=lambda item: item["order"],
        table_cell=lambda item: ordinal(item["order"]) if item["order"] else "",
    ),
    *STANDING_COLUMNS,
    Column(
        "ilrs",
        "ILRS participation",
        "Its ILRS participation records: {id, name, level, status, via, date}.",
        type="list of objects",
        show=participation_words,
    ),
    PAYLOAD_REFS,
)


SIGNING_COLUMNS = (
    Column("id", "Id", "The id of the member or signatory record (`ilrs show ID`).",
           no_wrap=True),
    Column("camp", "Camp", f"{ILRS_CAMP} or {ARTEMIS_CAMP}."),
    *dated("Date", "The signing date, with the precision the source gives."),
    Column("country", "Country", "The country or region, or 'international organization'."),
    Column("name", "Signatory", "Who signed: the ILRS participant, or the Accords signatory."),
    Column("level", "Level", "For the ILRS: national, subnational, organization or affiliated.",
           type="string or null"),
    Column("order", "Order", "For the Accords: the ordinal a source gives.",
           type="integer or null", sort_key=lambda item: item["order"]),
    Column("event", "Signing", "What was signed, and by whom.", max_width=60),
    FIRST,
    SOURCES,
)  # fmt: skip


GROWTH_COLUMNS = (
    Column(
        "year",
        "Year",
        "The year; null on the row of participants with no signing date (or one that spans "
        "several years).",
        type="string or null",
        table_cell=lambda item: item["year"] or "undated",
    ),
    Column("ilrs", "ILRS", "ILRS participants (of the levels counted) who signed that year.",
           type="integer"),
    Column("ilrs_total", "ILRS total", "ILRS participants signed by the end of that year; on "
           "the undated row, every one counted.", type="integer"),
    Column("artemis", "Artemis", "Artemis Accords signatories who signed that year.",
           type="integer"),
    Column("artemis_total", "Artemis total", "Accords signatories by the end of that year; on "
           "the undated row, every one counted.", type="integer"),
)  # fmt: skip


SEARCH_COLUMNS = (
    Column("type", "Type", "The type of record: " + kind_names() + "."),
    ID,
    Column("title", "Record", "The record's name, or its event, topic or title.", max_width=50),
    Column("field", "Matched in", "The field the text was found in."),
    Column("match", "Match", "The matching text, shortened around the match.", max_width=60),
)


SOURCE_COLUMNS = record_columns("sources")


FIELD_COLUMNS = (
    Column("command", "Command", "The list command."),
    Column("field", "Field", "The field: a JSON key, a CSV column, a name for --fields."),
    Column("type", "Type", "What its values are."),
    Column("description", "Description", "What it means.", max_width=70),
)
