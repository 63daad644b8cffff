"""A throwaway output format, payload field and record kind, registered in memory (no file of
the project is edited), reach help, completion, the docs, the output and the exports by
themselves: the registries (render.FORMATS; core.schema.TABLES, for a field its declaration
alone; core.kinds.KINDS, report.items.ITEM_BUILDERS) are the only places they are listed.

The app builds its commands from the registries when it is imported, so each registration runs
in a fresh interpreter that registers first and imports the app after."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from .conftest import FROZEN, PINNED_ENV

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str, tmp_path: Path) -> str:
    """Run `code` in a fresh interpreter (scripts/ importable); its standard output."""
    env = {**os.environ, **{k: v for k, v in PINNED_ENV.items() if v is not None}}
    env.pop("FORCE_COLOR", None)
    import ilrs_cli  # the package this suite tests, wherever it is imported from

    package = str(Path(ilrs_cli.__file__).parents[1])
    env.update(
        {"ILRS_NO_CACHE": "1", "PYTHONPATH": os.pathsep.join([package, str(ROOT / "scripts")])}
    )
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


# Registers the format `shout` (ids in capitals, listings only): an enum member and a registry
# line, as a new render module would be, with the module itself made in memory.
REGISTER_FORMAT = """
    import enum, sys, types
    import ilrs_cli.render as render

    members = {fmt.name: fmt.value for fmt in render.Format} | {"SHOUT": "shout"}
    render.Format = enum.Enum("Format", members, type=str)
    render.FORMATS = {render.Format(fmt.value): spec for fmt, spec in render.FORMATS.items()}
    render.FORMATS[render.Format.SHOUT] = render.FormatSpec(
        "shout", frozenset({render.LISTING}), "every id in capitals"
    )
    module = types.ModuleType("ilrs_cli.render.shout")
    module.render = lambda report: "".join(str(i["id"]).upper() + "\\n" for i in report.items)
    sys.modules["ilrs_cli.render.shout"] = module
"""


def test_a_new_format_reaches_help_completion_docs_and_output(tmp_path: Path) -> None:
    code = (
        REGISTER_FORMAT
        + """
    import typer
    from typer.testing import CliRunner
    from ilrs_cli.cli.app import app
    import make_completion_index, make_docs

    runner = CliRunner()
    def out(*args, **env):
        result = runner.invoke(app, list(args), env=env or None, prog_name="ilrs")
        assert result.exit_code == 0, result.output
        return result.output

    # help: where a listing is answered, and only there
    assert "shout: every id in capitals" in " ".join(out("payloads", "-h").split())
    assert "shout" in out("members", "-h") and "shout" in out("diff", "-h")
    assert "shout" not in out("cite", "-h") and "shout" not in out("show", "-h")
    # output: the format's own rendering
    assert out("payloads", "--country", "Egypt", "--format", "shout").split() == [
        "IMAGING-SYSTEM"
    ], out("payloads", "--country", "Egypt", "--format", "shout")
    # completion: Typer's, and the index the fast path is generated from
    print(out(_ILRS_COMPLETE="complete_bash", COMP_WORDS="ilrs members --format sh",
              COMP_CWORD="3").split())
    commands = {}
    make_completion_index._walk(typer.main.get_command(app), "", None, commands)
    params = {p["name"]: p for p in commands["timeline"]["params"]}
    print("index", params["fmt"]["choices"])
    # docs: the command reference
    print("docs", "shout: every id in capitals" in " ".join(make_docs.reference().split()))
    """
    )
    lines = _run(code, tmp_path).splitlines()
    assert "shout" in lines[0]  # Typer's completion offers it
    assert lines[1].startswith("index") and "'shout'" in lines[1]
    assert lines[2] == "docs True"


# Registers the kind `rock` (table [[rocks]]) and its list command: a record type (with
# attributes only for the fields code reads by name, the rest in `extra`), a Dataset that
# holds its table, a registry entry, its fields (its JSON object is the declared fields, in
# order) and a line in the registry of list commands. Nothing else names it.
REGISTER_KIND = """
    from typing import Any, NamedTuple
    import ilrs_cli.core.records as records

    class Rock(NamedTuple):
        id: str
        name: str
        mission: str
        sources: tuple
        extra: tuple = ()

    fields = [(name, Any) for name in records.Dataset._fields] + [("rocks", Any)]
    records.Dataset = NamedTuple("Dataset", fields)

    import ilrs_cli.core.kinds as kinds
    kinds.KINDS += (kinds.Kind("rock", "rocks", Rock, lambda r: r.name, ("name", "note"), 8),)
    kinds.LISTED = tuple(sorted(kinds.KINDS, key=lambda kind: kind.listed))
    kinds.BY_NAME = {kind.name: kind for kind in kinds.KINDS}
    kinds.BY_PLURAL = {kind.plural: kind for kind in kinds.KINDS}

    from ilrs_cli.core import schema
    schema.TABLES["rocks"] = schema.Table("`[[rocks]]`: samples brought back.", (
        schema.RECORD_ID,
        schema._required("name", schema.TEXT, "What the sample is called."),
        schema._required("mission", schema.MISSION, "The mission that brought it back."),
        schema.NOTE,
        schema.SOURCES,
        schema._optional("tags", schema.NAMES, "Words for it."),  # a list: a table of its own
        schema._optional("mass", schema.FieldType("grams", int, column="integer"), "In grams."),
    ))

    # its list command: its fields, its declaration, its answer
    from ilrs_cli.report import answers, commands, list_fields, params
    from ilrs_cli.report.arguments import missions_of
    from ilrs_cli.report.cells import dataset_caption
    from ilrs_cli.report.items import kind_item
    from ilrs_cli.report.listing import Listing

    def rocks(dataset, mission=None):
        wanted = missions_of(dataset, mission)
        found = [rock for rock in dataset.rocks if not wanted or rock.mission in wanted]
        return Listing(
            heading="Rocks brought back" + (" for " + " or ".join(wanted) if wanted else ""),
            noun=("rock", "rocks"), caption=dataset_caption(dataset),
            columns=commands.COLUMNS_BY_COMMAND["rocks"],
            table_columns=("name", "mission", "sources"),
            items=[kind_item(kinds.BY_NAME["rock"], rock, dataset) for rock in found],
            empty_note="no rocks",
        )

    answers.rocks = rocks
    commands.COMMANDS["rocks"] = params.Command(
        "rocks", "List the rocks brought back, with their sources.", (params.MISSION,), "rocks",
        columns=list_fields.record_columns("rocks"),
    )
