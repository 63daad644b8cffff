"""Start-up benchmark: whole `ilrs` processes against a do-nothing Typer app of the same shape.

    python benchmarks/startup.py [--rounds 21] [--warmup 3] [--sizes 1000,10000,100000]
                                 [--before OTHER-ENV/bin/ilrs]

Standard library only; run it in the environment where ilrs is installed. Each pair of cases
runs interleaved (A, B, A, B, ...) after warm-up runs, and the script prints the median
wall time of each and the ratio A/B: the median of each round's ratio, so that a drift in the
machine's speed, which moves A and B of a round alike, cancels out. The baseline,
benchmarks/null_app.py, parses the same commands and options with Typer and prints a
constant, so the ratio is what ilrs adds to the cost of Typer itself. Warm-up runs fill
ilrs's cache of parsed datasets, as a user's first question does; the "uncached" column
shows a run with the cache turned off.

Every answer (payloads, members, timeline, countries, show, search, cite; as a table and as
JSON) is timed against the floor of any Python program, `python -c pass`. With --before, the
same answers of another install (its `ilrs` script, or its python) run interleaved with
these, so that one run gives both ratios. The peers' row times other tools answering the
same question ("payloads whose countries include Turkey") where they are installed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import peers  # noqa: E402
from make_dataset import affiliated_text, dataset_text  # noqa: E402

PYTHON = sys.executable
NULL_APP = [PYTHON, str(HERE / "null_app.py")]


def ilrs_command() -> list[str]:
    """The installed console script, as users run it; `python -m ilrs_cli` otherwise."""
    script = shutil.which("ilrs", path=str(Path(PYTHON).parent))
    return [script] if script else [PYTHON, "-m", "ilrs_cli"]


@dataclass
class Case:
    name: str
    command: list[str]
    env: dict[str, str] = field(default_factory=dict)
    times: list[float] = field(default_factory=list)

    def run(self) -> None:
        environment = {**os.environ, "NO_COLOR": "", "FORCE_COLOR": "", **self.env}
        start = time.perf_counter()
        result = subprocess.run(
            self.command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        self.times.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise SystemExit(f"{self.name} failed: {result.stderr.decode(errors='replace')}")

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000


def ratio(case: Case, baseline: Case) -> float:
    """The median of the rounds' ratios: each round times `case` and `baseline` in turn."""
    return statistics.median(a / b for a, b in zip(case.times, baseline.times, strict=True))


def interleave(cases: list[Case], rounds: int, warmup: int) -> None:
    for _ in range(warmup):
        for case in cases:
            case.run()
    for case in cases:
        case.times.clear()
    for _ in range(rounds):
        for case in cases:
            case.run()


# The answers on the bundled data: (name, arguments); each runs as a table piped (cite: its
# default, a reference list), as a table on a colour terminal, and as JSON (cite: CSL-JSON).
ANSWERS = [
    ("payloads", ["payloads", "--country", "Turkey"]),
    ("members", ["members"]),
    ("timeline", ["timeline"]),
    ("countries", ["countries"]),
    ("show", ["show", "egypt"]),
    ("search", ["search", "rover"]),
    ("cite", ["cite", "egypt"]),
]
TABLE_ENV = {"FORCE_COLOR": "1", "COLUMNS": "100"}
PIPED_ENV = {"COLUMNS": "100"}
SHAPES = (("table", PIPED_ENV), ("terminal", TABLE_ENV), ("JSON", {}))


def json_of(arguments: list[str]) -> list[str]:
    return (
        [*arguments, "--format", "csl-json"] if arguments[0] == "cite" else [*arguments, "--json"]
    )


def other_ilrs(path: str) -> list[str]:
    """Another install's ilrs: its script, or the script beside its python."""
    given = Path(path)
    if given.name.startswith("python"):
        script = shutil.which("ilrs", path=str(given.parent))
        return [script] if script else [str(given), "-m", "ilrs_cli"]
    return [str(given)]


def answers(
    ilrs: list[str], before: list[str] | None, rounds: int, warmup: int, only: set[str]
) -> None:
    """Each answer (or those named in `only`) against `python -c pass`, measured beside it;
    with `before`, the other install's answer too, in the same rounds."""
    heading = "before ms  after ms  before   after" if before else "     ms   ratio"
    print(f"\n{'answers (bundled data)':<28} {heading}   (ratios to python -c pass)")
    for name, arguments in ANSWERS:
        if only and name not in only:
            continue
        for shape, env in SHAPES:
            args = json_of(arguments) if shape == "JSON" else arguments
            after = Case("after", [*ilrs, *args], env)
            floor = Case("python -c pass", [PYTHON, "-c", "pass"])
            cases = [after, floor] + ([Case("before", [*before, *args], env)] if before else [])
            interleave(cases, rounds, warmup)
            label = f"{name} {shape}"
            if before:
                old = cases[2]
                print(f"{label:<28} {old.median_ms:>9.1f} {after.median_ms:>9.1f} "
                      f"{ratio(old, floor):>6.2f}x {ratio(after, floor):>6.2f}x")  # fmt: skip
            else:
                print(f"{label:<28} {after.median_ms:>7.1f} {ratio(after, floor):>6.2f}x")


