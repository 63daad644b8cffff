"""Data release 1.3.0: `ilrs diff` from 1.2.0 (the file as released, kept as a fixture from
git history) shows exactly the changes the CHANGELOG's 1.3.0 entry names, field by field.

Each piece of work on the release adds its own lines to ADDED, CHANGED and CHANGED_SOURCES."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .release_diff import added_ids, changed_fields, diff_rows

RELEASED = Path(__file__).parent / "fixtures" / "chang8-1.2.0.toml"
CHANGELOG = Path(__file__).parent.parent / "CHANGELOG.md"

# Records added, by kind. A member's signing adds its event `<id>-signs`.
ADDED: dict[str, set[str]] = {
    "place": {"Latvia"},
    "signatory": {"artemis-latvia"},
    "member": {"oman-entities"},
    "event": {"oman-entities-signs"},
    "source": {
        # Latvia
        "flyingtomars-spacenews-latvia", "researchlatvia-artemis", "ogrenet-2025-10-07-latvia",
        "menafn-state-portugal",
        # Oman Lens
        "spacenews-oman-lens", "zawya-2024-12-11-oman-lens",
        # the Pakistan rover's memorandum
        "dailythepatriot-2025-02-06",
        # stored primaries beside copies
        "nasa-saudi-arabia", "prnewswire-nasa-estonia", "federalnewswire-oman",
        "ria-2025-12-24",
        # IKI's Russian names
        "tass-ru-25215987",
        # Chinese and Russian names of institutions and participants
        "wikipedia-zju", "xjnnet-2025-02-24", "chinanews-2020-03-17", "lnd-2024-04-25",
        "hkcd-2024-04-25", "zhwiki-ciomp", "zaker-kkj-ce7-imager", "lenta-2004-03-12",
        "ruwiki-roskosmos-2020-02-26",
    },
}  # fmt: skip

# A signatory's standing in the ILRS camp is derived from the members of its country.
CAMPS = ("camps", "first", "ilrs", "ilrs_standing")

# Records changed (sources apart), with every field that changed.
CHANGED: dict[tuple[str, str], set[str]] = {
    ("dataset", "dataset"): {"version", "description"},
    ("event", "pakistan-rover-mou"): {"note", "sources"},
    ("event", "roscosmos-lavochkin-contract"): {"sources"},
    ("signatory", "artemis-saudi-arabia"): {"sources"},
    ("signatory", "artemis-estonia"): {"sources"},
    ("signatory", "artemis-portugal"): {"sources"},
    ("signatory", "artemis-oman"): {"sources", *CAMPS},  # Oman Lens puts Oman in both camps
    # a hedge kept, a conflict stated, copied wording rewritten, IKI's Russian names
    ("fact", "ilrs-participation-late-2025"): {"text", "note"},
    ("event", "ilrs-basic-station"): {"note", "sources"},
    ("fact", "ilrs-phases"): {"note", "sources"},
    ("member", "kazakhstan"): {"agreement", "note"},
    ("event", "kazakhstan-signs"): {"event", "note"},
    ("member", "uae-entities"): {"note"},
    ("event", "uae-entities-signs"): {"note"},
    ("member", "argentina"): {"note"},
    ("member", "brazil"): {"note"},
    ("institution", "star-vision"): {"note", "aliases", "name_zh", "sources"},
    ("institution", "iki"): {"aliases", "name_zh", "sources"},
    ("fact", "ilrs-participation-roscosmos-2025"): {"text"},
    ("fact", "ce8-selection"): {"text"},
    ("event", "ce8-payloads-selected"): {"note"},
    ("fact", "ilrs-participation-mid-2025"): {"text"},
    ("event", "idsea-founded"): {"note"},
    # the second pass over every text (issue 35 item 4): members and events
    ("member", "russia"): {"note"},
    ("event", "russia-signs"): {"note"},
    ("event", "ce7-payloads-announced"): {"event"},
    ("event", "ilrs-participation-figures"): {"event"},
    # ... and facts, institutions, payloads, missions and the sources they cite
    ("payload", "multi-functional-robot"): {"note"},
    ("payload", "ce7-wide-field-telescope"): {"description"},
    # ... and the signatories and the sources only they cite
    ("signatory", "artemis-mexico"): {"note"},
    ("signatory", "artemis-south-korea"): {"note"},
    # Chinese and Russian names, each shown by a source the record cites
    ("institution", "zju"): {"aliases", "name_zh", "sources"},
    ("institution", "ciomp"): {"aliases", "name_zh", "sources"},
    ("institution", "iloa"): {"name_zh", "sources"},
    ("institution", "russian-federal-space-agency"): {"aliases", "sources"},
    ("institution", "russian-state-space-corporation"): {"aliases", "sources"},
    ("member", "apsco"): {"aliases", "sources"},
    ("event", "apsco-signs"): {"sources"},  # a signing event takes its member's sources
    ("member", "arab-union-astronomy"): {"aliases", "sources"},
    ("event", "arab-union-astronomy-signs"): {"sources"},
}

# Existing sources changed, with every field that changed.
CHANGED_SOURCES: dict[str, set[str]] = {
    "instapundit-scmp-2023-04-28": {"publisher", "via", "reliability", "note", "checked"},
    "earthndbeyond-five-years": {"date", "reliability", "checked", "note"},
    "spacenews-venezuela": {"date", "note", "checked"},
    "itbear-2025-09": {"note"},
    "kursiv-2024-07-04": {"note"},
    "chinadaily-2025-01-27": {"note"},
    "chinatechnews-2023-06-20": {"note"},
    "tass-1950959": {"note"},
    "rambler-tass-2024-05-28": {"note"},
    "kremlin-2024-06-12": {"note"},
    "spacenews-2024-07": {"note"},
    "stdaily-2023-05-11": {"note"},
    "scmp-3226845": {"note"},
    "voi-331490": {"note"},
    "ubl-2024-09": {"note"},
    "ecns-2025-03-17": {"note"},
    "voidum-12521": {"note"},
    "pressreader-chinadaily-hk-2024-04-26": {"note"},
    "modernmechanics24-hkust": {"note"},
    "khabarasia-2024-09-06": {"note"},
    "copernical-2024-04-25": {"note"},
    "satelit-livescience-2025-05": {"note"},
    "wam-2025-07-08": {"note"},
    "sciencetimes-2020-10-14": {"note"},
    "parabolicarc-2021-06-01-nz": {"note"},
    "spacenews-poland": {"note"},
    "parabolicarc-2021-12-11-mexico": {"note"},
    "spacecom-france": {"note"},
    "glamcityz-nigeria-rwanda": {"note"},
    "nasa-germany": {"note"},
    "waff-2023-11-01-netherlands": {"note"},
    "djayanews-bulgaria": {"note"},
    "stategov-blinken-greece": {"note"},
    "cerebral-overload-slovakia": {"note"},
    "aliensandspace-panama-austria": {"note"},
    "globebanner-hungary-malaysia-philippines": {"note"},
}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return diff_rows(RELEASED)


@pytest.fixture(scope="module")
def entry() -> str:
    """The CHANGELOG's 1.3.0 entry."""
    text = CHANGELOG.read_text(encoding="utf-8")
    (found,) = re.findall(r"^## Data 1\.3\.0 .*?(?=^## )", text, flags=re.MULTILINE | re.DOTALL)
    return str(found)


