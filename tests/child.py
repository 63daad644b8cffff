"""ilrs's `main()` run in a child Python, and a line printed after it: for the tests of what a
command imports (the modules an answer, a Tab or a table loads) or leaves behind."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping

from .conftest import PINNED_ENV

_MAIN = (
    "import sys\nsys.argv = ['ilrs', *sys.argv[1:]]\nfrom ilrs_cli.cli import main\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
)
MODULES = "print(' '.join(sorted(sys.modules)), file=sys.__stderr__)\n"


def pinned(**changes: str) -> dict[str, str]:
    """This process's environment with the suite's pinned terminal and data (PINNED_ENV),
    and `changes` on top."""
    return {**os.environ, **{k: v for k, v in PINNED_ENV.items() if v is not None}, **changes}


def run_main(
    *args: str, env: Mapping[str, str], then: str = MODULES
) -> subprocess.CompletedProcess[str]:
    """`ilrs ARGS` in a child Python with environment `env`, then the code `then` (by default,
    the names of the modules imported, on the last line of stderr)."""
    return subprocess.run(
        [sys.executable, "-c", _MAIN + then, *args], capture_output=True, text=True,
        encoding="utf-8", env=dict(env), timeout=60, check=False,
    )  # fmt: skip


def last_line(result: subprocess.CompletedProcess[str]) -> str:
    return result.stderr.strip().splitlines()[-1]


def modules_of(result: subprocess.CompletedProcess[str]) -> set[str]:
    """The modules the child had imported when `main()` returned (`then=MODULES`)."""
    return set(last_line(result).split())
