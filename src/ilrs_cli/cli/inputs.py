"""Turning what the user typed into what the answers take: the dataset to read, the output
format, the level, the ids, the two sides of a diff. Bad values raise QueryError (a usage error)."""

from __future__ import annotations

from ..core.errors import QueryError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from os import PathLike
    from pathlib import Path

    import typer

    from ..core.records import Dataset
    from ..core.vocab import Level
    from ..render import Format


def data_path(ctx: typer.Context) -> Path | None:
    """The --data option (or ILRS_DATA), read from the root command: also while completing."""
    from pathlib import Path  # Typer has imported it

    value = ctx.find_root().params.get("data")
    return value if isinstance(value, Path) else None


def dataset_for(ctx: typer.Context) -> Dataset:
    """The dataset named by --data or ILRS_DATA, else the bundled one."""
    return dataset_at(data_path(ctx))


def dataset_at(path: str | PathLike[str] | None) -> Dataset:
    """The dataset at `path`, else the bundled one; a warning when the cache directory exists
    but is not safe to use. The dataset lives as long as the process, so it is frozen out of
    the garbage collector's passes: the answer's own collections no longer walk every record
    (a fifth of the time of an answer on 100,000 records)."""
    import gc

    from ..core.safe_text import escape
    from ..load import open_dataset
    from ..load.cache import refusal
    from ..render.terminal import write_err

    dataset = open_dataset(path)
    gc.freeze()
    problem = refusal()
    if problem is not None:
        write_err(f"ilrs: warning: {escape(problem)}")
    return dataset


def output_format(
    default: Format, chosen: Format | None, as_json: bool = False, as_csv: bool = False
) -> Format:
    """--format, or its aliases --json and --csv; `default` when none is given."""
    from ..render import Format

    given = [fmt for fmt, on in ((chosen, chosen is not None), (Format.JSON, as_json),
                                 (Format.CSV, as_csv)) if on]  # fmt: skip
    if len(set(given)) > 1:
        raise QueryError("format", "choose one output format, not several")
    return given[0] if given and given[0] is not None else default


def output_file(
    fmt: Format, offered: list[Format], output: str | PathLike[str] | None
) -> Path | None:
    """The file --output names; None for standard output. A format for people (a table) is
    never written to a file, nor a binary one (a workbook) to a terminal: a pipe takes its
    bytes (`> answer.xlsx`)."""
    import sys

    from ..render import FORMATS

    spec = FORMATS[fmt]
    if output is None:
        if spec.binary and sys.stdout.isatty():
            raise QueryError(
                "format", f"{fmt.value} is a binary file, which a terminal cannot show: add "
                f"-o FILE (--output answer.{fmt.value}), or redirect standard output to a file"
            )  # fmt: skip
        return None
    if not spec.machine:
        files = ", ".join(f.value for f in offered if FORMATS[f].machine)
        raise QueryError(
            "output", f"a {fmt.value} is for reading on a terminal; to write a file, choose "
            f"its format with --format: {files}"
        )  # fmt: skip
    from pathlib import Path

    return Path(output)


def one_level(level: Level | None, national: bool, subnational: bool, organization: bool,
              affiliated: bool) -> Level | None:  # fmt: skip
    """The one level --level or a level flag (--national, ...) asks for, if any."""
    from ..core.vocab import Level

    flags = {Level.NATIONAL: national, Level.SUBNATIONAL: subnational,
             Level.ORGANIZATION: organization, Level.AFFILIATED: affiliated}  # fmt: skip
    chosen = {flag for flag, on in flags.items() if on} | ({level} if level else set())
    if len(chosen) > 1:
        names = ", ".join(sorted(chosen_level.value for chosen_level in chosen))
        raise QueryError("levels", f"choose one level, not several ({names})")
    return chosen.pop() if chosen else None


def diff_sides(paths: list[Path], bundled: bool) -> tuple[Dataset, Dataset, str, str]:
    """The OLD and NEW datasets of `diff`, with their names: two files, or one file (OLD) and
    the bundled dataset (NEW)."""
    from ..load import load_dataset

    if len(paths) != (1 if bundled else 2):
        wanted = "one file (OLD) with --bundled" if bundled else "two files, OLD and NEW"
        raise QueryError("paths", f"give {wanted}")
    old = load_dataset(paths[0])
    new = load_dataset(None) if bundled else load_dataset(paths[1])
    new_name = "the bundled chang8.toml" if bundled else str(paths[1])
    return old, new, str(paths[0]), new_name


def ids_from(given: list[str]) -> list[str]:
    """The ids given, with `-` replaced by the lines of standard input; each stripped (a CSV
    line end or stray space never reaches the lookup), blank lines skipped. Standard input
    gives at most MAX_STDIN_IDS ids, and is never read further than they can reach."""
    import sys

    from ..report.params import MAX_STDIN_IDS

    most_chars = MAX_STDIN_IDS * 202  # each at most MAX_ID characters, with its line end

    ids: list[str] = []
    for value in given:
        if value != "-":
            ids.append(value.strip())
            continue
        if sys.stdin is None or sys.stdin.closed:
            raise QueryError("id", "`-` reads ids from standard input, which is closed")
        text = sys.stdin.read(most_chars + 1)
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if len(text) > most_chars or len(ids) + len(lines) > MAX_STDIN_IDS:
            raise QueryError(
                "id", f"`-` reads at most {MAX_STDIN_IDS:,} ids from standard input "
                f"({most_chars:,} characters); give fewer, or cite them in parts"
            )  # fmt: skip
        ids += lines
    return ids
