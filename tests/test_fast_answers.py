"""The fast answer path prints what the Typer path prints, byte for byte (stdout, stderr, exit
code), over a corpus of command lines generated from the app's declarations, compared
in-process; what it is not sure of it leaves to Typer; and it imports none of Typer, Click
or pydantic."""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ilrs_cli.cli import fast_answers
from ilrs_cli.cli.candidates import fields

from .child import modules_of, pinned, run_main
from .conftest import FIXTURES, FROZEN, PINNED_ENV
from .runner import COMMAND, OnceBuiltRunner, answer_fast

ROOT = Path(__file__).resolve().parents[1]
INDEX = fast_answers._index()
ANSWERS = INDEX["answers"]
Line = tuple[str, ...]

# A valid value for each option that takes text, by parameter name (fields and sort: the
# command's own fields).
TEXTS = {
    "country": ["Turkey", "tr", "Hong Kong"],
    "mission": ["CE-8", "ILRS"],
    "region": ["Western Asia", "middle east"],
    "as_of": ["2024", "2024-06-30"],
    "after": ["2023"],
    "before": ["2025-04"],
    "limit": ["2"],
    "cited_by": ["egypt"],
}


def _params(command: str) -> list[dict[str, Any]]:
    return [p for p in ANSWERS[command]["params"] if not p["unsure"]]


def _required(command: str) -> Line:
    """A valid value for each argument the command must have."""
    argument = next((p for p in _params(command) if not p["option"]), None)
    if argument is None:
        return ()
    if command == "search":
        return ("rover",)
    if command == "fields":
        return ("members",)
    return ("egypt",) if argument["required"] or command == "cite" else ()


def _values(command: str, param: dict[str, Any]) -> list[str]:
    kind = param["value"]["kind"]
    if kind == "choice":
        return list(param["value"]["choices"])
    if param["name"] in ("fields", "sort", "count_by"):
        found = [name for name, _ in fields(command, "")][:2]
        return [",".join(found)] if param["name"] == "fields" else found[:1]
    return TEXTS.get(param["name"], [])


def lines_from_the_app() -> Iterator[Line]:
    """Every covered command: alone (a table), in every format, with each option and each
    valid value (in JSON where the command has it: tables are the terminal tests' part), its
    `--option=value` and short spellings, and a few combinations."""
    for command in ANSWERS:
        base = (command, *_required(command))
        taken = {p["name"] for p in _params(command)}
        plain = ("--json",) if "as_json" in taken else ()
        yield base
        for param in _params(command):
            if not param["option"]:
                continue
            opt = param["opts"][0]
            also = plain if param["name"] not in ("fmt", "as_json", "as_csv") else ()
            if param["value"]["kind"] == "flag":
                yield (*base, opt, *also)
                continue
            values = _values(command, param)
            for value in values:
                yield (*base, opt, value, *also)
            for spelling in [f"{opt}={value}" for value in values[:1]]:
                yield (*base, spelling, *also)
            for short in param["opts"][1:]:
                yield (*base, short, *values[:1], *also)
        if {"limit", "as_csv"} <= taken:
            yield (*base, "--limit", "1", "--limit", "3", "--csv")
        if "sort" in taken:
            yield (*base, "--sort", f"-{_values(command, _param(command, 'sort'))[0]}", *plain)
        if "count_by" in taken:
            yield (*base, "--count-by", _values(command, _param(command, "count_by"))[0],
                   "--cumulative", "--format", "ndjson")  # fmt: skip
        yield (command, "--data", str(FROZEN), *base[1:], *plain)
        yield ("--data", str(FROZEN), *base, *plain)


def _param(command: str, name: str) -> dict[str, Any]:
    return next(p for p in _params(command) if p["name"] == name)


