"""The README's examples are runs on the bundled data: a data release regenerates them. They
are made with the clock pinned to the as-of date, so that they read the same on any day."""

from __future__ import annotations

import datetime

import pytest

from ilrs_cli.api import load
from tests.test_readme import generator


@pytest.mark.parametrize("years_later", [0, 1, 10])
def test_readme_examples_match_the_bundled_data(
    years_later: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_of = load().info.as_of
    today = as_of + datetime.timedelta(days=365 * years_later)
    monkeypatch.setenv("ILRS_TODAY", today.isoformat())
    for path, (current, wanted) in generator().generated(code=False).items():
        assert current == wanted, f"{path.name} is stale; run: python scripts/make_docs.py"
        assert "ago;" not in wanted
