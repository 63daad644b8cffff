"""The loader reports every problem in a broken file at once, naming the file and record."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ilrs_cli.core.errors import DatasetError
from ilrs_cli.load import load_dataset

from .conftest import Runner

VALID = """
[dataset]
title = "Test"
version = "0.0.1"
as_of = "2025-06-01"

[places]
"Turkey" = "TR"

[[sources]]
id = "article"
title = "An article"
publisher = "A publisher"
url = "https://example.org/article"

[[institutions]]
id = "metu"
name = "Middle East Technical University"
country = "Turkey"
sources = [{ id = "article", at = "paragraph 9" }]

[[payloads]]
id = "rover"
name = "A rover"
kind = "rover"
description = "Rolls."
institutions = ["metu"]
sources = [{ id = "article", at = "paragraph 9" }]

[[members]]
id = "turkey"
name = "Turkey"
country = "Turkey"
level = "national"
status = "reported"
sources = [{ id = "article", at = "paragraph 19" }]

[[events]]
id = "launch"
date = "2028/2029"
mission = "Chang'e-8"
status = "planned"
event = "Launch"
sources = [{ id = "article", at = "paragraph 2" }]

[[missions]]
id = "chang-e-8"
name = "Chang'e-8"
sources = [{ id = "article", at = "paragraph 1" }]

