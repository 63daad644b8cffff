"""Where datasets come from: the bundled file, a user's file, and a cache of parsed files.

Parsing and checking a dataset costs more than the rest of a typical command, and `ilrs` runs
once per question (and once per Tab of completion). So a checked dataset is kept, pickled, in
a cache directory, keyed by the file's path, size and modification time and by the versions
of ilrs, Python and the record types. A cache entry that is missing, stale, unreadable or
corrupt is ignored and rewritten; a cache that cannot be written is not used. Either way the
answer is the same.

The cache lives in $ILRS_CACHE_DIR, else $XDG_CACHE_HOME/ilrs, else ~/.cache/ilrs; setting
ILRS_NO_CACHE=1 turns it off. Entries are pickles, so only files the user owns are loaded.
"""

from __future__ import annotations

import contextlib
import os
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__

if TYPE_CHECKING:
    from ..core.records import Dataset

BUNDLED_NAME = "chang8.toml"


def bundled_path() -> Path:
    """The dataset shipped inside the package (a real file in wheels and editable installs)."""
    return Path(str(resources.files("ilrs_cli") / "data" / BUNDLED_NAME))


def cache_directory() -> Path | None:
    if os.environ.get("ILRS_NO_CACHE"):
        return None
    if configured := os.environ.get("ILRS_CACHE_DIR"):
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ilrs"


def cache_entry(file: Path, bundled: bool) -> tuple[Path, str] | None:
    """The cache file for `file` and the key its content must carry; None when caching is
    off or the file cannot be looked at (the loader then reports why)."""
    import zlib

    directory = cache_directory()
    if directory is None:
        return None
    try:
        status = file.stat()
        resolved = file.resolve()
    except (OSError, RuntimeError):
        return None
    key = "|".join(
        [
            __version__,
            _model_shape(),
            sys.version.split()[0],
            str(file),
            str(resolved),
            str(bundled),
            str(status.st_size),
            str(status.st_mtime_ns),
        ]
    )
    name = f"{file.stem[:40]}-{zlib.crc32(key.encode()):08x}.pickle"
    return directory / name, key


def _model_shape() -> str:
    """The fields of every record type, so that a cache written by other code never loads."""
    from ..core import dates, records
    from ..core.kinds import KINDS

    types: list[Any] = [
        dates.FuzzyDate, records.Place, records.Citation, records.DatasetInfo, records.Dataset,
        *(kind.record_type for kind in KINDS),
    ]  # fmt: skip
    return ";".join(f"{kind.__name__}:{','.join(kind._fields)}" for kind in types)


def read_cached(cache_file: Path, key: str) -> Dataset | None:
    import pickle

    from ..core.records import Dataset

    try:
        if hasattr(os, "getuid") and cache_file.stat().st_uid != os.getuid():
            return None  # a pickle is code: load only the user's own
        stored_key, dataset = pickle.loads(cache_file.read_bytes())
    except Exception:  # noqa: BLE001 - missing, unreadable or corrupt: rebuild it
        return None
    if stored_key != key or not isinstance(dataset, Dataset):
        return None
    return dataset


def write_cached(cache_file: Path, key: str, dataset: Dataset) -> None:
    import pickle
    import tempfile

    temporary_name = None
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache_file.parent, delete=False) as temporary:
            temporary_name = temporary.name
            temporary.write(pickle.dumps((key, dataset), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary_name, cache_file)
    except (OSError, pickle.PicklingError):
        if temporary_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary_name)
