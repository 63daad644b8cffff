"""The world map: every country coloured by its ILRS standing (level, and whether an
agreement is documented or only reported) and its Artemis Accords signing, with a legend.
Places too small to see at the map's scale (Hong Kong, Bahrain) and places inside a
country's shape (Hawaii) are drawn as dots, and those in the ILRS are named."""

from __future__ import annotations

from collections.abc import Iterable
from xml.etree import ElementTree as ET

from ..core.records import Dataset, Member
from ..core.tuples import NamedTuple
from ..core.vocab import Level, MemberStatus
from ..query.camps import EVERY, LEAD
from ..query.standing import Ilrs, Standing, standings
from ..report.selection import Selection
from . import world
from .svg import MARGIN, Picture, as_of_line, source_line, text_width

OCEAN = "#eaf1f7"
NEITHER = "#d6d6d6"
OUTSIDE = "#f1f1f1"
ARTEMIS = "#1f5fa8"
BORDER = "#ffffff"
COLOURS = {  # ILRS standing: (the colour, a tint of it for "reported only")
    Ilrs.LEAD: ("#67000d", "#67000d"),
    Ilrs.NATIONAL_SIGNED: ("#d7301f", "#f9d3cc"),
    Ilrs.NATIONAL_REPORTED: ("#d7301f", "#f9d3cc"),
    Ilrs.SUBNATIONAL_SIGNED: ("#f28e2b", "#fde3c8"),
    Ilrs.SUBNATIONAL_REPORTED: ("#f28e2b", "#fde3c8"),
    Ilrs.AFFILIATED: ("#c9a227", "#f6ecc4"),
}
SIGNED = {Ilrs.LEAD, Ilrs.NATIONAL_SIGNED, Ilrs.SUBNATIONAL_SIGNED}
LABELS = {
    Ilrs.LEAD: "China, which leads the ILRS, and places in it",
    Ilrs.NATIONAL_SIGNED: "National participant, agreement documented",
    Ilrs.NATIONAL_REPORTED: "National participant, only reported (striped)",
    Ilrs.SUBNATIONAL_SIGNED: "Entities in it take part, agreement documented",
    Ilrs.SUBNATIONAL_REPORTED: "Entities in it take part, only reported (striped)",
    Ilrs.AFFILIATED: "Affiliated through an organization, reported (striped)",
}
WIDTH = 1000
MAP_WIDTH = WIDTH - 2 * MARGIN
MAX_HEIGHT = 560
SMALL = 14.0  # px²: a place whose shape covers less than this is drawn as a dot
WORLD_LATITUDES = (-56.0, 84.0)  # the inhabited world, Antarctica left out


def key_of(standing: Standing | None, selected: bool) -> str:
    """What a place is coloured as: 'outside' (not selected), 'none', 'none+artemis',
    an ILRS standing ('national-signed'), or one with '+artemis'."""
    if not selected:
        return "outside"
    ilrs = standing.ilrs.value if standing else Ilrs.NONE.value
    return ilrs + ("+artemis" if standing is not None and standing.artemis else "")


def paint(key: str) -> tuple[str, tuple[str, ...]]:
    """The fill of `key`: a background colour and the colours of its stripes (none: solid)."""
    if key == "outside":
        return OUTSIDE, ()
    ilrs_text, _, artemis = key.partition("+")
    ilrs = Ilrs(ilrs_text)
    if ilrs is Ilrs.NONE:
        return (ARTEMIS if artemis else NEITHER), ()
    colour, tint = COLOURS[ilrs]
    if ilrs in SIGNED:
        return (colour, (ARTEMIS,)) if artemis else (colour, ())
    return (tint, (colour, ARTEMIS)) if artemis else (tint, (colour,))


class View(NamedTuple):
    scale: float
    x0: float  # the projected x at the left edge
    y0: float  # the projected y at the top edge
    height: float

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = world.equal_earth(lon, lat)
        return MARGIN + (x - self.x0) * self.scale, (self.y0 - y) * self.scale


