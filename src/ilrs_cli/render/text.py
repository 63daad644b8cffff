"""A numbered reference list in plain text."""

from __future__ import annotations

from ..report.citations import Bibliography, Reference


def render(report: Bibliography) -> str:
    return "\n".join(_text(n, entry) for n, entry in enumerate(report.references, start=1))


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
