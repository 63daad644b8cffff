"""The options and arguments that say what a command is asked, as Typer's annotations: each
made from its one declaration in report/commands.py. The output options are in
`output_options`."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Annotated, Any

import typer

from ..report.params import (
    CAMP_LEVEL,
    COUNTRY,
    DOCUMENTED,
    EVENTS_AFTER,
    EVENTS_BEFORE,
    MISSION,
    REGION,
    ROWS_AFTER,
    ROWS_BEFORE,
    SIGNED_AFTER,
    SIGNED_BEFORE,
    Param,
)
from . import completion


def _value_type(param: Param) -> Any:
    """The type Typer parses the value into."""
    one: Any = {"text": str, "texts": str, "date": str, "flag": bool, "paths": Path}.get(
        param.kind, param.choices
    )
    if param.kind in ("texts", "choices", "paths"):
        one = list[one]
    return one if param.required or param.kind == "flag" else one | None


def annotation(param: Param) -> Any:
    """The Annotated type of a parameter: its value type and its typer.Option or Argument."""
    info: dict[str, Any] = {"help": param.help}
    if param.metavar is not None:
        info["metavar"] = param.metavar
    if param.complete is not None:
        info["autocompletion"] = getattr(completion, param.complete)
    if param.kind != "flag":
        info["show_default"] = False
    made = typer.Option(*param.flags, **info) if param.flags else typer.Argument(**info)
    return Annotated[_value_type(param), made]


def parameter(param: Param) -> inspect.Parameter:
    """The keyword parameter of a command function that Typer reads this one from."""
    default: Any = inspect.Parameter.empty if param.required else None
    if param.kind == "flag":
        default = False
    return inspect.Parameter(param.name, inspect.Parameter.KEYWORD_ONLY, default=default,
                             annotation=annotation(param))  # fmt: skip


# The place, mission and date options the drawing commands (cli/pictures.py) take as well.
# Type checkers see the types of their values; Typer reads the annotations made from them.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..core.vocab import Level

    CountryOption = list[str] | None
    RegionOption = str | None
    MissionOption = list[str] | None
    SignedAfterOption = str | None
    SignedBeforeOption = str | None
    EventsAfterOption = str | None
    EventsBeforeOption = str | None
    RowsAfterOption = str | None
    RowsBeforeOption = str | None
    LevelsOption = list[Level] | None
    DocumentedOption = bool
else:
    CountryOption = annotation(COUNTRY)
    RegionOption = annotation(REGION)
    MissionOption = annotation(MISSION)
    SignedAfterOption = annotation(SIGNED_AFTER)
    SignedBeforeOption = annotation(SIGNED_BEFORE)
    EventsAfterOption = annotation(EVENTS_AFTER)
    EventsBeforeOption = annotation(EVENTS_BEFORE)
    RowsAfterOption = annotation(ROWS_AFTER)
    RowsBeforeOption = annotation(ROWS_BEFORE)
    LevelsOption = annotation(CAMP_LEVEL)
    DocumentedOption = annotation(DOCUMENTED)
