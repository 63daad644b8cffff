"""What each list command shows: the JSON objects (a public contract, see README), built
from the records, and the fields that tables and CSV draw from them."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from ..core import clock
from ..core.dates import display_date
from ..core.kinds import kind_names
from ..core.records import Dataset, Event, Fact, Member, Payload, Place, Source
from .columns import ID, SOURCES, Column, Item, Listing, institution_text, named
from .items import event_item, fact_item, member_item, payload_item, source_item


def data_age(as_of: datetime.date, today: datetime.date | None = None) -> str:
    """', 7 months ago' when the data is more than 90 days old, else ''. `today` defaults to
    the one clock (core.clock), which ILRS_TODAY pins."""
    days = ((today or clock.today()) - as_of).days
    if days <= 90:
        return ""
    months = round(days / 30.44)
    return f", {months} months ago" if months < 24 else f", {days // 365} years ago"


def _caption(dataset: Dataset) -> str:
    where = "the bundled chang8.toml" if dataset.bundled else dataset.path
    as_of = dataset.info.as_of.isoformat()
    return (
        f"Data as of {as_of}{data_age(dataset.info.as_of)}; nothing after it is in the data "
        f"(dataset {dataset.info.version}, {where})."
    )


PAYLOAD_COLUMNS = (
    ID,
    Column("name", "Payload", "The payload's name as CNSA announced it, in English."),
    Column(
        "name_zh",
        "Chinese name",
        "The name in Chinese, where a source gives it.",
        type="string or null",
    ),
    Column("kind", "Kind", "robot, rover or instrument."),
    Column("mission", "Mission", "The mission it flies on.", type="string or null"),
    Column("mass", "Mass", "Its mass, as a source gives it.", type="string or null"),
    Column("description", "Description", "What it is, in a sentence.", max_width=60),
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
    Column("note", "Note", "Caveats and detail.", type="string or null", max_width=60),
    SOURCES,
)


def payloads_listing(dataset: Dataset, payloads: Sequence[Payload], scope: str) -> Listing:
    items = [payload_item(payload) for payload in payloads]
    return Listing(
        heading=f"International payloads{scope}",
        noun=("payload", "payloads"),
        caption=_caption(dataset),
        columns=PAYLOAD_COLUMNS,
        table_columns=("name", "mission", "kind", "institutions", "sources"),
        items=items,
        empty_note=f"no payloads{scope}",
    )


def _level_cell(item: Item) -> str:
    return f"{item['level']} via {item['via']}" if item.get("via") else str(item["level"])


MEMBER_COLUMNS = (
    ID,
    Column("name", "Participant", "The participant's name."),
    Column(
        "short_name",
        "Short name",
        "A common abbreviation, where there is one.",
        type="string or null",
    ),
    Column(
        "aliases",
        "Also known as",
        "Other names people use for it, each seen in a source it cites; search finds them.",
        type="list of strings",
    ),
    Column("country", "Country", "Its country or region, or 'international organization'."),
    Column(
        "level",
        "Level",
        "national, subnational, organization, or affiliated (through the organization in via).",
        table_cell=_level_cell,
    ),
    Column("status", "Status", "signed (an agreement is documented) or reported (only said)."),
    Column(
        "via",
        "Via",
        "For affiliated participants: the organization they take part through.",
        type="string or null",
    ),
    Column(
        "date",
        "Signed",
        "The signing date, with the precision the source gives.",
        type="date text or null",
        table_cell=lambda item: display_date(item["date"]) if item["date"] else "",
        sort_key=lambda item: item["date"],
    ),
    Column(
        "agreement",
        "Agreement",
        "What was signed, and by whom.",
        type="string or null",
        max_width=60,
    ),
    Column(
        "note",
        "Note",
        "Caveats: disagreements between sources, what was not found.",
        type="string or null",
        max_width=60,
    ),
    SOURCES,
)


def members_listing(dataset: Dataset, members: Sequence[Member], scope: str) -> Listing:
    items = [member_item(member, dataset) for member in members]
    return Listing(
        heading=f"ILRS participants{scope}",
        noun=("entry", "entries"),
        caption=_caption(dataset)
        + " 'signed': an agreement is documented; 'reported': a source only says so.",
        columns=MEMBER_COLUMNS,
        table_columns=("name", "level", "status", "date", "note", "sources"),
        items=items,
        empty_note=f"no ILRS participants{scope}",
    )


EVENT_COLUMNS = (
    ID,
    Column(
        "date",
        "Date",
        "The date as the source gives it: 2025-04-24, 2023-12, 2026, 2028/2029, 2030s.",
        type="date text",
        table_cell=lambda item: display_date(item["date"]),
        sort_key=lambda item: (item["start"], item["end"]),
    ),
    Column("start", "Start", "The first day the date can mean (ISO 8601).", type="ISO date"),
    Column("end", "End", "The last day the date can mean (ISO 8601).", type="ISO date"),
    Column("mission", "Mission", "Chang'e-7, Chang'e-8 or ILRS."),
    Column("status", "Status", "planned or done, as of the dataset's as-of date."),
    Column(
        "kind",
        "Kind",
        "signing, ratification, launch, ...: what kind of step.",
        type="string or null",
    ),  # fmt: skip
    Column("event", "Event", "What happens.", max_width=60),
    Column("note", "Note", "Caveats and detail.", type="string or null", max_width=60),
    SOURCES,
)


def timeline_listing(
    dataset: Dataset, events: Sequence[Event], scope: str, day: datetime.date | None = None
) -> Listing:
    """Events with their status at the data's as-of date, or at `day` when given."""
    from ..query.filters import status_at

    items = [event_item(event) for event in events]
    if day is not None:
        for item, event in zip(items, events, strict=True):
            item["status"] = status_at(event, day)
    judged = (day or dataset.info.as_of).isoformat()
    return Listing(
        heading=f"Timeline{scope}",
        noun=("event", "events"),
        caption=_caption(dataset) + f" Status (planned or done) is as of {judged}.",
        columns=EVENT_COLUMNS,
        table_columns=("date", "mission", "status", "event", "sources"),
        items=items,
        empty_note=f"no events{scope}",
    )