def peak_memory_kib(command: list[str]) -> int:
    """Peak resident memory of one run of `command`, from the kernel's accounting."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    output = subprocess.run([PYTHON, "-c", probe, *command], capture_output=True, text=True)
    return int(output.stdout.strip() or 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--affiliated", type=int, default=40000)
    parser.add_argument(
        "--before", metavar="PATH", help="another install's ilrs (or python), timed beside"
    )
    names = [name for name, _ in ANSWERS]
    parser.add_argument("--answers", metavar="NAMES", default=",".join(names),
                        help=f"only these, of {','.join(names)}")  # fmt: skip
    options = parser.parse_args()
    only = set(options.answers.split(",")) - {""}
    if only - set(names):
        parser.error(f"--answers takes names from {','.join(names)}")
    ilrs = ilrs_command()
    before = other_ilrs(options.before) if options.before else None
    query = ["payloads", "--country", "Turkey"]
    completion = {
        "_ILRS_COMPLETE": "complete_bash",
        "COMP_WORDS": "ilrs payloads --country Tu",
        "COMP_CWORD": "3",
    }
    table_env = {"FORCE_COLOR": "1", "COLUMNS": "100"}
    pairs = [
        ("JSON query", Case("ilrs", [*ilrs, *query, "--json"]),
         Case("null app", [*NULL_APP, *query, "--json"])),
        ("table", Case("ilrs", [*ilrs, *query], table_env),
         Case("null app + Rich imports", [*NULL_APP, *query], {"NULL_APP_TABLE": "1"})),
        ("completion --country Tu", Case("ilrs", ilrs, completion),
         Case("null app", NULL_APP, completion)),
    ]  # fmt: skip
    print(
        f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs; "
        f"{options.rounds} interleaved rounds after {options.warmup} warm-up runs; medians.\n"
    )
    print(f"{'case':<28} {'ilrs ms':>9} {'baseline ms':>12} {'ratio':>7}")
    for name, case, baseline in pairs:
        interleave([case, baseline], options.rounds, options.warmup)
        print(f"{name:<28} {case.median_ms:>9.1f} {baseline.median_ms:>12.1f} "
              f"{ratio(case, baseline):>6.2f}x")  # fmt: skip

    context = [Case("python -c pass", [PYTHON, "-c", "pass"]),
               Case("python -c 'import typer'", [PYTHON, "-c", "import typer"])]  # fmt: skip
    interleave(context, options.rounds, options.warmup)
    print()
    for case in context:
        print(f"{case.name:<28} {case.median_ms:>9.1f}")

    # A Tab press against the floor of any Python program: the fast completion path.
    floor = context[0]
    tabs = [
        Case("Tab: --country Tu (bash)", ilrs, completion),
        Case("Tab: members --sort da (zsh)", ilrs,
             {"_ILRS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "ilrs members --sort da"}),
        Case("script: source_bash", ilrs, {"_ILRS_COMPLETE": "source_bash"}),
    ]  # fmt: skip
    interleave([*tabs, floor], options.rounds, options.warmup)
    print(f"\n{'completion':<28} {'ilrs ms':>9} {'python ms':>12} {'ratio':>7}")
    for case in tabs:
        print(f"{case.name:<28} {case.median_ms:>9.1f} {floor.median_ms:>12.1f} "
              f"{ratio(case, floor):>6.2f}x")  # fmt: skip

    answers(ilrs, before, options.rounds, options.warmup, only)
    with tempfile.TemporaryDirectory() as folder:
        peers.row(ilrs, Path(folder), options.rounds, options.warmup)

    # Each size: `payloads --json` from the cache (as after a first question) against the
    # bundled file, then with the cache off, and `ilrs check`, which never uses it.
    sizes = [int(size) for size in options.sizes.split(",") if size]
    if sizes:
        print(f"\n{'dataset (payloads --json)':<28} {'ilrs ms':>9} {'bundled ms':>12} "
              f"{'ratio':>7} {'uncached ms':>12} {'check ms':>9}")  # fmt: skip
    few = min(options.rounds, 3)  # `--rounds 1` runs each once, for a quick look
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"ilrs-{size}.toml"
            path.write_text(dataset_text(size), encoding="utf-8")
            big = Case(f"{size:,} records", [*ilrs, "--data", str(path), "payloads", "--json"])
            bundled = Case("bundled", [*ilrs, "payloads", "--json"])
            interleave([big, bundled], max(few, options.rounds // 3), min(options.warmup, 1))
            uncached = Case("uncached", big.command, {"ILRS_NO_CACHE": "1"})
            check = Case("check", [*ilrs, "check", str(path)])
            interleave([uncached, check], few, 0)
            print(f"{big.name:<28} {big.median_ms:>9.1f} {bundled.median_ms:>12.1f} "
                  f"{ratio(big, bundled):>6.2f}x {uncached.median_ms:>12.1f} "
                  f"{check.median_ms:>9.1f}")  # fmt: skip
            if size == max(sizes):
                cached, floor_kib = peak_memory_kib(big.command), peak_memory_kib(bundled.command)
                unused = peak_memory_kib(["env", "ILRS_NO_CACHE=1", *big.command])
                print(f"{'  peak memory':<28} {cached / 1024:>8.1f} MiB cached, "
                      f"{unused / 1024:.1f} MiB uncached; beyond the bundled file's, "
                      f"{(cached - floor_kib) / size:.2f} KiB a record cached, "
                      f"{(unused - floor_kib) / size:.2f} uncached")  # fmt: skip
        if options.affiliated:
            path = Path(folder) / "affiliated.toml"
            path.write_text(affiliated_text(options.affiliated), encoding="utf-8")
            case = Case("affiliated", [*ilrs, "--data", str(path), "members", "--json"])
            interleave([case], few, min(options.warmup, 1))
            print(f"{options.affiliated:,} affiliated members (members --json): "
                  f"{case.median_ms:.1f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
