"""Today's date, from one clock that can be pinned.

Relative ages ("7 months ago") take their "today" from here and nowhere else. Setting
`ILRS_TODAY=YYYY-MM-DD` pins it, so that output can be reproduced on any day: the generated
docs and the test suite pin it; a user may too.
"""

from __future__ import annotations

import datetime
import os

from .errors import IlrsError

ENVIRONMENT = "ILRS_TODAY"


class ClockError(IlrsError):
    """ILRS_TODAY is set to something that is not a day."""


def today() -> datetime.date:
    pinned = os.environ.get(ENVIRONMENT, "").strip()
    if not pinned:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(pinned)
    except ValueError:
        raise ClockError(
            f"{ENVIRONMENT} is {pinned[:40]!r}; set it to a day such as 2026-12-04, or unset it"
        ) from None
