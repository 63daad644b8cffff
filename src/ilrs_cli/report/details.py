"""One record in full (`ilrs show`) and the dataset itself (`ilrs info`)."""

from __future__ import annotations

from ..core.kinds import Kind
from ..core.records import Dataset
from ..core.tuples import NamedTuple
from .cells import artemis_words, data_age, number_text, participation_words
from .items import record_item, source_item
from .list_fields import SOURCE_COLUMNS
from .listing import Listing, institution_text
from .types import ReportType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .listing import Item


class Detail(NamedTuple):
    """One record (or the dataset itself) in full: a JSON object, and a field/value table."""

    title: str
    caption: str
    item: Item
    attachments: tuple[Listing, ...] = ()  # tables of their own, drawn after the fields
    attached_columns: tuple[str, ...] = ()  # fields the attachments show, left out above them
    notes: tuple[str, ...] = ()  # said beside the answer, on stderr
    table_omits: tuple[str, ...] = ()  # fields the table leaves out (JSON and CSV hold them)

    @property
    def report_type(self) -> ReportType:
        return ReportType.DETAIL

    def rows(self) -> list[tuple[str, Any]]:
        left_out = (*self.attached_columns, *self.table_omits)
        return [(k, v) for k, v in self.item.items() if k not in left_out]


def _full_citation(source: Item) -> str:
    parts = [f"{source['id']} ({source['at']})" if "at" in source else source["id"]]
    parts.append(", ".join(filter(None, (source.get("publisher"), source.get("date")))))
    parts.append(str(source.get("title")))
    parts.append(str(source.get("url")))
    return "\n  ".join(part for part in parts if part)


def detail_text(name: str, value: Any) -> str:
    """A value of a Detail as text: lists one element a line, sources with their URLs."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(detail_text(name, element) for element in value)
    if isinstance(value, dict):
        if name == "sources":
            return _full_citation(value)
        if name == "institutions":
            return institution_text(value)
        if name == "ilrs":
            return participation_words(value)
        if name == "artemis":
            return artemis_words(value) + f" ({value['id']})"
        for key in ("name", "id", "country"):  # a record's name, else its id; a place
            if key in value:
                return str(value[key])
        return "\n".join(f"{key}: {detail_text(key, val)}" for key, val in value.items())
    return number_text(value) if isinstance(value, float) else str(value)


def record_detail(dataset: Dataset, kind: Kind, record: Any) -> Detail:
    return Detail(
        title=f"{kind.name.capitalize()} {record.id}",
        caption=f"Data as of {dataset.info.as_of.isoformat()} (dataset {dataset.info.version}).",
        item=record_item(kind, record, dataset),
    )


def info_detail(dataset: Dataset, with_sources: bool = False) -> Detail:
    """The dataset in full for JSON and CSV; in a table, on one screen: its version, as-of
    date, file and counts, and the sources only when asked for."""
    from ..query.figures import headline_figures, record_counts

    counts = record_counts(dataset)
    sources = [source_item(source) for source in dataset.sources]
    item = {
        "title": dataset.info.title,
        "version": dataset.info.version,
        "as_of": dataset.info.as_of.isoformat(),
        "description": dataset.info.description,
        "file": "bundled chang8.toml" if dataset.bundled else dataset.path,
        "counts": counts,
        "figures": headline_figures(dataset),
        "sources": sources,
    }
    listed = (
        "`ilrs sources` lists them in full" if with_sources
        else f"`ilrs sources` or `ilrs info --sources` lists the {len(sources):,} sources"
    )  # fmt: skip
    caption = (
        f"Data as of {dataset.info.as_of.isoformat()}{data_age(dataset.info.as_of)}; "
        f"nothing after it is in the data. {listed}; `ilrs info --json` adds the "
        "description and the headline figures."
    )
    sources_listing = Listing(
        heading="Sources",
        noun=("source", "sources"),
        caption=caption,
        columns=SOURCE_COLUMNS,
        table_columns=("id", "publisher", "date"),
        items=sources,
        empty_note="no sources",
    )
    return Detail(
        title=dataset.info.title,
        caption=caption,
        item=item,
        attachments=(sources_listing,) if with_sources else (),
        attached_columns=("sources",),
        table_omits=("title", "description", "figures"),
    )
