"""Write src/ilrs_cli/draw/world.json: the world's countries from Natural Earth (public
domain), as the npm package world-atlas ships them (TopoJSON of Natural Earth 1:50m admin-0
countries), decoded to longitude/latitude rings, simplified and rounded to 0.01 degrees
(PRECISION: two decimal places, about 1.1 km), so that `ilrs map` needs no library and no
network at run time.

    python scripts/make_world.py                    # npm pack world-atlas, then rewrite
    python scripts/make_world.py --from DIR_OR_TGZ  # from a world-atlas package already here
    python scripts/make_world.py --check            # exit 1 when world.json is stale

The shapes are simplified arc by arc (Douglas-Peucker, 0.1 degrees), so that neighbours
still share their borders exactly; where an arc, simplified and rounded, crosses, overlaps
or touches itself or another arc where Natural Earth's do not, each segment at fault gets
back its farthest point of Natural Earth's, until none does. Arcs that cross longitude 180
are simplified unwrapped (longitudes to 360), and the polygon they make (Russia's) is cut
there. The shapes are GeoJSON's (RFC 7946) and valid as GEOS judges them (shapely's
`is_valid`): every ring closed, of four positions or more, outlines counter-clockwise and
holes clockwise; rings that rounding leaves with no area (islands and enclaves of a few
hundredths of a degree) are left out, and the script stops, saying why (`explain_validity`),
rather than write an invalid shape.
shapely is needed here (the `test` extra), not at run time. Antarctica is left out.
Countries are keyed by ISO 3166 alpha-2 code (from the TopoJSON's ISO numeric ids, through
pycountry); each has the point where a marker goes when it is too small to see, the centroid
of its largest polygon. `POINTS` adds places that are parts of a country's shape (Hawaii,
part of the United States).
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
import shapely
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.polygon import orient
from shapely.validation import explain_validity

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import write_or_check  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "ilrs_cli" / "draw" / "world.json"
PACKAGE = "world-atlas"
VERSION = "2.0.2"  # Natural Earth 4.1.0
FILE = "countries-50m.json"
TOLERANCE = 0.1  # degrees: 0.3 px on a 960 px world, 1.2 px on a map of Africa
PRECISION = 2  # decimal places of every coordinate: 0.01 degrees
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


def _farthest(points: Ring, first: int, last: int) -> tuple[float, int]:
    """The point between `first` and `last` farthest from the line through them (-1: none)."""
    far, index = 0.0, -1
    for i in range(first + 1, last):
        d = _distance(points[i], points[first], points[last])
        if d > far:
            far, index = d, i
    return far, index


def simplify(points: Ring, tolerance: float) -> list[int]:
    """Douglas-Peucker, keeping both ends (iterative: arcs are long): the indexes kept."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, index = _farthest(points, first, last)
        if index >= 0 and far > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [i for i, kept in enumerate(keep) if kept]


def rounded(points: Ring) -> Ring:
    """The points rounded to PRECISION decimal places, none repeated in a row."""
    kept: Ring = []
    for lon, lat in points:
        point = (round(lon, PRECISION), round(lat, PRECISION))
        if not kept or kept[-1] != point:
            kept.append(point)
    return kept


def degenerate(points: Ring) -> bool:
    """A ring that rounding left with fewer than four positions or no area: left out."""
    return len(points) < 4 or area_and_centroid(points)[0] == 0


def _points(points: set[tuple[float, float]]) -> Any:
    """The points as one geometry (an empty one for none)."""
    return shapely.MultiPoint(sorted(points)) if points else shapely.GeometryCollection()


def conflicts(arcs: list[Ring]) -> set[tuple[int, int]]:
    """The pairs of arcs (i, j), i <= j, that cross, overlap or touch other than at the ends
    they share ((i, i): an arc that crosses itself); closed arcs too small to be rings, which
    are left out, are not in them."""
    present = [
        i for i, arc in enumerate(arcs)
        if len(set(arc)) >= 2 and not (arc[0] == arc[-1] and degenerate(arc))
    ]  # fmt: skip
    lines = [shapely.LineString(arcs[i]) for i in present]
    found = {(present[n], present[n]) for n, line in enumerate(lines) if not line.is_simple}
    left, right = shapely.STRtree(lines).query(lines, predicate="intersects")
    for m, n in zip(left.tolist(), right.tolist(), strict=True):
        i, j = present[m], present[n]
        ends = {arcs[i][0], arcs[i][-1]} & {arcs[j][0], arcs[j][-1]}
        if i < j and not lines[m].intersection(lines[n]).difference(_points(ends)).is_empty:
            found.add((i, j))
    return found


def _drawn(points: Ring, kept: list[int]) -> tuple[Ring, list[int]]:
    """The kept points rounded, and the index in `points` where each rounded one starts."""
    drawn: Ring = []
    starts: list[int] = []
    for index in kept:
        point = rounded([points[index]])[0]
        if not drawn or drawn[-1] != point:
            drawn.append(point)
            starts.append(index)
    return drawn, starts


def _segments(line: Ring) -> Any:
    return shapely.linestrings([[a, b] for a, b in zip(line, line[1:], strict=False)])


