"""The peers' row of benchmarks/startup.py: other tools answering the question "payloads whose
countries include Turkey" on the bundled data, each where it is installed: sqlite3 and
sqlite-utils on `ilrs export sqlite`, jq over a saved `ilrs payloads --json`, and a plain
five-line script with tomli (or the standard tomllib) reading the bundled TOML. Standard
library only."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

from startup import PYTHON, Case, interleave, ratio

SQL = (
    "select p.name from payloads p join payload_countries c on c.payload_id = p.id "
    "where c.country = 'Turkey' order by p.position"
)
JQ = '.[] | select(.countries | index("Turkey")) | .name'
SCRIPT = """import sys, {module} as toml
data = toml.load(open(sys.argv[1], "rb"))
turkish = {{i["id"] for i in data["institutions"] if i["country"] == "Turkey"}}
names = [p["name"] for p in data["payloads"] if turkish & set(p["institutions"])]
print("\\n".join(names))
"""


def _tool(name: str) -> str | None:
    """On PATH, or beside the benchmark's python (a tool installed in its environment)."""
    return shutil.which(name, path=os.pathsep.join([str(Path(PYTHON).parent),
                                                    os.environ.get("PATH", "")]))  # fmt: skip


def _toml_module() -> str | None:
    for module in ("tomli", "tomllib"):
        if importlib.util.find_spec(module) is not None:
            return module
    return None


def _output(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def row(ilrs: list[str], folder: Path, rounds: int, warmup: int) -> None:
    """Time each peer that is installed beside ilrs and `python -c pass`; say which are not."""
    query = Case("ilrs payloads --country Turkey --json",
                 [*ilrs, "payloads", "--country", "Turkey", "--json"])  # fmt: skip
    floor = Case("python -c pass", [PYTHON, "-c", "pass"])
    database, saved, script = folder / "ilrs.db", folder / "payloads.json", folder / "peer.py"
    subprocess.run([*ilrs, "export", "sqlite", str(database)], capture_output=True, check=True)
    saved.write_text(_output([*ilrs, "payloads", "--json"]), encoding="utf-8")
    toml_file = _output([*ilrs, "data", "path"]).strip()
    module = _toml_module()
    if module is not None:
        script.write_text(SCRIPT.format(module=module), encoding="utf-8")
    found = {
        "sqlite3 on the export": (_tool("sqlite3"), lambda exe: [exe, str(database), SQL]),
        "jq over the JSON": (_tool("jq"), lambda exe: [exe, "-r", JQ, str(saved)]),
        "sqlite-utils on the export": (
            _tool("sqlite-utils"),
            lambda exe: [exe, "query", str(database), SQL, "--csv"],
        ),
        f"a five-line {module or 'tomli'} script": (
            PYTHON if module else None,
            lambda exe: [exe, str(script), toml_file],
        ),
    }
    peers = [Case(name, make(exe)) for name, (exe, make) in found.items() if exe]
    print(f"\n{'peers: payloads with Turkey':<28} {'ms':>9} {'python':>8} {'ilrs':>7}")
    interleave([query, floor, *peers], rounds, warmup)
    for case in [query, *peers]:
        print(f"{case.name[:28]:<28} {case.median_ms:>9.1f} "
              f"{ratio(case, floor):>7.2f}x {ratio(case, query):>6.3f}x")  # fmt: skip
    for name, (exe, _) in found.items():
        if not exe:
            print(f"{name}: not installed, skipped")


if __name__ == "__main__":
    sys.exit("run benchmarks/startup.py")
