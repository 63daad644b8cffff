"""A GitHub-flavoured Markdown table, to paste into a post or a README: the title in bold,
the table with the terminal table's column titles and source markers, the as-of line, and
the list of the marked sources, each a link to its address.

Data is text, never markup: after `core.safe_text.escape` (controls), `&`, `<` and `>`
become character references (GFM passes inline HTML through), and every character that
starts emphasis, code, a link, math, strikethrough or a cell (`\\ ` * _ [ ] ~ $ |`) is
backslash-escaped, as is a block marker (`#`, `-`, `+`, `=`, `1.`) at the start of a
paragraph; spaces at either end, which a table would trim, are written as `&#32;`. A cell's
lines are joined with `<br>`."""

from __future__ import annotations

import re

from ..report.listing import Listing
from .published_table import MarkedSource, published

_REFERENCES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_INLINE = re.compile(r"[\\`*_\[\]~$|&<>]")
_BLOCK_START = re.compile(r"^(?:[#+=-]|\d+(?=[.)]))")
_EDGE_SPACES = re.compile(r"^ +| +$")


def text(value: str) -> str:
    """`value` (escaped for terminals) as Markdown that shows it as it is, inside a line."""
    value = _INLINE.sub(lambda m: _REFERENCES.get(m[0], "\\" + m[0]), value)
    return _EDGE_SPACES.sub(lambda m: "&#32;" * len(m[0]), value)


def paragraph(value: str) -> str:
    """`text`, for a line of its own: what would start a heading or a list is escaped too."""
    return _BLOCK_START.sub(
        lambda m: m[0] + "\\" if m[0][0].isdigit() else "\\" + m[0], text(value)
    )


def _url(address: str) -> str:
    """A link destination: the address in <>, with what could end it early or stand for
    another character there (`<`, `>`, `\\`, a character reference's `&`, a backtick)
    backslash-escaped."""
    return "<" + re.sub(r"([<>\\&`])", r"\\\1", address) + ">"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _source(source: MarkedSource) -> str:
    title = f"[{text(source.title)}]({_url(source.url)})" if source.url else text(source.title)
    return f"- \\[{source.number}\\] {text(source.said)}: {title} ({text(source.id)})"


def render(report: Listing) -> str:
    table = published(report)
    lines = [f"**{text(table.title)}**", "", _row([text(h) for h in table.headers])]
    lines.append(_row(["---"] * len(table.headers)))
    lines += [
        _row(["<br>".join(text(line) for line in cell) for cell in row]) for row in table.rows
    ]
    lines += ["", paragraph(table.caption)]
    if table.empty_note:
        lines += ["", paragraph(table.empty_note)]
    if table.sources:
        lines += ["", "Sources:", ""] + [_source(source) for source in table.sources]
    return "\n".join(lines)
