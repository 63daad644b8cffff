"""The pictures, checked as a reader would: each is well-formed XML, says what it shows (title,
as-of date, source line), and shows what the data says: bars as long as the counts, points
at the totals, events on their dates, countries in the colours of their standing. The
browser tests are in test_pictures_browser.py."""

from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from .conftest import Runner
from .test_benchmarks import imported_after

SVG = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-04-13"  # the frozen fixture's


def parse(text: str) -> ET.Element:
    """The picture, parsed by an XML parser: it must be well-formed."""
    return ET.fromstring(text.encode("utf-8"))


def draw(ilrs: Runner, *args: str) -> ET.Element:
    result = ilrs(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')
    return parse(result.stdout)


def elements(root: ET.Element, tag: str, cls: str | None = None) -> list[ET.Element]:
    return [e for e in root.iter(SVG + tag) if cls is None or cls in (e.get("class") or "").split()]


def texts(root: ET.Element) -> list[str]:
    return [e.text or "" for e in root.iter(SVG + "text")]


def assert_framed(root: ET.Element, name: str, title: str) -> None:
    """The title, the as-of date and a source line are in the picture itself."""
    by_id = {e.get("id"): e.text or "" for e in root.iter(SVG + "text")}
    assert title in by_id[f"{name}-heading"]
    assert AS_OF in by_id[f"{name}-as-of"]
    assert by_id[f"{name}-source"].startswith("Source: ")
    assert root.get("viewBox") and root.find(SVG + "title") is not None


def ticks(root: ET.Element, axis: str) -> dict[int, float]:
    return {int(t.get("data-tick", "")): float(t.get(axis, "")) - (4 if axis == "y" else 0)
            for t in elements(root, "text", "tick")}  # fmt: skip


# Counts


@pytest.mark.parametrize(
    ("args", "field", "command"),
    [
        ((), "countries", ("payloads",)),
        (("--of", "members"), "level", ("members",)),
        (("--of", "timeline", "--mission", "ILRS"), "year", ("timeline", "--mission", "ILRS")),
    ],
)
def test_count_bars_are_as_long_as_the_counts(
    ilrs: Runner, args: tuple[str, ...], field: str, command: tuple[str, ...]
) -> None:
    root = draw(ilrs, "chart", "count-by", field, *args)
    counted = ilrs(*command, "--count-by", field, "--json").json()
    expected = {str(row[field]) if row[field] is not None else "(none)": row["count"]
                for row in counted}  # fmt: skip
    bars = elements(root, "rect", "bar")
    assert {bar.get("data-value"): int(bar.get("data-count", "")) for bar in bars} == expected
    scale = ticks(root, "x")
    top = max(scale)
    unit = (scale[top] - scale[0]) / top
    for bar in bars:
        assert float(bar.get("x", "")) == pytest.approx(scale[0], abs=0.01)
        assert float(bar.get("width", "")) == pytest.approx(
            expected[bar.get("data-value", "")] * unit, abs=0.02
        )
    assert [bar.get("data-value") for bar in bars] == list(expected)  # in --count-by's order
    assert_framed(root, "count", "counted by " + field)


def test_count_chart_errors_name_what_would_be_right(ilrs: Runner) -> None:
    unknown = ilrs("chart", "count-by", "colour")
    assert unknown.exit_code == 2 and "valid fields: id, name" in unknown.stderr
    assert "'FIELD'" in unknown.stderr
    wrong = ilrs("chart", "count-by", "level", "--of", "members", "--mission", "ILRS")
    assert wrong.exit_code == 2 and "does not apply to --of members" in wrong.stderr


# Growth


def test_growth_points_are_the_totals_of_ilrs_growth(ilrs: Runner) -> None:
    root = draw(ilrs, "chart", "growth")
    rows = [row for row in ilrs("growth", "--json").json() if row["year"] is not None]
    scale = ticks(root, "y")
    top = max(scale)
    for series in ("ilrs", "artemis"):
        group = next(g for g in elements(root, "g", "series") if g.get("data-series") == series)
        dots = elements(group, "circle")
        assert [(int(d.get("data-year", "")), int(d.get("data-total", ""))) for d in dots] == [
            (int(row["year"]), row[f"{series}_total"]) for row in rows
        ]
        for dot in dots:
            total = int(dot.get("data-total", ""))
            expected_y = scale[0] + (scale[top] - scale[0]) * total / top
            assert float(dot.get("cy", "")) == pytest.approx(expected_y, abs=0.02)
    xs = [float(d.get("cx", "")) for d in elements(root, "circle")[: len(rows)]]
    assert xs == sorted(xs)
    assert_framed(root, "growth", "Growth of both camps")


def test_growth_of_a_dataset_without_signatories_says_so(
    ilrs: Runner, use_dataset: Any, tmp_path: Path
) -> None:
    text = (ROOT / "tests" / "fixtures" / "chang8-frozen.toml").read_text(encoding="utf-8")
    start = text.index("[[signatories]]")
    end = text.find("\n[[", text.rindex("[[signatories]]") + 1)
    path = tmp_path / "no-artemis.toml"
    path.write_text(text[:start] + (text[end + 1 :] if end != -1 else ""), encoding="utf-8")
    use_dataset(path)
    root = draw(ilrs, "chart", "growth")
    assert "Artemis Accords: no signatories in these data" in texts(root)
    assert [g.get("data-series") for g in elements(root, "g", "series")] == ["ilrs"]


# Timeline


def test_timeline_marks_every_event_on_its_date_done_filled_planned_hollow(ilrs: Runner) -> None:
    root = draw(ilrs, "chart", "timeline")
    events = ilrs("timeline", "--json").json()
    marks = [m for m in root.iter() if "event" in (m.get("class") or "").split()]
    assert [m.get("data-id") for m in marks] == [event["id"] for event in events]
    as_of = float(elements(root, "line", "as-of")[0].get("x1", ""))
    for mark, event in zip(marks, events, strict=True):
        assert mark.get("data-status") == event["status"]
        assert (mark.get("data-start"), mark.get("data-end")) == (event["start"], event["end"])
        if mark.tag == SVG + "circle":
            end = float(mark.get("cx", ""))
        else:
            end = float(mark.get("x", "")) + float(mark.get("width", ""))
        if event["status"] == "done":  # its whole span is past: left of the as-of line
            assert mark.get("fill") == mark.get("stroke") and mark.get("stroke-dasharray") is None
            assert end <= as_of + 0.01
        else:  # it reaches past the as-of date
            assert mark.get("fill") == "#ffffff" and mark.get("stroke-dasharray")
            assert end >= as_of - 0.01
        assert (mark.tag == SVG + "circle") == (event["start"] == event["end"])
    starts = [float(m.get("cx") or m.get("x") or "") for m in marks]
    assert starts == sorted(starts)  # events come in date order, so do their marks
    assert_framed(root, "timeline", "Timeline")


# Map

RANK = ("national", "subnational", "affiliated")


def expected_key(row: dict[str, Any]) -> str:
    """What the map should colour a place as, from `ilrs countries --json` alone."""
    ilrs = "none"
    levels = [m["level"] for m in row["ilrs"] if m["level"] in RANK]
    in_ilrs = row["camps"] in ("both", "ilrs-only")
    if row["code"] == "CN" or (in_ilrs and not levels and row["camps_via"] == "China"):
        ilrs = "lead"  # China leads; a place in China with no records of its own, via China
    elif levels:
        top = min(levels, key=RANK.index)
        signed = any(m["status"] == "signed" for m in row["ilrs"] if m["level"] == top)
        ilrs = top if top == "affiliated" else f"{top}-{'signed' if signed else 'reported'}"
    return ilrs + ("+artemis" if row["artemis"] else "")


def paint_of(root: ET.Element, fill: str) -> tuple[str, tuple[str, ...]]:
    """A fill as a reader sees it: a colour, or a pattern's background and its stripes."""
    if not fill.startswith("url(#"):
        return fill, ()
    pattern = next(p for p in root.iter(SVG + "pattern") if p.get("id") == fill[5:-1])
    rects = [r.get("fill", "") for r in pattern.iter(SVG + "rect")]
    return rects[0], tuple(rects[1:])


def legend(root: ET.Element) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {s.get("data-key", ""): paint_of(root, s.get("fill", ""))
            for s in elements(root, "rect", "swatch")}  # fmt: skip


def expected_paint(key: str, keys: dict[str, tuple[str, tuple[str, ...]]]) -> Any:
    """The colours of `key` as the legend explains them: the ILRS swatch's colours, with the
    Accords' blue (the signatory swatch) as stripes on top when it also signed."""
    ilrs, _, artemis = key.partition("+")
    if not artemis:
        return keys[ilrs]
    blue = keys["none+artemis"][0]
    if ilrs == "none":
        return blue, ()
    base, stripes = keys[ilrs]
    return base, (*stripes, blue)


def marks_by_code(root: ET.Element) -> dict[str, ET.Element]:
    marks = elements(root, "path", "country") + elements(root, "circle", "place-dot")
    return {e.get("data-code", ""): e for e in marks if e.get("data-code")}


def test_the_map_colours_every_place_as_its_records_say(ilrs: Runner) -> None:
    root = draw(ilrs, "map")
    keys = legend(root)
    marks = marks_by_code(root)
    rows = ilrs("countries", "--json").json()
    assert rows
    for row in rows:
        mark = marks[row["code"]]
        assert mark.get("data-key") == expected_key(row), row["country"]
        got = paint_of(root, mark.get("fill", ""))
        assert got == expected_paint(expected_key(row), keys), row["country"]
    coloured = {c for c, m in marks.items() if m.get("data-key") not in ("none", "outside")}
    assert coloured == {r["code"] for r in rows if expected_key(r) != "none"}
    assert_framed(root, "map", "ILRS participation and the Artemis Accords")


def test_small_places_are_dots_and_named(ilrs: Runner) -> None:
    root = draw(ilrs, "map")
    dots = {d.get("data-code") for d in elements(root, "circle", "place-dot")}
    assert {"HK", "BH", "US-HI"} <= dots  # Hong Kong and Bahrain are too small; Hawaii inside
    names = {t.text for t in elements(root, "text", "place-name")}
    assert {"Hong Kong", "Bahrain", "Hawaii"} <= names
    paths = {p.get("data-code") for p in elements(root, "path", "country")}
    assert "CN" in paths and "AQ" not in paths


def test_a_region_frames_and_colours_only_its_places(ilrs: Runner) -> None:
    from ilrs_cli.core.regions import resolve_region

    root = draw(ilrs, "map", "--region", "Africa")
    africa = resolve_region("Africa")[1]
    marks = marks_by_code(root)
    coloured = {c for c, m in marks.items() if m.get("data-key") != "outside"}
    assert coloured and coloured <= set(africa)
    assert marks["EG"].get("data-key") == "national-signed"
    assert marks["CN"].get("data-key") == "outside"
    assert "in Africa" in texts(root)[0] or any("in Africa" in t for t in texts(root))
    world = draw(ilrs, "map")
    assert float(root.get("height", "")) > float(world.get("height", "")) * 1.0  # zoomed in


def test_a_missions_partners_are_the_places_coloured(ilrs: Runner) -> None:
    root = draw(ilrs, "map", "--mission", "Chang'e-8")
    payloads = ilrs("payloads", "--mission", "Chang'e-8", "--json").json()
    names = {name for payload in payloads for name in payload["countries"]}
    codes = {row["country"]: row["code"] for row in ilrs("countries", "--json").json()}
    marks = marks_by_code(root)
    coloured = {c for c, m in marks.items() if m.get("data-key") != "outside"}
    assert coloured == {codes[name] for name in names}


def test_the_geojson_is_the_map_in_longitude_and_latitude(ilrs: Runner) -> None:
    result = ilrs("map", "--format", "geojson")
    assert result.exit_code == 0
    collection = result.json()
    assert collection["type"] == "FeatureCollection" and collection["as_of"] == AS_OF
    marks = marks_by_code(draw(ilrs, "map"))
    features = {f["properties"]["code"]: f for f in collection["features"]}
    for code, mark in marks.items():
        assert features[code]["properties"]["map_key"] == mark.get("data-key"), code
    for feature in collection["features"]:
        geometry = feature["geometry"]
        assert geometry["type"] in ("Polygon", "MultiPolygon", "Point")
        assert "id" not in feature or isinstance(feature["id"], str)
        flat = json.dumps(geometry["coordinates"])
        numbers = [float(n) for n in flat.replace("[", " ").replace("]", " ").split(",")]
        assert all(-180 <= n <= 180 for n in numbers)
    bahrain = features["BH"]["properties"]
    assert bahrain["ilrs"] == "national-reported" and bahrain["artemis_accords"] == "2022-03-02"


def test_pictures_are_written_to_a_file_and_refuse_to_overwrite(
    ilrs: Runner, tmp_path: Path
) -> None:
    target = tmp_path / "map.svg"
    assert ilrs("map", "-o", str(target)).exit_code == 0
    parse(target.read_text(encoding="utf-8"))
    again = ilrs("map", "-o", str(target))
    assert again.exit_code == 1 and "--force" in again.stderr
    assert ilrs("map", "-o", str(target), "--force").exit_code == 0


def test_a_picture_never_replaces_a_pipe(ilrs: Runner, tmp_path: Path) -> None:
    import os
    import stat

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for force in ([], ["--force"]):
        result = ilrs("chart", "growth", "-o", str(pipe), *force)
        assert result.exit_code == 1
        assert f"in the way: {pipe} (a pipe or FIFO)" in result.stderr
        assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_dataset_strings_are_escaped_in_pictures(ilrs: Runner, use_dataset: Any,
                                                 tmp_path: Path) -> None:  # fmt: skip
    text = (ROOT / "tests" / "fixtures" / "chang8-frozen.toml").read_text(encoding="utf-8")
    original = 'title = "Chang\'e-8 international payloads and the ILRS"'
    hostile = text.replace(original, 'title = "CE-8 <b>&amp;</b> \\u001b[31m\\u202e ILRS"', 1)
    assert hostile != text
    path = tmp_path / "hostile.toml"
    path.write_text(hostile, encoding="utf-8")
    use_dataset(path)
    for args in (("map",), ("chart", "growth"), ("chart", "timeline")):
        result = ilrs(*args)
        assert result.exit_code == 0, result.stderr
        assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
        assert "<b>" not in result.stdout
        assert any("\\x1b[31m" in t for t in texts(parse(result.stdout)))


# The page


def test_the_page_is_one_self_contained_document(ilrs: Runner, tmp_path: Path) -> None:
    assert ilrs("export", "html", str(tmp_path / "site")).exit_code == 0
    text = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    root = ET.fromstring(text.encode("utf-8"))  # polyglot: an XML parser reads it whole
    svgs = list(root.iter(SVG + "svg"))
    assert [s.get("class") for s in svgs] == [
        "ilrs-map", "ilrs-growth", "ilrs-timeline", "ilrs-count-payloads", "ilrs-count-members"
    ]  # fmt: skip
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))  # five pictures in one page, no id twice
    assert "default-src 'none'" in text
    for loader in ("<script", "<link", "<img", "@import", "url(http", "src="):
        assert loader not in text
    sources = ilrs("sources", "--json").json()
    assert all(html.escape(s["url"]) in text for s in sources)
    assert 'class="sources"' in text
    tables = list(root.iter("{http://www.w3.org/1999/xhtml}table"))
    assert len(tables) == 4
    assert ilrs("export", "html", str(tmp_path / "page.html")).exit_code == 0
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == text


