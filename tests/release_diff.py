"""`ilrs diff` between two released data files, grouped the way the release tests compare
them with the CHANGELOG (tests/test_data_diff_1_2.py, tests/test_data_diff_1_3.py)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from ilrs_cli.cli.app import app

Row = dict[str, str]


def diff_rows(old: Path, new: Path | None = None) -> list[Row]:
    """`ilrs diff --json` from old to new (to the bundled file when new is None)."""
    files = [str(old), str(new)] if new else ["--bundled", str(old)]
    result = CliRunner(env={"ILRS_DATA": None}).invoke(
        app, ["diff", *files, "--json"], prog_name="ilrs"
    )
    assert result.exit_code == 0, result.stderr
    return list(json.loads(result.stdout))


def added_ids(rows: list[Row]) -> dict[str, set[str]]:
    """The ids of the records added, by kind."""
    added: dict[str, set[str]] = {}
    for row in rows:
        if row["change"] == "added":
            added.setdefault(row["kind"], set()).add(row["id"])
    return added


def changed_fields(
    rows: list[Row], *, sources: bool = False, skip: frozenset[str] = frozenset()
) -> dict[tuple[str, str], set[str]]:
    """The fields changed, by (kind, id): of the sources alone, or of every other kind."""
    changed: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        if row["change"] != "changed" or (row["kind"] == "source") != sources:
            continue
        if row["field"] not in skip:
            changed.setdefault((row["kind"], row["id"]), set()).add(row["field"])
    return changed
