"""`ilrs cite --style`: the bundled CSL styles rendered by citeproc-py for every source of the
frozen fixture, of the dataset of every date form (tests/writers/test_citation_readers.py)
and of the hostile dataset; one APA entry against its source's fields; the files shipped
and their licence; what happens without citeproc-py or with another format."""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from ilrs_cli import api
from ilrs_cli.core.citation_styles import EXTRA, STYLE_FILES, Style
from ilrs_cli.core.errors import QueryError
from ilrs_cli.core.records import Dataset, Source
from ilrs_cli.render import Format, render
from ilrs_cli.render.styled_text import for_citeproc
from ilrs_cli.report.citations import Bibliography, Reference

from ..child import pinned, run_main
from ..conftest import FROZEN, Outcome, Runner
from ..test_completion import complete_bash
from .hostile import raw_characters
from .test_citation_readers import SAME_YEAR_RANGE, dated, dates_toml, frozen  # noqa: F401

STYLES_DIR = Path(api.__file__).parent / "render" / "styles"


def styled(dataset: Dataset, style: Style) -> list[str]:
    """The entries of every source in `style`, an entry a line (the first line is the
    heading); no warning from citeproc-py."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        text = api.cite(every=True, style=style.value, dataset=dataset)
    heading, *entries = text.split("\n")
    assert heading.startswith("Sources of ") and heading.endswith(f", in {STYLE_FILES[style][1]}:")
    return entries


def entry_of(entries: list[str], source: Source) -> str:
    """The one entry that gives this source's address."""
    url = source.original_url or source.url
    found = [entry for entry in entries if re.search(re.escape(url) + r"(\.|$| )", entry)]
    assert len(found) == 1, (source.id, found)
    return found[0]


# How each style shows the range within one year of the date-forms dataset: the part both
# ends share (April 2025); citeproc-py 0.11 fails on the whole range in APA and Chicago
# author-date, garbles it in Chicago notes ("24,–25, April") and drops it in Harvard.
SAME_YEAR_SHOWN = {
    Style.APA: "(2025, April).",
    Style.CHICAGO_AUTHOR_DATE: "2025. ",
    Style.CHICAGO_NOTE: ", April 2025.",
    Style.MLA: ", Apr. 2025,",
    Style.HARVARD: "(2025)",
}


@pytest.mark.parametrize("style", list(Style))
def test_each_style_renders_every_source_once_with_its_year(
    style: Style,
    frozen: Dataset,  # noqa: F811
    dated: Dataset,  # noqa: F811
) -> None:
    """One test a style: citeproc-py takes seconds for the frozen fixture's sources."""
    for dataset in (frozen, dated):
        entries = styled(dataset, style)
        assert len(entries) == len(dataset.sources) > 4
        for source in dataset.sources:
            entry = entry_of(entries, source)
            # the title once: citeproc-py 0.11 prints it twice for a source without an author
            # where the style puts the title in the author's place (MLA, Harvard)
            title, text = source.title.casefold(), entry.casefold().replace("(no date)", "")
            assert text.count(title) == 1, entry  # Harvard's "(no date)" is not a title
            assert entry.startswith(source.author or source.publisher), entry
            if source.date:
                assert str(source.date.start.year) in entry, entry
            if source.title == SAME_YEAR_RANGE:
                assert SAME_YEAR_SHOWN[style] in entry and "24" not in entry, entry


def test_only_a_range_within_one_year_is_changed() -> None:
    def issued(*parts: list[int]) -> object:
        item = {"id": "a", "publisher": "P", "issued": {"date-parts": list(parts)}}
        return for_citeproc(item)["issued"]["date-parts"]

    assert issued([2025, 4, 24], [2025, 4, 25]) == [[2025, 4]]
    assert issued([2025, 4, 24], [2025, 5, 2]) == [[2025]]
    assert issued([2025, 4], [2025, 6]) == [[2025]]
    assert issued([2024, 12, 30], [2025, 1, 2]) == [[2024, 12, 30], [2025, 1, 2]]
    assert issued([2028], [2029]) == [[2028], [2029]]
    assert issued([2024, 5]) == [[2024, 5]]


def test_a_range_within_one_year_answers_on_the_command_line(ilrs: Runner, tmp_path: Path) -> None:
    path = tmp_path / "dates.toml"
    path.write_text(dates_toml(), encoding="utf-8")
    for style in Style:
        outcome = ilrs("cite", "same-year-range", "--style", style.value, "--data", str(path))
        assert outcome.exit_code == 0 and outcome.exception is None, outcome.stderr
        assert SAME_YEAR_RANGE in outcome.stdout


