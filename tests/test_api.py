"""The Python API: the same answers as --json, plain arguments, errors without flag names,
and no command-line libraries imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from ilrs_cli import api
from ilrs_cli.core.records import Dataset
from tests.conftest import FROZEN, Runner


@pytest.fixture(scope="module")
def frozen() -> Dataset:
    return api.load(FROZEN)


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (lambda d: api.payloads(country="Turkey", dataset=d), ["payloads", "-c", "Turkey"]),
        (lambda d: api.payloads(country=["Egypt", "IR"], dataset=d),
         ["payloads", "-c", "Egypt", "-c", "IR"]),
        (lambda d: api.payloads(mission="CE-8", dataset=d), ["payloads", "-m", "CE-8"]),
        (lambda d: api.members(level="national", status="signed", dataset=d),
         ["members", "--national", "--status", "signed"]),
        (lambda d: api.members(as_of="2023-12-31", dataset=d),
         ["members", "--as-of", "2023-12-31"]),
        (lambda d: api.timeline(after="2025", mission="ILRS", dataset=d),
         ["timeline", "--after", "2025", "-m", "ILRS"]),
        (lambda d: api.facts(mission="Chang'e-8", dataset=d), ["mission", "-m", "Chang'e-8"]),
        (lambda d: api.countries(country="Egypt", dataset=d), ["countries", "-c", "Egypt"]),
        (lambda d: api.search("rover", dataset=d), ["search", "rover"]),
        (lambda d: api.show("egypt", dataset=d), ["show", "egypt"]),
        (lambda d: api.info(dataset=d), ["info"]),
    ],
)  # fmt: skip
def test_the_api_returns_what_json_prints(
    frozen: Dataset, ilrs: Runner, call: Callable[[Dataset], Any], args: list[str]
) -> None:
    outcome = ilrs(*args, "--json")
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.json()
    assert call(frozen) == outcome.json()


def test_cite_gives_the_same_text_as_the_command(frozen: Dataset, ilrs: Runner) -> None:
    for style in ("text", "bibtex", "csl-json"):
        expected = ilrs("cite", "micro-rovers", "--format", style).stdout
        assert api.cite("micro-rovers", format=style, dataset=frozen) + "\n" == expected


def test_errors_name_arguments_not_flags(frozen: Dataset) -> None:
    with pytest.raises(api.QueryError) as unknown_country:
        api.payloads(country="Atlantis", dataset=frozen)
    assert unknown_country.value.argument == "country"
    assert "--" not in str(unknown_country.value)
    with pytest.raises(api.QueryError) as bad_level:
        api.members(level="galactic", dataset=frozen)
    assert bad_level.value.argument == "level"
    assert "national" in str(bad_level.value)
    with pytest.raises(api.RecordNotFound) as missing:
        api.show("micro-rover", dataset=frozen)
    assert missing.value.close[0] == "micro-rovers"
    with pytest.raises(api.QueryError):
        api.cite("micro-rovers", format="csv", dataset=frozen)
    with pytest.raises(api.DatasetError):
        api.load(FROZEN.parent / "missing.toml")


def test_the_api_imports_no_command_line_libraries() -> None:
    probe = (
        "import sys, json\n"
        "from ilrs_cli import api\n"
        "api.payloads(country='Turkey'); api.cite('micro-rovers', format='bibtex')\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True,
        env={**os.environ, "ILRS_DATA": str(FROZEN)},
    )  # fmt: skip
    roots = {name.split(".")[0] for name in json.loads(result.stdout)}
    assert not roots & {"typer", "click", "rich", "pydantic"}
