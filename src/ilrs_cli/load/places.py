"""The `[places]` table: each country or region name records use, with its ISO 3166 code,
and the problems with them (a code that is no code, or another place's)."""

from __future__ import annotations

import re
import unicodedata

from ..core.errors import Problem
from ..core.records import INTERNATIONAL, UNKNOWN, Place
from ..core.safe_text import mixed_script

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

ISO_CODE_PATTERN = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?", re.ASCII)
MAX_PLACE = 200  # characters in a place's name: the longest country's full name is about 60


def read_places(document: dict[str, Any], problems: list[Problem]) -> dict[str, Place]:
    """The places of `[places]` by name, and the special places; each problem appended to
    `problems`."""
    places: dict[str, Place] = {}
    table = document.get("places", {})
    if not isinstance(table, dict):
        problems.append(Problem('[places] must be a table of name = "ISO code"', kind="places"))
        return places
    codes: dict[str, str] = {}
    for name, code in table.items():
        where = f"[places] {name[:60]!r}" + ("..." if len(name) > 60 else "")

        def problem(message: str, where: str = where, name: str = name) -> None:
            problems.append(Problem(message, where, "places", name))

        if len(name) > MAX_PLACE:
            problem(f"a place's name is {len(name):,} characters long; the limit is {MAX_PLACE}")
            continue
        if not isinstance(code, str) or not ISO_CODE_PATTERN.fullmatch(code):
            shown = code if isinstance(code, str) else type(code).__name__
            text = f'{where}: code must be an ISO 3166 code such as "TR" or "US-HI", not {shown!r}'
            problem(text[:300][len(where) + 2 :])
            continue
        if code in codes:
            problem(f"code {code!r} is also used by {codes[code]!r}")
        if mixed := mixed_script(name):
            first, second, odd = mixed
            problem(
                f"mixes {first} and {second} letters in one word ({odd!r} is "
                f"U+{ord(odd):04X} {unicodedata.name(odd, '?')}), so it looks like a name it "
                "is not; write each word in one script"
            )
        codes[code] = name
        places[name] = Place(name, code)
    for special in (INTERNATIONAL, UNKNOWN):
        places.setdefault(special, Place(special, None))
    return places


def iso_code_problems(places: dict[str, Place]) -> list[Problem]:
    """Every code is an ISO 3166 code, and the place's own: a name that ISO 3166 (or a
    common alias) knows must carry that code."""
    from ..core.countries import code_of_name, is_iso_code, iso_name

    problems: list[Problem] = []
    for place in places.values():
        if place.code is None:
            continue
        where = f"[places] {place.name!r}"
        if not is_iso_code(place.code):
            problems.append(
                Problem(f"{place.code!r} is not an ISO 3166 code", where, "places", place.name)
            )
            continue
        own = code_of_name(place.name)
        if own is not None and own != place.code:
            problems.append(Problem(
                f"{place.code!r} is the code of {iso_name(place.code)}; the code of "
                f"{place.name} is {own!r}", where, "places", place.name,
            ))  # fmt: skip
    return problems
