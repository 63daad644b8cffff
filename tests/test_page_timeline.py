"""The timeline, in the page (`ilrs export html`) and as a chart, shows every event's text
whole: wrapped over lines, never cut with an ellipsis."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from .conftest import Runner
from .test_pictures import SVG, draw, elements


def _timeline(ilrs: Runner, where: str, tmp_path: Path) -> ET.Element:
    if where == "chart":
        return draw(ilrs, "chart", "timeline")
    page = tmp_path / "page.html"
    assert ilrs("export", "html", str(page)).exit_code == 0
    root = ET.fromstring(page.read_bytes())
    return next(svg for svg in root.iter(SVG + "svg") if svg.get("class") == "ilrs-timeline")


@pytest.mark.parametrize("where", ["page", "chart"])
def test_every_event_text_is_shown_whole(ilrs: Runner, tmp_path: Path, where: str) -> None:
    events = [item["event"] for item in ilrs("timeline", "--json").json()]
    assert max(len(event) for event in events) > 100  # longer than a row's room
    timeline = _timeline(ilrs, where, tmp_path)
    (rows,) = elements(timeline, "g", "events")
    shown = [" ".join(line.text or "" for line in label.iter(SVG + "tspan"))
             for label in elements(rows, "text", "label")]  # fmt: skip
    assert shown == [" ".join(event.split()) for event in events]
    lines = [y for label in elements(rows, "text", "label")
             for y in (float(t.get("y", "")) for t in label.iter(SVG + "tspan"))]  # fmt: skip
    assert lines == sorted(lines) and len(set(lines)) == len(lines)  # no line over another
