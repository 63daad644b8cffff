"""`ilrs mcp`, started as a subprocess on the frozen fixture and spoken to with the MCP SDK's
own stdio client (one server for the module): its tools are the declared commands, each
call's records are the API's, a bad call is an error result with the command line's message
and the server answers the next, and it ends cleanly when the client closes."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import ClientSession, StdioServerParameters, types
from mcp.client.stdio import stdio_client
from mcp.types.version import LATEST_HANDSHAKE_VERSION

from ilrs_cli import api
from ilrs_cli.mcp.tools import TOOLS, arguments, description, in_arguments

from .conftest import FROZEN, Runner

pytestmark = pytest.mark.xdist_group("mcp")  # one server for the module's tests

SERVER = [sys.executable, "-m", "ilrs_cli", "--data", str(FROZEN), "mcp"]
# The arguments of each call where a tool needs some or its answer would be long.
SAMPLES: dict[str, dict[str, Any]] = {
    "payloads": {"country": "Egypt"},
    "members": {"level": "national", "as_of": "2024"},
    "artemis": {"region": "Middle East"},
    "timeline": {"mission": ["Chang'e-8"], "after": "2025"},
    "show": {"record_id": "egypt"},
    "search": {"text": "rover"},
    "sources": {"cited_by": "imaging-system"},
    "cite": {"record_id": ["egypt", "imaging-system"]},
}
# Bad calls, each answered with an error result, then a good call.
BAD: dict[str, tuple[str, dict[str, Any]]] = {
    "unknown country": ("payloads", {"country": "Narnia"}),
    "wrong type": ("payloads", {"country": 5}),
    "over-long text": ("search", {"text": "x" * 201}),
    "not a date": ("timeline", {"after": "soon"}),
    "unknown record": ("show", {"record_id": "no-such-record"}),
    "flag not a boolean": ("cite", {"every": "yes"}),
    "unknown argument": ("payloads", {"colour": "red"}),
    "missing argument": ("show", {}),
    "no record given": ("cite", {}),
    "unknown tool": ("launch", {}),
}
# The same questions on the command line, where it can ask them.
CLI_OF_BAD = {
    "unknown country": ["payloads", "--country", "Narnia"],
    "over-long text": ["search", "x" * 201],
    "not a date": ["timeline", "--after", "soon"],
    "unknown record": ["show", "no-such-record"],
}


class Conversation:
    def __init__(self) -> None:
        self.tools: list[types.Tool] = []
        self.calls: dict[str, types.CallToolResult] = {}
        self.bad: dict[str, types.CallToolResult] = {}
        self.after_bad: types.CallToolResult | None = None


async def _converse(errlog: Any) -> Conversation:
    talk = Conversation()
    server = StdioServerParameters(command=SERVER[0], args=SERVER[1:], env=dict(os.environ))
    async with stdio_client(server, errlog=errlog) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            talk.tools = (await session.list_tools()).tools
            for tool in talk.tools:
                talk.calls[tool.name] = await session.call_tool(
                    tool.name, SAMPLES.get(tool.name, {})
                )
            for case, (name, given) in BAD.items():
                talk.bad[case] = await session.call_tool(name, given)
            talk.after_bad = await session.call_tool("payloads", SAMPLES["payloads"])
    return talk


@pytest.fixture(scope="module")
def talk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Conversation, str]:
    """One conversation with one server: what it answered, and what it wrote on stderr."""
    log = tmp_path_factory.mktemp("mcp") / "stderr.txt"
    with log.open("w", encoding="utf-8") as errlog:
        conversation = anyio.run(_converse, errlog)
    return conversation, log.read_text(encoding="utf-8")


def _plain(value: Any) -> Any:
    """A value as JSON gives it back."""
    return json.loads(json.dumps(value))


def test_the_tools_are_the_declared_commands_with_their_arguments(
    talk: tuple[Conversation, str],
) -> None:
    """Every declared tool, its help, and each API keyword with its kind, choices and help:
    an option added to a command's declaration is listed with nothing else to change."""
    listed = {tool.name: tool for tool in talk[0].tools}
    assert list(listed) == list(TOOLS)
    assert {"payloads", "members", "artemis", "countries", "timeline", "growth", "show",
            "search", "cite", "sources"} <= set(listed)  # fmt: skip
    for name, command in TOOLS.items():
        tool = listed[name]
        assert tool.description == description(command)
        assert tool.description and "Examples:" not in tool.description
        assert " ".join(tool.description.split()).startswith(
            " ".join(command.help.split("\n")[0].split())
        )
        taken = inspect.signature(getattr(api, str(command.api))).parameters
        assert set(tool.input_schema["properties"]) == set(taken) - {"dataset", "format"}
        assert tool.annotations is not None and tool.annotations.read_only_hint
        properties = tool.input_schema["properties"]
        assert list(properties) == [param.keyword for param in arguments(command)]
        for param in arguments(command):
            schema = properties[param.keyword]
            assert schema["description"] == in_arguments(param.help)
            kinds = schema.get("anyOf", [schema])
            if param.choices is not None:
                assert all(k.get("enum", k.get("items", {}).get("enum")) == [c.value for c in
                           param.choices] for k in kinds)  # fmt: skip
            if param.kind == "flag":
                assert schema["type"] == "boolean"
        required = [param.keyword for param in arguments(command) if param.required]
        assert tool.input_schema.get("required", []) == required


