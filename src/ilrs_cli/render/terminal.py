"""Where output goes and what it may contain: every TTY, colour and encoding decision is
made here."""

from __future__ import annotations

import os
import sys

from ..core.safe_text import escape
from ..core.tuples import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

DEFAULT_WIDTH = 80


class Terminal(NamedTuple):
    color: bool
    width: int
    unicode: bool


def detect_terminal() -> Terminal:
    """Colour only on a terminal (or with FORCE_COLOR), never with NO_COLOR or TERM=dumb.

    The width is the terminal's; when stdout is not a terminal (a pipe) it is $COLUMNS, else
    the width of the terminal on stderr, else 80.
    """
    is_tty = sys.stdout.isatty()
    forced = bool(os.environ.get("FORCE_COLOR"))
    banned = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    if is_tty:
        import shutil  # only here: it imports the compression modules

        width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    else:
        width = _columns_from_environment()
    return Terminal(
        color=(is_tty or forced) and not banned,
        width=max(width, 10),
        unicode=encodes_unicode(sys.stdout),
    )


def _columns_from_environment() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:  # `ilrs members | head`: stdout is a pipe, stderr still the terminal
        return os.get_terminal_size(sys.stderr.fileno()).columns or DEFAULT_WIDTH
    except (OSError, ValueError, AttributeError):
        return DEFAULT_WIDTH


def encodes_unicode(stream: TextIO) -> bool:
    """True when the stream can write box-drawing and accented characters."""
    try:
        "┃Türkiye香".encode(stream.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def prepare_streams() -> None:
    """On a terminal or pipe that cannot encode Unicode (PYTHONIOENCODING=ascii), replace
    what it cannot show with \\u escapes instead of failing (never with "?")."""
    for stream in (sys.stdout, sys.stderr):
        if not encodes_unicode(stream) and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def write_out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()  # a closed pipe fails here, where it is handled, not at exit


def write_data(text: str) -> None:
    """Output a program reads (JSON, CSV, SVG...): UTF-8 bytes even where the stream's
    encoding cannot write Unicode (PYTHONIOENCODING=ascii), where `write_out` would put a
    terminal's \\u escapes into the data."""
    if encodes_unicode(sys.stdout) or not hasattr(sys.stdout, "buffer"):
        write_out(text)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write((text if text.endswith("\n") else text + "\n").encode("utf-8"))
    sys.stdout.buffer.flush()


def write_bytes(data: bytes) -> None:
    """A file's bytes (a workbook, a PNG) on standard output, which is not a terminal (cli/inputs.py
    `output_file` refuses one)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def write_err(text: str) -> None:
    sys.stderr.write(escape(text.rstrip("\n"), keep_newlines=True) + "\n")
