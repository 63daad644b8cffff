"""Reports stay linear in the size of the data: every answer (diff and search included) goes
over each list of records a bounded number of times, never once per record of another list
(per source, per institution, per place). Counted, not timed, so it holds on any machine."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ilrs_cli.core.kinds import KINDS, all_records
from ilrs_cli.core.records import Dataset
from ilrs_cli.load import load_dataset
from ilrs_cli.query import index
from ilrs_cli.report import answers
from ilrs_cli.report.diff import diff
from ilrs_cli.report.items import cited_by

from .conftest import FROZEN

LISTS = ("places", *(kind.plural for kind in KINDS))  # every record list: a new kind too
MOST_PASSES = 12  # below the smallest list a per-record pass would multiply by


class Counted(tuple):  # type: ignore[type-arg]
    """A record list that counts how often it is gone over."""

    passes = 0

    def __iter__(self) -> Iterator[Any]:
        type(self).passes += 1
        return super().__iter__()


def counted(dataset: Dataset) -> tuple[Dataset, dict[str, type[Counted]]]:
    kinds = {name: type(f"Counted_{name}", (Counted,), {"passes": 0}) for name in LISTS}
    lists = {name: kinds[name](getattr(dataset, name)) for name in LISTS}
    return dataset._replace(**lists), kinds


@pytest.fixture(scope="module")
def frozen() -> Dataset:
    return load_dataset(FROZEN)


def test_the_lists_are_long_enough_to_show_a_per_record_pass(frozen: Dataset) -> None:
    assert min(len(frozen.sources), len(frozen.institutions), len(frozen.places)) > MOST_PASSES


QUESTIONS: dict[str, Callable[[Dataset], Any]] = {
    "diff": lambda data: diff(data, data._replace(), "old", "new"),
    "search institutions": lambda data: answers.search(data, "university"),
    "search everything": lambda data: answers.search(data, "a"),
    "payloads": lambda data: answers.payloads(data, None, None, None),
    "members": lambda data: answers.members(data, None, None, None, None, None, None, None),
    "timeline": lambda data: answers.timeline(data, None, None, None, None, None, None),
    "countries": lambda data: answers.countries(data, None, None),
    "sources": lambda data: answers.sources(data, None),
    "sources cited by": lambda data: answers.sources(data, data.members[0].id),
    "info": answers.info,
    "show a source": lambda data: answers.show(data, data.sources[0].id),
    "cite all": lambda data: answers.cite(data, [], True),
}


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_answer_goes_over_each_list_a_bounded_number_of_times(
    frozen: Dataset, question: str
) -> None:
    data, kinds = counted(frozen)
    QUESTIONS[question](data)
    passes = {name: kind.passes for name, kind in kinds.items()}
    assert max(passes.values()) <= MOST_PASSES, passes


def test_the_citing_index_is_what_a_scan_finds(frozen: Dataset) -> None:
    for source in frozen.sources:
        scanned = [
            record.id
            for _, record in all_records(frozen)
            if any(c.source.id == source.id for c in getattr(record, "sources", ()))
        ]
        assert cited_by(frozen, source.id) == scanned
        assert index.citing(frozen).get(source.id, []) == scanned


def test_the_payload_and_place_indexes_are_what_a_scan_finds(frozen: Dataset) -> None:
    for institution in frozen.institutions:
        scanned = [p.id for p in frozen.payloads if institution in p.institutions]
        assert index.payloads_with(frozen, institution) == scanned
    for place in frozen.places:
        found = index.at_place(frozen, place)
        assert found.members == [m for m in frozen.members if m.place == place]
        assert found.institutions == [i for i in frozen.institutions if i.place == place]
        assert found.payloads == [p for p in frozen.payloads if place in p.places]


def test_an_index_is_built_once_per_dataset_and_never_served_for_another(
    frozen: Dataset,
) -> None:
    other = frozen._replace(payloads=frozen.payloads[:1])
    assert index.citing(frozen) is index.citing(frozen)
    assert index.citing(other) is not index.citing(frozen)
    cited = {record for ids in index.citing(other).values() for record in ids}
    assert {p.id for p in frozen.payloads} & cited == {frozen.payloads[0].id}


def test_an_object_reads_of_its_dataset_only_what_its_context_says(frozen: Dataset) -> None:
    """diff skips a record equal in both datasets when its context (`dataset_context`) is
    equal too: so a record's object must be the same in any dataset that gives it the same
    context, and differ where the context does."""
    from ilrs_cli.report.items import dataset_context, record_item

    empty = frozen._replace(**{kind.plural: () for kind in KINDS})
    differing = set()
    for kind in KINDS:
        for record in getattr(frozen, kind.plural):
            same_item = record_item(kind, record, frozen) == record_item(kind, record, empty)
            same_context = dataset_context(kind, record, frozen) == (
                dataset_context(kind, record, empty)
            )
            assert same_item == same_context, (kind.name, record.id)
            if not same_context:
                differing.add(kind.name)
    assert differing >= {"member", "institution", "source", "signatory"}  # the test can fail


def synthetic(countries: int, tmp_path: Path) -> Dataset:
    """A dataset of every kind that grows with `countries`: each country has a place, a
    source, an institution, a payload, a national member with a signing date, an Accords
    signatory, an event and a fact."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    codes = [a + b for a in letters for b in letters][:countries]
    cite = 'sources = [{{ id = "s{n}", at = "page" }}]\n'
    parts = [
        '[dataset]\ntitle = "Synthetic"\nversion = "0"\nas_of = "2026-01-01"\n\n[places]\n',
        *(f'"Country {code}" = "{code}"\n' for code in codes),
        '\n[[missions]]\nid = "ilrs"\nname = "ILRS"\n' + cite.format(n=0),
    ]
    for n, code in enumerate(codes):
        place = f"Country {code}"
        parts += [
            f'\n[[sources]]\nid = "s{n}"\ntitle = "S {n}"\npublisher = "P"\n'
            f'url = "https://example.org/{n}"\n',
            f'\n[[institutions]]\nid = "i{n}"\nname = "I {n}"\ncountry = "{place}"\n'
            + cite.format(n=n),
            f'\n[[payloads]]\nid = "p{n}"\nname = "P {n}"\nkind = "rover"\n'
            f'description = "D."\ninstitutions = ["i{n}"]\n' + cite.format(n=n),
            f'\n[[members]]\nid = "m{n}"\nname = "{place}"\ncountry = "{place}"\n'
            f'level = "national"\nstatus = "signed"\ndate = "2024-01-{n % 28 + 1:02}"\n'
            + cite.format(n=n),
            f'\n[[signatories]]\nid = "a{n}"\ncountry = "{place}"\ndate = "2023"\n'
            + cite.format(n=n),
            f'\n[[events]]\nid = "e{n}"\ndate = "2025"\nmission = "ILRS"\nstatus = "done"\n'
            f'event = "E {n}"\n' + cite.format(n=n),
            f'\n[[facts]]\nid = "f{n}"\nmission = "ILRS"\ntopic = "T"\ntext = "X."\n'
            + cite.format(n=n),
        ]
    path = tmp_path / f"synthetic-{countries}.toml"
    path.write_text("".join(parts), encoding="utf-8")
    return load_dataset(path, check_codes=False)


