"""Completion candidates, as (value, help) pairs: the one definition that both Typer's
completion callbacks and the fast completion path (`cli/fast_completion.py`) use. Imports no
Typer, Click or Rich; any failure to read the dataset completes nothing.

Values keep what was typed (shells, and Typer, keep only candidates that start with it). They
are plain: the bash script that ilrs installs quotes each one as bash inserts it
(`cli/completion.py`), so `Hong Kong` arrives as one word.

A dataset is untrusted, and a shell evaluates what completion prints (zsh's `_arguments` runs
`eval` on it; an older bash script globs it). So a candidate is offered only when no shell can
be made to run or expand it (`offered`): its value and help text hold no control, invisible
or line-breaking character and no backslash (which undoes zsh's escaping of `$` and `` ` ``),
and its value no glob character (`*`, `?`, `[`). Anything else is dropped, never escaped."""

from __future__ import annotations

import os
import re

from ..core.safe_text import is_plain

TYPE_CHECKING = False
if TYPE_CHECKING:
    from os import PathLike

    from ..query.completion_names import Names

Candidates = list[tuple[str, str]]
MAX_COMPLETION_BYTES = 1024 * 1024  # ten times the bundled dataset


_GLOB = re.compile(r"[*?\[]")


def _shell_safe(text: str) -> bool:
    return "\\" not in text and is_plain(text)


def offered(found: Candidates) -> Candidates:
    """The candidates no shell can be made to run or expand (see the module's docstring)."""
    return [
        (value, help_text)
        for value, help_text in found
        if _shell_safe(value) and _shell_safe(help_text) and not _GLOB.search(value)
    ]


def _typed(value: str, incomplete: str) -> str:
    """`value` with the part the user typed kept as typed."""
    return incomplete + value[len(incomplete) :]


def names(path: str | PathLike[str] | None) -> Names | None:
    """What completion offers from the dataset at `path` (the bundled one by default): from
    the cache when the file's content is unchanged, else from the dataset itself, checked,
    and then kept. None when the dataset cannot be used, or is over MAX_COMPLETION_BYTES:
    a Tab gives up at once rather than parse a large, untrusted file."""
    from ..core.errors import IlrsError
    from ..load.cache import content_key, read_document, write_document
    from ..load.reader import bundled_path, read_bytes

    file = os.fspath(path) if path is not None else bundled_path()
    try:
        if path is not None and os.stat(file).st_size > MAX_COMPLETION_BYTES:
            return None  # a Tab never waits for a large file to be parsed
        key = content_key(read_bytes(file, str(file)))
        kept = read_document(file, key, "names")
        found = _names_from(kept) if kept is not None else None
        if found is None:
            from ..load import open_dataset
            from ..query.completion_names import names_of

            found = names_of(open_dataset(path))
            write_document(file, key, found.to_json(), "names")
    except (IlrsError, OSError, RecursionError, ValueError):
        return None
    return found


def _names_from(kept: dict[str, object]) -> Names | None:
    from ..query.completion_names import Names

    return Names.from_json(kept)


def countries(known: Names | None, incomplete: str) -> Candidates:
    """Names in the data that start with what was typed, in any case, and ISO codes once an
    upper-case letter is typed."""
    if known is None:
        return []
    typed = incomplete.casefold()
    found: Candidates = []
    for name, code in known.places:
        if name.casefold().startswith(typed):
            found.append((_typed(name, incomplete), code))
        if incomplete and code.startswith(incomplete):
            found.append((code, name))
    return offered(found)


def ids(known: Names | None, incomplete: str) -> Candidates:
    if known is None:
        return []
    return offered(
        [
            (record_id, f"{kind}: {title}"[:60])
            for kind, record_id, title in known.records
            if record_id.startswith(incomplete)
        ]
    )


def missions(known: Names | None, incomplete: str) -> Candidates:
    if known is None:
        return []
    typed = incomplete.casefold()
    return offered(
        [
            (_typed(name, incomplete), "mission")
            for name in known.missions
            if name.casefold().startswith(typed)
        ]
    )


def list_fields(command: str) -> Candidates:
    """The fields a list command prints (never its table-only columns), with their help: from
    the registry of commands. The fast completion path has them in its index."""
    from ..report.commands import COLUMNS_BY_COMMAND

    columns = COLUMNS_BY_COMMAND.get(command, ())
    return [(column.name, column.help) for column in columns if not column.table_only]


def fields(command: str, incomplete: str, known: Candidates | None = None) -> Candidates:
    """Field names of a list command, after any already chosen: `name,da` -> `name,date`."""
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    chosen = set(done.split(","))
    return [
        (prefix + name, help_)
        for name, help_ in (list_fields(command) if known is None else known)
        if name.startswith(last) and name not in chosen
    ]


def sort_fields(command: str, incomplete: str, known: Candidates | None = None) -> Candidates:
    """A field of a list command, or -field for the reverse order."""
    sign = "-" if incomplete.startswith("-") else ""
    last = incomplete.removeprefix("-")
    return [
        (sign + name, help_)
        for name, help_ in (list_fields(command) if known is None else known)
        if name.startswith(last)
    ]


def list_commands(incomplete: str, known: list[str] | None = None) -> Candidates:
    if known is None:
        from ..report.commands import COLUMNS_BY_COMMAND

        known = list(COLUMNS_BY_COMMAND)
    return [(name, "list command") for name in known if name.startswith(incomplete)]


def regions(incomplete: str) -> Candidates:
    from ..core.regions import region_help, region_names

    typed = incomplete.casefold()
    return [
        (_typed(name, incomplete), region_help(name))
        for name in region_names()
        if name.casefold().startswith(typed)
    ]
