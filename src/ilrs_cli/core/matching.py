"""Matching what people type: folding for comparison, and did-you-mean suggestions."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# ASCII as bytes: A-Z to a-z, digits and a-z kept, everything else a space
_ASCII_FOLDED = bytes(
    c | 0x20 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256)
)


class _Folded(dict[int, "str | None"]):
    """A str.translate table of what fold does to each character of NFKD's text: a combining
    mark dropped, any other character case-folded and each character of that which is not
    alphanumeric made a space; each learnt the first time it is met (a text has few distinct
    ones). Case folding and these tests read one character at a time, so the table gives
    the same text as the steps one after another."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        if unicodedata.combining(char):
            folded = None
        else:
            folded = "".join(c if c.isalnum() else " " for c in char.casefold())
        self[code] = folded
        return folded


_FOLDED = _Folded()


def fold(text: str) -> str:
    """Lower-case, accents and punctuation removed, spaces collapsed: 'Türkiye' -> 'turkiye'."""
    if text.isascii():  # the same steps, where each is simpler: most text is ASCII
        return " ".join(text.encode().translate(_ASCII_FOLDED).decode().split())
    # Arguments decoded in a C locale carry undecodable bytes as surrogates: decode them.
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return " ".join(unicodedata.normalize("NFKD", text).translate(_FOLDED).split())


# Scripts written without spaces between words, as fold leaves them (NFKD): Thai and Lao,
# Myanmar, Khmer, Hiragana and Katakana, Han (the extensions and compatibility ideographs too)
_SPACELESS = (
    (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x3040, 0x30FF), (0x31F0, 0x31FF),
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF),
)  # fmt: skip


def spaceless(word: str) -> bool:
    """Whether a word has a letter of a script written without spaces ('月球车'), in which
    a word can begin at any letter."""
    return not word.isascii() and any(
        low <= ord(char) <= high for char in word for low, high in _SPACELESS
    )


def suggest(word: str, known: Iterable[str], prefix: str = "") -> str:
    """' (did you mean 'x'?)' for the closest of `known`, or ''."""
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return f" ({prefix}did you mean {close[0]!r}?)" if close else ""