def test_the_fixture_is_the_released_1_2_0() -> None:
    assert 'version = "1.2.0"' in RELEASED.read_text(encoding="utf-8")


def test_nothing_was_removed(rows: list[dict[str, str]]) -> None:
    assert [row for row in rows if row["change"] == "removed"] == []


def test_added_are_exactly_the_changelogs_additions(rows: list[dict[str, str]]) -> None:
    assert added_ids(rows) == ADDED


def test_changed_are_exactly_the_changelogs_corrections(rows: list[dict[str, str]]) -> None:
    assert changed_fields(rows) == CHANGED


def test_existing_sources_change_exactly_as_named(rows: list[dict[str, str]]) -> None:
    changed = changed_fields(rows, sources=True)
    assert {record: fields for (_, record), fields in changed.items()} == CHANGED_SOURCES


def test_the_changelog_entry_names_every_change(entry: str) -> None:
    named = set(re.findall(r"`([^`]+)`", entry))
    records = {record for ids in ADDED.values() for record in ids} - ADDED["place"]
    records |= {record for _, record in CHANGED if record != "dataset"} | set(CHANGED_SOURCES)
    assert records - named == set()
    assert all(place in entry for place in ADDED["place"])


def test_the_changes_old_and_new_values(rows: list[dict[str, str]]) -> None:
    def change(kind: str, record: str, field: str) -> tuple[str | None, str | None]:
        (row,) = [r for r in rows if (r["kind"], r["id"], r["field"]) == (kind, record, field)]
        return row["old"], row["new"]

    assert change("dataset", "dataset", "version") == ("1.2.0", "1.3.0")
    instapundit = "instapundit-scmp-2023-04-28"
    assert change("source", instapundit, "publisher") == ("South China Morning Post", "Instapundit")
    assert change("source", instapundit, "via") == ("Instapundit", None)
    assert change("source", "earthndbeyond-five-years", "date") == (None, "2025-11-20")
    assert change("source", "spacenews-venezuela", "date") == (None, "2023-07")
    old, new = change("event", "pakistan-rover-mou", "sources")
    assert "dailythepatriot-2025-02-06" not in (old or "")
    assert "dailythepatriot-2025-02-06" in (new or "")
    assert change("signatory", "artemis-oman", "camps") == ("artemis-only", "both")
    assert change("signatory", "artemis-oman", "first") == (None, "ilrs")
