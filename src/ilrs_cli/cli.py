"""The command line: parse options, then delegate to queries, views and renderers."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from . import __version__
from .errors import InputError
from .loader import DatasetError, load_dataset
from .model import Dataset, Level, MemberStatus
from .render import OutputFormat, render
from .terminal import write_err, write_out
from .views import Listing

if TYPE_CHECKING:
    from .countries import Country
    from .dates import FuzzyDate

app = typer.Typer(
    name="ilrs",
    help="Sourced answers about China's Chang'e-8 international payloads and the "
    "International Lunar Research Station (ILRS).\n\n"
    "Exit codes: 0 ok (an empty result is ok), 1 data or runtime error, 2 usage error.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

JsonFlag = Annotated[
    bool, typer.Option("--json", help="Print a JSON array (plain json.dumps) instead of a table.")
]
CountryOption = Annotated[
    list[str] | None,
    typer.Option(
        "--country",
        "-c",
        metavar="COUNTRY",
        help="Country or region: name, alternative name or ISO 3166 code "
        "(Turkey, Türkiye, TR, TUR). Repeat for any of several.",
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        write_out(f"ilrs {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Sourced answers about Chang'e-8's international payloads and the ILRS."""


@contextmanager
def _user_errors(ctx: typer.Context) -> Iterator[None]:
    """Bad input exits 2 with what would be right; a bad dataset exits 1 with every problem."""
    try:
        yield
    except InputError as error:
        raise typer.BadParameter(str(error), ctx=ctx, param_hint=f"'{error.option}'") from None
    except DatasetError as error:
        write_err(f"ilrs: error: {error.report()}")
        raise typer.Exit(code=1) from None


def _emit(listing: Listing, as_json: bool) -> None:
    if not listing.items and not as_json:
        write_err(f"ilrs: {listing.empty_note}")
        return
    write_out(render(listing, OutputFormat.JSON if as_json else OutputFormat.TABLE))


def _countries(dataset: Dataset, given: list[str] | None) -> list[Country]:
    from .countries import resolve_country

    return [resolve_country(text, dataset.places) for text in given or []]


def _scope(countries: list[Country]) -> str:
    return " from " + " or ".join(country.name for country in countries) if countries else ""


@app.command()
def payloads(
    ctx: typer.Context,
    country: CountryOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List the international payloads selected for Chang'e-8.

    A payload matches --country when any of its partner institutions is from there.

    \b
    Examples:
      ilrs payloads --country Turkey
      ilrs payloads -c Egypt -c Bahrain --json
    """
    from .queries import payloads_from
    from .views import payloads_listing

    with _user_errors(ctx):
        dataset = load_dataset()
        countries = _countries(dataset, country)
        found = payloads_from(dataset, countries)
        _emit(payloads_listing(dataset, found, _scope(countries)), as_json)


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
    as_json: JsonFlag = False,
) -> None:
    """List ILRS participants: level, status and signing date.

    \b
    Examples:
      ilrs members --national
      ilrs members --affiliated --json
    """
    from .queries import members_matching
    from .views import members_listing

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
    with _user_errors(ctx):
        dataset = load_dataset()
        countries = _countries(dataset, country)
        found = members_matching(dataset, wanted, status, countries)
        parts = [part.value for part in (wanted, status) if part is not None]
        scope = (" (" + ", ".join(parts) + ")" if parts else "") + _scope(countries)
        _emit(members_listing(dataset, found, scope), as_json)


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
    mission: Annotated[
        list[str] | None,
        typer.Option(
            "--mission",
            "-m",
            metavar="MISSION",
            help="Only this mission: Chang'e-7, Chang'e-8 or ILRS (CE-8 and change8 work "
            "too). Repeat for any of several.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """List dated events: selection, ILRS signings, launches.

    Dates keep their precision (2026, 2028/2029, 2030s). A date that is a span matches
    --after and --before when any part of it does, so "2028/2029" is on or after 2029.

    \b
    Examples:
      ilrs timeline --after 2025 --mission Chang'e-8
      ilrs timeline --json | jq '.[].event'
    """
    from .queries import events_between, resolve_mission
    from .views import timeline_listing

    with _user_errors(ctx):
        start = _date_option(after, "--after")
        end = _date_option(before, "--before")
        dataset = load_dataset()
        missions = [resolve_mission(dataset, text) for text in mission or []]
        found = events_between(dataset, start, end, missions)
        scope = (
            (" for " + " or ".join(missions) if missions else "")
            + (f" from {after}" if after else "")
            + (f" to {before}" if before else "")
        )
        _emit(timeline_listing(dataset, found, scope), as_json)


def _date_option(text: str | None, option: str) -> FuzzyDate | None:
    from .dates import parse_point

    if text is None:
        return None
    try:
        return parse_point(text)
    except ValueError as error:
        raise InputError(option, str(error)) from None


def main() -> None:
    """Console entry point: no traceback ever reaches the user."""
    try:
        app()
    except KeyboardInterrupt:
        write_err("ilrs: interrupted")
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last line of defence
        write_err(f"ilrs: internal error: {type(error).__name__}: {error}")
        write_err("ilrs: this is a bug; please report it with the command you ran")
        sys.exit(1)
