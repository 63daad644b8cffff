"""Bibliographies: the sources behind some records, each source once, with where in it each
record is supported."""

from __future__ import annotations

from ..core.citation_styles import Style
from ..core.kinds import kind_of
from ..core.records import Citation, Source
from ..core.tuples import NamedTuple
from .types import ReportType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Reference(NamedTuple):
    """One source, and where in it the cited records are supported ('paragraph 9'; with
    several records, 'micro-rovers: paragraph 9')."""

    source: Source
    places: tuple[str, ...]


class Cited(NamedTuple):
    kind: str
    id: str
    title: str


class Bibliography(NamedTuple):
    """What `cite` prints: the records cited, and their sources, each once, in order of first
    citation."""

    cited: tuple[Cited, ...]
    references: tuple[Reference, ...]
    notes: tuple[str, ...] = ()
    style: Style | None = None  # the citation style of the text format (render/styled_text.py)

    @property
    def report_type(self) -> ReportType:
        return ReportType.BIBLIOGRAPHY


def bibliography(records: list[Any]) -> Bibliography:
    several = len(records) > 1
    places: dict[str, list[str]] = {}
    sources: dict[str, Source] = {}
    for record in records:
        citations: tuple[Citation, ...] = (
            (Citation(record, ""),) if isinstance(record, Source) else record.sources
        )
        for citation in citations:
            sources.setdefault(citation.source.id, citation.source)
            found = places.setdefault(citation.source.id, [])
            if citation.at:
                found.append(f"{record.id}: {citation.at}" if several else citation.at)
    cited = tuple(
        Cited(kind_of(record).name, record.id, kind_of(record).title(record)) for record in records
    )
    references = tuple(Reference(sources[key], tuple(found)) for key, found in places.items())
    return Bibliography(cited, references)
