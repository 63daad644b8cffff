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
