"""The fields of each list command: what its JSON objects hold (a public contract, see
README), and how tables and CSV show each field."""

from __future__ import annotations

from ..core.dates import display_date
from ..core.kinds import kind_names
from .cells import artemis_cell, artemis_words, level_cell, ordinal, participation_words
from .items import ARTEMIS_CAMP, ILRS_CAMP
from .listing import ID, SOURCES, Column, institution_text


def dated(
    header: str, help_: str, what: str = "date", optional: bool = False
) -> tuple[Column, Column, Column]:
    """The `date` column (the source's precision, sorted by its span) and its `start` and
    `end` days, of a listing whose items have all three."""
    null = " or null" if optional else ""
    return (
        Column("date", header, help_, type=f"date text{null}",
               table_cell=lambda item: display_date(item["date"]) if item["date"] else "",
               sort_key=lambda item: (item["start"], item["end"])),
        Column("start", "Start", f"The first day the {what} can mean (ISO 8601).",
               type=f"ISO date{null}"),
        Column("end", "End", f"The last day the {what} can mean (ISO 8601).",
               type=f"ISO date{null}"),
    )  # fmt: skip


PAYLOAD_COLUMNS = (
    ID,
    Column("name", "Payload", "The payload's name as CNSA announced it, in English."),
    Column(
        "name_zh",
        "Chinese name",
        "The name in Chinese, where a source gives it.",
        type="string or null",
    ),
    Column("kind", "Kind", "robot, rover or instrument."),
    Column("mission", "Mission", "The mission it flies on.", type="string or null"),
    Column("mass", "Mass", "Its mass, as a source gives it.", type="string or null"),
    Column("description", "Description", "What it is, in a sentence.", max_width=60),
    Column(
        "countries",
        "Countries",
        "The partners' countries and regions, each once.",
        type="list of strings",
    ),
    Column(
        "institutions",
        "Partner institutions",
        "The partners: {id, name, short_name, country}; country may be "
        "'international organization' or 'unknown'.",
        type="list of objects",
        show=institution_text,
    ),
    Column("note", "Note", "Caveats and detail.", type="string or null", max_width=60),
    SOURCES,
)


MEMBER_COLUMNS = (
    ID,
    Column("name", "Participant", "The participant's name."),
    Column(
        "short_name",
        "Short name",
        "A common abbreviation, where there is one.",
        type="string or null",
    ),
    Column(
        "aliases",
        "Also known as",
        "Other names people use for it, each seen in a source it cites; search finds them.",
        type="list of strings",
    ),
    Column("country", "Country", "Its country or region, or 'international organization'."),
    Column(
        "level",
        "Level",
        "national, subnational, organization, or affiliated (through the organization in via).",
        table_cell=level_cell,
    ),
    Column("status", "Status", "signed (an agreement is documented) or reported (only said)."),
    Column(
        "via",
        "Via",
        "For affiliated participants: the organization they take part through.",
        type="string or null",
    ),
    *dated(
        "Signed",
        "The signing date, with the precision the source gives.",
        "signing date",
        optional=True,
    ),
    Column(
        "agreement",
        "Agreement",
        "What was signed, and by whom.",
        type="string or null",
        max_width=60,
    ),
    Column(
        "artemis",
        "Artemis Accords",
        "Its country's Artemis Accords signing: {id, country, date, start, end, order}; "
        "null when it has not signed (or for an organization).",
        type="object or null",
        show=lambda ref: artemis_words(ref),
        table_cell=lambda item: artemis_cell(item),
    ),
    Column(
        "note",
        "Note",
        "Caveats: disagreements between sources, what was not found.",
        type="string or null",
        max_width=60,
    ),
    SOURCES,
)


