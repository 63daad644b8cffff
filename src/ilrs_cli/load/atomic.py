"""Writing a file whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, data: bytes, force: bool = False) -> None:
    """Write `data` to `target` through a temporary file in the same directory, replaced into
    place; an existing `target` is replaced only with `force`. A device or a pipe (/dev/null,
    a FIFO) is written into: replacing it would put a file where the device was."""
    if target.exists() and not target.is_file():  # a device or a pipe: /dev/stdout, a FIFO
        with target.open("wb") as out:  # written into, never replaced
            out.write(data)
        return
    if target.exists() and not force:
        raise FileExistsError(f"{target} exists; add --force to replace it")
    handle, temporary = tempfile.mkstemp(dir=target.parent or Path("."), prefix=".ilrs-")
    mask = os.umask(0)
    os.umask(mask)
    try:
        os.chmod(temporary, 0o666 & ~mask)  # as open() would make it, not mkstemp's 0600
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
        temporary = ""
    finally:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
