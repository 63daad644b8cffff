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
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..render import formats_for, formats_help
from ..report.params import Command as Declared
from ..report.types import ReportType
from .click_classes import Command
from .completion import complete_fields, complete_sort


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
        help="Sort by this field; -FIELD sorts in reverse. Lists with a date are by date "
        "by default, undated rows last.",
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
# Where a command that can print its output writes it instead: the list commands (with a
# format for programs: json, csv, xlsx...) and the pictures.
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE", show_default=False,
        help="Write to FILE instead of standard output; an existing file is replaced only "
        "with --force.",
    ),
]  # fmt: skip

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
    ("output", OutputOption, None),
    ("force", ForceFlag, False),
)
# What each type of report takes: a listing every option, the others only a format (and the
# aliases of the formats they have).
SHAPING = frozenset({"fields", "sort", "limit", "count_by", "cumulative", "fail_empty"})
TO_A_FILE = frozenset({"output", "force"})


def _parameter(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                             annotation=annotation)  # fmt: skip


def output_parameters(report_type: ReportType, omit: frozenset[str]) -> list[inspect.Parameter]:
    """The output options a command of this report type takes, less those in `omit`."""
    formats = {fmt.value for fmt in formats_for(report_type)}
    dropped = set(omit)
    if report_type is not ReportType.LISTING:
        dropped |= SHAPING | TO_A_FILE
    dropped |= {"as_json"} - ({"as_json"} if "json" in formats else set())
    dropped |= {"as_csv"} - ({"as_csv"} if "csv" in formats else set())
    return [
        _parameter(name, annotation or _format_option(report_type), default)
        for name, annotation, default in OUTPUT_OPTIONS
        if name not in dropped
    ]


def answers_command(group: typer.Typer, declared: Declared) -> None:
    """Register the command that answers with a report as `declared` (report/commands.py):
    its own options, then the output options its type of report takes (less those it omits);
    it asks its question (`questions.ask`), reads the dataset and prints the answer."""
    from . import inputs, questions, reporting
    from .query_options import parameter

    own = [parameter(param) for param in declared.params]
    output = output_parameters(declared.report_type, declared.omit)
    names = [p.name for p in output]

    def command(ctx: typer.Context, **values: Any) -> None:
        shaping = {key: values.pop(key) for key in names}
        with reporting.user_errors(ctx):
            answer = questions.ask(declared.name, declared.answer, declared.data, values)
            make = (lambda: answer(inputs.dataset_for(ctx))) if declared.data else answer
            code = reporting.respond(make, declared.report_type, **shaping)
        if code:
            raise typer.Exit(code=code)

    context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                annotation=typer.Context)  # fmt: skip
    parameters = [context, *own, *output]
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in parameters}
    command.__doc__ = declared.help
    command.__name__ = declared.name
    command.answers = declared  # type: ignore[attr-defined]  # for scripts/make_answer_index.py
    group.command(declared.name, cls=Command)(command)
