"""Tables for people: render/plain_table.py draws them, or Rich (render/rich_page.py) where
the plain renderer is unsure of the text: the same bytes. Cell text is data, never markup."""

from __future__ import annotations

from ..core.safe_text import escape
from ..report.details import Detail, detail_text
from ..report.listing import Listing
from .plain_table import PlainPage, TableColumn
from .plain_text import Uncertain
from .table_layout import lay_out
from .terminal import detect_terminal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, Protocol

    from ..report.listing import Item

    class Page(Protocol):
        """Where `draw` prints: the plain renderer (render/plain_table.py), or Rich's console
        (render/rich_page.py), which prints the same bytes."""

        def line(self, text: str, style: str = "") -> None: ...
        def field(self, header: str, value: str) -> None: ...
        def link(self, text: str, url: str) -> None: ...
        def blank(self) -> None: ...
        def table(self, title: str, columns: list[TableColumn], rows: list[list[str]]) -> None: ...
        def text(self) -> str: ...


def render(report: Listing | Detail, rich: bool = False) -> str:
    """Tables for people. The plain renderer draws them unless `rich` is asked for or it is
    unsure of the text; Rich draws the rest, the same bytes."""
    terminal = detect_terminal()
    if not rich:
        page = PlainPage(terminal.width, terminal.unicode, terminal.color)
        try:
            return draw(report, page, terminal.width)
        except Uncertain:
            pass
    from .rich_page import RichPage

    return draw(report, RichPage(terminal), terminal.width)


def draw(report: Listing | Detail, page: Page, width: int) -> str:
    """Cell text is data, never markup; colour only where the terminal allows."""

    def print_caption(caption: str, legend: str = "", said: Sequence[str] = ()) -> None:
        """Below the table, wrapped to the terminal rather than to a narrow table: what every
        row says, the caption and the legend. What every row says and the legend are built
        from escaped items; the caption is escaped whole."""
        if caption or legend or said:
            page.line("".join(line + "\n" for line in said) + escape(caption) + legend,
                      style="dim")  # fmt: skip

    def print_links(sources: list[Item]) -> None:
        """Sources under a record, one a line: URLs outside any border, never split by a
        column, and links (OSC 8) where the terminal shows colour."""
        if not sources:
            return
        page.line("Sources:", style="bold")
        for source in sources:
            at = f" ({source['at']})" if source.get("at") else ""
            page.line(f"  {source['id']}{at}: {source.get('title', '')}")
            for key in ("url", "original_url"):
                if source.get(key):
                    page.link("    " + source[key], source[key])

    listings = [report] if isinstance(report, Listing) else list(report.attachments)
    if isinstance(report, Detail):
        item = escaped(report.item)
        fields = [TableColumn("Field", bold=True), TableColumn("Value", overflow="fold")]
        page.table(escape(report.title), fields, [
            [escape(name), detail_text(name, escaped(value))]
            for name, value in report.rows() if name != "sources"
        ])  # fmt: skip
        if "sources" not in report.attached_columns:  # else the attachment lists them
            print_links(item.get("sources") or [])
        print_caption("" if listings else report.caption)
    for listing in listings:
        layout = lay_out(listing, [escaped(item) for item in listing.items], width)
        if layout.columns is None:
            print_vertical(page, listing.title, layout.headers, layout.rows)
        else:
            page.table(escape(listing.title), layout.columns, layout.rows)
        numbered = "".join(f"\nnote {n}: {text}" for n, text in enumerate(layout.notes, 1))
        print_caption(listing.caption, ("\nNotes:" + numbered if layout.notes else "")
                      + layout.legend, layout.below)  # fmt: skip
    return page.text()


LONG_NOTE = 60  # longer notes go under the table, numbered, instead of a narrow column


def print_vertical(page: Page, title: str, headers: list[str], rows: list[list[str]]) -> None:
    """One record after another, a 'Field: value' line each, for narrow terminals: words
    wrap whole and nothing is squeezed into a column."""
    page.line(escape(title), style="bold")
    for cells in rows:
        page.blank()
        for header, cell in zip(headers, cells, strict=True):
            if cell:
                value = cell.replace("\n", "; ") if header != "Sources" else cell.replace("\n", " ")
                page.field(header, value)


def escaped(value: Any) -> Any:
    """`value` with every string in it escaped for the terminal, so that data can never add a
    line, move the cursor or hide text, however the cells are then laid out."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escaped(element) for element in value]
    if isinstance(value, dict):  # a printable string (most are), a number or None as it is
        return {key: element if _is_plain(element) else escaped(element)
                for key, element in value.items()}  # fmt: skip
    return value


def _is_plain(value: Any) -> bool:
    return value is None or (value.isprintable() if type(value) is str else type(value) is int)
