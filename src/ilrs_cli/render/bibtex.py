"""biblatex @online entries. Keys are the source ids, which the loader keeps unique and
limited to [a-z0-9-]."""

from __future__ import annotations

from ..report.citations import Bibliography, Reference


def render(report: Bibliography) -> str:
    return "\n\n".join(_bibtex(entry) for entry in report.references)


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
