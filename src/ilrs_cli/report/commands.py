"""The registry of the commands that answer with a report: each command's arguments and
options, declared once (name, kind of value, option strings, help, metavar, choices,
completion), its help, the answer that gives its report and, for a list command, its fields.

The Typer commands (cli/app.py builds them from here), the fast answer path's index (made
from those commands), the docs and the checks of the Python API's keywords (api.py) all take
them from this registry; a test holds each API function's signature to its declaration.
This module imports no Typer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..core.kinds import kind_names
from ..core.tuples import NamedTuple
from ..core.vocab import Camp, EventKind, EventStatus, Level, MemberStatus
from .list_fields import (
    COUNTRY_COLUMNS,
    EVENT_COLUMNS,
    FACT_COLUMNS,
    GROWTH_COLUMNS,
    MEMBER_COLUMNS,
    PAYLOAD_COLUMNS,
    SEARCH_COLUMNS,
    SIGNATORY_COLUMNS,
    SIGNING_COLUMNS,
    SOURCE_COLUMNS,
)
from .types import ReportType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from enum import Enum

    from .listing import Column

# The kinds of value an argument or option takes: what the command line parses and what the
# API accepts for it.
KINDS = {
    "text": "a string",
    "texts": "a string, or a list of them (any of several)",
    "date": "a date: text such as 2024, 2024-06 or 2024-06-30, or a datetime.date",
    "choice": "one of the choices, as text or the enum member",
    "choices": "one of the choices, or a list of them",
    "flag": "true or false",
    "paths": "file paths",
}
MAX_STDIN_IDS = 10_000  # ids read from standard input in one run


class Param(NamedTuple):
    """One argument (no `flags`) or option of a command."""

    name: str  # the keyword of the answer, and of the API function unless `api` says otherwise
    kind: str  # a key of KINDS
    flags: tuple[str, ...] = ()  # the option's strings; none for an argument
    help: str = ""
    metavar: str | None = None
    choices: type[Enum] | None = None  # for the kinds choice and choices
    complete: str | None = None  # a completion function of cli/completion.py, by name
    required: bool = False
    api: str | bool = True  # the API's keyword: True the same name, False none (CLI only)

    @property
    def keyword(self) -> str | None:
        """The API function's keyword for it, None when the API has none."""
        if self.api is False:
            return None
        return self.name if self.api is True else str(self.api)


class Command(NamedTuple):
    name: str
    help: str  # its help: a summary line, then paragraphs and examples (Click's \b blocks)
    params: tuple[Param, ...]
    answer: str  # the function of report.answers that answers it ("" for diff)
    report_type: ReportType = ReportType.LISTING
    omit: frozenset[str] = frozenset()  # output options it does not take
    data: bool = True  # False: it reads no dataset (its answer takes none)
    api: str | None = None  # the function of ilrs_cli.api that gives the same answer
    # A list command's fields (report/list_fields.py): its JSON keys, CSV and table columns,
    # what `ilrs fields`, --fields, --sort, the SQLite views and the docs know of it.
    columns: tuple[Column, ...] = ()


def _texts(name: str, flags: tuple[str, ...], metavar: str, help_: str,
           complete: str | None = None) -> Param:  # fmt: skip
    return Param(name, "texts", flags, help_, metavar, complete=complete)


COUNTRY = _texts(
    "country", ("--country", "-c"), "COUNTRY",
    "Country or region: name, alternative name or ISO 3166 code (Turkey, Türkiye, TR, TUR). "
    "Repeat for any of several.", "complete_country",
)  # fmt: skip
REGION = Param(
    "region", "text", ("--region", "-r"),
    "A UN M49 region or sub-region (Africa, Western Asia, Latin America, ...) or a grouping "
    "(Middle East, MENA, Arab states, Gulf states, Southeast Asia, European Union; see "
    "docs/regions.md), any case.", "REGION", complete="complete_region",
)  # fmt: skip
CAMP = Param(
    "camp", "choice", ("--in",),
    "Only countries in this camp: ilrs, artemis (the Artemis Accords), both, ilrs-only, "
    "artemis-only or neither.", "CAMP", Camp,
)  # fmt: skip
AS_OF = Param(
    "as_of", "date", ("--as-of",),
    "Judge at the end of this date (YYYY, YYYY-MM or YYYY-MM-DD), on or before the data's own "
    "as-of date.", "DATE",
)  # fmt: skip
MISSION = _texts(
    "mission", ("--mission", "-m"), "MISSION",
    "Only this mission: Chang'e-7, Chang'e-8 or ILRS (CE-8 and change8 work too). Repeat for "
    "any of several.", "complete_mission",
)  # fmt: skip
SIGNED_AFTER = Param(
    "after", "date", ("--after",),
    "Only signings on or after this date (YYYY, YYYY-MM, YYYY-MM-DD; inclusive).", "DATE",
)  # fmt: skip
SIGNED_BEFORE = Param(
    "before", "date", ("--before",), "Only signings on or before this date (inclusive).", "DATE"
)
SIGNED_AS_OF = Param(
    "as_of", "date", ("--as-of",),
    "Only those signed by the end of this date (YYYY and YYYY-MM mean their last day), on or "
    "before the data's own as-of date.", "DATE",
)  # fmt: skip
WHERE = (COUNTRY, REGION, CAMP)
SIGNED_WHEN = (SIGNED_AS_OF, SIGNED_AFTER, SIGNED_BEFORE)


