"""Streams and signals, as a shell sets them up: closed or failing stdout and stderr, Ctrl-C,
completion, FIFOs and devices, encodings and big files. Never a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import FROZEN

ILRS = [sys.executable, "-m", "ilrs_cli"]
ENV = {**os.environ, "NO_COLOR": "1", "ILRS_DATA": str(FROZEN), "PYTHONIOENCODING": "utf-8"}


def shell(command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run `command` in bash, with $ILRS the command line; stderr merged in when asked."""
    return subprocess.run(
        ["bash", "-c", command], capture_output=True, timeout=60, check=False,
        env={**ENV, "ILRS": " ".join(ILRS), **(env or {})},
    )  # fmt: skip


@pytest.mark.parametrize("args", ["--version", "payloads --json", "members"])
def test_stdout_closed_is_a_message_not_a_traceback(args: str) -> None:
    result = shell(f"$ILRS {args} >&-; echo rc=$?")
    assert b"rc=1" in result.stdout
    assert result.stderr == b"ilrs: standard output is closed; nothing to write the answer to\n"


def test_stderr_closed_still_answers_on_stdout() -> None:
    result = shell("$ILRS payloads --country Turkey --json 2>&-; echo rc=$?")
    assert b'"id": "micro-rovers"' in result.stdout
    assert result.stdout.endswith(b"rc=0\n")
    bad = shell("$ILRS payloads --country Atlantis 2>&-; echo rc=$?")
    assert bad.stdout == b"rc=2\n"


def test_a_full_disk_is_a_plain_error() -> None:
    result = shell("$ILRS members --json > /dev/full; echo rc=$?")
    assert result.stdout == b"rc=1\n"
    assert result.stderr == b"ilrs: cannot write the answer: No space left on device\n"


def test_ctrl_c_exits_130_quietly_at_any_moment() -> None:
    for delay in (0.05, 0.15, 0.3, 0.6):
        process = subprocess.Popen(
            [*ILRS, "members", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV
        )
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
        assert b"Traceback" not in err, (delay, err)
        assert process.returncode in (0, 130, -signal.SIGINT), (delay, process.returncode)
        if process.returncode == 130:
            assert err in (b"", b"ilrs: interrupted\n")


def test_completion_with_a_broken_dataset_prints_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[dataset\n", encoding="utf-8")
    env = {
        "_ILRS_COMPLETE": "complete_bash",
        "COMP_WORDS": "ilrs payloads --country Tu",
        "COMP_CWORD": "3",
        "ILRS_DATA": str(broken),
    }
    result = subprocess.run([*ILRS], capture_output=True, timeout=60, env={**ENV, **env})
    assert result.stderr == b""
    assert b"error" not in result.stdout


def test_a_fifo_without_a_writer_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = subprocess.run(
        [*ILRS, "--data", str(fifo), "payloads"], capture_output=True, timeout=30, env=ENV
    )
    assert time.monotonic() - started < 20
    assert result.returncode == 1
    assert b"is a pipe or FIFO, not a dataset file" in result.stderr


@pytest.mark.parametrize(
    ("device", "message"),
    [("/dev/zero", b"is a character device"), ("/dev/stdin", b"not a dataset file")],
)
def test_devices_and_stdin_are_refused_without_reading(device: str, message: bytes) -> None:
    result = subprocess.run(
        [*ILRS, "--data", device, "payloads"], capture_output=True, timeout=30, env=ENV,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert result.returncode == 1
    assert message in result.stderr


def test_a_stdout_that_cannot_encode_gets_escapes_not_question_marks() -> None:
    env = {**ENV, "PYTHONIOENCODING": "ascii"}
    for args in (["payloads", "--csv"], ["cite", "micro-rovers"], ["payloads"]):
        result = subprocess.run([*ILRS, *args], capture_output=True, timeout=60, env=env)
        assert result.returncode == 0, result.stderr
        assert b"?" not in result.stdout.replace(b"?p=", b""), args
    csv_out = subprocess.run([*ILRS, "payloads", "--csv"], capture_output=True, env=env).stdout
    assert b"\\u6311\\u6218" in csv_out  # the Chinese name of the micro-rovers, escaped


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    from .test_loader import VALID

    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    result = subprocess.run([*ILRS, "check", str(path)], capture_output=True, env=ENV)
    assert result.returncode == 0, result.stderr


def test_full_width_digits_are_not_a_date() -> None:
    result = subprocess.run(
        [*ILRS, "members", "--as-of", "２０２４"], capture_output=True, timeout=60, env=ENV
    )
    assert result.returncode == 2
    assert b"is not a date" in result.stderr
