"""The command line: parse options, then delegate to one answer (report.answers) and one
renderer; errors become messages and exit codes in `reporting`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
import typer.core

from .. import __version__
from ..render.terminal import write_err, write_out
from ..report.commands import COMMANDS
from . import inputs, reporting
from .checking import CheckFormat
from .click_classes import Command, Commands
from .completion import use_quoting_bash_script
from .lazy import LazyGroup
from .output_options import ForceFlag, answers_command

# The commands that answer with a report are made from their declarations
# (report/commands.py) by `answers_command`. Everything else is imported where it is used, so
# that each command (and each Tab of shell completion) loads only what it needs: Rich only
# for a table with text the plain renderer is unsure of, pycountry only to resolve a country
# the data does not name.

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


for _declared in COMMANDS.values():
    answers_command(app, _declared)


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
        bool,
        typer.Option(
            "--strict",
            help="Treat warnings (unused sources, text shown only escaped) as problems.",
        ),
    ] = False,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            help="text: each problem a line on stderr; json: one object on stdout, for CI "
            "(docs/dataset.md).",
        ),
    ] = CheckFormat.TEXT,
) -> None:
    """Check a dataset file and list every problem, with its record and line.

    Checks TOML syntax, field types, required fields, allowed values, unique ids, references
    to sources, institutions and organizations, countries and their ISO 3166 codes, dates,
    and that every record has a source. Exit 0 when clean, 1 when not.

    \b
    Examples:
      ilrs check my-chang8.toml
      ilrs check --format json my-chang8.toml     # for CI: file, kind, id, line, message
      ilrs --data my-chang8.toml payloads
    """
    from .checking import check as run_check

    with reporting.user_errors(ctx):
        code = run_check(path or inputs.data_path(ctx), strict, fmt)
    if code:
        raise typer.Exit(code=code)


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
    name="export",
    help="The whole dataset: SQLite, a Frictionless data package, an Excel workbook, an HTML "
    "page.",
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
    if name == "sqlite":
        from ..export.datasette import metadata_path

        beside = metadata_path(target)
        write_err(escape(f"ilrs: wrote {beside}: datasette {target} -m {beside}"))


# Each export: its name, what its target is, and its help.
EXPORTS = {
    "sqlite": (
        "FILE",
        "The database to write.",
        """An SQLite database: a table per record kind
    with keys, link tables, a view per list command (its rows match --json) and _meta. Opens
    in sqlite3, sqlite-utils, Datasette.

    \b
    Examples:
      ilrs export sqlite ilrs.db
      sqlite3 ilrs.db 'select name, date from members where level = "national"'
      datasette ilrs.db -m ilrs.metadata.json
    """,
    ),
    "datapackage": (
        "DIR",
        "The directory to write.",
        """A Frictionless Data Package: a CSV per
    table and datapackage.json with a Table Schema for each (types, keys, descriptions), the
    licence and the sources.

    \b
    Examples:
      ilrs export datapackage ilrs-data
      frictionless validate ilrs-data/datapackage.json
    """,
    ),
    "xlsx": (
        "FILE",
        "The workbook to write (.xlsx).",
        """An Excel workbook (.xlsx): a sheet per table
    of the SQLite export, with days as date cells, numbers as numbers and no formulas, and an
    `about` sheet: the dataset's title, version, as-of date, source and licence. Needs
    XlsxWriter: pip install 'ilrs-cli[xlsx]'.

    \b
    Examples:
      ilrs export xlsx ilrs.xlsx
      ilrs payloads --format xlsx -o payloads.xlsx     # one list command's rows
    """,
    ),
}


def _export_command(name: str, metavar: str, what: str, help_: str) -> None:
    def command(ctx: typer.Context, target: Path, force: bool = False) -> None:
        _export(ctx, name, target, force)

    target = typer.Argument(metavar=metavar, help=what, show_default=False)
    command.__annotations__ = {
        "ctx": typer.Context, "target": Annotated[Path, target], "force": ForceFlag,
        "return": None,
    }  # fmt: skip
    command.__doc__, command.__name__ = help_, f"export_{name}"
    export_app.command(name, cls=Command)(command)


for _name, (_metavar, _what, _help) in EXPORTS.items():
    _export_command(_name, _metavar, _what, _help)


@app.command("mcp", cls=Command)
def mcp_command(ctx: typer.Context) -> None:
    """Serve the answers to AI assistants: a Model Context Protocol server on standard
    input and output.

    Its tools are the questions of the list commands, show, search, sources and cite, each
    result with the dataset's version and as-of date and the sources behind it. Read-only:
    it serves the dataset chosen at start (--data, ILRS_DATA or the bundled one) and writes
    no file. Needs the MCP SDK: pip install 'ilrs-cli[mcp]' (docs/mcp.md).

    \b
    Examples:
      ilrs mcp
      ilrs --data my-chang8.toml mcp
    """
    from ..mcp.server import serve

    with reporting.user_errors(ctx):
        serve(inputs.dataset_for(ctx))


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
