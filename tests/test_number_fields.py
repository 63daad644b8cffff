"""The number field types end to end, on tests/fixtures/payload-masses.toml: payload fields
`mass_kg` (a decimal) and `instruments` (an integer), declared in the schema in memory, as a
line in core.schema's [[payloads]] table would declare them. `ilrs check` lists each wrong
value with its record and line; JSON gives numbers, never strings; tables and CSV show them
without float noise; `--sort` orders them as numbers, a missing value last; `--count-by`
counts them; `ilrs fields` and the schema reference describe them; SQLite holds them in REAL
and INTEGER columns; the data package types them `number` and `integer` and validates; the
cache gives back the same values."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import FIXTURES
from .test_registries import _run

# one worker makes the module fixture once (--dist loadgroup)
pytestmark = pytest.mark.xdist_group("test_number_fields")

MASSES = FIXTURES / "payload-masses.toml"

REGISTER_NUMBERS = """
    from ilrs_cli.core import schema
    from ilrs_cli.core.field_types import DECIMAL, INTEGER

    table = schema.TABLES["payloads"]
    keys = list(table.json_keys)
    keys[keys.index("mass") + 1 : keys.index("mass") + 1] = ["mass_kg", "instruments"]
    schema.TABLES["payloads"] = table._replace(
        fields=(*table.fields,
                schema._optional("mass_kg", DECIMAL, "Its mass in kilograms.",
                                 shown=schema.Shown("Mass (kg)", "Its mass in kilograms.")),
                schema._optional("instruments", INTEGER, "How many instruments it carries.")),
        json_keys=tuple(keys))
