"""Shared fixtures: the CLI run in-process with a pinned terminal, and small dataset files."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .runner import invoke

FIXTURES = Path(__file__).parent / "fixtures"
# A frozen copy of the dataset: behaviour tests read it, so that a data release changes only
# the tests of the bundled data (tests/test_data*.py).
FROZEN = FIXTURES / "chang8-frozen.toml"

# Today's date for every run of ilrs in the suite (core.clock): nothing may depend on the day
# the suite runs. Tests of relative ages set their own.
PINNED_TODAY = "2026-12-04"
# Output must not depend on the terminal the tests run in, nor on the bundled data.
PINNED_ENV = {
    "COLUMNS": "120",
    "LINES": "50",
    "NO_COLOR": "1",
    "FORCE_COLOR": None,
    "TERM": "xterm-256color",
    "ILRS_DATA": str(FROZEN),
    "ILRS_TODAY": PINNED_TODAY,
}


@pytest.fixture(autouse=True, scope="session")
def private_cache_and_clock(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every run of ilrs in the suite, in-process or not, caches into a fresh directory and
    reads the pinned clock."""
    os.environ["ILRS_CACHE_DIR"] = str(tmp_path_factory.mktemp("ilrs-cache"))
    os.environ["ILRS_TODAY"] = PINNED_TODAY
    os.environ.pop("ILRS_NO_CACHE", None)


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    def json(self) -> Any:
        return json.loads(self.stdout)


Runner = Callable[..., Outcome]


@pytest.fixture
def extra_env() -> dict[str, str | None]:
    """Environment for this test's CLI runs, on top of PINNED_ENV."""
    return {}


@pytest.fixture
def ilrs(extra_env: dict[str, str | None]) -> Runner:
    """Run `ilrs ARGS...` in-process; `env` adds to or overrides the pinned environment."""

    def run(*args: str, env: dict[str, str | None] | None = None) -> Outcome:
        result = invoke(args, {**PINNED_ENV, **extra_env, **(env or {})})
        unexpected = result.exception if not isinstance(result.exception, SystemExit) else None
        return Outcome(result.exit_code, result.stdout, result.stderr, unexpected)

    return run


@pytest.fixture
def use_dataset(extra_env: dict[str, str | None]) -> Callable[[Path], None]:
    """Point ILRS_DATA at another dataset file for the rest of the test."""

    def use(path: Path) -> None:
        extra_env["ILRS_DATA"] = str(path)

    return use


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first, so that the workers share out the quick ones after them instead
    of one worker finishing a long test alone at the end.

    Under libfaketime (the `faketime` command), the library's own shared-memory file takes
    whatever standard descriptor a test closes, so a test that starts ilrs with stdin or stdout
    closed would test libfaketime instead: it is skipped there, and runs everywhere else."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
    if "faketime" not in os.environ.get("LD_PRELOAD", ""):
        return
    reason = "libfaketime reuses the closed descriptor; this test runs without it"
    for item in items:
        if item.get_closest_marker("closes_a_stream"):
            item.add_marker(pytest.mark.skip(reason=reason))
