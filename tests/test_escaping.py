"""One escaping function on every path to the terminal: cite text, check's summary, source
legends, error messages; machine formats keep values exact without raw control characters."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import Runner
from .test_loader import VALID, write

HOSTILE = (
    "Evil\x1b]52;c;cGF5bG9hZA==\x07 \x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\ "
    "\u202eRTL\nforged\u200b"
)


def hostile_dataset(tmp_path: Path, name: str = "data.toml") -> Path:
    text = VALID.replace('title = "An article"', f"title = {json.dumps(HOSTILE)}").replace(
        'publisher = "A publisher"', f"publisher = {json.dumps(HOSTILE)}"
    )
    return write(tmp_path, text, name)


def assert_visible(text: str) -> None:
    for raw in ("\x1b", "\x07", "\u202e", "\u200b", "\x9b"):
        assert raw not in text, repr(raw)
    assert "\\x1b]52;c;" in text and "\\u202e" in text


def test_cite_text_and_tables_escape_data(ilrs: Runner, tmp_path: Path) -> None:
    path = hostile_dataset(tmp_path)
    cited = ilrs("--data", str(path), "cite", "rover").stdout
    assert_visible(cited)
    assert "\\nforged" in cited and len(cited.splitlines()) == 2  # no forged line
    table = ilrs("--data", str(path), "payloads", env={"COLUMNS": "300"}).stdout
    assert_visible(table)  # the sources legend under the table included
    assert not any(line.startswith("forged") for line in table.splitlines())


def test_machine_formats_keep_values_without_raw_controls(ilrs: Runner, tmp_path: Path) -> None:
    path = hostile_dataset(tmp_path)
    for fmt in ("json", "ndjson"):
        text = ilrs("--data", str(path), "sources", "--format", fmt).stdout
        assert "\x1b" not in text and "\u202e" not in text
        first = json.loads(text if fmt == "json" else text.splitlines()[0])
        row = first[0] if fmt == "json" else first
        assert row["title"] == HOSTILE
    csl = ilrs("--data", str(path), "cite", "rover", "--format", "csl-json").stdout
    assert json.loads(csl)[0]["title"] == HOSTILE and "\x1b" not in csl


def test_check_escapes_the_file_name(ilrs: Runner, tmp_path: Path) -> None:
    path = write(tmp_path, VALID, "data\x1b[2J.toml")
    outcome = ilrs("check", str(path))
    assert outcome.exit_code == 0
    assert "\x1b" not in outcome.stdout and "data\\x1b[2J.toml: ok" in outcome.stdout
    broken = write(tmp_path, "[dataset\n", "bad\x1b[2J.toml")
    failed = ilrs("check", str(broken))
    assert failed.exit_code == 1 and "\x1b" not in failed.stderr


def test_an_invisible_character_is_visible_in_suggestions(ilrs: Runner) -> None:
    outcome = ilrs("members", "--fields", "nam\u200be")
    assert outcome.exit_code == 2
    assert "\u200b" not in outcome.stderr and "\\u200b" in outcome.stderr


def test_printable_text_is_what_escape_leaves_as_it_is() -> None:
    """`escape` returns printable text at once: that is right only while no character it
    escapes is printable, on this Python's Unicode."""
    import re

    from ilrs_cli.core import safe_text

    every = "".join(map(chr, range(0x110000)))
    for pattern in (safe_text._UNSAFE, safe_text._UNSAFE_BUT_NEWLINE):
        unsafe = re.findall(pattern, every)
        assert len(unsafe) > 200 and not any(char.isprintable() for char in unsafe)
    printable = "".join(char for char in every[:0x3000] if char.isprintable())
    assert safe_text.escape(printable) == printable
    assert safe_text.escape("a\x1bb\u202ec\nd") == "a\\x1bb\\u202ec\\nd"
    assert safe_text.escape("a\x1bb\nc", keep_newlines=True) == "a\\x1bb\nc"
    assert safe_text.json_safe(printable + "\n") == printable + "\n"  # returned at once
    assert safe_text.json_safe('"a\x1b"\n"\u2028"') == '"a\\u001b"\n"\\u2028"'
