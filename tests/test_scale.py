"""Ten thousand affiliated members (once quadratic: 44 s for 40,000) give the right answers,
and a big file read back from the cache is the dataset its check built."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ilrs_cli import api

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from make_dataset import affiliated_text, dataset_text  # noqa: E402


@pytest.mark.slow
def test_ten_thousand_affiliated_members(tmp_path: Path) -> None:
    """Right answers at scale; how long they take is the benchmark's to measure (its
    "affiliated" case), and that each list is gone over a bounded number of times is
    tests/test_linear.py's."""
    path = tmp_path / "affiliated.toml"
    path.write_text(affiliated_text(10_000), encoding="utf-8")
    data = api.load(path)
    members = api.members(dataset=data)
    countries = api.countries(dataset=data)
    assert len(members) == 10_001
    assert sum(member["via"] == "ORG" for member in members) == 10_000
    assert all(entry["ilrs"] == [] for entry in countries)  # affiliated with no country


@pytest.mark.slow
def test_a_big_file_from_the_cache_is_the_checked_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ilrs_cli.load import builder, load_dataset, open_dataset

    monkeypatch.setenv("ILRS_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "big.toml"
    path.write_text(dataset_text(20_000), encoding="utf-8")
    checked = open_dataset(path)  # fills the cache
    monkeypatch.setattr(builder, "build_dataset", None)  # a hit builds nothing
    cached = open_dataset(path)
    assert cached == checked
    monkeypatch.undo()
    assert cached == load_dataset(path)
    assert len(cached.payloads) == 6_000
