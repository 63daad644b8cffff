"""The command line: parse options, then delegate to one answer (report.answers) and one
renderer; errors become messages and exit codes in `reporting`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.core

from .. import __version__
from ..core.kinds import kind_names
from ..core.vocab import EventKind, EventStatus, Level, MemberStatus
from ..render import Format
from ..render.terminal import write_err, write_out
from . import arguments, reporting
from .completion import (
    complete_id,
    complete_list_command,
    complete_mission,
    use_quoting_bash_script,
)
from .data_option import data_first
from .lazy import LazyGroup

if TYPE_CHECKING:
    from ..core.records import Dataset
    from ..report.columns import Listing

from .options import (
    AsOfOption,
    CountByOption,
    CountryOption,
    CsvFlag,
    CumulativeFlag,
    FailEmptyFlag,
    FieldsOption,
    FormatOption,
    InOption,
    JsonFlag,
    LimitOption,
    MissionOption,
    RegionOption,
    SortOption,
)

# Everything else is imported where it is used, so that each command (and each Tab of shell
# completion) loads only what it needs: Rich only to draw a table, pycountry only to resolve
# a country the data does not name.

EXIT_CODES = (  # also in README.md's table
    "Exit codes: 0 ok (an empty result is ok), 1 data or runtime error, 2 usage error, "
    "3 nothing matched (only with --fail-empty)."
)


class _Commands(LazyGroup):
    """Typer's group, naming the valid commands when an unknown one has no close match, and
    taking --data after the command as well as before it; the drawing commands are built
    when first used (cli/lazy.py)."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        return super().parse_args(ctx, data_first(args, set(self.list_commands(ctx))))

    def resolve_command(self, ctx: typer.Context, args: list[str]) -> Any:  # type: ignore[override]
        try:
            return super().resolve_command(ctx, args)
        except Exception as error:
            message = getattr(error, "message", "")
            if message.startswith("No such command") and "Did you mean" not in message:
                valid = ", ".join(self.list_commands(ctx))
                raise type(error)(f"{message} Commands: {valid}.", ctx) from None
            raise


