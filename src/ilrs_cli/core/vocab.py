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


class PayloadKind(str, Enum):
    ROBOT = "robot"
    ROVER = "rover"
    INSTRUMENT = "instrument"
