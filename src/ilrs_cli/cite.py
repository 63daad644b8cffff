"""Bibliography entries for the sources behind a record: plain text, BibTeX (biblatex
@online entries) and CSL-JSON.

The accessed date of a source is its own `accessed`, else the dataset's as-of date. BibTeX
keys are the source ids, which the loader keeps unique and limited to [a-z0-9-].
"""

from __future__ import annotations

import datetime
import json
from typing import Any, NamedTuple

from .enums import CiteFormat
from .model import Citation, Dataset, Source


class Reference(NamedTuple):
    """One source as cited by one record: `at` says where in the source, when known."""

    source: Source
    at: str | None
    accessed: datetime.date


def references(dataset: Dataset, record: Any) -> list[Reference]:
    """The sources behind `record` (or the source itself, when `record` is a Source)."""
    as_of = dataset.info.as_of
    if isinstance(record, Source):
        return [Reference(record, None, record.accessed or as_of)]
    citations: tuple[Citation, ...] = record.sources
    return [Reference(c.source, c.at, c.source.accessed or as_of) for c in citations]


def format_references(entries: list[Reference], style: CiteFormat) -> str:
    if style is CiteFormat.BIBTEX:
        return "\n\n".join(_bibtex(entry) for entry in entries)
    if style is CiteFormat.CSL_JSON:
        return json.dumps([_csl(entry) for entry in entries], ensure_ascii=False, indent=2)
    return "\n".join(_text(number, entry) for number, entry in enumerate(entries, start=1))


def _text(number: int, entry: Reference) -> str:
    source = entry.source
    published = f" ({source.date.display})" if source.date else " (undated)"
    parts = [f"[{number}] {source.publisher}{published}. {source.title}. {source.url}"]
    parts.append(f"Accessed {entry.accessed.isoformat()}.")
    if source.archive_url:
        parts.append(f"Archived at {source.archive_url}.")
    if entry.at:
        parts.append(f"Cited for: {entry.at}.")
    return " ".join(parts)


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def _bibtex(entry: Reference) -> str:
    source = entry.source
    fields: list[tuple[str, str]] = [
        ("title", "{" + bibtex_escape(source.title) + "}"),
        ("organization", bibtex_escape(source.publisher)),
    ]
    if source.date:
        fields.append(("date", source.date.text))
        fields.append(("year", str(source.date.start.year)))
    fields.append(("url", source.url.replace("{", "%7B").replace("}", "%7D")))
    fields.append(("urldate", entry.accessed.isoformat()))
    if entry.at:
        fields.append(("note", bibtex_escape(f"Cited for: {entry.at}")))
    if source.archive_url:
        fields.append(("addendum", f"Archived at \\url{{{source.archive_url}}}"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{source.id},\n{body}\n}}"


def _csl(entry: Reference) -> dict[str, Any]:
    source = entry.source
    item: dict[str, Any] = {
        "id": source.id,
        "type": "webpage",
        "title": source.title,
        "publisher": source.publisher,
        "container-title": source.publisher,
        "URL": source.url,
        "accessed": {"date-parts": [[entry.accessed.year, entry.accessed.month,
                                     entry.accessed.day]]},
    }  # fmt: skip
    if source.date:
        item["issued"] = {"date-parts": source.date.date_parts()}
    if entry.at:
        item["locator"] = entry.at
    if source.archive_url:
        item["archive_url"] = source.archive_url
    return item
