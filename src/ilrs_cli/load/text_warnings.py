"""`check`'s warnings about text: a string of the dataset file (a value, or a key such as a
place's name) that holds a character ilrs never shows as it is (a control, bidi or invisible
character, a line break, a noncharacter), named by its table, record, field and line. Such a
file loads, and every output shows the character as an escape; the warning says so."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..core.errors import Problem
from ..core.safe_text import is_plain, unsafe_characters
from .field_reading import header_lines

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

SHOWN = 3  # characters named in one warning; the rest are counted

_CATEGORIES = {
    "Cc": "a control character",
    "Cf": "an invisible or bidi character",
    "Zl": "a line separator",
    "Zp": "a paragraph separator",
    "Cs": "a lone surrogate",
}


def text_warnings(document: dict[str, Any], text: str) -> list[Problem]:
    """One warning per string whose text holds a character that `escape` changes."""
    headers, keys = header_lines(text)
    warnings = []
    for table, index, key, field, value in _strings(document):
        if is_plain(value):
            continue
        record_id = None
        # the line of the key, else of its table's header (a key written with escapes)
        block = index or 0
        blocks, starts = keys.get(table, []), headers.get(table, [])
        line = blocks[block].get(key) if block < len(blocks) else None
        if line is None and block < len(starts):
            line = starts[block]
        if index is None:
            where = f"[{table}]" + (f" (line {line})" if line else "")
        else:
            record = document[table][index]
            record_id = record["id"] if isinstance(record.get("id"), str) else None
            details = [f"id {record_id[:80]!r}"] if record_id is not None else []
            details += [f"line {line}"] if line else []
            where = f"[[{table}]] #{index + 1}" + (f" ({', '.join(details)})" if details else "")
        message = f"{field} holds {_described(value)}; ilrs shows each as an escape"
        warnings.append(Problem(message, where, table, record_id, line or None))
    return warnings


def _strings(document: dict[str, Any]) -> Iterator[tuple[str, int | None, str, str, str]]:
    """(table, record index or None in a single table, key, the field as shown, text) for
    every string of the document: values, keys, and strings in lists and inline tables."""
    for table, content in document.items():
        records = [(None, content)] if isinstance(content, dict) else enumerate(content)
        for index, record in records if isinstance(content, dict | list) else ():
            if not isinstance(record, dict):
                continue
            for key, value in record.items():
                field = repr(key[:60])
                yield table, index, key, f"the key {field}", key
                for inner, text in _inside(value):
                    yield table, index, key, field + inner, text


def _inside(value: Any) -> Iterator[tuple[str, str]]:
    """(where inside, text) for each string in a value: '' for the value itself."""
    if isinstance(value, str):
        yield "", value
    elif isinstance(value, list):
        for number, item in enumerate(value, start=1):
            yield from ((f" #{number}{inner}", text) for inner, text in _inside(item))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from ((f" {key[:60]!r}{inner}", text) for inner, text in _inside(item))


def _described(value: str) -> str:
    found = list(dict.fromkeys(unsafe_characters(value)))
    named = [f"U+{ord(char):04X} ({_kind_of(char)})" for char in found[:SHOWN]]
    more = len(found) - SHOWN
    return ", ".join(named) + (f" and {more} more" if more > 0 else "")


def _kind_of(char: str) -> str:
    return _CATEGORIES.get(unicodedata.category(char), "a noncharacter")
