"""Check that removing the escaping of any one writer fails a test: for each mutant below
(one writer's escaping replaced by the identity), copy the tree to a temporary directory,
apply it there, run pytest on the copy and report which tests failed. The tree itself is
never changed.

    python scripts/check_escaping_mutants.py                 # every mutant, the fast tier
    python scripts/check_escaping_mutants.py ids text        # the mutants whose names match
    python scripts/check_escaping_mutants.py --tests tests/writers tests/test_escaping.py

Exit status 1 when a mutant survives (no test failed), 2 when the tests fail without one.
`-x` stops each run at its first failure, so the test named is one that catches the mutant,
not the only one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
SRC = "src/ilrs_cli/"


class Mutant(NamedTuple):
    name: str
    edits: tuple[tuple[str, str, str], ...]  # (file under src/ilrs_cli, text, replacement)


def _one(name: str, path: str, text: str, replacement: str) -> Mutant:
    return Mutant(name, ((path, text, replacement),))


MUTANTS = [
    # render/: each format of render.FORMATS, and what the table draws
    _one("table cells", "render/table.py", "return escape(value)", "return value"),
    _one("table title", "render/table.py", "page.table(escape(listing.title)",
         "page.table((listing.title)"),
    _one("table record title", "render/table.py", "page.table(escape(report.title)",
         "page.table((report.title)"),
    _one("table caption", "render/table.py", "page.line(escape(caption) + legend",
         "page.line((caption) + legend"),
    _one("table narrow title", "render/table.py", "page.line(escape(title)", "page.line((title)"),
    _one("ids", "render/ids.py", "escape(str(item.get(key, \"\")))", "str(item.get(key, \"\"))"),
    _one("text heading", "render/text.py", "return escape(f\"Sources of {cited}{after}:\")",
         "return (f\"Sources of {cited}{after}:\")"),
    _one("text entries", "render/text.py", "return escape(\" \".join(parts))",
         "return (\" \".join(parts))"),
    _one("styled entries", "render/styled_text.py", "[escape(str(entry)) for",
         "[(str(entry)) for"),
    _one("bibtex controls", "render/bibtex.py", "for char in escape(text))", "for char in text)"),
    _one("bibtex specials", "render/bibtex.py", "_SPECIAL.get(char, char)", "char"),
    _one("bibtex url specials", "render/bibtex.py",
         "return _URL_UNSAFE.sub(lambda m: \"%\" if m[0] == \"%\" else f\"%{ord(m[0]):02X}\", url)",
         "return url"),
    _one("csv listing", "render/csv.py", "[csv_cell(column.text(item, \"; \"))",
         "[(column.text(item, \"; \"))"),
    _one("csv record", "render/csv.py", "[csv_cell(name), csv_cell(text)]", "[name, text]"),
    _one("json", "render/json.py", "return json_safe(dumps(value, ascii_only))",
         "return (dumps(value, ascii_only))"),
    _one("ndjson", "render/ndjson.py", "return json_safe(", "return ("),
    _one("csl-json", "render/csl_json.py", "return json_safe(", "return ("),
    _one("xlsx cells", "render/xlsx.py", "text = cell_text(value)", "text = value"),
    _one("xlsx text cells", "render/xlsx.py", "worksheet.write_string(row, column, _text(value))",
         "worksheet.write(row, column, _text(value))"),
    _one("pasted cells", "render/published_table.py", "for item in map(escaped, listing.items)",
         "for item in listing.items"),
    _one("pasted title", "render/published_table.py", "escape(listing.title)", "(listing.title)"),
    _one("pasted sources", "render/published_table.py", "escape(source.get(\"publisher\")",
         "(source.get(\"publisher\")"),
    _one("pasted links", "render/published_table.py", "url if linkable(url)", "url if True"),
    _one("markdown text", "render/markdown_table.py", "value = _INLINE.sub(",
         "value = (lambda *args: args[1])("),
    _one("markdown paragraphs", "render/markdown_table.py", "return _BLOCK_START.sub(",
         "return (lambda *args: args[1])("),
    _one("markdown edge spaces", "render/markdown_table.py", "return _EDGE_SPACES.sub(",
         "return (lambda *args: args[1])("),
    _one("markdown links", "render/markdown_table.py", "return \"<\" + re.sub(",
         "return \"<\" + (lambda *args: args[2])("),
    _one("html", "render/html_table.py", "from html import escape", "escape = str"),
    _one("csv formula guard", "core/safe_text.py",
         "return \"'\" + text if text.startswith(FORMULA_STARTS) else text", "return text"),
    # messages
    _one("write_err", "render/terminal.py",
         "escape(text.rstrip(\"\\n\"), keep_newlines=True)", "text.rstrip(\"\\n\")"),
    _one("dataset errors", "core/errors.py", "lines = [f\"{escape(self.path)}: {count} {noun}:\"]",
         "lines = [f\"{(self.path)}: {count} {noun}:\"]"),
    _one("check summary", "cli/app.py",
         "write_out(escape(f\"{dataset.path}: ok, no problems",
         "write_out((f\"{dataset.path}: ok, no problems"),
    _one("cache directory", "cli/app.py", "write_out(escape(str(directory)) if directory",
         "write_out((str(directory)) if directory"),
    _one("usage errors", "cli/reporting.py",
         "return f\"'{FLAGS.get(error.argument, error.argument)}'\", escape(str(error))",
         "return f\"'{FLAGS.get(error.argument, error.argument)}'\", str(error)"),
    # a message a caller escapes whole (its newlines too) before write_err escapes the rest
    _one("file written", "cli/reporting.py", "write_err(escape(f\"ilrs: wrote {output}\"))",
         "write_err((f\"ilrs: wrote {output}\"))"),
    _one("data copied", "cli/app.py", "write_err(escape(f\"ilrs: wrote {target}; use it",
         "write_err((f\"ilrs: wrote {target}; use it"),
    _one("export written", "cli/app.py", "write_err(escape(f\"ilrs: wrote {target}: {tables}\"))",
         "write_err((f\"ilrs: wrote {target}: {tables}\"))"),
    _one("metadata written", "cli/app.py", "write_err(escape(f\"ilrs: wrote {beside}:",
         "write_err((f\"ilrs: wrote {beside}:"),
    _one("uncited warning", "cli/app.py", "f\"ilrs: warning: {escape(dataset.path)}: source",
         "f\"ilrs: warning: {(dataset.path)}: source"),
    _one("cache warning", "cli/inputs.py", "write_err(f\"ilrs: warning: {escape(problem)}\")",
         "write_err(f\"ilrs: warning: {(problem)}\")"),
    # completion: a candidate a shell could run or expand is dropped (cli/candidates.py)
    _one("completion candidates", "cli/candidates.py",
         'return "\\\\" not in text and is_plain(text)', 'return "\\\\" not in text'),
    # draw/: the SVG frame every picture shares, the page, GeoJSON
    _one("svg text", "draw/svg.py", "    return escape(text)", "    return text"),
    _one("page text", "draw/page.py", "return html.escape(escape(value))",
         "return html.escape(value)"),
    _one("page links", "draw/page.py", "safe = escape(value)", "safe = value"),
    _one("geojson", "draw/geojson.py", "return json_safe(text) + ", "return (text) + "),
    # export/
    _one("datapackage csv", "export/datapackage.py", "else csv_cell(value)", "else value"),
    _one("datapackage.json", "export/datapackage.py", "text = json_safe(json.dumps(",
         "text = (json.dumps("),
    _one("datasette metadata", "export/datasette.py", "text = json_safe(json.dumps(",
         "text = (json.dumps("),
]  # fmt: skip

FAILED = re.compile(r"^(?:FAILED|ERROR) (.+?)(?: - .*)?$", re.MULTILINE)


def _copy(into: Path) -> None:
    """The working tree, without its history, environments and caches."""
    ignore = shutil.ignore_patterns(
        ".git", ".venv*", "__pycache__", "*.egg-info", "build", "dist", ".*_cache"
    )
    shutil.copytree(ROOT, into, ignore=ignore, dirs_exist_ok=True)


def run(mutant: Mutant, tests: list[str]) -> list[str]:
    """The tests that fail with `mutant` applied to a copy of the tree."""
    with tempfile.TemporaryDirectory(prefix="ilrs-mutant-") as directory:
        copy = Path(directory)
        _copy(copy)
        for path, text, replacement in mutant.edits:
            target = copy / SRC / path
            source = target.read_text(encoding="utf-8")
            if source.count(text) != 1:
                raise SystemExit(f"{mutant.name}: {text!r} is not once in {path}; update MUTANTS")
            target.write_text(source.replace(text, replacement), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(copy / "src")}
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rfE", "-x",
             "-m", "not slow", *tests],
            cwd=copy, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        return FAILED.findall(result.stdout)


def main(argv: list[str]) -> int:
    tests: list[str] = []
    if "--tests" in argv:
        at = argv.index("--tests")
        argv, tests = argv[:at], argv[at + 1 :]
    chosen = [m for m in MUTANTS if not argv or any(word in m.name for word in argv)]
    failing = run(Mutant("none", ()), tests)
    if failing:
        print(f"the tree fails without a mutant ({failing[0]}): fix that first")
        return 2
    survivors = 0
    for mutant in chosen:
        failed = run(mutant, tests)
        survivors += not failed
        print(f"{mutant.name}: " + (f"caught by {failed[0]}" if failed else "SURVIVED"), flush=True)
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
