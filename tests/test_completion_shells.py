"""Tab completion in the real shells, from hostile datasets: nothing a dataset says is run,
expanded or inserted as shell syntax, on the fast path and on Typer's (slow) path alike.

bash is driven through its completion function; zsh through an interactive shell on a pseudo
terminal, with compinit and the script `ilrs` prints, so that `_arguments` and its own `eval`
are the real ones. Each run waits for what the shell prints, never for a time."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ilrs_cli.cli import candidates

from .test_loader import VALID

BASH = shutil.which("bash")
ZSH = shutil.which("zsh")
needs_zsh = pytest.mark.skipif(ZSH is None, reason="zsh is not installed (CI installs it)")
needs_bash = pytest.mark.skipif(BASH is None, reason="bash is not installed")

ROVER = """
[[payloads]]
id = "{id}"
name = "{name}"
kind = "rover"
description = "Rolls."
institutions = ["metu"]
sources = [{{ id = "article", at = "paragraph 9" }}]
"""


def hostile(tmp_path: Path) -> Path:
    """A dataset that passes `check`, whose names try to run `touch PWNED` in a shell run in
    `tmp_path` (ids' help texts are cut at 60 characters), and to glob: a payload `robot` that
    may be offered, and others that must not be."""
    touch = "touch PWNED"
    payloads = [
        # Typer escapes $ and ` for zsh, so this help text is offered and must stay inert
        ("robot", f"robot $({touch}) `{touch}` '; {touch}; ' \\\" ; {touch} ; \\\""),
        # a backslash undoes zsh's escaping of $: never offered
        ("robber1", f"rover \\\\$({touch})"),
        ("robber2", f"rover \\\\`{touch}\\\\`"),
    ]
    text = VALID.replace('mission = "Chang\'e-8"', 'mission = "/etc/pa*"')
    text = text.replace('name = "Chang\'e-8"', 'name = "/etc/pa*"')
    text += "".join(ROVER.format(id=i, name=name) for i, name in payloads)
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def shim(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH runs this checkout's ilrs as `ilrs`."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    program = bin_dir / "ilrs"
    program.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m ilrs_cli "$@"\n', encoding="utf-8")
    program.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("_ILRS", "ILRS_", "COMP"))}
    env["ILRS_CACHE_DIR"] = os.environ["ILRS_CACHE_DIR"]
    return {**env, "PATH": f"{bin_dir}{os.pathsep}{env['PATH']}", "HOME": str(tmp_path)}


PROMPT = "<ZLE>"  # the prompt: zle is reading keys


class Zsh:
    """An interactive zsh on a pseudo terminal, with ilrs's completion script loaded."""

    def __init__(self, env: dict[str, str]) -> None:
        import pty

        self.master, slave = pty.openpty()
        self.process = subprocess.Popen(
            [str(ZSH), "-f", "-i"], stdin=slave, stdout=slave, stderr=slave,
            env={**env, "TERM": "xterm", "ZDOTDIR": env["HOME"]}, cwd=env["HOME"],
            start_new_session=True,
        )  # fmt: skip
        os.close(slave)
        self.output = b""
        self.seen = 0
        self.type(
            "PS1='<Z''LE>'; autoload -Uz compinit; compinit -u -D; "
            'eval "$(_ILRS_COMPLETE=source_zsh ilrs)"\n'
            'dump() { zle -I; print -r -- "BUF[${(q)BUFFER}]END"; BUFFER=; zle accept-line }\n'
            "zle -N dump; bindkey '^T' dump; print READY$((6*7))\n",
            "READY42",
        )
        self.type("", PROMPT)

    def type(self, keys: str, until: str, timeout: float = 60) -> str:
        """Send `keys`; return what the shell prints from the end of the last wait up to and
        including `until`."""
        if keys:
            os.write(self.master, keys.encode())
        wanted = until.encode()
        deadline = time.monotonic() + timeout
        while wanted not in self.output[self.seen :]:
            ready, _, _ = select.select([self.master], [], [], deadline - time.monotonic())
            if not ready:
                raise AssertionError(f"zsh did not print {until!r}: {self.output[-800:]!r}")
            self.output += os.read(self.master, 65536)
        start, self.seen = self.seen, self.output.index(wanted, self.seen) + len(wanted)
        return self.output[start : self.seen].decode("utf-8", "replace")

    def complete(self, line: str) -> str:
        """The command line after typing `line` and Tab, quoted as zsh's (q) quotes it."""
        shown = self.type(line + "\t\x14", "]END")
        self.type("", PROMPT)
        self.type("print SYNC$((6*7))\n", "SYNC42")
        self.type("", PROMPT)
        return shown[shown.rindex("BUF[") + 4 : shown.rindex("]END")]

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        os.close(self.master)


@needs_zsh
@pytest.mark.parametrize("slow", [False, True], ids=["fast", "typer"])
def test_zsh_tab_runs_nothing_a_dataset_says(tmp_path: Path, slow: bool) -> None:
    marker = tmp_path / "PWNED"
    data = hostile(tmp_path)
    env = shim(tmp_path)
    if slow:
        env["ILRS_SLOW_COMPLETION"] = "1"
    zsh = Zsh({**env, "ILRS_DATA": str(data)})
    try:
        by_option = zsh.complete(f"ilrs --data {data} show rob")
        by_variable = zsh.complete("ilrs cite rob")
    finally:
        zsh.close()
    assert not marker.exists()
    # the one safe candidate is offered and inserted; the others are dropped
    assert by_option == f"ilrs\\ --data\\ {data}\\ show\\ robot\\ "
    assert by_variable == "ilrs\\ cite\\ robot\\ "


@needs_bash
@pytest.mark.parametrize("slow", [False, True], ids=["fast", "typer"])
def test_bash_tab_neither_globs_nor_runs_a_candidate(tmp_path: Path, slow: bool) -> None:
    marker = tmp_path / "PWNED"
    data = hostile(tmp_path)
    env = shim(tmp_path)
    if slow:
        env["ILRS_SLOW_COMPLETION"] = "1"
    program = (
        'eval "$(_ILRS_COMPLETE=source_bash ilrs)"\n'
        f"COMP_WORDS=(ilrs --data {data} timeline --mission /etc/pa); COMP_CWORD=5\n"
        '_ilrs_completion ilrs; printf "<%s>\\n" "${COMPREPLY[@]}"\n'
        f"COMP_WORDS=(ilrs --data {data} show rob); COMP_CWORD=4\n"
        '_ilrs_completion ilrs; printf "<%s>\\n" "${COMPREPLY[@]}"\n'
        f"COMP_WORDS=(ilrs --data {data} payloads --country Tu); COMP_CWORD=5\n"
        '_ilrs_completion ilrs; printf "<%s>\\n" "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run(
        [str(BASH), "--norc", "--noprofile", "-c", program], capture_output=True, text=True,
        env=env, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    # the mission is not a safe candidate (a glob), so nothing is offered for it, and no file
    # name; ids offer only the safe one, and ordinary names still complete
    assert result.stdout.splitlines() == ["<>", "<robot>", "<Turkey>"]


def test_a_candidate_no_shell_can_quote_safely_is_dropped() -> None:
    offered = candidates.offered
    assert offered([("robot", "payload: robot $(x) `y`"), ("Chang'e-8", "mission")]) == [
        ("robot", "payload: robot $(x) `y`"),
        ("Chang'e-8", "mission"),
    ]
    for value, help_text in [
        ("a", "payload: rover \\$(x)"),  # a backslash
        ("a\\", "x"),
        ("/etc/pa*", "mission"),  # a glob, in the value
        ("a?", "x"),
        ("a[b]", "x"),
        ("a", "b\x1b]0;title\x07"),  # control characters, line breaks, invisible ones
        ("a\nb", "x"),
        ("a\rb", "x"),
        ("a\u200bb", "x"),
        ("a\u202eb", "x"),
    ]:
        assert offered([(value, help_text)]) == [], (value, help_text)


def test_every_help_text_the_app_offers_is_safe_for_shells() -> None:
    from ilrs_cli.cli.fast_completion import _index

    for path, entry in _index()["commands"].items():
        pairs = [(name, short or "") for name, short in entry["subcommands"].items()]
        pairs += [(opt, param["help"] or "") for param in entry["params"] for opt in param["opts"]]
        assert candidates.offered(pairs) == pairs, path


def test_a_tab_never_parses_a_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Completing from a dataset over MAX_COMPLETION_BYTES offers nothing at once: no parse,
    no cache entry (a 17 MB file once blocked a Tab for 7 s and wrote 22 MB of cache)."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("ILRS_CACHE_DIR", str(cache))
    small = tmp_path / "small.toml"
    small.write_text(VALID, encoding="utf-8")
    large = tmp_path / "large.toml"
    padding = ("# " + "x" * 78 + "\n") * (candidates.MAX_COMPLETION_BYTES // 80 + 1)
    large.write_text(VALID + padding, encoding="utf-8")
    assert [v for v, _ in candidates.ids(candidates.names(small), "ro")] == ["rover"]
    written = set(cache.iterdir())
    assert candidates.names(large) is None
    assert set(cache.iterdir()) == written  # nothing parsed, nothing kept
    from ilrs_cli.load import load_dataset

    assert load_dataset(large).payloads[0].id == "rover"  # commands still read it
