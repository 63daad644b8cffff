"""Every picture, export and message against the hostile dataset (tests/writers/hostile.py):
text nodes and attributes without raw controls, each picture parsed by a strict XML parser,
each exported file inert, each message escaped whoever writes it."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from lxml import etree

from ilrs_cli.cli.pictures import Counted, MapFormat
from ilrs_cli.core.safe_text import cell_text
from ilrs_cli.export import EXPORTS

from ..conftest import FROZEN, Outcome, Runner
from ..runner import COMMAND
from .hostile import HOSTILE, check_csv, check_json, check_terminal, check_xlsx, xlsx_sheets

# -- pictures: every chart, the map in each format, the page ------------------------------

STRICT = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)

# What `chart count-by` counts for each --of: a field whose values are the dataset's text.
COUNTED_BY = {"payloads": "countries", "members": "country", "timeline": "event",
              "countries": "country", "sources": "publisher"}  # fmt: skip
CHARTS = list(COMMAND.commands["chart"].commands)


def _picture_args(chart: str) -> list[list[str]]:
    if chart == "count-by":
        return [[COUNTED_BY[of.value], "--of", of.value] for of in Counted]
    return [[]]


PICTURES = [
    *(pytest.param(["chart", chart, *args], id=" ".join(["chart", chart, *args]))
      for chart in CHARTS for args in _picture_args(chart)),
    *(pytest.param(["map", "--format", fmt.value], id=f"map {fmt.value}") for fmt in MapFormat
      if fmt is not MapFormat.PNG),  # every picture's PNG: tests/test_png.py
    pytest.param(["export", "html"], id="export html"),
]  # fmt: skip


def _picture(run: Callable[..., Outcome], args: list[str], tmp_path: Path) -> str:
    if args[:2] == ["export", "html"]:
        run(*args, str(tmp_path / "page.html"))
        return (tmp_path / "page.html").read_text(encoding="utf-8")
    return run(*args).stdout


def test_every_picture_is_tested() -> None:
    assert set(COUNTED_BY) == {of.value for of in Counted}
    assert {"count-by", "growth", "timeline"} <= set(CHARTS)


@pytest.mark.parametrize("args", PICTURES)
def test_every_picture_shows_hostile_text_inert(
    run: Callable[..., Outcome], tmp_path: Path, args: list[str]
) -> None:
    """The text a picture draws (every text node: labels, titles, tooltips, the page's
    tables and citations) shows the dataset's controls as visible escapes; GeoJSON is JSON."""
    text = _picture(run, args, tmp_path)
    if args[-1] == "geojson":
        check_json(text)
        names = [f["properties"]["name"] for f in json.loads(text)["features"]]
        assert any(name.endswith(HOSTILE) for name in names)  # exact, as JSON keeps it
        return
    nodes = "".join(re.findall(r">([^<]*)<", text))  # ElementTree escapes < in text
    check_terminal(nodes)
    assert "\\x1b]52;c;" in nodes  # the dataset's text is drawn, escaped
    assert "<b>" not in nodes  # the dataset's markup stays text


STRICT_XML = [
    pytest.param(case.values[0], id=case.id)
    for case in PICTURES if case.values[0][-1] != "geojson"
]  # fmt: skip


@pytest.mark.parametrize("args", STRICT_XML)
def test_every_picture_is_well_formed_xml_without_raw_controls(
    run: Callable[..., Outcome], tmp_path: Path, args: list[str]
) -> None:
    """The whole document, attributes included, as strict XML parsers read it (the page is
    polyglot XHTML): ElementTree, and lxml refusing to recover, to resolve entities or to
    reach the network."""
    text = _picture(run, args, tmp_path)
    ET.fromstring(text.encode("utf-8"))
    root = etree.fromstring(text.encode("utf-8"), STRICT)
    assert etree.QName(root).localname == ("html" if args[0] == "export" else "svg")
    check_terminal(text)


