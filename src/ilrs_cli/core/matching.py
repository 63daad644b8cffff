"""Matching what people type: folding for comparison, and did-you-mean suggestions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_NOT_ASCII_ALNUM = re.compile(r"[^0-9a-z]+")
# General Punctuation (U+2000-U+206F): spaces, dashes, quotes, dots; none is a letter or a
# digit, or becomes one when decomposed
_PUNCTUATION = dict.fromkeys(range(0x2000, 0x2070), " ")


def fold(text: str) -> str:
    """Lower-case, accents and punctuation removed, spaces collapsed: 'Türkiye' -> 'turkiye'."""
    if not text.isascii():  # quotes and dashes are spaces by any route: most text is then ASCII
        spaced = text.translate(_PUNCTUATION)
        text = spaced if spaced.isascii() else text
    if text.isascii():  # the same steps, where each is simpler
        return " ".join(_NOT_ASCII_ALNUM.sub(" ", text.lower()).split())
    # Arguments decoded in a C locale carry undecodable bytes as surrogates: decode them.
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    decomposed = unicodedata.normalize("NFKD", text)
    letters = _maybe_combining().sub(_unless_combining, decomposed)
    # `\w` in a str pattern is exactly str.isalnum() and the underscore
    return " ".join(_NOT_ALNUM.sub(" ", letters.casefold()).split())


_COMPILED: list[re.Pattern[str]] = []


def _maybe_combining() -> re.Pattern[str]:
    """Where combining marks can be: not in ASCII, Latin, Greek, most of Cyrillic, Armenian or
    CJK ideographs (the test of every character keeps this true). Compiled on first use: its
    ranges cost 2 ms, more than most answers spend folding."""
    if not _COMPILED:
        _COMPILED.append(re.compile(r"[^\x00-\u02ff\u0370-\u0482\u048a-\u0590\u4e00-\u9fff]"))
    return _COMPILED[0]


_NOT_ALNUM = re.compile(r"[\W_]+")


def _unless_combining(match: re.Match[str]) -> str:
    char = match.group()
    return "" if unicodedata.combining(char) else char


def suggest(word: str, known: Iterable[str], prefix: str = "") -> str:
    """' (did you mean 'x'?)' for the closest of `known`, or ''."""
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return f" ({prefix}did you mean {close[0]!r}?)" if close else ""
