"""What each list command shows: the JSON objects (a public contract, see README) and the
table columns drawn from them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .model import Citation, Dataset, Event, Institution, Member, Payload

Item = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    cell: Callable[[Item], str]
    max_width: int | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    title: str
    caption: str
    columns: tuple[Column, ...]
    items: list[Item]
    empty_note: str


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


def _sources_cell(item: Item) -> str:
    return "\n".join(f"{source['id']} ({source['at']})" for source in item["sources"])


def _partners_cell(item: Item) -> str:
    lines = []
    for inst in item["institutions"]:
        name = f"{inst['name']} ({inst['short_name']})" if inst["short_name"] else inst["name"]
        lines.append(f"{name}, {inst['country']}")
    return "\n".join(lines)


def _caption(dataset: Dataset, command: str) -> str:
    where = "the bundled chang8.toml" if dataset.bundled else dataset.path
    return (
        f"Data as of {dataset.info.as_of.isoformat()} (dataset {dataset.info.version}). "
        f"Source ids refer to the [[sources]] of {where}; "
        f"`ilrs {command} --json` gives each with its title and URL."
    )


def _noun(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def payloads_listing(dataset: Dataset, payloads: Sequence[Payload], scope: str) -> Listing:
    items = [payload_item(payload) for payload in payloads]
    count = _noun(len(items), "payload", "payloads")
    return Listing(
        title=f"Chang'e-8 international payloads{scope}: {count}",
        caption=_caption(dataset, "payloads"),
        columns=(
            Column("Payload", lambda item: item["name"]),
            Column("Kind", lambda item: item["kind"]),
            Column("Partner institutions", _partners_cell),
            Column("Sources", _sources_cell),
        ),
        items=items,
        empty_note=f"no payloads{scope}",
    )


def members_listing(dataset: Dataset, members: Sequence[Member], scope: str) -> Listing:
    items = [member_item(member, dataset) for member in members]

    def level_cell(item: Item) -> str:
        return f"{item['level']} via {item['via']}" if item["via"] else item["level"]

    return Listing(
        title=f"ILRS participants{scope}: {_noun(len(items), 'entry', 'entries')}",
        caption=_caption(dataset, "members")
        + " 'signed': an agreement is documented; 'reported': a source only says so.",
        columns=(
            Column("Participant", lambda item: item["name"]),
            Column("Level", level_cell),
            Column("Status", lambda item: item["status"]),
            Column("Signed", lambda item: item["date"] or ""),
            Column("Note", lambda item: item["note"] or item["agreement"] or "", max_width=60),
            Column("Sources", _sources_cell),
        ),
        items=items,
        empty_note=f"no ILRS participants{scope}",
    )


def timeline_listing(dataset: Dataset, events: Sequence[Event], scope: str) -> Listing:
    items = [event_item(event) for event in events]
    return Listing(
        title=f"Timeline{scope}: {_noun(len(items), 'event', 'events')}",
        caption=_caption(dataset, "timeline")
        + f" Status (planned or done) is as of {dataset.info.as_of.isoformat()}.",
        columns=(
            Column("Date", lambda item: item["date"]),
            Column("Mission", lambda item: item["mission"]),
            Column("Status", lambda item: item["status"]),
            Column("Event", lambda item: item["event"], max_width=60),
            Column("Sources", _sources_cell),
        ),
        items=items,
        empty_note=f"no events{scope}",
    )
