"""The world's countries (Natural Earth, in world.json, made by scripts/make_world.py) and
the Equal Earth projection that lays them flat.

Equal Earth (Šavrič, Patterson and Jenny, 2018, doi:10.1080/13658816.2018.1504949) is an
equal-area projection: each country's area on the map is in proportion to its area on the
ground, so no country looks bigger than it is. Its forward formulas are those of the paper.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib.resources import files

from ..core.tuples import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

Ring = tuple[tuple[float, float], ...]  # (longitude, latitude) in degrees


class Shape(NamedTuple):
    code: str | None  # ISO 3166-1 alpha-2; None for the few Natural Earth units without one
    name: str  # Natural Earth's short name
    at: tuple[float, float]  # where a marker goes: its largest polygon's centroid
    polygons: tuple[tuple[Ring, ...], ...]  # each: the outline, then its holes


@cache
def _document() -> dict[str, Any]:
    text = (files("ilrs_cli.draw") / "world.json").read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def _ring(flat: list[float]) -> Ring:
    return tuple((flat[i], flat[i + 1]) for i in range(0, len(flat), 2))


@cache
def shapes() -> tuple[Shape, ...]:
    return tuple(
        Shape(
            country["code"],
            country["name"],
            (country["at"][0], country["at"][1]),
            tuple(tuple(_ring(r) for r in polygon) for polygon in country["polygons"]),
        )
        for country in _document()["countries"]
    )


@cache
def points() -> dict[str, tuple[float, float]]:
    """Places inside a country's shape (Hawaii), by ISO 3166-2 code: where their marker goes."""
    return {code: (lon, lat) for code, (lon, lat) in _document()["points"].items()}


def credit() -> str:
    """Who made the shapes, and how they came here."""
    source = _document()["source"]
    return (
        f"Shapes: Natural Earth 1:50m (public domain), from {source['package']}; borders as "
        "Natural Earth draws them (de facto), Antarctica left out, places too small to see "
        "drawn as dots."
    )


def about() -> dict[str, Any]:
    document = _document()
    return {key: document[key] for key in ("about", "source", "licence")}


A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
X_LIMIT = 2.7066297319215575  # x at longitude 180, latitude 0


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """(x, y) on the unit sphere's Equal Earth plane; y grows northwards."""
    theta = math.asin(M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = math.radians(lon) * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y
