"""The map's GeoJSON read by shapely (GEOS), as a GIS tool reads it: every shape constructs
and is valid, every ring is closed with four positions or more, outlines run
counter-clockwise and holes clockwise (RFC 7946's right-hand rule), and every coordinate is
a longitude or latitude at the precision the file states. The shapes come from world.json,
checked here too; the SVG map draws the same rings."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.validation import explain_validity

from tests.conftest import PINNED_ENV

ROOT = Path(__file__).resolve().parents[1]
DECIMALS = 2  # scripts/make_world.py's PRECISION: 0.01 degrees
VARIANTS = {
    "world": (),
    "region": ("--region", "Africa"),
    "mission": ("--mission", "Chang'e-8"),
    "countries": ("--country", "Egypt", "--country", "Bahrain"),
}
SVG = "{http://www.w3.org/2000/svg}"


def _run(*args: str) -> str:
    from tests.runner import invoke  # after conftest pinned the environment

    result = invoke(args, PINNED_ENV)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def collections() -> dict[str, dict[str, Any]]:
    return {
        name: json.loads(_run("map", "--format", "geojson", *args))
        for name, args in VARIANTS.items()
    }


def _polygons(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"] if geometry["type"] == "MultiPolygon" else []


def _label(feature: dict[str, Any]) -> str:
    return str(feature["properties"]["code"] or feature["properties"]["name"])


def shapely_findings(collection: dict[str, Any]) -> list[str]:
    """What shapely says of each feature it cannot build or finds invalid."""
    found = []
    for feature in collection["features"]:
        try:
            geometry = shape(feature["geometry"])
        except (ValueError, shapely.errors.ShapelyError) as error:
            found.append(f"{_label(feature)}: {error}")
            continue
        if not geometry.is_valid:
            found.append(f"{_label(feature)}: {explain_validity(geometry)}")
    return found


def ring_findings(collection: dict[str, Any]) -> list[str]:
    """Rings not closed, shorter than four positions, or turning the wrong way."""
    found = []
    for feature in collection["features"]:
        for p, polygon in enumerate(_polygons(feature["geometry"])):
            for r, ring in enumerate(polygon):
                where = f"{_label(feature)} polygon {p} ring {r}"
                if ring[0] != ring[-1]:
                    found.append(f"{where}: not closed")
                if len(ring) < 4:
                    found.append(f"{where}: {len(ring)} positions")
                elif len({tuple(point) for point in ring}) >= 3:
                    wanted = r == 0  # the outline counter-clockwise, its holes clockwise
                    if shapely.LinearRing(ring).is_ccw != wanted:
                        found.append(f"{where}: {'clockwise' if wanted else 'counter-clockwise'}")
    return found


def _world() -> Any:
    return json.loads((ROOT / "src/ilrs_cli/draw/world.json").read_text(encoding="utf-8"))


def _positions(geometry: dict[str, Any]) -> list[list[float]]:
    if geometry["type"] == "Point":
        return [geometry["coordinates"]]
    return [point for polygon in _polygons(geometry) for ring in polygon for point in ring]


@pytest.mark.parametrize("variant", VARIANTS)
def test_shapely_builds_every_feature_and_finds_it_valid(
    collections: dict[str, dict[str, Any]], variant: str
) -> None:
    collection = collections[variant]
    assert {f["geometry"]["type"] for f in collection["features"]} == {
        "Polygon", "MultiPolygon", "Point"
    }  # fmt: skip
    assert shapely_findings(collection) == []


@pytest.mark.parametrize("variant", VARIANTS)
def test_rings_are_closed_and_follow_the_right_hand_rule(
    collections: dict[str, dict[str, Any]], variant: str
) -> None:
    assert ring_findings(collections[variant]) == []


def test_coordinates_are_longitudes_and_latitudes_at_the_stated_precision(
    collections: dict[str, dict[str, Any]],
) -> None:
    collection = collections["world"]
    assert "rounded to 0.01 degrees" in collection["shapes"]["about"]
    assert _world()["precision_degrees"] == 10**-DECIMALS
    wrong = [
        (_label(feature), lon, lat)
        for feature in collection["features"]
        for lon, lat in _positions(feature["geometry"])
        if not (-180 <= lon <= 180 and -90 <= lat <= 90)
        or round(lon, DECIMALS) != lon or round(lat, DECIMALS) != lat
    ]  # fmt: skip
    assert wrong == []


def test_the_selection_changes_properties_not_shapes(
    collections: dict[str, dict[str, Any]],
) -> None:
    world = [f["geometry"] for f in collections["world"]["features"]]
    for name in VARIANTS:
        assert [f["geometry"] for f in collections[name]["features"]] == world, name


def test_every_shape_of_world_json_is_valid() -> None:
    document = _world()
    found = []
    for country in document["countries"]:
        polygons = []
        for rings in country["polygons"]:
            outline, *holes = [[(r[i], r[i + 1]) for i in range(0, len(r), 2)] for r in rings]
            closed = all(ring[0] == ring[-1] and len(ring) >= 4 for ring in (outline, *holes))
            if not closed:
                found.append(f"{country['name']}: a ring not closed or of fewer than 4 positions")
            try:
                polygons.append(Polygon(outline, holes))
            except ValueError as error:
                found.append(f"{country['name']}: {error}")
        geometry = MultiPolygon(polygons)
        if not geometry.is_valid:
            found.append(f"{country['name']}: {explain_validity(geometry)}")
    assert found == []


def test_the_svg_map_draws_the_same_rings(collections: dict[str, dict[str, Any]]) -> None:
    root = ET.fromstring(_run("map").encode("utf-8"))
    paths = {p.get("data-code"): p.get("d", "") for p in root.iter(SVG + "path")
             if "country" in (p.get("class") or "").split()}  # fmt: skip
    features = {f["properties"]["code"]: f for f in collections["world"]["features"]}
    assert len(paths) > 150
    for code, d in paths.items():
        rings = [ring for polygon in _polygons(features[code]["geometry"]) for ring in polygon]
        drawn = re.findall(r"M[^MZ]*Z", d)
        assert [part.count("L") + 1 for part in drawn] == [len(ring) for ring in rings], code