def _flag(name: str, help_: str, api: bool = True) -> Param:
    return Param(name, "flag", ("--" + name.replace("_", "-"),), help_, api=api)


_COMMANDS = (
    Command(
        "payloads",
        """List the international payloads of every mission in the data: those selected for
    Chang'e-8 and those named for Chang'e-7 (--mission for one).

    A payload matches --country (or --region, or --in) when any of its partner institutions
    is from there. The title says which missions the list covers.

    \b
    Examples:
      ilrs payloads --country Turkey
      ilrs payloads --mission CE-8
      ilrs payloads --in artemis --fields name,mission,countries
    """,
        (COUNTRY, MISSION, REGION, CAMP),
        "payloads",
        api="payloads",
        columns=PAYLOAD_COLUMNS,
    ),
    Command(
        "members",
        """List ILRS participants: level, status and signing date.

    With --as-of, only those with an agreement documented as signed by then; participants
    without a signing date (or whose date spans that day) are named apart, never guessed in.

    \b
    Examples:
      ilrs members --national
      ilrs members --affiliated --json
      ilrs members --status signed --sort date --fields name,date
      ilrs members --national --as-of 2023-12-31
      ilrs members --in both --fields name,date,artemis
      ilrs members --national --count-by year --cumulative
    """,
        (
            _flag("national", "Only national-level.", api=False),
            _flag("subnational", "Only subnational entities.", api=False),
            _flag("organization", "Only international organizations.", api=False),
            _flag("affiliated", "Only those engaged through an organization.", api=False),
            Param("level", "choice", ("--level",), "Only this level.", choices=Level),
            Param(
                "status",
                "choice",
                ("--status",),
                "Only 'signed' (agreement documented) or 'reported' (a source only says so).",
                choices=MemberStatus,
            ),  # fmt: skip
            COUNTRY,
            REGION,
            AS_OF,
            SIGNED_AFTER,
            SIGNED_BEFORE,
            CAMP,
        ),  # fmt: skip
        "members",
        api="members",
        columns=MEMBER_COLUMNS,
    ),
    Command(
        "artemis",
        """List the Artemis Accords signatories: date, order, who signed, and each country's
    ILRS standing and payloads.

    The tool covers the Accords only beside the ILRS and the Chang'e payloads: signatories
    with their sourced dates and ordinals, not the Accords' text or other space policy.

    \b
    Examples:
      ilrs artemis --partners
      ilrs artemis --in both --fields country,date,order,ilrs_standing,first
      ilrs artemis --count-by year --cumulative
      ilrs artemis --as-of 2022 --region "Middle East"
    """,
        (
            *WHERE,
            _texts(
                "mission",
                ("--mission", "-m"),
                "MISSION",
                "Only countries with a payload partner on this mission (Chang'e-7, "
                "Chang'e-8); repeat for any of several.",
                "complete_mission",
            ),  # fmt: skip
            _flag("partners", "Only countries with a partner in a payload (any mission)."),
            *SIGNED_WHEN,
        ),
        "signatories",
        api="signatories",
        columns=SIGNATORY_COLUMNS,
    ),
    Command(
        "signings",
        """The signings of both camps on one timeline: ILRS agreements and Artemis Accords
    signings, in date order.

    ILRS rows are each participant's first documented agreement (every level); participants
    with no signing date are left out (`ilrs members` lists them).

    \b
    Examples:
      ilrs signings --after 2023 --before 2024
      ilrs signings --in both
      ilrs signings --country Senegal --json
      ilrs signings --count-by camp
    """,
        (*WHERE, *SIGNED_WHEN),
        "signings",
        api="signings",
        columns=SIGNING_COLUMNS,
    ),
    Command(
        "growth",
        """How both camps grew, year by year, side by side: signings each year and cumulative
    totals, every year from the first to the last, undated ILRS participants on a last row.

    ILRS: national participants by default (--level for others), in the year of their first
    documented agreement. Artemis Accords: signatories, in the year they signed.

    \b
    Examples:
      ilrs growth
      ilrs growth --level national --level organization
      ilrs growth --region Africa --as-of 2024
      ilrs growth --csv > growth.csv
    """,
        (
            COUNTRY,
            REGION,
            Param(
                "level",
                "choices",
                ("--level",),
                "ILRS participants of this level (default national); repeat for several.",
                choices=Level,
            ),
            SIGNED_AS_OF,
        ),  # fmt: skip
        "growth",
        omit=frozenset({"sort", "count_by", "cumulative"}),
        api="growth",
        columns=GROWTH_COLUMNS,
    ),
    Command(
        "timeline",
        """List dated events: selection, ILRS signings, launches.

    Dates keep their precision (2026, 2028/2029, 2030s). A date that is a span matches
    --after and --before when any part of it does, so "2028/2029" is on or after 2029.

    Status is planned or done at the data's as-of date, or with --as-of at the end of that
    date: done once the whole span has passed, planned while it is ahead, uncertain when
    the span covers the date.

    \b
    Examples:
      ilrs timeline --after 2025 --mission Chang'e-8
      ilrs timeline --json | jq '.[].event'
      ilrs timeline --as-of 2024-06 --mission ILRS
    """,
        (
            Param(
                "after",
                "date",
                ("--after",),
                "Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).",
                "DATE",
            ),
            Param(
                "before",
                "date",
                ("--before",),
                "Only events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).",
                "DATE",
            ),
            MISSION,
            AS_OF,
            Param(
                "kind",
                "choices",
                ("--kind", "-k"),
                "Only events of this kind; repeat for several.",
                choices=EventKind,
            ),
            Param(
                "status",
                "choice",
                ("--status",),
                "Only planned or done events (as judged at --as-of).",
                choices=EventStatus,
            ),
        ),  # fmt: skip
        "timeline",
        api="timeline",
        columns=EVENT_COLUMNS,
    ),
    Command(
        "mission",
        """The Chang'e-8 fact sheet, with the ILRS headline figures, each fact with its sources.

    Landing site, launch window, payload mass offered, selection, rovers on board, ISRU,
    its role as an ILRS precursor (with Chang'e-7), and the ILRS participation figures.

    \b
    Examples:
      ilrs mission
      ilrs mission --mission ILRS --json
    """,
        (MISSION,),
        "facts",
        omit=frozenset({"sort", "limit", "count_by", "cumulative"}),
        api="facts",
        columns=FACT_COLUMNS,
    ),
    Command(
        "countries",
        """Every country and region in the data: where it stands between the ILRS and the
    Artemis Accords, its ILRS part, its Accords signing, payloads and institutions.

    Camps come from the records: an ILRS participation of any level or status (China leads
    the ILRS) and an Accords signing, of the place or of the country it lies in. `neither`
    means neither among the places the data names; the data is not a list of the world.

    \b
    Examples:
      ilrs countries --country Egypt
      ilrs countries --in both --fields country,ilrs_standing,artemis,first
      ilrs countries --count-by camps
      ilrs countries --csv > countries.csv
    """,
        WHERE,
        "countries",
        api="countries",
        columns=COUNTRY_COLUMNS,
    ),
    Command(
        "show",
        """One record in full: every field, and every source with its URL.

    \b
    Examples:
      ilrs show micro-rovers
      ilrs show egypt --json
    """,
        (
            Param(
                "record_id",
                "text",
                (),
                "A record id: " + kind_names() + ".",
                "ID",
                complete="complete_id",
                required=True,
            ),
        ),  # fmt: skip
        "show",
        ReportType.DETAIL,
        api="show",
    ),
    Command(
        "search",
        """Search names, descriptions, institutions and notes of every kind of record.

    \b
    Examples:
      ilrs search rover
      ilrs search "Zhejiang" --json
    """,
        (
            Param(
                "text",
                "text",
                (),
                "Text to find (at most 200 characters, 20 words); case and accents do not matter.",
                "TEXT",
                required=True,
            ),
        ),  # fmt: skip
        "search",
        omit=frozenset({"sort"}),
        api="search",
        columns=SEARCH_COLUMNS,
    ),
    Command(
        "info",
        """The dataset: title, version, as-of date, counts, headline figures and every source.

    The headline figures are computed from the records, never typed in.

    \b
    Examples:
      ilrs info
      ilrs info --json | jq '.figures'
    """,
        (),
        "info",
        ReportType.DETAIL,
        api="info",
    ),
    Command(
        "sources",
        """List the sources: title, author, publisher, date, URL, reposts, checked date, notes.

    \b
    Examples:
      ilrs sources --cited-by micro-rovers
      ilrs sources --count-by publisher
      ilrs sources --format csv > sources.csv
    """,
        (
            Param(
                "cited_by",
                "text",
                ("--cited-by",),
                "Only the sources of this record (any id, or a country name).",
                "ID",
                complete="complete_id",
            ),
        ),  # fmt: skip
        "sources",
        api="sources",
        columns=SOURCE_COLUMNS,
    ),
    Command(
        "cite",
        """The sources behind records, as one bibliography: each source once, keys unique.

    Each source gives its title, author, publisher, date and URL (the original, and the
    repost it was read at), the day it was last checked, and where in it each record is
    supported. The output names the records it cites.

    \b
    Examples:
      ilrs cite micro-rovers
      ilrs cite egypt imaging-system --format bibtex > references.bib
      ilrs payloads --country Egypt --format ids | ilrs cite -
      ilrs cite --all --format csl-json > ilrs.json
    """,
        (
            Param(
                "record_ids",
                "texts",
                (),
                "Record ids (" + kind_names() + "), any case, or a country name; `-` reads "
                f"ids from standard input, one a line (at most {MAX_STDIN_IDS:,}). None with "
                "--all.",
                "ID",
                complete="complete_id",
                api="record_id",
            ),
            Param("every", "flag", ("--all",), "Cite the sources of every record."),
        ),  # fmt: skip
        "cite",
        ReportType.BIBLIOGRAPHY,
        api="cite",
    ),
    Command(
        "diff",
        """What changed between two datasets, OLD to NEW: records added (in NEW only), removed
    (in OLD only) and changed, field by field, sources included.

    With --bundled, the file given is OLD and the bundled dataset is NEW: what this release
    adds to your copy shows as added, what only your copy has shows as removed.

    \b
    Examples:
      ilrs diff old.toml new.toml
      ilrs diff --bundled my-chang8.toml          # my copy -> this release
      ilrs diff --bundled my-chang8.toml --count-by change
    """,
        (
            Param(
                "paths",
                "paths",
                (),
                "Two dataset files, OLD then NEW; with --bundled, one "
                "file: OLD (the bundled dataset is NEW).",
                "OLD NEW",
            ),
            _flag("bundled", "Compare the file given (OLD) with the bundled dataset (NEW)."),
        ),  # fmt: skip
        "",
        omit=frozenset({"sort", "cumulative", "fail_empty"}),
        data=False,
    ),
    Command(
        "fields",
        """Every field each list command can print, with its type and meaning.

    These are the keys of --json, the columns of --csv, and the names --fields and --sort
    take.

    \b
    Examples:
      ilrs fields members
      ilrs fields --json
    """,
        (
            Param(
                "command",
                "text",
                (),
                "A list command (payloads, members, ...); without it, "
                "every list command. Tab completes the names.",
                "[COMMAND]",
                complete="complete_list_command",
            ),
        ),  # fmt: skip
        "fields",
        omit=frozenset({"fields", "sort", "limit", "count_by", "cumulative", "fail_empty"}),
        data=False,
    ),
)
COMMANDS: dict[str, Command] = {command.name: command for command in _COMMANDS}


class _ColumnsByCommand(Mapping[str, "tuple[Column, ...]"]):
    """The list commands (those with fields), each with its fields, read from COMMANDS."""

    def __getitem__(self, name: str) -> tuple[Column, ...]:
        columns = COMMANDS[name].columns
        if not columns:
            raise KeyError(name)
        return columns

    def __iter__(self) -> Iterator[str]:
        return (name for name, command in COMMANDS.items() if command.columns)

    def __len__(self) -> int:
        return sum(1 for _ in self)


COLUMNS_BY_COMMAND: Mapping[str, tuple[Column, ...]] = _ColumnsByCommand()
