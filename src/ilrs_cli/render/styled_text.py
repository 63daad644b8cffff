"""`cite --style`: the reference list in a bundled CSL style (render/styles/), made from the
CSL-JSON items (render/csl_json.py) by citeproc-py's plain-text formatter, sorted as the style
sorts, an entry a line, every entry escaped. citeproc-py (the extra `styles`) is imported here
only, when a style is asked for.

Two things citeproc-py 0.11 gets wrong are given to it in a form it renders (docs/json.md):
- A date range within one year ("2025-04-24/2025-04-25") fails in APA and Chicago
  author-date, is garbled in Chicago notes ("24,–25, April") and dropped by Harvard: it is
  given as the part both ends share (April 2025; a range of months or of days in two months:
  2025), which every style prints.
- A source without an author: the styles put the title (MLA, Harvard) or the publisher (APA,
  Chicago) in the author's place, and citeproc-py then prints it a second time (it does not
  leave out what it put there through a macro): the publisher is given as the author (a group
  author, as APA cites an organisation's page), and not again as the publisher.
"""

from __future__ import annotations

from importlib.resources import files
from itertools import takewhile

from ..core.citation_styles import STYLE_FILES
from ..core.errors import MissingExtra
from ..core.safe_text import escape
from ..report.citations import Bibliography
from .csl_json import csl_item
from .text import heading

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def render(report: Bibliography) -> str:
    assert report.style is not None
    try:
        from citeproc import (
            Citation,
            CitationItem,
            CitationStylesBibliography,
            CitationStylesStyle,
            formatter,
        )
        from citeproc.source.json import CiteProcJSON
    except ImportError:
        raise MissingExtra("A citation style", "citeproc-py", "styles") from None
    name, title = STYLE_FILES[report.style]
    items = [for_citeproc(csl_item(entry)) for entry in report.references]
    with (files(__package__) / "styles" / f"{name}.csl").open("rb") as csl:
        style = CitationStylesStyle(csl, validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    bibliography.sort()
    entries = [escape(str(entry)) for entry in bibliography.bibliography()]
    return "\n".join([heading(report, f", in {title}"), *entries])


def for_citeproc(item: dict[str, Any]) -> dict[str, Any]:
    """A CSL-JSON item as citeproc-py 0.11 renders it in every bundled style (see above)."""
    parts = item.get("issued", {}).get("date-parts", [])
    if len(parts) == 2 and parts[0][0] == parts[1][0]:
        both = takewhile(lambda ends: ends[0] == ends[1], zip(*parts, strict=False))
        item["issued"] = {"date-parts": [[start for start, _ in both]]}
    if "author" not in item:
        item["author"] = [{"literal": item.pop("publisher")}]
    return item
