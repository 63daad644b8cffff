"""biblatex @online entries that stay well-formed for any input.

Keys are the source ids, which the loader keeps unique and limited to [a-z0-9-]. Text fields
are escaped so that no value can close its field early: braces become \\textbraceleft{} and
\\textbraceright{}, backslashes \\textbackslash{}, and %, &, $, #, _, ~, ^ their LaTeX escapes;
control, bidi and invisible characters become visible escapes. URLs go in `url` (verbatim in
biblatex) with braces, backslashes, spaces, controls and every character `escape` would
escape (bidi, invisible) percent-encoded. `date` keeps the source's precision (a range as A/B,
a decade as the range of its years); the checked (or accessed) date is `urldate`.
"""

from __future__ import annotations

import re

from ..core.safe_text import escape
from ..report.citations import Bibliography, Reference

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f{}\\%\"#<>^`|]")


def render(report: Bibliography) -> str:
    return "\n\n".join(_bibtex(entry) for entry in report.references)


def bibtex_escape(text: str) -> str:
    return "".join(_SPECIAL.get(char, char) for char in escape(text))


def _url(url: str) -> str:
    # A '%' already in a URL starts an escape; only one not followed by two hex digits is encoded.
    url = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", url)
    # `check` refuses a URL with a space, control, bidi or invisible character (field_types)
    return _URL_UNSAFE.sub(lambda m: "%" if m[0] == "%" else f"%{ord(m[0]):02X}", url)


def _bibtex(entry: Reference) -> str:
    source = entry.source
    title = bibtex_escape(source.title)
    fields: list[tuple[str, str]] = [("title", "{" + title + "}")]
    if source.author:
        fields.append(("author", "{" + bibtex_escape(source.author) + "}"))
    fields.append(("organization", bibtex_escape(source.publisher)))
    if source.date:
        fields.append(("date", source.date.iso))
    fields.append(("url", _url(source.original_url or source.url)))
    seen = source.accessed or source.checked
    if seen:
        fields.append(("urldate", seen.isoformat()))
    notes = []
    if source.untitled:
        notes.append("The page shows no title; the title is a description")
    if entry.places:
        notes.append("Cited for: " + "; ".join(entry.places))
    if notes:
        fields.append(("note", bibtex_escape(". ".join(notes))))
    addenda = []
    if source.is_repost:
        addenda.append(f"Read as a repost by {bibtex_escape(source.via or '')} at "
                       f"\\url{{{_url(source.url)}}}")  # fmt: skip
    if source.archive_url:
        addenda.append(f"Archived at \\url{{{_url(source.archive_url)}}}")
    if addenda:
        fields.append(("addendum", ". ".join(addenda)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{source.id},\n{body}\n}}"