"""

# the payloads of the fixture, in file order, and their values
IDS = ["rover", "lander-arm", "dust-sensor", "magnetometer", "reflector", "camera"]
MASS = [35, 100, 5, 12.5, 0.1, None]
INSTRUMENTS = [4, 12, 1, 1, None, None]


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("numbers")
    code = (
        REGISTER_NUMBERS
        + f"""
    import json, os, sqlite3
    import frictionless
    from typer.testing import CliRunner
    from ilrs_cli.cli.app import app
    from ilrs_cli.core.schema import schema_markdown

    runner = CliRunner()
    def run(*args, data={str(MASSES)!r}):
        result = runner.invoke(app, ["--data", data, *args], prog_name="ilrs",
                               env={{"COLUMNS": "200"}})
        return result.exit_code, result.output

    def out(*args):
        code, output = run(*args)
        assert code == 0, (args, output)
        return output

    found = {{
        "json": out("payloads", "--json"),
        "show": json.loads(out("show", "magnetometer", "--json")),
        "show_text": out("show", "magnetometer"),
        "table": out("payloads", "--fields", "id,mass_kg,instruments"),
        "csv": out("payloads", "--csv", "--fields", "id,mass_kg,instruments"),
        "sorted": {{
            way + name: [item["id"] for item in
                         json.loads(out("payloads", "--sort", way + name, "--json"))]
            for name in ("mass_kg", "instruments") for way in ("", "-")
        }},
        "counted": json.loads(out("payloads", "--count-by", "instruments", "--json")),
        "counted_csv": out("payloads", "--count-by", "mass_kg", "--csv"),
        "fields": [f for f in json.loads(out("fields", "payloads", "--json"))
                   if f["field"] in ("mass_kg", "instruments")],
        "schema": [line for line in schema_markdown().splitlines()
                   if "`mass_kg`" in line or "`instruments`" in line],
        "check": run("check"),
    }}
    text = open({str(MASSES)!r}, encoding="utf-8").read()
    wrong = (text.replace("mass_kg = 35\\n", 'mass_kg = "35 kg"\\n')
                 .replace("instruments = 12\\n", "instruments = true\\n")
                 .replace("mass_kg = 5\\n", "mass_kg = nan\\n")
                 .replace("mass_kg = 12.5\\n", "mass_kg = -inf\\n")
                 .replace("instruments = 4\\n", "instruments = 4.0\\n"))
    open("wrong.toml", "w", encoding="utf-8").write(wrong)
    found["wrong"] = run("check", data="wrong.toml")

    out("export", "sqlite", "masses.db")
    db = sqlite3.connect("masses.db")
    found["sqlite"] = db.execute(
        "SELECT id, mass_kg, typeof(mass_kg), instruments, typeof(instruments) FROM payloads"
    ).fetchall()
    found["sqlite_types"] = {{row[1]: row[2] for row in db.execute("PRAGMA table_info(payloads)")
                             if row[1] in ("mass_kg", "instruments")}}
    found["view"] = [list(row) for row in
                     db.execute("SELECT id, mass_kg, instruments FROM list_payloads")]
    out("export", "datapackage", "package")
    report = frictionless.Package("package/datapackage.json").validate()
    found["package_valid"] = report.valid
    descriptor = json.load(open("package/datapackage.json", encoding="utf-8"))
    payloads = next(r for r in descriptor["resources"] if r["name"] == "payloads")
    found["package_types"] = {{f["name"]: f["type"] for f in payloads["schema"]["fields"]
                              if f["name"] in ("mass_kg", "instruments")}}
    found["package_csv"] = open("package/payloads.csv", encoding="utf-8").read()

    # the cache: a second open reads the entry the first wrote, and the builder is not run
    os.environ.pop("ILRS_NO_CACHE")
    os.environ["ILRS_CACHE_DIR"] = os.path.abspath("cache")
    from ilrs_cli import load
    from ilrs_cli.load import builder
    checked = load.open_dataset({str(MASSES)!r})
    def refuse(*args, **kwargs):
        raise AssertionError("checked again")
    builder.build_dataset = refuse
    cached = load.open_dataset({str(MASSES)!r})
    found["cached"] = cached == checked and cached.payloads[3].extra == checked.payloads[3].extra
    found["cached_extra"] = [list(pair) for pair in cached.payloads[3].extra]
    print(json.dumps(found))
    """
    )
    found: dict[str, Any] = json.loads(_run(code, folder))
    return found


def test_json_gives_numbers(answers: dict[str, Any]) -> None:
    items = json.loads(answers["json"])
    assert [item["id"] for item in items] == IDS
    assert [item["mass_kg"] for item in items] == MASS
    assert [type(item["mass_kg"]) for item in items] == [int, int, int, float, float, type(None)]
    assert [item["instruments"] for item in items] == INSTRUMENTS
    assert '"mass_kg": 12.5,' in answers["json"] and '"mass_kg": 0.1,' in answers["json"]
    keys = list(items[0])
    assert keys[keys.index("mass") + 1 : keys.index("mass") + 3] == ["mass_kg", "instruments"]
    assert answers["show"]["mass_kg"] == 12.5 and answers["show"]["instruments"] == 1
    assert "12.5" in answers["show_text"]


def test_tables_and_csv_show_numbers_without_float_noise(answers: dict[str, Any]) -> None:
    assert answers["csv"].splitlines() == [
        "id,mass_kg,instruments",
        "rover,35,4",
        "lander-arm,100,12",
        "dust-sensor,5,1",
        "magnetometer,12.5,1",
        "reflector,0.1,",
        "camera,,",
    ]
    table = answers["table"]
    assert "Mass (kg)" in table and " 12.5 " in table and " 0.1 " in table
    assert "0.1000" not in table and "e-0" not in table and "e+" not in table


def test_sort_is_numeric_and_missing_values_come_last(answers: dict[str, Any]) -> None:
    by = answers["sorted"]
    assert by["mass_kg"] == ["reflector", "dust-sensor", "magnetometer", "rover", "lander-arm",
                             "camera"]  # fmt: skip
    assert by["-mass_kg"] == ["lander-arm", "rover", "magnetometer", "dust-sensor", "reflector",
                              "camera"]  # fmt: skip
    assert by["instruments"] == ["dust-sensor", "magnetometer", "rover", "lander-arm",
                                 "reflector", "camera"]  # fmt: skip
    assert by["-instruments"][:2] == ["lander-arm", "rover"]
    assert by["-instruments"][-2:] == ["reflector", "camera"]


def test_count_by_counts_numbers(answers: dict[str, Any]) -> None:
    counted = {row["instruments"]: row["count"] for row in answers["counted"]}
    assert counted == {1: 2, 4: 1, 12: 1, None: 2}
    assert answers["counted"][0] == {"instruments": 1, "count": 2}
    rows = answers["counted_csv"].splitlines()
    assert {"12.5,1", "0.1,1", "35,1", ",1"} <= set(rows), rows


def test_fields_and_the_schema_reference_describe_them(answers: dict[str, Any]) -> None:
    assert answers["fields"] == [
        {"command": "payloads", "field": "mass_kg", "type": "number or null",
         "description": "Its mass in kilograms."},
        {"command": "payloads", "field": "instruments", "type": "integer or null",
         "description": "How many instruments it carries."},
    ]  # fmt: skip
    assert answers["schema"] == [
        "| `mass_kg` | number (12.5, or whole: 35) | no | Its mass in kilograms. |",
        "| `instruments` | integer | no | How many instruments it carries. |",
    ]


def _line(text: str, wanted: str) -> int:
    return text.splitlines().index(wanted) + 1


def test_check_lists_each_wrong_number_with_its_record_and_line(
    answers: dict[str, Any],
) -> None:
    assert answers["check"][0] == 0
    code, output = answers["wrong"]
    assert code == 1
    text = MASSES.read_text(encoding="utf-8")
    expected = [
        f"[[payloads]] #1 (id 'rover', line {_line(text, 'mass_kg = 35')}): 'mass_kg' must be "
        "a number such as 12.5, not a string",
        f"[[payloads]] #1 (id 'rover', line {_line(text, 'instruments = 4')}): 'instruments' "
        "must be a whole number such as 42, not the decimal 4.0",
        f"[[payloads]] #2 (id 'lander-arm', line {_line(text, 'instruments = 12')}): "
        "'instruments' must be a whole number such as 42, not true/false",
        f"[[payloads]] #3 (id 'dust-sensor', line {_line(text, 'mass_kg = 5')}): 'mass_kg' "
        "must be a finite number, not nan",
        f"[[payloads]] #4 (id 'magnetometer', line {_line(text, 'mass_kg = 12.5')}): 'mass_kg' "
        "must be a finite number, not -inf",
    ]
    flat = " ".join(output.split())
    for problem in expected:
        assert problem in flat, (problem, output)
    assert "5 problems" in flat


def test_sqlite_holds_real_and_integer_columns(answers: dict[str, Any]) -> None:
    assert answers["sqlite_types"] == {"mass_kg": "REAL", "instruments": "INTEGER"}
    rows = {row[0]: row[1:] for row in answers["sqlite"]}
    assert [rows[i][0] for i in IDS] == MASS
    assert {rows[i][1] for i in IDS} == {"real", "null"}
    assert [rows[i][2] for i in IDS] == INSTRUMENTS
    assert {rows[i][3] for i in IDS} == {"integer", "null"}
    assert answers["view"] == [[i, m, n] for i, m, n in zip(IDS, MASS, INSTRUMENTS, strict=True)]


def test_the_data_package_types_numbers_and_validates(answers: dict[str, Any]) -> None:
    assert answers["package_valid"] is True
    assert answers["package_types"] == {"mass_kg": "number", "instruments": "integer"}
    lines = answers["package_csv"].splitlines()
    header = lines[0].split(",")
    mass = header.index("mass_kg")
    cells = [line.split(",")[mass] for line in lines[1:]]  # no cell of the fixture is quoted
    assert cells == ["35", "100", "5", "12.5", "0.1", ""]


def test_the_cache_gives_back_the_same_numbers(answers: dict[str, Any]) -> None:
    assert answers["cached"] is True
    assert ["mass_kg", 12.5] in answers["cached_extra"]
    assert ["instruments", 1] in answers["cached_extra"]


def test_the_fixture_is_not_the_bundled_data() -> None:
    bundled = Path(__file__).parents[1] / "data" / "chang8.toml"
    assert "mass_kg" not in bundled.read_text(encoding="utf-8")
