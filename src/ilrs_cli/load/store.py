"""Where datasets come from: the bundled file, and a cache of parsed files that is data, not
code.

Parsing TOML costs more than the rest of a typical command, and `ilrs` runs once per question
(and once per Tab of completion). So the parsed document of each dataset file is kept as JSON
in a cache directory, keyed by the SHA-256 of the file's bytes and the versions of ilrs and
Python. A hit skips only the TOML parser: the document is checked and built exactly as on a
miss, so a cache entry can never make an invalid file pass, and it is never executed.

The directory is $ILRS_CACHE_DIR, else $XDG_CACHE_HOME/ilrs (when that is an absolute path),
else ~/.cache/ilrs. It is used only when it is a real directory (not a link) owned by the user
with no access for group or others (ilrs creates it with mode 0700). Entries are opened without
following links and read only when they are regular files owned by the user and writable by no
one else. There is one entry per dataset path, replaced when the file changes; a temporary file
is removed whatever happens. Non-regular files (stdin, FIFOs) are never cached.
`ILRS_NO_CACHE=1` turns the cache off; `ilrs cache --clear` empties it.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import __version__

BUNDLED_NAME = "chang8.toml"
ENTRY_SUFFIX = ".json"
MAX_ENTRY_BYTES = 256 * 1024 * 1024


def bundled_path() -> Path:
    """The dataset shipped inside the package: beside this module in an installed or
    editable package, else wherever importlib.resources finds the package data."""
    beside = Path(__file__).resolve().parents[1] / "data" / BUNDLED_NAME
    if beside.exists():
        return beside
    from importlib import resources

    return Path(str(resources.files("ilrs_cli") / "data" / BUNDLED_NAME))


def cache_directory() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    if os.environ.get("ILRS_NO_CACHE"):
        return None
    if configured := os.environ.get("ILRS_CACHE_DIR"):
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path(os.path.expanduser("~")) / ".cache"
    return base / "ilrs"


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _owned(status: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or status.st_uid == os.getuid()


@contextlib.contextmanager
def _private_directory(create: bool) -> Iterator[int | None]:
    """A descriptor of the cache directory when it is safe to use: a real directory (not a
    link), the user's own, closed to group and others; created with mode 0700 when `create`.
    Entries are then opened relative to the descriptor, so the path cannot be swapped."""
    directory = cache_directory()
    descriptor = None
    try:
        if directory is not None:
            if create and not os.path.lexists(directory):
                directory.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                directory.mkdir(mode=0o700)
            flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW
            descriptor = os.open(directory, flags)
            status = os.fstat(descriptor)
            if stat.S_ISDIR(status.st_mode) and _owned(status) and status.st_mode & 0o077:
                os.fchmod(descriptor, 0o700)  # the user's own, made private (older ilrs: 0755)
                status = os.fstat(descriptor)
            if not stat.S_ISDIR(status.st_mode) or status.st_mode & 0o077 or not _owned(status):
                os.close(descriptor)
                descriptor = None
    except OSError:
        descriptor = None
    try:
        yield descriptor
    finally:
        if descriptor is not None:
            os.close(descriptor)


def _entry_name(file: Path, part: str = "document") -> str:
    """One entry per dataset path (bytes, so any file name works)."""
    name = hashlib.sha256(os.fsencode(os.path.abspath(file))).hexdigest()[:32]
    return name + ENTRY_SUFFIX if part == "document" else f"{name}.{part}{ENTRY_SUFFIX}"


def content_key(data: bytes) -> str:
    python = sys.version.split()[0]
    return f"ilrs {__version__}; python {python}; sha256 {hashlib.sha256(data).hexdigest()}"


def read_document(file: Path, key: str, part: str = "document") -> dict[str, Any] | None:
    """The cached TOML document of `file` (or another `part` kept for it, such as the names
    completion offers) when its key matches; None on any doubt."""
    with _private_directory(create=False) as directory:
        if directory is None:
            return None
        flags = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0)
        try:
            descriptor = os.open(_entry_name(file, part), flags, dir_fd=directory)
        except OSError:
            return None
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode) or status.st_mode & 0o022 or not _owned(status):
                return None
            if status.st_size > MAX_ENTRY_BYTES:
                return None
            try:
                entry = json.loads(handle.read(), object_hook=_decode)
            except (ValueError, RecursionError, OSError):
                return None
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    document = entry.get("document")
    return document if isinstance(document, dict) else None


def write_document(file: Path, key: str, document: dict[str, Any], part: str = "document") -> None:
    """Keep `document` (or another `part`) for `file`, replacing its old entry; skip silently
    when that fails. Only what was built from a valid dataset is ever kept."""
    import secrets

    try:
        text = json.dumps({"key": key, "document": document}, default=_encode)
    except (ValueError, TypeError, RecursionError):
        return
    with _private_directory(create=True) as directory:
        if directory is None:
            return
        temporary = f".tmp-{secrets.token_hex(8)}{ENTRY_SUFFIX}"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW
        try:
            handle = os.open(temporary, flags, 0o600, dir_fd=directory)
        except OSError:
            return
        try:  # removed on any failure, Ctrl-C included
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(
                temporary, _entry_name(file, part), src_dir_fd=directory, dst_dir_fd=directory
            )
            temporary = ""
        except OSError:
            pass
        finally:
            if temporary:
                with contextlib.suppress(OSError):
                    os.unlink(temporary, dir_fd=directory)


def clear() -> tuple[Path | None, int]:
    """Remove every entry (and stray temporary file); the directory and how many went."""
    removed = 0
    with _private_directory(create=False) as directory:
        if directory is not None:
            for name in os.listdir(directory):
                if name.endswith((ENTRY_SUFFIX, ".pickle")):  # .pickle: older versions
                    with contextlib.suppress(OSError):
                        os.unlink(name, dir_fd=directory)
                        removed += 1
    return cache_directory(), removed


# TOML has dates and times, JSON has not: they travel as tagged objects.
_TAG = "$toml"


def _encode(value: Any) -> Any:
    if isinstance(value, datetime.date | datetime.time):
        return {_TAG: type(value).__name__, "value": value.isoformat()}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(value: dict[str, Any]) -> Any:
    kind = value.get(_TAG)
    if kind is None:
        return value
    parsers = {
        "date": datetime.date.fromisoformat,
        "datetime": datetime.datetime.fromisoformat,
        "time": datetime.time.fromisoformat,
    }
    if kind not in parsers or not isinstance(value.get("value"), str):
        raise ValueError("not a cache entry")
    return parsers[kind](value["value"])