"""
ROCK = """
[[rocks]]
id = "basalt-sample"
name = "Farside basalt"
mission = "{mission}"
sources = [{{ id = "{source}", at = "paragraph 1" }}]
tags = ["basalt", "farside"]
mass = 120
"""


def test_a_new_kind_reaches_show_search_cite_its_command_completion_docs_and_exports(
    tmp_path: Path,
) -> None:
    from ilrs_cli.load import load_dataset

    frozen = load_dataset(FROZEN)
    mission, source = frozen.missions[0].name, frozen.sources[0].id
    data = tmp_path / "rocks.toml"
    text = FROZEN.read_text(encoding="utf-8") + ROCK.format(mission=mission, source=source)
    data.write_text(text, encoding="utf-8")
    code = (
        REGISTER_KIND
        + f"""
    import csv, io, json, sqlite3
    import typer
    from typer.testing import CliRunner
    from ilrs_cli import api
    from ilrs_cli.cli.app import app
    from ilrs_cli.core.schema import schema_markdown
    import make_completion_index, make_docs

    runner = CliRunner()
    def out(*args, **env):
        result = runner.invoke(app, ["--data", {str(data)!r}, *args], env=env or None,
                               prog_name="ilrs")
        assert result.exit_code == 0, result.output
        return result.output

    shown = json.loads(out("show", "basalt-sample", "--json"))
    assert shown["type"] == "rock" and shown["name"] == "Farside basalt", shown
    assert list(shown)[-3:] == ["sources", "tags", "mass"], shown
    assert shown["tags"] == ["basalt", "farside"] and shown["mass"] == 120, shown
    found = json.loads(out("search", "farside", "--json"))
    assert [row["id"] for row in found] == ["basalt-sample"], found
    assert "paragraph 1" in out("cite", "basalt-sample")
    assert "rock" in out("show", "-h")  # the kinds an id may name
    assert "rocks" in out("check")  # counted
    # completion: the ids Typer offers
    offered = out(_ILRS_COMPLETE="complete_bash", COMP_WORDS="ilrs show basalt",
                  COMP_CWORD="2", ILRS_DATA={str(data)!r}).split()
    assert offered == ["basalt-sample"], offered
    # its list command: help, answers with filters, CSV
    assert "rocks" in out("--help")
    helped = out("rocks", "-h")
    assert "List the rocks brought back" in helped and "--mission" in helped, helped
    assert "--country" not in helped and "--fields" in helped, helped
    listed = json.loads(out("rocks", "--mission", {mission!r}, "--json"))
    assert [row["id"] for row in listed] == ["basalt-sample"], listed
    assert list(listed[0]) == ["id", "name", "mission", "note", "sources", "tags", "mass"]
    assert "Rocks brought back for" in out("rocks", "--mission", {mission!r})
    rows = list(csv.DictReader(io.StringIO(out("rocks", "--csv"))))
    assert rows[0]["tags"] == "basalt; farside", rows
    assert "rocks" in [row["command"] for row in json.loads(out("fields", "--json"))]
    # completion: the command, its options and fields; the fast path's index
    offered = out(_ILRS_COMPLETE="complete_bash", COMP_WORDS="ilrs roc", COMP_CWORD="1").split()
    assert offered == ["rocks"], offered
    offered = out(_ILRS_COMPLETE="complete_bash", COMP_WORDS="ilrs rocks --fields ta",
                  COMP_CWORD="3").split()
    assert offered == ["tags"], offered
    commands = {{}}
    make_completion_index._walk(typer.main.get_command(app), "", None, commands)
    assert "mission" in {{p["name"] for p in commands["rocks"]["params"]}}, commands["rocks"]
    import make_answer_index
    index = json.loads(make_answer_index.source())  # the fast path answers it
    assert index["answers"]["rocks"]["own"] == ["mission"], index["answers"].get("rocks")
    # docs: the schema reference, the command reference, the JSON keys
    assert "`[[rocks]]`: samples brought back." in schema_markdown()
    assert "## `ilrs rocks --help`" in make_docs.reference()
    assert "### `ilrs rocks`" in make_docs.json_keys()
    # exports: a table in SQLite, a resource in the data package
    out("export", "sqlite", "rocks.db")
    db = sqlite3.connect("rocks.db")
    rows = db.execute("select id, name, mission, mass, typeof(mass) from rocks").fetchall()
    assert rows == [("basalt-sample", "Farside basalt", {mission!r}, 120, "integer")], rows
    tags = db.execute("select rock_id, value from rocks_tags order by position").fetchall()
    assert tags == [("basalt-sample", "basalt"), ("basalt-sample", "farside")], tags
    out("export", "datapackage", "package")
    descriptor = json.loads(open("package/datapackage.json").read())
    resources = {{resource["name"]: resource for resource in descriptor["resources"]}}
    assert "rocks" in resources and "rocks_tags" in resources, list(resources)
    mass = [f for f in resources["rocks"]["schema"]["fields"] if f["name"] == "mass"]
    assert mass[0]["type"] == "integer", mass
    print("ok")
    """
    )
    assert _run(code, tmp_path).split() == ["ok"]


# Declares the payload field `power`, as a line in core.schema's [[payloads]] table would: its
# type, its help, its place in the JSON objects (after `mass`) and its column. Nothing else
# names it: no record attribute, no JSON builder, no column list.
REGISTER_FIELD = """
    from ilrs_cli.core import schema
    table = schema.TABLES["payloads"]
    keys = list(table.json_keys)
    keys.insert(keys.index("mass") + 1, "power")
    power = schema._optional("power", schema.TEXT, "Its power draw, as a source gives it.",
                             shown=schema.Shown("Power draw", "What it draws, in watts.", 30))
    schema.TABLES["payloads"] = table._replace(fields=(*table.fields, power),
                                               json_keys=tuple(keys))
