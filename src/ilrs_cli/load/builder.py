"""Build the immutable Dataset from a parsed TOML document, driven by the schema and the
registry of kinds. Every problem in the file is collected and reported together, each with
the record it is in and its line."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from ..core.errors import DatasetError
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
)
from ..core.safe_text import mixed_script
from ..core.schema import TABLES, DataField, Table
from . import rules

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn

ISO_CODE_PATTERN = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?", re.ASCII)
TOP_LEVEL_KEYS = frozenset({"dataset", "places", *(kind.plural for kind in KINDS)})


def build_dataset(
    shown: str, document: dict[str, Any], text: str, bundled: bool, check_codes: bool
) -> Dataset:
    return _Builder(shown, document, text, bundled).build(check_codes)


class _Record:
    """One table being read: its typed values and the problems found in it. `lines` gives
    the line of each key, so a problem with a field points at the field's own line. `where`
    names the record. Both may be callables, asked only when there is a problem to report:
    a valid file never pays for finding lines."""

    def __init__(
        self,
        where: str | Callable[[], str],
        problems: list[str],
        lines: dict[str, int] | Callable[[], dict[str, int]] | None = None,
    ) -> None:
        self._where = where
        self._lines = lines or {}
        self.problems = problems
        self.values: dict[str, Any] = {}
        self.ok = True

    @property
    def where(self) -> str:
        if callable(self._where):
            self._where = self._where()
        return self._where

    @property
    def lines(self) -> dict[str, int]:
        if callable(self._lines):
            self._lines = self._lines()
        return self._lines

    def problem(self, message: str, key: str | None = None) -> None:
        where = self.where
        if key in self.lines:
            where = re.sub(r"line \d+", f"line {self.lines[key]}", where)
        self.problems.append(f"{where}: {message}")
        self.ok = False


def _read(table: dict[str, Any], schema: Table, record: _Record) -> None:
    """Read every declared field of `table` into record.values; report unknown fields."""
    values = record.values
    for spec, target in _targets(schema):
        value = table.get(spec.name)
        if value is None:
            if spec.required:
                record.problem(f"missing required field '{spec.name}'")
            continue
        try:
            values[target] = spec.type.read(value)
        except ValueError as error:
            message = str(error)
            joined = f"'{spec.name}'{'' if message.startswith(':') else ' '}{message}"
            record.problem(joined, spec.name)


_TARGETS: dict[str, tuple[tuple[DataField, str], ...]] = {}
_KNOWN: dict[str, frozenset[str]] = {}


def _targets(schema: Table) -> tuple[tuple[DataField, str], ...]:
    """Each field of a table with the attribute it fills, worked out once per table."""
    found = _TARGETS.get(schema.title)
    if found is None:
        found = _TARGETS[schema.title] = tuple((spec, spec.target) for spec in schema.fields)
    return found


def _unknown(table: dict[str, Any], schema: Table, record: _Record) -> None:
    known = _KNOWN.get(schema.title)
    if known is None:
        known = _KNOWN[schema.title] = frozenset(spec.name for spec in schema.fields)
    if table.keys() <= known:
        return
    names = [spec.name for spec in schema.fields]
    for key in sorted(set(table) - known):
        record.problem(f"unknown field '{key}'{suggest(key, names)}", key)


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
        self.problems: list[str] = []
        self.seen_ids: dict[str, str] = {}
        self.places: dict[str, Place] = {}
        self.built: dict[str, dict[str, Any]] = {kind.name: {} for kind in KINDS}
        self.mission_names: set[str] = set()

    def build(self, check_codes: bool) -> Dataset:
        for key in sorted(set(self.document) - TOP_LEVEL_KEYS):
            self.problems.append(f"unknown top-level table '{key}'{suggest(key, TOP_LEVEL_KEYS)}")
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
                self._reserve_signing(member.id, rules.signing_id(member.id))
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
            self.problems.append("missing the [dataset] table (title, version, as_of)")
            return None
        record = _Record("[dataset]", self.problems)
        _read(table, TABLES["dataset"], record)
        _unknown(table, TABLES["dataset"], record)
        return DatasetInfo(**record.values) if record.ok else None

    def _places(self) -> None:
        table = self.document.get("places", {})
        if not isinstance(table, dict):
            self.problems.append('[places] must be a table of name = "ISO code"')
            return
        codes: dict[str, str] = {}
        for name, code in table.items():
            where = f"[places] {name!r}"
            if not isinstance(code, str) or not ISO_CODE_PATTERN.fullmatch(code):
                shown = code if isinstance(code, str) else type(code).__name__
                self.problems.append(
                    f'{where}: code must be an ISO 3166 code such as "TR" or "US-HI", '
                    f"not {shown!r}"[:300]
                )
                continue
            if code in codes:
                self.problems.append(f"{where}: code {code!r} is also used by {codes[code]!r}")
            if mixed := mixed_script(name):
                first, second, odd = mixed
                self.problems.append(
                    f"{where}: mixes {first} and {second} letters in one word ({odd!r} is "
                    f"U+{ord(odd):04X} {unicodedata.name(odd, '?')}), so it looks like a name it "
                    "is not; write each word in one script"
                )
            codes[code] = name
            self.places[name] = Place(name, code)
        for special in (INTERNATIONAL, UNKNOWN):
            self.places.setdefault(special, Place(special, None))

    def _check_iso_codes(self) -> None:
        """Every code is an ISO 3166 code, and the place's own: a name that ISO 3166 (or a
        common alias) knows must carry that code."""
        from ..core.countries import code_of_name, is_iso_code, iso_name

        for place in self.places.values():
            if place.code is None:
                continue
            where = f"[places] {place.name!r}"
            if not is_iso_code(place.code):
                self.problems.append(f"{where}: {place.code!r} is not an ISO 3166 code")
                continue
            own = code_of_name(place.name)
            if own is not None and own != place.code:
                self.problems.append(
                    f"{where}: {place.code!r} is the code of {iso_name(place.code)}; the code "
                    f"of {place.name} is {own!r}"
                )

    def _records(self, kind: Kind) -> list[Any]:
        raw = self.document.get(kind.plural, [])
        if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
            self.problems.append(f"'{kind.plural}' must be an array of tables ([[{kind.plural}]])")
            return []
        schema = TABLES[kind.plural]
        links = [(link, target, spec.name) for spec, target in _targets(schema)
                 if (link := spec.type.link) is not None]  # fmt: skip
        built = []
        for index, table in enumerate(raw):
            record = _Record(
                functools.partial(self._where, kind.plural, index, table),
                self.problems,
                functools.partial(self._key_lines, kind.plural, index),
            )
            if isinstance(table.get("id"), str):
                self.record_index[(kind.plural, table["id"])] = index
            _read(table, schema, record)
            self._unique_id(record, kind)
            for link, target, key in links:
                if target in record.values:
                    self._link(record, link, target, key)
            for message in rules.record_problems(kind.name, record.values):
                record.problem(message)
            _unknown(table, schema, record)
            if record.ok:
                value = kind.make(record.values)
                self.built[kind.name][value.id] = value
                built.append(value)
        return built

    def _lines(self) -> tuple[dict[str, list[int]], dict[str, list[dict[str, int]]]]:
        """The line of each [[table]] header and key, found when a problem first needs one."""
        if self._found_lines is None:
            self._found_lines = _header_lines(self.text)
        return self._found_lines

    def _key_lines(self, key: str, index: int) -> dict[str, int]:
        blocks = self._lines()[1].get(key, [])
        return blocks[index] if index < len(blocks) else {}

    def _locate(self, plural: str, record_id: str, key: str) -> str:
        """ "[[members]] (id 'x', line 40)": a record, at the line of its `key` where known."""
        index = self.record_index.get((plural, record_id))
        line = None if index is None else self._key_lines(plural, index).get(key)
        return f"[[{plural}]] (id {record_id!r}" + (f", line {line})" if line else ")")

    def _where(self, key: str, index: int, table: dict[str, Any]) -> str:
        """'[[payloads]] #3 (id 'x', line 120)': the record, by position, id and line."""
        details = []
        if isinstance(table.get("id"), str):
            details.append(f"id {table['id'][:80]!r}")
        lines = self._lines()[0].get(key, [])
        if index < len(lines):
            details.append(f"line {lines[index]}")
        return f"[[{key}]] #{index + 1}" + (f" ({', '.join(details)})" if details else "")

    def _unique_id(self, record: _Record, kind: Kind) -> None:
        record_id = record.values.get("id")
        if record_id is None:
            return
        if record_id in self.seen_ids:
            record.problem(
                f"duplicate id {record_id!r} (already used by {_a(self.seen_ids[record_id])})", "id"
            )
        else:
            self.seen_ids[record_id] = kind.name

    def _reserve_signing(self, member_id: str, signing_id: str) -> None:
        if signing_id in self.seen_ids:
            self.problems.append(
                f"[[members]] (id {member_id!r}): its signing event id {signing_id!r} is "
                f"already used by {_a(self.seen_ids[signing_id])}"
            )
        self.seen_ids[signing_id] = "signing event"

    def _link(self, record: _Record, link: Link, target: str, key: str) -> None:
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

    def _lookup(self, record: _Record, kind: str, wanted: str, key: str | None = None) -> Any:
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

    def _citations(self, record: _Record, entries: list[dict[str, Any]]) -> tuple[Citation, ...]:
        if record.ok and not entries:
            record.problem("has no sources; every record needs at least one", "sources")
        citations = []

        def where(number: int) -> str:
            line = record.lines.get("sources")
            found = record.where
            found = re.sub(r"line \d+", f"line {line}", found) if line else found
            return f"{found} source #{number}"

        for number, entry in enumerate(entries, start=1):
            cite = _Record(functools.partial(where, number), self.problems)
            _read(entry, TABLES["citation"], cite)
            _unknown(entry, TABLES["citation"], cite)
            source = self._lookup(cite, "source", cite.values.get("id", "")) if cite.ok else None
            if not cite.ok:
                record.ok = False
            elif source is not None:
                citations.append(Citation(source, cite.values["at"]))
        return tuple(citations)


_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]")
_KEY = re.compile(r'^\s*(?:"([^"]+)"|([A-Za-z0-9_-]+))\s*=')


def _header_lines(text: str) -> tuple[dict[str, list[int]], dict[str, list[dict[str, int]]]]:
    """The line of each [[table]] header, in order, and of each key in those tables, so
    that problems can name a line."""
    headers: dict[str, list[int]] = {}
    keys: dict[str, list[dict[str, int]]] = {}
    current: dict[str, int] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("["):
            if match := _HEADER.match(line):
                headers.setdefault(match[1], []).append(number)
                current = {}
                keys.setdefault(match[1], []).append(current)
            else:
                current = None
        elif current is not None and (key := _KEY.match(line)):
            current.setdefault(key[1] or key[2], number)
    return headers, keys


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"