def _wrong_segments(arc: Ring, other: Ring | None) -> set[int]:
    """The segments of `arc` that meet `other` other than at the ends they share; with no
    `other`, those that meet another segment of `arc` other than at the vertex they share."""
    segments = _segments(arc)
    if other is not None:
        ends = _points({arc[0], arc[-1]} & {other[0], other[-1]})
        meeting = shapely.intersection(segments, shapely.LineString(other))
        wrongly = ~shapely.is_empty(shapely.difference(meeting, ends))
        return set(wrongly.nonzero()[0].tolist())
    wrong: set[int] = set()
    left, right = shapely.STRtree(segments).query(segments, predicate="intersects")
    for m, n in zip(left.tolist(), right.tolist(), strict=True):
        closing = arc[0] == arc[-1] and (m, n) == (0, len(segments) - 1)
        shared = {arc[n]} if n == m + 1 else {arc[0]} if closing else set()
        if m < n and not segments[m].intersection(segments[n]).difference(_points(shared)).is_empty:
            wrong |= {m, n}
    return wrong


def simplify_arcs(exact: list[Ring]) -> list[Ring]:
    """Each arc simplified and rounded; where two arcs (or one and itself) that do not meet in
    Natural Earth then do, each segment that meets wrongly gets back its farthest point of
    Natural Earth's, until none does (or none has a point left to get back)."""
    kept = [simplify(arc, TOLERANCE) for arc in exact]
    natural = conflicts(exact)
    while True:
        drawn = [_drawn(arc, indexes) for arc, indexes in zip(exact, kept, strict=True)]
        arcs = [points for points, _ in drawn]
        added = False
        for i, j in sorted(conflicts(arcs) - natural):
            for mine, other in {(i, j), (j, i)}:
                starts = drawn[mine][1]
                for segment in _wrong_segments(arcs[mine], None if i == j else arcs[other]):
                    index = _farthest(exact[mine], starts[segment], starts[segment + 1])[1]
                    if index >= 0 and index not in kept[mine]:
                        kept[mine] = sorted({*kept[mine], index})
                        added = True
        if not added:
            return arcs


def ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    """A polygon ring from arc indexes (~i is arc i reversed), rounded, no repeated points."""
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return rounded(points)


def across(points: Ring) -> bool:
    """Whether a line or ring crosses longitude 180 (Russia's, with Chukotka): it has an edge
    that would run the width of the map, or it is unwrapped already."""
    steps = zip(points, points[1:], strict=False)
    return any(abs(a[0] - b[0]) > 180 for a, b in steps) or max(p[0] for p in points) > 180


def unwrapped(points: Ring) -> Ring:
    """The points with longitudes from 0 to 360, so that a line crossing 180 is continuous."""
    return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]


def split_at_antimeridian(outline: Ring, holes: list[Ring]) -> list[Polygon]:
    """A polygon whose outline crosses longitude 180 as its parts each side; others as
    they are."""
    if not across(outline):
        return [Polygon(outline, holes)]
    whole = Polygon(unwrapped(outline), [unwrapped(hole) for hole in holes])
    parts = []
    for west, shift in ((0, 0), (180, -360)):
        piece = whole.intersection(box(west, -90, west + 180, 90))
        for part in getattr(piece, "geoms", [piece]):
            if isinstance(part, Polygon) and not part.is_empty:
                rings = [rounded([(x + shift, y) for x, y in r.coords])
                         for r in (part.exterior, *part.interiors)]  # fmt: skip
                if not degenerate(rings[0]):
                    parts.append(Polygon(rings[0], [r for r in rings[1:] if not degenerate(r)]))
    return parts


def shapes_of(arcs: list[Ring], parts: list[list[list[int]]], name: str) -> list[list[Ring]]:
    """A country's polygons (each its outline, then its holes) from their arc indexes: rings
    with no area left out, outlines counter-clockwise and holes clockwise (RFC 7946), and
    valid (GEOS's rules), else the script stops and says why."""
    polygons = []
    for polygon in parts:
        outline, *holes = [ring(arcs, indexes) for indexes in polygon]
        if not degenerate(outline):  # else too small: a point
            kept = [hole for hole in holes if not degenerate(hole)]
            polygons += [orient(part, 1.0) for part in split_at_antimeridian(outline, kept)]
    shape = MultiPolygon(polygons)
    if not shape.is_valid:
        raise SystemExit(f"{name}: invalid once simplified and rounded: {explain_validity(shape)}")
    return [[list(r.coords) for r in (p.exterior, *p.interiors)] for p in polygons]


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
    arcs = simplify_arcs([unwrapped(arc) if across(arc) else arc for arc in exact])
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = code_of(geometry)
        if code in LEFT_OUT or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        parts = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        polygons = shapes_of(arcs, parts, geometry["properties"]["name"])
        at = _point([[ring(exact, indexes) for indexes in polygon] for polygon in parts])
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
            f"{PACKAGE} {VERSION} (ISC licence); simplified, rounded to {10**-PRECISION} "
            "degrees and checked valid (GEOS's rules, RFC 7946's winding) by "
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
        "precision_degrees": 10**-PRECISION,
        "rings": "flat lists of longitude, latitude pairs, in degrees, closed (the last pair "
        "is the first); the first ring of a polygon is its outline, counter-clockwise, the "
        "others its holes, clockwise",
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
