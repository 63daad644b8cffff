"""One self-contained HTML page: the map, the charts, the tables and every citation, with
the pictures inline and the style sheet in the page, so that it opens with no network (its
Content-Security-Policy forbids loading anything). The page is polyglot: HTML that is also
well-formed XML, so that an XML parser can check it whole."""

from __future__ import annotations

import html
import re

from .. import __version__
from ..core.licence import DATA_LICENCE
from ..core.records import Dataset
from ..core.safe_text import escape
from ..core.vocab import Level
from ..render.text import _text as reference_text
from ..report import answers
from ..report.listing import Column, Listing
from . import charts, world
from .map import map_picture

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..report.listing import Item

STYLE = """
body { font-family: 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans',
  sans-serif; color: #222; margin: 0 auto; max-width: 1060px; padding: 16px 24px 48px;
  line-height: 1.45; }
h1, h2, h3, p, td, th, li { overflow-wrap: anywhere; }
h1 { font-size: 28px; margin: 8px 0 4px; }
h2 { font-size: 21px; margin: 36px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 17px; margin: 24px 0 6px; }
nav a { margin-right: 14px; }
figure { margin: 12px 0; overflow-x: auto; }
svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 13px; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
tr:nth-child(even) td { background: #fafafa; }
.muted { color: #666; font-size: 13px; }
ol.sources li { margin-bottom: 6px; font-size: 13px; }
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;)]")


def _text(value: str) -> str:
    """A dataset string in the page: escaped for the terminal's sake, then for HTML."""
    return html.escape(escape(value))


def _linked(value: str) -> str:
    """`_text`, with each web address made a link (a link loads nothing until followed)."""
    parts, last = [], 0
    safe = escape(value)
    for match in URL.finditer(safe):
        parts.append(html.escape(safe[last : match.start()]))
        url = html.escape(match[0])
        parts.append(f'<a href="{url}" rel="noreferrer">{url}</a>')
        last = match.end()
    parts.append(html.escape(safe[last:]))
    return "".join(parts)


def source_anchor(source_id: str) -> str:
    """The id of a source's entry in the page's list of sources."""
    return html.escape(f"source-{escape(source_id)}")


def _cell(column: Column, item: Item) -> str:
    """A table cell: its lines, and each citation a link to its source in the list."""
    if column.is_citations:
        return "<br />".join(
            f'<a href="#{source_anchor(cited["id"])}">{_text(cited["id"])}</a> '
            f"({_text(cited['at'])})"
            for cited in item.get(column.name) or ()
        )
    return "<br />".join(_text(line) for line in column.cell(item).split("\n"))


def _table(listing: Listing) -> str:
    columns = listing.shown(listing.table_columns)
    head = "".join(f"<th>{_text(column.header)}</th>" for column in columns)
    rows = []
    for item in listing.items:
        cells = "".join(f"<td>{_cell(column, item)}</td>" for column in columns)
        rows.append(f"<tr>{cells}</tr>")
    return (f"<h3>{_text(listing.title)}</h3>\n<table>\n<thead><tr>{head}</tr></thead>\n"
            f"<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")  # fmt: skip


def _figure(svg: str, caption: str) -> str:
    """A picture and its caption; the caption is the page's own text, with `code` marked."""
    marked = re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(caption))
    return f'<figure>\n{svg}\n<figcaption class="muted">{marked}</figcaption>\n</figure>'


def page(dataset: Dataset) -> str:
    """The page's HTML."""
    info = dataset.info
    payloads = answers.payloads(dataset)
    members = answers.members(dataset)
    sections: list[tuple[str, str, list[str]]] = [
        ("map", "Map", [_figure(map_picture(dataset).inline(),
                                "Hover over a country or a dot for its records. `ilrs map`.")]),
        ("growth", "Growth of both camps", [_figure(charts.growth_chart(
            dataset, answers.growth(dataset), charts.counted_levels([Level.NATIONAL])).inline(),
            "`ilrs chart growth`; the numbers of `ilrs growth`.")]),
        ("timeline", "Timeline", [_figure(
            charts.timeline_chart(dataset, answers.timeline(dataset)).inline(),
            "`ilrs chart timeline`.")]),
        ("counts", "Counts", [
            _figure(charts.count_chart(dataset, payloads, "countries", "payloads",
                                       "count-payloads").inline(),
                    "`ilrs chart count-by countries --of payloads`."),
            _figure(charts.count_chart(dataset, members, "level", "participants",
                                       "count-members").inline(),
                    "`ilrs chart count-by level --of members`."),
        ]),
        ("tables", "Tables", [
            _table(payloads), _table(members), _table(answers.countries(dataset)),
            _table(answers.timeline(dataset)),
        ]),
        ("sources", "Sources", [_sources(dataset)]),
    ]  # fmt: skip
    nav = " ".join(f'<a href="#{key}">{title}</a>' for key, title, _ in sections)
    body = "\n".join(
        f'<section id="{key}">\n<h2>{title}</h2>\n' + "\n".join(parts) + "\n</section>"
        for key, title, parts in sections
    )
    description = f"<p>{_text(info.description)}</p>" if info.description else ""
    return f"""<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="{CSP}" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>{_text(info.title)}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>{_text(info.title)}</h1>
<p class="muted">Data as of {info.as_of.isoformat()}, the date of the newest source (each
source below says the day it was last checked); dataset {_text(info.version)}; made by
ilrs {__version__}. Every fact below comes from a cited source, listed at the end. The data:
<a href="{DATA_LICENCE["path"]}" rel="license noreferrer">{DATA_LICENCE["title"]}</a>.</p>
{description}
<nav>{nav}</nav>
</header>
{body}
<footer class="muted"><p>{_text(world.credit())}</p></footer>
</body>
</html>
"""


def _sources(dataset: Dataset) -> str:
    bibliography = answers.cite(dataset, every=True)
    items: list[Any] = [
        f'<li id="{source_anchor(entry.source.id)}"><code>{_text(entry.source.id)}</code>: '
        f"{_linked(reference_text(number, entry).removeprefix(f'[{number}] '))}</li>"
        for number, entry in enumerate(bibliography.references, start=1)
    ]
    return (
        '<p class="muted">Every source of every record (<code>ilrs cite --all</code>): who '
        "published it, when, where it was read, the day it was last checked against its page "
        "(not the data's as-of date), and what it is cited for.</p>\n"
        '<ol class="sources">\n' + "\n".join(items) + "\n</ol>"
    )
