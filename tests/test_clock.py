"""Relative ages come from one clock (core.clock) that ILRS_TODAY pins: the checks that
depend on today give the same answers on the as-of date, a year later and ten years later."""

from __future__ import annotations

import datetime

import pytest

from ilrs_cli.core import clock
from ilrs_cli.report.cells import data_age

from .conftest import Runner

AS_OF = datetime.date(2026, 4, 13)  # the frozen fixture's as-of date
DAYS = {  # the clock, and the age every caption must then state
    AS_OF.isoformat(): "Data as of 2026-04-13; nothing after it",
    "2027-04-13": "Data as of 2026-04-13, 12 months ago; nothing after it",
    "2036-04-13": "Data as of 2026-04-13, 10 years ago; nothing after it",
}


def test_the_data_says_its_age() -> None:
    assert data_age(AS_OF, datetime.date(2026, 11, 26)) == ", 7 months ago"
    assert data_age(AS_OF, datetime.date(2026, 6, 1)) == ""
    assert data_age(AS_OF, datetime.date(2028, 4, 13)) == ", 2 years ago"


def test_the_clock_is_pinned_by_ilrs_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ILRS_TODAY", "2031-02-03")
    assert clock.today() == datetime.date(2031, 2, 3)
    assert data_age(AS_OF) == ", 4 years ago"
    monkeypatch.delenv("ILRS_TODAY")
    before, now, after = datetime.date.today(), clock.today(), datetime.date.today()
    assert before <= now <= after


@pytest.mark.parametrize("value", ["tomorrow", "2026-13-01", "2026-04"])
def test_a_bad_pinned_day_is_a_usage_error(ilrs: Runner, value: str) -> None:
    result = ilrs("payloads", env={"ILRS_TODAY": value})
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"ILRS_TODAY is {value!r}; set it to a day such as" in result.stderr


@pytest.mark.parametrize("today", DAYS)
def test_captions_state_the_age_on_any_day(ilrs: Runner, today: str) -> None:
    for args in (["payloads"], ["members", "--national"], ["timeline"], ["info"]):
        result = ilrs(*args, env={"ILRS_TODAY": today, "COLUMNS": "300"})
        assert result.exit_code == 0, (args, result.stderr)
        assert DAYS[today] in result.stdout, args


@pytest.mark.parametrize("today", DAYS)
def test_machine_formats_do_not_depend_on_the_day(ilrs: Runner, today: str) -> None:
    pinned = ilrs("payloads", "--json").stdout
    assert ilrs("payloads", "--json", env={"ILRS_TODAY": today}).stdout == pinned
