"""The cache of checked dataset files: data, not code.

Parsing and checking a dataset costs more than the rest of a typical command, and `ilrs` runs
once per question (and once per Tab of completion). So the records that a successful check
built from a dataset file are kept as JSON (`load/checked.py`) in a cache directory, keyed by
the SHA-256 of the file's bytes, the versions of ilrs and Python, and the names, sizes and
times of the modules that check (`_code_digest`). An entry is written only after those very
bytes passed every check, so it can never make an invalid file pass; it is never executed, and
one that does not read back as records is ignored and rewritten.

The directory is $ILRS_CACHE_DIR, else $XDG_CACHE_HOME/ilrs (when that is an absolute path),
else ~/.cache/ilrs. It is used only when it is a real directory (not a link) owned by the user
with no access for group or others: ilrs creates it with mode 0700 (and its parent, but nothing
further up), and never changes the mode of a directory that exists; one that is not safe is
not used, and the command line says so (`refusal`). ilrs touches only the names it writes
there (`_OWN_NAME`), so `ilrs cache --clear` removes nothing else. Entries are opened without
following links and read only when they are regular files owned by the user and writable by no
one else. There is one entry per dataset path, replaced when the file changes; a temporary file
is removed whatever happens. Non-regular files (stdin, FIFOs) are never cached.
`ILRS_NO_CACHE=1` turns the cache off; `ilrs cache --clear` empties it.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys

from .. import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _sha256_of_choice() -> Any:
    """CPython's own SHA-256, which hashlib wraps, without loading OpenSSL as hashlib does
    (2 ms of each run): `_sha2` from Python 3.12, `_sha256` before; hashlib elsewhere."""
    for name in ("_sha2", "_sha256"):
        try:
            return __import__(name).sha256  # not importlib: see render/__init__.py
        except (ImportError, AttributeError):
            pass
    import hashlib

    return hashlib.sha256


_SHA256 = _sha256_of_choice()


def sha256_hex(data: bytes) -> str:
    return str(_SHA256(data).hexdigest())


ENTRY_SUFFIX = ".json"
MAX_ENTRY_BYTES = 256 * 1024 * 1024


def cache_directory() -> str | None:
    """Where the cache lives, or None when it is turned off."""
    if os.environ.get("ILRS_NO_CACHE"):
        return None
    if configured := os.environ.get("ILRS_CACHE_DIR"):
        return os.path.normpath(configured)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(os.path.normpath(base), "ilrs")


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
# The only names ilrs writes in the cache directory, so the only ones it ever removes: an entry
# per dataset path (a part such as `names` beside the document), a temporary file while one is
# written, and the pickle entries of older versions.
_OWN_NAME = re.compile(r"[0-9a-f]{32}(\.[a-z]+)?\.(json|pickle)|\.tmp-[0-9a-f]{16}\.json")


def _owned(status: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or status.st_uid == os.getuid()


class _Refused(Exception):
    """A cache directory that exists but is not safe to use; the message says why."""


def _open_directory(directory: str) -> int:
    """A descriptor of `directory` when it is a real directory (not a link), the user's own
    and closed to group and others; _Refused when it is not. It is never changed: ilrs does
    not make private a directory someone else may rely on."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW
    try:
        descriptor = os.open(directory, flags)
    except OSError:
        if os.path.islink(directory):
            raise _Refused("is a symbolic link") from None
        if os.path.lexists(directory) and not os.path.isdir(directory):
            raise _Refused("is not a directory") from None
        raise
    status = os.fstat(descriptor)
    problem = None
    if not stat.S_ISDIR(status.st_mode):
        problem = "is not a directory"
    elif not _owned(status):
        problem = "belongs to another user"
    elif status.st_mode & 0o077:
        problem = f"is open to group or others (mode {stat.S_IMODE(status.st_mode):04o})"
    if problem is not None:
        os.close(descriptor)
        raise _Refused(problem)
    return descriptor


def _create(directory: str) -> None:
    """Make the cache directory with mode 0700, and its parent (as ~/.cache) when only that
    is missing; never anything further up, so a missing home is never created."""
    parent = os.path.dirname(directory) or os.curdir
    if not os.path.isdir(parent):
        os.mkdir(parent, mode=0o700)
    os.mkdir(directory, mode=0o700)


