"""Text as Rich measures, wraps, crops and pads it (rich/cells.py, rich/_wrap.py,
rich/text.py, rich/containers.py of Rich 15, ported; MIT licence, Will McGugan), for the
characters whose width Rich and terminals agree on; any other raises `Uncertain`."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise


class Uncertain(Exception):
    """Text or a layout the plain renderer does not draw as Rich would: Rich draws it."""


# One cell wide, never joining or vanishing: printable ASCII, Latin-1 and Latin Extended-A,
# Greek and Cyrillic letters, dashes, quotes and the ellipsis (and the newline, which
# divides lines). Only the space is whitespace among them.
NARROW = (
    (0x20, 0x7E), (0xA1, 0xAC), (0xAE, 0x17F), (0x391, 0x3A1), (0x3A3, 0x3C9), (0x400, 0x45F),
    (0x2013, 0x2014), (0x2018, 0x2019), (0x201C, 0x201D), (0x2026, 0x2026), (0x0A, 0x0A),
)  # fmt: skip
# Two cells wide (East Asian Wide), never joining or vanishing: CJK punctuation without the
# ideographic space and the tone marks, kana, ideographs, Hangul syllables, fullwidth forms.
WIDE = (
    (0x3001, 0x3029), (0x3030, 0x303E), (0x3041, 0x3096), (0x30A1, 0x30FA), (0x4E00, 0x9FFF),
    (0xAC00, 0xD7A3), (0xFF01, 0xFF60),
)  # fmt: skip


_RANGES = sorted(NARROW + WIDE)
_FIRSTS = [first for first, _ in _RANGES]
_WIDE_FROM = "\u3001"  # certain text is wide exactly from here on (an assertion in the tests)


def _known(char: str) -> bool:
    index = bisect_right(_FIRSTS, ord(char)) - 1
    return index >= 0 and ord(char) <= _RANGES[index][1]


def certain(text: str) -> str:
    if text.isascii():
        if text.isprintable() or text.replace("\n", "").isprintable():
            return text
    elif all(map(_known, set(text))):
        return text
    raise Uncertain(text)


def _size(char: str) -> int:
    return 2 if char >= _WIDE_FROM else 1


def cells(text: str) -> int:
    """rich.cells.cell_len."""
    return len(text) if text.isascii() else len(text) + sum(map(_WIDE_FROM.__le__, text))


def crop(text: str, width: int) -> str:
    """rich.cells.set_cell_size for text wider than `width`: a wide character cut in two
    becomes a space."""
    if text.isascii():
        return text[:width]
    if cells(text) <= width:
        return text
    size = 0
    for index, char in enumerate(text):
        char_size = _size(char)
        size += char_size
        if size > width:
            return text[:index] + " " * (width - size + char_size)
    return text


def pad(text: str, width: int) -> str:
    return text + " " * (width - cells(text))


def _chop(word: str, width: int) -> list[str]:
    """rich.cells.chop_cells."""
    if width < 2 and max(word) >= _WIDE_FROM:
        raise Uncertain("a wide character in a column one cell wide")
    pieces: list[str] = []
    start = size = 0
    for index, char in enumerate(word):
        char_size = _size(char)
        if size + char_size > width:
            pieces.append(word[start:index])
            start, size = index, 0
        size += char_size
    return [*pieces, word[start:]] if size else pieces


_WORD = re.compile(r"\s*\S+\s*")


def _breaks(line: str, width: int, fold: bool) -> list[int]:
    """rich._wrap.divide_line: where a line is broken to fit `width`."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match[0]
        length = cells(word.rstrip())
        if width - offset >= length:
            offset += cells(word)
        elif length > width:
            if fold:
                pieces = _chop(word, width)
                for number, piece in enumerate(pieces, start=1):
                    if start:
                        breaks.append(start)
                    if number == len(pieces):
                        offset = cells(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    breaks.append(start)
                offset = cells(word)
        elif offset and start:
            breaks.append(start)
            offset = cells(word)
    return breaks


def truncate(line: str, width: int, overflow: str) -> str:
    """Text.truncate."""
    if cells(line) <= width:
        return line
    return crop(line, width - 1) + "…" if overflow == "ellipsis" else crop(line, width)


def _rstrip_end(line: str, width: int) -> str:
    """Text.rstrip_end, which counts characters, not cells."""
    excess = len(line) - width
    spaces = len(line) - len(line.rstrip())
    return line[: len(line) - min(spaces, excess)] if excess > 0 and spaces else line


def wrap(text: str, width: int, overflow: str = "fold", no_wrap: bool = False) -> list[str]:
    """Text.wrap with the default justification: the lines of `text` at `width`."""
    lines: list[str] = []
    for line in text.split("\n"):
        if no_wrap or cells(line) <= width:  # a line that fits is neither broken nor cut
            pieces = [line]
        else:
            offsets = [0, *_breaks(line, width, overflow == "fold"), len(line)]
            pieces = [_rstrip_end(line[a:b], width) for a, b in pairwise(offsets)]
        lines.extend(truncate(piece, width, overflow) for piece in pieces)
    return lines


def centred(line: str, width: int) -> str:
    """Lines.justify(justify="center") of a wrapped line."""
    line = truncate(line.rstrip(), width, "fold")
    return pad(" " * ((width - cells(line)) // 2) + line, width)
