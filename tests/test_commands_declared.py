"""Each answering command is declared once (report/commands.py): its Typer command, the fast
path's index, completion and the Python API's keywords come from that declaration."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
import typer

from ilrs_cli import api
from ilrs_cli.cli import completion
from ilrs_cli.cli.app import app
from ilrs_cli.report import answers
from ilrs_cli.report.commands import COMMANDS
from ilrs_cli.report.params import KINDS, Param

from .runner import COMMAND

TOP = typer.main.get_command(app)


def _click_command(name: str) -> Any:
    ctx = typer.Context(TOP, info_name="ilrs")
    return TOP.get_command(ctx, name)


PARAMS = [(name, param) for name, command in COMMANDS.items() for param in command.params]


@pytest.mark.parametrize(("name", "param"), PARAMS, ids=[f"{n}-{p.name}" for n, p in PARAMS])
def test_each_declared_parameter_is_the_commands_parameter(name: str, param: Param) -> None:
    """The Typer command takes it as declared: option strings, help, metavar, choices,
    repetition and completion."""
    (made,) = [p for p in _click_command(name).params if p.name == param.name]
    assert param.kind in KINDS
    assert list(made.opts) == (list(param.flags) or [param.name])[: len(made.opts)]
    if param.flags:
        assert made.help == param.help
        assert made.is_flag == (param.kind == "flag")
    if param.metavar is not None:
        assert made.metavar == param.metavar
    assert (
        made.multiple or made.nargs == -1
        if param.kind in ("texts", "choices", "paths")
        else (not made.multiple and made.nargs == 1)
    )
    if param.complete is not None:
        assert callable(getattr(completion, param.complete))
    assert made.required == param.required


CHOICES = [(name, param) for name, param in PARAMS if param.choices is not None]
# What a command answers with besides the choice: cite needs an id, and has no --json.
ANSWERING = {"cite": ("spacenews",)}


@pytest.mark.parametrize(("name", "param"), CHOICES, ids=[f"{n}-{p.name}" for n, p in CHOICES])
def test_each_declared_choice_is_what_the_command_accepts(
    ilrs: Any, name: str, param: Param
) -> None:
    assert param.choices is not None
    refused = ilrs(name, param.flags[0], "no-such-choice")
    assert refused.exit_code == 2
    for member in param.choices:
        assert member.value in refused.stderr, (member, refused.stderr)
        answering = ANSWERING.get(name, ("--json",))
        assert ilrs(name, param.flags[0], member.value, *answering).exit_code == 0


def test_every_answering_command_is_declared_and_nothing_else_is() -> None:
    answering = {
        name for name in TOP.list_commands(typer.Context(TOP, info_name="ilrs"))
        if getattr(_click_command(name).callback, "answers", None) is not None
    }  # fmt: skip
    assert answering == set(COMMANDS)
    for name, command in COMMANDS.items():
        assert command.answer == "" or callable(getattr(answers, command.answer)), name


API = [(name, command) for name, command in COMMANDS.items() if command.api is not None]


@pytest.mark.parametrize(("name", "command"), API, ids=[name for name, _ in API])
def test_each_api_function_takes_the_declared_keywords(name: str, command: Any) -> None:
    """The API keeps explicit, typed signatures; each keyword is a declared parameter's, with
    its default, and each declared parameter the API takes is a keyword of it."""
    function = getattr(api, command.api)
    signature = inspect.signature(function)
    keywords = {k: p for k, p in signature.parameters.items() if k not in ("dataset", "format")}
    declared = {param.keyword: param for param in command.params if param.keyword is not None}
    assert set(keywords) == set(declared), name
    for keyword, parameter in keywords.items():
        param = declared[keyword]
        wanted = False if param.kind == "flag" else None
        if param.required:
            assert parameter.default is inspect.Parameter.empty, keyword
        else:
            assert parameter.default == wanted, keyword
    assert signature.parameters["dataset"].kind is inspect.Parameter.KEYWORD_ONLY
    assert command.api in api.__all__


def test_the_api_checks_each_keyword_by_its_declared_kind() -> None:
    """A wrong type for any declared keyword of any API function is a QueryError naming that
    keyword (never a TypeError from deeper down)."""
    wrong = object()
    for _, command in API:
        function = getattr(api, command.api)
        for param in command.params:
            if param.keyword is None or param.kind == "flag":
                continue
            with pytest.raises(api.QueryError) as caught:
                function(**{param.keyword: wrong})
            assert caught.value.argument == param.keyword, (command.name, param.keyword)


def test_the_suite_runs_the_command_built_from_the_declarations() -> None:
    assert COMMAND.name == TOP.name and set(COMMAND.commands) == set(TOP.commands)


def test_every_list_command_has_its_sqlite_view_or_says_why_not() -> None:
    from ilrs_cli.export.views import WITHOUT_VIEW, list_views
    from ilrs_cli.report.commands import COLUMNS_BY_COMMAND

    viewed = {name.removeprefix("list_") for name in list_views()}
    assert not viewed & set(WITHOUT_VIEW)
    assert viewed | set(WITHOUT_VIEW) == set(COLUMNS_BY_COMMAND)


def test_every_field_of_every_list_command_can_be_counted(ilrs: Any) -> None:
    """--count-by takes every field a list command prints, objects included (a member's
    `artemis` was an internal error): each value counted once, as the text it shows."""
    from ilrs_cli.report.commands import COLUMNS_BY_COMMAND

    for name, columns in COLUMNS_BY_COMMAND.items():
        if COMMANDS[name].params and COMMANDS[name].params[0].required:
            continue  # search: asked with text, its fields are the same kinds of value
        if "count_by" in COMMANDS[name].omit:
            continue
        rows = ilrs(name, "--json").json()
        for column in columns:
            if column.table_only:
                continue
            counted = ilrs(name, "--count-by", column.name, "--json")
            assert counted.exit_code == 0, (name, column.name, counted.stderr)
            total = sum(row["count"] for row in counted.json())
            assert total >= len(rows) or not rows, (name, column.name)


@pytest.mark.parametrize(
    "text", ["\ud800", "TR\udcff", "TR\x00"], ids=["surrogate", "escaped-byte", "nul"]
)
def test_the_api_raises_only_its_own_errors_for_text_no_encoding_can_write(text: str) -> None:
    """Every declared text keyword of every API function, and load's path: a QueryError
    naming it, never a UnicodeError or ValueError from deeper down."""
    for _, command in API:
        function = getattr(api, command.api)
        for param in command.params:
            if param.keyword is None or param.kind in ("flag", "paths"):
                continue
            with pytest.raises(api.QueryError) as caught:
                function(**{param.keyword: text})
            assert caught.value.argument == param.keyword, (command.name, param.keyword)
    with pytest.raises(api.QueryError):
        api.cite("egypt", format=text)
    if text != "TR\udcff":  # that one is a file name's undecodable byte: a file that is not there
        with pytest.raises(api.QueryError):
            api.load(text)
    else:
        with pytest.raises(api.DatasetError):
            api.load(text)
