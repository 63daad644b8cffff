"""Read a dataset file, check every record, and build the immutable Dataset.

Every problem in a file is collected and reported together, each with the record it is in.
Commands reach this through store.open_dataset, which keeps the result in a cache.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from .dates import FuzzyDate, parse_dataset_date
from .errors import DatasetError
from .model import (
    INTERNATIONAL,
    UNKNOWN,
    Citation,
    Dataset,
    DatasetInfo,
    Event,
    EventStatus,
    Fact,
    Institution,
    Level,
    Member,
    MemberStatus,
    Mission,
    Payload,
    PayloadKind,
    Place,
    Source,
)
from .schema import fields_of

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised by the Python 3.10 run in CI
    import tomli as tomllib

MAX_BYTES = 32 * 1024 * 1024  # far above any real dataset; bigger files are refused unread
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ISO_CODE_PATTERN = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?")
RECORD_TABLES = (
    "sources", "institutions", "payloads", "members", "missions", "events", "facts",
)  # fmt: skip
TOP_LEVEL_KEYS = frozenset({"dataset", "places", *RECORD_TABLES})

E = TypeVar("E", bound=Enum)
T = TypeVar("T")


def load_dataset(path: Path | None = None, check_codes: bool | None = None) -> Dataset:
    """Load and check a dataset file (the bundled one by default); raise DatasetError.

    `check_codes` also checks every [places] code against ISO 3166, which loads the country
    library; it defaults to on for a file the user names. The bundled file is checked by the
    test suite and by `ilrs check`.
    """
    from .store import bundled_path

    file = path if path is not None else bundled_path()
    shown = str(file)
    text = _read_text(file, shown)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DatasetError(shown, [f"not valid TOML: {error}"]) from None
    builder = _Builder(shown, document, bundled=path is None, text=text)
    return builder.build(check_codes=path is not None if check_codes is None else check_codes)


def _read_text(file: Path, shown: str) -> str:
    """The file's text, or one clear problem for anything that is not a text file."""
    try:
        if file.is_dir():
            raise DatasetError(shown, ["is a directory, not a dataset file"])
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise DatasetError(
                shown, [f"is {size:,} bytes, too large for a dataset (the limit is {MAX_BYTES:,})"]
            )
        raw = file.read_bytes()
    except OSError as error:
        raise DatasetError(shown, [f"cannot read the file: {error.strerror or error}"]) from None
    if b"\x00" in raw:
        raise DatasetError(shown, ["is a binary file (it contains NUL bytes), not TOML text"])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DatasetError(
            shown, [f"is not UTF-8 text (bad byte at offset {error.start})"]
        ) from None
    if not text.strip():
        raise DatasetError(shown, ["is empty; a dataset needs at least a [dataset] table"])
    return text


