"""The errors of the library. None of them names a command-line option: the command line maps
`QueryError.argument` to its own flag names."""

from __future__ import annotations


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
    """No record has the id asked for; `close` holds the nearest ids."""

    def __init__(self, record_id: str, close: list[str]) -> None:
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        super().__init__("id", f"no record with id {record_id!r}{hint}")
        self.record_id = record_id
        self.close = close


class DatasetError(IlrsError):
    """A dataset file that cannot be used, with every problem found in it."""

    def __init__(self, path: str, problems: list[str]) -> None:
        super().__init__(f"{path}: {len(problems)} problem(s)")
        self.path = path
        self.problems = problems

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


class NeedsExtra(IlrsError):
    """What was asked needs a library that is not installed; the message names the extra that
    installs it."""