FRAMED = 0.003  # a region's frame fits countries this share of its largest and bigger


def _view(zoom: frozenset[str] | None, named: frozenset[str] = frozenset()) -> View:
    """The world, or the frame of a region: the outlines of its countries (their largest
    polygons), leaving out islands too small to matter (Oceania's reach both sides of the
    antimeridian) unless the data names them."""
    if zoom is None:
        top = world.equal_earth(0, WORLD_LATITUDES[1])[1]
        bottom = world.equal_earth(0, WORLD_LATITUDES[0])[1]
        scale = MAP_WIDTH / (2 * world.X_LIMIT)
        return View(scale, -world.X_LIMIT, top, (top - bottom) * scale)
    outlines = [
        (shape.code, max((polygon[0] for polygon in shape.polygons), key=_area))
        for shape in world.shapes()
        if shape.code in zoom and shape.polygons
    ]
    biggest = max((_area(ring) for _, ring in outlines), default=0.0)
    xs: list[float] = []
    ys: list[float] = []
    for code, ring in outlines:
        if code in named or _area(ring) >= FRAMED * biggest:
            for lon, lat in ring:
                x, y = world.equal_earth(lon, lat)
                xs.append(x)
                ys.append(y)
    if not xs:
        return _view(None)
    pad = 0.04 * max(max(xs) - min(xs), max(ys) - min(ys), 0.05)
    left, right, bottom, top = min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + pad
    scale = min(MAP_WIDTH / (right - left), MAX_HEIGHT / (top - bottom))
    left -= (MAP_WIDTH / scale - (right - left)) / 2  # centre it across the width
    return View(scale, left, top, (top - bottom) * scale)


def _area(points: world.Ring | list[tuple[float, float]]) -> float:
    """The area a ring encloses (the shoelace formula), in its own units squared."""
    ring = list(points)
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1)
                   in zip(ring, ring[1:] + ring[:1], strict=True))) / 2  # fmt: skip


def _path(view: View, shape: world.Shape, top: float) -> tuple[str, float]:
    """The SVG path of a shape and the area its outlines cover, in px²."""
    parts: list[str] = []
    area = 0.0
    for polygon in shape.polygons:
        for index, ring in enumerate(polygon):
            points = [view.point(lon, lat) for lon, lat in ring]
            points = [(x, y + top) for x, y in points]
            if index == 0:
                area += _area(points)
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    return "".join(parts), area


def _fill(picture: Picture, key: str, made: dict[str, str]) -> str:
    """A fill attribute for `key`: its colour, or a stripe pattern defined once."""
    base, stripes = paint(key)
    if not stripes:
        return base
    if key not in made:
        pattern_id = "fill-" + key.replace("+", "-")
        pattern = picture.add("pattern", picture.defs, id=pattern_id, width=8, height=8,
                              patternUnits="userSpaceOnUse", patternTransform="rotate(45)",
                              data_base=base, data_stripes=" ".join(stripes))  # fmt: skip
        picture.add("rect", pattern, width=8, height=8, fill=base)
        width = 3.0 if len(stripes) == 1 else 2.5
        for index, stripe in enumerate(stripes):
            picture.add("rect", pattern, x=index * 4.0, width=width, height=8, fill=stripe)
        made[key] = f"url(#{pattern_id})"
    return made[key]


def _member_text(member: Member) -> str:
    level = "entities in it" if member.level is Level.SUBNATIONAL else member.level.value
    when = f" {member.date.display}" if member.date else ""
    return f"{member.name}: {level}, {member.status.value}{when}"


