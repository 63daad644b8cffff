"""The JSON object of each kind of record: the public contract of `--json` and of the Python
API. Its keys and their order, and the value of each declared field, come from the schema
(core.schema); the builder of each kind (`ITEM_BUILDERS`) adds what is worked out from the
record and the dataset it belongs to."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from types import ModuleType

from ..core.dates import FuzzyDate
from ..core.field_types import Link, same
from ..core.kinds import Kind
from ..core.records import (
    Citation,
    Dataset,
    Event,
    Fact,
    Institution,
    Member,
    Mission,
    Payload,
    Place,
    Signatory,
    Source,
    value_of,
)
from ..core.schema import TABLES, DataField
from ..core.tuples import NamedTuple
from ..core.vocab import Level, MemberStatus
from ..query.index import at_place, citing, member_name, payloads_with
from .cells import participation_words


@cache  # imported when an item first needs it, once: a `from` import in a function costs
def _camps() -> ModuleType:  # microseconds a call, which a listing of places pays per row
    from ..query import camps

    return camps


@cache
def _regions() -> ModuleType:
    from ..core import regions

    return regions


TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..query.camps import Counting
    from .listing import Item


class _Step(NamedTuple):
    """How a declared field fills its key of a kind's JSON objects: from the record's
    attribute at `position` (or its `extra` when -1), made JSON by `convert` (None: as it
    is)."""

    key: str
    spec: DataField
    position: int
    convert: Callable[[Any], Any] | None


class _Plan(NamedTuple):
    template: Item  # every key, in order
    steps: tuple[_Step, ...]
    added: frozenset[str]  # the keys that are not fields: the builder adds them


_PLANS: dict[tuple[str, type[Any]], _Plan] = {}


def _plan(table: str, record_type: type[Any]) -> _Plan:
    """How a record type's JSON objects are made, worked out once."""
    plan = _PLANS.get((table, record_type))
    if plan is None:
        fields = {spec.name: spec for spec in TABLES[table].fields}
        keys = TABLES[table].json_keys or tuple(fields)
        if missing := [name for name in fields if name not in keys]:
            raise ValueError(f"{table}: no place in its JSON objects for {', '.join(missing)}")
        own: tuple[str, ...] = record_type._fields
        steps = []
        for spec in (fields[key] for key in keys if key in fields):
            convert = _citations if spec.type.link is Link.CITATIONS else spec.type.json
            position = own.index(spec.target) if spec.target in own else -1
            steps.append(_Step(spec.name, spec, position, None if convert is same else convert))
        template = dict.fromkeys(keys)
        plan = _Plan(template, tuple(steps), frozenset(key for key in keys if key not in fields))
        _PLANS[(table, record_type)] = plan
    return plan


def _citations(citations: tuple[Citation, ...]) -> list[Item]:
    return [citation_item(citation) for citation in citations]


def record_object(table: str, record: Any, added: Item) -> Item:
    """A record's JSON object: the keys of its table in order, each from `added` (what its
    builder works out) or else from its declared field (None where the record has none)."""
    template, steps, builder_keys = _plan(table, type(record))
    if not builder_keys <= added.keys():
        raise KeyError(f"{table}: the builder gives no {', '.join(builder_keys - added.keys())}")
    item = template.copy()
    for key, spec, position, convert in steps:
        if position >= 0:
            value = record[position]
        else:
            value = value_of(record, spec.target, () if spec.type.many else None)
        item[key] = value if value is None or convert is None else convert(value)
    item.update(added)
    return item


def citation_item(citation: Citation) -> Item:
    source = citation.source
    return {
        "id": source.id,
        "at": citation.at,
        "title": source.title,
        "publisher": source.publisher,
        "date": source.date.text if source.date else None,
        "url": source.url,
        "via": source.via,
    }


def institution_ref(institution: Institution) -> Item:
    return {
        "id": institution.id,
        "name": institution.name,
        "short_name": institution.short_name,
        "country": institution.place.name,
    }


def span(date: FuzzyDate | None) -> Item:
    """The first and last day a date can mean, as ISO days (None for no date)."""
    if date is None:
        return {"start": None, "end": None}
    return {"start": date.start.isoformat(), "end": date.end.isoformat()}


def payload_item(payload: Payload, dataset: Dataset | None = None) -> Item:
    return record_object("payloads", payload, {
        "countries": [place.name for place in payload.places],
        "institutions": [institution_ref(inst) for inst in payload.institutions],
    })  # fmt: skip


