"""The one escaping function for strings that reach a terminal, and the rules for every CSV
cell, JSON string and word that must not pass for another."""

from __future__ import annotations

import re
import unicodedata

# What a string from a dataset or a file name must never do on a terminal: move the cursor,
# ring the bell, set the title or clipboard (C0, DEL, C1), reorder text (bidi embeddings,
# overrides, isolates, marks), hide text (zero-width characters, tag characters), or start a
# new line (newline, CR, U+2028/2029). Each is shown as a visible escape instead. None of
# them is printable (str.isprintable), so printable text is safe as it is (a test checks
# each one); the patterns are compiled (and cached by `re`) only for other text.
# Nor may it carry what no XML document or UTF-8 file can hold: a lone surrogate (a file name's
# undecodable byte) or a noncharacter (U+FDD0-U+FDEF, and the last two code points of every
# plane), which break every SVG, page and export that would hold them.
_NONCHARACTERS = "\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
)
_UNSAFE = (
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f" + _NONCHARACTERS + "]"
)
_UNSAFE_BUT_NEWLINE = _UNSAFE.replace("\x00-\x1f", "\x00-\x09\x0b-\x1f")
_UNSAFE_BUT_TAB_AND_NEWLINE = _UNSAFE.replace("\x00-\x1f", "\x00-\x08\x0b-\x1f")


def _escaped(match: re.Match[str]) -> str:
    return repr(match[0])[1:-1]


def escape(text: str, keep_newlines: bool = False) -> str:
    """`text` safe for a terminal: every control, bidi, invisible and line-breaking character
    as a visible escape ('a\\x1bb' shows as 'a\\\\x1bb'). `keep_newlines` keeps '\\n' for text
    that the program itself laid out in lines; data strings are escaped whole."""
    if text.isprintable():
        return text
    return _escape_with(_UNSAFE_BUT_NEWLINE if keep_newlines else _UNSAFE, text)


# What makes a spreadsheet read a cell as a formula (=HYPERLINK(...), @SUM(...), +1, -1).
FORMULA_STARTS = ("=", "+", "-", "@", "\t")


def cell_text(text: str) -> str:
    """The text of a cell, for every CSV and workbook ilrs writes: as `escape`, but tab and
    newline are kept, which CSV carries (the writer quotes a newline) and a workbook's XML
    holds; nothing else, CR included, can start a row or reach a terminal raw, and no
    character is left that XML cannot hold."""
    return _escape_with(_UNSAFE_BUT_TAB_AND_NEWLINE, text)


def csv_cell(text: str) -> str:
    """The text of a CSV cell, for every CSV ilrs writes (`--csv` and the data package):
    `cell_text`, and a cell that starts like a formula (`FORMULA_STARTS`) gets a leading
    apostrophe, which spreadsheets take to mean text: '=HYPERLINK(...) is shown, never run
    (docs/json.md). A workbook's text cell is text by its type, and needs none."""
    text = cell_text(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _escape_with(pattern: str, text: str) -> str:
    try:  # an undecodable byte of a file name (surrogateescape) shows as U+FFFD
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate no byte stands for: the pattern escapes it
        pass
    return re.sub(pattern, _escaped, text)


def is_plain(text: str) -> bool:
    """Whether `escape` would leave `text` as it is: nothing in it acts on a terminal."""
    return text.isprintable() or re.search(_UNSAFE, text) is None


def unsafe_characters(text: str) -> list[str]:
    """Each character of `text` that `escape` changes, in order."""
    return re.findall(_UNSAFE, text)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_safe(text: str) -> str:
    """JSON text from `json.dumps(..., ensure_ascii=False)` with every unsafe character (see
    `escape`) written as a \\u escape: the same JSON values, nothing a terminal acts on."""
    if text.replace("\n", "").isprintable():  # as in `escape`: nothing to escape
        return text
    return re.sub(_UNSAFE_BUT_NEWLINE, _json_escape, text)


# Scripts whose letters look like Latin ones (Cyrillic Т, Greek Τ, Latin T): a word that
# mixes them can pass for another word ("Тurkey" for "Turkey").
_LOOKALIKE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def mixed_script(text: str) -> tuple[str, str, str] | None:
    """The first word of `text` whose letters come from more than one of Latin, Cyrillic and
    Greek: (the two scripts, the first letter of the second one) such as ('Cyrillic',
    'Latin', 'Т'); None when every word keeps to one."""
    for word in text.split():
        seen: dict[str, str] = {}  # each script, with its first letter in the word, in order
        for char in word:
            script = unicodedata.name(char, "").split(" ")[0] if char.isalpha() else ""
            if script in _LOOKALIKE_SCRIPTS:
                seen.setdefault(script, char)
        if len(seen) > 1:
            # the odd letter: the first one not Latin, else the first of the second script
            others = [char for script, char in seen.items() if script != "LATIN"]
            odd = others[0] if "LATIN" in seen else list(seen.values())[1]
            first, second = sorted(seen)[:2]
            return first.capitalize(), second.capitalize(), odd
    return None
