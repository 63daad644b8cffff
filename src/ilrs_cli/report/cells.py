"""How values read as text, in table cells, titles and details: dates and ages, numbers, ordinals,
participation and Artemis Accords signings in words, captions."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from ..core import clock
from ..core.dates import display_date

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..core.records import Dataset, Payload
    from ..core.vocab import Level
    from .listing import Item

ILRS_CAMP, ARTEMIS_CAMP = "ILRS", "Artemis Accords"  # the camps, as signings name them


def data_age(as_of: datetime.date, today: datetime.date | None = None) -> str:
    """', 7 months ago' when the data is more than 90 days old, else ''. `today` defaults to
    the one clock (core.clock), which ILRS_TODAY pins."""
    days = ((today or clock.today()) - as_of).days
    if days <= 90:
        return ""
    months = round(days / 30.44)
    return f", {months} months ago" if months < 24 else f", {days // 365} years ago"


def dataset_caption(dataset: Dataset) -> str:
    where = "the bundled chang8.toml" if dataset.bundled else dataset.path
    as_of = dataset.info.as_of.isoformat()
    return (
        f"Data as of {as_of}{data_age(dataset.info.as_of)}; nothing after it is in the data "
        f"(dataset {dataset.info.version}, {where})."
    )


def missions_of(payloads: Sequence[Payload]) -> str:
    """ "Chang'e-7 and Chang'e-8": the missions payloads fly on, in name order."""
    from ..query.figures import SELECTION

    names = sorted({payload.mission or SELECTION for payload in payloads})
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def level_cell(item: Item) -> str:
    return f"{item['level']} via {item['via']}" if item.get("via") else str(item["level"])


def artemis_words(ref: Item) -> str:
    """'signed 2022-03-02 (17th)'; 'reported signed 2025-10' where sources dispute it."""
    order = f" ({ordinal(ref['order'])})" if ref.get("order") else ""
    reported = "reported " if ref.get("status") == "reported" else ""
    return f"{reported}signed {display_date(ref['date'])}{order}"


def artemis_cell(item: Item) -> str:
    """The Accords signing in a table: 'signed 2020-10-13 (1st), via United States' when it
    is the signing of the country a place lies in."""
    ref = item.get("artemis")
    if not ref:
        return ""
    inherited = ref["country"] != item.get("country")
    return artemis_words(ref) + (f", via {ref['country']}" if inherited else "")


def number_text(value: float) -> str:
    """A number as text, in tables, CSV and the data package: the shortest text that reads
    back as the same float (12.5, never 12.500000001), without an exponent (0.0001, not
    1e-04)."""
    from decimal import Decimal  # only a number field needs it: most answers have none

    return format(Decimal(repr(value)), "f")


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
    return f"{number}{suffix or 'th'}"


def participation_words(entry: Item) -> str:
    """'affiliated via APSCO, reported', 'national, signed 2024-04-05'."""
    from ..core.dates import display_date

    level = f"{entry['level']} via {entry['via']}" if entry.get("via") else entry["level"]
    signed = f" {display_date(entry['date'])}" if entry.get("date") else ""
    return f"{level}, {entry['status']}{signed}"


def counted_words(levels: Sequence[Level], documented: bool = False) -> str:
    """What an ILRS count counts: 'national participants', 'documented national and
    organization participants'."""
    words = " and ".join(level.value for level in levels) + " participants"
    return ("documented " if documented else "") + words
