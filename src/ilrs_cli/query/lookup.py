"""Finding what a user names: a record by id, a mission by any of its spellings."""

from __future__ import annotations

from ..core.countries import Country, resolve_country
from ..core.errors import QueryError, RecordNotFound
from ..core.kinds import Kind, Record, all_records
from ..core.matching import fold
from ..core.records import MAX_ID, Dataset
from ..core.tuples import NamedTuple
from .index import at_places, by_id


class Found(NamedTuple):
    kind: Kind
    record: Record
    others: tuple[tuple[Kind, Record], ...] = ()  # other records a country name also finds
    # how the text named it: "id" (as it is), "case" (the id in another case) or "name" (a
    # country or region's name or code)
    how: str = "id"


def find(dataset: Dataset, record_id: str) -> Found:
    """The record with this id (exactly, else in any case), or the records of the country or
    region it names: that country's member record (else its Artemis Accords record), with
    its other records named as `others`.
    RecordNotFound with the closest ids; QueryError when a name finds several payloads only."""
    wanted = id_text(record_id)
    ids = by_id(dataset)
    exact = ids.exact.get(wanted)
    match = exact or ids.folded.get(wanted.casefold())
    if match is not None:
        kind, record = match
        how = "id" if exact is not None else "case"
        if kind.name in ("member", "signatory"):  # a country's records: name the rest
            same = _of_country(dataset, wanted, quiet=True)
            if same is not None:
                others = tuple(pair for pair in (same[:2], *same.others) if pair[1] is not record)
                return Found(kind, record, others, how)
        return Found(kind, record, how=how)
    found = _of_country(dataset, wanted)
    if found is not None:
        return found
    raise RecordNotFound(wanted, closest_ids(dataset, wanted))


def id_text(record_id: str) -> str:
    """The id or name asked for, stripped; QueryError when it is empty or too long."""
    wanted = record_id.strip()
    if not wanted:
        raise QueryError("id", "give a record id; search finds them by name")
    if len(wanted) > MAX_ID:
        raise QueryError(
            "id", f"an id or name is at most {MAX_ID} characters; this one has {len(wanted):,} "
            f"({wanted[:40]!r}...)"
        )  # fmt: skip
    return wanted


def country_named(dataset: Dataset, text: str, iso: bool = True) -> Country | None:
    """The country or region `text` names, or None; with `iso` False, only the names and
    codes of the data's own places are read (ISO 3166's tables are not loaded)."""
    try:
        return resolve_country(text, dataset.places, iso=iso)
    except QueryError:
        return None


def _of_country(dataset: Dataset, text: str, quiet: bool = False) -> Found | None:
    from ..core.kinds import BY_NAME
    from ..core.vocab import Level

    country = country_named(dataset, text)
    if country is None:
        return None
    at = at_places(dataset, [place for place in dataset.places if country.includes(place)])
    members = sorted(at.members, key=lambda member: member.level is not Level.NATIONAL)
    payloads, signed = at.payloads, at.signatories
    records: list[tuple[Kind, Record]] = [(BY_NAME["member"], m) for m in members]
    records += [(BY_NAME["signatory"], s) for s in signed]
    records += [(BY_NAME["payload"], p) for p in payloads]
    if not records:
        return None
    if not members and not signed and len(payloads) > 1 and not quiet:
        ids = ", ".join(payload.id for payload in payloads)
        raise QueryError("id", f"{text!r} has several payloads; give one id: {ids}")
    return Found(records[0][0], records[0][1], tuple(records[1:]), "name")


def closest_ids(dataset: Dataset, record_id: str, count: int = 3) -> list[str]:
    import difflib

    ids = [record.id for _, record in all_records(dataset)]
    close = difflib.get_close_matches(record_id, ids, n=count, cutoff=0.5)
    if not close:
        close = [known for known in ids if record_id.lower() in known][:count]
    return close


def mission_key(text: str) -> str:
    """ "Chang'e-8", "change8", "CE-8" -> "change8"; "ILRS" -> "ilrs"."""
    key = fold(text).replace(" ", "")
    if key.startswith("ce") and key[2:].isdigit():
        return "change" + key[2:]
    return key


def mission_names(dataset: Dataset) -> list[str]:
    return sorted(
        {mission.name for mission in dataset.missions}
        | {event.mission for event in dataset.events}
        | {fact.mission for fact in dataset.facts}
        | {payload.mission for payload in dataset.payloads if payload.mission}
    )


def resolve_mission(dataset: Dataset, text: str) -> str:
    """The mission name in the data that `text` means: a name, or a mission record's id,
    full name or Chinese name (CE-8, change8, chang-e-8, 嫦娥八号 all mean Chang'e-8);
    QueryError listing the valid ones."""
    missions = mission_names(dataset)
    wanted = mission_key(text)
    for mission in missions:
        if mission_key(mission) == wanted:
            return mission
    for record in dataset.missions:
        spellings = (record.id, record.full_name, record.name_zh)
        if any(mission_key(spelling) == wanted for spelling in spellings if spelling):
            return record.name
    raise QueryError("mission", f"unknown mission {text!r}; use one of: {', '.join(missions)}")