def test_the_texts_name_the_tools_arguments_not_the_command_lines_options(
    talk: tuple[Conversation, str],
) -> None:
    """A tool's description and its arguments' help say `camp`, where the command line's
    help says --in: an assistant calls the tool by its arguments."""
    options = {flag for c in TOOLS.values() for p in arguments(c) for flag in p.flags}
    texts = [tool.description or "" for tool in talk[0].tools] + [
        schema["description"] for tool in talk[0].tools
        for schema in tool.input_schema["properties"].values()
    ]  # fmt: skip
    named = {word.strip(".,;:()") for text in texts for word in text.split()}
    assert named & options == set()
    countries = {tool.name: tool for tool in talk[0].tools}["countries"].description or ""
    assert "`documented` counts only documented agreements" in countries


def test_members_takes_the_level_not_the_command_lines_level_flags(
    talk: tuple[Conversation, str],
) -> None:
    (members,) = [tool for tool in talk[0].tools if tool.name == "members"]
    assert "level" in members.input_schema["properties"]
    assert not {"national", "affiliated"} & set(members.input_schema["properties"])


def _expected(name: str) -> dict[str, Any]:
    """What the API answers to the same question, as the call's result holds it."""
    command, given = TOOLS[name], SAMPLES.get(name, {})
    dataset = api.load(FROZEN)
    if name == "cite":
        return {
            "text": api.cite(**given, dataset=dataset),
            "items": json.loads(api.cite(**given, format="csl-json", dataset=dataset)),
        }
    answer = getattr(api, str(command.api))(**given, dataset=dataset)
    return {"item" if isinstance(answer, dict) else "items": _plain(answer)}


@pytest.mark.parametrize("name", list(TOOLS))
def test_each_call_holds_the_apis_records_the_dataset_and_the_sources(
    talk: tuple[Conversation, str], name: str
) -> None:
    result = talk[0].calls[name]
    assert not result.is_error, result.content
    held = result.structured_content
    assert isinstance(held, dict)
    for key, value in _expected(name).items():
        assert held[key] == value, key
    assert held["dataset"] == {
        "title": "Chang'e-8 international payloads and the ILRS",
        "version": api.info(dataset=api.load(FROZEN))["version"],
        "as_of": api.info(dataset=api.load(FROZEN))["as_of"],
    }
    (text,) = result.content
    assert isinstance(text, types.TextContent) and json.loads(text.text) == held
    # every source a record in the answer cites is among the sources, as `sources` lists it
    known = {s["id"]: s for s in api.sources(dataset=api.load(FROZEN))}
    for source in held["sources"]:
        keys = ("id", "title", "publisher", "date", "url", "via")
        assert source == {k: known[source["id"]][k] for k in keys}
    cited = {s["id"] for item in held.get("items", [held.get("item")]) for s in
             (item or {}).get("sources", []) if isinstance(s, dict)}  # fmt: skip
    assert cited <= {source["id"] for source in held["sources"]}


