"""ilrs cite, source markers, --as-of, fields, Chinese names and --fail-empty."""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import pytest
from bibtexparser.bparser import BibTexParser
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from ilrs_cli.core.safe_text import escape
from ilrs_cli.render.bibtex import bibtex_escape
from ilrs_cli.report.commands import COLUMNS_BY_COMMAND

from .conftest import Runner, ids
from .test_loader import VALID, write

# -- BibTeX, read back with a real parser ------------------------------------------------------

UNESCAPE = {value: key for key, value in {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}.items()}  # fmt: skip


def unescape(text: str) -> str:
    pattern = "|".join(re.escape(escaped) for escaped in sorted(UNESCAPE, key=len, reverse=True))
    return re.sub(pattern, lambda match: UNESCAPE[match[0]], text)


def parse_bibtex(text: str) -> dict[str, dict[str, str]]:
    """Entries by key, parsed by bibtexparser; every entry in the text must come back whole."""
    parser = BibTexParser(ignore_nonstandard_types=False, common_strings=False)
    database = bibtexparser.loads(text, parser=parser)
    entries = {entry["ID"]: entry for entry in database.entries}
    assert len(entries) == len(database.entries)  # keys are unique
    assert len(entries) == len(re.findall(r"^@online\{", text, re.MULTILINE))
    return entries


def test_cite_text_names_the_record_and_each_source(ilrs: Runner) -> None:
    outcome = ilrs("cite", "multi-functional-robot")
    assert outcome.exit_code == 0
    lines = outcome.stdout.splitlines()
    assert lines[0].startswith("Sources of payload multi-functional-robot (Lunar surface")
    assert len(lines) == 3
    assert lines[1].startswith("[1] SpaceNews (2025-04-24). China selects international")
    assert "https://africaflying.com/" in lines[1]
    assert lines[1].endswith("Cited for: paragraph 7.")
    assert "Accessed" not in outcome.stdout  # no access date is made up
    assert lines[2].startswith("[2] zdbk.net (undated). [Chinese-language repost")


def test_cite_bibtex_parses_with_stable_unique_keys(ilrs: Runner) -> None:
    first = ilrs("cite", "multi-functional-robot", "--format", "bibtex").stdout
    assert first == ilrs("cite", "multi-functional-robot", "--format", "bibtex").stdout
    entries = parse_bibtex(first)
    assert list(entries) == ["spacenews", "zdbk-cnsa-release"]
    article = entries["spacenews"]
    assert article["ENTRYTYPE"] == "online"
    title = unescape(article["title"].removeprefix("{").removesuffix("}"))
    assert title == "China selects international payloads for Chang'e-8 lunar south pole mission"
    assert article["organization"] == "SpaceNews"
    assert article["date"] == "2025-04-24"
    assert "urldate" not in article  # the fixture records no checked or accessed date
    assert article["note"] == "Cited for: paragraph 7"
    assert "date" not in entries["zdbk-cnsa-release"]


def test_bibtex_keys_are_unique_across_every_source(ilrs: Runner) -> None:
    sources = ilrs("info", "--json").json()["sources"]
    every = "\n\n".join(
        ilrs("cite", source["id"], "--format", "bibtex").stdout for source in sources
    )
    assert len(parse_bibtex(every)) == len(sources)


def test_cite_csl_json_is_an_array_of_csl_items(ilrs: Runner) -> None:
    items = json.loads(ilrs("cite", "multi-functional-robot", "--format", "csl-json").stdout)
    assert [item["id"] for item in items] == ["spacenews", "zdbk-cnsa-release"]
    for item in items:
        assert {"id", "type", "title", "publisher", "URL"} <= set(item)
        assert item["type"] == "webpage"
        assert "accessed" not in item  # never the dataset's as-of date in disguise
    assert items[0]["issued"] == {"date-parts": [[2025, 4, 24]]}
    assert "issued" not in items[1]  # undated: left out, never invented
    assert items[0]["note"] == "Cited for: paragraph 7."  # `locator` is a cite's, not an item's
    assert "container-title" not in items[0]  # the publisher's own site: named once


def test_csl_date_parts_keep_the_precision(ilrs: Runner) -> None:
    items = json.loads(ilrs("cite", "spacewatch-2024-05", "--format", "csl-json").stdout)
    assert items[0]["issued"] == {"date-parts": [[2024, 5]]}


SPECIAL_TITLE = "Rover & {braces} at 100% #1_x ~ ^ $ \\ done"
REPOST = (
    'via = "reposts.example"\noriginal_url = "https://news.example/original"\n'
    'author = "A. Writer"\nchecked = "2026-11-26"'
)


