"""--format markdown and --format html on every list command (the frozen fixture), read as a
page reads them: Markdown by markdown-it (CommonMark with GFM's tables, inline HTML on) and
HTML by html5lib's strict parser (tests/writers/hostile.py). The hostile dataset's run, with
every other format, is in tests/writers/test_formats.py."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ilrs_cli.core.records import Dataset
from ilrs_cli.load import load_dataset
from ilrs_cli.render import Format, render
from ilrs_cli.render.published_table import linkable
from ilrs_cli.report import answers
from ilrs_cli.report.commands import COLUMNS_BY_COMMAND, COMMANDS
from ilrs_cli.report.listing import Listing
from ilrs_cli.report.types import ReportType

from .conftest import FIXTURES, FROZEN, Runner
from .writers.hostile import html_table, markdown_table, markdown_text

# What the list commands that need an argument are asked here.
ARGUMENTS = {
    "search": ["rover"],
    "diff": [str(FIXTURES / "chang8-1.0.0.toml"), str(FIXTURES / "chang8-1.1.0.toml")],
}
LISTING_COMMANDS = [n for n, c in COMMANDS.items() if c.report_type is ReportType.LISTING]
READ = {"markdown": markdown_table, "html": html_table}
_ASKED: dict[tuple[str, ...], str] = {}  # in this process: each answer is read by several tests


def _ask(ilrs: Runner, *args: str) -> str:
    if args not in _ASKED:
        outcome = ilrs(*args)
        assert outcome.exit_code == 0, outcome.stderr
        _ASKED[args] = outcome.stdout
    return _ASKED[args]


def test_every_list_command_that_needs_an_argument_is_asked_one() -> None:
    assert {"payloads", "members", "diff", "fields"} <= set(LISTING_COMMANDS)
    for name in LISTING_COMMANDS:
        if any(param.required for param in COMMANDS[name].params):
            assert name in ARGUMENTS, f"add what to ask `ilrs {name}`"


@pytest.mark.parametrize("fmt", list(READ))
@pytest.mark.parametrize("command", LISTING_COMMANDS)
def test_one_table_with_a_row_per_item_of_json(ilrs: Runner, command: str, fmt: str) -> None:
    args = (command, *ARGUMENTS.get(command, []))
    items = json.loads(_ask(ilrs, *args, "--json"))
    table = READ[fmt](_ask(ilrs, *args, "--format", fmt))
    assert items and len(table.rows) == len(items)
    assert all(table.headers)  # every column titled
    other = READ["html" if fmt == "markdown" else "markdown"](
        _ask(ilrs, *args, "--format", "html" if fmt == "markdown" else "markdown")
    )
    assert (table.headers, table.rows) == (other.headers, other.rows)  # both show the same


@pytest.mark.parametrize("fmt", list(READ))
@pytest.mark.parametrize("command", list(COLUMNS_BY_COMMAND))
def test_column_titles_are_the_fields_headers(ilrs: Runner, command: str, fmt: str) -> None:
    """Human titles, not field ids: every field of the command, chosen with --fields."""
    columns = COLUMNS_BY_COMMAND[command]
    fields = ",".join(column.name for column in columns)
    args = (command, *ARGUMENTS.get(command, []), "--fields", fields, "--format", fmt)
    assert READ[fmt](_ask(ilrs, *args)).headers == [column.header for column in columns]


def test_the_title_as_of_line_and_sources_are_given(ilrs: Runner) -> None:
    markdown = _ask(ilrs, "members", "--national", "--format", "markdown")
    html = _ask(ilrs, "members", "--national", "--format", "html")
    table = ilrs("members", "--national").stdout  # the terminal's table
    title, as_of = table.splitlines()[0].strip(), "Data as of 2026-04-13"
    assert markdown.startswith(f"**{title}**\n") and f"<caption>{title}</caption>" in html
    assert as_of in markdown_text(markdown) and f"<p>{as_of}" in html
    items = json.loads(_ask(ilrs, "members", "--national", "--json"))
    cited = {source["id"]: source for item in items for source in item["sources"]}
    for read, text in ((markdown_table, markdown), (html_table, html)):
        pasted = read(text)
        assert sorted(pasted.links) == sorted({source["url"] for source in cited.values()})
        assert pasted.rows[0][-1].startswith("[1]")  # the markers, as the terminal's table
    for number, source in enumerate(cited.values(), start=1):
        assert f"[{number}] {source['publisher']}" in markdown_text(markdown)


def test_an_empty_answer_is_a_table_without_rows_and_a_note(ilrs: Runner) -> None:
    for fmt, read in READ.items():
        outcome = ilrs("payloads", "--country", "Fiji", "--format", fmt)
        assert outcome.exit_code == 0 and read(outcome.stdout).rows == []
        assert "no payloads from Fiji" in outcome.stdout


# -- escaping, in the library: each character that is markup in Markdown or HTML --------

MARKUP = [
    "a | b",
    "back\\slash\\",
    "  two spaces at either end  ",
    "<b>bold</b> <script>alert(1)</script> <!-- c -->",
    "&amp; &lt; &#60; & alone",
    "`code` ``two``",
    "*em* **strong** _em_ __strong__",
    "[link](https://example.org) ![image](https://example.org/i.png) [ref][1]",
    "<https://example.org> https://example.org www.example.org",
    "~~struck~~ ~one~",
    "$x^2$ and $$y$$",
    "# heading",
    "- item",
    "1. item",
    "> quoted",
    "===",
]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(FROZEN)


def _with(listing: Listing, text: str, **fields: str) -> Listing:
    """`listing` with its first item's name (and `fields` of the listing) set to `text`."""
    first = {**listing.items[0], "name": text}
    return listing._replace(items=[first, *listing.items[1:]], **fields)


@pytest.mark.parametrize("text", MARKUP)
def test_markup_in_data_is_shown_as_text(dataset: Dataset, text: str) -> None:
    listing = _with(answers.members(dataset, level="national"), text, heading=text)
    for fmt, read in ((Format.MARKDOWN, markdown_table), (Format.HTML, html_table)):
        table = read(render(listing, fmt))
        assert table.rows[0][0] == text, fmt  # the participant's name, exactly
        assert len(table.rows) == len(listing.items)


@pytest.mark.parametrize("text", MARKUP)
def test_markup_in_a_caption_is_shown_as_text(dataset: Dataset, text: str) -> None:
    listing = answers.members(dataset, level="national")._replace(caption=text)
    shown = markdown_text(render(listing, Format.MARKDOWN))
    assert f"\n{text}\n" in shown  # a paragraph of its own, not a heading, list or quote
    assert f"<p>{text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>" in (
        render(listing, Format.HTML)
    )


def test_only_an_address_the_check_accepts_is_a_link(dataset: Dataset) -> None:
    assert linkable("https://example.org/a?b=c&d") and linkable("http://example.org")
    refused = ["javascript:alert(1)", "data:text/html,x", "//example.org", "https://",
               " https://a.org", "https://a.org/ b", "https://a.org/\x1b[2J",
               "https://a.org/\u202e"]  # fmt: skip
    assert not any(map(linkable, refused))
    listing = answers.members(dataset, level="national")
    first: dict[str, Any] = listing.items[0]
    bad = [{**source, "url": "javascript:alert(1)"} for source in first["sources"]]
    listing = listing._replace(items=[{**first, "sources": bad}])
    for fmt, read in ((Format.MARKDOWN, markdown_table), (Format.HTML, html_table)):
        text = render(listing, fmt)
        assert read(text).links == [] and "javascript" not in text  # its title, unlinked
        assert "International Lunar Research Station" in text
