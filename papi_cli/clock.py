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
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            from papi_cli.errors import UsageError
            from papi_cli.message import Message

            raise UsageError(Message("usage.papi_today", value=fixed)) from None
    return dt.datetime.now(VIETNAM).date()
