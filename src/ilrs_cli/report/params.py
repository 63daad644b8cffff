"""How a command that answers with a report is declared (report/commands.py lists them): its
arguments and options, each once (name, kind of value, option strings, help, metavar,
choices, completion), its help, the answer that gives its report and, for a list command, its
fields; and the options several commands share.

This module imports no Typer.
"""

from __future__ import annotations

from ..core.tuples import NamedTuple
from ..core.vocab import Camp, Level
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
    # A dated list's rows when --sort is not given (report/list_fields.py): by the first field
    # (a date by its first day, then its last), ties by the next; a row without one last.
    default_sort: tuple[str, ...] = ()


def texts(name: str, flags: tuple[str, ...], metavar: str, help_: str,
           complete: str | None = None) -> Param:  # fmt: skip
    return Param(name, "texts", flags, help_, metavar, complete=complete)


COUNTRY = texts(
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
MISSION = texts(
    "mission", ("--mission", "-m"), "MISSION",
    "Only this mission: Chang'e-7, Chang'e-8 or ILRS (CE-8, change8 and 嫦娥八号 work too). "
    "Repeat for any of several.", "complete_mission",
)  # fmt: skip


def date_range(rows: str) -> tuple[Param, Param]:
    """--after and --before of a list whose rows are `rows`: both inclusive, at any precision."""
    forms = "YYYY, YYYY-MM or YYYY-MM-DD; inclusive"
    after = Param(
        "after", "date", ("--after",), f"Only {rows} on or after this date ({forms}).", "DATE"
    )
    before = Param(
        "before", "date", ("--before",), f"Only {rows} on or before this date ({forms}).", "DATE"
    )
    return after, before


SIGNED_AFTER, SIGNED_BEFORE = date_range("signings")
SIGNED_AS_OF = Param(
    "as_of", "date", ("--as-of",),
    "Only those signed by the end of this date (YYYY and YYYY-MM mean their last day), on or "
    "before the data's own as-of date.", "DATE",
)  # fmt: skip
EVENTS_AFTER, EVENTS_BEFORE = date_range("events")
# `chart count-by`: its rows are those of a list with dates of one kind or the other
ROWS_AFTER, ROWS_BEFORE = date_range(
    "rows (participants by their signing date, timeline events by their own)"
)
SIGNED_WHEN = (SIGNED_AS_OF, SIGNED_AFTER, SIGNED_BEFORE)


def flag(name: str, help_: str, api: bool = True) -> Param:
    return Param(name, "flag", ("--" + name.replace("_", "-"),), help_, api=api)


# What counts toward the camps (query/camps.py, Counting): every command that judges the camps
# or counts either camp's signings takes both, and reads them with report.arguments.counting_of.
DOCUMENTED = flag(
    "documented",
    "Count only documented ILRS agreements (status signed) and a place's own Artemis Accords "
    "signing where no source disputes it: nothing only reported, nothing through the country "
    "a place lies in. China's lead of the ILRS is its own.",
)
CAMP_LEVEL = Param(
    "level", "choices", ("--level",),
    "Count only ILRS participation records of this level (China's lead is national); repeat "
    "for several. Accords signings are all by governments: the level narrows the ILRS side "
    "only. Default: every level (growth and chart growth: national).", choices=Level,
)  # fmt: skip
COUNTING = (DOCUMENTED, CAMP_LEVEL)
PLACES = (COUNTRY, REGION, CAMP)  # where a record is from; the camps counted loosely
WHERE = (*PLACES, *COUNTING)  # the same, with what counts toward the camps
