"""The bundled dataset itself: sourced, consistent with the article, valid codes."""

from __future__ import annotations

import re

import pycountry
import pytest

from ilrs_cli.core.records import Citation, Dataset
from ilrs_cli.load import load_dataset
from ilrs_cli.load.store import bundled_path

ARTICLE_PARAGRAPHS = 21


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


def all_citations(dataset: Dataset) -> list[tuple[str, Citation]]:
    records = [
        *dataset.institutions,
        *dataset.payloads,
        *dataset.members,
        *dataset.events,
        *dataset.facts,
    ]
    return [(record.id, citation) for record in records for citation in record.sources]


def test_the_bundled_file_is_the_repository_file(dataset: Dataset) -> None:
    assert bundled_path().name == "chang8.toml"
    assert dataset.bundled
    assert dataset.info.as_of.isoformat() == "2026-04-13"


def test_record_counts(dataset: Dataset) -> None:
    assert len(dataset.payloads) == 10
    assert len(dataset.institutions) == 17
    assert len(dataset.facts) >= 10


def test_article_citations_name_real_paragraphs(dataset: Dataset) -> None:
    for record_id, citation in all_citations(dataset):
        if citation.source.id != "spacenews":
            continue
        match = re.fullmatch(r"paragraphs? (\d+(?:, \d+)*)", citation.at)
        assert match, (record_id, citation.at)
        numbers = [int(number) for number in match[1].split(", ")]
        assert all(1 <= number <= ARTICLE_PARAGRAPHS for number in numbers), record_id


def test_every_source_is_used(dataset: Dataset) -> None:
    used = {citation.source.id for _, citation in all_citations(dataset)}
    assert {source.id for source in dataset.sources} - used == set()


def test_place_codes_are_real_iso_3166_codes(dataset: Dataset) -> None:
    for place in dataset.places:
        if place.code is None:
            continue
        if "-" in place.code:
            assert pycountry.subdivisions.get(code=place.code) is not None, place
        else:
            assert pycountry.countries.get(alpha_2=place.code) is not None, place


def test_star_vision_country_comes_from_a_source_that_gives_it(dataset: Dataset) -> None:
    (star_vision,) = [inst for inst in dataset.institutions if inst.id == "star-vision"]
    assert star_vision.place.name == "China"
    assert "chinadaily-2025-01-27" in {citation.source.id for citation in star_vision.sources}


def test_planned_and_done_agree_with_the_as_of_date(dataset: Dataset) -> None:
    as_of = dataset.info.as_of
    for event in dataset.events:
        if event.status.value == "done":
            assert event.date.start <= as_of, event.id
        else:
            assert event.date.end >= as_of, event.id


def test_toml_parser_matches_the_python_version() -> None:
    import sys

    from ilrs_cli.load import reader

    expected = "tomllib" if sys.version_info >= (3, 11) else "tomli"
    assert reader.tomllib.__name__ == expected


def test_mission_facts_cover_the_articles_questions(dataset: Dataset) -> None:
    facts = {fact.id: fact for fact in dataset.facts}
    assert "Mons Mouton" in facts["ce8-landing-site"].text
    assert "Leibnitz Beta" in facts["ce8-landing-site"].text
    assert "shadowed" in facts["ce8-landing-site"].text
    assert facts["ce8-launch-window"].text == "2028 or 2029."
    assert "200 kg" in facts["ce8-payload-mass"].text
    assert "3D printing bricks" in facts["ce8-isru"].text
    assert "China's own, Pakistan's" in facts["ce8-rovers"].text
    assert "17 countries" in facts["ilrs-participation"].text
    assert "over 50 foreign research institutions" in facts["ilrs-participation"].text
    assert "50 countries" in facts["ilrs-targets"].text