def describe(name: str, standing: Standing | None) -> str:
    """What a tooltip says of a place."""
    if standing is None:
        return f"{name}: no ILRS participation or Artemis Accords signing in the data"
    parts = [_member_text(m) for m in standing.members]
    if standing.code == LEAD:
        parts.insert(0, "leads the ILRS")
    elif standing.ilrs is not Ilrs.NONE and not standing.members:
        parts.append(f"in the ILRS via {standing.via}")
    artemis = standing.artemis
    if artemis is not None:
        via = f" via {artemis.place.name}" if artemis.place != standing.place else ""
        reported = "reported " if artemis.status is MemberStatus.REPORTED else ""
        parts.append(f"Artemis Accords {reported}signed {artemis.date.display}{via}")
    return f"{name}: " + ("; ".join(parts) if parts else "no ILRS participation in the data")


def map_picture(dataset: Dataset, selection: Selection | None = None) -> Picture:
    chosen = selection or Selection(None, None, "")
    found = standings(dataset, chosen.counting or EVERY)
    names = {place.code: place.name for place in dataset.places if place.code}
    view = _view(chosen.zoom, frozenset(code for code in names if "-" not in code))
    legend_height = 40 + 18 * (5 if chosen.codes is not None else 4)
    footer = [
        source_line(dataset),
        world.credit(),
        _organizations(dataset),
    ]
    title = "ILRS participation and the Artemis Accords" + chosen.scope
    subtitle = as_of_line(dataset, "; each country as the records say; hover for who and when")
    picture = Picture(WIDTH, int(view.height) + legend_height + 8, title, subtitle,
                      [line for line in footer if line], "map")  # fmt: skip
    top = float(picture.top)
    clip = picture.add("clipPath", picture.defs, id="map-frame")
    picture.add("rect", clip, x=float(MARGIN), y=top, width=float(MAP_WIDTH), height=view.height)
    picture.add("rect", x=float(MARGIN), y=top, width=float(MAP_WIDTH), height=view.height,
                fill=OCEAN, class_="ocean")  # fmt: skip
    countries = picture.add("g", class_="countries", clip_path="url(#map-frame)")
    made: dict[str, str] = {}
    dots: list[tuple[str, tuple[float, float], str, Standing | None]] = []
    for shape in world.shapes():
        standing = found.get(shape.code or "")
        key = key_of(standing, chosen.takes(shape.code))
        name = names.get(shape.code or "", shape.name)
        path, area = _path(view, shape, top) if shape.polygons else ("", 0.0)
        if path:
            element = picture.add(
                "path", countries, d=path, fill=_fill(picture, key, made), stroke=BORDER,
                stroke_width=0.5, class_="country", data_code=shape.code, data_key=key,
            )  # fmt: skip
            picture.tooltip(element, describe(name, standing))
        if area < SMALL and shape.code and _dotted(key, shape.code, names):
            dots.append((shape.code, shape.at, key, standing))
    for code, at in world.points().items():
        standing = found.get(code)
        key = key_of(standing, chosen.takes(code))
        if _dotted(key, code, names):
            dots.append((code, at, key, standing))
    partners = {p.code for payload in dataset.payloads for p in payload.places if p.code}
    _dots(picture, view, top, dots, partners, names, made)
    _legend(picture, top + view.height + 14, found, chosen, made)
    return picture


def _dotted(key: str, code: str, names: dict[str, str]) -> bool:
    """A small place gets a dot when it is selected and the data names it or it has a
    standing."""
    return key != "outside" and (code in names or key != "none")


def _dots(
    picture: Picture, view: View, top: float,
    dots: list[tuple[str, tuple[float, float], str, Standing | None]],
    partners: set[str], names: dict[str, str], made: dict[str, str],
) -> None:  # fmt: skip
    """The dots of small places; those in the ILRS or with a payload partner are named."""
    group = picture.add("g", class_="small-places", clip_path="url(#map-frame)")
    for code, (lon, lat), key, standing in dots:
        x, y = view.point(lon, lat)
        name = names.get(code, code)
        dot = picture.add("circle", group, cx=x, cy=y + top, r=4.5, fill=_fill(picture, key, made),
                          stroke="#222", stroke_width=0.8, class_="place-dot",
                          data_code=code, data_key=key)  # fmt: skip
        picture.tooltip(dot, describe(name, standing))
        if code in partners or (standing is not None and standing.ilrs is not Ilrs.NONE):
            picture.text(x + 7, y + top + 4, name, "small place-name", group)