# Cost and provenance


def test_the_page_creates_nothing_before_it_is_made(ilrs: Runner, tmp_path: Path) -> None:
    """A dataset that cannot be read leaves no directory behind; a target that is a file is
    named as one, with what would be right."""
    missing = ilrs("--data", str(tmp_path / "none.toml"), "export", "html",
                   str(tmp_path / "deep" / "a" / "b"))  # fmt: skip
    assert missing.exit_code == 1 and "none.toml" in missing.stderr
    assert not (tmp_path / "deep").exists()
    (tmp_path / "afile").write_text("kept", encoding="utf-8")
    onto = ilrs("export", "html", str(tmp_path / "afile"))
    assert onto.exit_code == 1 and "it is a file, not a directory" in onto.stderr
    assert "Errno" not in onto.stderr and (tmp_path / "afile").read_text() == "kept"


def test_a_json_query_imports_no_drawing_code() -> None:
    imported_after("payloads", "--json")  # fills the cache
    modules = imported_after("payloads", "--json")
    drawing = sorted(m for m in modules if m.startswith(("ilrs_cli.draw", "xml.etree")))
    assert drawing == [] and "ilrs_cli.cli.pictures" not in modules  # not even its options
    assert "ilrs_cli.draw.map" in imported_after("map", "--format", "geojson")


def test_the_shapes_are_those_the_script_makes() -> None:
    document = json.loads((ROOT / "src/ilrs_cli/draw/world.json").read_text(encoding="utf-8"))
    script = (ROOT / "scripts" / "make_world.py").read_bytes()
    assert document["script_sha256"] == hashlib.sha256(script).hexdigest(), (
        "scripts/make_world.py changed: run python scripts/make_world.py"
    )
    shapes = json.dumps(document["countries"], separators=(",", ":"))
    assert document["countries_sha256"] == hashlib.sha256(shapes.encode()).hexdigest(), (
        "world.json was edited by hand: run python scripts/make_world.py"
    )
    assert (ROOT / "src/ilrs_cli/draw/LICENSE-world.md").exists()
    assert "Natural Earth" in document["about"] and "world-atlas" in document["source"]["package"]
