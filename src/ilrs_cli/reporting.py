"""How commands answer: reports on stdout, notes and errors on stderr, and the exit codes
that go with them."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import typer

from .errors import DatasetError, InputError
from .terminal import visible, write_err, write_out

if TYPE_CHECKING:
    from .model import Dataset, Member
    from .render import OutputFormat, Report

EXIT_DATA_ERROR = 1
EXIT_NOTHING_MATCHED = 3


@contextmanager
def user_errors(ctx: typer.Context) -> Iterator[None]:
    """Bad input exits 2 with what would be right; a bad dataset exits 1 with every problem."""
    try:
        yield
    except InputError as error:
        message = visible(str(error))
        raise typer.BadParameter(message, ctx=ctx, param_hint=f"'{error.option}'") from None
    except DatasetError as error:
        write_err(f"ilrs: error: {error.report()}")
        raise typer.Exit(code=EXIT_DATA_ERROR) from None


def emit(report: Report, output_format: OutputFormat, fail_empty: bool = False) -> None:
    """Print a report; an empty table is a note on stderr. --fail-empty makes empty exit 3."""
    from .fields import Listing
    from .render import OutputFormat, render

    empty = isinstance(report, Listing) and not report.items
    if isinstance(report, Listing) and empty and output_format is OutputFormat.TABLE:
        write_err(f"ilrs: {report.empty_note}")
    else:
        write_out(render(report, output_format))
    if empty and fail_empty:
        raise typer.Exit(code=EXIT_NOTHING_MATCHED)


def find_record(dataset: Dataset, record_id: str) -> tuple[str, Any]:
    """The record with this id and its kind; exit 1 with the closest ids when there is none."""
    from .records import closest_ids, find

    found = find(dataset, record_id)
    if found is None:
        close = closest_ids(dataset, record_id)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        write_err(f"ilrs: error: no record with id {record_id!r}{hint}")
        write_err("ilrs: `ilrs search TEXT` finds records by name")
        raise typer.Exit(code=EXIT_DATA_ERROR)
    return found


def signed_by_with_notes(members: list[Member], day: datetime.date) -> list[Member]:
    """Members with an agreement signed by `day`; the others with no date, or a date that
    spans `day`, are named on stderr rather than guessed in or out."""
    from .queries import signed_by

    signed, spanning, undated = signed_by(members, day)
    if undated:
        names = ", ".join(f"{member.name} ({member.status.value})" for member in undated)
        write_err(f"ilrs: not counted, no signing date in the data: {names}")
    if spanning:
        names = ", ".join(f"{m.name} ({m.date.display if m.date else ''})" for m in spanning)
        write_err(f"ilrs: not counted, the signing date spans {day.isoformat()}: {names}")
    return signed
