"""ilrs run in-process, with the Click command built once for the whole suite.

Typer's CliRunner rebuilds the command tree from the app on every call, which was two thirds
of the suite's time. This runner keeps Typer's isolation (streams, environment) and result,
and runs one command built by `typer.main.get_command`, Typer's documented way to get it; the
app holds no state between runs, so the answers are the same."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence

import typer
from typer.testing import CliRunner, Result

from ilrs_cli.cli.app import app

COMMAND = typer.main.get_command(app)


class OnceBuiltRunner(CliRunner):
    def run(self, args: Sequence[str], env: Mapping[str, str | None] | None = None) -> Result:
        """What Typer's `invoke(app, args, prog_name="ilrs")` does, on COMMAND."""
        exit_code, exception = 0, None
        with self.isolation(env=env) as (stdout, stderr, output):
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