def _swatch(picture: Picture, parent: ET.Element, x: float, y: float, key: str, label: str,
            made: dict[str, str]) -> float:  # fmt: skip
    picture.add("rect", parent, x=x, y=y - 9, width=16.0, height=11.0,
                fill=_fill(picture, key, made), stroke="#888", stroke_width=0.5,
                class_="swatch", data_key=key)  # fmt: skip
    picture.text(x + 22, y, label, "small", parent)
    return x + 22 + text_width(label, 10.5)


def _count(found: Iterable[Standing], chosen: Selection, test: str) -> int:
    return sum(
        1 for s in found
        if chosen.takes(s.code) and (
            (test == "artemis" and s.artemis is not None and s.artemis.place == s.place)
            or (test == "both" and s.artemis is not None and s.ilrs is not Ilrs.NONE)
            or s.ilrs.value == test
        )
    )  # fmt: skip


def _legend(picture: Picture, y: float, found: dict[str, Standing], chosen: Selection,
            made: dict[str, str]) -> None:  # fmt: skip
    legend = picture.add("g", class_="legend")
    places = list(found.values())
    picture.text(MARGIN, y + 4, "ILRS (places in the data; organizations are listed below)",
                 "label", legend, font_weight="bold")  # fmt: skip
    for index, ilrs in enumerate(COLOURS):
        row, column = index // 2, index % 2
        label = f"{LABELS[ilrs]} ({_count(places, chosen, ilrs.value)})"
        _swatch(picture, legend, MARGIN + column * 330, y + 24 + row * 18, ilrs.value, label,
                made)  # fmt: skip
    via = [f"{s.place.name} via {s.via}" for s in places if s.via and chosen.takes(s.code)]
    if via:
        picture.text(MARGIN, y + 24 + 3 * 18, "A place counts in a camp through the country "
                     "it lies in: " + ", ".join(via), "small via", legend)  # fmt: skip
    x = float(MARGIN + 680)
    picture.text(x, y + 4, "Artemis Accords", "label", legend, font_weight="bold")
    signed = _count(places, chosen, "artemis")
    entries = [
        ("none+artemis", f"Signatory ({signed})" if signed or _has_artemis(found)
         else "Signatory (none in this dataset)"),
        ("national-signed+artemis",
         f"In both: blue stripes on the ILRS colour ({_count(places, chosen, 'both')} places)"),
        ("none", "Neither, in the data"),
    ]  # fmt: skip
    if chosen.codes is not None:
        entries.append(("outside", "Not in this selection"))
    for index, (key, label) in enumerate(entries):
        _swatch(picture, legend, x, y + 24 + index * 18, key, label, made)
    picture.add("circle", legend, cx=x + 8, cy=y + 24 + len(entries) * 18 - 4, r=4.5,
                fill=NEITHER, stroke="#222", stroke_width=0.8)  # fmt: skip
    picture.text(x + 22, y + 24 + len(entries) * 18, "A place too small to see", "small", legend)


def _has_artemis(found: dict[str, Standing]) -> bool:
    return any(s.artemis is not None for s in found.values())


def _organizations(dataset: Dataset) -> str:
    organizations = [m for m in dataset.members if m.level is Level.ORGANIZATION]
    if not organizations:
        return ""
    named = "; ".join(
        f"{m.short_name or m.name} ({m.status.value}" + (f" {m.date.display})" if m.date else ")")
        for m in organizations
    )
    return f"ILRS participants that are organizations, not places: {named}."
