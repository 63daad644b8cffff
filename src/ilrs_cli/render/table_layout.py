"""How a list's table fits a terminal without splitting a token (a date, an id, a number, a
word). Columns that say one thing in every row leave the table for a line under it ('Level:
national (all rows)'). Where Rich's own widths split no token, they are kept; else each
column gets at least its longest token, and the width left goes to the widest columns first,
as Rich narrows them. The widths are given to the table as each column's `max_width`, which
render/plain_table.py and Rich read alike, so that neither narrows a column further. When
the longest tokens do not fit side by side, the table is shortened, a step at a time: every
note becomes a marker ('note 3') listed under the table, then each citation's place in its
source ('paragraphs 5, 19') moves from the cell to the list of sources, then the columns
empty in most rows are listed under the table, row by row, emptiest first. A table still too
wide is not drawn: render/table.py prints its records one field a line."""

from __future__ import annotations

from ..core.dates import display_date
from ..core.tuples import NamedTuple
from ..report.listing import Listing
from .plain_table import TableColumn, column_widths, spans
from .plain_text import cells

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..report.listing import Column, Item

BORDER = 1  # a vertical line each side of every column
PADDING = 2  # a space each side of a cell's text
LONG_NOTE = 60  # longer notes go under the table, numbered, instead of a narrow column


class Layout(NamedTuple):
    """A listing as a table `width` wide (`columns` None: one field a line), and what is
    said under it: what every row says, the columns listed row by row, the notes and the
    sources' markers."""

    headers: list[str]
    rows: list[list[str]]
    columns: list[TableColumn] | None
    below: list[str]  # lines under the table, before the caption
    notes: list[str]
    legend: str


def lay_out(listing: Listing, items: list[Item], width: int) -> Layout:
    """The first of the ever shorter tables that keeps every token whole at `width`, or the
    records one field a line (`columns` None) when none does. `items` are escaped."""
    shown = listing.shown(listing.table_columns)
    cited = any(column.is_citations for column in shown)
    layouts = []
    # each cell's text, once: only the citations' and the notes' change from try to try
    texts = [["" if column.is_citations else column.cell(item) for column in shown]
             for item in items]  # fmt: skip
    # the second try changes only notes and citations: a table with neither skips it
    changing = cited or any(column.name == "note" for column in shown)
    tries = (
        ((False, False), (True, False), (True, True))
        if changing
        else ((False, False), (True, True))
    )
    for every_note, bare in tries:
        markers = source_markers(items, bare) if cited else {}
        notes: list[str] = []
        rows = [[marker_cell(item, markers, bare) if column.is_citations
                 else _noted(column.name, text, notes, every_note)
                 for column, text in zip(shown, row, strict=True)]
                for item, row in zip(items, texts, strict=True)]  # fmt: skip
        legend = marker_legend(items, markers)
        layouts.append(_fitted(listing, shown, rows, notes, legend, width, moving=bare))
        if layouts[-1].columns is not None:
            return layouts[-1]
    return layouts[0]


def _fitted(
    listing: Listing, shown: tuple[Column, ...], rows: list[list[str]], notes: list[str],
    legend: str, width: int, moving: bool,
) -> Layout:  # fmt: skip
    """The table of `rows`, without the columns that say one thing, and when `moving`, with
    as few of the sparse columns as it needs listed under it."""
    headers = [column.header for column in shown]
    said = uninformative(headers, rows) if listing.selected is None else {}
    kept = [index for index in range(len(shown)) if index not in said]
    moved: list[int] = []
    sparse = _sparse(shown, rows, kept) if moving else []
    while True:
        table_columns = fit([TableColumn(headers[index], shown[index].max_width,
                                         shown[index].no_wrap,
                                         "ellipsis" if shown[index].no_wrap else "fold")
                             for index in kept],
                            [[row[index] for index in kept] for row in rows], width)  # fmt: skip
        if table_columns is not None or not sparse:
            break
        moved.append(sparse.pop(0))
        kept.remove(moved[-1])
    if table_columns is None:
        return Layout(headers, rows, None, [], notes, legend)
    key = next((index for index in kept if all(row[index] for row in rows)), kept[0])
    below = [*said.values(), *(_listed(headers, rows, key, index, width) for index in moved)]
    return Layout(headers, [[row[index] for index in kept] for row in rows], table_columns,
                  below, notes, legend)  # fmt: skip


def _sparse(shown: tuple[Column, ...], rows: list[list[str]], kept: list[int]) -> list[int]:
    """The columns empty in at least half the rows, emptiest first (the rightmost of equals),
    but the first, which names each row, and citations and notes, already markers."""
    filled = {index: sum(1 for row in rows if row[index]) for index in kept[1:]}
    return sorted(
        (index for index, count in filled.items() if 2 * count <= len(rows)
         and not shown[index].is_citations and shown[index].name != "note"),
        key=lambda index: (filled[index], -index),
    )  # fmt: skip


