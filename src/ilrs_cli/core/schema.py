"""The dataset file's schema: every table and field, declared once.

Each field says its type, whether it is required, what it means and which record attribute it
fills; where a list command shows it, its column (`Shown`); each table, the order of its JSON
object's keys. The loader reads and checks fields from these declarations alone, the JSON
objects and list columns of report/ are derived from them, and the schema reference in docs
is generated from them, so none of these can drift apart.
"""

from __future__ import annotations

from .dates import DATASET_FORMATS
from .field_types import (
    CITATIONS,
    DATE,
    DATE_FORMS,
    DAY,
    FLAG,
    ID,
    INSTITUTION_IDS,
    MEMBER_ID,
    MISSION,
    NAMES,
    ORDINAL,
    PLACE,
    TEXT,
    URL,
    FieldType,
    choice,
)
from .tuples import NamedTuple
from .vocab import EventKind, EventStatus, Level, MemberStatus, PayloadKind


class Shown(NamedTuple):
    """How list commands show a field: its column's header and help (`ilrs fields`), and the
    widest a table draws it. A field without one shows with its name and its help."""

    header: str
    help: str
    max_width: int | None = None


class DataField(NamedTuple):
    name: str  # the key in the file, and in JSON
    type: FieldType
    required: bool
    help: str
    attribute: str = ""  # the record attribute it fills, when not `name`
    shown: Shown | None = None

    @property
    def target(self) -> str:
        return self.attribute or self.name


def _required(
    name: str, type_: FieldType, help_: str, attribute: str = "", shown: Shown | None = None
) -> DataField:
    return DataField(name, type_, True, help_, attribute, shown)


def _optional(
    name: str, type_: FieldType, help_: str, attribute: str = "", shown: Shown | None = None
) -> DataField:
    return DataField(name, type_, False, help_, attribute, shown)


RECORD_ID = _required(
    "id", ID, "Unique across the whole file: lower-case letters, digits, hyphens."
)
SOURCES = _required(
    "sources",
    CITATIONS,
    "The sources behind the record, at least one: each a source's id and where in it.",
)
COUNTRY = _required(
    "country",
    PLACE,
    "A country or region from the places table, or 'international organization', or 'unknown'.",
    attribute="place",
)
NOTE = _optional("note", TEXT, "Caveats: where sources disagree, what was not found.")
NAME_ZH = _optional("name_zh", TEXT, "Its name in Chinese, where a source gives it.")
ALIASES = _optional(
    "aliases",
    NAMES,
    "Other names people use for it (Roscosmos, CNSA), each seen in a source it cites; "
    "search and show find it by any of them.",
)


def note(help_: str, max_width: int) -> DataField:
    """The `note` field, as a list command shows it."""
    return NOTE._replace(shown=Shown("Note", help_, max_width))


def shown(field: DataField, header: str, help_: str, max_width: int | None = None) -> DataField:
    """A shared field, as a list command shows it."""
    return field._replace(shown=Shown(header, help_, max_width))


class Table(NamedTuple):
    title: str
    fields: tuple[DataField, ...]
    # the keys of a record's JSON object in order: every field, and what report.items adds;
    # empty for the fields in their order
    json_keys: tuple[str, ...] = ()

    def field(self, name: str) -> DataField | None:
        for field in self.fields:
            if field.name == name:
                return field
        return None


