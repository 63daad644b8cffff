"""The command line: parse options, then delegate to one answer (report.answers) and one
renderer; errors become messages and exit codes in `reporting`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
import typer.core

from .. import __version__
from ..render import BIBLIOGRAPHY, DETAIL
from ..render.terminal import write_err, write_out
from . import inputs, questions, reporting
from .click_classes import Command, Commands
from .completion import use_quoting_bash_script
from .lazy import LazyGroup
from .record_commands import add_record_commands

if TYPE_CHECKING:
    from .questions import Answer, DataFree

from .output_options import SHAPING, ForceFlag, answers_command
from .query_options import (
    AffiliatedFlag,
    AllFlag,
    AsOfOption,
    BundledFlag,
    CitedByOption,
    CountryOption,
    DiffPathsArgument,
    EventAfterOption,
    EventBeforeOption,
    EventKindsOption,
    EventStatusOption,
    InOption,
    LevelOption,
    LevelsOption,
    ListCommandArgument,
    MemberStatusOption,
    MissionOption,
    NationalFlag,
    OrganizationFlag,
    PartnerMissionOption,
    PartnersFlag,
    RecordIdArgument,
    RecordIdsArgument,
    RegionOption,
    SearchTextArgument,
    SignedAfterOption,
    SignedAsOfOption,
    SignedBeforeOption,
    SubnationalFlag,
)

# Each command that answers with a report declares its options here and asks its question in
# `questions`, by the same name with the same options (`**locals()`: all of them), where the
# fast answer path asks it too. Everything else is imported where it is used, so that each
# command (and each Tab of shell completion) loads only what it needs: Rich only for a table
# with text the plain renderer is unsure of, pycountry only to resolve a country the data
# does not name.

EXIT_CODES = (  # also in README.md's table
    "Exit codes: 0 ok (an empty result is ok), 1 data or runtime error, 2 usage error, "
    "3 nothing matched (only with --fail-empty)."
)


use_quoting_bash_script()
app = typer.Typer(
    name="ilrs",
    cls=Commands,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Sourced answers about China's Chang'e-8 international payloads and the "
    f"International Lunar Research Station (ILRS).\n\n{EXIT_CODES}",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from ..load import open_dataset

        info = open_dataset(None).info
        write_out(f"ilrs {__version__}, bundled dataset {info.version} (as of {info.as_of})")
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
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Show the version of ilrs and of its bundled dataset.",
        ),
    ] = False,
) -> None:
    """Sourced answers about Chang'e-8's international payloads and the ILRS."""


@answers_command(app)
def payloads(
    country: CountryOption = None,
    mission: MissionOption = None,
    region: RegionOption = None,
    camp: InOption = None,
) -> Answer:
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
    return questions.payloads(**locals())


@answers_command(app)
def members(
    national: NationalFlag = False,
    subnational: SubnationalFlag = False,
    organization: OrganizationFlag = False,
    affiliated: AffiliatedFlag = False,
    level: LevelOption = None,
    status: MemberStatusOption = None,
    country: CountryOption = None,
    region: RegionOption = None,
    as_of: AsOfOption = None,
    after: SignedAfterOption = None,
    before: SignedBeforeOption = None,
    camp: InOption = None,
) -> Answer:
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
    return questions.members(**locals())


@answers_command(app)
def artemis(
    country: CountryOption = None,
    region: RegionOption = None,
    camp: InOption = None,
    mission: PartnerMissionOption = None,
    partners: PartnersFlag = False,
    as_of: SignedAsOfOption = None,
    after: SignedAfterOption = None,
    before: SignedBeforeOption = None,
) -> Answer:
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
    return questions.artemis(**locals())


@answers_command(app)
def signings(
    country: CountryOption = None,
    region: RegionOption = None,
    camp: InOption = None,
    as_of: SignedAsOfOption = None,
    after: SignedAfterOption = None,
    before: SignedBeforeOption = None,
) -> Answer:
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
    return questions.signings(**locals())


@answers_command(app, omit=frozenset({"sort", "count_by", "cumulative"}))
def growth(
    country: CountryOption = None,
    region: RegionOption = None,
    level: LevelsOption = None,
    as_of: SignedAsOfOption = None,
) -> Answer:
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
    return questions.growth(**locals())


@answers_command(app)
def timeline(
    after: EventAfterOption = None,
    before: EventBeforeOption = None,
    mission: MissionOption = None,
    as_of: AsOfOption = None,
    kind: EventKindsOption = None,
    status: EventStatusOption = None,
) -> Answer:
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
    return questions.timeline(**locals())


@answers_command(app, omit=frozenset({"sort", "limit", "count_by", "cumulative"}))
def mission(mission: MissionOption = None) -> Answer:
    """The Chang'e-8 fact sheet, with the ILRS headline figures, each fact with its sources.

    Landing site, launch window, payload mass offered, selection, rovers on board, ISRU,
    its role as an ILRS precursor (with Chang'e-7), and the ILRS participation figures.

    \b
    Examples:
      ilrs mission
      ilrs mission --mission ILRS --json
    """
    return questions.mission(**locals())


@answers_command(app)
def countries(
    country: CountryOption = None,
    region: RegionOption = None,
    camp: InOption = None,
) -> Answer:
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
    return questions.countries(**locals())


add_record_commands(app)


@answers_command(app, DETAIL)
def show(record_id: RecordIdArgument) -> Answer:
    """One record in full: every field, and every source with its URL.

    \b
    Examples:
      ilrs show micro-rovers
      ilrs show egypt --json
    """
    return questions.show(**locals())


@answers_command(app, omit=frozenset({"sort"}))
def search(text: SearchTextArgument) -> Answer:
    """Search names, descriptions, institutions and notes of every kind of record.

    \b
    Examples:
      ilrs search rover
      ilrs search "Zhejiang" --json
    """
    return questions.search(**locals())


@answers_command(app, DETAIL)
def info() -> Answer:
    """The dataset: title, version, as-of date, counts, headline figures and every source.

    The headline figures are computed from the records, never typed in.

    \b
    Examples:
      ilrs info
      ilrs info --json | jq '.figures'
    """
    return questions.info()


@answers_command(app)
def sources(cited_by: CitedByOption = None) -> Answer:
    """List the sources: title, author, publisher, date, URL, reposts, checked date, notes.

    \b
    Examples:
      ilrs sources --cited-by micro-rovers
      ilrs sources --count-by publisher
      ilrs sources --format csv > sources.csv
    """
    return questions.sources(**locals())


@answers_command(app, BIBLIOGRAPHY)
def cite(record_ids: RecordIdsArgument = None, every: AllFlag = False) -> Answer:
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
    return questions.cite(**locals())


@answers_command(app, name="diff", data=False,
                 omit=frozenset({"sort", "cumulative", "fail_empty"}))  # fmt: skip
def diff_command(paths: DiffPathsArgument = None, bundled: BundledFlag = False) -> DataFree:
    """What changed between two datasets, OLD to NEW: records added (in NEW only), removed
    (in OLD only) and changed, field by field, sources included.

    With --bundled, the file given is OLD and the bundled dataset is NEW: what this release
    adds to your copy shows as added, what only your copy has shows as removed.

    \b
    Examples:
      ilrs diff old.toml new.toml
      ilrs diff --bundled my-chang8.toml          # my copy -> this release
      ilrs diff --bundled my-chang8.toml --count-by change
    """
    return questions.diff_command(**locals())


@app.command(cls=Command)
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
    from ..core.safe_text import escape
    from ..load import load_dataset
    from ..query.figures import contents, unused_sources

    with reporting.user_errors(ctx):
        dataset = load_dataset(path or inputs.data_path(ctx), check_codes=True)
    unused = unused_sources(dataset)
    for key in unused:
        write_err(
            f"ilrs: warning: {escape(dataset.path)}: source {key!r} is not cited by any record"
        )
    if unused and strict:
        write_err(f"ilrs: error: {len(unused)} warnings, and --strict makes them problems")
        raise typer.Exit(code=reporting.EXIT_DATA_ERROR)
    as_of = dataset.info.as_of
    write_out(escape(f"{dataset.path}: ok, no problems in {contents(dataset)}; as of {as_of}"))


data_app = typer.Typer(
    name="data", help="The bundled dataset file: where it is, and a copy to edit.",
    no_args_is_help=True,
)  # fmt: skip
app.add_typer(data_app)


@data_app.command("path", cls=Command)
def data_path_command() -> None:
    """Print the path of the bundled dataset file (read-only; `ilrs data copy` makes a copy).

    \b
    Example:
      ilrs data path
    """
    from ..core.safe_text import escape
    from ..load.reader import bundled_path

    write_out(escape(str(bundled_path())))


@data_app.command("copy", cls=Command)
def data_copy_command(
    ctx: typer.Context,
    target: Annotated[
        Path, typer.Argument(metavar="FILE", help="Where to write the copy.", show_default=False)
    ],
    force: ForceFlag = False,
) -> None:
    """Write the bundled dataset to FILE, to edit and use with --data or ILRS_DATA.

    \b
    Examples:
      ilrs data copy my-chang8.toml
      ilrs --data my-chang8.toml check
    """
    from ..core.safe_text import escape
    from ..load.atomic import write_atomically
    from ..load.reader import bundled_path

    with reporting.user_errors(ctx):
        write_atomically(target, Path(bundled_path()).read_bytes(), force)
    write_err(escape(f"ilrs: wrote {target}; use it with: ilrs --data {target} payloads"))


export_app = typer.Typer(
    name="export", help="The whole dataset: SQLite, a Frictionless data package, an HTML page.",
    no_args_is_help=True, cls=LazyGroup,
)  # fmt: skip
app.add_typer(export_app)


def _export(ctx: typer.Context, name: str, target: Path, force: bool) -> None:
    from ..core.errors import DatasetError
    from ..core.safe_text import escape
    from ..export import exporter

    with reporting.user_errors(ctx):
        dataset = inputs.dataset_for(ctx)
        try:
            counts = exporter(name)(dataset, target, force=force)
        except ValueError as error:  # links that do not hold: `check` refuses such a dataset
            raise DatasetError(str(target), [str(error)]) from None
    tables = ", ".join(f"{table} {rows}" for table, rows in counts.items())
    write_err(escape(f"ilrs: wrote {target}: {tables}"))


@export_app.command("sqlite", cls=Command)
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
    from ..core.safe_text import escape
    from ..export.datasette import metadata_path

    beside = metadata_path(target)
    write_err(escape(f"ilrs: wrote {beside}: datasette {target} -m {beside}"))


@export_app.command("datapackage", cls=Command)
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


@app.command("cache", cls=Command)
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
    from ..core.safe_text import escape
    from ..load import cache

    if clear:
        try:
            directory, removed = cache.clear()
        except CacheRefused as error:
            write_err(f"ilrs: error: {escape(str(error))}; nothing removed")
            raise typer.Exit(code=reporting.EXIT_DATA_ERROR) from None
        write_out(escape(f"{directory}: removed {removed} entries"))
        return
    directory = cache.cache_directory()
    write_out(escape(str(directory)) if directory is not None else "off (ILRS_NO_CACHE is set)")
    problem = cache.refusal()
    if problem is not None:
        write_err(f"ilrs: warning: {escape(problem)}")


@answers_command(app, name="fields", data=False, omit=SHAPING)
def list_fields(command: ListCommandArgument = None) -> DataFree:
    """Every field each list command can print, with its type and meaning.

    These are the keys of --json, the columns of --csv, and the names --fields and --sort
    take.

    \b
    Examples:
      ilrs fields members
      ilrs fields --json
    """
    return questions.list_fields(**locals())
