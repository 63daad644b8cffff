"""Exports of the whole dataset: an SQLite database, a Frictionless Data Package and an Excel
workbook.

Each writer takes the dataset, a target path and `force`, and returns the row count of each
table. Writers are imported only when `exporter` is asked for one, so importing this package
costs nothing.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Protocol

    from ..core.records import Dataset

    class Exporter(Protocol):
        def __call__(
            self, dataset: Dataset, target: Path, /, force: bool = False
        ) -> dict[str, int]: ...


# Each export's name, and the module and function that write it.
EXPORTS: dict[str, tuple[str, str]] = {
    "sqlite": ("datasette", "write_database"),  # with Datasette's metadata beside it
    "datapackage": ("datapackage", "write_datapackage"),
    "xlsx": ("xlsx", "write_workbook"),  # needs the extra ilrs-cli[xlsx]
}


def exporter(name: str) -> Exporter:
    """The writer of the export called `name`; ValueError naming the exports if none is."""
    if name not in EXPORTS:
        raise ValueError(f"unknown export {name!r}; use one of: {', '.join(EXPORTS)}")
    module, function = EXPORTS[name]
    writer: Exporter = getattr(import_module(f"{__name__}.{module}"), function)
    return writer
