"""Names people search for: each alias of the bundled data is shown by a source its record
cites, and IKI is found by its Russian names (issue 35, item 7; issue 34)."""

from __future__ import annotations

import pytest

from ilrs_cli.core.records import Dataset
from ilrs_cli.load import load_dataset
from ilrs_cli.query.search import search

from .test_data import cited, record
from .test_data_release_1_2 import ALIASES as ALIASES_1_2


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


# Every record with aliases: its names, and the cited source that shows them (1.2.0's, and
# IKI's Russian names).
ALIASES = {
    **ALIASES_1_2,
    "iki": (("Институт космических исследований РАН", "ИКИ РАН", "ИКИ"), "tass-ru-25215987"),
}


def test_every_alias_has_a_cited_source(dataset: Dataset) -> None:
    with_aliases = {r.id: r.aliases for r in (*dataset.institutions, *dataset.members) if r.aliases}
    assert with_aliases == {record_id: names for record_id, (names, _) in ALIASES.items()}
    for record_id, (_, source_id) in ALIASES.items():
        assert source_id in cited(record(dataset, "institutions", record_id)), record_id


def test_iki_names_come_from_the_tass_interview_of_2_october_2025(dataset: Dataset) -> None:
    (source,) = [s for s in dataset.sources if s.id == "tass-ru-25215987"]
    assert source.publisher == "TASS"
    assert source.date is not None and source.date.text == "2025-10-02"
    assert source.url == "https://tass.ru/interviews/25215987"
    assert source.title.startswith("Директор ИКИ РАН:")  # the page's own title names it


@pytest.mark.parametrize("text", ["ИКИ", "ики", "ИКИ РАН", "Институт космических исследований"])
def test_search_in_russian_finds_iki_and_its_instruments(dataset: Dataset, text: str) -> None:
    hits = search(dataset, text)
    assert {hit.record.id for hit in hits if hit.kind.name == "institution"} == {"iki"}
    payloads = {hit.record.id for hit in hits if hit.kind.name == "payload"}
    assert payloads == {"plasma-dust-sensor", "ion-neutral-analyzer", "ce7-lunar-dust-instrument"}
