"""What each list command shows: the JSON objects (a public contract, see README), built
from the records, and the fields that tables and CSV draw from them."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from ..core import clock
from ..core.dates import display_date
from ..core.kinds import kind_names
from ..core.records import Dataset, Event, Fact, Member, Payload, Place, Signatory, Source
from .columns import ID, SOURCES, Column, Item, Listing, institution_text
from .items import (
    artemis_ref,
    citation_item,
    event_item,
    fact_item,
    member_item,
    participation_item,
    participation_words,
    payload_item,
    payload_ref,
    region_text,
    signatory_item,
    source_item,
    standing_keys,
)


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


def missions_of(payloads: Sequence[Payload]) -> str:
    """ "Chang'e-7 and Chang'e-8": the missions payloads fly on, in name order."""
    from ..query.figures import SELECTION

    names = sorted({payload.mission or SELECTION for payload in payloads})
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def payloads_listing(
    dataset: Dataset, payloads: Sequence[Payload], scope: str, missions: str = ""
) -> Listing:
    """`missions` names the missions asked for; by default, every mission in the data."""
    items = [payload_item(payload) for payload in payloads]
    on = missions or missions_of(dataset.payloads)
    scope = scope + (f" on {on}" if on else "")
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
        sort_key=lambda item: (item["start"], item["end"]),
    ),
    Column(
        "start",
        "Start",
        "The first day the signing date can mean (ISO 8601).",
        type="ISO date or null",
    ),
    Column(
        "end", "End", "The last day the signing date can mean (ISO 8601).", type="ISO date or null"
    ),
    Column(
        "agreement",
        "Agreement",
        "What was signed, and by whom.",
        type="string or null",
        max_width=60,
    ),
    Column(
        "artemis",
        "Artemis Accords",
        "Its country's Artemis Accords signing: {id, country, date, start, end, order}; "
        "null when it has not signed (or for an organization).",
        type="object or null",
        show=lambda ref: artemis_words(ref),
        table_cell=lambda item: artemis_cell(item),
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


def artemis_words(ref: Item) -> str:
    """'signed 2022-03-02 (17th)'."""
    order = f" ({ordinal(ref['order'])})" if ref.get("order") else ""
    return f"signed {display_date(ref['date'])}{order}"


def artemis_cell(item: Item) -> str:
    """The Accords signing in a table: 'signed 2020-10-13 (1st), as United States' when it
    is the signing of the country a region lies in."""
    ref = item.get("artemis")
    if not ref:
        return ""
    inherited = ref["country"] != item.get("country")
    return artemis_words(ref) + (f", as {ref['country']}" if inherited else "")


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
    return f"{number}{suffix or 'th'}"


def members_listing(dataset: Dataset, members: Sequence[Member], scope: str) -> Listing:
    items = [member_item(member, dataset) for member in members]
    artemis = ("artemis",) if dataset.signatories else ()
    return Listing(
        heading=f"ILRS participants{scope}",
        noun=("entry", "entries"),
        caption=_caption(dataset)
        + " 'signed': an agreement is documented; 'reported': a source only says so.",
        columns=MEMBER_COLUMNS,
        table_columns=("name", "level", "status", "date", *artemis, "note", "sources"),
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


participation_text = participation_words

CAMPS_HELP = (
    "both, ilrs-only, artemis-only or neither: its ILRS participation in the data (national, "
    "subnational entities or affiliated, signed or reported; China leads the ILRS) and its "
    "Artemis Accords signing, its own or that of the country it lies in."
)
STANDING_COLUMNS = (
    Column("camps", "Camps", CAMPS_HELP),
    Column(
        "ilrs_standing",
        "ILRS",
        "Its ILRS standing in words: each participation (level, status, date), its country's "
        "where it lies in one, or 'leads the ILRS'; null when none.",
        type="string or null",
    ),
    Column(
        "first",
        "First",
        "For a country in both camps, which it joined first: ilrs, artemis, same day, or "
        "unclear (an ILRS date is missing or the two dates overlap); null otherwise.",
        type="string or null",
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
PAYLOAD_REFS = Column(
    "payloads",
    "Payloads",
    "Payloads (of every mission: Chang'e-7 and Chang'e-8) with a partner from there: "
    "{id, name, mission}.",
    type="list of objects",
    show=lambda ref: f"{ref['name']} ({ref['mission']})" if ref.get("mission") else ref["name"],
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
        show=participation_text,
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
)


def country_item(dataset: Dataset, place: Place) -> Item:
    from ..query.camps import standing_of

    members = [member for member in dataset.members if member.place == place]
    institutions = [inst for inst in dataset.institutions if inst.place == place]
    payloads = [payload for payload in dataset.payloads if place in payload.places]
    signatory = standing_of(dataset, place).signatory
    standing = standing_keys(dataset, place)
    return {
        "country": place.name,
        "code": place.code,
        "region": region_text(place.code),
        "camps": standing["camps"],
        "ilrs": [participation_item(member, dataset) for member in members],
        "ilrs_standing": standing["ilrs_standing"],
        "first": standing["first"],
        "artemis": artemis_ref(signatory) if signatory else None,
        "payloads": [payload_ref(payload) for payload in payloads],
        "institutions": [
            {"id": inst.id, "name": inst.name, "short_name": inst.short_name}
            for inst in institutions
        ],
    }


CAMPS_CAPTION = (
    " Camps: ILRS participation of any level or status in the data (China leads the ILRS), "
    "and Artemis Accords signings, of a place or of the country it lies in; 'neither' is "
    "among the places the data names, not the world."
)


def countries_listing(dataset: Dataset, places: Sequence[Place], scope: str) -> Listing:
    items = [country_item(dataset, place) for place in places]
    return Listing(
        heading=f"Countries and regions{scope}",
        noun=("country or region", "countries and regions"),
        caption=_caption(dataset) + CAMPS_CAPTION,
        columns=COUNTRY_COLUMNS,
        table_columns=("country", "camps", "ilrs_standing", "artemis", "first", "payloads"),
        items=items,
        empty_note=f"no countries or regions{scope}",
    )


SIGNATORY_COLUMNS = (
    ID,
    Column("country", "Country", "The signatory, as `[places]` names it."),
    Column("code", "ISO", "Its ISO 3166 code."),
    Column(
        "region", "Region", "Its UN M49 region and sub-region.", type="string or null"
    ),
    Column(
        "date",
        "Signed",
        "The signing date, with the precision the source gives.",
        type="date text",
        table_cell=lambda item: display_date(item["date"]),
        sort_key=lambda item: (item["start"], item["end"]),
    ),
    Column("start", "Start", "The first day the date can mean (ISO 8601).", type="ISO date"),
    Column("end", "End", "The last day the date can mean (ISO 8601).", type="ISO date"),
    Column(
        "order",
        "Order",
        "Its ordinal among the signatories where a source numbers it (Bahrain 17th).",
        type="integer or null",
        sort_key=lambda item: item["order"],
        table_cell=lambda item: ordinal(item["order"]) if item["order"] else "",
    ),
    Column("signed_by", "Signed by", "Who signed, where a source says.", type="string or null",
           max_width=40),
    Column("location", "Where", "Where it was signed, where a source says.",
           type="string or null"),
    *STANDING_COLUMNS,
    Column(
        "ilrs",
        "ILRS participation",
        "Its ILRS participation records: {id, name, level, status, via, date}.",
        type="list of objects",
        show=participation_text,
    ),
    PAYLOAD_REFS,
    Column("note", "Note", "Caveats and detail.", type="string or null", max_width=60),
    SOURCES,
)  # fmt: skip


def signing_order(item: Item) -> tuple[Any, ...]:
    """Date order; on one day, by ordinal (numbered first), then by id."""
    return (item["start"], item["end"], item["order"] is None, item["order"] or 0, item["id"])


def signatories_listing(dataset: Dataset, signatories: Sequence[Signatory], scope: str) -> Listing:
    items = [signatory_item(signatory, dataset) for signatory in signatories]
    items.sort(key=signing_order)
    return Listing(
        heading=f"Artemis Accords signatories{scope}",
        noun=("signatory", "signatories"),
        caption=_caption(dataset)
        + " Order: the ordinal a source gives. ILRS: the country's standing in the ILRS."
        + CAMPS_CAPTION,
        columns=SIGNATORY_COLUMNS,
        table_columns=("order", "country", "date", "signed_by", "ilrs_standing", "payloads",
                       "sources"),
        items=items,
        empty_note=f"no Artemis Accords signatories{scope}",
    )  # fmt: skip


ILRS_CAMP, ARTEMIS_CAMP = "ILRS", "Artemis Accords"
SIGNING_COLUMNS = (
    Column("id", "Id", "The id of the member or signatory record (`ilrs show ID`).",
           no_wrap=True),
    Column("camp", "Camp", f"{ILRS_CAMP} or {ARTEMIS_CAMP}."),
    Column(
        "date",
        "Date",
        "The signing date, with the precision the source gives.",
        type="date text",
        table_cell=lambda item: display_date(item["date"]),
        sort_key=lambda item: (item["start"], item["end"]),
    ),
    Column("start", "Start", "The first day the date can mean (ISO 8601).", type="ISO date"),
    Column("end", "End", "The last day the date can mean (ISO 8601).", type="ISO date"),
    Column("country", "Country", "The country or region, or 'international organization'."),
    Column("name", "Signatory", "Who signed: the ILRS participant, or the Accords signatory."),
    Column("level", "Level", "For the ILRS: national, subnational, organization or affiliated.",
           type="string or null"),
    Column("order", "Order", "For the Accords: the ordinal a source gives.",
           type="integer or null", sort_key=lambda item: item["order"]),
    Column("event", "Signing", "What was signed, and by whom.", max_width=60),
    SOURCES,
)  # fmt: skip


def _member_signing(member: Member) -> Item:
    assert member.date is not None
    return {
        "id": member.id,
        "camp": ILRS_CAMP,
        "date": member.date.text,
        "start": member.date.start.isoformat(),
        "end": member.date.end.isoformat(),
        "country": member.place.name,
        "name": member.name,
        "level": member.level.value,
        "order": None,
        "event": member.agreement or f"{member.name} signs an ILRS agreement",
        "sources": [citation_item(citation) for citation in member.sources],
    }


def _accords_signing(signatory: Signatory) -> Item:
    order = f" as the {ordinal(signatory.order)} signatory" if signatory.order else ""
    by = f"; signed by {signatory.signed_by}" if signatory.signed_by else ""
    return {
        "id": signatory.id,
        "camp": ARTEMIS_CAMP,
        "date": signatory.date.text,
        "start": signatory.date.start.isoformat(),
        "end": signatory.date.end.isoformat(),
        "country": signatory.place.name,
        "name": signatory.place.name,
        "level": None,
        "order": signatory.order,
        "event": f"{signatory.place.name} signs the Artemis Accords{order}{by}",
        "sources": [citation_item(citation) for citation in signatory.sources],
    }


def signings_listing(
    dataset: Dataset, members: Sequence[Member], signatories: Sequence[Signatory], scope: str
) -> Listing:
    """Both camps' signings in date order: each dated ILRS participant (its first documented
    agreement, every level) and each Accords signatory."""
    items = [_member_signing(m) for m in members if m.date is not None]
    items += [_accords_signing(s) for s in signatories]
    items.sort(
        key=lambda item: (item["start"], item["end"], item["camp"], *signing_order(item)[2:])
    )
    return Listing(
        heading=f"ILRS and Artemis Accords signings{scope}",
        noun=("signing", "signings"),
        caption=_caption(dataset)
        + " ILRS: each participant's first documented agreement (participants with no signing "
        "date are not shown; `ilrs members` lists them). Artemis Accords: each signatory.",
        columns=SIGNING_COLUMNS,
        table_columns=("date", "camp", "name", "event", "sources"),
        items=items,
        empty_note=f"no signings{scope}",
    )


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


def growth_listing(dataset: Dataset, rows: list[Item], scope: str, counted: str) -> Listing:
    return Listing(
        heading=f"Growth of both camps, by year{scope}",
        noun=("year", "years"),
        caption=_caption(dataset)
        + f" ILRS: {counted}, counted in the year of their first documented agreement. "
        "Artemis Accords: signatories, in the year they signed. Totals are cumulative.",
        columns=GROWTH_COLUMNS,
        table_columns=("year", "ilrs", "ilrs_total", "artemis", "artemis_total"),
        items=rows,
        empty_note=f"no signings{scope}",
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
    "artemis": SIGNATORY_COLUMNS,
    "signings": SIGNING_COLUMNS,
    "growth": GROWTH_COLUMNS,
    "timeline": EVENT_COLUMNS,
    "mission": FACT_COLUMNS,
    "countries": COUNTRY_COLUMNS,
    "search": SEARCH_COLUMNS,
    "sources": SOURCE_COLUMNS,
}
