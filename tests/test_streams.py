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

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from make_dataset import dataset_text as large_dataset  # noqa: E402

ILRS = [sys.executable, "-m", "ilrs_cli"]
ENV = {**os.environ, "NO_COLOR": "1", "ILRS_DATA": str(FROZEN), "PYTHONIOENCODING": "utf-8"}


def shell(command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run `command` in bash, with $ILRS the command line; stderr merged in when asked."""
    return subprocess.run(
        ["bash", "-c", command], capture_output=True, timeout=60, check=False,
        env={**ENV, "ILRS": " ".join(ILRS), **(env or {})},
    )  # fmt: skip


@pytest.mark.closes_a_stream
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


# A probe that runs the console script's `main` and sends itself SIGINT at the moment an
# audit event names a chosen module or file: a readiness point, not a delay.
INTERRUPT_AT = """
import os, signal, sys
target, argv = sys.argv[1], sys.argv[2:]
seen = []
def hook(event, args):
    if event in ("import", "open") and args and isinstance(args[0], str):
        seen.append(args[0])
        if args[0] == target and not hook.fired:
            hook.fired = True
            os.kill(os.getpid(), signal.SIGINT)
hook.fired = False
sys.addaudithook(hook)
from ilrs_cli.cli import main
sys.argv = ["ilrs", *argv]
try:
    main()
finally:
    if target == "--list":
        print("\\n".join(dict.fromkeys(seen)), file=sys.__stderr__)
"""


def interrupted_at(target: str, args: list[str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", INTERRUPT_AT, target, *args], capture_output=True, timeout=60,
        env=ENV, check=False,
    )  # fmt: skip


def test_ctrl_c_exits_130_quietly_at_every_step_of_an_answer() -> None:
    """From the first line of `main` on, a SIGINT at any step (each module our code imports,
    the dataset file opened) exits 130 with nothing on stderr. A SIGINT earlier than that,
    while the interpreter itself starts or imports `ilrs_cli.cli`, reaches Python's default
    handler before any of our code runs: Python may print there, and this test does not
    claim otherwise."""
    args = ["members", "--json"]
    listed = interrupted_at("--list", args)
    assert listed.returncode == 0, listed.stderr
    steps = listed.stderr.decode().splitlines()
    modules = [s for s in steps if s.startswith("ilrs_cli.") and s != "ilrs_cli.cli"]
    files = [s for s in steps if s.endswith((".toml", ".json"))]
    assert len(modules) >= 8 and files, steps
    every = len(modules) // 6  # six modules spread from the first to the last, and the files
    for step in [*modules[::every], modules[-1], *files]:
        result = interrupted_at(step, args)
        assert (result.returncode, result.stderr) == (130, b""), step


def test_ctrl_c_while_the_answer_is_being_written_exits_130_quietly(tmp_path: Path) -> None:
    """The answer is larger than a pipe holds: once its first bytes arrive, ilrs is blocked
    writing the rest, and that is when the SIGINT comes."""
    data = tmp_path / "large.toml"
    data.write_text(large_dataset(3000), encoding="utf-8")
    process = subprocess.Popen(
        [*ILRS, "--data", str(data), "members", "--json"], stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, env=ENV,
    )  # fmt: skip
    assert process.stdout is not None
    first = process.stdout.read(4096)
    assert first.startswith(b"[")
    process.send_signal(signal.SIGINT)
    rest, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (130, b"")
    assert not (first + rest).rstrip().endswith(b"]")  # the answer was cut short


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
    assert "挑战".encode() in csv_out  # the micro-rovers' Chinese name: CSV is data, UTF-8
    table = subprocess.run([*ILRS, "show", "micro-rovers"], capture_output=True, env=env).stdout
    assert b"\\u6311\\u6218" in table  # a table is for people: escapes they can read


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
