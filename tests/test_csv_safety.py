"""CSV cannot be forged from a dataset: `--csv`, `--format csv` and the data package's CSVs
write CR, every other control character and every invisible or line-breaking character as a
visible escape (tab and newline are kept, a newline quoted), as docs/json.md says; and one
rule handles cells a spreadsheet would run as formulas."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from ilrs_cli.export.datapackage import write_datapackage
from ilrs_cli.load import load_dataset

from .conftest import Runner
from .test_loader import VALID

# what each hostile character becomes in a CSV cell
FORGERS = {
    "\r": "\\r",
    "\x1b": "\\x1b",
    "\x0b": "\\x0b",
    "\x0c": "\\x0c",
    "\x1e": "\\x1e",
    "\x85": "\\x85",
    "\u2028": "\\u2028",
    "\u200b": "\\u200b",  # zero-width space (case 17): escaped as in tables
    "\u202e": "\\u202e",
}
NAME = "Pakistan lunar rover" + "".join(f"{char}FAKE-{n}" for n, char in enumerate(FORGERS))
SHOWN = "Pakistan lunar rover" + "".join(f"{e}FAKE-{n}" for n, e in enumerate(FORGERS.values()))


def toml_string(text: str) -> str:
    return "".join(char if char.isascii() and char.isprintable() else f"\\u{ord(char):04x}"
                   for char in text)  # fmt: skip


@pytest.fixture
def forged(tmp_path: Path, use_dataset: Callable[[Path], None]) -> Path:
    path = tmp_path / "forged.toml"
    path.write_text(VALID.replace('"A rover"', f'"{toml_string(NAME)}"'), encoding="utf-8")
    use_dataset(path)
    return path


def raw(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as file:
        return file.read()


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def assert_one_line_per_row(text: str) -> None:
    """No reader can see more rows than there are: not csv, not splitlines, not a terminal."""
    assert len(text.splitlines()) == len(rows(text)), repr(text)
    assert not any(char in text for char in FORGERS), repr(text)


def test_check_passes_the_forged_dataset(ilrs: Runner, forged: Path) -> None:
    assert ilrs("check", str(forged)).exit_code == 0  # so CSV output must hold the line


def test_csv_of_a_list_escapes_cr_and_every_control_character(ilrs: Runner, forged: Path) -> None:
    text = ilrs("payloads", "--csv").stdout
    assert_one_line_per_row(text)
    (header, row) = rows(text)
    assert row[header.index("name")] == SHOWN


def test_csv_of_one_record_escapes_them_too(ilrs: Runner, forged: Path) -> None:
    text = ilrs("show", "rover", "--format", "csv").stdout
    assert_one_line_per_row(text)
    assert ["name", SHOWN] in rows(text)


def test_the_data_packages_csvs_escape_them(forged: Path, tmp_path: Path) -> None:
    target = tmp_path / "package"
    write_datapackage(load_dataset(forged), target)
    text = raw(target / "payloads.csv")
    assert_one_line_per_row(text)
    (header, row) = rows(text)
    assert row[header.index("name")] == SHOWN
    for table in target.glob("*.csv"):
        assert_one_line_per_row(raw(table))


def test_tab_and_newline_are_kept_a_newline_quoted(
    ilrs: Runner, tmp_path: Path, use_dataset: Callable[[Path], None]
) -> None:
    path = tmp_path / "lines.toml"
    path.write_text(VALID.replace('"Rolls."', '"Rolls\\tfar.\\nThen stops."'), encoding="utf-8")
    use_dataset(path)
    (header, row) = rows(ilrs("payloads", "--csv").stdout)
    assert row[header.index("description")] == "Rolls\tfar.\nThen stops."
    target = tmp_path / "package"
    write_datapackage(load_dataset(path), target)
    (header, row) = rows(raw(target / "payloads.csv"))
    assert row[header.index("description")] == "Rolls\tfar.\nThen stops."


FORMULAS = {
    "name": '=HYPERLINK("https://example.org/x","click")',
    "description": "@SUM(1+1)",
    "note": "+1+2",
    "name_zh": "-2+3",
}


@pytest.fixture
def formulas(tmp_path: Path, use_dataset: Callable[[Path], None]) -> Path:
    text = VALID.replace('name = "A rover"', f"name = {toml_quoted(FORMULAS['name'])}")
    text = text.replace('description = "Rolls."', 'description = "@SUM(1+1)"\nnote = "+1+2"')
    text = text.replace('kind = "rover"', 'kind = "rover"\nname_zh = "-2+3"')
    path = tmp_path / "formulas.toml"
    path.write_text(text, encoding="utf-8")
    use_dataset(path)
    return path


def toml_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_a_cell_a_spreadsheet_would_run_starts_with_an_apostrophe(
    ilrs: Runner, formulas: Path, tmp_path: Path
) -> None:
    (header, row) = rows(ilrs("payloads", "--csv").stdout)
    target = tmp_path / "package"
    write_datapackage(load_dataset(formulas), target)
    (package_header, package_row) = rows(raw(target / "payloads.csv"))
    for field, value in FORMULAS.items():
        assert row[header.index(field)] == "'" + value, field
        assert package_row[package_header.index(field)] == "'" + value, field
    assert ilrs("payloads", "--json").json()[0]["name"] == FORMULAS["name"]  # JSON is exact
    (detail,) = [r for r in rows(ilrs("show", "rover", "--csv").stdout) if r[0] == "name"]
    assert detail[1] == "'" + FORMULAS["name"]


def test_an_apostrophe_is_added_only_where_a_formula_could_start(ilrs: Runner) -> None:
    from ilrs_cli.core.safe_text import csv_cell

    assert csv_cell("a=b") == "a=b"
    assert csv_cell("rover - small") == "rover - small"
    assert csv_cell("\t=1") == "'\t=1"
    assert csv_cell("\r=1") == "\\r=1"  # CR is escaped, so no formula can start
    assert csv_cell("") == ""
