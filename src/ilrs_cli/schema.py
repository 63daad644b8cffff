"""The dataset file's schema: every table and field, its type, whether it is required, and
what it means. The loader accepts exactly these fields, and README.md's schema section is
generated from here."""

from __future__ import annotations

from typing import NamedTuple


class FieldSpec(NamedTuple):
    name: str
    type: str
    required: bool
    help: str


def _required(name: str, type_: str, help_: str) -> FieldSpec:
    return FieldSpec(name, type_, True, help_)


def _optional(name: str, type_: str, help_: str) -> FieldSpec:
    return FieldSpec(name, type_, False, help_)


ID = _required("id", "id", "Unique across the whole file: lower-case letters, digits, hyphens.")
SOURCES = _required(
    "sources",
    "list of citations",
    'The sources behind the record, at least one: `{ id = "source-id", at = "paragraph 9" }`.',
)
COUNTRY = _required(
    "country",
    "place",
    'A name from `[places]`, or "international organization", or "unknown".',
)
NOTE = _optional("note", "string", "Caveats: where sources disagree, what was not found.")
DATE_FORMS = "`2025-04-24`, `2023-12`, `2026`, a range `2028/2029`, or a decade `2030s`"

TABLES: dict[str, tuple[str, tuple[FieldSpec, ...]]] = {
    "dataset": (
        "`[dataset]`: about the file.",
        (
            _required("title", "string", "The dataset's title."),
            _required("version", "string", "The dataset's version."),
            _required(
                "as_of",
                "date (a day)",
                "The day the data describes; `planned` and `done` are judged at this date.",
            ),
            _optional("description", "string", "What the dataset holds."),
        ),
    ),
    "sources": (
        "`[[sources]]`: every source records cite.",
        (
            ID,
            _required("title", "string", "Its title; in [brackets] when not the page's own."),
            _required("publisher", "string", "Who published it."),
            _required("url", "URL", "Where it can be read (http:// or https://)."),
            _optional("date", "date", f"When it was published: {DATE_FORMS}."),
            _optional(
                "accessed",
                "date (a day)",
                "When it was read; citations use the dataset's `as_of` when absent.",
            ),
            _optional("archive_url", "URL", "An archived copy (a Wayback Machine link)."),
            _optional("note", "string", "About the source: reposts, datelines, numbering."),
        ),
    ),
    "citation": (
        "A citation, in any record's `sources` list.",
        (
            _required("id", "source id", "The `id` of a `[[sources]]` entry."),
            _required(
                "at", "string", "Where in the source: `paragraph 9`, `paragraphs 3, 9`, `page`."
            ),
        ),
    ),
    "institutions": (
        "`[[institutions]]`: the partner institutions behind the payloads.",
        (
            ID,
            _required("name", "string", "Its full name."),
            COUNTRY,
            _optional("short_name", "string", "A common abbreviation (METU, SUPARCO)."),
            _optional("name_zh", "string", "Its name in Chinese, where a source gives it."),
            NOTE,
            SOURCES,
        ),
    ),
    "payloads": (
        "`[[payloads]]`: the selected projects, one record each.",
        (
            ID,
            _required("name", "string", "The payload's name."),
            _required("kind", "robot | rover | instrument", "What it is."),
            _required("description", "string", "What it does, in the dataset's own words."),
            _required("institutions", "list of institution ids", "Its partners, at least one."),
            _optional("name_zh", "string", "Its name in Chinese, where a source gives it."),
            SOURCES,
        ),
    ),
    "members": (
        "`[[members]]`: ILRS participants.",
        (
            ID,
            _required("name", "string", "The participant's name."),
            COUNTRY,
            _required(
                "level",
                "national | subnational | organization | affiliated",
                "How it takes part; `affiliated` is through the organization in `via`.",
            ),
            _required(
                "status",
                "signed | reported",
                "`signed` only where a source documents an agreement; else `reported`.",
            ),
            _optional("short_name", "string", "A common abbreviation (APSCO)."),
            _optional(
                "date",
                "date",
                f'The signing date ({DATE_FORMS}); needs `status = "signed"`; adds a timeline '
                "event `<id>-signs`.",
            ),
            _optional("via", "member id", "For `affiliated`: the organization (a member id)."),
            _optional("agreement", "string", "What was signed, and by whom."),
            NOTE,
            SOURCES,
        ),
    ),
    "missions": (
        "`[[missions]]`: the missions that events and facts name.",
        (
            ID,
            _required("name", "string", "The name events and facts use in `mission`."),
            _optional("full_name", "string", "The name in full, where `name` is short (ILRS)."),
            _optional("name_zh", "string", "Its name in Chinese, where a source gives it."),
            NOTE,
            SOURCES,
        ),
    ),
    "events": (
        "`[[events]]`: the timeline.",
        (
            ID,
            _required("date", "date", f"When: {DATE_FORMS}."),
            _required("mission", "mission name", "A `[[missions]]` name: Chang'e-7, ILRS."),
            _required(
                "status",
                "planned | done",
                "At the as-of date; `done` needs a source saying it happened.",
            ),
            _required("event", "string", "What happens."),
            NOTE,
            SOURCES,
        ),
    ),
    "facts": (
        "`[[facts]]`: mission facts, one a record.",
        (
            ID,
            _required("mission", "mission name", "The `[[missions]]` name the fact is about."),
            _required("topic", "string", "A short label: Landing site, Launch."),
            _required("text", "string", "The fact, in the dataset's own words."),
            NOTE,
            SOURCES,
        ),
    ),
}


def fields_of(table: str) -> dict[str, FieldSpec]:
    return {spec.name: spec for spec in TABLES[table][1]}


def schema_markdown() -> str:
    """The schema as Markdown tables, for README.md."""
    parts = [
        "`[places]` maps each country or region name that records use to its ISO 3166 code "
        '(`"Turkey" = "TR"`; a region inside a country takes its ISO 3166-2 code, '
        '`"Hawaii" = "US-HI"`).',
        "",
    ]
    for title, specs in TABLES.values():
        parts += [title, "", "| field | type | required | meaning |", "| --- | --- | --- | --- |"]
        for spec in specs:
            required = "yes" if spec.required else "no"
            parts.append(f"| `{spec.name}` | {spec.type} | {required} | {spec.help} |")
        parts.append("")
    return "\n".join(parts)
