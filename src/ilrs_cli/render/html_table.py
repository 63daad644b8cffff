"""An HTML fragment to paste into a page: a `<table>` with the title as its `<caption>`, the
terminal table's column titles and source markers, then the as-of line and the list of the
marked sources, each a link to its address. No script, style or class: the page styles it.

Data is text, never markup: `html.escape` after `core.safe_text.escape` (controls); a
source links (`rel="noopener noreferrer"`) only to an http(s) address the dataset's check
accepts (`published_table.linkable`). A cell's lines are joined with `<br>`."""

from __future__ import annotations

from html import escape

from ..report.listing import Listing
from .published_table import MarkedSource, published


def _source(source: MarkedSource) -> str:
    title = escape(source.title)
    if source.url:
        title = f'<a href="{escape(source.url)}" rel="noopener noreferrer">{title}</a>'
    return f"<li>[{source.number}] {escape(source.said)}: {title} ({escape(source.id)})</li>"


def render(report: Listing) -> str:
    table = published(report)
    head = "".join(f"<th>{escape(header)}</th>" for header in table.headers)
    lines = ["<table>", f"<caption>{escape(table.title)}</caption>"]
    lines += ["<thead>", f"<tr>{head}</tr>", "</thead>", "<tbody>"]
    lines += [
        "<tr>"
        + "".join("<td>" + "<br>".join(map(escape, cell)) + "</td>" for cell in row)
        + "</tr>"
        for row in table.rows
    ]
    lines += ["</tbody>", "</table>", f"<p>{escape(table.caption)}</p>"]
    if table.empty_note:
        lines.append(f"<p>{escape(table.empty_note)}</p>")
    if table.sources:
        lines += ["<p>Sources:</p>", "<ul>", *map(_source, table.sources), "</ul>"]
    return "\n".join(lines)