use_quoting_bash_script()
app = typer.Typer(
    name="ilrs",
    cls=_Commands,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Sourced answers about China's Chang'e-8 international payloads and the "
    f"International Lunar Research Station (ILRS).\n\n{EXIT_CODES}",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        write_out(f"ilrs {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            envvar="ILRS_DATA",
            metavar="PATH",
            help="Read this dataset file instead of the bundled one (see `ilrs check`).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Sourced answers about Chang'e-8's international payloads and the ILRS."""


@app.command()
def payloads(
    ctx: typer.Context,
    country: CountryOption = None,
    region: RegionOption = None,
    camp: InOption = None,
    mission: MissionOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    sort: SortOption = None,
    limit: LimitOption = None,
    count_by: CountByOption = None,
    cumulative: CumulativeFlag = False,
    fail_empty: FailEmptyFlag = False,
) -> None:
    """List the international payloads of every mission in the data: those selected for
    Chang'e-8 and those named for Chang'e-7 (--mission for one).

    A payload matches --country (or --region, or --in) when any of its partner institutions
    is from there. The title says which missions the list covers.

    \b
    Examples:
      ilrs payloads --country Turkey
      ilrs payloads --mission CE-8
      ilrs payloads --in artemis --fields name,mission,countries
    """
    from ..report import answers

    def make(dataset: Dataset) -> Listing:
        return answers.payloads(dataset, country, mission, region, camp)

    reporting.answer(ctx, make, fmt, as_json, as_csv, fields, sort, limit, count_by, fail_empty,
                     cumulative)  # fmt: skip


@app.command()
def members(
    ctx: typer.Context,
    national: Annotated[bool, typer.Option("--national", help="Only national-level.")] = False,
    subnational: Annotated[
        bool, typer.Option("--subnational", help="Only subnational entities.")
    ] = False,
    organization: Annotated[
        bool, typer.Option("--organization", help="Only international organizations.")
    ] = False,
    affiliated: Annotated[
        bool,
        typer.Option("--affiliated", help="Only those engaged through an organization."),
    ] = False,
    level: Annotated[
        Level | None, typer.Option("--level", help="Only this level.", show_default=False)
    ] = None,
    status: Annotated[
        MemberStatus | None,
        typer.Option(
            "--status",
            help="Only 'signed' (agreement documented) or 'reported' (a source only says so).",
            show_default=False,
        ),
    ] = None,
    country: CountryOption = None,
    region: RegionOption = None,
    camp: InOption = None,
    after: Annotated[
        str | None,
        typer.Option(
            "--after",
            metavar="DATE",
            show_default=False,
            help="Only those who signed on or after this date (YYYY, YYYY-MM, "
            "YYYY-MM-DD; inclusive).",
        ),
    ] = None,
    before: Annotated[
        str | None,
        typer.Option(
            "--before",
            metavar="DATE",
            show_default=False,
            help="Only those who signed on or before this date (inclusive).",
        ),
    ] = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    sort: SortOption = None,
    limit: LimitOption = None,
    count_by: CountByOption = None,
    cumulative: CumulativeFlag = False,
    fail_empty: FailEmptyFlag = False,
) -> None:
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
    """
    from ..report import answers

    flags = {
        Level.NATIONAL: national,
        Level.SUBNATIONAL: subnational,
        Level.ORGANIZATION: organization,
        Level.AFFILIATED: affiliated,
    }
    chosen = {chosen_level for chosen_level, on in flags.items() if on}
    if level is not None:
        chosen.add(level)
    if len(chosen) > 1:
        names = sorted(chosen_level.value for chosen_level in chosen)
        raise typer.BadParameter(
            f"choose one level, not several ({', '.join(names)})",
            ctx=ctx,
            param_hint="'--national', '--subnational', '--organization', '--affiliated', '--level'",
        )
    wanted = chosen.pop() if chosen else None

    def make(dataset: Dataset) -> Listing:
        return answers.members(dataset, wanted, status, country, as_of, after, before, region, camp)

    reporting.answer(ctx, make, fmt, as_json, as_csv, fields, sort, limit, count_by, fail_empty,
                     cumulative)  # fmt: skip


AfterOption = Annotated[
    str | None,
    typer.Option(
        "--after",
        metavar="DATE",
        show_default=False,
        help="Only signings on or after this date (YYYY, YYYY-MM, YYYY-MM-DD; inclusive).",
    ),
]
BeforeOption = Annotated[
    str | None,
    typer.Option(
        "--before",
        metavar="DATE",
        show_default=False,
        help="Only signings on or before this date (inclusive).",
    ),
]
SignedAsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Only those signed by the end of this date (YYYY and YYYY-MM mean their last "
        "day), on or before the data's own as-of date.",
        show_default=False,
    ),
]


@app.command()
def artemis(
    ctx: typer.Context,
    country: CountryOption = None,
    region: RegionOption = None,
    camp: InOption = None,
    partners: Annotated[
        bool,
        typer.Option(
            "--partners", help="Only countries with a partner in a payload (any mission)."
        ),
    ] = False,
    mission: Annotated[
        list[str] | None,
        typer.Option(
            "--mission",
            "-m",
            metavar="MISSION",
            help="Only countries with a payload partner on this mission (Chang'e-7, "
            "Chang'e-8); repeat for any of several.",
            autocompletion=complete_mission,
            show_default=False,
        ),
    ] = None,
    after: AfterOption = None,
    before: BeforeOption = None,
    as_of: SignedAsOfOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    sort: SortOption = None,
    limit: LimitOption = None,
    count_by: CountByOption = None,
    cumulative: CumulativeFlag = False,
    fail_empty: FailEmptyFlag = False,
) -> None:
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
    """
    from ..report import answers

    def make(dataset: Dataset) -> Listing:
        return answers.signatories(
            dataset, country, region, camp, mission, partners, as_of, after, before
        )

    reporting.answer(ctx, make, fmt, as_json, as_csv, fields, sort, limit, count_by, fail_empty,
                     cumulative)  # fmt: skip


@app.command()
def signings(
    ctx: typer.Context,
    country: CountryOption = None,
    region: RegionOption = None,
    camp: InOption = None,
    after: AfterOption = None,
    before: BeforeOption = None,
    as_of: SignedAsOfOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    sort: SortOption = None,
    limit: LimitOption = None,
    count_by: CountByOption = None,
    cumulative: CumulativeFlag = False,
    fail_empty: FailEmptyFlag = False,
) -> None:
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
    """
    from ..report import answers

    def make(dataset: Dataset) -> Listing:
        return answers.signings(dataset, country, region, camp, as_of, after, before)

    reporting.answer(ctx, make, fmt, as_json, as_csv, fields, sort, limit, count_by, fail_empty,
                     cumulative)  # fmt: skip


@app.command()
def growth(
    ctx: typer.Context,
    country: CountryOption = None,
    region: RegionOption = None,
    level: Annotated[
        list[Level] | None,
        typer.Option(
            "--level",
            help="ILRS participants of this level (default national); repeat for several.",
            show_default=False,
        ),
    ] = None,
    as_of: SignedAsOfOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    limit: LimitOption = None,
    fail_empty: FailEmptyFlag = False,
) -> None:
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
    """
    from ..report import answers

    def make(dataset: Dataset) -> Listing:
        return answers.growth(dataset, country, region, level, as_of)

    reporting.answer(ctx, make, fmt, as_json, as_csv, fields, None, limit, None, fail_empty)


@app.command()
def timeline(
    ctx: typer.Context,
    after: Annotated[
        str | None,
        typer.Option(
            "--after",
            metavar="DATE",
            help="Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).",
            show_default=False,
        ),
    ] = None,
    before: Annotated[
        str | None,
        typer.Option(
            "--before",
            metavar="DATE",
            help="Only events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).",
            show_default=False,
        ),
    ] = None,
    mission: MissionOption = None,
    kind: Annotated[
        list[EventKind] | None,
        typer.Option(
            "--kind", "-k", help="Only events of this kind; repeat for several.", show_default=False
        ),
    ] = None,
    status: Annotated[
        EventStatus | None,
        typer.Option(
            "--status",
            help="Only planned or done events (as judged at --as-of).",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    sort: SortOption = None,
    limit: LimitOption = None,
    count_by: CountByOption = None,
    cumulative: CumulativeFlag = False,
    fail_empty: FailEmptyFlag = False,
) -> None:
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
    """
    from ..report import answers

    def make(dataset: Dataset) -> Listing:
        return answers.timeline(dataset, after, before, mission, as_of, kind, status)

    reporting.answer(ctx, make, fmt, as_json, as_csv, fields, sort, limit, count_by, fail_empty,
                     cumulative)  # fmt: skip


@app.command()
def mission(
    ctx: typer.Context,
    mission: MissionOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    fail_empty: FailEmptyFlag = False,
) -> None:
    """The Chang'e-8 fact sheet, with the ILRS headline figures, each fact with its sources.

    Landing site, launch window, payload mass offered, selection, rovers on board, ISRU,
    its role as an ILRS precursor (with Chang'e-7), and the ILRS participation figures.

    \b
    Examples:
      ilrs mission
      ilrs mission --mission ILRS --json
    """
    from ..report import answers

    def make(dataset: Dataset) -> Listing:
        return answers.facts(dataset, mission)

    reporting.answer(ctx, make, fmt, as_json, as_csv, fields, fail_empty=fail_empty)


@app.command()
def countries(
    ctx: typer.Context,
    country: CountryOption = None,
    region: RegionOption = None,
    camp: InOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    sort: SortOption = None,
    limit: LimitOption = None,
    count_by: CountByOption = None,
    cumulative: CumulativeFlag = False,
    fail_empty: FailEmptyFlag = False,
) -> None:
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
    """
    from ..report import answers

    def make(dataset: Dataset) -> Listing:
        return answers.countries(dataset, country, region, camp)

    reporting.answer(ctx, make, fmt, as_json, as_csv, fields, sort, limit, count_by, fail_empty,
                     cumulative)  # fmt: skip


@app.command()
def show(
    ctx: typer.Context,
    record_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="A record id: " + kind_names() + ".",
            autocompletion=complete_id,
            show_default=False,
        ),
    ],
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """One record in full: every field, and every source with its URL.

    \b
    Examples:
      ilrs show micro-rovers
      ilrs show egypt --json
    """
    from ..report import answers

    reporting.answer(ctx, lambda dataset: answers.show(dataset, record_id), fmt, as_json, as_csv)


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[
        str,
        typer.Argument(
            metavar="TEXT",
            help="Text to find (at most 200 characters, 20 words); case and accents do not matter.",
        ),
    ],
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    limit: LimitOption = None,
    count_by: CountByOption = None,
    cumulative: CumulativeFlag = False,
    fail_empty: FailEmptyFlag = False,
) -> None:
    """Search names, descriptions, institutions and notes of every kind of record.

    \b
    Examples:
      ilrs search rover
      ilrs search "Zhejiang" --json
    """
    from ..report import answers

    def make(dataset: Dataset) -> Listing:
        return answers.search(dataset, text)

    reporting.answer(ctx, make, fmt, as_json, as_csv, fields, None, limit, count_by, fail_empty,
                     cumulative)  # fmt: skip


def info(
    ctx: typer.Context,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """The dataset: title, version, as-of date, counts, headline figures and every source.

    The headline figures are computed from the records, never typed in.

    \b
    Examples:
      ilrs info
      ilrs info --json | jq '.figures'
    """
    from ..report import answers

    reporting.answer(ctx, answers.info, fmt, as_json, as_csv)


app.command("info")(info)


@app.command()
def sources(
    ctx: typer.Context,
    cited_by: Annotated[
        str | None,
        typer.Option(
            "--cited-by",
            metavar="ID",
            help="Only the sources of this record (any id, or a country name).",
            autocompletion=complete_id,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    sort: SortOption = None,
    limit: LimitOption = None,
    count_by: CountByOption = None,
    cumulative: CumulativeFlag = False,
    fail_empty: FailEmptyFlag = False,
) -> None:
    """List the sources: title, author, publisher, date, URL, reposts, checked date, notes.

    \b
    Examples:
      ilrs sources --cited-by micro-rovers
      ilrs sources --count-by publisher
      ilrs sources --format csv > sources.csv
    """
    from ..report import answers

    def make(dataset: Dataset) -> Listing:
        return answers.sources(dataset, cited_by)

    reporting.answer(ctx, make, fmt, as_json, as_csv, fields, sort, limit, count_by, fail_empty,
                     cumulative)  # fmt: skip


@app.command()
def check(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="[PATH]",
            help="The dataset file to check; by default --data, ILRS_DATA or the bundled one.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Treat warnings (unused sources) as problems.")
    ] = False,
) -> None:
    """Check a dataset file and list every problem, with its record and line.

    Checks TOML syntax, field types, required fields, allowed values, unique ids, references
    to sources, institutions and organizations, countries and their ISO 3166 codes, dates,
    and that every record has a source. Exit 0 when clean, 1 when not.

    \b
    Examples:
      ilrs check my-chang8.toml
      ilrs --data my-chang8.toml payloads
    """
    from ..core.kinds import KINDS
    from ..core.text import escape
    from ..load import load_dataset
    from ..query.figures import place_count, record_counts, signing_count, unused_sources

    with reporting.user_errors(ctx):
        chosen = path or arguments.data_path(ctx)
        dataset = load_dataset(chosen, check_codes=True)
    counts, signings = record_counts(dataset), signing_count(dataset)
    parts = [
        f"{counts[kind.plural]} {kind.plural}"
        + (f" (of which {signings} signings)" if kind.plural == "events" else "")
        for kind in KINDS
    ]
    parts.append(f"{place_count(dataset)} places")
    summary = ", ".join(parts)
    warnings = [f"source {key!r} is not cited by any record" for key in unused_sources(dataset)]
    for warning in warnings:
        write_err(f"ilrs: warning: {escape(dataset.path)}: {warning}")
    if warnings and strict:
        write_err(f"ilrs: error: {len(warnings)} warnings, and --strict makes them problems")
        raise typer.Exit(code=reporting.EXIT_DATA_ERROR)
    write_out(escape(f"{dataset.path}: ok, no problems in {summary}; as of {dataset.info.as_of}"))


@app.command()
def cite(
    ctx: typer.Context,
    record_ids: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ID",
            help="Record ids (" + kind_names() + "), any case, or a country name; `-` "
            f"reads ids from standard input, one a line (at most {arguments.MAX_STDIN_IDS:,}).",
            autocompletion=complete_id,
            show_default=False,
        ),
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="Cite the sources of every record.")] = False,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="text, bibtex (biblatex @online entries) or csl-json."),
    ] = Format.TEXT,
) -> None:
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
    """
    from ..report import answers

    with reporting.user_errors(ctx):
        wanted = arguments.ids_from(record_ids or [])
        reporting.emit(answers.cite(arguments.dataset_for(ctx), wanted, every), fmt)


@app.command("diff")
def diff_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="OLD NEW",
            help="Two dataset files, old then new; with --bundled, one file (the old side).",
            show_default=False,
        ),
    ] = None,
    bundled: Annotated[
        bool,
        typer.Option("--bundled", help="Compare the file given with the bundled dataset."),
    ] = False,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    limit: LimitOption = None,
    count_by: CountByOption = None,
) -> None:
    """What changed between two datasets: records added, removed and changed, field by field,
    sources included.

    \b
    Examples:
      ilrs diff old.toml new.toml
      ilrs diff --bundled my-chang8.toml          # my copy -> this release
      ilrs diff --bundled my-chang8.toml --count-by change
    """
    from ..core.errors import QueryError
    from ..load import load_dataset
    from ..report.columns import shape
    from ..report.diff import diff

    with reporting.user_errors(ctx):
        output = arguments.output_format(fmt, as_json, as_csv)
        given = list(paths or [])
        if len(given) != (1 if bundled else 2):
            wanted = "one file with --bundled" if bundled else "two files, OLD and NEW"
            raise QueryError("paths", f"give {wanted}")
        old = load_dataset(given[0])
        new = load_dataset(None) if bundled else load_dataset(given[1])
        new_name = "the bundled chang8.toml" if bundled else str(given[1])
        listing = diff(old, new, str(given[0]), new_name)
        reporting.emit(shape(listing, fields, None, limit, count_by), output)


data_app = typer.Typer(
    name="data", help="The bundled dataset file: where it is, and a copy to edit.",
    no_args_is_help=True,
)  # fmt: skip
app.add_typer(data_app)


@data_app.command("path")
def data_path_command() -> None:
    """Print the path of the bundled dataset file (read-only; `ilrs data copy` makes a copy).

    \b
    Example:
      ilrs data path
    """
    from ..core.text import escape
    from ..load.store import bundled_path

    write_out(escape(str(bundled_path())))


@data_app.command("copy")
def data_copy_command(
    ctx: typer.Context,
    target: Annotated[
        Path, typer.Argument(metavar="FILE", help="Where to write the copy.", show_default=False)
    ],
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Write the bundled dataset to FILE, to edit and use with --data or ILRS_DATA.

    \b
    Examples:
      ilrs data copy my-chang8.toml
      ilrs --data my-chang8.toml check
    """
    from ..core.text import escape
    from ..load.atomic import write_atomically
    from ..load.store import bundled_path

    with reporting.user_errors(ctx):
        write_atomically(target, bundled_path().read_bytes(), force)
    write_err(escape(f"ilrs: wrote {target}; use it with: ilrs --data {target} payloads"))