FACT_COLUMNS = (
    ID,
    Column("mission", "Mission", "Chang'e-8 or ILRS."),
    Column("topic", "Topic", "What the fact is about."),
    Column("text", "Fact", "The fact, in the dataset's words.", max_width=70),
    Column("note", "Note", "Caveats: where sources differ.", type="string or null", max_width=50),
    SOURCES,
)


def facts_listing(dataset: Dataset, facts: Sequence[Fact], scope: str) -> Listing:
    items = [fact_item(fact) for fact in facts]
    return Listing(
        heading=f"Mission facts{scope}",
        noun=("fact", "facts"),
        caption=_caption(dataset),
        columns=FACT_COLUMNS,
        table_columns=("mission", "topic", "text", "sources"),
        items=items,
        empty_note=f"no facts{scope}",
    )


def participation_text(entry: Item) -> str:
    level = f"{entry['level']} via {entry['via']}" if entry.get("via") else entry["level"]
    signed = f" {display_date(entry['date'])}" if entry.get("date") else ""
    return f"{level}, {entry['status']}{signed}"


COUNTRY_COLUMNS = (
    Column("country", "Country or region", "The country or region's name in the dataset."),
    Column("code", "ISO", "Its ISO 3166 code (3166-2 for a region inside a country)."),
    Column(
        "region",
        "Region",
        "Its UN M49 region and sub-region: 'Asia / Western Asia'.",
        type="string or null",
    ),  # fmt: skip
    Column(
        "ilrs",
        "ILRS",
        "Its ILRS participation: {id, name, level, status, via, date}.",
        type="list of objects",
        show=participation_text,
    ),
    Column(
        "payloads",
        "Payloads",
        "Chang'e-8 payloads with a partner from there: {id, name}.",
        type="list of objects",
        show=named,
    ),
    Column(
        "institutions",
        "Institutions",
        "Partner institutions from there: {id, name, short_name}.",
        type="list of objects",
        show=institution_text,
    ),
)


def country_item(dataset: Dataset, place: Place) -> Item:
    members = [member for member in dataset.members if member.place == place]
    institutions = [inst for inst in dataset.institutions if inst.place == place]
    payloads = [payload for payload in dataset.payloads if place in payload.places]
    return {
        "country": place.name,
        "code": place.code,
        "region": region_text(place.code),
        "ilrs": [
            {
                "id": member.id,
                "name": member.name,
                "level": member.level.value,
                "status": member.status.value,
                "via": dataset.member_name(member.via) if member.via else None,
                "date": member.date.text if member.date else None,
            }
            for member in members
        ],
        "payloads": [{"id": payload.id, "name": payload.name} for payload in payloads],
        "institutions": [
            {"id": inst.id, "name": inst.name, "short_name": inst.short_name}
            for inst in institutions
        ],
    }


def region_text(code: str | None) -> str | None:
    from ..core.regions import region_of

    found = region_of(code) if code else None
    return f"{found[0]} / {found[1]}" if found else None


