"""The declared dependency range, read from pyproject.toml, for CI to install.

    python scripts/minimums.py      # each dependency at its lower bound: typer==0.29.0
    pip index versions rich | python scripts/minimums.py --in-range rich
                                    # the releases listed that the declared range admits

Every dependency in [project].dependencies, and in the extras of PINNED_EXTRAS, must have
a lower bound (`>=`); CI installs exactly those (`.ci/run`, "The fast tier at the declared
minimums"), and every release of Rich the range admits, for render/plain_table.py, which
prints Rich's bytes. Needs `packaging` (pip's and build's dependency) and, before Python
3.11, `tomli` (ilrs's).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
# The optional extras CI also installs at their lower bounds (the test dependencies install
# every extra): `mcp`, whose SDK `ilrs mcp` serves with (tests/test_mcp.py).
PINNED_EXTRAS = ("mcp",)


def requirements(pyproject: Path = PYPROJECT) -> list[Requirement]:
    with pyproject.open("rb") as file:
        project = tomllib.load(file)["project"]
    extras = project.get("optional-dependencies", {})
    declared = [*project["dependencies"], *(line for name in PINNED_EXTRAS
                                            for line in extras.get(name, []))]  # fmt: skip
    return [Requirement(line) for line in declared]


def lower_bound(requirement: Requirement) -> str:
    """The version after `>=`: the oldest release the range admits and CI tests."""
    lower = [spec.version for spec in requirement.specifier if spec.operator == ">="]
    if len(lower) != 1:
        raise SystemExit(f"{requirement}: needs exactly one lower bound (>=)")
    return lower[0]


def pins(pyproject: Path = PYPROJECT) -> list[str]:
    """`name==lower` for each dependency, in the order declared."""
    return [f"{r.name}=={lower_bound(r)}" for r in requirements(pyproject)]


def in_range(name: str, listing: str, pyproject: Path = PYPROJECT) -> list[str]:
    """The versions `pip index versions NAME` lists (its "Available versions:" line) that the
    declared range of NAME admits, oldest first."""
    (requirement,) = [r for r in requirements(pyproject) if r.name == name]
    found = re.search(r"^Available versions: (.+)$", listing, re.MULTILINE)
    if found is None:
        raise SystemExit(f"no 'Available versions:' line in the listing of {name}")
    listed = {Version(v.strip()) for v in found.group(1).split(",")}
    return [str(v) for v in sorted(requirement.specifier.filter(listed))]


def main(args: list[str]) -> int:
    if not args:
        print("\n".join(pins()))
    elif len(args) == 2 and args[0] == "--in-range":
        print("\n".join(in_range(args[1], sys.stdin.read())))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