export_app = typer.Typer(
    name="export", help="The whole dataset: SQLite, a Frictionless data package, an HTML page.",
    no_args_is_help=True, cls=LazyGroup,
)  # fmt: skip
app.add_typer(export_app)
ForceFlag = Annotated[bool, typer.Option("--force", help="Replace an existing target.")]


def _export(ctx: typer.Context, name: str, target: Path, force: bool) -> None:
    from ..core.errors import DatasetError
    from ..core.text import escape
    from ..export import exporter

    with reporting.user_errors(ctx):
        dataset = arguments.dataset_for(ctx)
        try:
            counts = exporter(name)(dataset, target, force=force)
        except ValueError as error:  # links that do not hold: `check` refuses such a dataset
            raise DatasetError(str(target), [str(error)]) from None
    tables = ", ".join(f"{table} {rows}" for table, rows in counts.items())
    write_err(escape(f"ilrs: wrote {target}: {tables}"))


@export_app.command("sqlite")
def export_sqlite(
    ctx: typer.Context,
    target: Annotated[
        Path, typer.Argument(metavar="FILE", help="The database to write.", show_default=False)
    ],
    force: ForceFlag = False,
) -> None:
    """An SQLite database: a table per record kind with keys, link tables, a view per list
    command (its rows match --json) and _meta. Opens in sqlite3, sqlite-utils, Datasette.

    \b
    Examples:
      ilrs export sqlite ilrs.db
      sqlite3 ilrs.db 'select name, date from members where level = "national"'
      datasette ilrs.db -m ilrs.metadata.json
    """
    _export(ctx, "sqlite", target, force)
    from ..core.text import escape
    from ..export.datasette import metadata_path

    beside = metadata_path(target)
    write_err(escape(f"ilrs: wrote {beside}: datasette {target} -m {beside}"))


