"""The README's examples are runs on the bundled data: a data release regenerates them."""

from __future__ import annotations

from tests.test_readme import generator


def test_readme_examples_match_the_bundled_data() -> None:
    for path, (current, wanted) in generator().generated(code=False).items():
        assert current == wanted, f"{path.name} is stale; run: python scripts/make_docs.py"
