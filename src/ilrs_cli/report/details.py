"""One record in full (`ilrs show`), everything about a mission or a country (`show`'s views)
and the dataset itself (`ilrs info`).

What `show`'s text names, the first of these that it names winning (what else it names is
said in the notes, on stderr):

1. the id of a record, exactly as written (`pakistan`: the member record);
2. a mission, by any spelling `--mission` takes (Chang'e-8, CE-8, change8, 嫦娥八号);
3. a country or region, by any name or code `--country` takes (Pakistan, PK);
4. the id of a record in another case.

A mission, by its id or any spelling, is shown with its payloads, timeline and facts; a
country with its places, payloads, ILRS participants, Accords signing and the events that
name it. Each list is the answer of the list command that gives it (the keys below), so the
two always agree.

The views import what they need when asked, so that the lists, which render through this
module, load no more.
"""

from __future__ import annotations

from ..core.kinds import Kind
from ..core.records import Dataset, Mission
from ..core.tuples import NamedTuple
from .cells import artemis_words, data_age, dataset_caption, number_text, participation_words
from .items import record_item, source_item
from .list_fields import SOURCE_COLUMNS
from .listing import Listing, institution_text
from .types import ReportType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..core.countries import Country
    from ..query.lookup import Found
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
    caption = f"Data as of {dataset.info.as_of.isoformat()} (dataset {dataset.info.version})."
    if kind.name == "source":  # its `checked` day is not the data's date: say which is which
        caption += (
            " That is the date of the newest source; `checked` is the day this source was "
            "last compared with its page."
        )
    return Detail(
        title=f"{kind.name.capitalize()} {record.id}",
        caption=caption,
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


# The keys a view adds to what `show` prints: (key, type, meaning), in their order; docs/json.md
# lists them (scripts/make_docs.py).
MISSION_KEYS = (
    ("payloads", "list of objects",
     "Its payloads, as `ilrs payloads --mission NAME --json` gives them."),
    ("events", "list of objects",
     "Its timeline, as `ilrs timeline --mission NAME --json` gives it."),
    ("facts", "list of objects", "Its facts, as `ilrs mission --mission NAME --json` gives them."),
)  # fmt: skip
COUNTRY_KEYS = (
    ("type", "string", "`country`."),
    ("name", "string",
     "The country or region's name in the data (ISO 3166's, for one the data does not name)."),
    ("code", "string", "Its ISO 3166 code (3166-2 for a region inside a country)."),
    ("countries", "list of objects",
     "It and the regions inside it that the data names, as `ilrs countries --country CODE "
     "--json` gives them: camps, ILRS standing, Accords signing, payloads, institutions."),
    ("payloads", "list of objects",
     "Payloads with a partner from there, as `ilrs payloads --country CODE --json` gives "
     "them."),
    ("members", "list of objects",
     "Its ILRS participant records, as `ilrs members --country CODE --json` gives them."),
    ("signatories", "list of objects",
     "Its Artemis Accords signing, as `ilrs artemis --country CODE --json` gives it."),
    ("events", "list of objects",
     "The timeline events that name it, as `ilrs timeline --country CODE --json` gives "
     "them."),
)  # fmt: skip


def show(dataset: Dataset, text: str) -> Detail:
    """The record, mission or country `text` names, by the order above."""
    from ..query.index import by_id
    from ..query.lookup import closest_ids, find, id_text

    wanted = id_text(text)
    ids = by_id(dataset)
    if wanted not in ids.exact:
        other = ids.folded.get(wanted.casefold())
        # An id in another case is rarely a country's name: then only the data's own places
        # are read, and ISO 3166's tables are not loaded.
        view = _named_view(dataset, wanted, iso=other is None)
        if view is not None:
            if other is None or other[1].id == view.item.get("id"):
                return view
            shown = f"{view.item['type']} {view.item.get('id') or view.item['name']}"
            kind, record = other
            note = f"showing {shown}; also found: {kind.name} {record.id} (`ilrs show {record.id}`)"
            return view._replace(notes=(note,))
        if other is None:
            missions = ", ".join(mission.name for mission in dataset.missions)
            looked_for = f"a record id, a mission ({missions}) or a country or region"
            from ..core.errors import RecordNotFound

            raise RecordNotFound(wanted, closest_ids(dataset, wanted), looked_for)
    return _record_view(dataset, find(dataset, wanted), wanted)


def _named_view(dataset: Dataset, text: str, iso: bool) -> Detail | None:
    from ..core.errors import QueryError
    from ..query.lookup import country_named, resolve_mission

    try:
        name = resolve_mission(dataset, text)
    except QueryError:
        name = None
    mission = next((m for m in dataset.missions if m.name == name), None)
    if mission is not None:
        return mission_view(dataset, mission)
    country = country_named(dataset, text, iso)
    return country_view(dataset, country) if country is not None else None


def _record_view(dataset: Dataset, found: Found, text: str) -> Detail:
    """The record found; a member or signatory with its country's standing in both camps
    (in tables), and a note when the text is also its country's name."""
    from ..query.lookup import country_named
    from . import answers, build_listings

    notes: tuple[str, ...] = ()
    if found.others:
        notes = (answers.found_note(found, "show", "showing"),)
    if isinstance(found.record, Mission):
        return mission_view(dataset, found.record)._replace(notes=notes)
    detail = record_detail(dataset, found.kind, found.record)
    place = getattr(found.record, "place", None)
    if found.kind.name in ("member", "signatory") and place is not None and place.code:
        standing = build_listings.countries_listing(dataset, [place], "")
        standing = standing._replace(heading=f"{place.name} in the two camps", noun=None)
        detail = detail._replace(attachments=(standing,))
        country = country_named(dataset, text, iso=False)
        if country is not None:
            notes += (
                f"{text!r} is also the country {country.name}: `ilrs show {country.code}` "
                "shows everything about it",
            )
    return detail._replace(notes=notes)


def mission_view(dataset: Dataset, mission: Mission) -> Detail:
    """The mission record, with its payloads, timeline and facts."""
    from ..core.kinds import BY_NAME
    from . import answers

    detail = record_detail(dataset, BY_NAME["mission"], mission)
    name = mission.name
    lists = {
        "payloads": answers.payloads(dataset, mission=name),
        "events": answers.timeline(dataset, mission=name),
        "facts": answers.facts(dataset, mission=name),
    }
    return _with_lists(dataset, detail, lists)


def country_view(dataset: Dataset, country: Country) -> Detail:
    """A country or region, with its places, payloads, ILRS participants, Accords signing
    and the timeline events that name it, each as its list command gives it."""
    from . import answers

    code = country.code
    places = answers.countries(dataset, code)
    lists = {
        "countries": places._replace(heading=f"{country.name} in the two camps", noun=None),
        "payloads": answers.payloads(dataset, code),
        "members": answers.members(dataset, country=code),
        "signatories": answers.signatories(dataset, code),
        "events": answers.timeline(dataset, country=code),
    }
    item = {"type": "country", "name": country.name, "code": code}
    detail = Detail(title=f"{country.name} ({code})", caption=dataset_caption(dataset), item=item)
    if not any(listing.items for listing in lists.values()):
        detail = detail._replace(notes=(f"no record of the data is from {country.name}",))
    return _with_lists(dataset, detail, lists)


def _with_lists(dataset: Dataset, detail: Detail, lists: dict[str, Listing]) -> Detail:
    """`detail` with each list as a key of its object and, in tables, as a table of its own
    (those with rows); the dataset's caption is said once, under the last."""
    item = {**detail.item, **{key: listing.selected_items for key, listing in lists.items()}}
    shown = [listing for listing in lists.values() if listing.items]
    said = dataset_caption(dataset)
    shown = [
        listing._replace(caption=listing.caption.removeprefix(said).strip())
        for listing in shown[:-1]
    ] + shown[-1:]
    return detail._replace(item=item, attachments=tuple(shown), attached_columns=tuple(lists))
