"""How commands answer: reports on stdout, notes and errors on stderr, and the exit codes
that go with them. The only place that turns the library's errors into flag names.

`respond` is the one way from parsed values to a printed answer and its exit code, for the
Typer commands and the fast answer path (`fast_answers`) alike; only `user_errors`, the
Typer side, imports Typer."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from ..core.clock import ClockError
from ..core.errors import (
    DatasetError,
    MissingExtra,
    QueryError,
    RecordNotFound,
    TargetInTheWay,
    WriteFailed,
)
from ..core.safe_text import escape
from ..render.terminal import write_bytes, write_data, write_err, write_out

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    import typer

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
    "output": "--output",
    "style": "--style",
    "id": "ID",
    "text": "TEXT",
    "command": "COMMAND",
    "paths": "OLD NEW",
    "levels": "--national', '--subnational', '--organization', '--affiliated', '--level",
}


def error_exit_code(error: Exception) -> int | None:
    """Print the message of a library error that names no flag and return its exit code: a
    missing record or a bad dataset 1 (with the closest ids or every problem), a missing
    optional library 1 (with its extra's install command), a bad clock 2.
    None for any other error (a QueryError needs Typer's usage message)."""
    if isinstance(error, RecordNotFound):
        write_err(f"ilrs: error: {error}")
        write_err("ilrs: `ilrs search TEXT` finds records by name")
        return EXIT_DATA_ERROR
    if isinstance(error, QueryError):
        return None
    if isinstance(error, DatasetError):
        write_err(f"ilrs: error: {error.report()}")
        return EXIT_DATA_ERROR
    if isinstance(error, ClockError):
        write_err(f"ilrs: error: {escape(str(error))}")
        return EXIT_USAGE
    if isinstance(error, TargetInTheWay):
        write_err(f"ilrs: error: {escape(in_the_way(error))}")
        return EXIT_DATA_ERROR
    if isinstance(error, WriteFailed | MissingExtra):
        write_err(f"ilrs: error: {escape(str(error))}")
        return EXIT_DATA_ERROR
    return None


class user_errors:  # noqa: N801 (a context manager, used as a function is)
    """Bad input exits 2 with what would be right; a missing record or a bad dataset exits 1
    with the closest ids or every problem. (A class, not contextlib's decorator: an answer
    would import contextlib for it.)"""

    def __init__(self, ctx: typer.Context) -> None:
        self.ctx = ctx

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> None:
        import typer

        if not isinstance(error, QueryError | DatasetError | ClockError | TargetInTheWay |
                          WriteFailed | MissingExtra):  # fmt: skip
            return
        if isinstance(error, QueryError) and not isinstance(error, RecordNotFound):
            hint, message = usage_error(error)
            raise typer.BadParameter(message, ctx=self.ctx, param_hint=hint) from None
        raise typer.Exit(code=error_exit_code(error) or EXIT_DATA_ERROR) from None


def usage_error(error: QueryError) -> tuple[str, str]:
    """What a usage error names (the flag, quoted) and says, as Typer prints it: "Invalid
    value for HINT: MESSAGE"."""
    return f"'{FLAGS.get(error.argument, error.argument)}'", escape(str(error))


def in_the_way(error: TargetInTheWay) -> str:
    """What --force would replace, or what is in the way that it never replaces."""
    if error.replaceable:
        return f"{error.target} exists; add --force to replace it"
    return (
        f"{error.target}: --force replaces only a regular file or an earlier export of ilrs, "
        f"and this is neither; in the way: {', '.join(error.in_the_way)}. Move it, or choose "
        "another target"
    )


def write_file(output: Path, data: bytes, force: bool) -> None:
    """Write an output file whole (an existing one only with `force`), and say so."""
    from ..load.atomic import write_atomically

    write_atomically(output, data, force)
    _wrote(output)


def _wrote(output: Path) -> None:
    write_err(escape(f"ilrs: wrote {output}"))


def emit(
    report: Report,
    fmt: Format,
    fail_empty: bool = False,
    written: Path | None = None,
    before_printing: Callable[[], None] | None = None,
) -> int:
    """Print a report, or say it was `written` to that file; an empty table is a note on
    stderr. It is rendered before anything is printed (and before `before_printing`), so that
    a renderer's error prints alone. The exit code: 0, or 3 when nothing matched and
    --fail-empty asks for it."""
    from ..render import FORMATS, Format, render, render_bytes
    from ..report.listing import Listing

    listing = report if isinstance(report, Listing) else None
    empty = listing is not None and not listing.items
    quiet = listing is not None and empty and fmt is Format.TABLE
    data: str | bytes = ""
    if written is None and not quiet:
        data = render_bytes(report, fmt) if FORMATS[fmt].binary else render(report, fmt)
    if before_printing is not None:
        before_printing()
    for note in report.notes:
        write_err(f"ilrs: {note}")
    if written is not None:
        _wrote(written)
    elif listing is not None and quiet:
        write_err(f"ilrs: {listing.empty_note}")
    elif isinstance(data, bytes):
        write_bytes(data)
    else:
        (write_data if FORMATS[fmt].machine else write_out)(data)
    return EXIT_NOTHING_MATCHED if empty and fail_empty else 0


def respond(
    make: Callable[[], Report],
    report_type: ReportType,
    *,
    fmt: Format | Enum | str | None = None,
    as_json: bool = False,
    as_csv: bool = False,
    fields: str | None = None,
    sort: str | None = None,
    limit: int | None = None,
    count_by: str | None = None,
    cumulative: bool = False,
    fail_empty: bool = False,
    output: Path | str | None = None,
    force: bool = False,
    before_printing: Callable[[], None] | None = None,
) -> int:
    """The one way a command answers: check the format (a --format choice, by its value)
    and where it goes, ask `make` for the report, shape a listing (fields, sort, limit,
    counts), write it to `output` if given, then (after `before_printing`) print it or say
    where it was written; the exit code. Library errors propagate."""
    from ..render import Format, formats_for, render_bytes
    from ..report.listing import Listing, shape
    from . import inputs

    chosen = None if fmt is None else Format(fmt.value if isinstance(fmt, Enum) else fmt)
    shown = inputs.output_format(formats_for(report_type)[0], chosen, as_json, as_csv)
    target = inputs.output_file(shown, formats_for(report_type), output)
    report = make()
    if isinstance(report, Listing):
        report = shape(report, fields, sort, limit, count_by, cumulative)
    if target is not None:  # before printing: a file that cannot be written is an error
        from ..load.atomic import write_atomically

        write_atomically(target, render_bytes(report, shown), force)
    return emit(report, shown, fail_empty, target, before_printing)
