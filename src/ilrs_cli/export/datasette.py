"""The SQLite export with Datasette's metadata beside it: `ilrs.db` and `ilrs.metadata.json`,
the title, description, licence and source of the data, and a title and description for
every table, view and column (`datasette ilrs.db -m ilrs.metadata.json` shows them).

No column holds a quantity with a unit (masses are text as the sources give them: "about
10 kg"), so the metadata declares no units (Datasette reads `units` with the copy of pint it
ships, and would show them).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..core.errors import WriteFailed
from ..core.licence import DATA_LICENCE
from ..core.records import Dataset
from ..core.safe_text import json_safe
from ..load.atomic import check_file_target, write_atomically
from .sqlite import write_sqlite
from .tables import Table, export_tables
from .views import list_views

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def metadata_path(database: Path) -> Path:
    """Where the metadata of `database` goes: ilrs.db -> ilrs.metadata.json."""
    return database.with_name(f"{database.stem}.metadata.json")


def _name_limit(path: Path) -> int:
    try:
        return os.pathconf(path.parent if str(path.parent) else ".", "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def _title(name: str) -> str:
    return name.strip("_").replace("_", " ").capitalize()


def _table(table: Table) -> dict[str, Any]:
    return {
        "title": _title(table.name),
        "description": table.description,
        "columns": {column.name: column.description for column in table.columns},
    }


def metadata(dataset: Dataset, database: str, tables: list[Table] | None = None) -> dict[str, Any]:
    """Datasette's metadata for the export of `dataset` as the database named `database`
    (the file's name without its suffix)."""
    info = dataset.info
    described = {table.name: _table(table) for table in tables or export_tables(dataset)}
    for view in list_views():  # list_payloads holds the rows of `ilrs payloads --json`
        command = view.removeprefix("list_")
        described[view] = {
            "title": f"ilrs {command}",
            "description": f"The rows of the command ilrs {command} (as its JSON output "
            "gives them), one a row; lists and sources are JSON arrays.",
        }
    source = (
        f"{info.title}, dataset {info.version} (as of {info.as_of.isoformat()}), compiled "
        f"from {len(dataset.sources)} sources: the sources table lists each, with its URL"
    )
    description = info.description or info.title
    # No source_url: the project records no address of its own to point at.
    about = {"license": DATA_LICENCE["title"], "license_url": DATA_LICENCE["path"],
             "source": source}  # fmt: skip
    return {
        "title": info.title,
        "description": description,
        **about,
        "databases": {
            database: {
                "title": info.title,
                "description": f"{description} Data as of {info.as_of.isoformat()}"
                " (the date of the newest source).",
                **about,
                "tables": described,
            }
        },
    }


def write_database(dataset: Dataset, path: Path, force: bool = False) -> dict[str, int]:
    """The SQLite export, then its Datasette metadata beside it; an existing metadata file
    is replaced only with `force`, and is checked before the database is written."""
    path = Path(path)
    beside = metadata_path(path)
    check_file_target(beside, force)
    limit, size = _name_limit(path), len(os.fsencode(beside.name))  # the bytes the system sees
    if size > limit:
        raise WriteFailed(
            str(beside), f"no room beside {path.name} for its metadata: the name would be "
            f"{size} bytes long, and names here hold {limit}; choose a "
            "shorter name for the database"
        )  # fmt: skip
    counts = write_sqlite(dataset, path, force)
    text = json_safe(json.dumps(metadata(dataset, path.stem), ensure_ascii=False, indent=2)) + "\n"
    write_atomically(beside, text.encode("utf-8"), force)
    return counts
