"""Shortening and wrapping a picture's labels: the same text as their definitions, in work that
grows linearly with the text (a 5,000-character title once took minutes to shorten)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilrs_cli.draw import svg

TEXT = st.text(alphabet="ab c月球 defg  hi\u3000", max_size=80)


def _shorten_by_definition(text: str, width: float, size: float) -> str:
    """The longest start of `text` that fits `width` beside an ellipsis, dropping a character
    at a time."""
    if svg.text_width(text, size) <= width:
        return text
    while text and svg.text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _wrap_by_definition(text: str, width: float, size: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and svg.text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


@settings(max_examples=300, deadline=None)
@given(TEXT, st.floats(0, 400), st.sampled_from([10.5, 11, 12, 13, 20]))
def test_the_same_text_as_the_definitions(text: str, width: float, size: float) -> None:
    assert svg.shorten(text, width, size) == _shorten_by_definition(text, width, size)
    assert svg.wrap(text, width, size) == _wrap_by_definition(text, width, size)


@pytest.mark.parametrize("length", [1_000, 100_000])
def test_work_grows_linearly_with_the_text(monkeypatch: pytest.MonkeyPatch, length: int) -> None:
    """The characters measured, over all calls of text_width, are a small multiple of the
    text's length, for a text far wider than its room."""
    measured = 0
    real = svg.text_width

    def counting(text: str, size: float) -> Any:
        nonlocal measured
        measured += len(text)
        return real(text, size)

    monkeypatch.setattr(svg, "text_width", counting)
    word = "x" * 7 + " "
    svg.shorten(word * (length // 8), 300, 12)
    svg.wrap(word * (length // 8), 300, 12)
    assert measured <= 4 * length + 10


BUNDLED = Path(svg.__file__).with_name("fonts") / "DejaVuSans.ttf"
FONTS = {
    "DejaVu Sans": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "Liberation Sans": Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
    "the bundled DejaVu Sans": BUNDLED,
}


@pytest.mark.parametrize("font", FONTS)
def test_every_estimate_is_at_least_the_fonts_width(font: str) -> None:
    """text_width is generous for every printable ASCII character, Latin letters with marks
    and CJK, in each font a browser here falls back to (Debian's fonts-dejavu-core and
    fonts-liberation; .ci/run installs them): a label shortened to its room never overflows
    (a chart's long labels were drawn over its bars)."""
    from PIL import ImageFont

    if not FONTS[font].exists():
        pytest.skip(f"{font} is not installed (.ci/run installs it)")
    face = ImageFont.truetype(str(FONTS[font]), 1000)
    chars = [chr(code) for code in (*range(0x20, 0x7F), *range(0xC0, 0x180))]
    too_narrow = [c for c in chars if svg.text_width(c, 1000) < face.getlength(c)]
    assert too_narrow == [], too_narrow
    assert svg.text_width("W" * 40, 12) >= face.getlength("W" * 40) * 12 / 1000


def test_every_character_of_the_bundled_font_is_measured_generously() -> None:
    """Each character the PNG's font has (draw/fonts/, the font every PNG draws with) is
    measured at least as wide as it draws: a label fitted to its room fits in the PNG."""
    from fontTools.ttLib import TTFont
    from PIL import ImageFont

    face = ImageFont.truetype(str(BUNDLED), 1000, layout_engine=ImageFont.Layout.BASIC)
    chars = [chr(code) for code in TTFont(BUNDLED).getBestCmap()]
    assert len(chars) > 1500  # Latin, Greek, Cyrillic, punctuation
    too_narrow = [c for c in chars if svg.text_width(c, 1000) < face.getlength(c)]
    assert too_narrow == [], too_narrow
