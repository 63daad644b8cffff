"""PNG: every picture of the registry (tests/writers/test_files.py PICTURES, and the per-year
chart) drawn by resvg with the bundled font only, read back by Pillow: its size, not blank,
the title's text drawn where the SVG puts it; and that system fonts are hidden from it. Each
picture is drawn once for the module."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from PIL import Image, ImageFont

from ilrs_cli.draw import png, svg

from .conftest import FROZEN, PINNED_ENV, Runner
from .runner import OnceBuiltRunner
from .writers.test_files import PICTURES

# one worker makes the module fixture once (--dist loadgroup)
pytestmark = pytest.mark.xdist_group("test_png")

NS = {"svg": svg.SVG_NS}
SIGNATURE = b"\x89PNG\r\n\x1a\n"
DRAWN = [
    *([a for a in case.values[0] if a not in ("--format", "svg")] for case in PICTURES
      if case.values[0][:1] != ["export"] and case.values[0][-1] != "geojson"),
    ["chart", "growth", "--per-year"],
]  # fmt: skip
ENV = {**PINNED_ENV, "ILRS_DATA": str(FROZEN)}


def _name(args: list[str]) -> str:
    return "-".join(arg.strip("-") for arg in args)


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, bytes]]:
    """Each picture's SVG and its PNG: written by `-o NAME.png`, the map's by `--format png`
    to a file without the suffix."""
    folder = tmp_path_factory.mktemp("png")
    pictures = {}
    for args in DRAWN:
        text = OnceBuiltRunner(env=ENV).run([*args, "--format", "svg"], env=ENV)
        assert text.exit_code == 0, text.stderr
        if args[0] == "map":
            target, png_args = folder / _name(args), [*args, "--format", "png"]
        else:
            target, png_args = folder / f"{_name(args)}.png", args
        result = OnceBuiltRunner(env=ENV).run([*png_args, "-o", str(target)], env=ENV)
        assert result.exit_code == 0, result.stderr
        pictures[_name(args)] = (text.stdout, target.read_bytes())
    return pictures


def _dark(image: Image.Image, box: tuple[float, float, float, float]) -> int:
    """The dark pixels (text is #222) in `box`, given in the SVG's px."""
    scaled = tuple(round(v * png.ZOOM) for v in box)
    return sum(image.convert("L").crop(scaled).histogram()[:128])


def _title_box(svg_text: str) -> tuple[float, float, float, float]:
    """Where the title's letters are: from its x and baseline, as wide as text_width measures
    it, 20 px high (cap height above the baseline, descenders below)."""
    root = ET.fromstring(svg_text.encode("utf-8"))
    title = root.find("svg:text[@class='title']", NS)
    assert title is not None and title.text
    x, baseline = float(title.get("x", "")), float(title.get("y", ""))
    return x, baseline - 16, x + svg.text_width(title.text, 20), baseline + 4


@pytest.mark.parametrize("args", DRAWN, ids=" ".join)
def test_every_picture_as_png(drawn: dict[str, tuple[str, bytes]], args: list[str]) -> None:
    svg_text, data = drawn[_name(args)]
    assert data.startswith(SIGNATURE)
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    root = ET.fromstring(svg_text.encode("utf-8"))
    size = (int(root.get("width", "")), int(root.get("height", "")))
    assert image.size == (size[0] * png.ZOOM, size[1] * png.ZOOM)
    grey = image.convert("L")
    assert sum(grey.histogram()[:250]) > 0.01 * image.width * image.height
    box = _title_box(svg_text)
    letters = _dark(image, box)
    area = (box[2] - box[0]) * (box[3] - box[1]) * png.ZOOM**2
    assert letters > 0.1 * area, (letters, area)
    assert _dark(image, (box[0], box[3] + 2, size[0] - svg.MARGIN, box[3] + 6)) == 0


def test_the_pictures_name_the_bundled_font_first() -> None:
    """The SVG's font-family starts with the family of the font bundled for PNG, so that a
    PNG draws with it, and a browser with it where it is installed."""
    family = ImageFont.truetype(str(png.FONT_DIR / png.FONT_FILES[0]), 12).getname()[0]
    assert svg.FONTS.startswith(f"'{family}',")
    assert f"font-family: {svg.FONTS};" in svg.STYLE
    assert {path.name for path in png.FONT_DIR.glob("*.ttf")} == set(png.FONT_FILES)
    assert (png.FONT_DIR / "LICENSE-DejaVu.txt").read_text(encoding="utf-8").count("Vera") > 3


LIBERATION = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")


def test_system_fonts_are_hidden(drawn: dict[str, tuple[str, bytes]]) -> None:
    """A font installed on this machine but not bundled draws nothing in a PNG, which resvg
    would draw with the system's fonts: the text of every PNG is the bundled font's."""
    import resvg_py

    if not LIBERATION.exists():
        pytest.skip("Liberation Sans is not installed (.ci/run installs fonts-liberation)")
    svg_text, _ = drawn["chart-growth"]
    other = svg_text.replace(svg.FONTS, "'Liberation Sans'")
    box = _title_box(svg_text)
    with_system = resvg_py.svg_to_bytes(svg_string=other, zoom=png.ZOOM)
    assert _dark(Image.open(io.BytesIO(with_system)), box) > 0
    assert _dark(Image.open(io.BytesIO(png.png_bytes(other))), box) == 0


def test_without_resvg_one_line_says_how_to_get_it(
    ilrs: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "resvg_py", None)  # import resvg_py raises ImportError
    outcome = ilrs("chart", "growth", "-o", str(tmp_path / "growth.png"))
    assert outcome.exit_code == 1
    assert outcome.stderr == (
        "ilrs: error: PNG output needs resvg-py, which is not installed: "
        "pip install 'ilrs-cli[png]'\n"
    )
    assert outcome.stdout == "" and not (tmp_path / "growth.png").exists()
    assert ilrs("chart", "growth", "-o", str(tmp_path / "growth.svg")).exit_code == 0


def test_png_is_not_written_to_a_terminal() -> None:
    refused = OnceBuiltRunner(env=ENV).run(["map", "--format", "png"], env=ENV, tty=True)
    assert refused.exit_code == 2
    assert "-o FILE.png" in refused.stderr and refused.stdout_bytes == b""
    piped = OnceBuiltRunner(env=ENV).run(["chart", "timeline", "--format", "png"], env=ENV)
    assert piped.exit_code == 0 and piped.stdout_bytes.startswith(SIGNATURE)
