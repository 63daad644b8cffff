"""Issue 31's hostile cases: the accepted corpus (tests/hostile/accepted, one file per case,
each a dataset `check` passes, its header saying what it warns of) and two sweeps over the
frozen fixture (every name, title, event and publisher made hostile). Every picture of the
registry, for each, is a document a strict XML parser reads, with no raw control, bidi,
invisible or noncharacter from the data.

A corpus file's header, in `# key: value` lines: `case` (what it is), `warns` (each warning
of `check`, in order, without the file's name), `environment` (NAME=VALUE to run under),
`saved as` (the file's name, as bytes in Python escapes) and `shows` (text the page holds)."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import tomli

from ..child import pinned, run_main
from ..conftest import FROZEN, Runner
from .hostile import check_json, check_terminal
from .test_files import PICTURES

ACCEPTED = sorted((Path(__file__).parents[1] / "hostile" / "accepted").glob("*.toml"))
OSC52 = "\\u001b]52;c;cHduZWQ=\\u0007\\u001b[2J"  # as TOML escapes: a clipboard write, a clear
# Other records name the missions by their names: those are kept as they are.
MISSIONS = {mission["name"] for mission in tomli.loads(FROZEN.read_text("utf-8"))["missions"]}


def header(path: Path, key: str) -> list[str]:
    prefix = f"# {key}: "
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix(prefix) for line in lines if line.startswith(prefix)]


def _each(field: str, suffix: str) -> Callable[[str], str]:
    """The fixture with `suffix` (TOML text) after the value of every `field`."""

    def hostile(m: re.Match[str]) -> str:
        return m[0] if m[2] in MISSIONS else m[1] + m[2] + suffix + m[3]

    return lambda text: re.sub(rf'^({field} = ")([^"\n]*)(")', hostile, text, flags=re.M)


def _sweep(suffix: str) -> Callable[[str], str]:
    fields = ("name", "title", "event", "publisher")
    return lambda text: _apply([_each(field, suffix) for field in fields], text)


def _apply(changes: list[Callable[[str], str]], text: str) -> str:
    for change in changes:
        text = change(text)
    return text


SWEEPS = {
    "fixture-osc52-after-every-name-title-event-and-publisher": _sweep(OSC52),
    "fixture-noncharacters-after-every-name-title-event-and-publisher": _sweep("\\uFFFE\\uFFFF"),
}
CASES = [path.stem for path in ACCEPTED] + list(SWEEPS)
# A case run in its own environment takes a child Python a picture: those cases draw one
# picture of each kind of output (a chart, the map as SVG and GeoJSON, the page).
ONE_OF_EACH = {"chart timeline", "map svg", "map geojson", "export html"}
CASES_BY_PICTURE = [
    pytest.param(case, picture.values[0], id=f"{case}-{picture.id}")
    for case in CASES
    for picture in PICTURES
    if picture.id in ONE_OF_EACH
    or not any(path.stem == case and header(path, "environment") for path in ACCEPTED)
]


def _saved_name(path: Path) -> str:
    names = header(path, "saved as")
    return os.fsdecode(codecs.escape_decode(names[0])[0]) if names else path.name


@pytest.fixture(scope="module")
def case_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cases")
    made = {}
    for path in ACCEPTED:
        (folder / path.stem).mkdir()
        made[path.stem] = folder / path.stem / _saved_name(path)
        made[path.stem].write_bytes(path.read_bytes())
    for case, make in SWEEPS.items():
        (folder / case).mkdir()
        made[case] = folder / case / "data.toml"
        made[case].write_text(make(FROZEN.read_text(encoding="utf-8")), encoding="utf-8")
    return made


def test_the_corpus_has_a_file_per_case_with_its_header() -> None:
    assert len(ACCEPTED) >= 7
    for path in ACCEPTED:
        assert header(path, "case"), path
    assert any(header(path, "saved as") for path in ACCEPTED)
    assert any(header(path, "environment") for path in ACCEPTED)


@pytest.mark.parametrize("path", ACCEPTED, ids=lambda path: path.stem)
def test_check_passes_each_file_with_exactly_its_warnings(
    ilrs: Runner, case_files: dict[str, Path], path: Path
) -> None:
    data = str(case_files[path.stem])
    checked = ilrs("check", data)
    assert checked.exit_code == 0, checked.stderr[:2000]
    warned = [
        re.sub(r"^ilrs: warning: .*?: \[", "[", line).removesuffix("; ilrs shows each as an escape")
        for line in checked.stderr.splitlines()
    ]
    assert warned == header(path, "warns")
    check_terminal(checked.stdout + checked.stderr)
    assert ilrs("check", "--strict", data).exit_code == (1 if warned else 0)


@pytest.mark.parametrize("case", SWEEPS)
def test_each_sweep_is_a_dataset_check_passes(
    ilrs: Runner, case_files: dict[str, Path], case: str
) -> None:
    checked = ilrs("check", str(case_files[case]))
    assert checked.exit_code == 0, checked.stderr[:2000]
    assert "'name' holds U+" in checked.stderr


def _draw(ilrs: Runner, args: list[str], data: Path, tmp_path: Path, case: str) -> str:
    """The picture `args` draws from `data`, in the case's environment (a child Python when
    it sets one: the stream's encoding is the process's)."""
    source = next((path for path in ACCEPTED if path.stem == case), None)
    settings = dict(line.split("=", 1) for line in header(source, "environment")) if source else {}
    page = tmp_path / "page.html"
    args = [*args, str(page)] if args[:2] == ["export", "html"] else args
    if settings:
        outcome = run_main(*args, env=pinned(ILRS_DATA=str(data), **settings), then="")
        code, stdout, stderr = outcome.returncode, outcome.stdout, outcome.stderr
    else:
        result = ilrs(*args, env={"ILRS_DATA": str(data)})
        code, stdout, stderr = result.exit_code, result.stdout, result.stderr
    assert code == 0, stderr[:2000]
    # what a stream that cannot encode the text would have written instead of UTF-8
    assert not (settings and re.search(r"\\u[0-9a-f]{4}|\\x[0-9a-f]{2}", stdout)), stdout[:500]
    return page.read_text(encoding="utf-8") if args[:2] == ["export", "html"] else stdout


@pytest.mark.parametrize(("case", "args"), CASES_BY_PICTURE)
def test_every_picture_is_well_formed_for_every_case(
    ilrs: Runner, case_files: dict[str, Path], tmp_path: Path, case: str, args: list[str]
) -> None:
    text = _draw(ilrs, args, case_files[case], tmp_path, case)
    if args[-1] == "geojson":
        check_json(text)
        return
    ET.fromstring(text.encode("utf-8"))
    check_terminal(text)
    source = next((path for path in ACCEPTED if path.stem == case), None)
    if source is not None and args[:2] == ["export", "html"]:
        for shown in header(source, "shows"):
            assert shown in text
