"""Typer's completion callbacks: each reads the command and the dataset from the context and
asks `candidates`, where what is offered is defined. Also the bash completion script, which
quotes each candidate as bash inserts it (Typer's own inserts `Hong Kong` as two words) and
never lets bash glob one."""

from __future__ import annotations

import typer

from . import candidates
from .candidates import Candidates

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from ..query.completion_names import Names


def _data(ctx: typer.Context) -> Names | None:
    from .inputs import data_path

    return candidates.names(data_path(ctx))


def complete_country(ctx: typer.Context, incomplete: str) -> Candidates:
    return candidates.countries(_data(ctx), incomplete)


def complete_id(ctx: typer.Context, incomplete: str) -> Candidates:
    return candidates.ids(_data(ctx), incomplete)


def complete_mission(ctx: typer.Context, incomplete: str) -> Candidates:
    return candidates.missions(_data(ctx), incomplete)


def complete_fields(ctx: typer.Context, incomplete: str) -> Candidates:
    return candidates.fields(ctx.info_name or "", incomplete)


def complete_sort(ctx: typer.Context, incomplete: str) -> Candidates:
    return candidates.sort_fields(ctx.info_name or "", incomplete)


def complete_list_command(incomplete: str) -> Candidates:
    return candidates.list_commands(incomplete)


def complete_region(incomplete: str) -> Candidates:
    return candidates.regions(incomplete)


# Candidates are read a line at a time, never through an unquoted $(...): bash would split
# and glob them (a mission named `/etc/pa*` would complete to file names).
BASH_SCRIPT = """
%(complete_func)s() {
    local candidate
    COMPREPLY=()
    while IFS= read -r candidate; do
        if [ -n "$candidate" ]; then COMPREPLY+=( "$(printf '%%q' "$candidate")" ); fi
    done < <(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD="$COMP_CWORD" \\
                 %(autocomplete_var)s=complete_bash "$1")
    return 0
}

complete -o default -F %(complete_func)s %(prog_name)s
"""


def use_quoting_bash_script() -> None:
    """Make Typer print and install BASH_SCRIPT for bash (`--install-completion`,
    `--show-completion` and the source_bash request alike), installed by `install_bash`."""
    from typer import _completion_classes, _completion_shared

    _completion_shared._completion_scripts["bash"] = BASH_SCRIPT
    _completion_classes.BashComplete.source_template = BASH_SCRIPT
    _completion_shared.install_bash = install_bash


def install_bash(*, prog_name: str, complete_var: str, shell: str) -> Path:
    """Typer's bash install, idempotent to the byte: ~/.bashrc gets the line that sources the
    script only when it lacks it (Typer added a blank line at every run), and is not written
    otherwise; the script is written to ~/.bash_completions/PROG.sh."""
    from pathlib import Path

    from typer._completion_shared import get_completion_script

    script = Path.home() / ".bash_completions" / f"{prog_name}.sh"
    rc = Path.home() / ".bashrc"
    line = f"source '{script}'"
    content = rc.read_text(encoding="utf-8", errors="surrogateescape") if rc.is_file() else ""
    if line not in content:
        rc.parent.mkdir(parents=True, exist_ok=True)
        with rc.open("a", encoding="utf-8", errors="surrogateescape") as file:
            file.write(("" if not content or content.endswith("\n") else "\n") + line + "\n")
    script.parent.mkdir(parents=True, exist_ok=True)
    text = get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell)
    script.write_text(text, encoding="utf-8")
    return script