def member_item(member: Member, dataset: Dataset) -> Item:
    standing = camp_standing(dataset, member.place)
    signatory = standing.signatory
    return record_object("members", member, {
        "via": member_name(dataset, member.via) if member.via else None,
        **span(member.date),
        "artemis": artemis_ref(signatory) if signatory else None,
        "first": standing.first,
    })  # fmt: skip


def participation_item(member: Member, dataset: Dataset) -> Item:
    """A member as one ILRS participation of a country."""
    return {
        "id": member.id,
        "name": member.name,
        "level": member.level.value,
        "status": member.status.value,
        "via": member_name(dataset, member.via) if member.via else None,
        "date": member.date.text if member.date else None,
    }


def artemis_ref(signatory: Signatory) -> Item:
    """A country's Accords signing, as other records show it."""
    return {
        "id": signatory.id,
        "country": signatory.place.name,
        "date": signatory.date.text,
        "start": signatory.date.start.isoformat(),
        "end": signatory.date.end.isoformat(),
        "status": signatory.status.value,
        "order": signatory.order,
    }


def payload_ref(payload: Payload) -> Item:
    return {"id": payload.id, "name": payload.name, "mission": payload.mission}


def region_text(code: str | None) -> str | None:
    """'Asia / Western Asia': the UN M49 region and sub-region of a code."""
    found = _regions().region_of(code) if code else None
    return f"{found[0]} / {found[1]}" if found else None


def camp_standing(dataset: Dataset, place: Place, counting: Counting | None = None) -> Any:
    """The place's query.camps.Standing, as `counting` counts (every record by default)."""
    camps = _camps()
    return camps.standing_of(dataset, place, counting or camps.EVERY)


def standing_keys(dataset: Dataset, place: Place, counting: Counting | None = None) -> Item:
    """A place's camps, ILRS standing in words, which camp it joined first and the country
    it counts in a camp through, as `counting` counts."""
    standing = camp_standing(dataset, place, counting)
    return {
        "camps": standing.camp.value,
        "ilrs_standing": ilrs_standing_text(dataset, standing),
        "first": standing.first,
        "camps_via": standing.via,
    }


def ilrs_standing_text(dataset: Dataset, standing: Any) -> str | None:
    """'national, signed 2024-04-05', 'leads the ILRS', 'via China, which leads the ILRS',
    'national, signed 2024 via United States': each participation that counts of a place's
    query.camps.Standing, or of the country it lies in; None if none."""
    camps = _camps()
    parts = []
    if standing.lead:
        own = standing.place.code == camps.LEAD
        parts.append(camps.LEAD_TEXT if own else f"via {standing.via}, which {camps.LEAD_TEXT}")
    for member in standing.members:
        parts.append(participation_words(participation_item(member, dataset)))
    for member in standing.inherited:
        words = participation_words(participation_item(member, dataset))
        parts.append(f"{words} via {member.place.name}")
    return "; ".join(parts) or None


def signatory_item(
    signatory: Signatory, dataset: Dataset, counting: Counting | None = None
) -> Item:
    place = signatory.place
    return record_object("signatories", signatory, {
        "code": place.code,
        "region": region_text(place.code),
        **span(signatory.date),
        **standing_keys(dataset, place, counting),
        "ilrs": [participation_item(m, dataset) for m in at_place(dataset, place).members],
        "payloads": [payload_ref(p) for p in at_place(dataset, place).payloads],
    })  # fmt: skip


def mission_item(mission: Mission, dataset: Dataset | None = None) -> Item:
    return record_object("missions", mission, {})


def event_item(event: Event, dataset: Dataset | None = None) -> Item:
    return record_object("events", event, span(event.date))


def fact_item(fact: Fact, dataset: Dataset | None = None) -> Item:
    return record_object("facts", fact, {})


def institution_item(institution: Institution, dataset: Dataset) -> Item:
    return record_object(
        "institutions", institution, {"payloads": list(payloads_with(dataset, institution))}
    )


def source_item(source: Source, dataset: Dataset | None = None) -> Item:
    item = record_object("sources", source, {})
    if dataset is not None:
        item["cited_by"] = cited_by(dataset, source.id)
    return item


def cited_by(dataset: Dataset, source_id: str) -> list[str]:
    """The ids of the records that cite the source, from the dataset's index."""
    return list(citing(dataset).get(source_id, ()))


