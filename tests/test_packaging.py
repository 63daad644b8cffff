"""The built wheel carries the dataset, and the installed package answers from it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("ilrs_cli-*.whl")
    return built


@pytest.mark.slow
def test_wheel_contains_the_dataset_the_fonts_and_the_citation_styles(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("ilrs_cli/data/chang8.toml")
        entry_points = next(n for n in archive.namelist() if n.endswith("entry_points.txt"))
        scripts = archive.read(entry_points).decode()
        fonts = {name for name in archive.namelist() if name.startswith("ilrs_cli/draw/fonts/")}
        styles = {n for n in archive.namelist() if n.startswith("ilrs_cli/render/styles/")}
    assert shipped == (ROOT / "data" / "chang8.toml").read_bytes()
    assert fonts == {f"ilrs_cli/draw/fonts/{name}" for name in
                     ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt")}  # fmt: skip
    assert "ilrs = ilrs_cli.cli:main" in scripts
    # cite --style's CSL files, and the README with their licence
    bundled = ROOT / "src/ilrs_cli/render/styles"
    assert styles == {f"ilrs_cli/render/styles/{path.name}" for path in bundled.iterdir()}
    assert "ilrs_cli/render/styles/README.md" in styles and len(styles) == 6


@pytest.mark.slow
def test_installed_wheel_answers_from_its_own_dataset(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)  # a pure-Python wheel installs by unpacking
    probe = (
        "import runpy, sys, ilrs_cli.load.reader as store;"
        "print(store.bundled_path(), file=sys.stderr);"
        "sys.argv = ['ilrs', 'payloads', '--country', 'Turkey', '--json'];"
        "runpy.run_module('ilrs_cli', run_name='__main__')"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert Path(result.stderr.strip()).is_relative_to(site)
    assert [item["id"] for item in json.loads(result.stdout)] == ["micro-rovers"]