def test_a_listing_cites_the_sources_of_its_records(talk: tuple[Conversation, str]) -> None:
    held = talk[0].calls["payloads"].structured_content
    assert held is not None and held["items"]
    behind = {s["id"] for s in held["sources"]}
    nested = {s["id"] for item in held["items"] for s in item["sources"]}
    assert nested and nested <= behind
    countries = talk[0].calls["countries"].structured_content
    assert countries is not None and countries["sources"]  # by the records each row names


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_call_is_an_error_result(talk: tuple[Conversation, str], case: str) -> None:
    result = talk[0].bad[case]
    assert result.is_error
    (text,) = result.content
    assert isinstance(text, types.TextContent) and text.text
    name, given = BAD[case]
    if name in TOOLS and set(given) <= {str(p.keyword) for p in arguments(TOOLS[name])}:
        try:  # the API's own message, where the API is asked the same
            getattr(api, str(TOOLS[name].api))(**given, dataset=api.load(FROZEN))
        except api.QueryError as error:
            assert str(error) in text.text
        except TypeError:
            assert case in ("missing argument",)


@pytest.mark.parametrize("case", list(CLI_OF_BAD))
def test_the_message_is_the_command_lines(
    talk: tuple[Conversation, str], ilrs: Runner, case: str
) -> None:
    result = ilrs(*CLI_OF_BAD[case])
    assert result.exit_code in (1, 2)
    (text,) = talk[0].bad[case].content
    assert isinstance(text, types.TextContent)
    said = text.text.split(": ", 1)[1] if text.text.startswith("Invalid value") else text.text
    said = said.split("; the `search` tool")[0]
    assert said in result.stderr


def test_the_server_answers_after_bad_calls(talk: tuple[Conversation, str]) -> None:
    after = talk[0].after_bad
    assert after is not None and not after.is_error
    assert after.structured_content == talk[0].calls["payloads"].structured_content


def test_nothing_is_logged_on_a_good_conversation(talk: tuple[Conversation, str]) -> None:
    assert talk[1] == ""


def _line(message: dict[str, Any]) -> bytes:
    return (json.dumps({"jsonrpc": "2.0", **message}) + "\n").encode()


def test_it_writes_only_protocol_messages_and_ends_when_the_client_closes() -> None:
    """Raw JSON-RPC: the handshake and a call, each reply read before the next message, then
    standard input closed: exit 0, stdout all protocol messages, stderr empty."""
    hello = {"protocolVersion": LATEST_HANDSHAKE_VERSION, "capabilities": {},
             "clientInfo": {"name": "test", "version": "0"}}  # fmt: skip
    call = {"name": "show", "arguments": {"record_id": "egypt"}}
    with subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as server:  # fmt: skip
        assert server.stdin is not None and server.stdout is not None
        replies = []
        for message in [
            {"id": 1, "method": "initialize", "params": hello},
            {"method": "notifications/initialized"},
            {"id": 2, "method": "tools/call", "params": call},
        ]:
            server.stdin.write(_line(message))
            server.stdin.flush()
            if "id" in message:
                replies.append(json.loads(server.stdout.readline()))
        server.stdin.close()
        rest, errors = server.stdout.read(), server.stderr.read() if server.stderr else b""
        assert server.wait(timeout=60) == 0, errors
    assert rest == b"" and errors == b""
    assert [reply.get("id") for reply in replies] == [1, 2]
    assert replies[1]["result"]["structuredContent"]["item"]["id"] == "egypt"


def test_without_the_extra_it_says_how_to_install_it(
    ilrs: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "mcp", None)
    result = ilrs("mcp")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        "ilrs: error: ilrs mcp needs the MCP Python SDK (mcp), which is not installed: "
        "pip install 'ilrs-cli[mcp]'\n"
    )


def test_a_bad_dataset_is_refused_before_serving(ilrs: Runner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[dataset\n", encoding="utf-8")
    result = ilrs("--data", str(bad), "mcp")
    assert result.exit_code == 1 and result.stdout == ""
    assert f"{bad}: 1 problem" in result.stderr


def test_an_error_names_the_tools_argument(talk: tuple[Conversation, str]) -> None:
    """The API's errors name a record's id `id`; the tools take it as `record_id`."""
    (text,) = talk[0].bad["no record given"].content
    assert isinstance(text, types.TextContent)
    assert text.text.startswith("Invalid value for 'record_id': give at least one record id")
