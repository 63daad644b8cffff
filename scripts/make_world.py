"""Write src/ilrs_cli/draw/world.json: the world's countries from Natural Earth (public
domain), as the npm package world-atlas ships them (TopoJSON of Natural Earth 1:50m admin-0
countries), decoded to longitude/latitude rings, simplified and rounded to 0.01 degrees, so
that `ilrs map` needs no library and no network at run time.

    python scripts/make_world.py                    # npm pack world-atlas, then rewrite
    python scripts/make_world.py --from DIR_OR_TGZ  # from a world-atlas package already here
    python scripts/make_world.py --check            # exit 1 when world.json is stale

The shapes are simplified arc by arc (Douglas-Peucker, 0.1 degrees), so that neighbours
still share their borders exactly. Antarctica is left out. Countries are keyed by ISO 3166
alpha-2 code (from the TopoJSON's ISO numeric ids, through pycountry); each has the point
where a marker goes when it is too small to see, the centroid of its largest polygon.
`POINTS` adds places that are parts of a country's shape (Hawaii, part of the United States).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import write_or_check  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "ilrs_cli" / "draw" / "world.json"
PACKAGE = "world-atlas"
VERSION = "2.0.2"  # Natural Earth 4.1.0
FILE = "countries-50m.json"
TOLERANCE = 0.1  # degrees: 0.3 px on a 960 px world, 1.2 px on a map of Africa
LEFT_OUT = {"AQ"}  # Antarctica: nobody's standing, a fifth of the map's height
NO_NUMERIC = {"Kosovo": "XK"}  # Natural Earth names without an ISO numeric id
# Places inside a country's shape: the parts of that shape within a box (lon, lat limits).
POINTS = {"US-HI": ("US", (-161.0, -154.0), (18.0, 23.0))}

Ring = list[tuple[float, float]]


def fetch(given: Path | None, workdir: Path) -> tuple[dict[str, Any], bytes]:
    """The TopoJSON, and the bytes it was read from: from `given` (the package directory, or
    its tarball), else from the npm registry through `npm pack`."""
    if given is None:
        subprocess.run(
            ["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=workdir, check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        given = workdir / f"{PACKAGE}-{VERSION}.tgz"
    if given.is_dir():
        raw = (given / FILE).read_bytes()
    else:
        with tarfile.open(given) as archive:
            member = archive.extractfile(f"package/{FILE}")
            if member is None:
                raise SystemExit(f"{given} has no package/{FILE}")
            raw = member.read()
    return json.loads(raw), raw


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """TopoJSON's quantized, delta-encoded arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _distance(point: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (px, py), (ax, ay), (bx, by) = point, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return float(((px - ax) ** 2 + (py - ay) ** 2) ** 0.5)
    return float(abs(dy * px - dx * py + bx * ay - by * ax) / (dx * dx + dy * dy) ** 0.5)


def simplify(points: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker, keeping both ends (iterative: arcs are long)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > far:
                far, index = d, i
        if index >= 0 and far > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    """A polygon ring from arc indexes (~i is arc i reversed), rounded, no repeated points."""
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    rounded: Ring = []
    for lon, lat in points:
        point = (round(lon, 2), round(lat, 2))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    return rounded


def _clip(points: Ring, keep_east: bool) -> Ring:
    """Sutherland-Hodgman against the line longitude 180, keeping one side."""

    def inside(point: tuple[float, float]) -> bool:
        return point[0] >= 180 if keep_east else point[0] <= 180

    clipped: Ring = []
    for current, following in zip(points, points[1:] + points[:1], strict=True):
        if inside(current):
            clipped.append(current)
        if inside(current) != inside(following):
            (x0, y0), (x1, y1) = current, following
            clipped.append((180.0, round(y0 + (y1 - y0) * (180 - x0) / (x1 - x0), 2)))
    return clipped


def split_at_antimeridian(points: Ring) -> list[Ring]:
    """A ring that crosses longitude 180 (Russia's, with Chukotka) as two rings, one each
    side, so that no edge runs the width of the map; other rings as they are."""
    if all(abs(a[0] - b[0]) <= 180 for a, b in zip(points, points[1:], strict=False)):
        return [points]
    unwrapped = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]
    west = _clip(unwrapped, keep_east=False)
    east = [(round(lon - 360, 2), lat) for lon, lat in _clip(unwrapped, keep_east=True)]
    return [part for part in (west, east) if len(part) >= 4]