def test_an_apa_entry_gives_its_sources_fields(frozen: Dataset) -> None:  # noqa: F811
    """APA 7th edition for a web page of an organisation (no author), dated to the day: the
    organisation as group author, not repeated as the site. Author. (Year, Month Day). Title.
    URL"""
    source = next(s for s in frozen.sources if s.date and s.date.is_day and not s.via)
    assert source.date is not None and source.author is None
    day = source.date.start
    expected = f"{source.publisher}. ({day.year}, {day:%B} {day.day}). {source.title}. {source.url}"
    one = Bibliography((), (Reference(source, ()),), style=Style.APA)
    assert render(one, Format.TEXT).split("\n")[1:] == [expected]


@pytest.mark.parametrize("style", list(Style))
def test_every_style_keeps_hostile_text_inert(
    run: Callable[..., Outcome], hostile_dataset: Dataset, style: Style
) -> None:
    """The sources of one record, which has every form of source: an author, none, a repost,
    a page without a title (citeproc-py takes seconds for all of them)."""
    outcome = run("cite", "micro-rovers", "--style", style.value)
    assert raw_characters(outcome.stdout) == [] and raw_characters(outcome.stderr) == []
    cited = api.cite("micro-rovers", format="csl-json", dataset=hostile_dataset)
    assert len(outcome.stdout.splitlines()) == 1 + cited.count('"id":') > 4
    assert "\\x1b[31mred" in outcome.stdout  # escaped, not dropped


def test_a_style_applies_to_the_text_format_only(ilrs: Runner) -> None:
    for fmt in ("bibtex", "csl-json"):
        outcome = ilrs("cite", "spacenews", "--style", "apa", "--format", fmt)
        assert outcome.exit_code == 2 and outcome.stdout == ""
        assert "Invalid value for '--style': a style applies to the text format only" in (
            outcome.stderr
        )
        with pytest.raises(QueryError) as raised:
            api.cite("spacenews", style="apa", format=fmt, dataset=api.load(FROZEN))
        assert raised.value.argument == "style"
    outcome = ilrs("cite", "spacenews", "--style", "vancouver")
    assert outcome.exit_code == 2 and "apa, chicago-author-date, chicago-note, mla, harvard" in (
        outcome.stderr
    )
    with pytest.raises(QueryError, match="not a style; use one of: apa"):
        api.cite("spacenews", style="vancouver", dataset=api.load(FROZEN))


@pytest.fixture
def no_citeproc(tmp_path: Path) -> Path:
    """A folder whose `citeproc` package cannot be imported, as when it is not installed."""
    (tmp_path / "citeproc").mkdir()
    (tmp_path / "citeproc" / "__init__.py").write_text("raise ImportError('not installed')\n")
    return tmp_path


def test_without_citeproc_one_line_says_how_to_install_it(
    ilrs: Runner, no_citeproc: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    message = f"ilrs: error: A citation style needs citeproc-py, which is not installed: {EXTRA}\n"
    # on the fast answer path, in a child Python
    env = pinned(ILRS_DATA=str(FROZEN), PYTHONPATH=str(no_citeproc))
    child = run_main("cite", "spacenews", "--style", "apa", env=env, then="")
    assert (child.stdout, child.stderr) == ("", message)
    # on Typer's path, in this process
    monkeypatch.setitem(__import__("sys").modules, "citeproc", None)
    outcome = ilrs("cite", "spacenews", "--style", "mla", "--data", str(FROZEN))
    assert (outcome.exit_code, outcome.stdout, outcome.stderr) == (1, "", message)


def test_style_completes_the_bundled_styles() -> None:
    assert complete_bash("ilrs cite spacenews --style ") == [style.value for style in Style]


def test_the_style_files_are_shipped_with_their_licence() -> None:
    shipped = {path.name for path in STYLES_DIR.iterdir()}
    assert shipped == {f"{name}.csl" for name, _ in STYLE_FILES.values()} | {"README.md"}
    readme = (STYLES_DIR / "README.md").read_text(encoding="utf-8")
    assert "Creative Commons Attribution-ShareAlike 3.0" in readme
    for name, _ in STYLE_FILES.values():
        data = (STYLES_DIR / f"{name}.csl").read_bytes()
        assert b'<rights license="http://creativecommons.org/licenses/by-sa/3.0/">' in data
        assert f"`{name}.csl` | `{hashlib.sha256(data).hexdigest()}`" in readme, name
