"""The README's examples are runs on the bundled data: a data release regenerates them."""

from __future__ import annotations

from tests.test_readme import ROOT, generator


def test_readme_examples_match_the_bundled_data() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == generator().updated_readme(readme, code=False), (
        "README.md's examples are stale; run: python scripts/cli_reference.py"
    )
