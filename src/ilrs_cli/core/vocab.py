"""The fixed vocabularies of the dataset. Kept apart from the records so that the command
line can offer them as choices without importing anything else."""

from __future__ import annotations

from enum import Enum


class Level(str, Enum):
    NATIONAL = "national"
    SUBNATIONAL = "subnational"
    ORGANIZATION = "organization"
    AFFILIATED = "affiliated"


class MemberStatus(str, Enum):
    SIGNED = "signed"
    REPORTED = "reported"


class EventStatus(str, Enum):
    PLANNED = "planned"
    DONE = "done"


class EventKind(str, Enum):
    """What an event is, so that a timeline can be filtered to one kind of step."""

    SIGNING = "signing"
    STATEMENT = "statement"
    APPLICATION = "application"
    RATIFICATION = "ratification"
    CALL = "call"
    DEADLINE = "deadline"
    SELECTION = "selection"
    ANNOUNCEMENT = "announcement"
    DELIVERY = "delivery"
    FIGURE = "figure"
    PLAN = "plan"
    LAUNCH = "launch"
    LANDING = "landing"


class PayloadKind(str, Enum):
    ROBOT = "robot"
    ROVER = "rover"
    INSTRUMENT = "instrument"


class Camp(str, Enum):
    """Where a country stands between the ILRS and the Artemis Accords: the filter values.
    A country is in exactly one of both, ilrs-only, artemis-only and neither; `ilrs` and
    `artemis` each take two of those."""

    ILRS = "ilrs"
    ARTEMIS = "artemis"
    BOTH = "both"
    ILRS_ONLY = "ilrs-only"
    ARTEMIS_ONLY = "artemis-only"
    NEITHER = "neither"

    def takes(self, standing: Camp) -> bool:
        """True when a country standing in `standing` (both, ilrs-only, artemis-only or
        neither) is in this camp."""
        if self is Camp.ILRS:
            return standing in (Camp.BOTH, Camp.ILRS_ONLY)
        if self is Camp.ARTEMIS:
            return standing in (Camp.BOTH, Camp.ARTEMIS_ONLY)
        return standing is self
