"""Dates with the precision their source gives: a day, a month, a year, a range or a decade.

Every date is a span from its first to its last possible day, so "2026" is 2026-01-01 to
2026-12-31 and "2028/2029" is 2028-01-01 to 2029-12-31. Filters compare spans: a date is
"on or after" D when its span ends on or after D's first day, and "on or before" D when its
span starts on or before D's last day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .tuples import NamedTuple

_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_YEAR = re.compile(r"([0-9]{4})")
_DECADE = re.compile(r"([0-9]{3})0s")

POINT_FORMATS = "YYYY, YYYY-MM or YYYY-MM-DD"
DATASET_FORMATS = f"{POINT_FORMATS}, a range A/B of those, or a decade such as 2030s"


class FuzzyDate(NamedTuple):
    text: str
    start: date
    end: date

    def __str__(self) -> str:
        return self.text

    @property
    def display(self) -> str:
        return display_date(self.text)

    @property
    def is_day(self) -> bool:
        return self.start == self.end

    @property
    def iso(self) -> str:
        """The date as ISO 8601 and biblatex read it: its text, but a decade as the range of
        its years ('2030/2039')."""
        if _DECADE.fullmatch(self.text):
            return f"{self.start.year}/{self.end.year}"
        return self.text

    def date_parts(self) -> list[list[int]]:
        """CSL-JSON date-parts: [[2025, 4, 24]], [[2026]], [[2028], [2029]]."""
        return [[int(number) for number in piece.split("-")] for piece in self.iso.split("/")]

    @property
    def year(self) -> int | None:
        """The year the date lies in, or None when its span covers several years."""
        return self.start.year if self.start.year == self.end.year else None

    def ends_on_or_after(self, day: date) -> bool:
        return self.end >= day

    def starts_on_or_before(self, day: date) -> bool:
        return self.start <= day


def display_date(text: str) -> str:
    """A dataset date for people, with its precision: '2028 to 2029' (a range), '2030s',
    '2025-04-24'; never padded to a day the source does not give."""
    first, _, last = text.partition("/")
    return f"{first} to {last}" if last else text


def _point(text: str) -> FuzzyDate | None:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; None when the text is none of those."""
    try:
        if match := _DAY.fullmatch(text):
            day = date(*(int(part) for part in match.groups()))
            return FuzzyDate(text, day, day)
        if match := _MONTH.fullmatch(text):
            year, month = int(match[1]), int(match[2])
            first = date(year, month, 1)
            last = date(year, 12, 31) if month == 12 else date(year, month + 1, 1) - timedelta(1)
            return FuzzyDate(text, first, last)
    except ValueError:
        return None
    if match := _YEAR.fullmatch(text):
        year = int(match[1])
        return FuzzyDate(text, date(year, 1, 1), date(year, 12, 31))
    return None


def parse_point(text: str) -> FuzzyDate:
    """A single day, month or year, as a user gives it on the command line."""
    parsed = _point(text.strip())
    if parsed is None:
        raise ValueError(f"'{text}' is not a date; use {POINT_FORMATS}")
    return parsed


def parse_dataset_date(text: str) -> FuzzyDate:
    """Any date form the dataset allows: a point, a range A/B, or a decade."""
    if match := _DECADE.fullmatch(text):
        decade = int(match[1]) * 10
        return FuzzyDate(text, date(decade, 1, 1), date(decade + 9, 12, 31))
    if "/" in text:
        first_text, _, last_text = text.partition("/")
        first, last = _point(first_text), _point(last_text)
        if first is not None and last is not None and first.start <= last.end:
            return FuzzyDate(text, first.start, last.end)
    elif (point := _point(text)) is not None:
        return point
    raise ValueError(f"'{text}' is not a date; use {DATASET_FORMATS}")