@export_app.command("datapackage")
def export_datapackage(
    ctx: typer.Context,
    target: Annotated[
        Path, typer.Argument(metavar="DIR", help="The directory to write.", show_default=False)
    ],
    force: ForceFlag = False,
) -> None:
    """A Frictionless Data Package: a CSV per table and datapackage.json with a Table Schema
    for each (types, keys, descriptions), the licence and the sources.

    \b
    Examples:
      ilrs export datapackage ilrs-data
      frictionless validate ilrs-data/datapackage.json
    """
    _export(ctx, "datapackage", target, force)


@app.command("cache")
def cache_command(
    clear: Annotated[
        bool, typer.Option("--clear", help="Remove every entry from the cache.")
    ] = False,
) -> None:
    """Where ilrs keeps the parsed datasets it has read (JSON, never code); --clear empties it.

    ILRS_CACHE_DIR sets the directory; ILRS_NO_CACHE=1 turns the cache off. A directory that
    is a link, not the user's own, or open to group or others is never used nor changed, and
    --clear removes only the files ilrs wrote there.

    \b
    Examples:
      ilrs cache
      ilrs cache --clear
    """
    from ..core.errors import CacheRefused
    from ..core.text import escape
    from ..load import store

    if clear:
        try:
            directory, removed = store.clear()
        except CacheRefused as error:
            write_err(f"ilrs: error: {escape(str(error))}; nothing removed")
            raise typer.Exit(code=reporting.EXIT_DATA_ERROR) from None
        write_out(escape(f"{directory}: removed {removed} entries"))
        return
    directory = store.cache_directory()
    write_out(escape(str(directory)) if directory is not None else "off (ILRS_NO_CACHE is set)")
    problem = store.refusal()
    if problem is not None:
        write_err(f"ilrs: warning: {escape(problem)}")


@app.command("fields")
def list_fields(
    ctx: typer.Context,
    command: Annotated[
        str | None,
        typer.Argument(
            metavar="[COMMAND]",
            help="A list command: payloads, members, artemis, signings, growth, timeline, "
            "mission, countries, search, sources.",
            autocompletion=complete_list_command,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """Every field each list command can print, with its type and meaning.

    These are the keys of --json, the columns of --csv, and the names --fields and --sort
    take.

    \b
    Examples:
      ilrs fields members
      ilrs fields --json
    """
    from ..report import answers

    with reporting.user_errors(ctx):
        output = arguments.output_format(fmt, as_json, as_csv)
        reporting.emit(answers.fields(command), output)
