"""ilrs diff on small fixtures: added, removed and changed records, field by field."""

from __future__ import annotations

from pathlib import Path

from .conftest import Runner
from .test_loader import VALID, write


def test_diff_reports_each_change_once(ilrs: Runner, tmp_path: Path) -> None:
    old = write(tmp_path, VALID, "old.toml")
    new_text = (
        VALID.replace('name = "A rover"', 'name = "A better rover"')
        .replace('id = "turkey"', 'id = "turkiye"')
        .replace('version = "0.0.1"', 'version = "0.0.2"')
    )
    new = write(tmp_path, new_text, "new.toml")
    rows = ilrs("diff", str(old), str(new), "--json").json()
    summary = {(r["change"], r["kind"], r["id"], r["field"]) for r in rows}
    assert ("changed", "payload", "rover", "name") in summary
    assert ("removed", "member", "turkey", None) in summary
    assert ("added", "member", "turkiye", None) in summary
    assert ("changed", "dataset", "dataset", "version") in summary
    changed = next(r for r in rows if r["field"] == "name")
    assert (changed["old"], changed["new"]) == ("A rover", "A better rover")
    assert ilrs("diff", str(old), str(old), "--json").json() == []


def test_diff_with_the_bundled_file_and_bad_arguments(ilrs: Runner, tmp_path: Path) -> None:
    old = write(tmp_path, VALID)
    outcome = ilrs("diff", "--bundled", str(old), "--count-by", "change", "--json")
    assert outcome.exit_code == 0
    assert {row["change"] for row in outcome.json()} >= {"added", "removed"}
    assert ilrs("diff", str(old)).exit_code == 2
    assert ilrs("diff", "--bundled", str(old), str(old)).exit_code == 2