EVENT_COLUMNS = (
    ID,
    *dated("Date", "The date as the source gives it: 2025-04-24, 2023-12, 2026, 2028/2029, 2030s."),
    Column("mission", "Mission", "Chang'e-7, Chang'e-8 or ILRS."),
    Column("status", "Status", "planned or done, as of the dataset's as-of date."),
    Column(
        "kind",
        "Kind",
        "signing, ratification, launch, ...: what kind of step.",
        type="string or null",
    ),  # fmt: skip
    Column("event", "Event", "What happens.", max_width=60),
    Column("note", "Note", "Caveats and detail.", type="string or null", max_width=60),
    SOURCES,
)


FACT_COLUMNS = (
    ID,
    Column("mission", "Mission", "Chang'e-8 or ILRS."),
    Column("topic", "Topic", "What the fact is about."),
    Column("text", "Fact", "The fact, in the dataset's words.", max_width=70),
    Column("note", "Note", "Caveats: where sources differ.", type="string or null", max_width=50),
    SOURCES,
)


CAMPS_HELP = (
    "both, ilrs-only, artemis-only or neither: its ILRS participation in the data (national, "
    "subnational entities or affiliated, signed or reported; China leads the ILRS) and its "
    "Artemis Accords signing, its own or that of the country it lies in."
)


STANDING_COLUMNS = (
    Column("camps", "Camps", CAMPS_HELP),
    Column(
        "ilrs_standing",
        "ILRS",
        "Its ILRS standing in words: each participation (level, status, date), its country's "
        "where it lies in one, or 'leads the ILRS'; null when none.",
        type="string or null",
    ),
    Column(
        "first",
        "First",
        "For a country in both camps, which it joined first: ilrs, artemis, same day, or "
        "unclear (an ILRS date is missing or the two dates overlap); null otherwise.",
        type="string or null",
    ),
)


ARTEMIS_REF = Column(
    "artemis",
    "Artemis Accords",
    "Its Artemis Accords signing, or that of the country it lies in: {id, country, date, "
    "start, end, order}; null when none is in the data.",
    type="object or null",
    show=lambda ref: artemis_words(ref),
    table_cell=lambda item: artemis_cell(item),
)


PAYLOAD_REFS = Column(
    "payloads",
    "Payloads",
    "Payloads (of every mission: Chang'e-7 and Chang'e-8) with a partner from there: "
    "{id, name, mission}.",
    type="list of objects",
    show=lambda ref: f"{ref['name']} ({ref['mission']})" if ref.get("mission") else ref["name"],
)


COUNTRY_COLUMNS = (
    Column("country", "Country or region", "The country or region's name in the dataset."),
    Column("code", "ISO", "Its ISO 3166 code (3166-2 for a region inside a country)."),
    Column(
        "region",
        "Region",
        "Its UN M49 region and sub-region: 'Asia / Western Asia'.",
        type="string or null",
    ),  # fmt: skip
    STANDING_COLUMNS[0],
    Column(
        "ilrs",
        "ILRS participation",
        "Its ILRS participation: {id, name, level, status, via, date}.",
        type="list of objects",
        show=participation_words,
    ),
    *STANDING_COLUMNS[1:],
    ARTEMIS_REF,
    PAYLOAD_REFS,
    Column(
        "institutions",
        "Institutions",
        "Partner institutions from there: {id, name, short_name}.",
        type="list of objects",
        show=institution_text,
    ),
)


SIGNATORY_COLUMNS = (
    ID,
    Column("country", "Country", "The signatory, as `[places]` names it."),
    Column("code", "ISO", "Its ISO 3166 code."),
    Column(
        "region", "Region", "Its UN M49 region and sub-region.", type="string or null"
    ),
    *dated("Signed", "The signing date, with the precision the source gives."),
    Column(
        "order",
        "Order",
        "Its ordinal among the signatories where a source numbers it (Bahrain 17th).",
        type="integer or null",
        sort_key=lambda item: item["order"],
        table_cell=lambda item: ordinal(item["order"]) if item["order"] else "",
    ),
    Column("signed_by", "Signed by", "Who signed, where a source says.", type="string or null",
           max_width=40),
    Column("location", "Where", "Where it was signed, where a source says.",
           type="string or null"),
    *STANDING_COLUMNS,
    Column(
        "ilrs",
        "ILRS participation",
        "Its ILRS participation records: {id, name, level, status, via, date}.",
        type="list of objects",
        show=participation_words,
    ),
    PAYLOAD_REFS,
    Column("note", "Note", "Caveats and detail.", type="string or null", max_width=60),
    SOURCES,
)  # fmt: skip


