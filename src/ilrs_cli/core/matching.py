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


def suggest(word: str, known: Iterable[str], prefix: str = "") -> str:
    """' (did you mean 'x'?)' for the closest of `known`, or ''."""
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return f" ({prefix}did you mean {close[0]!r}?)" if close else ""
