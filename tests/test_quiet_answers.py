"""Quiet by default: `info` fits one screen, and `cite -` fed ids says nothing but where an
input was read as something else (a country's name, or an id in another case that names a
country's other records)."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import FROZEN, PINNED_ENV, Runner, ids

SCREEN = {"COLUMNS": "80", "LINES": "24"}


def test_info_fits_one_screen_and_says_how_to_list_the_sources(ilrs: Runner) -> None:
    shown = ilrs("info", env=SCREEN)
    assert shown.exit_code == 0 and shown.stderr == ""
    lines = shown.stdout.splitlines()
    assert len(lines) <= 24, shown.stdout
    assert max(len(line) for line in lines) <= 80
    counts = ilrs("info", "--json").json()["counts"]
    text = " ".join(shown.stdout.split())  # the caption wraps
    assert all(f"{kind}: {count}" in text for kind, count in counts.items())
    assert "Data as of 2026-04-13" in text
    assert f"`ilrs sources` or `ilrs info --sources` lists the {counts['sources']} sources" in text


def test_info_sources_lists_them_and_json_keeps_them(ilrs: Runner) -> None:
    listed = ids(ilrs("sources", "--json").json())
    full = ilrs("info", "--sources", env={"COLUMNS": "200"}).stdout
    assert f"Sources: {len(listed)} sources" in full
    assert all(source_id in full for source_id in listed)
    assert not any(source_id in ilrs("info", env={"COLUMNS": "200"}).stdout for source_id in listed)
    for args in (["info", "--json"], ["info", "--sources", "--json"]):  # both, as before
        # info keeps the file's order; `ilrs sources` lists them by date
        assert sorted(ids(ilrs(*args).json()["sources"])) == sorted(listed)


def _ilrs(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`ilrs ARGS...` as a shell runs it, on the fixture data, fed `stdin`."""
    env = {key: value for key, value in {**os.environ, **PINNED_ENV}.items() if value is not None}
    env["ILRS_DATA"] = str(FROZEN)
    return subprocess.run([sys.executable, "-m", "ilrs_cli", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=60)  # fmt: skip


def test_ids_piped_to_cite_say_nothing() -> None:
    """Member ids are also their countries' names (russia, egypt): an id is cited quietly."""
    given = _ilrs("members", "--format", "ids").stdout
    cited = _ilrs("cite", "-", stdin=given)
    assert cited.returncode == 0 and cited.stdout.startswith("Sources of")
    assert cited.stderr == ""


def test_cite_warns_once_for_each_input_read_as_something_else() -> None:
    typed = "egypt\nEGYPT\nTürkiye\nBLR\nMicro-Rovers\nTürkiye\nimaging-system\n"
    cited = _ilrs("cite", "-", stdin=typed)
    assert cited.returncode == 0
    assert cited.stderr.splitlines() == [
        "ilrs: 'EGYPT': citing member egypt; also found: payload imaging-system (`ilrs cite "
        "ID` for one of them)",
        "ilrs: 'Türkiye': citing member turkey; also found: payload micro-rovers (`ilrs cite "
        "ID` for one of them)",
        "ilrs: 'BLR': citing member belarus",
    ]
