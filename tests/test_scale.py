"""Ten thousand affiliated members (once quadratic: 44 s for 40,000) give the right answers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ilrs_cli import api

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from make_dataset import affiliated_text  # noqa: E402


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
    assert members[-1]["via"] == "ORG"
    assert all(entry["ilrs"] == [] for entry in countries)  # affiliated with no country
