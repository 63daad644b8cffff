"""The frame every picture shares: an SVG document with a title, the as-of line, a source line
and one style sheet, built with ElementTree, which escapes and serialises.

Every dataset string goes through `core.safe_text.escape` before it is drawn, so a control or
bidi character shows as a visible escape, in the picture as in the terminal.
"""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path
from xml.etree import ElementTree as ET

from .. import __version__
from ..core.records import Dataset
from ..core.safe_text import escape

SVG_NS = "http://www.w3.org/2000/svg"
# DejaVu Sans first: the font bundled for PNG (draw/fonts/, draw/png.py), and the widest here
FONTS = "'DejaVu Sans', 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', sans-serif"
STYLE = f"""
text {{ font-family: {FONTS}; fill: #222; }}
.title {{ font-size: 20px; font-weight: bold; }}
.subtitle {{ font-size: 13px; fill: #555; }}
.source {{ font-size: 11px; fill: #666; }}
.label {{ font-size: 12px; }}
.small {{ font-size: 10.5px; fill: #444; }}
.value {{ font-size: 11px; fill: #222; font-weight: bold; }}
.axis {{ stroke: #999; stroke-width: 1; }}
.grid {{ stroke: #e3e3e3; stroke-width: 1; }}
.place-name {{ paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }}
"""
MARGIN = 24
HEADER = 72  # title and subtitle
LINE = 15  # one line of the footer

ET.register_namespace("", SVG_NS)


def number(value: float) -> str:
    """A coordinate, to 0.01 px, without a trailing '.0'."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def clean(text: str) -> str:
    """A dataset string as it may be drawn: see the module's docstring."""
    return escape(text)


# The advance width of each printable ASCII character, in ems: the wider of DejaVu Sans (the
# widest font of FONTS, the one bundled for PNG and the one a Debian browser falls back to)
# and Liberation Sans, rounded up. Any other character: a full em for an East Asian wide one,
# 1.1 for the rest (Latin letters with marks, Æ and Œ among them, are at most that wide), but
# the few of the bundled font that are wider.
_ASCII = (
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ "
)
_ASCII_EMS = (
    0.64,
    0.64,
    0.64,
    0.64,
    0.64,
    0.64,
    0.64,
    0.64,
    0.64,
    0.64,
    0.62,
    0.64,
    0.55,
    0.64,
    0.62,
    0.36,
    0.64,
    0.64,
    0.28,
    0.28,
    0.58,
    0.28,
    0.98,
    0.64,
    0.62,
    0.64,
    0.64,
    0.42,
    0.53,
    0.4,
    0.64,
    0.6,
    0.82,
    0.6,
    0.6,
    0.53,
    0.69,
    0.69,
    0.73,
    0.78,
    0.67,
    0.62,
    0.78,
    0.76,
    0.3,
    0.5,
    0.67,
    0.56,
    0.87,
    0.75,
    0.79,
    0.67,
    0.79,
    0.73,
    0.67,
    0.62,
    0.74,
    0.69,
    0.99,
    0.69,
    0.67,
    0.69,
    0.41,
    0.46,
    0.84,
    0.64,
    0.96,
    0.78,
    0.28,
    0.4,
    0.4,
    0.5,
    0.84,
    0.32,
    0.37,
    0.32,
    0.34,
    0.34,
    0.34,
    0.84,
    0.84,
    0.84,
    0.56,
    1.02,
    0.4,
    0.34,
    0.4,
    0.84,
    0.56,
    0.5,
    0.64,
    0.34,
    0.64,
    0.84,
    0.32,
)
EMS = dict(zip(_ASCII, _ASCII_EMS, strict=True))
# The characters of the bundled DejaVu Sans (draw/fonts/) wider than 1.1 em, rounded up.
EMS.update({
    "\u01c4": 1.43, "\u01c5": 1.3, "\u01c6": 1.16, "\u01f1": 1.43, "\u01f2": 1.3,
    "\u01f3": 1.16, "\u01f6": 1.12, "\u0468": 1.16, "\u047c": 1.19, "\u050a": 1.12,
    "\u0514": 1.17, "\u2030": 1.35, "\u2031": 1.74, "\u20a7": 1.28, "\u20af": 1.28,
    "\u2103": 1.13, "\u213b": 1.2, "\u22d8": 1.43, "\u22d9": 1.43, "\u25ef": 1.12,
})  # fmt: skip


def _ems(char: str) -> float:
    found = EMS.get(char)
    if found is not None:
        return found
    return 1.0 if unicodedata.east_asian_width(char) in "WF" else 1.1


def text_width(text: str, size: float) -> float:
    """How wide `text` is at most at font size `size` in the fonts of FONTS (generous: text
    must not overflow)."""
    return size * sum(_ems(char) for char in text)


def shorten(text: str, width: float, size: float) -> str:
    """`text`, cut with an ellipsis to fit `width` at font size `size`: the longest start of
    it that fits beside the ellipsis, found in one pass."""
    if text_width(text, size) <= width:
        return text
    room, used = width - text_width("…", size), 0.0
    for index, char in enumerate(text):
        used += text_width(char, size)
        if used > room:
            return text[:index].rstrip() + "…"
    return text.rstrip() + "…"