[[missions]]
id = "ilrs"
name = "ILRS"
sources = [{ id = "article", at = "paragraph 1" }]
"""


def write(tmp_path: Path, text: str, name: str = "data.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    assert caught.value.path == str(path)
    return caught.value.problems


def test_the_minimal_valid_file_loads(tmp_path: Path) -> None:
    dataset = load_dataset(write(tmp_path, VALID))
    assert [payload.id for payload in dataset.payloads] == ["rover"]
    assert dataset.payloads[0].institutions[0].place.code == "TR"
    assert dataset.info.as_of.isoformat() == "2025-06-01"


def test_every_problem_is_reported_at_once_at_its_fields_line(tmp_path: Path) -> None:
    broken = (
        VALID.replace('id = "article", at = "paragraph 19"', 'id = "artcle", at = "paragraph 19"')
        .replace('level = "national"', 'level = "global"')
        .replace('status = "planned"', 'status = "maybe"')
        .replace('name = "A rover"\n', "")
        .replace('description = "Rolls."', "description = 42")
        .replace('id = "launch"', 'id = "rover"')
        .replace(
            'country = "Turkey"\nsources = [{ id = "article", at = "paragraph 9" }]',
            'country = "Turkye"\nsources = [{ id = "article", at = "paragraph 9" }]',
        )
    )
    problems = problems_of(write(tmp_path, broken))
    expected = [
        "[[institutions]] #1 (id 'metu', line 19): unknown country or region 'Turkye' "
        "(did you mean 'Turkey'?)",
        "[[payloads]] #1 (id 'rover', line 22): missing required field 'name'",
        "[[payloads]] #1 (id 'rover', line 25): 'description' must be a non-empty string, "
        "not an integer",
        "[[members]] #1 (id 'turkey', line 33): 'level' is 'global'; use one of: national, "
        "subnational, organization, affiliated",
        "[[members]] #1 (id 'turkey', line 35) source #1: unknown source id 'artcle' (did you mean "
        "'article'?)",
        "[[events]] #1 (id 'rover', line 38): duplicate id 'rover' (already used by a payload, "
        "line 23)",
        "[[events]] #1 (id 'rover', line 41): 'status' is 'maybe'; use one of: planned, done",
    ]
    for message in expected:
        assert any(problem.startswith(message) for problem in problems), (message, problems)
    assert len(problems) == len(expected)


def test_records_without_sources_and_unknown_fields(tmp_path: Path) -> None:
    broken = VALID.replace(
        'sources = [{ id = "article", at = "paragraph 2" }]', "sources = []\nsoruces = []"
    )
    problems = problems_of(write(tmp_path, broken))
    assert problems == [
        "[[events]] #1 (id 'launch', line 44): has no sources; every record needs at least one",
        "[[events]] #1 (id 'launch', line 45): unknown field 'soruces' (did you mean 'sources'?)",
    ]


def test_dates_are_checked_against_the_as_of_date(tmp_path: Path) -> None:
    broken = VALID.replace('date = "2028/2029"', 'date = "2024"') + (
        '\n[[events]]\nid = "later"\ndate = "2030s"\nmission = "ILRS"\nstatus = "done"\n'
        'event = "x"\nsources = [{ id = "article", at = "page" }]\n'
        '\n[[events]]\nid = "bad-date"\ndate = "2024-02-30"\nmission = "ILRS"\n'
        'status = "done"\nevent = "x"\nsources = [{ id = "article", at = "page" }]\n'
    )
    problems = problems_of(write(tmp_path, broken))
    assert any("'planned' but dated 2024, before the as_of date 2025-06-01" in p for p in problems)
    assert any("'done' but dated 2030s, after the as_of date" in p for p in problems)
    assert any("'2024-02-30' is not a date" in p for p in problems)


def test_affiliated_members_need_an_organization(tmp_path: Path) -> None:
    broken = VALID.replace('level = "national"', 'level = "affiliated"\nvia = "turkey"')
    problems = problems_of(write(tmp_path, broken))
    assert problems == [
        "[[members]] (id 'turkey'): 'via' 'turkey' is not the id of a member with level "
        "'organization'"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[dataset\ntitle = 1\n", "not valid TOML: "),
        (b"\xff\xfegarbage", "is UTF-16 text; save it as UTF-8"),
        (b"\xc3\x28 = 1\n", "is not UTF-8 text (bad byte at offset 0)"),
        (b"[dataset]\x00\x01", "is a binary file"),
        (b"", "is empty"),
        (b"  \n\n", "is empty"),
    ],
)
def test_unusable_files_get_one_clear_problem(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(content)
    problems = problems_of(path)
    assert problems[0].startswith(message), problems


def test_a_file_without_the_dataset_table(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("title = 'no dataset table'\n", encoding="utf-8")
    assert problems_of(path) == [
        "unknown top-level table 'title'",
        "missing the [dataset] table (title, version, as_of)",
    ]


def test_syntax_errors_name_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('version = "0.0.1"', "version = 0.0.1"))
    (problem,) = problems_of(path)
    assert "line 4" in problem


def test_missing_file(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path / "absent.toml")
    assert problem.startswith("cannot read the file")


def test_report_names_the_file_and_counts(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('kind = "rover"', 'kind = "lander"'))
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    report = caught.value.report()
    assert report.splitlines()[0] == f"{path}: 1 problem:"
    assert "'kind' is 'lander'; use one of: robot, rover, instrument" in report


def test_the_cli_exits_1_with_the_report_and_no_traceback(
    tmp_path: Path, ilrs: Runner, use_dataset: Callable[[Path], None]
) -> None:
    path = write(tmp_path, VALID.replace('kind = "rover"', 'kind = "lander"'))
    use_dataset(path)
    for args in (["payloads"], ["members", "--json"], ["timeline"]):
        outcome = ilrs(*args)
        assert outcome.exception is None
        assert outcome.exit_code == 1
        assert outcome.stdout == ""
        assert str(path) in outcome.stderr
        assert "'kind' is 'lander'" in outcome.stderr
        assert "Traceback" not in outcome.stderr


def test_a_payload_needs_partner_institutions(tmp_path: Path) -> None:
    broken = VALID.replace('institutions = ["metu"]', "institutions = []").replace(
        'kind = "rover"', 'kind = "lander"'
    )
    problems = problems_of(write(tmp_path, broken))
    assert "[[payloads]] #1 (id 'rover', line 27): 'institutions' is empty" in problems
    assert len(problems) == 2
