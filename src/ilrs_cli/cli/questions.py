"""What each command that answers with a report asks of the library, from its own options
(declared in report/commands.py): a function of the dataset (of nothing, for a command that
reads none) that returns the report.

Most commands pass their options to their answer (report/answers.py) as they are; the few
that read the command line's own conventions (level flags, `-` for standard input, files to
compare) say so below. The Typer commands and the fast answer path (`fast_answers`) both
call `ask`, so this module imports neither Typer, Click nor pydantic.
"""

from __future__ import annotations

from ..core.errors import QueryError
from . import inputs

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from ..core.records import Dataset
    from ..render import Report

    Answer = Callable[[Dataset], Report]  # what a command returns: how to answer
    DataFree = Callable[[], Report]  # the same, for a command that reads no dataset


def _members(values: dict[str, Any]) -> dict[str, Any]:
    """--national, --subnational, --organization and --affiliated are --level's values."""
    flags = [values.pop(name) for name in ("national", "subnational", "organization", "affiliated")]
    values["level"] = inputs.one_level(values["level"], *flags)
    return values


def _cite(values: dict[str, Any]) -> dict[str, Any]:
    """`-` among the ids reads more from standard input."""
    wanted = inputs.ids_from(values.pop("record_ids") or [])
    if not wanted and not values["every"]:
        raise QueryError(
            "id", "give at least one record id, `-` to read ids from standard input, or --all "
            "for every source",
        )  # fmt: skip
    return {"record_ids": wanted, "every": values["every"], "style": values["style"]}


# Commands whose options are not their answer's keywords as they are.
_ADAPT: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "members": _members,
    "cite": _cite,
}


def ask(name: str, answer: str, data: bool, values: dict[str, Any]) -> Any:
    """How to answer the command `name`, which the function `answer` of report/answers.py
    answers (of the dataset when `data`), asked with these values of its own options: an
    Answer, or for a command that reads no dataset a DataFree. Both paths name these from the
    command's declaration (report/commands.py; the fast path from its index)."""
    if name == "diff":
        from ..report.diff import diff

        paths, bundled = list(values["paths"] or []), values["bundled"]
        return lambda: diff(*inputs.diff_sides(paths, bundled))
    from ..report import answers

    adapt = _ADAPT.get(name)
    asked = adapt(dict(values)) if adapt is not None else dict(values)
    function = getattr(answers, answer)
    if not data:
        return lambda: function(**asked)
    return lambda dataset: function(dataset, **asked)