@pytest.mark.parametrize("question", QUESTIONS)
def test_passes_do_not_grow_with_the_data(tmp_path: Path, question: str) -> None:
    """The same number of passes over each list at 1x and 4x the records, for every kind."""
    found = []
    for countries in (15, 60):
        data, kinds = counted(synthetic(countries, tmp_path))
        QUESTIONS[question](data)
        found.append({name: kind.passes for name, kind in kinds.items()})
    assert found[0] == found[1], found


def test_lines_are_found_only_for_a_file_with_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A valid file is never scanned for its lines; one with problems is scanned once, however
    many problems name a line."""
    from ilrs_cli.core.errors import DatasetError
    from ilrs_cli.load import field_reading

    scans = []
    scan = field_reading.header_lines
    monkeypatch.setattr(field_reading, "header_lines", lambda text: scans.append(1) or scan(text))
    synthetic(15, tmp_path)  # every kind, signing dates, dated events and signatories
    assert scans == []
    path = tmp_path / "synthetic-15.toml"
    path.write_text(path.read_text().replace('"done"', '"planned"'), encoding="utf-8")
    with pytest.raises(DatasetError) as raised:
        load_dataset(path, check_codes=False)
    assert len(raised.value.problems) == 15
    assert all(", line " in problem for problem in raised.value.problems)
    assert scans == [1]
