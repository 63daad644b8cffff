"""A picture as PNG: its SVG drawn by resvg (the optional extra: `pip install
"ilrs-cli[png]"`) with the fonts bundled in draw/fonts/ and no other, so that its text is
drawn the same on a machine with no fonts at all. resvg is imported here only."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import MissingExtra

FONT_DIR = Path(__file__).with_name("fonts")
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")  # scripts/make_font.py
ZOOM = 2.0  # pixels per SVG px: sharp on a high-density screen and in print


def png_bytes(svg: str, zoom: float = ZOOM) -> bytes:
    """The PNG of an SVG picture, `zoom` times its size in px."""
    try:
        import resvg_py
    except ImportError:
        raise MissingExtra("PNG output", "resvg-py", "png") from None
    return resvg_py.svg_to_bytes(
        svg_string=svg, zoom=zoom, skip_system_fonts=True,
        font_files=[str(FONT_DIR / name) for name in FONT_FILES],
        font_family="DejaVu Sans", sans_serif_family="DejaVu Sans",
    )  # fmt: skip
