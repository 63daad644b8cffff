"""The listing of each list command, built from the records it lists: its heading, caption,
fields, table columns and JSON objects."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from ..core.records import Dataset, Event, Fact, Member, Payload, Place, Signatory, Source
from ..core.vocab import MemberStatus
from .cells import ARTEMIS_CAMP, ILRS_CAMP, counted_words, dataset_caption, missions_of, ordinal
from .items import (
    citation_item,
    country_item,
    event_item,
    fact_item,
    member_item,
    payload_item,
    signatory_item,
    source_item,
)
from .list_fields import (
    COUNTRY_COLUMNS,
    EVENT_COLUMNS,
    EVENT_ORDER,
    FACT_COLUMNS,
    FIELD_COLUMNS,
    GROWTH_COLUMNS,
    MEMBER_COLUMNS,
    MEMBER_ORDER,
    PAYLOAD_COLUMNS,
    SEARCH_COLUMNS,
    SIGNATORY_COLUMNS,
    SIGNATORY_ORDER,
    SIGNING_COLUMNS,
    SIGNING_ORDER,
    SOURCE_COLUMNS,
    SOURCE_ORDER,
)
from .listing import Listing, ordered

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..query.camps import Counting
    from .listing import Item


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
        caption=dataset_caption(dataset),
        columns=PAYLOAD_COLUMNS,
        table_columns=("name", "mission", "kind", "institutions", "sources"),
        items=items,
        empty_note=f"no payloads{scope}",
    )


def members_listing(dataset: Dataset, members: Sequence[Member], scope: str) -> Listing:
    items = [member_item(member, dataset) for member in members]
    artemis = ("artemis",) if dataset.signatories else ()
    listing = Listing(
        heading=f"ILRS participants{scope}",
        noun=("entry", "entries"),
        caption=dataset_caption(dataset)
        + " 'signed': an agreement is documented; 'reported': a source only says so.",
        columns=MEMBER_COLUMNS,
        table_columns=("name", "level", "status", "date", *artemis, "note", "sources"),
        items=items,
        empty_note=f"no ILRS participants{scope}",
    )
    return ordered(listing, MEMBER_ORDER)


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
    listing = Listing(
        heading=f"Timeline{scope}",
        noun=("event", "events"),
        caption=dataset_caption(dataset) + f" Status (planned or done) is as of {judged}.",
        columns=EVENT_COLUMNS,
        table_columns=("date", "mission", "status", "event", "sources"),
        items=items,
        empty_note=f"no events{scope}",
    )
    return ordered(listing, EVENT_ORDER)


def facts_listing(dataset: Dataset, facts: Sequence[Fact], scope: str) -> Listing:
    items = [fact_item(fact) for fact in facts]
    return Listing(
        heading=f"Mission facts{scope}",
        noun=("fact", "facts"),
        caption=dataset_caption(dataset),
        columns=FACT_COLUMNS,
        table_columns=("mission", "topic", "text", "sources"),
        items=items,
        empty_note=f"no facts{scope}",
    )


def camps_caption(counting: Counting | None = None) -> str:
    """What counts toward the camps, as a caption says it."""
    documented = counting is not None and counting.documented
    levels = " and ".join(level.value for level in counting.levels) if counting else ""
    ilrs = "documented ILRS agreements (status signed)" if documented else (
        "ILRS participation of any " + ("status" if levels else "level or status"))  # fmt: skip
    ilrs += f" at {levels} level" if levels else ""
    ilrs += " in the data" + (" (China leads the ILRS)" if counting is None or
                              counting.lead_counts else "")  # fmt: skip
    artemis = "a place's own Artemis Accords signing, undisputed" if documented else (
        "Artemis Accords signings (reported ones too)")  # fmt: skip
    lies_in = "" if documented else ", of a place or of the country it lies in"
    return (
        f" Camps: {ilrs}, and {artemis}{lies_in}; 'neither' is among the places the data "
        "names, not the world."
    )


def countries_listing(
    dataset: Dataset, places: Sequence[Place], scope: str, counting: Counting | None = None
) -> Listing:
    items = [country_item(dataset, place, counting) for place in places]
    return Listing(
        heading=f"Countries and regions{scope}",
        noun=("place", "places"),
        caption=dataset_caption(dataset) + camps_caption(counting),
        columns=COUNTRY_COLUMNS,
        table_columns=("country", "camps", "ilrs_standing", "artemis", "first", "payloads"),
        items=items,
        empty_note=f"no countries or regions{scope}",
    )


def signatories_listing(
    dataset: Dataset,
    signatories: Sequence[Signatory],
    scope: str,
    counting: Counting | None = None,
) -> Listing:
    items = [signatory_item(signatory, dataset, counting) for signatory in signatories]
    listing = Listing(
        heading=f"Artemis Accords signatories{scope}",
        noun=("signatory", "signatories"),
        caption=dataset_caption(dataset)
        + " Order: the ordinal a source gives. ILRS: the country's standing in the ILRS."
        + camps_caption(counting),
        columns=SIGNATORY_COLUMNS,
        table_columns=("order", "country", "date", "signed_by", "ilrs_standing", "payloads",
                       "sources"),
        items=items,
        empty_note=f"no Artemis Accords signatories{scope}",
        notes=reported_signings(signatories),
    )  # fmt: skip
    return ordered(listing, SIGNATORY_ORDER)


def reported_signings(signatories: Sequence[Signatory]) -> tuple[str, ...]:
    """A note naming the signings that sources dispute (status reported), if any."""
    names = [s.place.name for s in signatories if s.status is MemberStatus.REPORTED]
    if not names:
        return ()
    return (f"reported, not in the official count: {', '.join(names)} (sources dispute the "
            "signing; its note says how; --documented leaves it out)",)  # fmt: skip


def member_signing_item(member: Member, first: str | None = None) -> Item:
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
        "first": first,
        "sources": [citation_item(citation) for citation in member.sources],
    }


def accords_signing_item(signatory: Signatory, first: str | None = None) -> Item:
    order = f" as the {ordinal(signatory.order)} signatory" if signatory.order else ""
    by = f"; signed by {signatory.signed_by}" if signatory.signed_by else ""
    disputed = (
        " (reported; sources dispute it)" if signatory.status is MemberStatus.REPORTED else ""
    )
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
        "event": f"{signatory.place.name} signs the Artemis Accords{order}{by}{disputed}",
        "first": first,
        "sources": [citation_item(citation) for citation in signatory.sources],
    }


def signings_listing(
    dataset: Dataset,
    members: Sequence[Member],
    signatories: Sequence[Signatory],
    scope: str,
    counting: Counting | None = None,
) -> Listing:
    """Both camps' signings in date order: each dated ILRS participant (its first documented
    agreement, every level) and each Accords signatory, each with which camp its place
    joined first as `counting` counts."""
    from ..query.camps import EVERY, standings

    found = standings(dataset, counting or EVERY)
    items = [member_signing_item(m, found[m.place].first) for m in members if m.date is not None]
    items += [accords_signing_item(s, found[s.place].first) for s in signatories]
    listing = Listing(
        heading=f"ILRS and Artemis Accords signings{scope}",
        noun=("signing", "signings"),
        caption=dataset_caption(dataset)
        + " ILRS: each participant's first documented agreement (participants with no signing "
        "date are not shown; `ilrs members` lists them). Artemis Accords: each signatory.",
        columns=SIGNING_COLUMNS,
        table_columns=("date", "camp", "name", "event", "sources"),
        items=items,
        empty_note=f"no signings{scope}",
    )
    return ordered(listing, SIGNING_ORDER)


def growth_listing(dataset: Dataset, rows: list[Item], scope: str, counting: Counting) -> Listing:
    """The growth rows; the caption says which ILRS participants `counting` counts."""
    counted = counted_words(counting.levels, counting.documented)
    return Listing(
        heading=f"Growth of both camps, by year{scope}",
        noun=("year", "years"),
        caption=dataset_caption(dataset)
        + f" ILRS: {counted}, counted in the year of their first documented agreement. "
        "Artemis Accords: signatories, in the year they signed. Totals are cumulative.",
        columns=GROWTH_COLUMNS,
        table_columns=("year", "ilrs", "ilrs_total", "artemis", "artemis_total"),
        items=rows,
        empty_note=f"no signings{scope}",
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
        caption=dataset_caption(dataset),
        columns=SEARCH_COLUMNS,
        table_columns=("type", "id", "title", "match"),
        items=items,
        empty_note=f"nothing matches {text!r}",
    )


def sources_listing(dataset: Dataset, sources: Sequence[Source], scope: str) -> Listing:
    listing = Listing(
        heading=f"Sources{scope}",
        noun=("source", "sources"),
        caption=dataset_caption(dataset),
        columns=SOURCE_COLUMNS,
        table_columns=("id", "publisher", "date", "title", "url"),
        items=[source_item(source) for source in sources],
        empty_note=f"no sources{scope}",
    )
    return ordered(listing, SOURCE_ORDER)


def fields_listing(command: str | None) -> Listing:
    """The fields of one list command, or of all; from the same definitions the commands use."""
    from .commands import COLUMNS_BY_COMMAND  # the registry of commands: only `fields` reads it

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
