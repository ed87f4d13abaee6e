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

            raise UsageError(f"PAPI_TODAY='{fixed}': cần một ngày YYYY-MM-DD",
                             f"PAPI_TODAY='{fixed}': needs a date YYYY-MM-DD") from None
    return dt.datetime.now(VIETNAM).date()
