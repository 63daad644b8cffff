"""Build the immutable Dataset from a parsed TOML document, driven by the schema and the
registry of kinds. Every problem in the file is collected and reported together, each with
the record it is in and its line."""

from __future__ import annotations

import functools

from ..core.errors import DatasetError, Problem
from ..core.field_types import Link
from ..core.kinds import KINDS, Kind
from ..core.matching import suggest
from ..core.records import (
    INTERNATIONAL,
    UNKNOWN,
    Citation,
    Dataset,
    DatasetInfo,
    Event,
    Place,
    signing_id,
)
from ..core.schema import TABLES
from . import field_reading, rules
from .field_reading import RecordReading, at_line, field_targets, read_fields, unknown_fields
from .places import iso_code_problems, read_places

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn

TOP_LEVEL_KEYS = frozenset({"dataset", "places", *(kind.plural for kind in KINDS)})


def build_dataset(
    shown: str, document: dict[str, Any], text: str, bundled: bool, check_codes: bool
) -> Dataset:
    return _Builder(shown, document, text, bundled).build(check_codes)


def _unhandled(link: NoReturn) -> NoReturn:
    """Reached by no Link: mypy rejects a call with a Link that has no branch of its own."""
    raise AssertionError(f"no rule for the link {link!r}")


class _Builder:
    def __init__(self, path: str, document: dict[str, Any], text: str, bundled: bool) -> None:
        self.path = path
        self.bundled = bundled
        self.document = document
        self.text = text
        self._found_lines: tuple[dict[str, list[int]], dict[str, list[dict[str, int]]]] | None
        self._found_lines = None
        self.record_index: dict[tuple[str, str], int] = {}  # (table, id) -> position
        self.problems: list[Problem] = []
        self.seen_ids: dict[str, str] = {}
        self.first_use: dict[str, tuple[str, int]] = {}  # id -> (table, position) of its record
        self.places: dict[str, Place] = {}
        self.built: dict[str, dict[str, Any]] = {kind.name: {} for kind in KINDS}
        self.mission_names: set[str] = set()

    def build(self, check_codes: bool) -> Dataset:
        for key in sorted(set(self.document) - TOP_LEVEL_KEYS):
            self.problems.append(
                Problem(f"unknown top-level table '{key}'{suggest(key, TOP_LEVEL_KEYS)}")
            )
        info = self._info()
        self._places()
        if check_codes:
            self._check_iso_codes()
        self.mission_names = self._declared_missions()
        records: dict[str, list[Any]] = {}
        for kind in KINDS:
            records[kind.plural] = self._records(kind)
        signings = [rules.signing_event(m) for m in records["members"] if m.date is not None]
        for member in records["members"]:
            if member.date is not None:
                self._reserve_signing(member.id, signing_id(member.id))
        self.problems.extend(rules.dataset_problems(records, info, self._locate))
        if self.problems or info is None:
            raise DatasetError(self.path, self.problems)
        events: list[Event] = sorted(
            [*records["events"], *signings],
            key=lambda event: (event.date.start, event.date.end, event.id),
        )
        by_table = {plural: tuple(found) for plural, found in records.items()}
        by_table["events"] = tuple(events)
        return Dataset(
            path=self.path,
            bundled=self.bundled,
            info=info,
            places=tuple(self.places.values()),
            **by_table,
        )

    def _declared_missions(self) -> set[str]:
        """The names of the [[missions]] records, read first: payloads, events and facts
        name them (a record that is broken otherwise is reported on its own)."""
        tables = self.document.get("missions", [])
        if not isinstance(tables, list):
            return set()
        names = (table.get("name") for table in tables if isinstance(table, dict))
        return {name.strip() for name in names if isinstance(name, str)}

    def _missions_hint(self, value: str) -> str:
        if not self.mission_names:
            return f"the file has no [[missions]] records; add one named {value!r}"
        return f"use one of the [[missions]] names: {', '.join(sorted(self.mission_names))}"

    def _info(self) -> DatasetInfo | None:
        table = self.document.get("dataset")
        if not isinstance(table, dict):
            self.problems.append(
                Problem("missing the [dataset] table (title, version, as_of)", kind="dataset")
            )
            return None
        record = RecordReading(Problem("", "[dataset]", "dataset"), self.problems)
        read_fields(table, TABLES["dataset"], record)
        unknown_fields(table, TABLES["dataset"], record)
        return DatasetInfo(**record.values) if record.ok else None

    def _places(self) -> None:
        self.places = read_places(self.document, self.problems)

    def _check_iso_codes(self) -> None:
        self.problems.extend(iso_code_problems(self.places))

    def _records(self, kind: Kind) -> list[Any]:
        raw = self.document.get(kind.plural, [])
        if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
            self.problems.append(
                Problem(
                    f"'{kind.plural}' must be an array of tables ([[{kind.plural}]])",
                    kind=kind.plural,
                )
            )
            return []
        schema = TABLES[kind.plural]
        links = [(link, target, spec.name) for spec, target in field_targets(schema)
                 if (link := spec.type.link) is not None]  # fmt: skip
        built = []
        for index, table in enumerate(raw):
            record = RecordReading(
                functools.partial(self._where, kind.plural, index, table),
                self.problems,
                functools.partial(self._key_lines, kind.plural, index),
            )
            if isinstance(table.get("id"), str):
                self.record_index[(kind.plural, table["id"])] = index
            read_fields(table, schema, record)
            self._unique_id(record, kind, index)
            for link, target, key in links:
                if target in record.values:
                    self._link(record, link, target, key)
            for message in rules.record_problems(kind.name, record.values):
                record.problem(message)
            unknown_fields(table, schema, record)
            if record.ok:
                value = kind.make(record.values)
                self.built[kind.name][value.id] = value
                built.append(value)
        return built

    def _lines(self) -> tuple[dict[str, list[int]], dict[str, list[dict[str, int]]]]:
        """The line of each [[table]] header and key, found when a problem first needs one."""
        if self._found_lines is None:
            self._found_lines = field_reading.header_lines(self.text)
        return self._found_lines

    def _key_lines(self, key: str, index: int) -> dict[str, int]:
        blocks = self._lines()[1].get(key, [])
        return blocks[index] if index < len(blocks) else {}

    def _locate(self, plural: str, record_id: str, key: str | None) -> Problem:
        """ "[[members]] (id 'x', line 40)": a record, at the line of its `key` where known."""
        index = self.record_index.get((plural, record_id))
        line = None if index is None or key is None else self._key_lines(plural, index).get(key)
        where = f"[[{plural}]] (id {record_id!r}" + (f", line {line})" if line else ")")
        return Problem("", where, plural, record_id, line or None)

    def _where(self, key: str, index: int, table: dict[str, Any]) -> Problem:
        """'[[payloads]] #3 (id 'x', line 120)': the record, by position, id and line."""
        details = []
        record_id = table.get("id") if isinstance(table.get("id"), str) else None
        if record_id is not None:
            details.append(f"id {record_id[:80]!r}")
        lines = self._lines()[0].get(key, [])
        line = lines[index] if index < len(lines) else None
        if line is not None:
            details.append(f"line {line}")
        where = f"[[{key}]] #{index + 1}" + (f" ({', '.join(details)})" if details else "")
        return Problem("", where, key, record_id, line)

    def _unique_id(self, record: RecordReading, kind: Kind, index: int) -> None:
        record_id = record.values.get("id")
        if record_id is None:
            return
        if record_id in self.seen_ids:
            first = self.first_use.get(record_id)
            line = self._key_lines(*first).get("id") if first else None
            used = _a(self.seen_ids[record_id]) + (f", line {line}" if line else "")
            record.problem(f"duplicate id {record_id!r} (already used by {used})", "id", line)
        else:
            self.seen_ids[record_id] = kind.name
            self.first_use[record_id] = (kind.plural, index)

    def _reserve_signing(self, member_id: str, event_id: str) -> None:
        if event_id in self.seen_ids:
            self.problems.append(
                self._locate("members", member_id, None)._replace(
                    message=f"its signing event id {event_id!r} is already used by "
                    f"{_a(self.seen_ids[event_id])}",
                )
            )
        self.seen_ids[event_id] = "signing event"

    def _link(self, record: RecordReading, link: Link, target: str, key: str) -> None:
        """Resolve what the field refers to; mypy checks that every Link has its branch."""
        value = record.values[target]
        if link is Link.PLACE:
            place = self.places.get(value)
            if place is None:
                record.problem(
                    f"unknown country or region {value!r}{suggest(value, self.places)}; add it "
                    f"to [places] or use {INTERNATIONAL!r} or {UNKNOWN!r}",
                    key,
                )
            record.values[target] = place
        elif link is Link.MISSION:
            if value not in self.mission_names:
                record.problem(f"'{target}' is {value!r}; {self._missions_hint(value)}", key)
        elif link is Link.CITATIONS:
            record.values[target] = self._citations(record, value)
        elif link is Link.INSTITUTIONS:
            found = [self._lookup(record, link.value, wanted, key) for wanted in value]
            record.values[target] = tuple(item for item in found if item is not None)
        else:
            _unhandled(link)

    def _lookup(self, record: RecordReading, kind: str, wanted: str, key: str | None = None) -> Any:
        """The record `wanted` refers to. A record that exists but is itself broken has been
        reported already, so only the referring record is marked as not usable."""
        found = self.built[kind].get(wanted)
        if found is None and wanted:
            if self.seen_ids.get(wanted) == kind:
                record.ok = False
            else:
                close = suggest(wanted, list(self.built[kind]))
                record.problem(f"unknown {kind} id {wanted!r}{close}", key)
        return found

    def _citations(
        self, record: RecordReading, entries: list[dict[str, Any]]
    ) -> tuple[Citation, ...]:
        if record.ok and not entries:
            record.problem("has no sources; every record needs at least one", "sources")
        citations = []

        def where(number: int) -> Problem:
            found = at_line(record.at, record.lines.get("sources"))
            return found._replace(where=f"{found.where} source #{number}")

        for number, entry in enumerate(entries, start=1):
            cite = RecordReading(functools.partial(where, number), self.problems)
            read_fields(entry, TABLES["citation"], cite)
            unknown_fields(entry, TABLES["citation"], cite)
            source = self._lookup(cite, "source", cite.values.get("id", "")) if cite.ok else None
            if not cite.ok:
                record.ok = False
            elif source is not None:
                citations.append(Citation(source, cite.values["at"]))
        return tuple(citations)


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"