def test_checked_date_repost_archive_and_escaping(tmp_path: Path, ilrs: Runner) -> None:
    text = VALID.replace(
        'title = "An article"',
        f'title = {json.dumps(SPECIAL_TITLE)}\naccessed = "2025-05-01"\n{REPOST}\n'
        'archive_url = "https://web.archive.org/web/2025/https://example.org/article"',
    )
    path = write(tmp_path, text)
    bib = parse_bibtex(ilrs("--data", str(path), "cite", "rover", "--format", "bibtex").stdout)
    entry = bib["article"]
    assert unescape(entry["title"][1:-1]) == SPECIAL_TITLE
    assert entry["title"][1:-1] == bibtex_escape(SPECIAL_TITLE)
    assert entry["urldate"] == "2025-05-01"
    assert entry["author"] == "{A. Writer}"
    assert entry["url"] == "https://news.example/original"
    assert "Read as a repost by reposts.example" in entry["addendum"]
    assert "Archived at \\url{https://web.archive.org/" in entry["addendum"]
    plain = ilrs("--data", str(path), "cite", "rover").stdout
    assert "[1] A. Writer. A publisher" in plain
    assert "Read as a repost by reposts.example: https://example.org/article." in plain
    assert "Original: https://news.example/original." in plain
    assert "Checked 2026-11-26. Accessed 2025-05-01. Archived at https://web.archive.org/" in plain
    csl = json.loads(ilrs("--data", str(path), "cite", "rover", "--format", "csl-json").stdout)
    assert csl[0]["author"] == [{"literal": "A. Writer"}]
    assert csl[0]["accessed"] == {"date-parts": [[2025, 5, 1]]}


HOSTILE_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=40
).filter(lambda text: text.strip() != "")


@settings(max_examples=150, deadline=None)
@given(title=HOSTILE_TEXT, publisher=HOSTILE_TEXT, at=HOSTILE_TEXT, url_tail=HOSTILE_TEXT)
def test_bibtex_is_well_formed_for_any_text(
    title: str, publisher: str, at: str, url_tail: str
) -> None:
    from ilrs_cli.core.records import Source
    from ilrs_cli.render import Format, render
    from ilrs_cli.report.citations import Bibliography, Reference

    source = Source("key", title, publisher, "https://example.org/" + url_tail, via=publisher,
                    archive_url="https://web.archive.org/" + url_tail, author=at)  # fmt: skip
    text = render(Bibliography((), (Reference(source, (at,)),)), Format.BIBTEX)
    assert "\x1b" not in text and "\x9b" not in text
    entry = parse_bibtex(text + "\n\n" + text.replace("{key,", "{other,", 1))["key"]
    assert set(entry) == {"ENTRYTYPE", "ID", "title", "author", "organization", "url", "note",
                          "addendum"}  # fmt: skip
    assert entry["organization"].count("{") == entry["organization"].count("}")
    assert unescape(entry["title"][1:-1]) == escape(title)  # the exact value, made visible


def test_cite_unknown_id(ilrs: Runner) -> None:
    outcome = ilrs("cite", "egpyt")
    assert outcome.exit_code == 1
    assert "did you mean egypt" in outcome.stderr
    assert ilrs("cite", "egypt", "--format", "apa").exit_code == 2


# -- members --as-of -------------------------------------------------------------------------


def test_members_as_of_before_and_after_egypts_agreement(ilrs: Runner) -> None:
    before = ilrs("members", "--national", "--as-of", "2023-12-05", "--json")
    after = ilrs("members", "--national", "--as-of", "2023-12-06", "--json")
    assert before.exit_code == after.exit_code == 0
    assert "egypt" not in ids(before.json())
    assert "egypt" in ids(after.json())
    assert ids(before.json()) == [
        "russia", "venezuela", "south-africa", "azerbaijan", "pakistan", "belarus",
    ]  # fmt: skip
    for outcome in (before, after):
        assert "no signing date in the data: Turkey (reported), Bahrain (reported)" in (
            outcome.stderr
        )


def test_members_as_of_names_a_spanning_date_apart(ilrs: Runner) -> None:
    outcome = ilrs("members", "--as-of", "2024-05-07", "--json")
    assert "serbia" not in ids(outcome.json())
    assert "the signing date spans 2024-05-07: Serbia (2024-05-07 to 2024-05-08)" in outcome.stderr
    assert "serbia" in ids(ilrs("members", "--as-of", "2024-05", "--json").json())


def test_as_of_cannot_pass_the_datas_own_date(ilrs: Runner) -> None:
    for command in ("members", "timeline"):
        outcome = ilrs(command, "--as-of", "2026")
        assert outcome.exit_code == 2
        assert "give a date on or before 2026-04-13" in outcome.stderr


# -- timeline --as-of ------------------------------------------------------------------------


