"""The registry of the commands that answer with a report, each declared once
(report/params.py says how): the list commands of report/list_commands.py, then those about
records, sources and the data files.

The Typer commands (cli/app.py builds them from here), the fast answer path's index (made
from those commands), the docs and the checks of the Python API's keywords (api.py) all take
them from this registry; a test holds each API function's signature to its declaration.
This module imports no Typer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..core.citation_styles import EXTRA, Style, styles_help
from ..core.kinds import kind_names
from .list_commands import LIST_COMMANDS
from .list_fields import SEARCH_COLUMNS, SOURCE_COLUMNS, SOURCE_ORDER
from .params import MAX_STDIN_IDS, Command, Param, flag
from .types import ReportType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .listing import Column

_OTHERS = (
    Command(
        "show",
        """One record in full: every field, and every source with its URL; or everything
    about a mission or a country.

    A mission (Chang'e-8, CE-8, change8, 嫦娥八号) comes with its payloads, timeline and
    facts. A country or region (Pakistan, PK) comes with its standing in both camps, its
    payloads, its ILRS participants, its Artemis Accords signing and the timeline events
    that name it (as `ilrs timeline --country`). An id exactly as written wins, then a
    mission, then a country, then an id in another case; what else the text finds is named
    on stderr.

    \b
    Examples:
      ilrs show micro-rovers
      ilrs show egypt --json
      ilrs show CE-8
      ilrs show Pakistan --json
    """,
        (
            Param(
                "record_id",
                "text",
                (),
                "A record id (" + kind_names() + "), a mission or a country or region (name "
                "or ISO 3166 code).",
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
                "Text to find (at most 200 characters, 20 words): each word begins a word, or in "
                "Chinese, Japanese or Thai is anywhere; case and accents do not matter.",
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
        """The dataset: title, version, as-of date, file and counts, on one screen.

    --json and --csv hold the description, the headline figures and every source too. The
    headline figures are computed from the records, never typed in: payload_projects and the
    partner figures count the Chang'e-8 selection (payload_projects_mission);
    payloads_all_missions and payloads_by_mission count every mission's payloads.

    \b
    Examples:
      ilrs info
      ilrs info --sources
      ilrs info --json | jq '.figures'
    """,
        (
            flag(
                "sources",
                "List the sources too, after the dataset (in the table; --json and "
                "--csv always hold them; `ilrs sources` lists them in full).",
                api=False,
            ),
        ),  # fmt: skip
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
        default_sort=SOURCE_ORDER,
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
      ilrs cite spacenews --style apa
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
            Param(
                "style",
                "choice",
                ("--style",),
                "The reference list in a citation style (the text format only), rendered by "
                f"citeproc-py ({EXTRA}): {styles_help()}.",
                "STYLE",
                Style,
            ),
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
            flag("bundled", "Compare the file given (OLD) with the bundled dataset (NEW)."),
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
COMMANDS: dict[str, Command] = {c.name: c for c in (*LIST_COMMANDS, *_OTHERS)}


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
