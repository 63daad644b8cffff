"""The hostile dataset, written once a module, and `run`: ilrs answering on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ilrs_cli.core.records import Dataset
from ilrs_cli.load import load_dataset

from ..conftest import Outcome, Runner
from .hostile import FILE_NAME, hostile_toml


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / FILE_NAME
    path.write_text(hostile_toml(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile_dataset(hostile: Path) -> Dataset:
    return load_dataset(hostile)


@pytest.fixture
def run(ilrs: Runner, hostile: Path) -> Callable[..., Outcome]:
    """`ilrs ARGS...` on the hostile dataset; it must answer."""

    def answer(*args: str, env: dict[str, str | None] | None = None) -> Outcome:
        outcome = ilrs(*args, env={"ILRS_DATA": str(hostile), "COLUMNS": "160", **(env or {})})
        assert outcome.exception is None and outcome.exit_code == 0, outcome.stderr
        return outcome

    return answer