def _listed(headers: list[str], rows: list[list[str]], key: int, index: int, width: int) -> str:
    """A column under the table, a line for each row that has it: 'Egypt: ...'."""
    entries = [f"{row[key]}: {row[index]}".replace("\n", "; ") for row in rows if row[index]]
    return f"{headers[index]} (left out of the table at {width} columns):" + "".join(
        "\n  " + entry for entry in entries
    )


def uninformative(headers: list[str], rows: list[list[str]]) -> dict[int, str]:
    """The columns with one value in every row of two or more, each with a line that says it
    once ('Level: national (all rows)'), by index."""
    said: dict[int, str] = {}
    if len(rows) < 2:
        return said
    for index, header in enumerate(headers):
        values = {row[index] for row in rows}
        if len(values) == 1:
            value = values.pop().replace("\n", "; ") or "none"
            said[index] = f"{header or 'Bar'}: {value} (all rows)"
    return said


def _range(column: TableColumn, texts: list[str], width: int) -> tuple[int, int]:
    """The narrowest a column can be without splitting a token that fits it (its longest, or
    its longest line if it does not wrap) and its natural width (its longest line), both
    within its declared `max_width`. A token wider than a table `width` wide has room for
    (a long URL) is folded, as it must be."""
    longest_token, longest_line = spans(column, texts)
    most = min(column.max_width or width, width - 2 * BORDER - PADDING)
    if column.no_wrap:
        longest_token = longest_line
    elif longest_token > most:
        words = (word for text in (column.header, *texts) for word in text.split())
        longest_token = max((n for n in map(cells, words) if n <= most), default=1)
    if column.max_width is not None:
        return min(longest_token, column.max_width), min(longest_line, column.max_width)
    return longest_token, longest_line


def fit(columns: list[TableColumn], rows: list[list[str]], width: int) -> list[TableColumn] | None:
    """`columns`, each with the widest its text may be in a table `width` wide that splits no
    token, or None when the longest tokens alone are wider than that."""
    room = width - BORDER * (len(columns) + 1) - PADDING * len(columns)
    ranges = [_range(col, [row[i] for row in rows], width) for i, col in enumerate(columns)]
    if sum(low for low, _ in ranges) > room:
        return None
    richs = column_widths(columns, rows, width - BORDER * (len(columns) + 1))
    if all(drawn - PADDING >= low for drawn, (low, _) in zip(richs, ranges, strict=True)):
        return columns  # as Rich lays them out, when that splits no token
    level = max(high for _, high in ranges)  # the widest any column is cut down to
    while sum(min(high, max(low, level)) for low, high in ranges) > room:
        level -= 1
    widths = [min(high, max(low, level)) for low, high in ranges]
    spare = room - sum(widths)
    for index, (_, high) in enumerate(ranges):  # the rest of a cell at a time, left first
        if spare and widths[index] == level < high:
            widths[index], spare = level + 1, spare - 1
    return [
        col._replace(max_width=w) if w < high else col
        for col, w, (_, high) in zip(columns, widths, ranges, strict=True)
    ]


def _noted(name: str, cell: str, notes: list[str], every: bool) -> str:
    """A long note (`every` note) becomes 'note N', its text listed under the table."""
    if name != "note" or not cell or (len(cell) <= LONG_NOTE and not every):
        return cell
    notes.append(cell)
    return f"note {len(notes)}"


def _cited(source: Item, bare: bool) -> tuple[str, str]:
    """What a marker stands for: a source, or (`bare`) a source at a place in it."""
    return source["id"], source["at"] if bare and source["at"] != "page" else ""


def source_markers(items: list[Item], bare: bool = False) -> dict[tuple[str, str], int]:
    """A short number for each source the rows cite (`bare`: each place in a source), in
    order of first citation."""
    markers: dict[tuple[str, str], int] = {}
    for item in items:
        for source in item.get("sources") or ():
            markers.setdefault(_cited(source, bare), len(markers) + 1)
    return markers


def marker_cell(item: Item, markers: dict[tuple[str, str], int], bare: bool = False) -> str:
    """'[1] paragraphs 3, 9' for each source of a row, a line each, so a screenshot stays
    citable; `bare`, '[1] [2]', the places in the list of sources."""
    cited = [(markers[_cited(source, bare)], source["at"]) for source in item.get("sources") or ()]
    if bare:
        return " ".join(f"[{number}]" for number, _ in cited)
    return "\n".join(f"[{n}]" + (f" {at}" if at != "page" else "") for n, at in cited)


def marker_legend(items: list[Item], markers: dict[tuple[str, str], int]) -> str:
    """The caption's list of markers: publisher, date and id of each source, and the place in
    it where a marker stands for one."""
    if not markers:
        return ""
    described: dict[str, str] = {}
    for item in items:
        for source in item.get("sources") or ():
            date = f", {display_date(source['date'])}" if source["date"] else ""
            described[source["id"]] = f"{source['publisher']}{date} ({source['id']})"
    lines = [
        f"[{number}] {described[source_id]}" + (f", {at}" if at else "")
        for (source_id, at), number in markers.items()
    ]
    return "\nSources (`ilrs show ID` gives the title and URL):\n" + "\n".join(lines)