def refusal() -> str | None:
    """Why the cache directory is not used although it exists, or None: for the command line
    to say so, naming it."""
    directory = cache_directory()
    if directory is None or not os.path.lexists(directory):
        return None
    try:
        os.close(_open_directory(directory))
    except _Refused as refused:
        return (
            f"the cache directory {directory} {refused}, so it is not used; ilrs keeps its "
            "cache only in a directory of its own, closed to others: point ILRS_CACHE_DIR at "
            "a new directory, or set ILRS_NO_CACHE=1"
        )
    except OSError as error:
        return f"the cache directory {directory} cannot be opened: {error.strerror or error}"
    return None


class _private_directory:  # noqa: N801 (a context manager, used as a function is)
    """A descriptor of the cache directory when it is safe to use (see `_open_directory`),
    created when `create` and missing. Entries are then opened relative to the descriptor, so
    the path cannot be swapped. (A class: contextlib would cost every answer its import.)"""

    def __init__(self, create: bool) -> None:
        self.create = create
        self.descriptor: int | None = None

    def __enter__(self) -> int | None:
        directory = cache_directory()
        try:
            if directory is not None:
                if self.create and not os.path.lexists(directory):
                    _create(directory)
                self.descriptor = _open_directory(directory)
        except (OSError, _Refused):
            self.descriptor = None
        return self.descriptor

    def __exit__(self, *raised: object) -> None:
        if self.descriptor is not None:
            os.close(self.descriptor)


def _entry_name(file: str, part: str = "document") -> str:
    """One entry per dataset path (bytes, so any file name works)."""
    name = sha256_hex(os.fsencode(os.path.abspath(file)))[:32]
    return name + ENTRY_SUFFIX if part == "document" else f"{name}.{part}{ENTRY_SUFFIX}"


def content_key(data: bytes) -> str:
    python = sys.version.split()[0]
    digest = sha256_hex(data)
    return f"ilrs {__version__} ({_code_digest()}); python {python}; sha256 {digest}"


def _code_digest() -> str:
    """A digest of the names, sizes and times of the modules that check and build a dataset
    (`core/` and `load/`), so that no entry written by other code is read: between releases
    too, as in a checkout."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    stamps = []
    for folder in ("core", "load"):
        try:
            with os.scandir(os.path.join(package, folder)) as found:
                stamps += [
                    f"{entry.name} {entry.stat().st_size} {entry.stat().st_mtime_ns}"
                    for entry in found
                    if entry.name.endswith(".py")
                ]
        except OSError:
            pass
    return sha256_hex("\n".join(sorted(stamps)).encode())[:16]


def read_document(file: str, key: str, part: str = "document") -> dict[str, Any] | None:
    """What is kept for `file` (the records its check built, or another `part`, such as the
    names completion offers) when its key matches; None on any doubt."""
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
            if status.st_size > _entry_limit():
                return None
            try:
                entry = json.loads(handle.read())
            except (ValueError, RecursionError, OSError):
                return None
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    document = entry.get("document")
    return document if isinstance(document, dict) else None


def _entry_limit() -> int:
    """Entries are smaller than their dataset files: room for any file the limit lets in."""
    from .reader import size_limit

    try:
        return max(MAX_ENTRY_BYTES, 2 * size_limit())
    except ValueError:
        return MAX_ENTRY_BYTES


def write_document(file: str, key: str, document: dict[str, Any], part: str = "document") -> None:
    """Keep `document` (or another `part`) for `file`, replacing its old entry; skip silently
    when that fails. Only what was built from a valid dataset is ever kept."""
    import secrets

    try:
        text = json.dumps({"key": key, "document": document})
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
                try:
                    os.unlink(temporary, dir_fd=directory)
                except OSError:
                    pass


def clear() -> tuple[str | None, int]:
    """Remove every entry (and stray temporary file): only regular files with the names ilrs
    writes, nothing else in the directory. The directory and how many went; the reason as
    CacheRefused when the directory exists but is not one ilrs uses."""
    from ..core.errors import CacheRefused

    problem = refusal()
    if problem is not None:
        raise CacheRefused(problem)
    removed = 0
    with _private_directory(create=False) as directory:
        if directory is not None:
            for name in os.listdir(directory):
                if not _OWN_NAME.fullmatch(name):
                    continue
                try:
                    status = os.stat(name, dir_fd=directory, follow_symlinks=False)
                    if stat.S_ISREG(status.st_mode) and _owned(status):
                        os.unlink(name, dir_fd=directory)
                        removed += 1
                except OSError:
                    pass
    return cache_directory(), removed