SIGNING_COLUMNS = (
    Column("id", "Id", "The id of the member or signatory record (`ilrs show ID`).",
           no_wrap=True),
    Column("camp", "Camp", f"{ILRS_CAMP} or {ARTEMIS_CAMP}."),
    *dated("Date", "The signing date, with the precision the source gives."),
    Column("country", "Country", "The country or region, or 'international organization'."),
    Column("name", "Signatory", "Who signed: the ILRS participant, or the Accords signatory."),
    Column("level", "Level", "For the ILRS: national, subnational, organization or affiliated.",
           type="string or null"),
    Column("order", "Order", "For the Accords: the ordinal a source gives.",
           type="integer or null", sort_key=lambda item: item["order"]),
    Column("event", "Signing", "What was signed, and by whom.", max_width=60),
    SOURCES,
)  # fmt: skip


GROWTH_COLUMNS = (
    Column(
        "year",
        "Year",
        "The year; null on the row of participants with no signing date (or one that spans "
        "several years).",
        type="string or null",
        table_cell=lambda item: item["year"] or "undated",
    ),
    Column("ilrs", "ILRS", "ILRS participants (of the levels counted) who signed that year.",
           type="integer"),
    Column("ilrs_total", "ILRS total", "ILRS participants signed by the end of that year; on "
           "the undated row, every one counted.", type="integer"),
    Column("artemis", "Artemis", "Artemis Accords signatories who signed that year.",
           type="integer"),
    Column("artemis_total", "Artemis total", "Accords signatories by the end of that year; on "
           "the undated row, every one counted.", type="integer"),
)  # fmt: skip


SEARCH_COLUMNS = (
    Column("type", "Type", "The type of record: " + kind_names() + "."),
    ID,
    Column("title", "Record", "The record's name, or its event, topic or title.", max_width=50),
    Column("field", "Matched in", "The field the text was found in."),
    Column("match", "Match", "The matching text, shortened around the match.", max_width=60),
)


SOURCE_COLUMNS = (
    ID,
    Column("title", "Title", "The page's own title; see untitled.", max_width=50),
    Column(
        "untitled",
        "Untitled",
        "true when the page shows no title and the title is a [bracketed] description.",
        type="true/false",
    ),
    Column("author", "Author", "The author or byline, where named.", type="string or null"),
    Column("publisher", "Publisher", "Who published the text first."),
    Column("date", "Date", "Publication date, where known.", type="date text or null"),
    Column("url", "URL", "Where it was read."),
    Column("via", "Via", "The site that reposted it, when url is a repost.", type="string or null"),
    Column(
        "original_url",
        "Original",
        "The original, when url is a repost and it is known.",
        type="string or null",
    ),  # fmt: skip
    Column("checked", "Checked", "The day it was last checked.", type="ISO date or null"),
    Column("accessed", "Accessed", "The day it was read, where recorded.", type="ISO date or null"),
    Column("archive_url", "Archive", "An archived copy.", type="string or null"),
    Column(
        "reliability",
        "Reliability",
        "For rewrites and aggregators: what to know.",
        type="string or null",
        max_width=40,
    ),  # fmt: skip
    Column("note", "Note", "About the source.", type="string or null", max_width=40),
)


FIELD_COLUMNS = (
    Column("command", "Command", "The list command."),
    Column("field", "Field", "The field: a JSON key, a CSV column, a name for --fields."),
    Column("type", "Type", "What its values are."),
    Column("description", "Description", "What it means.", max_width=70),
)
