"""SIGTERM and SIGHUP in the middle of an export end it as Ctrl-C does: the temporary files
(`.ilrs-*.tmp`, SQLite's journal, a half-written package) are removed, nothing is left
half-written, and the exit code is 128 + the signal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FROZEN

# The export, with the signal sent to itself while its files are being written.
PROGRAM = """
import os, signal, sys
from ilrs_cli.export import datapackage, sqlite
number = getattr(signal, sys.argv[1])
def stop(*args):
    os.kill(os.getpid(), number)
    signal.pause() if hasattr(signal, "pause") else None
original_fill = sqlite._fill
sqlite._fill = lambda *args: (stop(), original_fill(*args))
datapackage._write_csv = lambda *args: stop()
sys.argv = ["ilrs", "export", sys.argv[2], sys.argv[3]]
from ilrs_cli.cli import main
main()
"""


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on this system")
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("export", ["sqlite", "datapackage"])
def test_a_signal_during_an_export_leaves_nothing(tmp_path: Path, name: str, export: str) -> None:
    target = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM, name, export, str(target)], capture_output=True,
        text=True, timeout=60, env={**os.environ, "ILRS_DATA": str(FROZEN)},
    )  # fmt: skip
    assert result.returncode == 128 + getattr(signal, name), (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []
