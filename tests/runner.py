"""ilrs run in-process, with the Click command built once for the whole suite.

Typer's CliRunner rebuilds the command tree from the app on every call, which was two thirds
of the suite's time. This runner keeps Typer's isolation (streams, environment) and result,
and runs one command built by `typer.main.get_command`, Typer's documented way to get it; the
app holds no state between runs, so the answers are the same."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import typer
from typer.testing import CliRunner, Result

from ilrs_cli.cli import fast_answers
from ilrs_cli.cli.app import app

COMMAND = typer.main.get_command(app)


class OnceBuiltRunner(CliRunner):
    @contextmanager
    def streams(self, env: Mapping[str, str | None] | None, tty: bool) -> Iterator[Any]:
        """Typer's isolation; with `tty`, standard output says it is a terminal."""
        with self.isolation(env=env) as streams:
            if tty:
                sys.stdout.isatty = lambda: True  # type: ignore[method-assign]
            yield streams

    def run(self, args: Sequence[str], env: Mapping[str, str | None] | None = None,
            tty: bool = False) -> Result:  # fmt: skip
        """What Typer's `invoke(app, args, prog_name="ilrs")` does, on COMMAND."""
        exit_code, exception = 0, None
        with self.streams(env, tty) as (stdout, stderr, output):
            try:
                COMMAND.main(args=list(args), prog_name="ilrs")
            except SystemExit as exit_:
                code = 0 if exit_.code is None else exit_.code
                if code != 0:
                    exception = exit_
                if not isinstance(code, int):
                    sys.stdout.write(f"{code}\n")
                    code = 1
                exit_code = code
            except Exception as error:  # noqa: BLE001 - reported in the result, as Typer's
                exception, exit_code = error, 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                streams = stdout.getvalue(), stderr.getvalue(), output.getvalue()
        return Result(self, *streams, None, exit_code, exception)


def invoke(args: Sequence[str], env: Mapping[str, str | None]) -> Result:
    """`ilrs ARGS...` in-process, with this environment on top of the process's."""
    return OnceBuiltRunner(env=env).run(args)


def answer_fast(
    args: Sequence[str], env: Mapping[str, str | None], tty: bool = False
) -> tuple[int | None, str, str]:
    """`ilrs ARGS...` on the fast answer path, in the same isolation: its exit code (None when
    it leaves the line to Typer), stdout and stderr."""
    runner = OnceBuiltRunner(env=env)
    with runner.streams(env, tty) as (stdout, stderr, output):
        code = fast_answers.answer(list(args))
        sys.stdout.flush()
        sys.stderr.flush()
        streams = stdout.getvalue(), stderr.getvalue(), output.getvalue()
    result = Result(runner, *streams, None, code or 0, None)
    return code, result.stdout, result.stderr
