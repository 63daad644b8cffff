"""The command line: a thin Typer layer that parses, asks one answer of the library, renders
it, and maps errors to exit codes. The only package that knows flag names."""

from __future__ import annotations

import sys


def main() -> None:
    """Console entry point: no traceback ever reaches the user."""
    from ..render.terminal import prepare_streams, write_err

    prepare_streams()
    try:
        from .app import app

        app(prog_name="ilrs")
    except KeyboardInterrupt:
        write_err("ilrs: interrupted")
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last line of defence
        write_err(f"ilrs: internal error: {type(error).__name__}: {error}")
        write_err("ilrs: this is a bug; please report it with the command you ran")
        sys.exit(1)
