"""`ilrs check --format json` for a fork's CI: every problem of the refused corpus
(tests/hostile) and every warning of the accepted one (tests/hostile/accepted) as structured
items whose text and lines are the text report's; a duplicate id names both lines."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ilrs_cli.core.safe_text import escape

from .conftest import Runner
from .test_hostile import HOSTILE, expectations
from .test_loader import VALID, write
from .writers.test_cases import ACCEPTED, header

KEYS = ["file", "severity", "kind", "id", "line", "other_line", "message", "text"]
ESCAPED_SUFFIX = "; ilrs shows each as an escape"


def first_line(text: str) -> int | None:
    found = re.search(r"\bline (\d+)\b", text)
    return int(found[1]) if found else None


@pytest.mark.parametrize("path", HOSTILE, ids=lambda path: path.stem)
def test_each_refused_file_gives_its_problems_as_the_text_report_does(
    ilrs: Runner, path: Path
) -> None:
    outcome = ilrs("check", "--format", "json", str(path))
    assert outcome.exit_code == 1
    assert outcome.stderr == ""
    report = json.loads(outcome.stdout)
    assert report["file"] == str(path)
    assert report["ok"] is False
    assert report["warnings"] == 0
    items = report["problems"]
    assert report["errors"] == len(items) > 0
    assert all(list(item) == KEYS and item["severity"] == "error" for item in items)
    assert all(item["text"].endswith(item["message"]) for item in items)
    for expected in expectations(path):
        assert any(expected in escape(item["text"]) for item in items), (expected, items)
    # The text report: a line "  - TEXT" a problem, in the same order, with the same lines.
    reported = [line[4:] for line in ilrs("check", str(path)).stderr.splitlines()[1:]]
    assert reported == [escape(item["text"]) for item in items]
    assert [item["line"] for item in items] == [first_line(text) for text in reported]


@pytest.mark.parametrize("path", ACCEPTED, ids=lambda path: path.stem)
def test_each_accepted_file_gives_its_warnings(ilrs: Runner, path: Path) -> None:
    warns = header(path, "warns")
    outcome = ilrs("check", "--format", "json", str(path))
    assert outcome.exit_code == 0
    assert outcome.stderr == ""
    report = json.loads(outcome.stdout)
    assert (report["ok"], report["errors"], report["warnings"]) == (True, 0, len(warns))
    items = report["problems"]
    assert all(item["severity"] == "warning" and item["file"] == str(path) for item in items)
    assert [escape(item["text"]).removesuffix(ESCAPED_SUFFIX) for item in items] == warns
    assert [item["line"] for item in items] == [first_line(text) for text in warns]
    strict = ilrs("check", "--strict", "--format", "json", str(path))
    assert strict.exit_code == (1 if warns else 0)
    assert json.loads(strict.stdout)["ok"] is not warns
    assert strict.stderr == ""


def test_an_unused_source_is_a_warning_naming_the_source(ilrs: Runner, tmp_path: Path) -> None:
    spare = '[[sources]]\nid = "spare"\ntitle = "Spare"\npublisher = "P"\nurl = "https://e.org/s"\n'
    path = write(tmp_path, VALID + "\n" + spare)
    (item,) = ilrs("check", "--format", "json", str(path)).json()["problems"]
    assert (item["severity"], item["kind"], item["id"]) == ("warning", "sources", "spare")
    assert item["message"] == "source 'spare' is not cited by any record"


def test_a_clean_file_is_ok_with_no_problems(ilrs: Runner, tmp_path: Path) -> None:
    path = write(tmp_path, VALID)
    outcome = ilrs("check", "--format", "json", str(path))
    assert outcome.exit_code == 0
    assert outcome.json() == {
        "file": str(path), "ok": True, "errors": 0, "warnings": 0, "problems": []
    }  # fmt: skip


def test_a_duplicate_id_names_both_lines_in_text_and_json(ilrs: Runner, tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('id = "launch"', 'id = "rover"'))
    lines = path.read_text(encoding="utf-8").splitlines()
    first, second = (number for number, line in enumerate(lines, 1) if line == 'id = "rover"')
    text = ilrs("check", str(path)).stderr
    assert f"(id 'rover', line {second}): duplicate id 'rover' (already used by a payload, " \
        f"line {first})" in text  # fmt: skip
    (item,) = ilrs("check", "--format", "json", str(path)).json()["problems"]
    assert (item["kind"], item["id"], item["line"], item["other_line"]) == (
        "events", "rover", second, first,
    )  # fmt: skip


def test_a_file_that_is_not_a_dataset_is_one_problem_in_no_record(
    ilrs: Runner, tmp_path: Path
) -> None:
    for text, message, line in [
        ("\n\nnot toml at all", "not valid TOML", 3),
        ("", "is empty", None),
    ]:
        path = write(tmp_path, text)
        (item,) = ilrs("check", "--format", "json", str(path)).json()["problems"]
        assert (item["kind"], item["id"], item["line"]) == (None, None, line)
        assert item["message"].startswith(message)


ANNOTATIONS = r'.problems[] | "::\(.severity) file=\(.file),line=\(.line // 1)::\(.message)"'


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
def test_jq_turns_the_report_into_github_annotations(ilrs: Runner) -> None:
    """docs/dataset.md's CI step: jq reads the report into one annotation a problem."""
    docs = Path(__file__).parents[1] / "docs" / "dataset.md"
    assert f"jq -r '{ANNOTATIONS}' check.json" in docs.read_text(encoding="utf-8")
    path = next(path for path in HOSTILE if path.stem == "duplicate-id")
    report = ilrs("check", "--format", "json", str(path)).stdout
    found = subprocess.run(
        ["jq", "-r", ANNOTATIONS], input=report, capture_output=True, text=True, check=True
    )
    assert found.stdout == (
        f"::error file={path},line=39::duplicate id 'metu' (already used by an institution, "
        "line 17)\n"
    )
