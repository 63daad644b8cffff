"""The command line: a thin Typer layer that parses, asks one answer of the library, renders
it, and maps errors to exit codes. The only package that knows flag names."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType

EXIT_INTERRUPTED = 130


def _interrupted(*_: object) -> None:
    raise SystemExit(EXIT_INTERRUPTED)


def _ended(number: int, _: object) -> None:
    """SIGTERM or SIGHUP: unwind as Ctrl-C does, so that exports remove their temporary
    files, and exit with 128 + the signal's number, as the shell reports a signal."""
    raise SystemExit(128 + number)


def _signal_module() -> ModuleType:
    """CPython's own `_signal`, which `signal` wraps in enums at a hundredth of an answer's
    time; `signal` elsewhere."""
    try:
        return __import__("_signal")  # not importlib: see render/__init__.py
    except ImportError:
        import signal

        return signal


def _handle_signals() -> None:
    signal = _signal_module()
    signal.signal(signal.SIGINT, _interrupted)
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) != signal.SIG_IGN:  # nohup
            signal.signal(number, _ended)


def _silence(fd: int) -> None:
    """Point file descriptor `fd` at /dev/null, so that later writes (and Python's own flush
    at exit) cannot fail."""
    null = os.open(os.devnull, os.O_WRONLY)
    if null != fd:
        os.dup2(null, fd)
        os.close(null)


def _streams_ready() -> bool:
    """stderr closed: answer anyway, say nothing. stdout closed: nothing can be answered."""
    if sys.stderr is None:
        _silence(2)
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    if sys.stdout is None:
        sys.stderr.write("ilrs: standard output is closed; nothing to write the answer to\n")
        return False
    if "_ILRS_COMPLETE" in os.environ:  # completion: never print into the user's prompt
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    return True


def _fast_completion() -> bool:
    """Answer a completion request without Typer when the fast path understands it."""
    if "_ILRS_COMPLETE" not in os.environ or os.environ.get("ILRS_SLOW_COMPLETION"):
        return False
    try:
        from .fast_completion import answer

        return answer()
    except Exception:  # noqa: BLE001 - Typer's own completion is the reference: fall back
        return False


def _fast_answer() -> int | None:
    """The exit code of an answer given without Typer; None when Typer is to answer."""
    from .fast_answers import answer

    return answer(sys.argv[1:])


def main() -> None:
    """Console entry point: no traceback ever reaches the user, whatever the streams or the
    signals. Ctrl-C exits 130 quietly, SIGTERM 143 and SIGHUP 129 (what they were doing undone);
    a failed write exits 1 with a message."""
    _handle_signals()
    if not _streams_ready():
        sys.exit(1)
    if _fast_completion():
        sys.exit(0)
    from ..render.terminal import prepare_streams, write_err

    prepare_streams()
    try:
        code = _fast_answer()
        if code is not None:
            sys.exit(code)
        from .app import app

        app(prog_name="ilrs")
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except OSError as error:
        _silence(1)
        if not isinstance(error, BrokenPipeError):
            what = f"to {os.fsdecode(error.filename)}" if error.filename else "the answer"
            write_err(f"ilrs: cannot write {what}: {error.strerror or error}")
        sys.exit(1)
    except RecursionError:
        write_err("ilrs: the input is nested too deeply to handle")
        sys.exit(1)
    except Exception as error:  # noqa: BLE001 - the last line of defence
        write_err(f"ilrs: internal error: {type(error).__name__}: {error}")
        write_err("ilrs: this is a bug; please report it with the command you ran")
        sys.exit(1)
    finally:
        _skip_the_last_collection()


def _skip_the_last_collection() -> None:
    """The process is ending: Python's last garbage collection would walk every object left
    (a dataset's records, many and without cycles) to free nothing that ending does not free.
    Frozen, they are left out of it; the process still ends as it would (streams flushed,
    exit handlers run, every object released)."""
    import gc

    gc.freeze()
