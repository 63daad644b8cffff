"""What each list command shows: the JSON objects (a public contract, see README) and the
fields that tables and CSV draw from them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from .countries import fold
from .errors import InputError
from .model import Citation, Dataset, Event, Fact, Institution, Member, Payload, Place

Item = dict[str, Any]


def _plain(value: Any) -> str:
    return str(value)


def _citation_text(source: Item) -> str:
    return f"{source['id']} ({source['at']})"


def _named(entry: Item) -> str:
    return str(entry["name"])


def _institution_text(inst: Item) -> str:
    name = f"{inst['name']} ({inst['short_name']})" if inst.get("short_name") else inst["name"]
    return f"{name}, {inst['country']}" if inst.get("country") else str(name)


class Field(NamedTuple):
    """One key of a command's JSON objects, and how it shows as text in tables and CSV."""

    name: str
    header: str
    help: str
    show: Callable[[Any], str] = _plain  # one value, or one element of a list
    table_cell: Callable[[Item], str] | None = None  # a table cell drawn from the whole item
    sort_key: Callable[[Item], Any] | None = None
    max_width: int | None = None
    no_wrap: bool = False

    def text(self, item: Item, separator: str) -> str:
        value = item.get(self.name)
        if value is None:
            return ""
        if isinstance(value, list):
            return separator.join(self.show(element) for element in value)
        return self.show(value)

    def cell(self, item: Item) -> str:
        return self.table_cell(item) if self.table_cell else self.text(item, "\n")

    def key(self, item: Item) -> Any:
        """What --sort orders by; None for a missing value, which always sorts last."""
        if item.get(self.name) in (None, []):
            return None
        if self.sort_key is not None:
            return self.sort_key(item)
        return fold(self.text(item, " "))


SOURCES = Field(
    "sources",
    "Sources",
    "The sources behind the record: {id, at, title, publisher, date, url}.",
    show=_citation_text,
)
ID = Field(
    "id",
    "Id",
    "A stable identifier (slug); `ilrs show ID` prints the record in full.",
    no_wrap=True,
)


class Listing(NamedTuple):
    """The result of a list command, before it is rendered in some format."""

    title: str
    caption: str
    fields: tuple[Field, ...]
    table_fields: tuple[str, ...]
    items: list[Item]
    empty_note: str
    selected: tuple[str, ...] | None = None

    def field(self, name: str) -> Field:
        for field in self.fields:
            if field.name == name:
                return field
        raise KeyError(name)

    def columns(self, default: tuple[str, ...]) -> tuple[Field, ...]:
        return tuple(self.field(name) for name in self.selected or default)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)


def shape(
    listing: Listing,
    fields: str | None = None,
    sort: str | None = None,
    limit: int | None = None,
) -> Listing:
    """Apply --fields (a comma-separated list), --sort FIELD or -FIELD, and --limit N."""
    valid = ", ".join(listing.field_names)
    selected = None
    if fields is not None:
        selected = tuple(name.strip() for name in fields.split(",") if name.strip())
        unknown = [name for name in selected if name not in listing.field_names]
        if unknown or not selected:
            named = ", ".join(unknown) if unknown else "none"
            raise InputError("--fields", f"unknown field(s): {named}; valid fields: {valid}")
    items = listing.items
    if sort is not None:
        name = sort.removeprefix("-")
        if name not in listing.field_names:
            raise InputError("--sort", f"unknown field {name!r}; valid fields: {valid}")
        key = listing.field(name).key
        present = [item for item in items if key(item) is not None]
        missing = [item for item in items if key(item) is None]
        items = sorted(present, key=key, reverse=sort.startswith("-")) + missing
    if limit is not None:
        items = items[:limit]
    return listing._replace(items=items, selected=selected)


def citation_item(citation: Citation) -> Item:
    source = citation.source
    return {
        "id": source.id,
        "at": citation.at,
        "title": source.title,
        "publisher": source.publisher,
        "date": source.date.text if source.date else None,
        "url": source.url,
    }