def test_every_link_of_the_page_resolves_within_it(
    run: Callable[..., Outcome], tmp_path: Path
) -> None:
    """Every href="#..." (the contents, each source id in the tables) names an element's id,
    each id once; each source id in the tables links to its entry in the list of sources."""
    root = etree.fromstring(_picture(run, ["export", "html"], tmp_path).encode("utf-8"), STRICT)
    ids = [node.get("id") for node in root.iter() if node.get("id")]
    assert len(ids) == len(set(ids))
    links = [node.get("href")[1:] for node in root.iter() if (node.get("href") or "")[:1] == "#"]
    assert set(links) <= set(ids), set(links) - set(ids)
    cells = root.iterfind(".//{*}section[@id='tables']//{*}td/{*}a")
    cited = {a.text: a.get("href")[1:] for a in cells}
    assert cited  # the tables' sources are links
    entries = {node.get("id"): node for node in root.iterfind(".//{*}ol/{*}li")}
    for source, anchor in cited.items():
        assert entries[anchor].find("{*}code").text == source


def test_a_noncharacter_is_not_drawn_raw(ilrs: Runner, tmp_path: Path) -> None:
    path = tmp_path / "nonchar.toml"
    path.write_text(FROZEN.read_text(encoding="utf-8").replace(
        'title = "Chang', 'title = "\\uFFFEChang', 1), encoding="utf-8")  # fmt: skip
    outcome = ilrs("--data", str(path), "chart", "growth")
    assert outcome.exit_code == 0
    ET.fromstring(outcome.stdout.encode("utf-8"))


# -- exports: every file each writes ------------------------------------------------------


def _check_export_file(path: Path) -> None:
    if path.suffix == ".db":
        with sqlite3.connect(path) as database:  # values exact: SQL is no terminal
            (found,) = database.execute("SELECT count(*) FROM sources WHERE publisher LIKE ?",
                                        (f"%{HOSTILE}",)).fetchone()  # fmt: skip
        assert found
        return
    if path.suffix == ".xlsx":  # text escaped as CSV escapes it, and exact but for that
        check_xlsx(path.read_bytes())
        header, *rows = xlsx_sheets(path.read_bytes())["sources"]
        publishers = [row[header.index("publisher")] for row in rows]
        assert publishers and all(cell.endswith(cell_text(HOSTILE)) for cell in publishers)
        return
    text = path.read_text(encoding="utf-8")
    checks = {".json": check_json, ".csv": check_csv}
    assert path.suffix in checks, f"tell _check_export_file how to read {path.name}"
    checks[path.suffix](text)


@pytest.mark.parametrize("name", list(EXPORTS))
def test_every_export_writes_hostile_text_inert(
    run: Callable[..., Outcome], tmp_path: Path, name: str
) -> None:
    file = {"sqlite": "ilrs.db", "xlsx": "ilrs.xlsx"}.get(name, "package")
    target = tmp_path / f"out-{name}" / file
    target.parent.mkdir()
    run("export", name, str(target))
    written = [path for path in target.parent.rglob("*") if path.is_file()]
    assert len(written) >= (1 if name == "xlsx" else 2)
    for path in written:
        _check_export_file(path)


# -- messages: hostile arguments, file names and directories reach stderr escaped ----------

BAD_NAME = "x\x1b]52;c;eA==\x07\x9b2J\u202e\nforged"


def _check_message(outcome: Outcome) -> None:
    """Every message escapes the name whole: its newline too, so it forges no line."""
    text = outcome.stdout + outcome.stderr
    check_terminal(text)
    assert "\\x1b]52;c;" in text
    assert not any(line.startswith("forged") for line in text.splitlines()), text


def test_every_message_is_escaped_whoever_writes_it(capsys: pytest.CaptureFixture[str]) -> None:
    from ilrs_cli.render.terminal import write_err

    write_err(f"ilrs: error: {BAD_NAME}\nilrs: a second line")
    err = capsys.readouterr().err
    assert err == "ilrs: error: x\\x1b]52;c;eA==\\x07\\x9b2J\\u202e\nforged\nilrs: a second line\n"


@pytest.mark.parametrize(
    "args",
    [
        ["show", BAD_NAME],
        ["cite", BAD_NAME],
        ["payloads", "--country", BAD_NAME],
        ["payloads", "--sort", BAD_NAME],
        ["members", "--fields", BAD_NAME],
        ["timeline", "--after", BAD_NAME],
        ["chart", "count-by", BAD_NAME],
        ["map", "--region", BAD_NAME],
        [BAD_NAME],
        ["export", BAD_NAME],
        ["payloads", f"--{BAD_NAME}"],
    ],
    ids=lambda args: " ".join("BAD" if BAD_NAME in arg else arg for arg in args),
)
def test_a_hostile_argument_is_escaped_in_the_error(ilrs: Runner, args: list[str]) -> None:
    outcome = ilrs(*args)
    assert outcome.exit_code in (1, 2)
    _check_message(outcome)


