"""How commands answer: reports on stdout, notes and errors on stderr, and the exit codes
that go with them. The only place that turns the library's errors into flag names."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

from ..core.clock import ClockError
from ..core.errors import DatasetError, QueryError, RecordNotFound, TargetInTheWay, WriteFailed
from ..core.safe_text import escape
from ..render.terminal import write_err, write_out

if TYPE_CHECKING:
    from ..render import Format, Report
    from ..report.types import ReportType

EXIT_DATA_ERROR = 1
EXIT_USAGE = 2
EXIT_NOTHING_MATCHED = 3

# The command-line spelling of each argument a QueryError can name.
FLAGS = {
    "country": "--country",
    "mission": "--mission",
    "fields": "--fields",
    "sort": "--sort",
    "count_by": "--count-by",
    "after": "--after",
    "before": "--before",
    "as_of": "--as-of",
    "level": "--level",
    "status": "--status",
    "kind": "--kind",
    "region": "--region",
    "camp": "--in",
    "cumulative": "--cumulative",
    "format": "--format",
    "id": "ID",
    "text": "TEXT",
    "command": "COMMAND",
    "paths": "OLD NEW",
    "levels": "--national', '--subnational', '--organization', '--affiliated', '--level",
}


@contextmanager
def user_errors(ctx: typer.Context) -> Iterator[None]:
    """Bad input exits 2 with what would be right; a missing record or a bad dataset exits 1
    with the closest ids or every problem."""
    try:
        yield
    except RecordNotFound as error:
        write_err(f"ilrs: error: {error}")
        write_err("ilrs: `ilrs search TEXT` finds records by name")
        raise typer.Exit(code=EXIT_DATA_ERROR) from None
    except QueryError as error:
        hint = FLAGS.get(error.argument, error.argument)
        raise typer.BadParameter(escape(str(error)), ctx=ctx, param_hint=f"'{hint}'") from None
    except DatasetError as error:
        write_err(f"ilrs: error: {error.report()}")
        raise typer.Exit(code=EXIT_DATA_ERROR) from None
    except ClockError as error:
        write_err(f"ilrs: error: {escape(str(error))}")
        raise typer.Exit(code=EXIT_USAGE) from None
    except TargetInTheWay as error:
        write_err(f"ilrs: error: {escape(in_the_way(error))}")
        raise typer.Exit(code=EXIT_DATA_ERROR) from None
    except WriteFailed as error:
        write_err(f"ilrs: error: {escape(str(error))}")
        raise typer.Exit(code=EXIT_DATA_ERROR) from None


def in_the_way(error: TargetInTheWay) -> str:
    """What --force would replace, or what is in the way that it never replaces."""
    if error.replaceable:
        return f"{error.target} exists; add --force to replace it"
    return (
        f"{error.target}: --force replaces only a regular file or an earlier export of ilrs, "
        f"and this is neither; in the way: {', '.join(error.in_the_way)}. Move it, or choose "
        "another target"
    )


def emit(report: Report, fmt: Format, fail_empty: bool = False) -> None:
    """Print a report; an empty table is a note on stderr. --fail-empty makes empty exit 3."""
    from ..render import Format, render
    from ..report.listing import Listing

    listing = report if isinstance(report, Listing) else None
    for note in report.notes:
        write_err(f"ilrs: {note}")
    empty = listing is not None and not listing.items
    if listing is not None and empty and fmt is Format.TABLE:
        write_err(f"ilrs: {listing.empty_note}")
    else:
        write_out(render(report, fmt))
    if empty and fail_empty:
        raise typer.Exit(code=EXIT_NOTHING_MATCHED)


def answer(
    ctx: typer.Context,
    make: Callable[[], Report],
    report_type: ReportType,
    *,
    fmt: Format | None = None,
    as_json: bool = False,
    as_csv: bool = False,
    fields: str | None = None,
    sort: str | None = None,
    limit: int | None = None,
    count_by: str | None = None,
    cumulative: bool = False,
    fail_empty: bool = False,
) -> None:
    """The one way a command answers: check the format, ask `make` for the report, shape a
    listing (fields, sort, limit, counts) and print it."""
    from ..render import formats_for
    from ..report.listing import Listing, shape
    from . import inputs

    with user_errors(ctx):
        output = inputs.output_format(formats_for(report_type)[0], fmt, as_json, as_csv)
        report = make()
        if isinstance(report, Listing):
            report = shape(report, fields, sort, limit, count_by, cumulative)
        emit(report, output, fail_empty)
