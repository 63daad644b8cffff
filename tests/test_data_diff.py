"""The bundled data's releases: `ilrs diff` from 1.0.0 and from 1.1.0 (each file as released,
kept as a fixture from git history) to this release shows exactly the records added and
removed, and the corrections the CHANGELOG names (tests/test_data_diff_1_2.py for 1.2.0)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ilrs_cli.core.kinds import KINDS
from ilrs_cli.load import load_dataset

from .conftest import Runner
from .runner import invoke

RELEASED = Path(__file__).parent / "fixtures" / "chang8-1.0.0.toml"


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    result = invoke(["diff", "--bundled", str(RELEASED), "--json"], {"ILRS_DATA": None})
    assert result.exit_code == 0, result.stderr
    return list(json.loads(result.stdout))


def test_added_and_removed_are_exactly_the_id_differences(rows: list[dict[str, str]]) -> None:
    old, new = load_dataset(RELEASED), load_dataset()
    for kind in KINDS:
        before = {r.id for r in getattr(old, kind.plural)}
        after = {r.id for r in getattr(new, kind.plural)}
        added = {r["id"] for r in rows if r["change"] == "added" and r["kind"] == kind.name}
        removed = {r["id"] for r in rows if r["change"] == "removed" and r["kind"] == kind.name}
        assert added == after - before, kind.name
        assert removed == before - after, kind.name


def test_the_changelogs_removals_and_corrections_show(rows: list[dict[str, str]]) -> None:
    def change(kind: str, record: str, field: str | None = None) -> dict[str, str]:
        return next(r for r in rows if (r["kind"], r["id"], r["field"]) == (kind, record, field))

    assert change("source", "brief-news-2025-04-25")["change"] == "removed"  # wrong partners
    assert change("source", "britishnewsagency-170")["change"] == "removed"  # a content farm
    url = change("source", "southasiatimes-rover", "url")  # the page's real address
    assert "chinas-change-8" in url["new"] and "chinas-change-8" not in url["old"]
    assert change("member", "apsco", "date")["new"] == "2023-04-25"  # dsel-tiandu-2023
    assert change("member", "djibouti")["change"] == "added"  # Roscosmos, April 2025
    assert change("dataset", "dataset", "version")["new"] == load_dataset().info.version


def test_the_table_shows_the_same_changes(ilrs: Runner) -> None:
    outcome = ilrs("diff", "--bundled", str(RELEASED), "--count-by", "change",
                   env={"ILRS_DATA": None})  # fmt: skip
    assert outcome.exit_code == 0 and "removed" in outcome.stdout
