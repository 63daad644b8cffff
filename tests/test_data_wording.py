"""The data's own wording (issue 35, items 2-4): hedges kept as the sources give them, a
conflict of April 2024 stated, and no run of seven words or more copied from a page."""

from __future__ import annotations

import re

import pytest

from ilrs_cli.core.records import Dataset
from ilrs_cli.load import load_dataset

from .test_data import cited, record

FREE_TEXT = ("description", "note", "agreement", "event", "text", "reliability")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="module")
def free_texts(dataset: Dataset) -> list[str]:
    records = (
        *dataset.sources, *dataset.institutions, *dataset.payloads, *dataset.members,
        *dataset.missions, *dataset.events, *dataset.facts, *dataset.signatories,
    )  # fmt: skip
    texts = [getattr(item, field, None) for item in records for field in FREE_TEXT]
    return [" ".join(re.findall(r"\w+", text.lower())) for text in texts if text]


def test_association_members_took_part_in_the_meeting_itbear(dataset: Dataset) -> None:
    # itbear: 50 institutional and 300-odd individual members attended; no total is given.
    fact = record(dataset, "facts", "ilrs-participation-late-2025")
    assert "took part in the conference" in fact.text
    assert "had 50 institutional" not in fact.text
    assert "not its whole membership" in (fact.note or "")
    source = next(s for s in dataset.sources if s.id == "itbear-2025-09")
    assert "then had 50" not in (source.note or "") and "no total" in (source.note or "")


@pytest.mark.parametrize(("kind", "record_id"), [("events", "ilrs-basic-station"),
                                                 ("facts", "ilrs-phases")])  # fmt: skip
def test_basic_station_2035_beside_xinhuas_2030(
    dataset: Dataset, kind: str, record_id: str
) -> None:
    item = record(dataset, kind, record_id)
    assert "2035" in (item.note or "") and "around 2030" in (item.note or "")
    assert {"cri-2024-04-26", "fivesixgroup-apsco"} <= cited(item)


# Runs found copied from stored pages without quotation marks (Astana Times, Kursiv, China Daily
# regional, chinatechnews, Instapundit, TASS, Xinhua, CGTN, WAM); a proper name is not a run.
COPIED = [
    "chinese partners on the sidelines of the",
    "on the first day of the sco summit",
    "an aerospace start up founded in hangzhou",
    "signed agreements to engage in the ilrs",
    "signed cooperation agreements or letters of intent",
    "more than ten further countries and organizations",
    "at a meeting of brics space agency heads",  # TASS
    "from 11 countries and regions and one international organization",  # Xinhua
    "17 countries and over 50 research institutions",  # CGTN
    "the french initiative planetary exploration horizon 2061",  # WAM
    # the second pass, over every text against the pages its record cites
    "was signed in moscow and beijing on",  # the Kremlin
    "50 international research institutions have joined the",  # Xinhua
    "turkey is understood to have applied to join",  # SpaceNews
    "lunar base to be completed by 2036",
    "20 chinese academicians and 31 international scientists",
    "at an event led by foreign secretary marcelo ebrard",
    "ceremonies at nasa headquarters in washington becoming the 49th and 50th",
    "at a ceremony hosted by nasa on",
    "nigeria and rwanda became the first african",
    "at the german ambassador s residence in washington",
    "at the french ambassador s residence in washington",
    "at the dutch ambassador s residence in washington",
    "the united states and 33 other nations",
    "president trump s visit to kuala lumpur for the",
    "a 24 may ceremony in seoul the",
]


@pytest.mark.parametrize("run", COPIED)
def test_no_copied_run_in_the_data(free_texts: list[str], run: str) -> None:
    assert not [text for text in free_texts if run in text]


def test_description_tells_the_as_of_date_from_the_checked_day(dataset: Dataset) -> None:
    description = dataset.info.description or ""
    assert "verified against its stored page on 4 December" not in description  # read as one
    assert "the as-of date (as_of) is the publication date of the newest source" in description
    assert "`checked` date is the day it was last compared with its stored page" in description
