"""A stream that cannot encode Unicode (PYTHONIOENCODING=ascii) gets a machine format as the
same UTF-8 bytes as any other stream: every format of the registry that a program reads, and
the pictures on standard output; only what people read (tables, the reference list) takes a
terminal's escapes there."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ilrs_cli.render import FORMATS, formats_for
from ilrs_cli.report.types import ReportType

from .conftest import FROZEN

ASKED = {ReportType.LISTING: ["payloads"], ReportType.DETAIL: ["show", "multi-functional-robot"],
         ReportType.BIBLIOGRAPHY: ["cite", "--all"]}  # fmt: skip
CASES = [
    [*ASKED[report_type], "--format", fmt.value]
    for report_type in ReportType
    for fmt in formats_for(report_type)
    if FORMATS[fmt].machine
] + [["map"], ["map", "--format", "geojson"], ["chart", "growth"]]


def _stdout(args: list[str], encoding: str) -> bytes:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    result = subprocess.run(
        [sys.executable, "-m", "ilrs_cli", "--data", str(FROZEN), *args],
        capture_output=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_a_machine_format_is_utf8_whatever_the_stream_encodes(args: list[str]) -> None:
    data = _stdout(args, "utf-8")
    assert data == _stdout(args, "ascii")


def test_the_cases_hold_text_beyond_ascii() -> None:
    """Where the fixture's text is not ASCII (Chinese names), the comparison above means it."""
    for args in (["payloads", "--csv"], ["payloads", "--json"], ["map"]):
        assert not _stdout(args, "utf-8").isascii(), args


def test_people_still_get_escapes_they_can_read() -> None:
    table = _stdout(["payloads"], "ascii")
    assert table.isascii() and b"\\u" in table