def dataset_context(kind: Kind, record: Any, dataset: Dataset) -> Any:
    """What the object of `record` reads of its dataset beyond the record itself, cheaply: a
    member names its organization, its country's Accords signing and which camp it joined
    first, an institution lists its payloads, a source the records citing it; the other
    kinds read nothing (an empty tuple).
    A signatory reads much (its country's ILRS part and payloads): its object itself. Two
    equal records with equal contexts have equal objects, which is how `diff` skips them."""
    if kind.name == "member":
        standing = camp_standing(dataset, record.place)
        via = member_name(dataset, record.via) if record.via else None
        return via, standing.signatory, standing.first
    if kind.name == "institution":
        return payloads_with(dataset, record)
    if kind.name == "source":
        return cited_by(dataset, record.id)
    if kind.name == "signatory":
        return signatory_item(record, dataset)
    return ()


# The builder of the JSON object of each kind that adds keys to its declared fields, by kind
# name (core.kinds); a kind not here gives its declared fields only.
ITEM_BUILDERS: dict[str, Callable[[Any, Dataset], Item]] = {
    "source": source_item,
    "institution": institution_item,
    "payload": payload_item,
    "member": member_item,
    "mission": mission_item,
    "event": event_item,
    "fact": fact_item,
    "signatory": signatory_item,
}


def kind_item(kind: Kind, record: Any, dataset: Dataset) -> Item:
    """The JSON object of a record of `kind`, by its kind's builder, if it has one."""
    build = ITEM_BUILDERS.get(kind.name)
    return build(record, dataset) if build else record_object(kind.plural, record, {})


def record_item(kind: Kind, record: Any, dataset: Dataset) -> Item:
    """The JSON object of any record, with its kind as "type"."""
    return {"type": kind.name, **kind_item(kind, record, dataset)}


def country_item(dataset: Dataset, place: Place, counting: Counting | None = None) -> Item:
    """A place: its records, and its camps as `counting` counts them."""
    members, institutions, payloads, _ = at_place(dataset, place)
    signatory = camp_standing(dataset, place, counting).signatory
    standing = standing_keys(dataset, place, counting)
    return {
        "country": place.name,
        "code": place.code,
        "region": region_text(place.code),
        "camps": standing["camps"],
        "ilrs": [participation_item(member, dataset) for member in members],
        "ilrs_standing": standing["ilrs_standing"],
        "first": standing["first"],
        "camps_via": standing["camps_via"],
        "artemis": artemis_ref(signatory) if signatory else None,
        "payloads": [payload_ref(payload) for payload in payloads],
        "institutions": [
            {"id": inst.id, "name": inst.name, "short_name": inst.short_name}
            for inst in institutions
        ],
        **summary_keys(members, signatory, payloads),
    }


# The flat keys of a place's row (`country_summary` in the exports) that count its payloads.
PAYLOAD_COUNTS = {"change7_payloads": "Chang'e-7", "change8_payloads": "Chang'e-8"}
_LEVEL_RANK = {level: rank for rank, level in enumerate(Level)}  # highest first


def summary_keys(
    members: Sequence[Member], signatory: Signatory | None, payloads: Sequence[Payload]
) -> Item:
    """A place's standing in one flat row: the highest level of its own ILRS records (signed
    when any record at that level is), its first dated record of any level, how many records
    it has; its Accords signing (its own or its country's); its payloads by mission."""
    level = min((m.level for m in members), key=_LEVEL_RANK.__getitem__, default=None)
    signed = any(m.level is level and m.status is MemberStatus.SIGNED for m in members)
    dated = [m.date for m in members if m.date is not None]
    first = min(dated, key=lambda when: (when.start, when.end), default=None)
    missions = [payload.mission for payload in payloads]
    return {
        "ilrs_level": level.value if level else None,
        "ilrs_status": (MemberStatus.SIGNED if signed else MemberStatus.REPORTED).value
        if level
        else None,
        "ilrs_date": first.text if first else None,
        "ilrs_start": first.start.isoformat() if first else None,
        "ilrs_records": len(members),
        "artemis_date": signatory.date.text if signatory else None,
        "artemis_start": signatory.date.start.isoformat() if signatory else None,
        "artemis_order": signatory.order if signatory else None,
        **{key: missions.count(mission) for key, mission in PAYLOAD_COUNTS.items()},
    }
