"""Finding what a user names: a record by id, a mission by any of its spellings."""

from __future__ import annotations

from ..core.errors import QueryError, RecordNotFound
from ..core.kinds import Kind, Record, all_records
from ..core.records import Dataset
from ..core.text import fold


def find(dataset: Dataset, record_id: str) -> tuple[Kind, Record]:
    """The record with this id and its kind; RecordNotFound with the closest ids."""
    wanted = record_id.strip()
    if not wanted:
        raise QueryError("id", "give a record id; search finds them by name")
    for kind, record in all_records(dataset):
        if record.id == wanted:
            return kind, record
    raise RecordNotFound(wanted, closest_ids(dataset, wanted))


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
    """The mission name in the data that `text` means; QueryError listing the valid ones."""
    missions = mission_names(dataset)
    wanted = mission_key(text)
    for mission in missions:
        if mission_key(mission) == wanted:
            return mission
    raise QueryError("mission", f"unknown mission {text!r}; use one of: {', '.join(missions)}")
