"""Cost grows linearly with the data: tens of thousands of affiliated members (once
quadratic: 44 s for 40,000) answer within a generous limit."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from ilrs_cli import api

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from make_dataset import affiliated_text  # noqa: E402


@pytest.mark.slow
def test_forty_thousand_affiliated_members(tmp_path: Path) -> None:
    path = tmp_path / "affiliated.toml"
    path.write_text(affiliated_text(40_000), encoding="utf-8")
    started = time.monotonic()
    data = api.load(path)
    members = api.members(dataset=data)
    countries = api.countries(dataset=data)
    elapsed = time.monotonic() - started
    assert len(members) == 40_001
    assert members[-1]["via"] == "ORG"
    assert all(entry["ilrs"] == [] for entry in countries)  # affiliated with no country
    assert elapsed < 60, elapsed  # about 5 s here; quadratic code took minutes
