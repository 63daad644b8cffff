"""The bundled dataset's citations as re-checked for data release 1.2.0: titles and dates taken
from other stored copies of the same text, and the seed article's note on finding the original."""

from __future__ import annotations

import pytest

from ilrs_cli.core.records import Source
from ilrs_cli.load import load_dataset

# Titles that the cited page does not show but another stored copy of the same text does (or
# the page shows after all), with a word the note uses to say where the title came from.
TITLES_FROM_COPIES = {
    "zdbk-cnsa-release": ("嫦娥八号任务合作项目,这10个入选", "Guangming"),
    "spacenews-nicaragua": ("Nicaragua signs up to China's ILRS moon program", "au.nda.news"),
    "spacecoastdaily-2025-07": (
        "Senegal Became 56th Country to Sign Artemis Accords Practice Principals for Space "
        "Exploration",
        "Space Coast Daily",
    ),
    "sputnik-tr-2025-12-18": (
        "Prof. Dr. Ahmet Yozgatlıgil: Ay'ın yüzeyinde ODTÜ'nün izi olacak",
        "stored page",
    ),
    "hkust-2025-12-18": (
        'HKUST Leads International "Hong Kong Operation Robot" Project',
        "clipping",
    ),
    "hsf-blog-2022-03": ("Bahrain Signs Artemis Accords", "NASA's release"),
}


@pytest.fixture(scope="module")
def sources() -> dict[str, Source]:
    return {source.id: source for source in load_dataset().sources}


@pytest.mark.parametrize("source_id", sorted(TITLES_FROM_COPIES))
def test_titles_taken_from_a_stored_copy(sources: dict[str, Source], source_id: str) -> None:
    source = sources[source_id]
    title, where = TITLES_FROM_COPIES[source_id]
    assert source.title == title
    assert not source.untitled
    assert where in (source.note or "")


def test_dates_from_other_copies(sources: dict[str, Source]) -> None:
    assert sources["techtag-kazakhstan"].date.text == "2024-08-05/2024-08-13"  # type: ignore[union-attr]
    assert sources["spacenews-2024-07"].date.text == "2024-07"  # type: ignore[union-attr]


def test_seed_article_says_how_to_find_the_original(sources: dict[str, Source]) -> None:
    seed = sources["spacenews"]
    assert "spacenews.com" not in seed.url
    note = seed.note or ""
    assert "search spacenews.com for the title" in note
    assert seed.title in note
    assert "Helsinki" in note
