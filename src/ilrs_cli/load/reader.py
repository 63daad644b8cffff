"""Read a dataset file's text and parse its TOML, refusing anything that is not a dataset."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ..core.errors import DatasetError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised by the Python 3.10 run in CI
    import tomli as tomllib

MAX_BYTES = 32 * 1024 * 1024  # far above any real dataset; bigger files are refused unread


def read_text(file: Path, shown: str) -> str:
    """The file's text, or one clear problem for anything that is not a text file."""
    try:
        if file.is_dir():
            raise DatasetError(shown, ["is a directory, not a dataset file"])
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise DatasetError(
                shown, [f"is {size:,} bytes, too large for a dataset (the limit is {MAX_BYTES:,})"]
            )
        raw = file.read_bytes()
    except OSError as error:
        raise DatasetError(shown, [f"cannot read the file: {error.strerror or error}"]) from None
    if b"\x00" in raw:
        raise DatasetError(shown, ["is a binary file (it contains NUL bytes), not TOML text"])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DatasetError(
            shown, [f"is not UTF-8 text (bad byte at offset {error.start})"]
        ) from None
    if not text.strip():
        raise DatasetError(shown, ["is empty; a dataset needs at least a [dataset] table"])
    return text


def parse_toml(text: str, shown: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DatasetError(shown, [f"not valid TOML: {error}"]) from None
