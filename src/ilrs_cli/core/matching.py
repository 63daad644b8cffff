"""Matching what people type: folding for comparison, and did-you-mean suggestions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# ASCII as bytes: A-Z to a-z, digits and a-z kept, everything else a space
_ASCII_FOLDED = bytes(
    c | 0x20 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256)
)
_NOT_ALNUM = re.compile(r"[\W_]+")  # in a str pattern `\w` is exactly isalnum() and `_`


class _WithoutMarks(dict[int, "str | None"]):
    """A str.translate table that drops combining marks and keeps every other character,
    learning each character the first time it meets it (a text has few distinct ones)."""

    def __missing__(self, code: int) -> str | None:
        kept = None if unicodedata.combining(chr(code)) else chr(code)
        self[code] = kept
        return kept


_MARKS = _WithoutMarks()


def fold(text: str) -> str:
    """Lower-case, accents and punctuation removed, spaces collapsed: 'Türkiye' -> 'turkiye'."""
    if text.isascii():  # the same steps, where each is simpler: most text is ASCII
        return " ".join(text.encode().translate(_ASCII_FOLDED).decode().split())
    # Arguments decoded in a C locale carry undecodable bytes as surrogates: decode them.
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    letters = unicodedata.normalize("NFKD", text).translate(_MARKS)
    return " ".join(_NOT_ALNUM.sub(" ", letters.casefold()).split())


def suggest(word: str, known: Iterable[str], prefix: str = "") -> str:
    """' (did you mean 'x'?)' for the closest of `known`, or ''."""
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return f" ({prefix}did you mean {close[0]!r}?)" if close else ""
