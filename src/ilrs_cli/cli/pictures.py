"""The commands that draw: `ilrs chart ...`, `ilrs map` and `ilrs export html`. This module
is imported only when one of them is built (cli/lazy.py), and each imports the drawing
package (ilrs_cli.draw) inside the command."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..core.vocab import Level
from ..render.terminal import write_data
from . import inputs, reporting
from .click_classes import Command
from .output_options import ForceFlag, OutputOption
from .query_options import CountryOption, MissionOption, RegionOption

if TYPE_CHECKING:
    from ..core.records import Dataset


class Counted(str, Enum):
    PAYLOADS = "payloads"
    MEMBERS = "members"
    TIMELINE = "timeline"
    COUNTRIES = "countries"
    SOURCES = "sources"


class MapFormat(str, Enum):
    SVG = "svg"
    GEOJSON = "geojson"


chart_app = typer.Typer(
    name="chart", no_args_is_help=True, rich_markup_mode=None,
    help="Charts as SVG: counts by a field, both camps' growth, the timeline. Each has a "
    "title, the as-of date and a source line; open it in a browser or put it in a page.",
)  # fmt: skip


def _deliver(ctx: typer.Context, text: str, output: Path | None, force: bool) -> None:
    """The picture on standard output, or written whole to `output`."""
    if output is None:
        write_data(text)
        return
    with reporting.user_errors(ctx):
        reporting.write_file(output, text.encode("utf-8"), force)


def _draw(ctx: typer.Context, make: Callable[[Dataset], str], output: Path | None,
          force: bool) -> None:  # fmt: skip
    with reporting.user_errors(ctx):
        text = make(inputs.dataset_for(ctx))
    _deliver(ctx, text, output, force)


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
    """
    from ..core.errors import QueryError
    from ..report import answers

    def make(dataset: Dataset) -> str:
        from ..draw.charts import count_chart

        takes = {
            Counted.PAYLOADS: ("country", "region", "mission"),
            Counted.MEMBERS: ("country", "region"),
            Counted.TIMELINE: ("mission",),
            Counted.COUNTRIES: ("country", "region"),
            Counted.SOURCES: (),
        }[of]
        for name, value in (("country", country), ("region", region), ("mission", mission)):
            if value and name not in takes:
                raise QueryError(name, f"does not apply to --of {of.value}")
        listing = {
            Counted.PAYLOADS: lambda: answers.payloads(dataset, country, mission, region),
            Counted.MEMBERS: lambda: answers.members(dataset, country=country, region=region),
            Counted.TIMELINE: lambda: answers.timeline(dataset, mission=mission),
            Counted.COUNTRIES: lambda: answers.countries(dataset, country, region),
            Counted.SOURCES: lambda: answers.sources(dataset),
        }[of]()
        noun = "participants" if of is Counted.MEMBERS else "events" if of is Counted.TIMELINE \
            else of.value  # fmt: skip
        try:
            return count_chart(dataset, listing, field, noun).svg()
        except QueryError as error:
            raise QueryError("FIELD", str(error).removeprefix("count_by: ")) from None

    _draw(ctx, make, output, force)


@chart_app.command("growth", cls=Command)
def chart_growth(
    ctx: typer.Context,
    country: CountryOption = None,
    region: RegionOption = None,
    level: Annotated[
        list[Level] | None,
        typer.Option("--level", metavar="LEVEL", show_default=False,
                     help="ILRS participants of this level (default national); repeat for "
                     "several."),
    ] = None,
    output: OutputOption = None,
    force: ForceFlag = False,
) -> None:  # fmt: skip
    """Both camps' growth, the lines of `ilrs growth`: ILRS participants (national by
    default) and Artemis Accords signatories, cumulative at the end of each year.

    \b
    Examples:
      ilrs chart growth > growth.svg
      ilrs chart growth --level national --level organization --region Africa
    """
    from ..report import answers

    def make(dataset: Dataset) -> str:
        from ..draw.charts import counted_levels, growth_chart

        levels = list(level or [Level.NATIONAL])
        listing = answers.growth(dataset, country, region, levels)
        return growth_chart(dataset, listing, counted_levels(levels)).svg()

    _draw(ctx, make, output, force)


@chart_app.command("timeline", cls=Command)
def chart_timeline(
    ctx: typer.Context,
    after: Annotated[
        str | None,
        typer.Option("--after", metavar="DATE", show_default=False,
                     help="Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    ] = None,
    before: Annotated[
        str | None,
        typer.Option("--before", metavar="DATE", show_default=False,
                     help="Only events on or before this date."),
    ] = None,
    mission: MissionOption = None,
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

    _draw(ctx, make, output, force)


map_app = typer.Typer(rich_markup_mode=None)
html_app = typer.Typer(rich_markup_mode=None)


@map_app.command("map", cls=Command)
def map_command(
    ctx: typer.Context,
    country: CountryOption = None,
    region: RegionOption = None,
    mission: MissionOption = None,
    fmt: Annotated[
        MapFormat,
        typer.Option("--format", "-f", help="svg (a picture) or geojson (for GIS tools)."),
    ] = MapFormat.SVG,
    output: OutputOption = None,
    force: ForceFlag = False,
) -> None:
    """A world map of ILRS participation (level; agreement documented or only reported) and
    Artemis Accords signatories, with a legend; small places (Hong Kong, Bahrain, Hawaii) as
    dots. With --country, --region or --mission only those places are coloured, and a region
    fills the frame.

    \b
    Examples:
      ilrs map > map.svg
      ilrs map --region Africa -o africa.svg
      ilrs map --mission Chang'e-8      # the payload partners' countries
      ilrs map --format geojson > ilrs.geojson
    """

    def make(dataset: Dataset) -> str:
        from ..report.selection import map_selection

        selection = map_selection(dataset, country, region, mission)
        if fmt is MapFormat.GEOJSON:
            from ..draw.geojson import geojson_text

            return geojson_text(dataset, selection)
        from ..draw.map import map_picture

        return map_picture(dataset, selection).svg()

    _draw(ctx, make, output, force)


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
