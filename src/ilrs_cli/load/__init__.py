"""Loading: read a dataset file, check it against the schema and build the Dataset."""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:  # imported where used, so that Tab completion does not pay for it
    from typing import Any

    from ..core.errors import Problem
    from ..core.records import Dataset

    StrPath = str | os.PathLike[str]  # a path as text, or a pathlib.Path


def load_dataset(path: StrPath | None = None, check_codes: bool | None = None) -> Dataset:
    """Load and check a dataset file (the bundled one by default), without the cache; raise
    DatasetError listing every problem.

    `check_codes` also checks every [places] code against ISO 3166, which loads the country
    library; it defaults to on for a file the user names. The bundled file is checked by the
    test suite and by `ilrs check`.
    """
    return _load(path, check_codes, use_cache=False)


def check_dataset(path: StrPath | None = None) -> tuple[Dataset, list[Problem]]:
    """As `load_dataset` with every check, ISO codes included, and the warnings about text:
    each string that holds a character ilrs shows only escaped, at its record and line."""
    from .builder import build_dataset
    from .reader import bundled_path, read_bytes
    from .text_warnings import text_warnings

    shown = os.fspath(path) if path is not None else bundled_path()
    document, text = _parsed(read_bytes(shown, shown), shown)
    dataset = build_dataset(shown, document, text, bundled=path is None, check_codes=True)
    return dataset, text_warnings(document, text)


def open_dataset(path: StrPath | None = None) -> Dataset:
    """The dataset at `path` (the bundled one by default), checked. When the file's bytes
    passed every check before, the records that check built come from the cache instead.
    Raise DatasetError for a file that cannot be used."""
    return _load(path, None, use_cache=True)


def _load(path: StrPath | None, check_codes: bool | None, use_cache: bool) -> Dataset:
    import gc

    # Loading makes millions of objects and no garbage cycles: collecting while it runs
    # costs a tenth of a big file's time and frees nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read_and_build(path, check_codes, use_cache)
    finally:
        if collecting:
            gc.enable()


def _read_and_build(path: StrPath | None, check_codes: bool | None, use_cache: bool) -> Dataset:
    from .reader import bundled_path, read_bytes

    file = os.fspath(path) if path is not None else bundled_path()
    shown = file
    raw = read_bytes(file, shown)
    if not use_cache:
        return _check(raw, shown, path, check_codes)
    from .cache import cache_directory, content_key, read_document, write_document
    from .checked import dataset_from, records_of

    key = content_key(raw)
    kept = read_document(file, key)
    # Kept only after these very bytes passed every check, ISO codes included.
    dataset = dataset_from(kept, shown, bundled=path is None) if kept is not None else None
    if dataset is None:
        dataset = _check(raw, shown, path, check_codes)
        if cache_directory() is not None:  # not turned off (ILRS_NO_CACHE)
            try:
                write_document(file, key, records_of(dataset))
            except TypeError:  # a record the cache cannot hold
                pass
    return dataset


def _check(raw: bytes, shown: str, path: StrPath | None, check_codes: bool | None) -> Dataset:
    """Parse and check the bytes of a dataset file, and build its records."""
    from .builder import build_dataset

    document, text = _parsed(raw, shown)
    codes = path is not None if check_codes is None else check_codes
    return build_dataset(shown, document, text, bundled=path is None, check_codes=codes)


def _parsed(raw: bytes, shown: str) -> tuple[dict[str, Any], str]:
    """The TOML document in the bytes of a dataset file, and its text."""
    from .reader import decode_text, parse_toml

    text = decode_text(raw, shown)
    return parse_toml(text, shown), text
