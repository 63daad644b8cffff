"""Every picture, and the page, in a real browser: headless Chromium (Debian's package;
.ci/run installs it) opens it, logs nothing to its console, and takes a screenshot whose
pixels show the picture: not blank, and the colours where the picture puts them.

ILRS_SCREENSHOTS=docs/pictures keeps the screenshots of the run (as small PNGs) in that
directory, drawn from the bundled dataset: the README shows those of one run.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from .conftest import Runner

SVG = "{http://www.w3.org/2000/svg}"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium: apt-get install chromium"),
]
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
    "--force-device-scale-factor=1", "--enable-logging=stderr", "--v=0",
)  # fmt: skip


@pytest.fixture
def extra_env() -> dict[str, str | None]:
    """The frozen fixture, except when the screenshots are kept: those show the bundled data."""
    return {"ILRS_DATA": None} if os.environ.get("ILRS_SCREENSHOTS") else {}


def open_in_chromium(page: Path, width: int, height: int, work: Path) -> tuple[Path, list[str]]:
    """A screenshot of `page` in a window `width` by `height`, and what the page logged to
    the console (every message: these pages run no script, so any is the browser's). Its
    profile is in `work`, and its HOME (~/.cache/dconf, ~/.pki) the suite's temporary one."""
    png = work / f"{page.stem}.png"
    result = subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={work / f'profile-{page.stem}'}",
         f"--window-size={width},{height}", f"--screenshot={png}", page.as_uri()],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert png.exists(), result.stderr[-2000:]
    return png, [line for line in result.stderr.splitlines() if ":CONSOLE" in line]


def pixels(png: Path) -> object:
    from PIL import Image

    return Image.open(png).convert("RGB")


def assert_not_blank(png: Path) -> None:
    image = pixels(png)
    colours = image.getcolors(maxcolors=1 << 20)  # type: ignore[attr-defined]
    assert colours is not None and len(colours) > 20, "the screenshot is nearly one colour"
    width, height = image.size  # type: ignore[attr-defined]
    white = max(count for count, colour in colours if colour == (255, 255, 255))
    assert white < 0.95 * width * height, "the screenshot is blank"


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def near(got: tuple[int, int, int], want: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 12 for a, b in zip(got, want, strict=True))


def keep(png: Path) -> None:
    """With ILRS_SCREENSHOTS set, keep the screenshot there, as a small PNG."""
    target = os.environ.get("ILRS_SCREENSHOTS")
    if not target:
        return
    from PIL import Image

    Path(target).mkdir(parents=True, exist_ok=True)
    small = Image.open(png).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(Path(target) / png.name, optimize=True)


def write(ilrs: Runner, path: Path, *args: str) -> ET.Element:
    result = ilrs(*args, "-o", str(path), "--force")
    assert result.exit_code == 0, result.stderr
    return ET.fromstring(path.read_bytes())


def size(root: ET.Element) -> tuple[int, int]:
    return int(root.get("width", "")), int(root.get("height", ""))


def centre(path: ET.Element) -> tuple[int, int]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path.get("d", ""))]
    xs, ys = numbers[0::2], numbers[1::2]
    return round((min(xs) + max(xs)) / 2), round((min(ys) + max(ys)) / 2)


def test_the_map_renders_with_china_in_its_colour(ilrs: Runner, tmp_path: Path) -> None:
    svg = tmp_path / "map.svg"
    root = write(ilrs, svg, "map")
    png, console = open_in_chromium(svg, *size(root), tmp_path)
    assert console == []
    assert_not_blank(png)
    image = pixels(png)
    china = next(p for p in root.iter(SVG + "path") if p.get("data-code") == "CN")
    lead = next(s for s in root.iter(SVG + "rect") if s.get("data-key") == "lead")
    got = image.getpixel(centre(china))  # type: ignore[attr-defined]
    assert near(got, rgb(lead.get("fill", ""))), got
    ocean = next(r for r in root.iter(SVG + "rect") if r.get("class") == "ocean")
    corner = (int(float(ocean.get("x", ""))) + 3, int(float(ocean.get("y", ""))) + 3)
    assert near(image.getpixel(corner), rgb(ocean.get("fill", "")))  # type: ignore[attr-defined]
    keep(png)