def area_and_centroid(points: Ring) -> tuple[float, tuple[float, float]]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


def code_of(geometry: dict[str, Any]) -> str | None:
    name = geometry["properties"]["name"]
    if name in NO_NUMERIC:
        return NO_NUMERIC[name]
    number = geometry.get("id")
    country = pycountry.countries.get(numeric=number) if number else None
    return country.alpha_2 if country else None


def _point(polygons: list[list[Ring]]) -> list[float]:
    best = max(polygons, key=lambda polygon: area_and_centroid(polygon[0])[0])
    x, y = area_and_centroid(best[0])[1]
    return [round(x, 2), round(y, 2)]


def _size(country: dict[str, Any]) -> float:
    return sum(
        area_and_centroid([(r[i], r[i + 1]) for i in range(0, len(r), 2)])[0]
        for polygon in country["polygons"]
        for r in polygon[:1]
    )


def merge_codes(countries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry a code: Natural Earth gives Australia's numeric id to the Ashmore and
    Cartier Islands too; their polygons join the largest unit's, which keeps its name."""
    merged: dict[str, dict[str, Any]] = {}
    kept: list[dict[str, Any]] = []
    for country in sorted(countries, key=_size, reverse=True):
        code = country["code"]
        if code is None:
            kept.append(country)
        elif code in merged:
            merged[code]["polygons"] += country["polygons"]
        else:
            merged[code] = country
            kept.append(country)
    return kept


def build(topology: dict[str, Any], raw: bytes) -> str:
    exact = decode_arcs(topology)
    arcs = [simplify(arc, TOLERANCE) for arc in exact]
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = code_of(geometry)
        if code in LEFT_OUT or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        parts = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        polygons = [
            [piece, *[ring(arcs, hole) for hole in polygon[1:]]]
            for polygon in parts
            for piece in split_at_antimeridian(ring(arcs, polygon[0]))
        ]
        at = _point([[ring(exact, indexes) for indexes in polygon] for polygon in parts])
        polygons = [polygon for polygon in polygons if len(polygon[0]) >= 4]  # too small: a point
        countries.append({
            "code": code, "name": geometry["properties"]["name"], "at": at,
            "polygons": [[[c for p in r for c in p] for r in polygon] for polygon in polygons],
        })  # fmt: skip
    countries = merge_codes(countries)
    points = {}
    for place, (country, (west, east), (south, north)) in POINTS.items():
        shape = next(c for c in countries if c["code"] == country)
        inside = [
            [[(r[i], r[i + 1]) for i in range(0, len(r), 2)] for r in polygon]
            for polygon in shape["polygons"]
            if west <= polygon[0][0] <= east and south <= polygon[0][1] <= north
        ]
        points[place] = _point(inside)
    countries.sort(key=lambda c: (c["code"] is None, c["code"] or "", c["name"]))
    shapes = json.dumps(countries, separators=(",", ":"))
    document = {
        "about": (
            f"Natural Earth 1:50m admin-0 countries (public domain), from the npm package "
            f"{PACKAGE} {VERSION} (ISC licence); simplified and rounded by "
            "scripts/make_world.py. Do not edit: tests check that script_sha256 is the "
            "script's and countries_sha256 the countries'."
        ),
        "source": {
            "data": "Natural Earth, https://www.naturalearthdata.com/ (public domain)",
            "package": f"{PACKAGE} {VERSION}",
            "file": FILE,
            "sha256": hashlib.sha256(raw).hexdigest(),
        },
        "script_sha256": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        "countries_sha256": hashlib.sha256(shapes.encode()).hexdigest(),
        "licence": "Natural Earth data is in the public domain; see LICENSE-world.md",
        "tolerance_degrees": TOLERANCE,
        "rings": "flat lists of longitude, latitude pairs, in degrees; the first ring of a "
        "polygon is its outline, the others its holes",
        "points": points,
        "countries": countries,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def main(argv: list[str]) -> int:
    given = Path(argv[argv.index("--from") + 1]) if "--from" in argv else None
    with tempfile.TemporaryDirectory() as workdir:
        topology, raw = fetch(given, Path(workdir))
    return write_or_check(TARGET, build(topology, raw), argv, "python scripts/make_world.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
