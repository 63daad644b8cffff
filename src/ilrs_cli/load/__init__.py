"""Loading: read a dataset file, check it against the schema and build the Dataset."""

from __future__ import annotations

from pathlib import Path

from ..core.records import Dataset


def load_dataset(path: Path | None = None, check_codes: bool | None = None) -> Dataset:
    """Load and check a dataset file (the bundled one by default); raise DatasetError.

    `check_codes` also checks every [places] code against ISO 3166, which loads the country
    library; it defaults to on for a file the user names. The bundled file is checked by the
    test suite and by `ilrs check`.
    """
    from .builder import build_dataset
    from .reader import parse_toml, read_text
    from .store import bundled_path

    file = path if path is not None else bundled_path()
    shown = str(file)
    text = read_text(file, shown)
    document = parse_toml(text, shown)
    codes = path is not None if check_codes is None else check_codes
    return build_dataset(shown, document, text, bundled=path is None, check_codes=codes)


def open_dataset(path: Path | None = None) -> Dataset:
    """The dataset at `path` (the bundled one by default), checked, from the cache when it is
    fresh; raise DatasetError for a file that cannot be used."""
    from .store import bundled_path, cache_entry, read_cached, write_cached

    file = path if path is not None else bundled_path()
    entry = cache_entry(file, path is None)
    if entry is not None:
        cached = read_cached(*entry)
        if cached is not None:
            return cached
    dataset = load_dataset(path)
    if entry is not None:
        write_cached(*entry, dataset)
    return dataset
