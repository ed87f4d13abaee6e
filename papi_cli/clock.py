"""Today's date in Vietnam (UTC+7), the only clock papi reads.

``PAPI_TODAY=YYYY-MM-DD`` fixes it, for tests and for re-running a past day's checks.
"""

from __future__ import annotations

import datetime as dt
import os

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")


def today_vn() -> dt.date:
    fixed = os.environ.get("PAPI_TODAY")
    if fixed:
        return dt.date.fromisoformat(fixed)
    return dt.datetime.now(VIETNAM).date()
