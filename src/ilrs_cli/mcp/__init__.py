"""`ilrs mcp`: the answers of the command line as tools of a Model Context Protocol server,
for AI assistants (docs/mcp.md). The tools are made from the command declarations
(mcp/tools.py); the server (mcp/server.py) is the only module that imports the MCP SDK."""