class _Fields:
    """Typed reads from one TOML table; every problem is added to the shared list."""

    def __init__(self, table: dict[str, Any], where: str, problems: list[str], schema: str) -> None:
        self.table = table
        self.where = where
        self.problems = problems
        self.allowed = fields_of(schema)
        self.ok = True

    def problem(self, message: str) -> None:
        self.problems.append(f"{self.where}: {message}")
        self.ok = False

    def _get(self, key: str, required: bool) -> Any:
        assert key in self.allowed, f"{key!r} is read but not in the schema"
        value = self.table.get(key)
        if value is None and required:
            self.problem(f"missing required field '{key}'")
        return value

    def text(self, key: str) -> str:
        value = self._get(key, required=True)
        if value is None:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problem(f"'{key}' must be a non-empty string, not {_describe(value)}")
            return ""
        return value.strip()

    def optional_text(self, key: str) -> str | None:
        value = self._get(key, required=False)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(f"'{key}' must be a non-empty string, not {_describe(value)}")
            return None
        return value.strip()

    def ident(self, key: str = "id") -> str:
        value = self.text(key)
        if value and not ID_PATTERN.fullmatch(value):
            self.problem(f"'{key}' {value!r} must be lower-case letters, digits and hyphens")
        return value

    def choice(self, key: str, kind: type[E]) -> E | None:
        value = self.text(key)
        if not value:
            return None
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(member.value for member in kind)
            self.problem(f"'{key}' is {value!r}; use one of: {allowed}")
            return None

    def fuzzy_date(self, key: str, required: bool) -> FuzzyDate | None:
        value = self._get(key, required=required)
        if value is None:
            return None
        if isinstance(value, date) and not hasattr(value, "hour"):
            value = value.isoformat()
        if not isinstance(value, str):
            self.problem(f"'{key}' must be a date string, not {_describe(value)}")
            return None
        try:
            return parse_dataset_date(value.strip())
        except ValueError as error:
            self.problem(f"'{key}': {error}")
            return None

    def day(self, key: str) -> date | None:
        """An optional single day, YYYY-MM-DD."""
        when = self.fuzzy_date(key, required=False)
        if when is not None and when.start != when.end:
            self.problem(f"'{key}' must be a single day (YYYY-MM-DD), not {when.text!r}")
            return None
        return when.start if when is not None else None

    def _list_of(self, key: str, item_type: type, description: str) -> list[Any]:
        value = self._get(key, required=True)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, item_type) for item in value):
            self.problem(f"'{key}' must be a list of {description}, not {_describe(value)}")
            return []
        return value

    def id_list(self, key: str) -> list[str]:
        ids = self._list_of(key, str, "ids")
        if self.table.get(key) == []:
            self.problem(f"'{key}' is empty")
        return ids

    def table_list(self, key: str) -> list[dict[str, Any]]:
        return self._list_of(key, dict, "tables")

    def finish(self) -> None:
        for key in sorted(set(self.table) - set(self.allowed)):
            close = _suggest(key, self.allowed)
            self.problem(f"unknown field '{key}'{close}")


def _describe(value: Any) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "true/false"}
    names.update({list: "a list", dict: "a table"})
    if isinstance(value, str) and not value.strip():
        return "an empty string"
    return names.get(type(value), type(value).__name__)


