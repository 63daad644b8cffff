"""Writing output files whole or not at all, and what `force` may replace.

`force` replaces a regular file (or a link to one: the link is replaced, never the file it
points to) and, for the data package, an earlier export recognised by its own files; never a
directory, a device, a pipe, a socket or a link to anything else. Temporary files have short
names of their own (`.ilrs-<token>.tmp`) beside the target, so any valid target name works.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from ..core.errors import TargetInTheWay, WriteFailed

_KINDS = {
    stat.S_IFREG: "a regular file",
    stat.S_IFDIR: "a directory",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a pipe or FIFO",
    stat.S_IFSOCK: "a socket",
}


def kind_of(path: Path) -> str:
    """What `path` is, in words: 'a directory', 'a symbolic link to a character device'..."""
    status = os.lstat(path)
    if stat.S_ISLNK(status.st_mode):
        try:
            return "a symbolic link to " + _KINDS.get(stat.S_IFMT(os.stat(path).st_mode), "?")
        except OSError:
            return "a symbolic link to nothing"
    return _KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")


def absolute(target: Path) -> Path:
    """`target` as an absolute path; WriteFailed when it is relative to a working directory
    that no longer exists (removed while the shell was in it)."""
    try:
        return Path(os.path.abspath(target))
    except FileNotFoundError:
        raise WriteFailed(
            str(target), "the working directory no longer exists; cd to a directory, or give "
            "an absolute path"
        ) from None  # fmt: skip


def failed(target: Path, error: OSError) -> WriteFailed:
    """WriteFailed for an OSError, in the words of the system: 'No space left on device'."""
    return WriteFailed(str(target), error.strerror or str(error))


def temporary_beside(target: Path, suffix: str = ".tmp") -> Path:
    return target.parent / f".ilrs-{secrets.token_hex(6)}{suffix}"


def check_file_target(target: Path, force: bool) -> None:
    """Raise TargetInTheWay unless `target` is missing, or is a regular file (or a link to
    one) and `force` is given."""
    if not os.path.lexists(target):
        return
    kind = kind_of(target)
    if kind not in ("a regular file", "a symbolic link to a regular file"):
        raise TargetInTheWay(str(target), [f"{target} ({kind})"], replaceable=False)
    if not force:
        raise TargetInTheWay(str(target), [], replaceable=True)


def write_atomically(target: Path, data: bytes, force: bool = False) -> None:
    """Write `data` to `target` through a temporary file in the same directory, replaced into
    place; an existing regular file is replaced only with `force` (see `check_file_target`).
    The new file has the mode the umask gives, as any new file; WriteFailed when it cannot
    be written."""
    shown, target = target, absolute(target)
    check_file_target(shown, force)
    temporary = temporary_beside(target)
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise failed(shown, error) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
        temporary = Path()
    except OSError as error:
        raise failed(shown, error) from None
    finally:
        if temporary != Path():
            with contextlib.suppress(OSError):
                os.unlink(temporary)