# Where the fast path answers too: errors that name no flag, empty answers, odd values.
ANSWERED_EDGES: list[Line] = [
    ("show", "nosuch-id"),
    ("show", "egypt", "--format", "csv"),
    ("cite", "egypt", "nosuch-id"),
    ("payloads", "--country", "Turkey", "--country", "Egypt"),
    ("payloads", "--in", "neither", "--fail-empty"),
    ("payloads", "--in", "neither"),
    ("payloads", "--in", "neither", "--json", "--fail-empty"),
    ("members", "--sort", "-date", "--fields", "name,date", "--limit", "5"),
    ("search", "zzzz-nothing"),
    ("search", ""),
    ("timeline", "--kind", "launch", "--kind", "signing", "--as-of", "2024"),
    ("payloads", "-c", "Turkey", "-f", "json"),
    ("--data", str(FIXTURES / "no-such-file.toml"), "payloads"),
    ("--data", str(FIXTURES), "payloads"),
    # usage errors found while answering: printed with the usage Click prints above them
    ("payloads", "--json", "--csv"),
    ("payloads", "--country", "Atlantis"),
    ("payloads", "--fields", "nosuch"),
    ("cite",),
    ("members", "--national", "--affiliated"),
    ("members", "--as-of", "tomorrow"),
    ("fields", "nosuch"),
    ("show", "egypt", "--json", "-f", "csv"),
    ("timeline", "--after", "2030", "--before", "2020"),
    ("search", "x" * 300),
]

# Lines the fast path must leave to Typer.
FALLS_BACK: list[Line] = [
    (), ("--help",), ("-h",), ("--version",), ("payloads", "--help"), ("payloads", "-h"),
    ("members", "--json", "-h"), ("payloads", "--"), ("payloads", "--", "--json"),
    ("search", "--", "-x"), ("payloads", "-cTurkey"), ("payloads", "-c=Turkey"),
    ("payloads", "--jso"), ("payloads", "--nosuch"), ("payloads", "--json=1"),
    ("payloads", "--limit", "0"), ("payloads", "--limit", "x"), ("payloads", "--limit", "007"),
    ("payloads", "--limit", "-1"), ("payloads", "--limit"), ("payloads", "--country"),
    ("payloads", "--format", "nosuch"), ("payloads", "--format", "JSON"),
    ("payloads", "--in", "nobody"), ("payloads", "--country", "Atlantïs"),
    ("payloads", "extra"), ("show",), ("show", "egypt", "micro-rovers"), ("search",),
    ("cite", "-"), ("timeline", "--kind", "Launch"),
    ("nosuch",), ("payload",), ("check",), ("diff", "a", "b"), ("map",), ("chart",),
    ("data", "path"), ("--data", "", "payloads"), ("--data", "a", "--data", "b", "payloads"),
    ("--nosuch", "payloads"), ("--install-completion",), ("--show-completion",),
    ("payloads", "--data"),
]  # fmt: skip

# The environments each line runs in: piped or a terminal, colour or not, widths, clocks.
ENVIRONMENTS: list[tuple[str, dict[str, str | None], bool]] = [
    ("piped", {}, False),
    ("tty", {"NO_COLOR": None}, True),
    ("tty no colour", {}, True),
    ("forced colour", {"NO_COLOR": None, "FORCE_COLOR": "1"}, False),
    ("narrow", {"COLUMNS": "50"}, False),
    ("wide tty", {"NO_COLOR": None, "COLUMNS": "200"}, True),
    ("later", {"ILRS_TODAY": "2036-01-01"}, False),
    ("dumb", {"NO_COLOR": None, "TERM": "dumb"}, True),
]


# Rich numbers each link (OSC 8) at random, on either path: the only bytes not compared.
LINK_ID = re.compile(r"\x1b\]8;id=\d+;")


