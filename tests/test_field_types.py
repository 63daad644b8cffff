"""Every field type (core.field_types.FIELD_TYPES, and a `choice` of a vocabulary) works as a
field of any name: a throwaway payload field of each type, given three values, reads back
through JSON, `--sort` (both ways, a missing value last), CSV, `--count-by`, the cache, the
SQLite export (its column type and values, and the list view) and the data package (its Table
Schema type, validated by frictionless).

A type added to the registry without a sample here fails `test_every_type_has_a_sample`; with
one, every round trip below runs for it.

The fields are registered in a fresh interpreter (the app builds its columns when imported),
which writes what each command answered; the tests here read that."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from typing import Any

import frictionless
import pytest

from ilrs_cli.core.field_types import CITATIONS, FIELD_TYPES
from ilrs_cli.core.schema import TABLES

from .conftest import FROZEN
from .test_export import assert_view_equals
from .test_registries import _run

# one worker makes the module fixture once (--dist loadgroup)
pytestmark = pytest.mark.xdist_group("test_field_types")


class Sample:
    """Three values of a type, in the order `--sort` gives them: as TOML, as JSON, as
    `--csv` shows them, and as the SQLite column holds them (a list: its table's values)."""

    def __init__(self, toml: tuple[str, ...], json_: tuple[Any, ...], csv_: tuple[str, ...],
                 sql: tuple[Any, ...] | None = None, sql_type: str = "text") -> None:  # fmt: skip
        self.toml, self.json, self.csv = toml, json_, csv_
        self.sql = sql if sql is not None else json_
        self.sql_type = sql_type


SAMPLES: dict[str, Sample] = {
    "text": Sample(('"apple"', '"Banana"', '"cherry"'), ("apple", "Banana", "cherry"),
                   ("apple", "Banana", "cherry")),
    "id": Sample(('"a-9"', '"b-10"', '"c-1"'), ("a-9", "b-10", "c-1"), ("a-9", "b-10", "c-1")),
    "url": Sample(('"http://b.example"', '"https://a.example"', '"https://b.example"'),
                  ("http://b.example", "https://a.example", "https://b.example"),
                  ("http://b.example", "https://a.example", "https://b.example")),
    "date": Sample(('"2020"', '"2023-12"', '"2025-04-24"'), ("2020", "2023-12", "2025-04-24"),
                   ("2020", "2023-12", "2025-04-24")),
    "day": Sample(("2020-01-02", "2021-11-04", "2022-05-06"),
                  ("2020-01-02", "2021-11-04", "2022-05-06"),
                  ("2020-01-02", "2021-11-04", "2022-05-06")),
    "flag": Sample(("false", "true", "true"), (False, True, True), ("False", "True", "True"),
                   (0, 1, 1), "integer"),
    "ordinal": Sample(("5", "35", "100"), (5, 35, 100), ("5", "35", "100"), sql_type="integer"),
    "integer": Sample(("0", "35", "100"), (0, 35, 100), ("0", "35", "100"), sql_type="integer"),
    "decimal": Sample(("5", "12.5", "100.25"), (5, 12.5, 100.25), ("5", "12.5", "100.25"),
                      (5.0, 12.5, 100.25), "real"),
    "place": Sample(('"Azerbaijan"', '"Egypt"', '"Hong Kong"'),
                    ("Azerbaijan", "Egypt", "Hong Kong"), ("Azerbaijan", "Egypt", "Hong Kong")),
    "mission": Sample(('"Chang\'e-7"', '"Chang\'e-8"', '"ILRS"'),
                      ("Chang'e-7", "Chang'e-8", "ILRS"), ("Chang'e-7", "Chang'e-8", "ILRS")),
    "member_id": Sample(('"belarus"', '"pakistan"', '"russia"'), ("belarus", "pakistan", "russia"),
                        ("belarus", "pakistan", "russia")),
    "institution_ids": Sample(('["hkust"]', '["polyu", "istvs"]', '["suparco"]'),
                              (["hkust"], ["polyu", "istvs"], ["suparco"]),
                              ("hkust", "polyu; istvs", "suparco")),
    "names": Sample(('["alpha"]', '["beta", "Gamma"]', '["delta"]'),
                    (["alpha"], ["beta", "Gamma"], ["delta"]), ("alpha", "beta; Gamma", "delta")),
    "choice": Sample(('"done"', '"planned"', '"planned"'), ("done", "planned", "planned"),
                     ("done", "planned", "planned")),
}  # fmt: skip
# A type only one field has: citations are every record's `sources`, which the exports give
# a table of their own (`citations`) and tests/test_export.py checks.
ONLY_AS = {"citations": "sources"}
NAMES = sorted([*FIELD_TYPES, "choice"])
TESTED = [name for name in NAMES if name in SAMPLES]  # a type with no sample fails below
PACKAGE_TYPES = {"text": "string", "integer": "integer", "real": "number"}

REGISTER = """
    import json, sys
    from ilrs_cli.core import schema
    from ilrs_cli.core.field_types import FIELD_TYPES, choice
    from ilrs_cli.core.vocab import EventStatus

    types = {**FIELD_TYPES, "choice": choice(EventStatus)}
    table = schema.TABLES["payloads"]
    added = tuple(schema._optional(f"sample_{name}", types[name], f"A {name}.")
                  for name in TESTED)
    schema.TABLES["payloads"] = table._replace(
        fields=(*table.fields, *added), json_keys=(*table.json_keys, *(f.name for f in added)))
"""
# the first three payloads get the middle, the highest and the lowest value; the rest none
ORDER = (1, 2, 0)


def _data(names: list[str]) -> str:
    text = FROZEN.read_text(encoding="utf-8")
    head, *payloads = text.split("[[payloads]]\n")
    for position, which in enumerate(ORDER):
        lines = "".join(f"sample_{name} = {SAMPLES[name].toml[which]}\n" for name in names)
        payloads[position] = lines + payloads[position]
    return head + "".join("[[payloads]]\n" + payload for payload in payloads)


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What a fresh interpreter with every sample field registered answered: payloads as
    JSON, sorted each way by each field, as CSV, counted by each field, and the cache's round
    trip of a file with only that field; the exports it wrote, in `folder`."""
    folder = tmp_path_factory.mktemp("field-types")
    (folder / "all.toml").write_text(_data(TESTED), encoding="utf-8")
    for name in TESTED:
        (folder / f"{name}.toml").write_text(_data([name]), encoding="utf-8")
    code = (
        f"\n    TESTED = {TESTED!r}\n"
        + REGISTER
        + """
    from typer.testing import CliRunner
    from ilrs_cli.cli.app import app
    from ilrs_cli.load import load_dataset
    from ilrs_cli.load.checked import dataset_from, records_of

    runner = CliRunner()
    def out(*args):
        result = runner.invoke(app, ["--data", "all.toml", *args], prog_name="ilrs")
        assert result.exit_code == 0, (args, result.output)
        return result.output

    found = {"json": json.loads(out("payloads", "--json")), "csv": out("payloads", "--csv"),
             "sorted": {}, "counted": {}, "cache": {}}
    for name in TESTED:
        field = f"sample_{name}"
        found["sorted"][name] = [
            [item[field] for item in json.loads(out("payloads", "--sort", way + field, "--json"))]
            for way in ("", "-")
        ]
        found["counted"][name] = json.loads(out("payloads", "--count-by", field, "--json"))
        dataset = load_dataset(f"{name}.toml")
        try:
            rows = json.loads(json.dumps(records_of(dataset)))
        except TypeError as error:
            found["cache"][name] = str(error)
        else:
            found["cache"][name] = dataset_from(rows, dataset.path, False) == dataset
    out("check")  # exit 0: no problem
    out("export", "sqlite", "all.db")
    out("export", "datapackage", "package")
    print(json.dumps(found))
    """
    )
    found: dict[str, Any] = json.loads(_run(code, folder))
    found["folder"] = folder
    return found


def _values(items: list[dict[str, Any]], field: str) -> list[Any]:
    """The field's values of the first three payloads, lowest first."""
    by_position = [items[position][field] for position in range(len(ORDER))]
    return [by_position[ORDER.index(which)] for which in range(len(ORDER))]


def _missing(name: str) -> Any:
    """JSON's value of a missing field: an empty list for a list, else null."""
    return [] if isinstance(SAMPLES[name].json[0], list) else None


def test_every_type_has_a_sample() -> None:
    assert set(SAMPLES) | set(ONLY_AS) == set(NAMES)
    used = {spec.type for table in TABLES.values() for spec in table.fields}
    assert used - set(FIELD_TYPES.values()) <= {
        spec.type for table in TABLES.values() for spec in table.fields if "|" in spec.type.doc
    }  # every type the schema uses is registered, but the choices of a vocabulary
    assert {spec.name for t in TABLES.values() for spec in t.fields if spec.type is CITATIONS} == {
        ONLY_AS["citations"]
    }


@pytest.mark.parametrize("name", TESTED)
def test_json_gives_each_value(answers: dict[str, Any], name: str) -> None:
    items, field = answers["json"], f"sample_{name}"
    values = _values(items, field)
    assert values == list(SAMPLES[name].json)
    assert [type(value) for value in values] == [type(value) for value in SAMPLES[name].json]
    assert all(item[field] == _missing(name) for item in items[len(ORDER) :])


@pytest.mark.parametrize("name", TESTED)
def test_sort_orders_values_and_puts_missing_ones_last(answers: dict[str, Any], name: str) -> None:
    ascending, descending = answers["sorted"][name]
    missing = [_missing(name)] * (len(ascending) - len(ORDER))
    assert ascending == [*SAMPLES[name].json, *missing]
    assert descending == [*reversed(SAMPLES[name].json), *missing]


@pytest.mark.parametrize("name", TESTED)
def test_csv_shows_each_value_as_text(answers: dict[str, Any], name: str) -> None:
    rows = list(csv.DictReader(io.StringIO(answers["csv"])))
    assert _values(rows, f"sample_{name}") == list(SAMPLES[name].csv)
    assert {row[f"sample_{name}"] for row in rows[len(ORDER) :]} == {""}


@pytest.mark.parametrize("name", TESTED)
def test_count_by_counts_each_value(answers: dict[str, Any], name: str) -> None:
    field = f"sample_{name}"
    counted = {json.dumps(row[field]): row["count"] for row in answers["counted"][name]}
    expected: dict[str, int] = {}
    for value in SAMPLES[name].json:
        for each in value if isinstance(value, list) else [value]:
            expected[json.dumps(each)] = expected.get(json.dumps(each), 0) + 1
    rest = len(answers["json"]) - len(ORDER)
    assert counted == {**expected, "null": rest}


@pytest.mark.parametrize("name", TESTED)
def test_the_cache_keeps_each_value(answers: dict[str, Any], name: str) -> None:
    field_type = FIELD_TYPES.get(name)
    if field_type is not None and field_type.link is not None:
        # a linked value the builder resolves: such a dataset is not cached, never wrong
        assert "no cache codec" in answers["cache"][name]
    else:
        assert answers["cache"][name] is True


@pytest.fixture(scope="module")
def db(answers: dict[str, Any]) -> sqlite3.Connection:
    return sqlite3.connect(answers["folder"] / "all.db")


@pytest.mark.parametrize("name", TESTED)
def test_sqlite_holds_each_value_in_a_typed_column(
    answers: dict[str, Any], db: sqlite3.Connection, name: str
) -> None:
    sample, field = SAMPLES[name], f"sample_{name}"
    ids = [item["id"] for item in answers["json"]]
    if isinstance(sample.json[0], list):
        table = f"payloads_{field}"
        rows = db.execute(f"SELECT payload_id, value FROM {table} ORDER BY rowid").fetchall()
        lists: dict[str, list[Any]] = {}
        for payload, value in rows:
            lists.setdefault(payload, []).append(value)
        values = [lists.get(i) for i in ids]
        column_of = {row[1]: row[2] for row in db.execute(f"PRAGMA table_info({table})")}
        declared = column_of["value"]
    else:
        found = dict(db.execute(f"SELECT id, {field} FROM payloads").fetchall())
        values = [found[i] for i in ids]
        declared = {row[1]: row[2] for row in db.execute("PRAGMA table_info(payloads)")}[field]
        kinds = {row[0] for row in db.execute(f"SELECT typeof({field}) FROM payloads")}
        assert kinds == {sample.sql_type, "null"}
    assert _values([{"v": v} for v in values], "v") == list(sample.sql)
    assert all(value is None for value in values[len(ORDER) :])
    assert declared == {"real": "REAL", "integer": "INTEGER"}.get(sample.sql_type, declared)


def test_the_sqlite_view_equals_the_json(answers: dict[str, Any], db: sqlite3.Connection) -> None:
    assert_view_equals(db, "list_payloads", answers["json"])


@pytest.fixture(scope="module")
def package(answers: dict[str, Any]) -> dict[str, Any]:
    path = answers["folder"] / "package" / "datapackage.json"
    report = frictionless.Package(str(path)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])
    descriptor: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return descriptor