def wrap(text: str, width: float, size: float) -> list[str]:
    """`text` in lines that fit `width` at font size `size`, broken between words; each word
    measured once."""
    lines: list[list[str]] = []
    used, space = 0.0, text_width(" ", size)
    for word in text.split():
        word_width = text_width(word, size)
        if lines and used + space + word_width <= width:
            lines[-1].append(word)
            used += space + word_width
        else:
            lines.append([word])
            used = word_width
    return [" ".join(line) for line in lines]


def wrap_whole(text: str, width: float, size: float) -> list[str]:
    """`text` whole in lines that fit `width`: wrapped between words, and a word wider than
    `width` broken between its characters; each character measured at most twice."""
    lines: list[str] = []
    for line in wrap(text, width, size):
        used, start = 0.0, 0
        for index, char in enumerate(line):
            used += text_width(char, size)
            if used > width and index > start:
                lines.append(line[start:index])
                start, used = index, text_width(char, size)
        lines.append(line[start:])
    return lines


def nice_ticks(top: float, count: int = 5) -> list[int]:
    """Whole-number ticks from 0 to at least `top`, about `count` of them, steps 1, 2 or 5
    times a power of ten."""
    if top <= 0:
        return [0, 1]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(s * power for s in (1, 2, 5, 10) if s * power >= raw)
    step = max(int(step), 1)
    last = math.ceil(top / step) * step
    return list(range(0, int(last) + 1, step))


def source_line(dataset: Dataset) -> str:
    info = dataset.info
    name = "the bundled chang8.toml" if dataset.bundled else Path(dataset.path).name
    return (
        f"Source: {info.title}, dataset {info.version} ({name}), compiled from "
        f"{len(dataset.sources)} cited sources (ilrs sources; ilrs cite --all). Drawn by ilrs "
        f"{__version__}."
    )


def as_of_line(dataset: Dataset, scope: str = "") -> str:
    return f"Data as of {dataset.info.as_of.isoformat()}{scope}"


class Picture:
    """An SVG picture `width` by `height` px: the title at the top, then a subtitle (the as-of
    line), the body between `top` and `bottom`, and the footer lines at the bottom."""

    def __init__(
        self, width: int, body_height: int, title: str, subtitle: str, footer: list[str],
        name: str,
    ) -> None:  # fmt: skip
        self.width = width
        self.top = HEADER
        self.bottom = HEADER + body_height
        footer = [part for line in footer for part in wrap(line, width - 2 * MARGIN, 11)]
        height = self.bottom + 10 + LINE * len(footer) + MARGIN // 2
        self.root = ET.Element(
            f"{{{SVG_NS}}}svg",
            {
                "width": str(width), "height": str(height),
                "viewBox": f"0 0 {width} {height}", "role": "img",
                "aria-labelledby": f"{name}-title", "class": f"ilrs-{name}",
            },
        )  # fmt: skip
        self.add("title", id=f"{name}-title").text = clean(title)
        self.add("style").text = STYLE
        self.defs = self.add("defs")
        self.add("rect", x=0, y=0, width=width, height=height, fill="#ffffff")
        self.text(MARGIN, 32, title, "title", id=f"{name}-heading")
        self.text(MARGIN, 54, subtitle, "subtitle", id=f"{name}-as-of")
        for index, line in enumerate(footer):
            self.text(MARGIN, self.bottom + 22 + LINE * index, line, "source",
                      id=f"{name}-source" if index == 0 else None)  # fmt: skip

    def add(self, tag: str, parent: ET.Element | None = None, **attributes: object) -> ET.Element:
        """A child element; `attributes` with '_' for '-' (text_anchor), None left out. Every
        value is `clean`, as every text is: a data-* attribute carries the dataset's text."""
        values = {
            key.rstrip("_").replace("_", "-"): number(v) if isinstance(v, float) else clean(str(v))
            for key, v in attributes.items()
            if v is not None
        }
        return ET.SubElement(self.root if parent is None else parent, f"{{{SVG_NS}}}{tag}", values)

    def text(
        self, x: float, y: float, content: str, cls: str | None = None,
        parent: ET.Element | None = None, **attributes: object,
    ) -> ET.Element:  # fmt: skip
        element = self.add("text", parent, x=float(x), y=float(y), class_=cls, **attributes)
        element.text = clean(content)
        return element

    def tooltip(self, element: ET.Element, content: str) -> None:
        """A <title> child: what a browser shows when the pointer rests on `element`."""
        self.add("title", element).text = clean(content)

    def svg(self) -> str:
        """The picture as a standalone SVG file."""
        ET.indent(self.root, space="")
        body = ET.tostring(self.root, encoding="unicode")
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"

    def inline(self) -> str:
        """The picture as an <svg> element to put in an HTML page."""
        ET.indent(self.root, space="")
        return ET.tostring(self.root, encoding="unicode").replace("ns0:", "")