@pytest.fixture(autouse=True)
def datasets_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both paths read the dataset through load.open_dataset: each file is built once for
    the test, not once a run (the records are immutable), so that the corpus takes seconds."""
    import ilrs_cli.load

    built: dict[Path | None, Any] = {}
    real = ilrs_cli.load.open_dataset

    def once(path: Path | None = None) -> Any:
        if path not in built:
            built[path] = real(path)
        return built[path]

    monkeypatch.setattr(ilrs_cli.load, "open_dataset", once)


def both(line: Line, env: dict[str, str | None], tty: bool) -> tuple[Any, Any]:
    environment = {**PINNED_ENV, **env}
    code, out, err = answer_fast(line, environment, tty)
    typer = OnceBuiltRunner(env=environment).run(line, environment, tty)
    return (code, LINK_ID.sub("", out), err), (typer.exit_code, LINK_ID.sub("", typer.stdout),
                                               typer.stderr)  # fmt: skip


def test_every_answer_is_typers_byte_for_byte() -> None:
    """Every line is answered alike; only a usage error (exit 2) may go to Typer."""
    corpus = [*dict.fromkeys(lines_from_the_app()), *ANSWERED_EDGES]
    assert len(corpus) > 250
    fell_back = []
    for line in corpus:
        fast, typer = both(line, {}, tty=False)
        if fast[0] is None:
            assert typer[0] == 2 and fast[1:] == ("", ""), f"fell back: {line} {typer}"
            fell_back.append(line)
        else:
            assert fast == typer, line
    assert len(fell_back) < len(corpus) / 20, fell_back


@pytest.mark.parametrize(("name", "env", "tty"), ENVIRONMENTS, ids=[e[0] for e in ENVIRONMENTS])
def test_the_terminal_changes_both_alike(name: str, env: dict[str, str | None], tty: bool) -> None:
    lines: list[Line] = [(command, *_required(command)) for command in ANSWERS]
    lines += [("payloads", "--country", "Turkey"), ("show", "egypt"), ("members", "--json"),
              ("timeline", "--as-of", "2024"), ("search", "zzzz-nothing"),
              ("payloads", "--country", "Atlantis"), ("cite",)]  # fmt: skip
    for line in lines:
        fast, typer = both(line, env, tty)
        assert fast[0] is not None, f"fell back: {line}"
        assert fast == typer, (name, line)


def test_the_bundled_data_answers_alike() -> None:
    for line in [("payloads", "--country", "Turkey"), ("members", "--json"), ("show", "egypt"),
                 ("cite", "egypt"), ("timeline", "--json"), ("countries",)]:  # fmt: skip
        fast, typer = both(line, {"ILRS_DATA": None}, tty=False)
        assert fast[0] is not None and fast == typer, line


def test_what_it_is_not_sure_of_goes_to_typer_having_written_nothing() -> None:
    for line in FALLS_BACK:
        assert both(line, {}, tty=False)[0] == (None, "", ""), line
    for env in ({"ILRS_SLOW_ANSWERS": "1"}, {"_ILRS_COMPLETE": "complete_bash"}):
        assert both(("payloads", "--json"), env, tty=False)[0] == (None, "", ""), env


def test_an_empty_ilrs_data_is_unset_on_both_paths() -> None:
    fast, typer = both(("payloads", "--json"), {"ILRS_DATA": ""}, tty=False)
    assert fast[0] is not None and fast == typer


def test_an_unsafe_cache_warns_once_also_when_falling_back(tmp_path: Path) -> None:
    """The warning written while the answer is worked out is held, so that a fallback does
    not print it twice."""
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o777)
    cache.chmod(0o777)
    lines = [
        ("payloads", "--country", "Atlantis"),
        ("payloads", "--json"),
        ("show", "x"),
        ("payloads", "--country", "Atlantïs"),
    ]  # the last falls back: not ASCII
    for line in lines[:3]:
        fast, typer = both(line, {"ILRS_CACHE_DIR": str(cache)}, tty=False)
        assert typer[2].count("warning") == 1
        assert fast == typer, line
    fast, typer = both(lines[3], {"ILRS_CACHE_DIR": str(cache)}, tty=False)
    assert fast == (None, "", "") and typer[2].count("warning") == 1


def test_every_answering_command_is_in_the_index() -> None:
    answering = {
        name for name, command in COMMAND.commands.items()
        if hasattr(getattr(command.callback, "__wrapped__", None), "answers")
    }  # fmt: skip
    assert answering - set(ANSWERS) == {"diff"}  # its paths are a list: Typer reads them


def test_the_index_is_generated_from_the_real_app() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        make = importlib.import_module("make_answer_index")
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert make.source() == (ROOT / "src/ilrs_cli/cli/answer_index.json").read_text()


_CACHED: set[bool] = set()  # the datasets (bundled or not) whose cache entry a run filled


def _imported(*args: str, bundled: bool = False) -> set[str]:
    """The modules an answer imported, on the fixture or on the bundled data, read from the
    cache (which a first run fills)."""
    env = pinned()
    if bundled:
        del env["ILRS_DATA"]
    for _ in range(1 if bundled in _CACHED else 2):
        result = run_main(*args, env=env)
    _CACHED.add(bundled)
    return modules_of(result)


def test_an_answer_imports_no_typer_click_pydantic_or_rich() -> None:
    """Nor Rich for a piped table: the plain renderer draws it (tests/test_plain_table.py).
    Nor typing (core/tuples.py), which costs an answer a tenth of its time, nor dataclasses
    (it imports inspect, ast and dis), nor signal (a hundredth of it: the handlers are set
    through CPython's `_signal`). Nor citeproc-py, but with `cite --style`; nor the citation
    styles' enum, but in `cite`. On the bundled data, nor contextlib (a hundredth too: the
    cache and the error handling use classes); a file given with --data brings pathlib, which
    imports it from Python 3.13."""
    heavy = ("typer", "click", "pydantic", "ilrs_cli.cli.app", "rich", "typing", "citeproc",
             "dataclasses", "lxml", "ilrs_cli.render.styled_text", "xlsxwriter",
             "ilrs_cli.render.xlsx", "resvg_py", "mcp", "mcp_types", "anyio",
             "ilrs_cli.mcp", "signal")  # fmt: skip
    for line in [("payloads", "--country", "Turkey", "--json"), ("members",), ("cite", "egypt")]:
        modules = _imported(*line)
        assert "ilrs_cli.cli.fast_answers" in modules
        assert not set(heavy) & modules, line
        assert ("ilrs_cli.core.citation_styles" in modules) == (line[0] == "cite"), line
    for line in [("payloads", "--json"), ("search", "turkiye")]:  # search reads pycountry's file
        modules = _imported(*line, bundled=True)
        assert not {"contextlib", "pathlib", "importlib.util", "pycountry", *heavy} & modules
    assert {"citeproc", "ilrs_cli.render.styled_text"} <= _imported(
        "cite", "egypt", "--style", "apa"
    )


def test_only_a_workbook_imports_xlsxwriter(tmp_path: Path) -> None:
    """What the answers above must not import is what a workbook needs, on the fast path."""
    target = str(tmp_path / "payloads.xlsx")
    modules = _imported("payloads", "--format", "xlsx", "-o", target, "--force")
    assert {"ilrs_cli.cli.fast_answers", "xlsxwriter"} <= modules and "typer" not in modules


@pytest.mark.parametrize("line", [("members",), ("search", "rover"), ("show", "egypt", "--json")])
def test_an_answer_on_the_bundled_data_imports_no_typing_or_pathlib(line: tuple[str]) -> None:
    """pathlib is imported only to read a path the user gives, as Typer reads it."""
    modules = _imported(*line, bundled=True)
    assert "ilrs_cli.load.checked" in modules  # read from the cache
    assert not {"typing", "pathlib", "tomli", "rich", "xlsxwriter"} & modules
    assert "typer" in _imported("payloads", "--help")  # fell back


def test_no_command_but_mcp_imports_the_mcp_sdk() -> None:
    """Typer's path (help, check) builds every command, `ilrs mcp` among them, without
    importing the SDK or ilrs_cli.mcp."""
    for line in [("--help",), ("payloads", "--help"), ("check",)]:
        modules = _imported(*line)
        assert "typer" in modules and not {"mcp", "mcp_types", "ilrs_cli.mcp"} & modules, line