def test_the_charts_render_with_their_bars_and_lines(ilrs: Runner, tmp_path: Path) -> None:
    for name, args in (
        ("count", ("chart", "count-by", "countries")),
        ("growth", ("chart", "growth")),
        ("timeline", ("chart", "timeline")),
    ):
        svg = tmp_path / f"{name}.svg"
        root = write(ilrs, svg, *args)
        png, console = open_in_chromium(svg, *size(root), tmp_path)
        assert console == [], name
        assert_not_blank(png)
        if name == "count":
            bar = next(r for r in root.iter(SVG + "rect") if r.get("class") == "bar")
            x = round(float(bar.get("x", "")) + float(bar.get("width", "")) / 2)
            y = round(float(bar.get("y", "")) + float(bar.get("height", "")) / 2)
            got = pixels(png).getpixel((x, y))  # type: ignore[attr-defined]
            assert near(got, rgb(bar.get("fill", ""))), got
        keep(png)


def test_the_page_renders_offline_with_no_console_message(ilrs: Runner, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    assert ilrs("export", "html", str(page)).exit_code == 0
    png, console = open_in_chromium(page, 1100, 1500, tmp_path)
    assert console == []
    assert_not_blank(png)
    keep(png)


def test_a_console_message_would_be_seen(tmp_path: Path) -> None:
    """The console check can fail: a page that logs is caught."""
    page = tmp_path / "noisy.html"
    page.write_text("<!DOCTYPE html><p>x</p><script>console.error('seen')</script>")
    _, console = open_in_chromium(page, 400, 300, tmp_path)
    assert any("seen" in line for line in console)


PROBE = """<!DOCTYPE html><html><body>
<iframe id="page" src="{page}" style="width: 1100px; height: 800px"></iframe>
<script>
document.getElementById("page").onload = function () {{
  var shown = document.createElement("p");
  shown.id = "measured";
  shown.textContent = "scrollWidth=" + this.contentDocument.documentElement.scrollWidth;
  document.body.appendChild(shown);
}};
</script></body></html>
"""


def page_width(page: Path, work: Path) -> int:
    """How wide the page lays itself out in a 1,100-pixel frame, as Chromium measures it."""
    probe = work / "probe.html"
    probe.write_text(PROBE.format(page=page.name), encoding="utf-8")
    result = subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={work / 'profile-probe'}",
         "--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom",
         probe.as_uri()],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    found = re.search(r"scrollWidth=(\d+)", result.stdout)
    assert found, result.stderr[-2000:]
    return int(found[1])


def test_an_unbroken_name_does_not_widen_the_page(ilrs: Runner, tmp_path: Path) -> None:
    """A 4,900-character name with no space (it made the page 60,546 pixels wide) wraps in
    its cell: the page is as wide as its frame, as with the fixture's own names."""
    from .conftest import FROZEN

    text = FROZEN.read_text(encoding="utf-8")
    wide = re.sub(r'^(name = ")([^"\n]*)(")', lambda m: m[1] + m[2] + "W" * 4900 + m[3],
                  text, count=1, flags=re.M)  # fmt: skip
    data = tmp_path / "wide.toml"
    data.write_text(wide, encoding="utf-8")
    assert ilrs("--data", str(data), "export", "html", str(tmp_path / "wide.html")).exit_code == 0
    assert ilrs("export", "html", str(tmp_path / "plain.html")).exit_code == 0
    plain = page_width(tmp_path / "plain.html", tmp_path)
    assert plain <= 1100
    assert page_width(tmp_path / "wide.html", tmp_path) == plain


