"""The MCP server on standard input and output: the SDK's low-level server, offering the
tools of mcp/tools.py over one dataset. The only module that imports the MCP SDK (the extra
`mcp`); nothing but protocol messages goes to stdout, logs go to stderr."""

from __future__ import annotations

import json
import logging
import sys

from .. import __version__
from ..core.errors import MissingExtra
from .tools import TOOLS, ToolError, call, description, input_schema

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..core.records import Dataset


def serve(dataset: Dataset) -> None:
    """Answer tool calls about `dataset` until the client closes standard input."""
    try:
        import anyio
        from mcp import types
        from mcp.server.lowlevel import Server
        from mcp.server.stdio import stdio_server
    except ImportError:
        raise MissingExtra("ilrs mcp", "the MCP Python SDK (mcp)", "mcp") from None

    logging.basicConfig(
        stream=sys.stderr, level=logging.WARNING, format="ilrs mcp: %(levelname)s: %(message)s"
    )
    read_only = types.ToolAnnotations(
        read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False
    )
    tools = [
        types.Tool(
            name=name,
            description=description(command),
            input_schema=input_schema(command),
            annotations=read_only,
        )
        for name, command in TOOLS.items()
    ]

    async def list_tools(_: Any, __: Any) -> types.ListToolsResult:
        return types.ListToolsResult(tools=tools)

    async def call_tool(_: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        try:
            result = call(dataset, params.name, dict(params.arguments or {}))
        except ToolError as error:
            text = types.TextContent(type="text", text=str(error))
            return types.CallToolResult(content=[text], is_error=True)
        text = types.TextContent(type="text", text=json.dumps(result, ensure_ascii=False))
        return types.CallToolResult(content=[text], structured_content=result)

    server: Server[Any] = Server(
        "ilrs",
        version=__version__,
        instructions="Sourced answers about China's Chang'e-8 international payloads, the "
        "International Lunar Research Station (ILRS) and the Artemis Accords. Every result "
        "holds the dataset's as-of date and version and the sources behind its records: cite "
        "them.",
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )

    async def run() -> None:
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())

    anyio.run(run)