# Record tables are named by the registry's plural (core.kinds); "dataset" and "citation" are
# the file's header and the entries of every `sources` list.
# fmt: off
TABLES: dict[str, Table] = {
    "dataset": Table(
        "About the file.",
        (
            _required("title", TEXT, "The dataset's title."),
            _required("version", TEXT, "The dataset's version."),
            _required(
                "as_of",
                DAY,
                "The day the data describes; planned and done are judged at this date.",
            ),
            _optional("description", TEXT, "What the dataset holds."),
        ),
    ),
    "sources": Table(
        "Every source records cite.",
        (
            RECORD_ID,
            _required("title", TEXT, "The page's own title, as the page shows it.",
                      shown=Shown("Title", "The page's own title; see untitled.", 50)),
            _optional("untitled", FLAG,
                      "True when the page shows no title: the title is then a [bracketed] "
                      "description.",
                      shown=Shown("Untitled", "true when the page shows no title and the title "
                                  "is a [bracketed] description.")),
            _optional("author", TEXT, "The author or byline, where the page names one.",
                      shown=Shown("Author", "The author or byline, where named.")),
            _required("publisher", TEXT,
                      "Who published the text first (for a repost, the original).",
                      shown=Shown("Publisher", "Who published the text first.")),
            _required("url", URL, "Where it was read (http:// or https://).",
                      shown=Shown("URL", "Where it was read.")),
            _optional("via", TEXT, "When url is a repost: the site that reposted it.",
                      shown=Shown("Via", "The site that reposted it, when url is a repost.")),
            _optional("original_url", URL, "When url is a repost: the original, where known.",
                      shown=Shown("Original", "The original, when url is a repost and it is "
                                  "known.")),
            _optional("date", DATE, f"When it was published: {DATE_FORMS}.",
                      shown=Shown("Date", "Publication date, where known.")),
            _optional("checked", DAY,
                      "The day a maintainer last checked it against the page (not the as-of date).",
                      shown=Shown("Checked", "The day it was last checked.")),
            _optional("accessed", DAY, "The day it was read, where that is recorded.",
                      shown=Shown("Accessed", "The day it was read, where recorded.")),
            _optional("archive_url", URL, "An archived copy (a Wayback Machine link).",
                      shown=Shown("Archive", "An archived copy.")),
            _optional("reliability", TEXT,
                      "For a rewrite, aggregator or content farm: what it is, and a better "
                      "source.",
                      shown=Shown("Reliability", "For rewrites and aggregators: what to know.",
                                  40)),
            _optional("note", TEXT, "About the source: datelines, numbering, what it covers.",
                      shown=Shown("Note", "About the source.", 40)),
        ),
        ("id", "title", "untitled", "author", "publisher", "date", "url", "via", "original_url",
         "checked", "accessed", "archive_url", "reliability", "note"),
    ),
    "citation": Table(
        "A citation, in any record's sources.",
        (
            _required("id", TEXT, "The id of the source cited."),
            _required("at", TEXT,
                      "Where in the source: paragraph 9, paragraphs 3, 9, or page (the whole "
                      "page)."),
        ),
    ),
    "institutions": Table(
        "The partner institutions behind the payloads.",
        (
            RECORD_ID,
            _required("name", TEXT, "Its full name."),
            COUNTRY,
            _optional("short_name", TEXT, "A common abbreviation (METU, SUPARCO)."),
            ALIASES,
            NAME_ZH,
            NOTE,
            SOURCES,
        ),
        ("id", "name", "short_name", "country", "aliases", "name_zh", "note", "payloads",
         "sources"),
    ),
    "payloads": Table(
        "The selected payloads, one record each.",
        (
            RECORD_ID,
            _required("name", TEXT, "The payload's name.",
                      shown=Shown("Payload", "The payload's name as CNSA announced it, in "
                                  "English.")),
            _required("kind", choice(PayloadKind), "What it is.",
                      shown=Shown("Kind", "robot, rover or instrument.")),
            _required("description", TEXT, "What it does, in the dataset's own words.",
                      shown=Shown("Description", "What it is, in a sentence.", 60)),
            _required("institutions", INSTITUTION_IDS, "Its partners, at least one."),
            _optional("mission", MISSION,
                      "The mission it flies on (a name from the missions table).",
                      shown=Shown("Mission", "The mission it flies on.")),
            shown(NAME_ZH, "Chinese name", "The name in Chinese, where a source gives it."),
            _optional("mass", TEXT, "Its mass as a source gives it, as text: about 35 kg.",
                      shown=Shown("Mass", "Its mass, as a source gives it.")),
            note("Caveats and detail.", 60),
            SOURCES,
        ),
        ("id", "name", "name_zh", "kind", "mission", "mass", "description", "countries",
         "institutions", "note", "sources"),
    ),
    "members": Table(
        "The ILRS participants.",
        (
            RECORD_ID,
            _required("name", TEXT, "The participant's name.",
                      shown=Shown("Participant", "The participant's name.")),
            shown(COUNTRY, "Country", "Its country or region, or 'international organization'."),
            _required("level", choice(Level),
                      "How it takes part: national, subnational, organization, or affiliated "
                      "(through the organization in via)."),
            _required("status", choice(MemberStatus),
                      "Signed only where a source documents an agreement; else reported.",
                      shown=Shown("Status", "signed (an agreement is documented) or reported "
                                  "(only said).")),
            _optional("short_name", TEXT, "A common abbreviation (APSCO).",
                      shown=Shown("Short name", "A common abbreviation, where there is one.")),
            shown(ALIASES, "Also known as", "Other names people use for it, each seen in a "
                  "source it cites; search finds them."),
            _optional("date", DATE,
                      f"The signing date ({DATE_FORMS}); only for a signed participant; "
                      "each adds a signing event to the timeline."),
            _optional("via", MEMBER_ID,
                      "For an affiliated participant: the organization (its member id).",
                      shown=Shown("Via", "For affiliated participants: the organization they "
                                  "take part through.")),
            _optional("agreement", TEXT, "What was signed, and by whom.",
                      shown=Shown("Agreement", "What was signed, and by whom.", 60)),
            note("Caveats: disagreements between sources, what was not found.", 60),
            SOURCES,
        ),
        ("id", "name", "short_name", "aliases", "country", "level", "status", "via", "date",
         "start", "end", "agreement", "artemis", "first", "note", "sources"),
    ),
    "signatories": Table(
        "The Artemis Accords signatories, one record a country.",
        (
            RECORD_ID,
            _required("country", PLACE, "The signatory: a country or region from the places table.",
                      attribute="place",
                      shown=Shown("Country", "The signatory: a country or region.")),
            _required("date", DATE,
                      f"The signing date, at the precision the source gives: {DATE_FORMS}."),
            _optional("status", choice(MemberStatus),
                      "signed (the default): an official text or a report of the signing, "
                      "uncontested; reported: a source says it signed but others disagree or "
                      "no official count has it (the note says which).",
                      shown=Shown("Status", "signed, or reported (a signing that sources "
                                  "dispute; the note says how).")),
            _optional("order", ORDINAL,
                      "Its ordinal among the signatories where a source numbers it (Bahrain: "
                      "17); unique, and in date order."),
            _optional("signed_by", TEXT, "Who signed, where a source says.",
                      shown=Shown("Signed by", "Who signed, where a source says.", 40)),
            _optional("location", TEXT, "Where it was signed, where a source says.",
                      shown=Shown("Where", "Where it was signed, where a source says.")),
            note("Caveats and detail.", 60),
            SOURCES,
        ),
        ("id", "country", "code", "region", "date", "start", "end", "status", "order", "signed_by",
         "location", "camps", "ilrs_standing", "first", "camps_via", "ilrs", "payloads", "note",
         "sources"),
    ),
    "missions": Table(
        "The missions that events and facts name.",
        (
            RECORD_ID,
            _required("name", TEXT, "The name events and facts give as their mission."),
            _optional("full_name", TEXT, "The name in full, where the name is short (ILRS)."),
            NAME_ZH,
            NOTE,
            SOURCES,
        ),
    ),
    "events": Table(
        "The timeline.",
        (
            RECORD_ID,
            _required("date", DATE, f"When: {DATE_FORMS}."),
            _required("mission", MISSION, "A name from the missions table: Chang'e-7, ILRS.",
                      shown=Shown("Mission", "Chang'e-7, Chang'e-8 or ILRS.")),
            _required("status", choice(EventStatus),
                      "At the as-of date; done needs a source saying it happened.",
                      shown=Shown("Status", "planned or done, as of the dataset's as-of date.")),
            _required("event", TEXT, "What happens.", shown=Shown("Event", "What happens.", 60)),
            _optional("kind", choice(EventKind), "What kind of step it is.",
                      shown=Shown("Kind", "signing, ratification, launch, ...: what kind of "
                                  "step.")),
            note("Caveats and detail.", 60),
            SOURCES,
        ),
        ("id", "date", "start", "end", "mission", "status", "kind", "event", "note", "sources"),
    ),
    "facts": Table(
        "Mission facts, one a record.",
        (
            RECORD_ID,
            _required("mission", MISSION,
                      "The mission the fact is about (a name from the missions table).",
                      shown=Shown("Mission", "Chang'e-8 or ILRS.")),
            _required("topic", TEXT, "A short label: Landing site, Launch.",
                      shown=Shown("Topic", "What the fact is about.")),
            _required("text", TEXT, "The fact, in the dataset's own words.",
                      shown=Shown("Fact", "The fact, in the dataset's words.", 70)),
            note("Caveats: where sources differ.", 50),
            SOURCES,
        ),
    ),
}
# fmt: on

PLACES_HELP = (
    "Each country or region name that records use, with its ISO 3166 code; a region inside a "
    "country takes its ISO 3166-2 code (Hawaii: US-HI)."
)
# How the dataset file writes each table, for its reference (docs/dataset.md); the wording
# above is plain, as the exports publish it.
TOML_FORMS = {
    "places": '`[places]` (`"Turkey" = "TR"`, `"Hawaii" = "US-HI"`)',
    "dataset": "`[dataset]`",
    "citation": '`{ id = "source-id", at = "paragraph 9" }`, in a record\'s `sources`',
}


def schema_markdown() -> str:
    """The schema as Markdown tables, for the dataset reference."""
    parts = [f"{TOML_FORMS['places']}: {PLACES_HELP}", "", f"Dates: {DATASET_FORMATS}.", ""]
    for name, table in TABLES.items():
        parts += [
            f"{TOML_FORMS.get(name, f'`[[{name}]]`')}: {table.title}",
            "",
            "| field | type | required | meaning |",
            "| --- | --- | --- | --- |",
        ]
        for spec in table.fields:
            required = "yes" if spec.required else "no"
            cells = (f"`{spec.name}`", spec.type.doc, required, spec.help)
            parts.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
        parts.append("")
    return "\n".join(parts)