def institution_item(institution: Institution) -> Item:
    return {
        "id": institution.id,
        "name": institution.name,
        "short_name": institution.short_name,
        "country": institution.place.name,
    }


def payload_item(payload: Payload) -> Item:
    return {
        "id": payload.id,
        "name": payload.name,
        "name_zh": payload.name_zh,
        "kind": payload.kind.value,
        "description": payload.description,
        "countries": [place.name for place in payload.places],
        "institutions": [institution_item(inst) for inst in payload.institutions],
        "sources": [citation_item(citation) for citation in payload.sources],
    }


def member_item(member: Member, dataset: Dataset) -> Item:
    return {
        "id": member.id,
        "name": member.name,
        "short_name": member.short_name,
        "country": member.place.name,
        "level": member.level.value,
        "status": member.status.value,
        "via": dataset.member_name(member.via) if member.via else None,
        "date": member.date.text if member.date else None,
        "agreement": member.agreement,
        "note": member.note,
        "sources": [citation_item(citation) for citation in member.sources],
    }


def event_item(event: Event) -> Item:
    return {
        "id": event.id,
        "date": event.date.text,
        "start": event.date.start.isoformat(),
        "end": event.date.end.isoformat(),
        "mission": event.mission,
        "status": event.status.value,
        "event": event.event,
        "note": event.note,
        "sources": [citation_item(citation) for citation in event.sources],
    }


def fact_item(fact: Fact) -> Item:
    return {
        "id": fact.id,
        "mission": fact.mission,
        "topic": fact.topic,
        "text": fact.text,
        "note": fact.note,
        "sources": [citation_item(citation) for citation in fact.sources],
    }


def _caption(dataset: Dataset, command: str) -> str:
    where = "the bundled chang8.toml" if dataset.bundled else dataset.path
    return (
        f"Data as of {dataset.info.as_of.isoformat()} (dataset {dataset.info.version}). "
        f"Source ids refer to the [[sources]] of {where}; "
        f"`ilrs show ID` or `ilrs {command} --json` gives each with its title and URL."
    )