def statuses(ilrs: Runner, day: str) -> dict[str, str]:
    events = ilrs("timeline", "--as-of", day, "--json").json()
    return {event["id"]: event["status"] for event in events}


def test_timeline_statuses_are_judged_at_the_given_date(ilrs: Runner) -> None:
    assert statuses(ilrs, "2023-12-05")["egypt-signs"] == "planned"
    assert statuses(ilrs, "2023-12-06")["egypt-signs"] == "done"
    assert statuses(ilrs, "2024-05-07")["serbia-signs"] == "uncertain"
    assert statuses(ilrs, "2024-04")["turkey-applies"] == "done"
    assert statuses(ilrs, "2024-04-10")["turkey-applies"] == "uncertain"
    default = {e["id"]: e["status"] for e in ilrs("timeline", "--json").json()}
    assert default == statuses(ilrs, "2026-04-13")
    table = ilrs("timeline", "--as-of", "2024-01", env={"COLUMNS": "200"}).stdout
    # the caption names the dataset's path: where the checkout is decides where it wraps
    assert "Status (planned or done) is as of 2024-01-31." in " ".join(table.split())


def test_dates_keep_their_precision_in_tables(ilrs: Runner) -> None:
    table = ilrs("timeline", "--after", "2026", env={"COLUMNS": "200"}).stdout
    for shown in ("2026 ", "2028 to 2029", "2030s"):
        assert shown in table
    assert "2028-01-01" not in table and "2030-01-01" not in table
    assert "2024-05-07 to 2024-05-08" in ilrs("members", "-c", "Serbia").stdout


# -- fields ------------------------------------------------------------------------------------

NEEDS_ARGUMENTS = {"search": ["rover"]}  # list commands that answer nothing without one


@pytest.mark.parametrize("command", sorted(COLUMNS_BY_COMMAND))
def test_fields_match_what_json_emits(ilrs: Runner, command: str) -> None:
    listed = [row["field"] for row in ilrs("fields", command, "--json").json()]
    arguments = NEEDS_ARGUMENTS.get(command, [])
    emitted = ilrs(command, *arguments, "--json").json()
    assert emitted
    for item in emitted:
        assert list(item) == listed
    csv_header = ilrs(command, *arguments, "--csv").stdout.splitlines()[0]
    assert csv_header.split(",") == listed


def test_fields_for_all_commands_have_types_and_descriptions(ilrs: Runner) -> None:
    rows = ilrs("fields", "--json").json()
    assert {row["command"] for row in rows} == set(COLUMNS_BY_COMMAND)
    assert all(row["type"] and row["description"] for row in rows)
    assert ilrs("fields", "show").exit_code == 2


# -- Chinese names -----------------------------------------------------------------------------


def test_chinese_mission_names_are_shown_and_searchable(ilrs: Runner) -> None:
    hits = ilrs("search", "嫦娥八号", "--json").json()
    assert [(hit["type"], hit["id"]) for hit in hits] == [("mission", "chang-e-8")]
    mission = ilrs("show", "chang-e-8", "--json").json()
    assert mission["name_zh"] == "嫦娥八号"
    assert "国际月球科研站" in ilrs("show", "ilrs").stdout
    assert ids(ilrs("search", "莱布尼茨", "--json").json()) == ["ce8-landing-site"]


@pytest.mark.parametrize("args", [["show", "micro-rovers"], ["search", "香港"], ["show", "ilrs"]])
def test_tables_with_wide_characters_stay_aligned(ilrs: Runner, args: list[str]) -> None:
    table = ilrs(*args, env={"COLUMNS": "90"}).stdout
    lines = [line.rstrip() for line in table.splitlines() if line[:1] in "┏┃┡│├└"]
    assert any(any("\u4e00" <= char <= "\u9fff" for char in line) for line in lines)
    assert len({cell_len(line) for line in lines}) == 1


# -- --fail-empty ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["payloads", "--country", "France"],
        ["members", "--country", "France"],
        ["timeline", "--before", "2020"],
        ["mission", "--mission", "Chang'e-7"],
        ["countries", "--country", "France"],
        ["search", "Artemis II"],
    ],
)
def test_fail_empty_exits_3_only_when_nothing_matches(ilrs: Runner, args: list[str]) -> None:
    assert ilrs(*args).exit_code == 0
    empty = ilrs(*args, "--fail-empty", "--json")
    assert empty.exit_code == 3
    assert empty.json() == []
    assert ilrs(*args, "--fail-empty").exit_code == 3
    assert ilrs(args[0], "--fail-empty", *(["rover"] if args[0] == "search" else [])).exit_code == 0


def test_exit_codes_are_documented_in_help(ilrs: Runner) -> None:
    text = " ".join(ilrs("--help").stdout.split())
    assert "3 nothing matched (only with --fail-empty)" in text
