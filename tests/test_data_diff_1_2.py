"""Data release 1.2.0: `ilrs diff` from 1.1.0 to 1.2.0 (each file as released, kept as a fixture
from git history) shows exactly the changes the CHANGELOG's 1.2.0 entry names, field by field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .release_diff import added_ids, changed_fields, diff_rows

RELEASED = Path(__file__).parent / "fixtures" / "chang8-1.1.0.toml"
RELEASE = Path(__file__).parent / "fixtures" / "chang8-1.2.0.toml"

ADDED = {
    "member": {"argentina", "brazil"},
    "place": {"Argentina", "Brazil"},
    "event": {
        "russia-china-power-station-mou",
        "idsea-founded",
        "third-deep-space-conference",
        "roscosmos-lavochkin-contract",
        "russian-lunar-power-station",
    },
    "fact": {"ilrs-participation-late-2025", "ilrs-power-station"},
    "source": {
        "modernmechanics24-hkust", "yibaidns-chinadaily-2024-12-25", "stheadline-2025-12-18",
        "hk3-legco-2025-01-08", "people-2025-03-17", "spacerfit-serbia",
        "serbianmonitor-xi-visit", "kursiv-2024-07-04", "khabarasia-2024-09-06",
        "businesstoday-2024-09-11", "chinatechnews-2023-06-20", "instapundit-scmp-2023-04-28",
        "copernical-2024-04-25", "ng-2025-05-08", "nsn-power-station-mou",
        "satelit-livescience-2025-05", "tass-ru-25527493", "inform-kz-2025-12-25",
        "ria-2026-02-10", "globaltimes-2025-07-07", "wam-2025-07-08", "itbear-2025-09",
        "gmteight-2025-09-05", "asiaresearchnews-polyu-2018", "vanbien-sciencenet-2024-09-05",
    },
}  # fmt: skip

# Every record field the CHANGELOG's corrections and the new `aliases` change. A member's
# change shows again in its signing event (`<id>-signs`); a date's in `start` and `end`.
DATED = ("date", "start", "end")
CHANGED = {
    ("dataset", "dataset"): {"version", "description"},
    ("event", "hk-robot-lead-appointed"): {*DATED, "event", "note", "sources"},
    ("payload", "multi-functional-robot"): {"note", "sources"},
    ("institution", "hkust"): {"aliases", "note", "sources"},
    ("fact", "ce8-payload-mass"): {"sources"},
    ("member", "serbia"): {*DATED, "agreement", "note", "sources"},
    ("event", "serbia-signs"): {*DATED, "event", "note", "sources"},
    ("member", "kazakhstan"): {"agreement", "note", "sources"},
    ("event", "kazakhstan-signs"): {"event", "note", "sources"},
    ("event", "ilrs-blueprint"): {*DATED, "event", "note", "sources"},
    ("fact", "ilrs-phases"): {"text", "sources"},
    ("event", "ilrs-basic-station"): {"sources"},
    ("event", "ilrs-extended-network"): {"sources"},
    ("member", "uae-entities"): {"note", "sources"},
    ("event", "uae-entities-signs"): {"note", "sources"},
    ("member", "pakistan"): {"note", "sources"},
    ("event", "pakistan-signs"): {"note", "sources"},
    ("mission", "chang-e-7"): {"note", "sources"},
    ("event", "ce7-payloads-announced"): {"note", "sources"},
    ("event", "russia-china-communique-2025"): {"note", "sources"},
    ("member", "apsco"): {"note", "sources"},
    ("event", "apsco-signs"): {"note", "sources"},
    ("event", "dsel-ten-partners"): {"event", "note", "sources"},
    ("event", "ce7-launch"): {"note"},
    ("fact", "ilrs-participation-mid-2025"): {"note"},
    ("institution", "polyu"): {"aliases", "sources"},
    ("institution", "metu"): {"aliases", "sources"},
    ("institution", "russian-federal-space-agency"): {"aliases", "note"},
    ("institution", "russian-state-space-corporation"): {"aliases", "note", "sources"},
    # Artemis Accords facts moved from members' notes to the signatory records
    ("member", "bahrain"): {"note", "sources"},
    ("member", "peru"): {"note", "sources"},
    ("member", "thailand"): {"note", "sources"},
    ("member", "senegal"): {"note", "sources"},
    ("member", "switzerland-entities"): {"note", "sources"},
    ("member", "panama-entities"): {"note", "sources"},
    ("event", "thailand-signs"): {"note", "sources"},
    ("event", "senegal-signs"): {"note", "sources"},
    ("event", "switzerland-entities-signs"): {"note", "sources"},
    ("event", "panama-entities-signs"): {"note", "sources"},
}

# The "Citations" part of the release (titles, dates and authors of existing sources) is a
# separate piece of work; its changes to existing [[sources]] are only allowed here, in these
# fields, and are named in the CHANGELOG's Citations section.
CITATION_FIELDS = {
    "title", "untitled", "author", "date", "note", "checked", "url", "publisher", "via",
    "original_url", "reliability",
}  # fmt: skip


# The Artemis Accords signatories (the CHANGELOG entry after 1.2.0's, same version) come on top:
# their records, the sources and places they add, and `artemis` on members (their country's
# signing, derived from those records).
DERIVED_FROM_SIGNATORIES = frozenset({"artemis", "first"})


def with_the_signatories(added: dict[str, set[str]]) -> dict[str, set[str]]:
    from ilrs_cli.load import load_dataset

    bundled, released = load_dataset(RELEASE), load_dataset(RELEASED)
    old_sources = {source.id for source in released.sources}
    old_places = {place.name for place in released.places}
    cited = {c.source.id for s in bundled.signatories for c in s.sources}
    return {
        **added,
        "signatory": {signatory.id for signatory in bundled.signatories},
        "source": added["source"] | (cited - old_sources),
        "place": added["place"] | ({s.place.name for s in bundled.signatories} - old_places),
    }


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return diff_rows(RELEASED, RELEASE)


def test_nothing_was_removed(rows: list[dict[str, str]]) -> None:
    assert [row for row in rows if row["change"] == "removed"] == []


def test_added_are_exactly_the_changelogs_additions(rows: list[dict[str, str]]) -> None:
    assert added_ids(rows) == with_the_signatories(ADDED)


def test_changed_are_exactly_the_changelogs_corrections(rows: list[dict[str, str]]) -> None:
    assert changed_fields(rows, skip=DERIVED_FROM_SIGNATORIES) == CHANGED


def test_existing_sources_change_only_in_citation_fields(rows: list[dict[str, str]]) -> None:
    fields = {
        row["field"] for row in rows if row["change"] == "changed" and row["kind"] == "source"
    }
    assert fields <= CITATION_FIELDS


def test_the_corrections_old_and_new_values(rows: list[dict[str, str]]) -> None:
    def change(kind: str, record: str, field: str) -> tuple[str, str]:
        (row,) = [r for r in rows if (r["kind"], r["id"], r["field"]) == (kind, record, field)]
        return row["old"], row["new"]

    assert change("event", "hk-robot-lead-appointed", "date") == ("2025-12-18", "2024-12")
    assert change("member", "serbia", "date") == ("2024-05", "2024-05-07/2024-05-08")
    assert change("event", "ilrs-blueprint", "date") == ("2024-09", "2024-09-05")
    old, new = change("member", "kazakhstan", "agreement")
    assert "Astana" not in old and "SCO summit in Astana" in new
    old, new = change("institution", "russian-state-space-corporation", "aliases")
    assert json.loads(old) == [] and "Roscosmos" in json.loads(new)
    assert change("dataset", "dataset", "version") == ("1.1.0", "1.2.0")