def countries_listing(dataset: Dataset, places: Sequence[Place], scope: str) -> Listing:
    items = [country_item(dataset, place) for place in places]
    return Listing(
        heading=f"Countries and regions{scope}",
        noun=("country or region", "countries and regions"),
        caption=_caption(dataset),
        columns=COUNTRY_COLUMNS,
        table_columns=("country", "region", "ilrs", "payloads", "institutions"),
        items=items,
        empty_note=f"no countries or regions{scope}",
    )


SEARCH_COLUMNS = (
    Column("type", "Type", "The type of record: " + kind_names() + "."),
    ID,
    Column("title", "Record", "The record's name, or its event, topic or title.", max_width=50),
    Column("field", "Matched in", "The field the text was found in."),
    Column("match", "Match", "The matching text, shortened around the match.", max_width=60),
)


def search_listing(dataset: Dataset, hits: Sequence[Any], text: str) -> Listing:
    items = [
        {
            "type": hit.kind.name,
            "id": hit.record.id,
            "title": hit.kind.title(hit.record),
            "field": hit.field,
            "match": hit.snippet,
        }
        for hit in hits
    ]
    return Listing(
        heading=f"Search for {text!r}",
        noun=("record", "records"),
        caption=_caption(dataset),
        columns=SEARCH_COLUMNS,
        table_columns=("type", "id", "title", "match"),
        items=items,
        empty_note=f"nothing matches {text!r}",
    )


SOURCE_COLUMNS = (
    ID,
    Column("title", "Title", "The page's own title; see untitled.", max_width=50),
    Column(
        "untitled",
        "Untitled",
        "true when the page shows no title and the title is a [bracketed] description.",
        type="true/false",
    ),
    Column("author", "Author", "The author or byline, where named.", type="string or null"),
    Column("publisher", "Publisher", "Who published the text first."),
    Column("date", "Date", "Publication date, where known.", type="date text or null"),
    Column("url", "URL", "Where it was read."),
    Column("via", "Via", "The site that reposted it, when url is a repost.", type="string or null"),
    Column(
        "original_url",
        "Original",
        "The original, when url is a repost and it is known.",
        type="string or null",
    ),  # fmt: skip
    Column("checked", "Checked", "The day it was last checked.", type="ISO date or null"),
    Column("accessed", "Accessed", "The day it was read, where recorded.", type="ISO date or null"),
    Column("archive_url", "Archive", "An archived copy.", type="string or null"),
    Column(
        "reliability",
        "Reliability",
        "For rewrites and aggregators: what to know.",
        type="string or null",
        max_width=40,
    ),  # fmt: skip
    Column("note", "Note", "About the source.", type="string or null", max_width=40),
)


def sources_listing(dataset: Dataset, sources: Sequence[Source], scope: str) -> Listing:
    return Listing(
        heading=f"Sources{scope}",
        noun=("source", "sources"),
        caption=_caption(dataset),
        columns=SOURCE_COLUMNS,
        table_columns=("id", "publisher", "date", "title", "url"),
        items=[source_item(source) for source in sources],
        empty_note=f"no sources{scope}",
    )


FIELD_COLUMNS = (
    Column("command", "Command", "The list command."),
    Column("field", "Field", "The field: a JSON key, a CSV column, a name for --fields."),
    Column("type", "Type", "What its values are."),
    Column("description", "Description", "What it means.", max_width=70),
)


def fields_listing(command: str | None) -> Listing:
    """The fields of one list command, or of all; from the same definitions the commands use."""
    chosen = [command] if command else list(COLUMNS_BY_COMMAND)
    items = [
        {"command": name, "field": field.name, "type": field.type, "description": field.help}
        for name in chosen
        for field in COLUMNS_BY_COMMAND[name]
    ]
    return Listing(
        heading="Fields of " + (f"`ilrs {command}`" if command else "the list commands"),
        caption="Keys of --json output, columns of --csv, names for --fields and --sort.",
        columns=FIELD_COLUMNS,
        table_columns=("command", "field", "type", "description"),
        items=items,
        empty_note="no fields",
    )


COLUMNS_BY_COMMAND: dict[str, tuple[Column, ...]] = {
    "payloads": PAYLOAD_COLUMNS,
    "members": MEMBER_COLUMNS,
    "timeline": EVENT_COLUMNS,
    "mission": FACT_COLUMNS,
    "countries": COUNTRY_COLUMNS,
    "search": SEARCH_COLUMNS,
    "sources": SOURCE_COLUMNS,
}
