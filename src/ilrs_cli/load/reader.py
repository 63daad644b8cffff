"""Read a dataset file's text and parse its TOML, refusing anything that is not a dataset:
special files, files over the size limit, binary files, text in other encodings, and TOML
nested or sized beyond reason."""

from __future__ import annotations

import os
import stat

from ..core.errors import DatasetError, Problem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

BUNDLED_NAME = "chang8.toml"
# Bigger files are refused unread, unless ILRS_MAX_BYTES raises the limit: a file costs about
# 14 times its size in memory (docs/performance.md). Real datasets are a thousandth of it.
MAX_BYTES = 32 * 1024 * 1024
LIMIT_VARIABLE = "ILRS_MAX_BYTES"
_KINDS = {
    stat.S_IFIFO: "a pipe or FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a directory",
}


def size_limit() -> int:
    """The size of the largest dataset file read: MAX_BYTES, or what ILRS_MAX_BYTES says;
    ValueError when that is not a number of bytes."""
    configured = os.environ.get(LIMIT_VARIABLE, "").strip().replace("_", "")
    if not configured:
        return MAX_BYTES
    if not (configured.isascii() and configured.isdigit()):
        raise ValueError(
            f"{LIMIT_VARIABLE} is {configured[:40]!r}; set it to a number of bytes, such as "
            f"{4 * MAX_BYTES}, or unset it for the limit of {MAX_BYTES:,} bytes"
        )
    return int(configured)


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    return (
        f"is {'at least ' if at_least else ''}{size:,} bytes, too large for a dataset (the "
        f"limit is {limit:,} bytes; a dataset takes about 14 times its size in memory): to "
        f"read it anyway, set {LIMIT_VARIABLE}={size} or more"
    )


def read_bytes(file: str, shown: str) -> bytes:
    """The bytes of a regular file, at most `size_limit()`; never waits on a pipe or a
    device."""
    try:
        limit = size_limit()
    except ValueError as error:
        raise DatasetError(shown, [str(error)]) from None
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(file, flags)
    except OSError as error:
        if os.path.isdir(file):
            raise DatasetError(shown, ["is a directory, not a dataset file"]) from None
        raise DatasetError(shown, [f"cannot read the file: {error.strerror or error}"]) from None
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        what = _KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
        raise DatasetError(shown, [f"is {what}, not a dataset file; give the path of a file"])
    if status.st_size > limit:
        os.close(descriptor)
        raise DatasetError(shown, [_too_large(status.st_size, limit)])
    with os.fdopen(descriptor, "rb") as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise DatasetError(
                shown, [f"cannot read the file: {error.strerror or error}"]
            ) from None
    if len(data) > limit:  # it grew while it was read
        raise DatasetError(shown, [_too_large(len(data), limit, at_least=True)])
    return data


def decode_text(raw: bytes, shown: str) -> str:
    """The text of a dataset: UTF-8, with or without a byte-order mark."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DatasetError(shown, ["is UTF-16 text; save it as UTF-8"])
    raw = raw.removeprefix(b"\xef\xbb\xbf")
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
    """The TOML document; the parser is imported only here, on a cache miss. It is tomli on
    every Python: its compiled wheels parse two to three times faster than the standard
    library's tomllib, a pure-Python copy of it."""
    import tomli

    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        line = getattr(error, "lineno", None)  # tomli 2.1 and later
        raise DatasetError(shown, [Problem(f"not valid TOML: {error}", line=line)]) from None
    except RecursionError:
        raise DatasetError(shown, ["arrays or tables are nested too deeply"]) from None
    except ValueError as error:  # an integer too long to convert, among others
        raise DatasetError(shown, [f"not usable TOML: {str(error)[:200]}"]) from None


def bundled_path() -> str:
    """The dataset shipped inside the package: beside this module in an installed or
    editable package, else wherever importlib.resources finds the package data."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    beside = os.path.join(package, "data", BUNDLED_NAME)
    if os.path.exists(beside):
        return beside
    from importlib import resources

    return str(resources.files("ilrs_cli") / "data" / BUNDLED_NAME)
