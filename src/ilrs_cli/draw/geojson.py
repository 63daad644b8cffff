"""The map's data as GeoJSON (RFC 7946) for GIS tools: a Feature a country, with the map's
shape in longitude/latitude and its standing as properties, and a Point a place drawn as a
dot inside another's shape (Hawaii)."""

from __future__ import annotations

import json

from ..core.records import Dataset
from ..core.safe_text import json_safe
from ..query.camps import EVERY
from ..query.standing import Standing, standings
from ..report.selection import Selection
from . import world
from .map import describe, key_of, paint

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _properties(
    code: str | None, name: str, standing: Standing | None, selected: bool
) -> dict[str, Any]:
    key = key_of(standing, selected)
    fill, stripes = paint(key)
    members = standing.members if standing else ()
    artemis = standing.artemis if standing else None
    return {
        "code": code,
        "name": name,
        "selected": selected,
        "ilrs": standing.ilrs.value if standing else "none",
        "ilrs_participants": [
            {
                "id": m.id,
                "name": m.name,
                "level": m.level.value,
                "status": m.status.value,
                "date": m.date.text if m.date else None,
            }
            for m in members
        ],  # fmt: skip
        "artemis_accords": artemis.date.text if artemis else None,
        "via": standing.via if standing else None,
        "map_key": key,
        "fill": fill,
        "stripes": list(stripes),
        "description": describe(name, standing),
    }


def _geometry(shape: world.Shape) -> dict[str, Any]:
    polygons = [[[list(point) for point in ring] for ring in polygon] for polygon in shape.polygons]
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def _feature(code: str | None, geometry: dict[str, Any], properties: dict[str, Any]) -> Any:
    identity = {"id": code} if code else {}  # RFC 7946: an id is a string or absent
    return {"type": "Feature", **identity, "geometry": geometry, "properties": properties}


def feature_collection(dataset: Dataset, selection: Selection | None = None) -> dict[str, Any]:
    chosen = selection or Selection(None, None, "")
    found = standings(dataset, chosen.counting or EVERY)
    names = {place.code: place.name for place in dataset.places if place.code}
    features: list[dict[str, Any]] = []
    for shape in world.shapes():
        code = shape.code
        name = names.get(code or "", shape.name)
        properties = _properties(code, name, found.get(code or ""), chosen.takes(code))
        geometry = (
            _geometry(shape) if shape.polygons else {"type": "Point", "coordinates": list(shape.at)}
        )
        features.append(_feature(code, geometry, properties))
    for code, (lon, lat) in world.points().items():
        name = names.get(code, code)
        properties = _properties(code, name, found.get(code), chosen.takes(code))
        features.append(_feature(code, {"type": "Point", "coordinates": [lon, lat]}, properties))
    return {
        "type": "FeatureCollection",
        "name": "ilrs-map",
        "title": "ILRS participation and the Artemis Accords" + chosen.scope,
        "as_of": dataset.info.as_of.isoformat(),
        "dataset": {"title": dataset.info.title, "version": dataset.info.version},
        "shapes": world.about(),
        "features": features,
    }


def geojson_text(dataset: Dataset, selection: Selection | None = None) -> str:
    text = json.dumps(feature_collection(dataset, selection), ensure_ascii=False,
                      separators=(",", ":"))  # fmt: skip
    return json_safe(text) + "\n"
