"""Issue 31's hostile cases, each a dataset that `check` passes, made from the frozen fixture
(and one a file whose name is hostile): every picture of the registry is a document a strict
XML parser reads, with no raw control, bidi, invisible or noncharacter from the data."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import tomli

from ..conftest import FROZEN, Runner
from .hostile import check_json, check_terminal
from .test_files import PICTURES

OSC52 = "\\u001b]52;c;cHduZWQ=\\u0007\\u001b[2J"  # as TOML escapes: a clipboard write, a clear
# Other records name the missions by their names: those are kept as they are.
MISSIONS = {mission["name"] for mission in tomli.loads(FROZEN.read_text("utf-8"))["missions"]}


def _each(field: str, suffix: str, count: int = 0) -> Callable[[str], str]:
    """The fixture with `suffix` (TOML text) after the value of every `field` (or the first
    `count` of them)."""

    def made(text: str) -> str:
        pattern = rf'^({field} = ")([^"\n]*)(")'

        def hostile(m: re.Match[str]) -> str:
            return m[0] if m[2] in MISSIONS else m[1] + m[2] + suffix + m[3]

        return re.sub(pattern, hostile, text, count=count, flags=re.M)

    return made


# name of the case: (how the fixture is made hostile, the data file's own name)
CASES: dict[str, tuple[Callable[[str], str], str]] = {
    "osc52-after-names-titles-events-and-publishers": (
        lambda text: _each("publisher", OSC52)(
            _each("event", OSC52)(_each("title", OSC52)(_each("name", OSC52)(text)))
        ),
        "data.toml",
    ),
    "noncharacters-in-titles-and-names": (
        lambda text: _each("event", "\\uFFFF")(
            _each("name", "\\uFFFE\\uFFFF")(_each("title", "\\uFFFE", 1)(text))
        ),
        "data.toml",
    ),
    "titles-of-5000-characters": (_each("title", "Q" * 4000 + " w" * 400), "data.toml"),
    "an-unbroken-name-of-4900-characters": (_each("name", "W" * 4900, 1), "data.toml"),
    "a-file-name-with-noncharacters-and-controls": (lambda text: text, "d\ufffe\x1b[2J.toml"),
}
CASES_BY_PICTURE = [
    pytest.param(case, picture.values[0], id=f"{case}-{picture.id}")
    for case in CASES
    for picture in PICTURES
]


@pytest.fixture(scope="module")
def case_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cases")
    made = {}
    for case, (make, name) in CASES.items():
        (folder / case).mkdir()
        made[case] = folder / case / name
        made[case].write_text(make(FROZEN.read_text(encoding="utf-8")), encoding="utf-8")
    return made


@pytest.mark.parametrize("case", CASES)
def test_each_case_is_a_dataset_check_passes(ilrs: Runner, case_files: dict[str, Path],
                                             case: str) -> None:  # fmt: skip
    checked = ilrs("check", str(case_files[case]))
    assert checked.exit_code == 0, checked.stderr[:2000]


@pytest.mark.parametrize(("case", "args"), CASES_BY_PICTURE)
def test_every_picture_is_well_formed_for_every_case(
    ilrs: Runner, case_files: dict[str, Path], tmp_path: Path, case: str, args: list[str]
) -> None:
    env = {"ILRS_DATA": str(case_files[case])}
    if args[:2] == ["export", "html"]:
        outcome = ilrs(*args, str(tmp_path / "page.html"), env=env)
        text = (tmp_path / "page.html").read_text(encoding="utf-8")
    else:
        outcome = ilrs(*args, env=env)
        text = outcome.stdout
    assert outcome.exit_code == 0, outcome.stderr[:2000]
    if args[-1] == "geojson":
        check_json(text)
        return
    ET.fromstring(text.encode("utf-8"))
    check_terminal(text)
