"""The fast completion path and Typer's agree after `-`: both offer `-h` beside `--help`, in
the order Click gives them, and an option whose value is being typed (`--sort -`) is still
offered, as Click offers it. (The full corpus comparison is in tests/test_fast_completion.py,
marked slow; these are the lines where the two once differed.)"""

from __future__ import annotations

import pytest

from .conftest import FROZEN
from .test_fast_completion import requests, run

LINES = [
    "ilrs -",
    "ilrs payloads -",
    "ilrs payloads --",
    "ilrs cite -",
    "ilrs payloads --sort -",
    "ilrs payloads --limit -",
    "ilrs payloads --format -",
    "ilrs payloads --fields -",
    "ilrs members --sort -da",
    "ilrs timeline --kind sig --kind -",
    "ilrs payloads -c Turkey -",
    "ilrs export sqlite -",
]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_fast_and_typer_agree_after_a_dash(shell: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ILRS_DATA", str(FROZEN))
    monkeypatch.setenv("COLUMNS", "200")
    answered = 0
    for line in LINES:
        for request in requests(line, shell):
            for key, value in request.items():
                monkeypatch.setenv(key, value)
            fast, slow = run(fast=True), run(fast=False)
            assert fast[:2] == slow[:2], (shell, line)
            answered += fast[2]
    if shell == "bash":  # no help texts: the fast path answered every line itself
        assert answered == len(LINES)