MEASURE = """<!DOCTYPE html><html><body style="margin: 0">{svgs}
<script>
var layouts = [];
document.querySelectorAll("div.case").forEach(function (shown) {{
  var texts = [], marks = [];
  shown.querySelectorAll("svg text").forEach(function (text) {{
    var box = text.getBBox();
    texts.push([text.getAttribute("class"), text.parentNode.getAttribute("class"),
                box.x, box.x + box.width]);
  }});
  shown.querySelectorAll("svg .event, svg .bar").forEach(function (mark) {{
    marks.push(mark.getBBox().x);
  }});
  layouts.push({{texts: texts, marks: marks}});
}});
var shown = document.createElement("pre");
shown.id = "measured";
shown.textContent = "measured=" + JSON.stringify(layouts);
document.body.appendChild(shown);
</script></body></html>
"""


def measured(svgs: list[str], work: Path) -> list[dict[str, list[Any]]]:
    """Where Chromium lays out each text of each SVG (its class, its parent's class, its left
    and right edges) and the left edge of each bar or event mark: one page holds them all."""
    probe = work / "measure.html"
    shown = "".join(f'<div class="case">{svg.split("?>", 1)[-1]}</div>' for svg in svgs)
    probe.write_text(MEASURE.format(svgs=shown), encoding="utf-8")
    result = subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={work / 'profile-measure'}",
         "--virtual-time-budget=5000", "--dump-dom", probe.as_uri()],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    found = re.search(r"id=\"measured\">measured=(.*?)</pre>", result.stdout, re.S)
    assert found, result.stderr[-2000:]
    return json.loads(html.unescape(found[1]))  # type: ignore[no-any-return]


LONG_CASES = ["unbroken-name-of-4900-characters", "texts-of-5000-characters", "chinese-text"]
LONG_CHARTS = [("chart", "timeline"), ("chart", "count-by", "name", "--of", "payloads"),
               ("chart", "count-by", "title", "--of", "sources")]  # fmt: skip


@pytest.fixture(scope="module")
def long_label_layouts(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[tuple[str, tuple[str, ...]], tuple[float, dict[str, list[Any]]]]:
    """Each chart of LONG_CHARTS drawn from each corpus file of LONG_CASES: its width, and
    its layout as Chromium measures it (one browser run for all)."""
    from .runner import invoke

    drawn = {}
    for case in LONG_CASES:
        data = Path(__file__).parent / "hostile" / "accepted" / f"{case}.toml"
        for args in LONG_CHARTS:
            outcome = invoke(["--data", str(data), *args], env={})
            assert outcome.exit_code == 0, outcome.stderr
            drawn[(case, args)] = outcome.stdout
    layouts = measured(list(drawn.values()), tmp_path_factory.mktemp("measure"))
    return {
        key: (float(ET.fromstring(svg.encode("utf-8")).get("width", "")), layout)
        for (key, svg), layout in zip(drawn.items(), layouts, strict=True)
    }


@pytest.mark.xdist_group("long-labels")  # one worker makes the fixture once
@pytest.mark.parametrize("case", LONG_CASES)
@pytest.mark.parametrize("args", LONG_CHARTS, ids=" ".join)
def test_long_labels_keep_to_their_room(
    long_label_layouts: dict[tuple[str, tuple[str, ...]], tuple[float, dict[str, list[Any]]]],
    case: str, args: tuple[str, ...],
) -> None:  # fmt: skip
    """Labels of 600 to 5,000 wide letters, as the browser draws them (it put a timeline's
    labels over its bars): each text stays inside the picture, and a row's label ends left
    of every bar and mark."""
    width, found = long_label_layouts[(case, args)]
    assert found["marks"] and found["texts"]
    for cls, _, left, right in found["texts"]:
        assert left >= -0.5 and right <= width + 0.5, (cls, left, right, width)
    first_mark = min(found["marks"])
    labels = [text for text in found["texts"] if text[0] == "label" and text[1] in
              ("events", "bars")]  # fmt: skip
    assert labels
    for _, _, left, right in labels:
        assert right <= first_mark, (left, right, first_mark)