@pytest.mark.parametrize("command", ["check", "--data"])
def test_a_hostile_file_name_is_escaped_in_the_error(
    ilrs: Runner, tmp_path: Path, command: str
) -> None:
    missing = ilrs(
        command, str(tmp_path / BAD_NAME), *(["payloads"] if command == "--data" else [])
    )
    assert missing.exit_code == 1
    _check_message(missing)
    broken = tmp_path / f"{BAD_NAME}.toml"
    broken.write_text("[dataset\n", encoding="utf-8")
    outcome = ilrs(command, str(broken), *(["payloads"] if command == "--data" else []))
    assert outcome.exit_code == 1
    _check_message(outcome)


WRITERS = [
    *(["export", name, "{target}"] for name in EXPORTS),
    ["export", "html", "{target}.html"],
    ["data", "copy", "{target}.toml"],
    ["chart", "growth", "-o", "{target}.svg"],
    ["map", "-o", "{target}.svg"],
]


@pytest.mark.parametrize("args", WRITERS, ids=lambda args: " ".join(args[:2]))
def test_a_hostile_target_is_escaped_in_what_was_written(
    run: Callable[..., Outcome], tmp_path: Path, args: list[str]
) -> None:
    target = str(tmp_path / BAD_NAME)
    _check_message(run(*(arg.format(target=target) for arg in args)))


def test_a_warning_names_a_hostile_file_escaped(
    ilrs: Runner, tmp_path: Path, hostile: Path
) -> None:
    """`check` warns of a source no record cites, naming the file."""
    path = tmp_path / f"{BAD_NAME}.toml"
    uncited = (
        '[[sources]]\nid = "uncited"\ntitle = "T"\npublisher = "P"\nurl = "https://a.example"\n'
    )
    path.write_text(hostile.read_text(encoding="utf-8") + "\n" + uncited, encoding="utf-8")
    outcome = ilrs("check", str(path))
    assert outcome.exit_code == 0 and "warning" in outcome.stderr
    _check_message(outcome)


def test_a_refused_cache_directory_is_named_escaped(ilrs: Runner, tmp_path: Path) -> None:
    directory = tmp_path / BAD_NAME
    directory.mkdir()
    directory.chmod(0o777)  # open to others: refused, and named in a warning
    outcome = ilrs("payloads", "--json", env={"ILRS_CACHE_DIR": str(directory)})
    assert outcome.exit_code == 0 and "warning" in outcome.stderr
    _check_message(outcome)


def test_a_page_link_is_escaped_whatever_it_is_given() -> None:
    """The page's citations are escaped before they are linked (draw.page._linked), whatever
    wrote them."""
    from ilrs_cli.draw.page import _linked

    linked = _linked(f"Read at https://a.example/{BAD_NAME} on a day{BAD_NAME}")
    check_terminal(linked)
    assert "forged" in linked and "\n" not in linked


def test_a_hostile_cache_directory_is_escaped(run: Callable[..., Outcome], tmp_path: Path) -> None:
    _check_message(run("cache", env={"ILRS_CACHE_DIR": str(tmp_path / BAD_NAME)}))


def test_the_hostile_file_name_is_escaped_where_output_names_it(
    run: Callable[..., Outcome],
) -> None:
    for args in (["check"], ["info"], ["payloads"]):
        text = run(*args).stdout
        check_terminal(text)
        assert "hostile\\x1b[2J\\u202e.toml" in text


@pytest.mark.parametrize("args", WRITERS, ids=lambda args: " ".join(args[:2]))
def test_a_file_name_with_an_undecodable_byte_is_written_as_any_other(
    run: Callable[..., Outcome], tmp_path: Path, args: list[str]
) -> None:
    """A name with a byte that is not UTF-8 (b'q\\xff', as Python gives it: q\\udcff) is a file
    name like any other: written under that very name, and named escaped."""
    target = str(tmp_path / os.fsdecode(b"q\xff"))
    outcome = run(*(arg.format(target=target) for arg in args))
    check_terminal(outcome.stderr)
    written = [os.fsencode(path.name) for path in tmp_path.iterdir()]
    assert any(name.startswith(b"q\xff") for name in written), written
