"""The errors of the library. None of them names a command-line option: the command line maps
`QueryError.argument` to its own flag names."""

from __future__ import annotations

from .tuples import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence


class IlrsError(Exception):
    """The base of every error `ilrs_cli` raises on purpose."""


class QueryError(IlrsError, ValueError):
    """A value given to a query that cannot be used, with what would be right.

    `argument` names the query argument, as the Python API spells it: "country", "mission",
    "fields", "sort", "after", "before", "as_of", "id", "text", "format", "command"."""

    def __init__(self, argument: str, message: str) -> None:
        super().__init__(message)
        self.argument = argument


class RecordNotFound(QueryError):
    """No record has the id asked for; `close` holds the nearest ids. `looked_for` says
    what else the text could have been: "a record id, a mission or a country"."""

    def __init__(self, record_id: str, close: list[str], looked_for: str = "") -> None:
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        missing = (
            f"{record_id!r} is not {looked_for}"
            if looked_for
            else f"no record with id {record_id!r}"
        )
        super().__init__("id", missing + hint)
        self.record_id = record_id
        self.close = close


class Problem(NamedTuple):
    """One problem (or warning) in a dataset file: its message, the record it is in as the
    report names it (`where`, with its line), and that record's table (`kind`: "payloads",
    "places", "dataset"), `id` (a place's name in [places]) and `line` where known;
    `other_line` is the line of the record a duplicate id repeats. `str()` is the report's
    line."""

    message: str
    where: str = ""
    kind: str | None = None
    id: str | None = None
    line: int | None = None
    other_line: int | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class DatasetError(IlrsError):
    """A dataset file that cannot be used, with every problem found in it: `problems` as
    the report's lines, `details` as Problems."""

    def __init__(self, path: str, problems: Sequence[str | Problem]) -> None:
        super().__init__(f"{path}: {len(problems)} problem(s)")
        self.path = path
        self.details = [Problem(p) if isinstance(p, str) else p for p in problems]
        self.problems = [str(problem) for problem in self.details]

    def report(self) -> str:
        """Every problem, a line each; file names and data in them are escaped, so no
        problem can add a line or reach the terminal raw."""
        from .safe_text import escape

        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{escape(self.path)}: {count} {noun}:"]
        lines.extend(f"  - {escape(problem)}" for problem in self.problems)
        return "\n".join(lines)


class CacheRefused(IlrsError):
    """The cache directory exists but is not one ilrs uses; the message names it and why."""


class TargetInTheWay(IlrsError, FileExistsError):
    """Something is where an export or a copy would be written. `replaceable` when it is
    what `force` may replace (an earlier export of ilrs, or a regular file); otherwise
    `in_the_way` lists what is there that ilrs did not write, which nothing replaces."""

    def __init__(self, target: str, in_the_way: list[str], replaceable: bool) -> None:
        if replaceable:
            message = f"{target} exists; use force to replace it"
        else:
            message = f"{target}: in the way, and never replaced: {', '.join(in_the_way)}"
        super().__init__(message)
        self.target = target
        self.in_the_way = in_the_way
        self.replaceable = replaceable


class WriteFailed(IlrsError, OSError):
    """An output file could not be written (a full disk, a directory that may not be written
    in, a working directory that is gone); `reason` says why."""

    def __init__(self, target: str, reason: str) -> None:
        super().__init__(f"cannot write {target}: {reason}")
        self.target = target
        self.reason = reason


class MissingExtra(IlrsError, ImportError):
    """A library that only some outputs need (an optional extra of ilrs-cli) is not
    installed; the message says what needs it and how to install it."""

    def __init__(self, what: str, library: str, extra: str) -> None:
        super().__init__(
            f"{what} needs {library}, which is not installed: pip install 'ilrs-cli[{extra}]'"
        )
        self.library = library
        self.extra = extra
