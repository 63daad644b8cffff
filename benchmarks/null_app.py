"""The baseline for benchmarks/startup.py: a Typer app of the same shape as `ilrs` (the same
commands, options and annotations) whose commands print a constant and import nothing else.

Its cost is the floor for any Typer CLI of this shape. tests/test_benchmarks.py checks that
its commands and options stay in step with the real CLI.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer


class Level(str, Enum):
    NATIONAL = "national"
    SUBNATIONAL = "subnational"
    ORGANIZATION = "organization"
    AFFILIATED = "affiliated"


class MemberStatus(str, Enum):
    SIGNED = "signed"
    REPORTED = "reported"


def complete_constant(incomplete: str) -> list[tuple[str, str]]:
    return [(value, "") for value in ("Turkey", "TR") if value.startswith(incomplete)]


app = typer.Typer(name="ilrs", no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None)  # fmt: skip

JsonFlag = Annotated[bool, typer.Option("--json", help="JSON.")]
CsvFlag = Annotated[bool, typer.Option("--csv", help="CSV.")]
FieldsOption = Annotated[
    str | None, typer.Option("--fields", metavar="A,B,C", autocompletion=complete_constant)
]
SortOption = Annotated[str | None, typer.Option("--sort", metavar="FIELD")]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, metavar="N")]
CountryOption = Annotated[
    list[str] | None,
    typer.Option("--country", "-c", metavar="COUNTRY", autocompletion=complete_constant),
]
MissionOption = Annotated[list[str] | None, typer.Option("--mission", "-m", metavar="MISSION")]
FailEmptyFlag = Annotated[bool, typer.Option("--fail-empty")]
AsOfOption = Annotated[str | None, typer.Option("--as-of", metavar="DATE")]


class CiteFormat(str, Enum):
    TEXT = "text"
    BIBTEX = "bibtex"
    CSL_JSON = "csl-json"


def done(as_json: bool = False) -> None:
    """Print a constant; for a table, import what drawing one needs, as ilrs does."""
    if not as_json and os.environ.get("NULL_APP_TABLE"):
        import rich.console  # noqa: F401
        import rich.table  # noqa: F401
    print("[]" if as_json else "ok")


def _version(value: bool) -> None:
    if value:
        print("null 0")
        raise typer.Exit()


@app.callback()
def root(
    data: Annotated[Path | None, typer.Option("--data", envvar="ILRS_DATA", metavar="PATH")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    """Null."""


@app.command()
def payloads(
    ctx: typer.Context,
    country: CountryOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    sort: SortOption = None,
    limit: LimitOption = None,
    fail_empty: FailEmptyFlag = False,
) -> None:
    done(as_json)


@app.command()
def members(
    ctx: typer.Context,
    national: Annotated[bool, typer.Option("--national")] = False,
    subnational: Annotated[bool, typer.Option("--subnational")] = False,
    organization: Annotated[bool, typer.Option("--organization")] = False,
    affiliated: Annotated[bool, typer.Option("--affiliated")] = False,
    level: Annotated[Level | None, typer.Option("--level")] = None,
    status: Annotated[MemberStatus | None, typer.Option("--status")] = None,
    country: CountryOption = None,
    as_of: AsOfOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    sort: SortOption = None,
    limit: LimitOption = None,
    fail_empty: FailEmptyFlag = False,
) -> None:
    done(as_json)


@app.command()
def timeline(
    ctx: typer.Context,
    after: Annotated[str | None, typer.Option("--after", metavar="DATE")] = None,
    before: Annotated[str | None, typer.Option("--before", metavar="DATE")] = None,
    mission: MissionOption = None,
    as_of: AsOfOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    sort: SortOption = None,
    limit: LimitOption = None,
    fail_empty: FailEmptyFlag = False,
) -> None:
    done(as_json)


@app.command()
def mission(
    ctx: typer.Context,
    mission: MissionOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    fail_empty: FailEmptyFlag = False,
) -> None:
    done(as_json)


@app.command()
def countries(
    ctx: typer.Context,
    country: CountryOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    sort: SortOption = None,
    limit: LimitOption = None,
    fail_empty: FailEmptyFlag = False,
) -> None:
    done(as_json)


@app.command()
def show(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", autocompletion=complete_constant)],
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    done(as_json)


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT")],
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    fields: FieldsOption = None,
    limit: LimitOption = None,
    fail_empty: FailEmptyFlag = False,
) -> None:
    done(as_json)


def info(ctx: typer.Context, as_json: JsonFlag = False, as_csv: CsvFlag = False) -> None:
    done(as_json)


app.command("info")(info)
app.command("sources")(info)


@app.command()
def check(
    ctx: typer.Context,
    path: Annotated[Path | None, typer.Argument(metavar="[PATH]")] = None,
) -> None:
    done(True)


@app.command()
def cite(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", autocompletion=complete_constant)],
    style: Annotated[CiteFormat, typer.Option("--format")] = CiteFormat.TEXT,
) -> None:
    done(True)


@app.command("fields")
def list_fields(
    ctx: typer.Context,
    command: Annotated[str | None, typer.Argument(metavar="[COMMAND]")] = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    done(as_json)


if __name__ == "__main__":
    app(prog_name="ilrs")
