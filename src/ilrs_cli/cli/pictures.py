"""The commands that draw: `ilrs chart ...`, `ilrs map` and `ilrs export html`. This module
is imported only when one of them is built (cli/lazy.py), and each imports the drawing
package (ilrs_cli.draw) inside the command."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..core.vocab import Level
from ..render.terminal import write_bytes, write_data, write_err
from . import inputs, reporting
from .click_classes import Command
from .output_options import ForceFlag, OutputOption
from .query_options import (
    CountryOption,
    DocumentedOption,
    EventsAfterOption,
    EventsBeforeOption,
    LevelsOption,
    MissionOption,
    RegionOption,
    RowsAfterOption,
    RowsBeforeOption,
    SignedAfterOption,
    SignedBeforeOption,
)

if TYPE_CHECKING:
    from ..core.records import Dataset

PNG_HELP = (
    "png: the picture at twice its size, its text in the bundled DejaVu Sans; needs "
    "pip install 'ilrs-cli[png]'. Default: png when FILE ends in .png, else svg."
)


class Counted(str, Enum):
    PAYLOADS = "payloads"
    MEMBERS = "members"
    TIMELINE = "timeline"
    COUNTRIES = "countries"
    SOURCES = "sources"


class PictureFormat(str, Enum):
    SVG = "svg"
    PNG = "png"


class MapFormat(str, Enum):
    SVG = "svg"
    PNG = "png"
    GEOJSON = "geojson"


FormatOption = Annotated[
    PictureFormat | None,
    typer.Option("--format", "-f", show_default=False, help=f"svg (a picture) or {PNG_HELP}"),
]


chart_app = typer.Typer(
    name="chart", no_args_is_help=True, rich_markup_mode=None,
    help="Charts as SVG or PNG: counts by a field, both camps' growth, the timeline. Each has "
    "a title, the as-of date and a source line; open it in a browser or put it in a page.",
)  # fmt: skip


def _deliver(ctx: typer.Context, data: str | bytes, output: Path | None, force: bool) -> None:
    """The picture (text, or a PNG's bytes) on standard output, or written whole to
    `output`."""
    if output is None:
        write_bytes(data) if isinstance(data, bytes) else write_data(data)
        return
    with reporting.user_errors(ctx):
        reporting.write_file(
            output, data if isinstance(data, bytes) else data.encode("utf-8"), force
        )


def _draw(ctx: typer.Context, make: Callable[[Dataset], str], output: Path | None,
          force: bool, fmt: Enum | None = None) -> None:  # fmt: skip
    """Draw the picture `make` gives as text (SVG, GeoJSON), and write it, or its PNG when
    `fmt` is png or, with no `fmt`, when `output` ends in .png."""
    png = fmt.value == "png" if fmt is not None else (
        output is not None and output.suffix.lower() == ".png")  # fmt: skip
    if png and output is None and sys.stdout.isatty():
        write_err("ilrs: error: a PNG is not shown on a terminal: write it to a file with "
                  "-o FILE.png (or redirect: > FILE.png)")  # fmt: skip
        raise typer.Exit(code=reporting.EXIT_USAGE)
    with reporting.user_errors(ctx):
        data: str | bytes = make(inputs.dataset_for(ctx))
        if png:
            from ..draw.png import png_bytes

            data = png_bytes(str(data))
    _deliver(ctx, data, output, force)


@chart_app.command("count-by", cls=Command)
def chart_count_by(
    ctx: typer.Context,
    field: Annotated[
        str,
        typer.Argument(
            metavar="FIELD",
            show_default=False,
            help="The field to count by, as --count-by takes it (`ilrs fields`).",
        ),
    ],  # fmt: skip
    of: Annotated[
        Counted,
        typer.Option("--of", help="The rows to count: those of this list command."),
    ] = Counted.PAYLOADS,
    country: CountryOption = None,
    region: RegionOption = None,
    mission: MissionOption = None,
    after: RowsAfterOption = None,
    before: RowsBeforeOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceFlag = False,
) -> None:
    """Bars of the rows of a list command counted by FIELD: the bar lengths are the counts
    `ilrs COMMAND --count-by FIELD` prints.

    \b
    Examples:
      ilrs chart count-by countries > partners.svg
      ilrs chart count-by level --of members -o levels.svg
      ilrs chart count-by year --of timeline --mission ILRS
      ilrs chart count-by level --of members --after 2023 --before 2024
      ilrs chart count-by countries -o partners.png
    """
    from ..core.errors import QueryError
    from ..report import answers

    def make(dataset: Dataset) -> str:
        from ..draw.charts import count_chart

        takes = {
            Counted.PAYLOADS: ("country", "region", "mission"),
            Counted.MEMBERS: ("country", "region", "after", "before"),
            Counted.TIMELINE: ("mission", "after", "before"),
            Counted.COUNTRIES: ("country", "region"),
            Counted.SOURCES: (),
        }[of]
        given = (("country", country), ("region", region), ("mission", mission),
                 ("after", after), ("before", before))  # fmt: skip
        for name, value in given:
            if value and name not in takes:
                raise QueryError(name, f"does not apply to --of {of.value}")
        listing = {
            Counted.PAYLOADS: lambda: answers.payloads(dataset, country, mission, region),
            Counted.MEMBERS: lambda: answers.members(
                dataset, country=country, region=region, after=after, before=before
            ),
            Counted.TIMELINE: lambda: answers.timeline(
                dataset, mission=mission, after=after, before=before
            ),
            Counted.COUNTRIES: lambda: answers.countries(dataset, country, region),
            Counted.SOURCES: lambda: answers.sources(dataset),
        }[of]()
        noun = "participants" if of is Counted.MEMBERS else "events" if of is Counted.TIMELINE \
            else of.value  # fmt: skip
        try:
            return count_chart(dataset, listing, field, noun).svg()
        except QueryError as error:
            raise QueryError("FIELD", str(error).removeprefix("count_by: ")) from None

    _draw(ctx, make, output, force, fmt)


@chart_app.command("growth", cls=Command)
def chart_growth(
    ctx: typer.Context,
    country: CountryOption = None,
    region: RegionOption = None,
    level: LevelsOption = None,
    documented: DocumentedOption = False,
    after: SignedAfterOption = None,
    before: SignedBeforeOption = None,
    per_year: Annotated[
        bool,
        typer.Option("--per-year", help="Bars of each year's signings, a group a year, both "
                     "camps side by side (the ILRS and Artemis columns of `ilrs growth`)."),
    ] = False,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceFlag = False,
) -> None:  # fmt: skip
    """Both camps' growth, the lines of `ilrs growth`: ILRS participants (national by
    default) and Artemis Accords signatories, cumulative at the end of each year; with
    --per-year, each year's signings as bars.

    \b
    Examples:
      ilrs chart growth > growth.svg
      ilrs chart growth --per-year --after 2020 -o per-year.png
      ilrs chart growth --level national --level organization --region Africa
      ilrs chart growth --documented
    """
    from ..report import answers

    def make(dataset: Dataset) -> str:
        from ..draw.charts import counted_levels, growth_chart, per_year_chart

        levels = list(level or [Level.NATIONAL])
        listing = answers.growth(dataset, country, region, levels, documented, after=after,
                                 before=before)  # fmt: skip
        chart = per_year_chart if per_year else growth_chart
        return chart(dataset, listing, counted_levels(levels, documented)).svg()

    _draw(ctx, make, output, force, fmt)


@chart_app.command("timeline", cls=Command)
def chart_timeline(
    ctx: typer.Context,
    after: EventsAfterOption = None,
    before: EventsBeforeOption = None,
    mission: MissionOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceFlag = False,
) -> None:  # fmt: skip
    """The events of `ilrs timeline` on a time axis, one a row: done ones filled, planned
    ones hollow; a date's bar spans every day it can mean (2028/2029, 2030s).

    \b
    Examples:
      ilrs chart timeline > timeline.svg
      ilrs chart timeline --mission Chang'e-8 --after 2023
    """
    from ..report import answers

    def make(dataset: Dataset) -> str:
        from ..draw.charts import timeline_chart

        listing = answers.timeline(dataset, after, before, mission)
        return timeline_chart(dataset, listing).svg()

    _draw(ctx, make, output, force, fmt)


map_app = typer.Typer(rich_markup_mode=None)
html_app = typer.Typer(rich_markup_mode=None)


@map_app.command("map", cls=Command)
def map_command(
    ctx: typer.Context,
    country: CountryOption = None,
    region: RegionOption = None,
    mission: MissionOption = None,
    documented: DocumentedOption = False,
    level: LevelsOption = None,
    fmt: Annotated[
        MapFormat | None,
        typer.Option(
            "--format",
            "-f",
            show_default=False,
            help=f"svg (a picture), geojson (for GIS tools) or {PNG_HELP}",
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceFlag = False,
) -> None:
    """A world map of ILRS participation (level; agreement documented or only reported) and
    Artemis Accords signatories, with a legend; small places (Hong Kong, Bahrain, Hawaii) as
    dots. With --country, --region or --mission only those places are coloured, and a region
    fills the frame. A place counts in a camp through the country it lies in (Hong Kong via
    China, Hawaii via the United States); --documented and --level narrow what counts.

    \b
    Examples:
      ilrs map > map.svg
      ilrs map --region Africa -o africa.svg
      ilrs map --mission Chang'e-8      # the payload partners' countries
      ilrs map --format geojson > ilrs.geojson
      ilrs map --documented --level national
      ilrs map -o map.png
    """

    def make(dataset: Dataset) -> str:
        from ..report.selection import map_selection

        selection = map_selection(dataset, country, region, mission, documented, level)
        if fmt is MapFormat.GEOJSON:
            from ..draw.geojson import geojson_text

            return geojson_text(dataset, selection)
        from ..draw.map import map_picture

        return map_picture(dataset, selection).svg()

    _draw(ctx, make, output, force, fmt)


@html_app.command("html", cls=Command)
def export_html(
    ctx: typer.Context,
    target: Annotated[
        Path,
        typer.Argument(metavar="TARGET", show_default=False,
                       help="A file ending in .html, or a directory to write index.html in."),
    ],
    force: ForceFlag = False,
) -> None:  # fmt: skip
    """One self-contained HTML page: the map, the charts, the tables and every citation. It
    loads nothing when opened (no network, no scripts, no fonts): mail it, or open it offline.

    \b
    Examples:
      ilrs export html ilrs-page            # writes ilrs-page/index.html
      ilrs export html chang8.html
    """

    def make(dataset: Dataset) -> str:
        from ..draw.page import page

        return page(dataset)

    path = target if target.suffix.lower() in (".html", ".htm") else target / "index.html"
    with reporting.user_errors(ctx):  # the page is made before anything is created
        text = make(inputs.dataset_for(ctx))
    if path is not target:
        with reporting.user_errors(ctx):
            from ..core.errors import DatasetError

            if target.exists() and not target.is_dir():
                raise DatasetError(str(target), [
                    "it is a file, not a directory: give a directory to write index.html in, "
                    "or a file name ending in .html"
                ])  # fmt: skip
            try:
                target.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise DatasetError(str(target), [error.strerror or str(error)]) from None
    _deliver(ctx, text, path, force)
