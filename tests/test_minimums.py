"""scripts/minimums.py gives CI the declared range: each dependency at its lower bound, and
the releases of Rich the range admits."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("minimums", ROOT / "scripts" / "minimums.py")
assert SPEC is not None and SPEC.loader is not None
minimums = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(minimums)

LISTING = """rich (15.1.0)
Available versions: 15.1.0, 15.0.0, 14.3.4, 14.3.0, 14.2.0, 13.9.4
"""


def _pyproject(tmp_path: Path, *dependencies: str) -> Path:
    path = tmp_path / "pyproject.toml"
    lines = "".join(f'  "{line}",\n' for line in dependencies)
    path.write_text(f'[project]\nname = "x"\ndependencies = [\n{lines}]\n', encoding="utf-8")
    return path


def test_each_dependency_is_pinned_at_its_lower_bound(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, "typer>=0.29.0,<0.30", "tomli >= 2.0.1", "Rich<15.1,>=14.3.0")
    assert minimums.pins(path) == ["typer==0.29.0", "tomli==2.0.1", "Rich==14.3.0"]


def test_the_script_prints_the_pins_of_pyproject() -> None:
    printed = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "minimums.py")],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    declared = minimums.requirements()
    assert [pin.split("==")[0] for pin in printed] == [r.name for r in declared]
    assert all(f"{r.name}=={minimums.lower_bound(r)}" in printed for r in declared)


def test_a_dependency_without_a_lower_bound_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="lower bound"):
        minimums.pins(_pyproject(tmp_path, "rich<15"))


def test_the_releases_in_range_are_those_the_range_admits(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, "rich>=14.3.0,<15.1")
    assert minimums.in_range("rich", LISTING, path) == ["14.3.0", "14.3.4", "15.0.0"]
    with pytest.raises(SystemExit):
        minimums.in_range("rich", "rich (15.0.0)\n", path)


def test_what_is_reproduced_byte_for_byte_has_an_upper_bound() -> None:
    """render/plain_table.py prints Rich's bytes, and the fast paths Typer's (Click vendored
    in Typer): a new release must reach CI before it reaches users."""
    declared = {r.name: r.specifier for r in minimums.requirements()}
    for name in ("typer", "rich"):
        assert any(spec.operator == "<" for spec in declared[name]), name
    assert "click" not in declared  # Typer vendors it; nothing of ilrs imports it


def test_the_pinned_extras_are_pinned_at_their_lower_bounds(tmp_path: Path) -> None:
    """`ilrs mcp`'s SDK is tested at its lower bound too; the other extras are not pinned."""
    path = _pyproject(tmp_path, "rich>=14.3.0")
    path.write_text(
        path.read_text(encoding="utf-8") + '[project.optional-dependencies]\n'
        'mcp = ["mcp>=2.0.0,<3"]\nxlsx = ["XlsxWriter>=3.0.2,<4"]\n', encoding="utf-8"
    )  # fmt: skip
    assert minimums.pins(path) == ["rich==14.3.0", "mcp==2.0.0"]
    assert "mcp==2.0.0" in subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "minimums.py")],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
