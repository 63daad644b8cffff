"""`ilrs check`: every problem of a dataset file, and its warnings, as lines on stderr for
people or as one JSON object on stdout for a fork's CI (docs/dataset.md has its keys)."""

from __future__ import annotations

from enum import Enum

from ..core.errors import DatasetError, Problem
from ..core.safe_text import escape
from ..render.terminal import write_data, write_err, write_out
from . import reporting

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from ..core.records import Dataset


class CheckFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


def check(path: Path | None, strict: bool, fmt: CheckFormat) -> int:
    """Check the file at `path` (the bundled one for None), report, and return the exit
    code: 0 clean, 1 with problems, or with warnings and `strict`."""
    from ..load import check_dataset

    try:
        dataset, warnings = check_dataset(path)
    except DatasetError as error:
        if fmt is CheckFormat.TEXT:
            return reporting.error_exit_code(error) or reporting.EXIT_DATA_ERROR
        _write_json(error.path, error.details, [])
        return reporting.EXIT_DATA_ERROR
    warnings += _unused_sources(dataset)
    failed = bool(warnings) and strict
    if fmt is CheckFormat.JSON:
        _write_json(dataset.path, [], warnings, failed)
        return reporting.EXIT_DATA_ERROR if failed else 0
    for warning in warnings:
        write_err(escape(f"ilrs: warning: {dataset.path}: {warning}"))
    if failed:
        write_err(f"ilrs: error: {len(warnings)} warnings, and --strict makes them problems")
        return reporting.EXIT_DATA_ERROR
    from ..query.figures import contents

    as_of = dataset.info.as_of
    write_out(escape(f"{dataset.path}: ok, no problems in {contents(dataset)}; as of {as_of}"))
    return 0


def _unused_sources(dataset: Dataset) -> list[Problem]:
    from ..query.figures import unused_sources

    return [
        Problem(f"source {key!r} is not cited by any record", kind="sources", id=key)
        for key in unused_sources(dataset)
    ]


def _write_json(
    file: str, errors: list[Problem], warnings: list[Problem], strict_failed: bool = False
) -> None:
    from ..core.safe_text import json_safe
    from ..render.json import dumps

    items = [_item(file, "error", problem) for problem in errors]
    items += [_item(file, "warning", problem) for problem in warnings]
    report = {
        "file": file,
        "ok": not errors and not strict_failed,
        "errors": len(errors),
        "warnings": len(warnings),
        "problems": items,
    }
    write_data(json_safe(dumps(report, False)))


def _item(file: str, severity: str, problem: Problem) -> dict[str, Any]:
    return {
        "file": file,
        "severity": severity,
        "kind": problem.kind,
        "id": problem.id,
        "line": problem.line,
        "other_line": problem.other_line,
        "message": problem.message,
        "text": str(problem),
    }