def _noun(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


PAYLOAD_FIELDS = (
    ID,
    Field("name", "Payload", "The payload's name as CNSA announced it, in English."),
    Field("name_zh", "Chinese name", "The name in Chinese, where a source gives it."),
    Field("kind", "Kind", "robot, rover or instrument."),
    Field("description", "Description", "What it is, in a sentence.", max_width=60),
    Field("countries", "Countries", "The partners' countries and regions, each once."),
    Field(
        "institutions",
        "Partner institutions",
        "The partners: {id, name, short_name, country}; country may be "
        "'international organization' or 'unknown'.",
        show=_institution_text,
    ),
    SOURCES,
)


def payloads_listing(dataset: Dataset, payloads: Sequence[Payload], scope: str) -> Listing:
    items = [payload_item(payload) for payload in payloads]
    count = _noun(len(items), "payload", "payloads")
    return Listing(
        title=f"Chang'e-8 international payloads{scope}: {count}",
        caption=_caption(dataset, "payloads"),
        fields=PAYLOAD_FIELDS,
        table_fields=("name", "kind", "institutions", "sources"),
        items=items,
        empty_note=f"no payloads{scope}",
    )


def _level_cell(item: Item) -> str:
    return f"{item['level']} via {item['via']}" if item.get("via") else str(item["level"])


MEMBER_FIELDS = (
    ID,
    Field("name", "Participant", "The participant's name."),
    Field("short_name", "Short name", "A common abbreviation, where there is one."),
    Field("country", "Country", "Its country or region, or 'international organization'."),
    Field(
        "level",
        "Level",
        "national, subnational, organization, or affiliated (through the organization in via).",
        table_cell=_level_cell,
    ),
    Field("status", "Status", "signed (an agreement is documented) or reported (only said)."),
    Field("via", "Via", "For affiliated participants: the organization they take part through."),
    Field(
        "date",
        "Signed",
        "The signing date, with the precision the source gives.",
        sort_key=lambda item: item["date"],
    ),
    Field("agreement", "Agreement", "What was signed, and by whom.", max_width=60),
    Field(
        "note", "Note", "Caveats: disagreements between sources, what was not found.", max_width=60
    ),
    SOURCES,
)


def members_listing(dataset: Dataset, members: Sequence[Member], scope: str) -> Listing:
    items = [member_item(member, dataset) for member in members]
    return Listing(
        title=f"ILRS participants{scope}: {_noun(len(items), 'entry', 'entries')}",
        caption=_caption(dataset, "members")
        + " 'signed': an agreement is documented; 'reported': a source only says so.",
        fields=MEMBER_FIELDS,
        table_fields=("name", "level", "status", "date", "note", "sources"),
        items=items,
        empty_note=f"no ILRS participants{scope}",
    )


EVENT_FIELDS = (
    ID,
    Field(
        "date",
        "Date",
        "The date as the source gives it: 2025-04-24, 2023-12, 2026, 2028/2029, 2030s.",
        sort_key=lambda item: (item["start"], item["end"]),
    ),
    Field("start", "Start", "The first day the date can mean (ISO 8601)."),
    Field("end", "End", "The last day the date can mean (ISO 8601)."),
    Field("mission", "Mission", "Chang'e-7, Chang'e-8 or ILRS."),
    Field("status", "Status", "planned or done, as of the dataset's as-of date."),
    Field("event", "Event", "What happens.", max_width=60),
    Field("note", "Note", "Caveats and detail.", max_width=60),
    SOURCES,
)


def timeline_listing(dataset: Dataset, events: Sequence[Event], scope: str) -> Listing:
    items = [event_item(event) for event in events]
    return Listing(
        title=f"Timeline{scope}: {_noun(len(items), 'event', 'events')}",
        caption=_caption(dataset, "timeline")
        + f" Status (planned or done) is as of {dataset.info.as_of.isoformat()}.",
        fields=EVENT_FIELDS,
        table_fields=("date", "mission", "status", "event", "sources"),
        items=items,
        empty_note=f"no events{scope}",
    )


FACT_FIELDS = (
    ID,
    Field("mission", "Mission", "Chang'e-8 or ILRS."),
    Field("topic", "Topic", "What the fact is about."),
    Field("text", "Fact", "The fact, in the dataset's words.", max_width=70),
    Field("note", "Note", "Caveats: where sources differ.", max_width=50),
    SOURCES,
)


def facts_listing(dataset: Dataset, facts: Sequence[Fact], scope: str) -> Listing:
    items = [fact_item(fact) for fact in facts]
    return Listing(
        title=f"Mission facts{scope}: {_noun(len(items), 'fact', 'facts')}",
        caption=_caption(dataset, "mission"),
        fields=FACT_FIELDS,
        table_fields=("mission", "topic", "text", "sources"),
        items=items,
        empty_note=f"no facts{scope}",
    )


def _participation_text(entry: Item) -> str:
    level = f"{entry['level']} via {entry['via']}" if entry.get("via") else entry["level"]
    signed = f" {entry['date']}" if entry.get("date") else ""
    return f"{level}, {entry['status']}{signed}"


COUNTRY_FIELDS = (
    Field("country", "Country or region", "The country or region's name in the dataset."),
    Field("code", "ISO", "Its ISO 3166 code (3166-2 for a region inside a country)."),
    Field(
        "ilrs",
        "ILRS",
        "Its ILRS participation: {id, name, level, status, via, date}.",
        show=_participation_text,
    ),
    Field(
        "payloads",
        "Payloads",
        "Chang'e-8 payloads with a partner from there: {id, name}.",
        show=_named,
    ),
    Field(
        "institutions",
        "Institutions",
        "Partner institutions from there: {id, name, short_name}.",
        show=_institution_text,
    ),
)


def country_item(dataset: Dataset, place: Place) -> Item:
    members = [member for member in dataset.members if member.place == place]
    institutions = [inst for inst in dataset.institutions if inst.place == place]
    payloads = [payload for payload in dataset.payloads if place in payload.places]
    return {
        "country": place.name,
        "code": place.code,
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


def countries_listing(dataset: Dataset, places: Sequence[Place], scope: str) -> Listing:
    items = [country_item(dataset, place) for place in places]
    count = _noun(len(items), "country or region", "countries and regions")
    return Listing(
        title=f"Countries and regions{scope}: {count}",
        caption=_caption(dataset, "countries"),
        fields=COUNTRY_FIELDS,
        table_fields=("country", "ilrs", "payloads", "institutions"),
        items=items,
        empty_note=f"no countries or regions{scope}",
    )


class Detail(NamedTuple):
    """One record (or the dataset itself) in full: a JSON object, and a field/value table."""

    title: str
    caption: str
    item: Item
    attachments: tuple[Listing, ...] = ()  # tables of their own, drawn after the fields
    attached_fields: tuple[str, ...] = ()  # fields the attachments show, left out above them

    def table_fields(self) -> list[tuple[str, Any]]:
        return [(k, v) for k, v in self.item.items() if k not in self.attached_fields]


def _full_citation(source: Item) -> str:
    parts = [f"{source['id']} ({source['at']})" if "at" in source else source["id"]]
    parts.append(", ".join(filter(None, (source.get("publisher"), source.get("date")))))
    parts.append(str(source.get("title")))
    parts.append(str(source.get("url")))
    return "\n  ".join(part for part in parts if part)


def detail_text(name: str, value: Any) -> str:
    """A value of a Detail as text: lists one element a line, sources with their URLs."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(detail_text(name, element) for element in value)
    if isinstance(value, dict):
        if name == "sources":
            return _full_citation(value)
        if name == "institutions":
            return _institution_text(value)
        if name == "ilrs":
            return _participation_text(value)
        if "name" in value:
            return str(value["name"])
        return "\n".join(f"{key}: {detail_text(key, val)}" for key, val in value.items())
    return str(value)


def record_detail(dataset: Dataset, kind: str, record: Any) -> Detail:
    from .model import Source

    item: Item
    if isinstance(record, Payload):
        item = payload_item(record)
    elif isinstance(record, Member):
        item = member_item(record, dataset)
    elif isinstance(record, Event):
        item = event_item(record)
    elif isinstance(record, Fact):
        item = fact_item(record)
    elif isinstance(record, Institution):
        item = {
            **institution_item(record),
            "name_zh": record.name_zh,
            "note": record.note,
            "payloads": [p.id for p in dataset.payloads if record in p.institutions],
            "sources": [citation_item(citation) for citation in record.sources],
        }
    else:
        assert isinstance(record, Source)
        item = {
            "id": record.id,
            "title": record.title,
            "publisher": record.publisher,
            "date": record.date.text if record.date else None,
            "url": record.url,
            "note": record.note,
            "cited_by": _cited_by(dataset, record.id),
        }
    return Detail(
        title=f"{kind.capitalize()} {record.id}",
        caption=f"Data as of {dataset.info.as_of.isoformat()} (dataset {dataset.info.version}).",
        item={"type": kind, **item},
    )


def _cited_by(dataset: Dataset, source_id: str) -> list[str]:
    from .records import records

    return [
        record.id
        for _, record in records(dataset)
        if any(citation.source.id == source_id for citation in getattr(record, "sources", ()))
    ]


SEARCH_FIELDS = (
    Field("type", "Type", "The type of record: payload, member, event, fact, institution, source."),
    ID,
    Field("title", "Record", "The record's name, or its event, topic or title.", max_width=50),
    Field("field", "Matched in", "The field the text was found in."),
    Field("match", "Match", "The matching text, shortened around the match.", max_width=60),
)


def search_listing(dataset: Dataset, hits: Sequence[Any], text: str) -> Listing:
    from .records import title_of

    items = [
        {
            "type": hit.kind,
            "id": hit.record.id,
            "title": title_of(hit.record),
            "field": hit.field,
            "match": hit.snippet,
        }
        for hit in hits
    ]
    return Listing(
        title=f"Search for {text!r}: {_noun(len(items), 'record', 'records')}",
        caption=_caption(dataset, "search TEXT"),
        fields=SEARCH_FIELDS,
        table_fields=("type", "id", "title", "match"),
        items=items,
        empty_note=f"nothing matches {text!r}",
    )


SOURCE_FIELDS = (
    ID,
    Field(
        "title",
        "Title",
        "The title; in [brackets] when taken from the page's address.",
        max_width=50,
    ),
    Field("publisher", "Publisher", "Who published it."),
    Field("date", "Date", "Publication date, where known."),
    Field("url", "URL", "Where it can be read."),
    Field("note", "Note", "About the source: reposts, datelines.", max_width=40),
)


def source_item(source: Any) -> Item:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "date": source.date.text if source.date else None,
        "url": source.url,
        "note": source.note,
    }


def headline_figures(dataset: Dataset) -> Item:
    """Figures computed from the records, never typed in."""
    from .model import INTERNATIONAL, EventStatus, Level, MemberStatus

    places = {place for payload in dataset.payloads for place in payload.places}
    organizations = {
        inst.id
        for payload in dataset.payloads
        for inst in payload.institutions
        if inst.place.name == INTERNATIONAL
    }
    national = [member for member in dataset.members if member.level is Level.NATIONAL]
    return {
        "payload_projects": len(dataset.payloads),
        "partner_countries_and_regions": len(places),
        "partner_countries_and_regions_besides_china": len(
            [place for place in places if place.code != "CN"]
        ),
        "partner_international_organizations": len(organizations),
        "partner_institutions": len({i.id for p in dataset.payloads for i in p.institutions}),
        "ilrs_national_signed": sum(m.status is MemberStatus.SIGNED for m in national),
        "ilrs_national_reported": sum(m.status is MemberStatus.REPORTED for m in national),
        "ilrs_organizations": sum(m.level is Level.ORGANIZATION for m in dataset.members),
        "ilrs_affiliated": sum(m.level is Level.AFFILIATED for m in dataset.members),
        "ilrs_subnational_places": sum(m.level is Level.SUBNATIONAL for m in dataset.members),
        "events_done": sum(e.status is EventStatus.DONE for e in dataset.events),
        "events_planned": sum(e.status is EventStatus.PLANNED for e in dataset.events),
    }


def info_detail(dataset: Dataset) -> Detail:
    from .records import KINDS

    counts = {plural: len(getattr(dataset, plural)) for _, plural in KINDS}
    sources = [source_item(source) for source in dataset.sources]
    item = {
        "title": dataset.info.title,
        "version": dataset.info.version,
        "as_of": dataset.info.as_of.isoformat(),
        "description": dataset.info.description,
        "file": "bundled chang8.toml" if dataset.bundled else dataset.path,
        "counts": counts,
        "figures": headline_figures(dataset),
        "sources": sources,
    }
    sources_listing = Listing(
        title=f"Sources: {len(sources)}",
        caption="",
        fields=SOURCE_FIELDS,
        table_fields=("id", "publisher", "date", "title", "url"),
        items=sources,
        empty_note="no sources",
    )
    return Detail(
        title=dataset.info.title,
        caption=f"Data as of {dataset.info.as_of.isoformat()}.",
        item=item,
        attachments=(sources_listing,),
        attached_fields=("sources",),
    )


FIELDS_BY_COMMAND: dict[str, tuple[Field, ...]] = {
    "payloads": PAYLOAD_FIELDS,
    "members": MEMBER_FIELDS,
    "timeline": EVENT_FIELDS,
    "mission": FACT_FIELDS,
    "countries": COUNTRY_FIELDS,
    "search": SEARCH_FIELDS,
}