@pytest.mark.parametrize("name", TESTED)
def test_the_data_package_types_and_holds_each_value(
    answers: dict[str, Any], package: dict[str, Any], name: str
) -> None:
    sample, field = SAMPLES[name], f"sample_{name}"
    many = isinstance(sample.json[0], list)
    resource, column = (f"payloads_{field}", "value") if many else ("payloads", field)
    (found,) = [r for r in package["resources"] if r["name"] == resource]
    types = {f["name"]: f["type"] for f in found["schema"]["fields"]}
    field_type = FIELD_TYPES.get(name)
    expected = field_type.column if field_type else "string"
    assert types[column] == expected
    if name == "day":
        assert expected == "date"
    elif name == "flag":
        assert expected == "boolean"
    elif not many:
        assert expected == PACKAGE_TYPES[sample.sql_type]
    schema = {key: value for key, value in found["schema"].items() if key != "foreignKeys"}
    rows = frictionless.Resource(str(answers["folder"] / "package" / f"{resource}.csv"),
                                 schema=frictionless.Schema.from_descriptor(schema))  # fmt: skip
    read = [row[column] for row in rows.read_rows()]
    if many:  # a row an element, the payloads in file order
        assert read == [each for which in ORDER for each in sample.json[which]]
        return
    ids = [item["id"] for item in answers["json"]]
    by_id = {row["id"]: row[column] for row in rows.read_rows()}
    values = [by_id[i] for i in ids]
    plain = [_plain(value) for value in values]
    assert _values([{"v": v} for v in plain], "v") == list(sample.sql)


def _plain(value: Any) -> Any:
    """A value frictionless read, as SQLite holds it."""
    if isinstance(value, bool):
        return int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if type(value).__name__ == "Decimal":
        return float(value)
    return value
