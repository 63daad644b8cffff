"""An Accords signing that sources dispute (a signatory with status `reported`): shown as
reported wherever the signing is shown, counted by default as a reported ILRS participation
is, and left out by --documented. On the two-camps fixture with Japan's signing disputed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ilrs_cli import api
from ilrs_cli.core.records import Dataset

from .conftest import FIXTURES, Runner

JAPAN = 'id = "artemis-japan"\n'


@pytest.fixture(scope="module")
def disputed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = (FIXTURES / "two-camps.toml").read_text(encoding="utf-8")
    assert text.count(JAPAN) == 1
    path = tmp_path_factory.mktemp("disputed") / "data.toml"
    path.write_text(text.replace(JAPAN, JAPAN + 'status = "reported"\n'), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def dataset(disputed: Path) -> Dataset:
    return api.load(disputed)


def names(rows: list[dict[str, object]], key: str = "country") -> set[object]:
    return {row[key] for row in rows}


def test_the_status_is_read_and_defaults_to_signed(dataset: Dataset) -> None:
    statuses = {row["country"]: row["status"] for row in api.signatories(dataset=dataset)}
    assert statuses["Japan"] == "reported"
    assert set(statuses.values()) == {"signed", "reported"}
    (japan,) = api.countries(country="Japan", dataset=dataset)
    assert japan["artemis"]["status"] == "reported"


def test_documented_leaves_a_disputed_signing_out(dataset: Dataset) -> None:
    assert "Japan" in names(api.signatories(dataset=dataset))
    assert "Japan" not in names(api.signatories(documented=True, dataset=dataset))
    assert names(api.countries(country="Japan", dataset=dataset), "camps") == {"artemis-only"}
    strict = api.countries(country="Japan", documented=True, dataset=dataset)
    assert names(strict, "camps") == {"neither"}
    loose = api.signings(dataset=dataset)
    assert "Japan" in names(loose)
    assert "Japan" not in names(api.signings(documented=True, dataset=dataset))
    totals = [
        api.growth(documented=flag, dataset=dataset)[-1]["artemis_total"] for flag in (False, True)
    ]
    assert totals[0] == totals[1] + 1


def test_every_view_of_the_signing_says_reported(ilrs: Runner, disputed: Path) -> None:
    data = ("--data", str(disputed))
    table = ilrs(*data, "countries", "--country", "Japan")
    assert "reported signed 2020-10-13" in " ".join(table.stdout.split())
    signing = ilrs(*data, "signings", "--country", "Japan", "--json").json()
    assert [row["event"].endswith("(reported; sources dispute it)") for row in signing] == [True]
    listing = ilrs(*data, "artemis")
    assert "reported, not in the official count: Japan" in listing.stderr
    assert "Japan" not in ilrs(*data, "artemis", "--documented").stderr
    picture = ilrs(*data, "map").stdout
    assert "Japan: Artemis Accords reported signed 2020-10-13" in picture


def test_check_refuses_another_status(ilrs: Runner, disputed: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    text = disputed.read_text(encoding="utf-8")
    rumoured = text.replace(JAPAN + 'status = "reported"', JAPAN + 'status = "rumoured"')
    assert rumoured != text
    bad.write_text(rumoured, encoding="utf-8")
    outcome = ilrs("check", str(bad))
    assert outcome.exit_code != 0
    assert "artemis-japan" in outcome.stderr
    assert "rumoured" in outcome.stderr and "reported" in outcome.stderr
