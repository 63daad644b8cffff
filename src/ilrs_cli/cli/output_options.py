"""The output options, declared once, and `answers_command`, which gives them to every command
that answers with a report.

A command is a function of its own options that returns how to answer: a function of the
dataset that returns a report. `answers_command` adds the output options that apply to the
type of report it answers with (the --format choices and help come from the format registry,
`render/__init__.py`), reads the dataset and prints the answer through `reporting.respond`. The
pattern is sqlite-utils' `output_options` decorator, with Typer's annotations.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any, TypeVar

import typer

from ..core.tuples import NamedTuple
from ..render import formats_for, formats_help
from ..report.types import ReportType
from .click_classes import Command
from .completion import complete_fields, complete_sort

F = TypeVar("F", bound=Callable[..., Any])


class Answering(NamedTuple):
    """What `answers_command` made a command of, kept on it for the generated index of the
    fast answer path (scripts/make_answer_index.py)."""

    build: Callable[..., Any]
    report_type: ReportType
    data: bool


def _format_choices(report_type: ReportType) -> type[Enum]:
    """An enum of the formats that render `report_type`: what --format offers and accepts."""
    members = {fmt.name: fmt.value for fmt in formats_for(report_type)}
    return Enum(f"{report_type.name.title()}Format", members, type=str)  # type: ignore[return-value]


def _format_option(report_type: ReportType) -> Any:
    return Annotated[
        _format_choices(report_type) | None,
        typer.Option("--format", "-f", help=formats_help(report_type), show_default=False),
    ]


JsonFlag = Annotated[
    bool, typer.Option("--json", help="Same as --format json: plain json.dumps, never wrapped.")
]
CsvFlag = Annotated[
    bool, typer.Option("--csv", help="Same as --format csv: a header row; lists joined with '; '.")
]
FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="A,B,C",
        help="Only these fields, in this order (JSON keys, CSV and table columns).",
        autocompletion=complete_fields,
        show_default=False,
    ),
]
SortOption = Annotated[
    str | None,
    typer.Option(
        "--sort",
        metavar="FIELD",
        help="Sort by this field; -FIELD sorts in reverse.",
        autocompletion=complete_sort,
        show_default=False,
    ),
]
LimitOption = Annotated[
    int | None,
    typer.Option("--limit", min=1, metavar="N", help="At most N rows.", show_default=False),
]
CountByOption = Annotated[
    str | None,
    typer.Option(
        "--count-by",
        metavar="FIELD",
        help="Count rows by this field: rows of value and count, most frequent first (a list "
        "field counts each element). `year` counts dates by year, in year order, every year "
        "shown, undated last.",
        autocompletion=complete_fields,
        show_default=False,
    ),
]
CumulativeFlag = Annotated[
    bool,
    typer.Option(
        "--cumulative", help="With --count-by: add a running total (per year, with year)."
    ),
]
FailEmptyFlag = Annotated[
    bool,
    typer.Option("--fail-empty", help="Exit with code 3 when nothing matches (default: 0)."),
]
# What a command that writes a file takes to replace one (load/atomic.py says what it may
# replace: a regular file or an earlier export of ilrs, never anything else).
ForceFlag = Annotated[
    bool,
    typer.Option(
        "--force", help="Replace an existing file, or an earlier export of ilrs (nothing else)."
    ),
]

# Every output option, in the order help shows them: (parameter, annotation, default), the
# parameter named as `reporting.respond` takes it. None for --format: its choices depend on
# the report type.
OUTPUT_OPTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("fmt", None, None),
    ("as_json", JsonFlag, False),
    ("as_csv", CsvFlag, False),
    ("fields", FieldsOption, None),
    ("sort", SortOption, None),
    ("limit", LimitOption, None),
    ("count_by", CountByOption, None),
    ("cumulative", CumulativeFlag, False),
    ("fail_empty", FailEmptyFlag, False),
)
# What each type of report takes: a listing every option, the others only a format (and the
# aliases of the formats they have).
SHAPING = frozenset({"fields", "sort", "limit", "count_by", "cumulative", "fail_empty"})


def _parameter(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                             annotation=annotation)  # fmt: skip


def _evaluated(parameter: inspect.Parameter, build: Callable[..., Any]) -> inspect.Parameter:
    """The parameter with its annotation evaluated (the module defers annotations; the return
    annotation, which names types only for mypy, is never evaluated)."""
    annotation = parameter.annotation
    if isinstance(annotation, str):
        annotation = eval(annotation, build.__globals__)  # noqa: S307 - our own source code
    return parameter.replace(annotation=annotation)


def output_parameters(report_type: ReportType, omit: frozenset[str]) -> list[inspect.Parameter]:
    """The output options a command of this report type takes, less those in `omit`."""
    formats = {fmt.value for fmt in formats_for(report_type)}
    dropped = set(omit)
    if report_type is not ReportType.LISTING:
        dropped |= SHAPING
    dropped |= {"as_json"} - ({"as_json"} if "json" in formats else set())
    dropped |= {"as_csv"} - ({"as_csv"} if "csv" in formats else set())
    return [
        _parameter(name, annotation or _format_option(report_type), default)
        for name, annotation, default in OUTPUT_OPTIONS
        if name not in dropped
    ]


def answers_command(
    group: typer.Typer,
    report_type: ReportType = ReportType.LISTING,
    *,
    name: str | None = None,
    omit: frozenset[str] = frozenset(),
    data: bool = True,
) -> Callable[[F], F]:
    """Register a command that answers with a report of `report_type`: its own options, then
    the output options (less `omit`). The function takes its own options (and `ctx` when it
    names it first) and returns the answer: a function of the dataset (of nothing when `data`
    is false: the command reads no dataset)."""

    def register(build: F) -> F:
        from . import inputs, reporting

        own = [_evaluated(p, build) for p in inspect.signature(build).parameters.values()]
        takes_ctx = bool(own) and own[0].name == "ctx"
        output = output_parameters(report_type, omit)
        names = [parameter.name for parameter in output]
        context = _parameter("ctx", typer.Context, inspect.Parameter.empty)

        def command(ctx: typer.Context, **values: Any) -> None:
            shaping = {key: values.pop(key) for key in names}
            with reporting.user_errors(ctx):
                answer = build(ctx, **values) if takes_ctx else build(**values)
                make = (lambda: answer(inputs.dataset_for(ctx))) if data else answer
                code = reporting.respond(make, report_type, **shaping)
            if code:
                raise typer.Exit(code=code)

        parameters = [context, *own[1 if takes_ctx else 0 :], *output]
        command.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) if p.name != "ctx" else p
             for p in parameters]
        )  # fmt: skip
        command.__annotations__ = {p.name: p.annotation for p in parameters}
        command.__doc__ = build.__doc__
        command.__name__ = build.__name__
        command.answers = Answering(build, report_type, data)  # type: ignore[attr-defined]
        group.command(name, cls=Command)(command)
        return build

    return register
