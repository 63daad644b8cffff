"""Where output goes and what it may contain: every TTY and colour decision is made here."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass

DEFAULT_WIDTH = 80


@dataclass(frozen=True, slots=True)
class Terminal:
    color: bool
    width: int


def detect_terminal() -> Terminal:
    """Colour only on a terminal (or with FORCE_COLOR), never with NO_COLOR or TERM=dumb.

    The width is the terminal's; when stdout is not a terminal it is $COLUMNS or 80.
    """
    is_tty = sys.stdout.isatty()
    forced = bool(os.environ.get("FORCE_COLOR"))
    banned = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    if is_tty:
        width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    else:
        width = _columns_from_environment()
    return Terminal(color=(is_tty or forced) and not banned, width=width)


def _columns_from_environment() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        return DEFAULT_WIDTH
    return columns if columns > 0 else DEFAULT_WIDTH


def write_out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def write_err(text: str) -> None:
    sys.stderr.write(text if text.endswith("\n") else text + "\n")