class _Builder:
    def __init__(self, path: str, document: dict[str, Any], bundled: bool, text: str) -> None:
        self.path = path
        self.bundled = bundled
        self.header_lines = _header_lines(text)
        self.document = document
        self.problems: list[str] = []
        self.seen_ids: dict[str, str] = {}
        self.places: dict[str, Place] = {}
        self.sources: dict[str, Source] = {}
        self.institutions: dict[str, Institution] = {}
        self.members: dict[str, Member] = {}
        self.mission_names: set[str] = set()

    def build(self, check_codes: bool) -> Dataset:
        for key in sorted(set(self.document) - TOP_LEVEL_KEYS):
            self.problems.append(f"unknown top-level table '{key}'")
        info = self._info()
        self._places()
        if check_codes:
            self._check_iso_codes()
        sources = self._records("sources", self._source)
        institutions = self._records("institutions", self._institution)
        payloads = self._records("payloads", self._payload)
        members = self._records("members", self._member)
        self._check_vias(members)
        self._reserve_signing_ids(members)
        missions = self._records("missions", self._mission)
        self.mission_names = {mission.name for mission in missions}
        events = self._records("events", self._event)
        facts = self._records("facts", self._fact)
        if info is not None:
            self._check_dates(info.as_of, members, events)
        if self.problems or info is None:
            raise DatasetError(self.path, self.problems)
        timeline = sorted(
            [*events, *(_signing_event(member) for member in members if member.date)],
            key=lambda event: (event.date.start, event.date.end, event.id),
        )
        return Dataset(
            path=self.path,
            bundled=self.bundled,
            info=info,
            places=tuple(self.places.values()),
            sources=tuple(sources),
            institutions=tuple(institutions),
            payloads=tuple(payloads),
            members=tuple(members),
            missions=tuple(missions),
            events=tuple(timeline),
            facts=tuple(facts),
        )

    # -- top-level tables ------------------------------------------------------------------

    def _info(self) -> DatasetInfo | None:
        table = self.document.get("dataset")
        if not isinstance(table, dict):
            self.problems.append("missing the [dataset] table (title, version, as_of)")
            return None
        fields = _Fields(table, "[dataset]", self.problems, "dataset")
        title, version = fields.text("title"), fields.text("version")
        if "as_of" not in table:
            fields.problem("missing required field 'as_of'")
        as_of = fields.day("as_of")
        description = fields.optional_text("description")
        fields.finish()
        if not fields.ok or as_of is None:
            return None
        return DatasetInfo(title=title, version=version, as_of=as_of, description=description)

    def _places(self) -> None:
        table = self.document.get("places", {})
        if not isinstance(table, dict):
            self.problems.append('[places] must be a table of name = "ISO code"')
            return
        codes: dict[str, str] = {}
        for name, code in table.items():
            where = f"[places] {name!r}"
            if not isinstance(code, str) or not ISO_CODE_PATTERN.fullmatch(code):
                self.problems.append(
                    f'{where}: code must be an ISO 3166 code such as "TR" or "US-HI", not {code!r}'
                )
                continue
            if code in codes:
                self.problems.append(f"{where}: code {code!r} is also used by {codes[code]!r}")
            codes[code] = name
            self.places[name] = Place(name, code)
        for special in (INTERNATIONAL, UNKNOWN):
            self.places.setdefault(special, Place(special, None))

    def _records(self, key: str, build: Callable[[_Fields], Any | None]) -> list[Any]:
        raw = self.document.get(key, [])
        if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
            self.problems.append(f"'{key}' must be an array of tables ([[{key}]])")
            return []
        records = []
        for index, table in enumerate(raw):
            fields = _Fields(table, self._where(key, index, table), self.problems, key)
            record = build(fields)
            fields.finish()
            if record is not None and fields.ok:
                records.append(record)
        return records

    def _where(self, key: str, index: int, table: dict[str, Any]) -> str:
        """'[[payloads]] #3 (id 'x', line 120)': the record, by position, id and line."""
        details = []
        if isinstance(table.get("id"), str):
            details.append(f"id {table['id']!r}")
        lines = self.header_lines.get(key, [])
        if index < len(lines):
            details.append(f"line {lines[index]}")
        return f"[[{key}]] #{index + 1}" + (f" ({', '.join(details)})" if details else "")

    def _check_iso_codes(self) -> None:
        from .countries import is_iso_code

        for place in self.places.values():
            if place.code is not None and not is_iso_code(place.code):
                self.problems.append(
                    f"[places] {place.name!r}: {place.code!r} is not an ISO 3166 code"
                )

    # -- one builder per record kind ---------------------------------------------------------

    def _unique_id(self, fields: _Fields, kind: str) -> str:
        record_id = fields.ident()
        if record_id in self.seen_ids:
            fields.problem(
                f"duplicate id {record_id!r} (already used by a {self.seen_ids[record_id]})"
            )
        elif record_id:
            self.seen_ids[record_id] = kind
        return record_id

    def _lookup(self, fields: _Fields, kind: str, wanted: str, known: dict[str, T]) -> T | None:
        """The record `wanted` refers to. A record that exists but is itself broken has been
        reported already, so only the referring record is marked as not usable."""
        found = known.get(wanted)
        if found is None and wanted:
            if self.seen_ids.get(wanted) == kind:
                fields.ok = False
            else:
                fields.problem(f"unknown {kind} id {wanted!r}{_suggest(wanted, known)}")
        return found

    def _citations(self, fields: _Fields) -> tuple[Citation, ...]:
        citations = []
        entries = fields.table_list("sources")
        if fields.ok and not entries:
            fields.problem("has no sources; every record needs at least one")
        for number, entry in enumerate(entries, start=1):
            cite = _Fields(entry, f"{fields.where} source #{number}", self.problems, "citation")
            source_id, at = cite.text("id"), cite.text("at")
            cite.finish()
            source = self._lookup(cite, "source", source_id, self.sources)
            if not cite.ok:
                fields.ok = False
            elif source is not None:
                citations.append(Citation(source, at))
        return tuple(citations)

    def _place(self, fields: _Fields, key: str = "country") -> Place | None:
        name = fields.text(key)
        place = self.places.get(name)
        if name and place is None:
            fields.problem(
                f"unknown country or region {name!r}{_suggest(name, self.places)}; add it to "
                f"[places] or use {INTERNATIONAL!r} or {UNKNOWN!r}"
            )
        return place

    def _source(self, fields: _Fields) -> Source | None:
        source_id = self._unique_id(fields, "source")
        title, publisher, url = fields.text("title"), fields.text("publisher"), fields.text("url")
        published = fields.fuzzy_date("date", required=False)
        accessed = fields.day("accessed")
        archive_url = fields.optional_text("archive_url")
        note = fields.optional_text("note")
        for key, address in (("url", url), ("archive_url", archive_url)):
            if address and not address.startswith(("https://", "http://")):
                fields.problem(f"'{key}' must start with https:// or http://, not {address!r}")
        if not fields.ok:
            return None
        source = Source(source_id, title, publisher, url, published, accessed, archive_url, note)
        self.sources[source_id] = source
        return source

    def _institution(self, fields: _Fields) -> Institution | None:
        institution_id = self._unique_id(fields, "institution")
        name = fields.text("name")
        place = self._place(fields)
        short_name, name_zh = fields.optional_text("short_name"), fields.optional_text("name_zh")
        note = fields.optional_text("note")
        citations = self._citations(fields)
        if not fields.ok or place is None:
            return None
        institution = Institution(institution_id, name, place, citations, short_name, name_zh, note)
        self.institutions[institution_id] = institution
        return institution

    def _payload(self, fields: _Fields) -> Payload | None:
        payload_id = self._unique_id(fields, "payload")
        name, description = fields.text("name"), fields.text("description")
        name_zh = fields.optional_text("name_zh")
        kind = fields.choice("kind", PayloadKind)
        partners = []
        for institution_id in fields.id_list("institutions"):
            institution = self._lookup(fields, "institution", institution_id, self.institutions)
            if institution is not None:
                partners.append(institution)
        citations = self._citations(fields)
        if not fields.ok or kind is None:
            return None
        return Payload(payload_id, name, kind, description, tuple(partners), citations, name_zh)

    def _member(self, fields: _Fields) -> Member | None:
        member_id = self._unique_id(fields, "member")
        name = fields.text("name")
        place = self._place(fields)
        level = fields.choice("level", Level)
        status = fields.choice("status", MemberStatus)
        signed = fields.fuzzy_date("date", required=False)
        via = fields.optional_text("via")
        short_name, agreement = (
            fields.optional_text("short_name"),
            fields.optional_text("agreement"),
        )
        note = fields.optional_text("note")
        citations = self._citations(fields)
        if level is Level.AFFILIATED and via is None:
            fields.problem("an affiliated member needs 'via': the id of its organization")
        if level is not None and level is not Level.AFFILIATED and via is not None:
            fields.problem(f"'via' is only for affiliated members, not {level.value} ones")
        if signed is not None and status is not MemberStatus.SIGNED:
            fields.problem("'date' is the signing date, so the status must be 'signed'")
        if not fields.ok or place is None or level is None or status is None:
            return None
        member = Member(
            member_id,
            name,
            place,
            level,
            status,
            citations,
            short_name,
            signed,
            via,
            agreement,
            note,
        )
        self.members[member_id] = member
        return member

    def _check_vias(self, members: Iterable[Member]) -> None:
        for member in members:
            if member.via is None:
                continue
            organization = self.members.get(member.via)
            if organization is None or organization.level is not Level.ORGANIZATION:
                self.problems.append(
                    f"[[members]] (id {member.id!r}): 'via' {member.via!r} is not the id of a "
                    "member with level 'organization'"
                )

    def _reserve_signing_ids(self, members: Iterable[Member]) -> None:
        for member in members:
            if member.date is None:
                continue
            signing_id = _signing_id(member)
            if signing_id in self.seen_ids:
                self.problems.append(
                    f"[[members]] (id {member.id!r}): its signing event id {signing_id!r} is "
                    f"already used by a {self.seen_ids[signing_id]}"
                )
            self.seen_ids[signing_id] = "signing event"

    def _mission(self, fields: _Fields) -> Mission | None:
        mission_id = self._unique_id(fields, "mission")
        name = fields.text("name")
        full_name, name_zh = fields.optional_text("full_name"), fields.optional_text("name_zh")
        note = fields.optional_text("note")
        citations = self._citations(fields)
        if not fields.ok:
            return None
        return Mission(mission_id, name, citations, full_name, name_zh, note)

    def _mission_name(self, fields: _Fields) -> str:
        """The `mission` of an event or fact: a [[missions]] name, where the file has any."""
        name = fields.text("mission")
        if name and self.mission_names and name not in self.mission_names:
            known = ", ".join(sorted(self.mission_names))
            fields.problem(f"'mission' is {name!r}; use one of the [[missions]] names: {known}")
        return name

    def _event(self, fields: _Fields) -> Event | None:
        event_id = self._unique_id(fields, "event")
        when = fields.fuzzy_date("date", required=True)
        mission, text = self._mission_name(fields), fields.text("event")
        status = fields.choice("status", EventStatus)
        note = fields.optional_text("note")
        citations = self._citations(fields)
        if not fields.ok or when is None or status is None:
            return None
        return Event(event_id, when, mission, status, text, citations, note)

    def _fact(self, fields: _Fields) -> Fact | None:
        fact_id = self._unique_id(fields, "fact")
        mission = self._mission_name(fields)
        topic, text = fields.text("topic"), fields.text("text")
        note = fields.optional_text("note")
        citations = self._citations(fields)
        if not fields.ok:
            return None
        return Fact(fact_id, mission, topic, text, citations, note)

    def _check_dates(self, as_of: date, members: list[Member], events: list[Event]) -> None:
        for member in members:
            if member.date is not None and member.date.start > as_of:
                self.problems.append(
                    f"[[members]] (id {member.id!r}): signed on {member.date} which is after "
                    f"the dataset's as_of date {as_of}"
                )
        for event in events:
            where = f"[[events]] (id {event.id!r})"
            if event.status is EventStatus.DONE and event.date.start > as_of:
                self.problems.append(
                    f"{where}: 'done' but dated {event.date}, after the as_of date {as_of}"
                )
            if event.status is EventStatus.PLANNED and event.date.end < as_of:
                self.problems.append(
                    f"{where}: 'planned' but dated {event.date}, before the as_of date {as_of}; "
                    "mark it done (with a source) or correct the date"
                )


def _signing_id(member: Member) -> str:
    return f"{member.id}-signs"


def _signing_event(member: Member) -> Event:
    assert member.date is not None
    text = member.agreement or f"{member.name} signs an ILRS agreement"
    return Event(
        id=_signing_id(member),
        date=member.date,
        mission="ILRS",
        status=EventStatus.DONE,
        event=text,
        sources=member.sources,
        note=member.note,
    )


_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]")


def _header_lines(text: str) -> dict[str, list[int]]:
    """Line numbers of each [[table]] header, in order, so problems can name a line."""
    found: dict[str, list[int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if match := _HEADER.match(line):
            found.setdefault(match[1], []).append(number)
    return found


def _suggest(word: str, known: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
