"""Loading: read a dataset file, check it against the schema and build the Dataset."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used, so that Tab completion does not pay for it
    from ..core.records import Dataset


def load_dataset(path: Path | None = None, check_codes: bool | None = None) -> Dataset:
    """Load and check a dataset file (the bundled one by default), without the cache; raise
    DatasetError listing every problem.

    `check_codes` also checks every [places] code against ISO 3166, which loads the country
    library; it defaults to on for a file the user names. The bundled file is checked by the
    test suite and by `ilrs check`.
    """
    return _load(path, check_codes, use_cache=False)


def open_dataset(path: Path | None = None) -> Dataset:
    """The dataset at `path` (the bundled one by default), checked; its parsed TOML comes from
    the cache when the file's content is unchanged. Raise DatasetError for a file that cannot
    be used."""
    return _load(path, None, use_cache=True)


def _load(path: Path | None, check_codes: bool | None, use_cache: bool) -> Dataset:
    from .builder import build_dataset
    from .cache import content_key, read_document, write_document
    from .reader import bundled_path, decode_text, parse_toml, read_bytes

    file = path if path is not None else bundled_path()
    shown = str(file)
    raw = read_bytes(file, shown)
    text = decode_text(raw, shown)
    key = content_key(raw) if use_cache else ""
    document = read_document(file, key) if use_cache else None
    cached = document is not None
    if document is None:
        document = parse_toml(text, shown)
    # A cached document passed every check, ISO codes included, when it was written.
    codes = (path is not None if check_codes is None else check_codes) and not cached
    dataset = build_dataset(shown, document, text, bundled=path is None, check_codes=codes)
    if use_cache and not cached:
        write_document(file, key, document)
    return dataset