"""


def test_a_new_field_reaches_json_columns_fields_docs_and_exports(tmp_path: Path) -> None:
    from ilrs_cli.load import load_dataset

    payload = load_dataset(FROZEN).payloads[0].id
    text = FROZEN.read_text(encoding="utf-8")
    assert text.count("[[payloads]]\n") >= 1
    data = tmp_path / "power.toml"
    data.write_text(text.replace("[[payloads]]\n", '[[payloads]]\npower = "20 W"\n', 1))
    code = (
        REGISTER_FIELD
        + f"""
    import csv, io, json, sqlite3
    from typer.testing import CliRunner
    from ilrs_cli.cli.app import app
    from ilrs_cli.core.schema import schema_markdown
    import make_docs

    runner = CliRunner()
    def out(*args):
        result = runner.invoke(app, ["--data", {str(data)!r}, *args], prog_name="ilrs",
                               env={{"COLUMNS": "200"}})
        assert result.exit_code == 0, result.output
        return result.output

    # JSON: the key in its declared place, in lists and in `show`
    items = {{item["id"]: item for item in json.loads(out("payloads", "--json"))}}
    keys = list(items[{payload!r}])
    assert keys[keys.index("mass") + 1] == "power" and items[{payload!r}]["power"] == "20 W"
    assert all(item["power"] is None for id, item in items.items() if id != {payload!r})
    assert json.loads(out("show", {payload!r}, "--json"))["power"] == "20 W"
    # CSV and tables: its column, by its name, with its declared header
    rows = list(csv.DictReader(io.StringIO(out("payloads", "--csv"))))
    assert [row["power"] for row in rows if row["id"] == {payload!r}] == ["20 W"]
    table = out("payloads", "--fields", "id,power")
    assert "Power draw" in table and "20 W" in table, table
    # `fields` and the docs: its type and help; the schema reference: its declaration
    described = [f for f in json.loads(out("fields", "payloads", "--json"))
                 if f["field"] == "power"]
    assert described == [{{"command": "payloads", "field": "power", "type": "string or null",
                          "description": "What it draws, in watts."}}], described
    assert "| `power` | string or null | What it draws, in watts. |" in make_docs.json_keys()
    assert "| `power` | string | no | Its power draw, as a source gives it. |" in (
        schema_markdown())
    # exports: a column of the payloads table and of the payloads view; the data package
    out("export", "sqlite", "power.db")
    db = sqlite3.connect("power.db")
    assert db.execute("select power from payloads where id = ?", ({payload!r},)).fetchall() == [
        ("20 W",)]
    view = db.execute("select * from list_payloads")
    names = [column[0] for column in view.description]
    assert names == keys, names
    out("export", "datapackage", "package")
    descriptor = json.loads(open("package/datapackage.json").read())
    payloads = next(r for r in descriptor["resources"] if r["name"] == "payloads")
    assert "power" in [f["name"] for f in payloads["schema"]["fields"]]
    print("ok")
    """
    )
    assert _run(code, tmp_path).split() == ["ok"]
