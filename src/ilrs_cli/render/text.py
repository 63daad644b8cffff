"""A numbered reference list in plain text, for people: every data string escaped."""

from __future__ import annotations

from ..core.safe_text import escape
from ..report.citations import Bibliography, Reference


def render(report: Bibliography) -> str:
    lines = [heading(report)]
    lines += [_text(number, entry) for number, entry in enumerate(report.references, start=1)]
    return "\n".join(lines)


def heading(report: Bibliography, after: str = "") -> str:
    """'Sources of payload micro-rovers (Micro-rovers):', escaped; `after` goes before the
    colon."""
    cited = "; ".join(f"{c.kind} {c.id} ({c.title})" for c in report.cited)
    return escape(f"Sources of {cited}{after}:")


def _text(number: int, entry: Reference) -> str:
    source = entry.source
    by = f"{source.author}. " if source.author else ""
    published = source.date.display if source.date else "undated"
    title = (
        f"[{source.title.strip('[]')}] (no title on the page)" if source.untitled else source.title
    )
    parts = [f"[{number}] {by}{source.publisher} ({published}). {title}."]
    if source.is_repost:
        original = f" Original: {source.original_url}." if source.original_url else ""
        parts.append(f"Read as a repost by {source.via}: {source.url}.{original}")
    else:
        parts.append(f"{source.url}.")
    if source.checked:
        parts.append(f"Checked {source.checked.isoformat()}.")
    if source.accessed:
        parts.append(f"Accessed {source.accessed.isoformat()}.")
    if source.archive_url:
        parts.append(f"Archived at {source.archive_url}.")
    if source.reliability:
        parts.append(f"Caution: {source.reliability}")
    if entry.places:
        parts.append(f"Cited for: {'; '.join(entry.places)}.")
    return escape(" ".join(parts))
