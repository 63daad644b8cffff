"""Writing or checking a generated file: the one way the generator scripts do it."""

from __future__ import annotations

from pathlib import Path


def write_or_check(target: Path, text: str, argv: list[str], command: str) -> int:
    """With --check in `argv`, 1 (and a note) when `target` differs from `text`; else write."""
    if "--check" in argv:
        stale = not target.exists() or target.read_text(encoding="utf-8") != text
        if stale:
            print(f"{target.name} is stale: run {command}")
        return 1 if stale else 0
    target.write_text(text, encoding="utf-8")
    return 0
